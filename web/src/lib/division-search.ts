import type { Division } from '@tongxin/core';

interface Named {
  id: number;
  name: string;
}

export interface DivisionHitNode {
  id: number;
  pId: 0;
  value: number;
  title: string;
  isLeaf: true;
}

/**
 * Server search hits as flat picker options. Two towns may share a name in different districts, so
 * each hit carries its parent's name when the tree has loaded it (`青浦区 › 华新镇`); the path
 * (`/1/4/17/`) names the parent id, the loaded levels name the parent.
 */
export function divisionSearchNodes(hits: readonly Division[], loaded: ReadonlyMap<number | null, readonly Named[]>): DivisionHitNode[] {
  const names = new Map<number, string>();
  for (const children of loaded.values()) for (const node of children) names.set(node.id, node.name);
  for (const hit of hits) names.set(hit.id, hit.name);
  return hits.map((hit) => {
    const parent = hit.parentId === null ? undefined : names.get(hit.parentId);
    return { id: hit.id, pId: 0, value: hit.id, title: parent ? `${parent} › ${hit.name}` : hit.name, isLeaf: true };
  });
}
