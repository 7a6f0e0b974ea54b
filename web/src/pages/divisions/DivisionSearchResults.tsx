import { List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { divisionKeys, searchDivisions } from '../../api/divisions.ts';
import { messageOf } from '../../api/form-errors.ts';
import { LoadFailed } from '../../components/ResultPages.tsx';

const pageSize = 50;

/** Divisions whose name matches, in place of the tree while a filter is typed. */
export function DivisionSearchResults({ q, selectedId, onSelect }: { q: string; selectedId: number | null; onSelect: (id: number) => void }) {
  const { t } = useTranslation();
  const query = { q, pageSize };
  const { data, isPending, error, refetch } = useQuery({
    queryKey: divisionKeys.search(query),
    queryFn: () => searchDivisions(query),
  });
  if (error) return <LoadFailed error={error} message={messageOf(error, t('common.networkError'))} onRetry={() => void refetch()} />;
  return (
    <List
      data-testid="division-search-results"
      size="small"
      loading={isPending}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('divisions.noMatch', { q }) }}
      footer={
        data && data.total > pageSize ? <Typography.Text type="secondary">{t('divisions.moreMatches', { shown: pageSize, total: data.total })}</Typography.Text> : null
      }
      renderItem={(division) => (
        <List.Item
          onClick={() => onSelect(division.id)}
          style={{ cursor: 'pointer', background: division.id === selectedId ? '#e6efff' : undefined, paddingInline: 8 }}
        >
          <Typography.Text>{division.name}</Typography.Text>
          <Tag>{t(`levels.${division.level}`)}</Tag>
        </List.Item>
      )}
    />
  );
}
