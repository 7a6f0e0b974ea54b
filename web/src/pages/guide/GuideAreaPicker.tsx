import { Breadcrumb, Skeleton, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchGuideDivisions, guideKeys } from '../../api/guide.ts';
import styles from './guide.module.css';

/**
 * Choose an area by tapping down the tree (省 › 市 › 镇): the path so far, then the areas below it
 * that have public venues, each with its count. Works with a thumb on a phone, unlike a cascader.
 */
export function GuideAreaPicker({ path, onChange }: { path: number[]; onChange: (path: number[]) => void }) {
  const { t } = useTranslation();
  const parents: Array<number | null> = [null, ...path];
  const levels = useQueries({
    queries: parents.map((parentId) => ({ queryKey: guideKeys.divisions(parentId), queryFn: () => fetchGuideDivisions(parentId), staleTime: 5 * 60_000 })),
  });
  const names = path.map((id, index) => levels[index]?.data?.find((division) => division.id === id)?.name ?? '…');
  const below = levels[levels.length - 1];

  return (
    <div data-testid="guide-area">
      <Breadcrumb
        items={[
          { title: path.length > 0 ? <Typography.Link onClick={() => onChange([])}>{t('registry.guide.everywhere')}</Typography.Link> : t('registry.guide.everywhere') },
          ...path.map((id, index) => ({
            title: index < path.length - 1 ? <Typography.Link onClick={() => onChange(path.slice(0, index + 1))}>{names[index]}</Typography.Link> : <strong data-testid="guide-area-current">{names[index]}</strong>,
          })),
        ]}
      />
      {below?.isPending ? (
        <Skeleton.Input active size="small" style={{ marginTop: 10 }} />
      ) : (below?.data?.length ?? 0) > 0 ? (
        <div className={styles.chips}>
          {below!.data!.map((division) => (
            <Tag.CheckableTag key={division.id} checked={false} onChange={() => onChange([...path, division.id])} data-testid={`guide-area-${division.id}`} style={{ border: '1px solid #d9d9d9', padding: '2px 10px', fontSize: 14 }}>
              {division.name} <span className="tx-numeric" style={{ opacity: 0.6 }}>{division.venueCount}</span>
            </Tag.CheckableTag>
          ))}
        </div>
      ) : null}
    </div>
  );
}
