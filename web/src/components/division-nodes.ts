import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { divisionKeys, fetchChildren, type DivisionNode } from '../api/divisions.ts';

/** Children by parent id; `null` holds the roots of the user's own subtree. */
export type NodesByParent = ReadonlyMap<number | null, DivisionNode[]>;

/**
 * The lazily loaded part of the division tree, shared by the tree on the divisions page and the
 * division pickers: each level is fetched when opened (a city has thousands of villages below it),
 * and through the query cache, so opening the same level twice costs one request.
 */
export function useDivisionNodes() {
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState<NodesByParent>(new Map());
  const [rootsError, setRootsError] = useState<unknown>(null);
  // The map as of the last load, for async code (reveal) that runs across several renders.
  const latest = useRef<NodesByParent>(nodes);

  const load = useCallback(
    async (parentId: number | null, fresh = false): Promise<DivisionNode[]> => {
      const children = await queryClient.fetchQuery({
        queryKey: divisionKeys.children(parentId),
        queryFn: () => fetchChildren(parentId),
        staleTime: fresh ? 0 : 30_000,
      });
      const next = new Map(latest.current).set(parentId, children);
      latest.current = next;
      setNodes(next);
      return children;
    },
    [queryClient],
  );

  const loadRoots = useCallback(() => {
    setRootsError(null);
    load(null).catch(setRootsError);
  }, [load]);

  useEffect(loadRoots, [loadRoots]);

  /**
   * Open the path to a division found some other way (search, a link). Ancestors above the user's
   * own roots are outside their scope and are skipped, not requested.
   * @returns the ids that were opened, for the tree's expanded keys
   */
  const reveal = useCallback(
    async (ancestorIds: number[]): Promise<number[]> => {
      const roots = latest.current.get(null) ?? (await load(null));
      const start = ancestorIds.findIndex((id) => roots.some((root) => root.id === id));
      if (start < 0) return [];
      const opened = ancestorIds.slice(start);
      for (const id of opened) if (!latest.current.has(id)) await load(id);
      return opened;
    },
    [load],
  );

  /** Reload the level that lists `id`, e.g. after its name or its number of children changed. */
  const reloadListOf = useCallback(
    async (id: number) => {
      const parent = [...latest.current].find(([, children]) => children.some((node) => node.id === id));
      if (parent) await load(parent[0], true);
    },
    [load],
  );

  return { nodes, load, reveal, reloadListOf, rootsError, retryRoots: loadRoots, rootsLoading: !nodes.has(null) && !rootsError };
}
