import { useEffect, useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchDivision } from '../api/divisions.ts';
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
 * Choose a division from the user's subtree, one level at a time. A value set from outside (the URL,
 * a record being edited) has its path opened so the picker shows its name rather than its id.
 */
export function DivisionPicker({ value, onChange, placeholder, allowClear = true, style, ...rest }: Props) {
  const { t } = useTranslation();
  const { nodes, load, reveal } = useDivisionNodes();

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
      onChange={(next: number | undefined) => onChange?.(next ?? null)}
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: 0 }}
      treeData={treeData}
      loadData={async (node) => {
        await load(Number(node.value));
      }}
      placeholder={placeholder ?? t('divisions.pick')}
      allowClear={allowClear}
      showSearch={false}
      loading={!rootsLoaded}
      notFoundContent={t('common.empty')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 260, maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
