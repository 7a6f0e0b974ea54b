import { App, Button, Space, Table, Tag } from 'antd';
import type { ArticleFigure } from '@tongxin/core';
import { useTranslation } from 'react-i18next';
import { updateArticleFigure } from '../../api/articles.ts';
import { messageOf } from '../../api/form-errors.ts';

const statusColours = { extracted: 'default', confirmed: 'green', rejected: 'red' } as const;

/** The numbers the text claims (会员企业154家): confirm or reject each, so claims can be checked against the records. */
export function ArticleFiguresTable({ articleId, figures, editable, onChanged }: { articleId: number; figures: ArticleFigure[]; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const set = async (figure: ArticleFigure, status: ArticleFigure['status']) => {
    try {
      await updateArticleFigure(articleId, figure.id, { status, version: figure.version });
    } catch (error) {
      message.error(messageOf(error, t('common.networkError')));
    }
    onChanged();
  };
  const columns = [
    { title: t('publicity.figures.label'), dataIndex: 'label', render: (label: string) => label || '—' },
    { title: t('publicity.figures.raw'), dataIndex: 'raw' },
    { title: t('publicity.figures.value'), dataIndex: 'normalised', align: 'right' as const, render: (value: number, row: ArticleFigure) => `${value.toLocaleString()} ${row.baseUnit}` },
    { title: t('publicity.figures.status'), dataIndex: 'status', render: (status: ArticleFigure['status']) => <Tag color={statusColours[status]}>{t(`publicity.figureStatuses.${status}`)}</Tag> },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: ArticleFigure) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={row.status === 'confirmed'} onClick={() => void set(row, 'confirmed')} data-testid={`figure-confirm-${row.id}`}>
                  {t('publicity.figures.confirm')}
                </Button>
                <Button type="link" size="small" danger disabled={row.status === 'rejected'} onClick={() => void set(row, 'rejected')}>
                  {t('publicity.figures.reject')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return <Table<ArticleFigure> data-testid="article-figures" rowKey="id" size="small" dataSource={figures} columns={columns} pagination={figures.length > 10 ? { pageSize: 10, size: 'small' } : false} />;
}
