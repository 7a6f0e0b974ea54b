import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Input, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { recordPath, searchEverything, searchKeys } from '../../api/search.ts';
import { Highlighted } from '../../components/Highlighted.tsx';

/** Waits until typing pauses, so the server is asked once per word rather than once per key. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The search box of the header: suggestions (3 per kind) while typing, a record's page on picking
 * one, the full results page (`/search?q=`) on Enter. One character is enough for Chinese.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const picked = useRef(false);
  const q = useDebounced(typed.trim(), 250);
  const { data, isFetching } = useQuery({ queryKey: searchKeys.query(q, undefined, 3), queryFn: () => searchEverything(q, { limit: 3 }), enabled: q.length > 0, staleTime: 30_000 });

  const options =
    q && data
      ? data.groups.map((group) => ({
          label: <Typography.Text type="secondary">{t(`search.kinds.${group.kind}`)}</Typography.Text>,
          options: group.items.map((hit) => ({
            value: `${hit.kind}:${hit.id}`,
            label: (
              <span data-testid={`header-suggestion-${hit.kind}-${hit.id}`}>
                <Highlighted text={hit.title} ranges={hit.titleRanges} />
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {hit.divisionName}
                </Typography.Text>
              </span>
            ),
          })),
        }))
      : [];

  const openResults = (text: string) => {
    if (picked.current) {
      picked.current = false;
      return;
    }
    const query = text.trim();
    if (query) void navigate(`/search?q=${encodeURIComponent(query)}`);
  };

  return (
    <AutoComplete
      options={options}
      value={typed}
      // Picking an option reports its value (`kind:id`) as a change too: that is not text the user typed.
      onChange={(value) => {
        if (!/^[a-z]+:\d+$/.test(value)) setTyped(value);
      }}
      defaultActiveFirstOption={false}
      onSelect={(value: string) => {
        const [kind, id] = value.split(':');
        const path = recordPath(kind as Parameters<typeof recordPath>[0], Number(id));
        picked.current = true;
        setTyped('');
        void navigate(path ?? `/search?q=${encodeURIComponent(q)}`);
        // Enter on an option also reaches the input's search; the flag above swallows it once.
        setTimeout(() => (picked.current = false), 0);
      }}
      // The header's line height would stretch the box to the header's height.
      style={{ width: 280, lineHeight: 'normal' }}
      popupMatchSelectWidth={360}
    >
      <Input.Search placeholder={t('search.header.placeholder')} loading={isFetching} onSearch={openResults} allowClear maxLength={60} data-testid="header-search" aria-label={t('search.header.label')} />
    </AutoComplete>
  );
}
