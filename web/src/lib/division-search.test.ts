import { describe, expect, it } from 'vitest';
import type { Division } from '@tongxin/core';
import { divisionSearchNodes } from './division-search.ts';

const division = (id: number, name: string, parentId: number | null): Division => ({
  id,
  parentId,
  name,
  level: 'town',
  code: null,
  path: `/${id}/`,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('divisionSearchNodes', () => {
  it('lists hits flat, named with their parent where the tree knows it', () => {
    const loaded = new Map<number | null, { id: number; name: string }[]>([[null, [{ id: 4, name: '青浦区' }]]]);
    const nodes = divisionSearchNodes([division(17, '华新镇', 4), division(90, '华新村', 55), division(1, '上海市', null)], loaded);
    expect(nodes).toEqual([
      { id: 17, pId: 0, value: 17, title: '青浦区 › 华新镇', isLeaf: true },
      { id: 90, pId: 0, value: 90, title: '华新村', isLeaf: true },
      { id: 1, pId: 0, value: 1, title: '上海市', isLeaf: true },
    ]);
  });
  it('names a hit by another hit that is its parent', () => {
    const nodes = divisionSearchNodes([division(17, '华新镇', 4), division(18, '华新村', 17)], new Map());
    expect(nodes.map((node) => node.title)).toEqual(['华新镇', '华新镇 › 华新村']);
  });
});
