import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { divisionKeys, fetchDivision, searchDivisions } from '../api/divisions.ts';
import { divisionSearchNodes } from '../lib/division-search.ts';
import { useDivisionNodes } from './division-nodes.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * Choose a division from the user's subtree, one level at a time, or by typing part of its name: the
 * tree holds only the levels opened so far (a city has thousands of villages), so a typed name is
 * looked up on the server across the whole subtree and the hits are listed flat, each with the name
 * of its parent where known. A value set from outside (the URL, a record being edited) has its path
 * opened so the picker shows its name rather than its id.
 */
export function DivisionPicker({ value, onChange, placeholder, allowClear = true, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { nodes, load, reveal } = useDivisionNodes();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    // Wait for a pause in typing so each keystroke does not cost a request.
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const hits = useQuery({
    queryKey: divisionKeys.search({ q: query, picker: true }),
    queryFn: () => searchDivisions({ q: query, pageSize: 50 }),
    enabled: query.length > 0,
    staleTime: 30_000,
  });

  const treeData = useMemo(
    () =>
      [...nodes.entries()].flatMap(([parentId, children]) =>
        children.map((node) => ({
          id: node.id,
          pId: parentId ?? 0,
          value: node.id,
          title: node.name,
          isLeaf: node.childCount === 0,
        })),
      ),
    [nodes],
  );

  const searching = typed.trim().length > 0;
  const hitNodes = useMemo(() => divisionSearchNodes(hits.data?.items ?? [], nodes), [hits.data, nodes]);

  const known = treeData.some((node) => node.value === value);
  const rootsLoaded = nodes.has(null);
  useEffect(() => {
    if (!value || known || !rootsLoaded) return;
    // Reveal the path to a value whose node has not been loaded; out-of-scope values stay as they are.
    fetchDivision(value)
      .then((detail) => reveal(detail.ancestors.map((ancestor) => ancestor.id)))
      .catch(() => undefined);
  }, [value, known, rootsLoaded, reveal]);

  return (
    <TreeSelect
      {...rest}
      style={style}
      value={value ?? undefined}
      onChange={(next: number | undefined) => {
        setTyped('');
        onChange?.(next ?? null);
      }}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={searching ? hitNodes : treeData}
      loadData={async (node) => {
        if (!searching) await load(Number(node.value));
      }}
      placeholder={placeholder ?? t('divisions.pick')}
      allowClear={allowClear}
      showSearch
      searchValue={typed}
      onSearch={setTyped}
      onOpenChange={(open) => {
        if (!open) setTyped('');
      }}
      // The server matched the name already; the picker must not filter its answer again.
      filterTreeNode={() => true}
      treeNodeFilterProp="title"
      loading={!rootsLoaded || (searching && (hits.isFetching || query !== typed.trim()))}
      notFoundContent={searching && (hits.isFetching || query !== typed.trim()) ? t('common.loading') : t('common.empty')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 260, maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
