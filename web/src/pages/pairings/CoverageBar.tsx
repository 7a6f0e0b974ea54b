import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Coverage {
  paired: number;
  shouldBePaired: number;
  ratio: number;
}

/** Coverage as a bar with "13 / 29": how many of the organisations that should be paired are. */
export function CoverageBar({ coverage, testId, width }: { coverage: Coverage; testId?: string; width?: number }) {
  const { t } = useTranslation();
  const percent = Math.round(coverage.ratio * 1000) / 10;
  return (
    <Flex gap={8} align="center" style={width ? { width } : undefined}>
      <Progress percent={percent} size="small" showInfo={false} status={coverage.ratio >= 1 ? 'success' : 'active'} style={{ flex: 1, margin: 0 }} />
      <Typography.Text className="tx-numeric" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {t('work.pairings.coverageOf', { paired: coverage.paired, total: coverage.shouldBePaired })}
      </Typography.Text>
      <Typography.Text type="secondary" className="tx-numeric">{`${percent}%`}</Typography.Text>
    </Flex>
  );
}
