import { useState } from 'react';
import { Breadcrumb, Input, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPortalDivisions, portalKeys, type PortalDivision } from '../../api/portal.ts';
import styles from './portal.module.css';

interface Props {
  value: PortalDivision[];
  onChange: (path: PortalDivision[]) => void;
}

/**
 * Pick where the request is about: tap down the tree (省 › 市 › 镇 › 村) or type a village's name.
 * The path is kept so the breadcrumb shows names; the last one is the division submitted.
 */
export function PortalDivisionPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const parentId = value.at(-1)?.id ?? null;
  const children = useQuery({ queryKey: portalKeys.divisions(parentId, ''), queryFn: () => fetchPortalDivisions(parentId), staleTime: 5 * 60_000, enabled: !q });
  const found = useQuery({ queryKey: portalKeys.divisions(null, q), queryFn: () => fetchPortalDivisions(null, q), enabled: Boolean(q), staleTime: 60_000 });

  const pick = (division: PortalDivision) => {
    setQ('');
    // A search hit carries its path by name only: keep the hit itself, the breadcrumb shows its path.
    onChange([...value, division]);
  };
  const choose = (division: PortalDivision) => {
    setQ('');
    onChange([division]);
  };
  return (
    <div data-testid="portal-division">
      <Input.Search
        allowClear
        data-testid="portal-division-search"
        placeholder={t('requestPages.portal.divisionSearch')}
        onSearch={(text) => setQ(text.trim())}
        // Enter here means "search", never "send the request": without this the browser submits the
        // surrounding form, which then marks every field below as missing before the user reached it.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
        onChange={(event) => !event.target.value && setQ('')}
        style={{ marginBottom: 8 }}
      />
      {q ? (
        found.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : (
          <List
            size="small"
            bordered
            dataSource={found.data ?? []}
            locale={{ emptyText: t('requestPages.portal.divisionNone') }}
            renderItem={(division) => (
              <List.Item
                onClick={() => choose(division)}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  choose(division);
                }}
                role="button"
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                data-testid={`portal-division-hit-${division.id}`}
              >
                <span>
                  <strong>{division.name}</strong> <Typography.Text type="secondary">{division.pathNames.slice(0, -1).join(' › ')}</Typography.Text>
                </span>
              </List.Item>
            )}
          />
        )
      ) : (
        <>
          <Breadcrumb
            items={[
              { title: <Typography.Link onClick={() => onChange([])}>{t('requestPages.portal.divisionAll')}</Typography.Link> },
              ...(value.length === 1 && value[0]!.pathNames.length > 1
                ? [{ title: <strong data-testid="portal-division-current">{value[0]!.pathNames.join(' › ')}</strong> }]
                : value.map((division, index) => ({
                    title:
                      index < value.length - 1 ? (
                        <Typography.Link onClick={() => onChange(value.slice(0, index + 1))}>{division.name}</Typography.Link>
                      ) : (
                        <strong data-testid="portal-division-current">{division.name}</strong>
                      ),
                  }))),
            ]}
          />
          {children.isPending ? (
            <Skeleton.Input active size="small" style={{ marginTop: 10 }} />
          ) : (
            <div className={styles.chips} data-testid="portal-division-children">
              {(children.data ?? []).map((division) => (
                <Tag.CheckableTag
                  key={division.id}
                  checked={false}
                  onChange={() => pick(division)}
                  data-testid={`portal-division-${division.id}`}
                  style={{ border: '1px solid #d9d9d9', padding: '2px 10px', fontSize: 14 }}
                >
                  {division.name}
                </Tag.CheckableTag>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
