import { Flex, Statistic, Card } from 'antd';
import { useTranslation } from 'react-i18next';

/** The records that point at a record (`{ activities: 12 }`), counted in the reader's scope. */
export function LinkCounts({ links }: { links: Record<string, number> }) {
  const { t } = useTranslation();
  const entries = Object.entries(links);
  if (entries.length === 0) return null;
  return (
    <Flex gap={12} wrap="wrap" data-testid="link-counts">
      {entries.map(([key, value]) => (
        <Card key={key} size="small" style={{ minWidth: 140 }}>
          <Statistic title={t(`registry.links.${key}`, { defaultValue: key })} value={value} />
        </Card>
      ))}
    </Flex>
  );
}
