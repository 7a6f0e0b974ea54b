import { useEffect, useMemo, useState, type Key } from 'react';
import { Empty, Tree, Typography, type TreeDataNode } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DivisionNode } from '../../api/divisions.ts';
import type { NodesByParent } from '../../components/division-nodes.ts';
import { PageLoading } from '../../components/PageLoading.tsx';
import { LoadFailed } from '../../components/ResultPages.tsx';
import { messageOf } from '../../api/form-errors.ts';

interface Props {
  nodes: NodesByParent;
  load: (parentId: number) => Promise<unknown>;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Ids to open, e.g. the path to a division picked from search results. */
  revealed: number[];
  rootsError: unknown;
  onRetry: () => void;
}

function NodeTitle({ node }: { node: DivisionNode }) {
  const { t } = useTranslation();
  return (
    <span>
      {node.name}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {t(`levels.${node.level}`)}
        {node.childCount > 0 && ` · ${node.childCount}`}
      </Typography.Text>
    </span>
  );
}

function toTreeData(nodes: NodesByParent, parentId: number | null): TreeDataNode[] {
  return (nodes.get(parentId) ?? []).map((node) => ({
    key: node.id,
    title: <NodeTitle node={node} />,
    isLeaf: node.childCount === 0,
    // Leaving `children` undefined tells the tree to call loadData when the node opens.
    ...(nodes.has(node.id) ? { children: toTreeData(nodes, node.id) } : {}),
  }));
}

/** The division tree, loaded a level at a time; the user's own roots open on arrival. */
export function DivisionTree({ nodes, load, selectedId, onSelect, revealed, rootsError, onRetry }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Key[]>([]);
  const treeData = useMemo(() => toTreeData(nodes, null), [nodes]);
  const roots = nodes.get(null);

  // A single root (a district user's own district) is opened at once: it is all they have.
  useEffect(() => {
    if (roots?.length === 1 && roots[0]!.childCount > 0) setExpanded((keys) => (keys.length ? keys : [roots[0]!.id]));
  }, [roots]);

  useEffect(() => {
    if (revealed.length) setExpanded((keys) => [...new Set([...keys, ...revealed])]);
  }, [revealed]);

  if (rootsError) return <LoadFailed error={rootsError} message={messageOf(rootsError, t('common.networkError'))} onRetry={onRetry} />;
  if (!roots) return <PageLoading />;
  if (roots.length === 0) return <Empty description={t('divisions.noneInScope')} />;

  return (
    <Tree
      data-testid="division-tree"
      blockNode
      showLine
      treeData={treeData}
      expandedKeys={expanded}
      onExpand={setExpanded}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) onSelect(Number(key));
      }}
      loadData={async (node) => {
        await load(Number(node.key));
      }}
    />
  );
}
