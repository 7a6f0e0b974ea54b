import type { ReactNode } from 'react';
import { Card, Flex, Statistic, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Compared } from '@tongxin/core';
import { useTranslation } from 'react-i18next';

/** `+12 (+23.5%)`, `−3 (−4.5%)`, `0`: the change against one earlier period. */
function Delta({ label, current, before, format }: { label: string; current: number; before: number; format: (n: number) => string }) {
  const delta = current - before;
  const rate = before !== 0 ? ` (${delta >= 0 ? '+' : '−'}${((Math.abs(delta) / before) * 100).toFixed(1)}%)` : '';
  const color = delta > 0 ? '#237804' : delta < 0 ? '#a8071a' : undefined;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {label}{' '}
      <span style={{ color }} className="tx-numeric">
        {delta > 0 ? <ArrowUpOutlined /> : delta < 0 ? <ArrowDownOutlined /> : null}
        {delta === 0 ? '0' : `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}${rate}`}
      </span>
    </Typography.Text>
  );
}

interface Props {
  title: ReactNode;
  /** A stock figure (a number) or a flow figure with its comparisons. */
  value: number | Compared;
  format?: (n: number) => string;
  extra?: ReactNode;
  onClick?: (() => void) | undefined;
  testId: string;
}

/** One headline figure; clicking it opens the list of the records behind it. */
export function FigureCard({ title, value, format = (n) => n.toLocaleString('en-US'), extra, onClick, testId }: Props) {
  const { t } = useTranslation();
  const compared = typeof value === 'number' ? null : value;
  const current = typeof value === 'number' ? value : value.current;
  return (
    <Card size="small" hoverable={Boolean(onClick)} onClick={onClick} data-testid={testId} style={{ height: '100%', cursor: onClick ? 'pointer' : undefined }}>
      <Statistic title={title} value={format(current)} className="tx-numeric" valueStyle={{ fontSize: 24 }} />
      <Flex vertical gap={0}>
        {compared && <Delta label={t('dashboard.vsPrevious')} current={compared.current} before={compared.previous} format={format} />}
        {compared && <Delta label={t('dashboard.vsLastYear')} current={compared.current} before={compared.lastYear} format={format} />}
        {extra}
      </Flex>
    </Card>
  );
}
