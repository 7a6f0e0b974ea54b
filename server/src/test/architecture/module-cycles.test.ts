import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Module dependencies point one way: a test fails on any import cycle between two folders of
 * server/src/modules. Counted: run-time imports (`import type` erases at build and is left out)
 * from non-test files. An import of server/src/kernel/ counts as an import of every module that
 * kernel file reaches, so moving a helper to the kernel cannot hide a cycle.
 *
 * The allow-list holds the cycles not yet broken; it may only shrink, and is empty since
 * 2026-12 (11 pairs → 3 → 0).
 */
const allowed = new Set<string>();

const src = path.resolve(import.meta.dirname, '../..');
const modulesDir = path.join(src, 'modules');

function tsFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.includes('test-support') ? [full] : [];
  });
}

function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
    if (!match[1]) targets.push(path.resolve(path.dirname(file), match[2]!));
  }
  return targets;
}

function moduleOf(file: string): string | undefined {
  const relative = path.relative(modulesDir, file);
  return relative.startsWith('..') || !relative.includes(path.sep) ? undefined : relative.split(path.sep)[0];
}

/** Modules a kernel file reaches, through other kernel files too. */
function modulesReachedFromKernel(file: string, seen = new Set<string>()): Set<string> {
  const reached = new Set<string>();
  if (seen.has(file)) return reached;
  seen.add(file);
  for (const target of runtimeImports(file)) {
    const module = moduleOf(target);
    if (module) reached.add(module);
    else if (target.startsWith(path.join(src, 'kernel') + path.sep)) for (const m of modulesReachedFromKernel(target, seen)) reached.add(m);
  }
  return reached;
}

function cyclePairs(): string[] {
  const edges = new Map<string, Set<string>>();
  for (const file of tsFiles(modulesDir)) {
    const from = moduleOf(file)!;
    for (const target of runtimeImports(file)) {
      const direct = moduleOf(target);
      const reached = direct ? [direct] : target.startsWith(path.join(src, 'kernel') + path.sep) ? [...modulesReachedFromKernel(target)] : [];
      for (const to of reached) if (to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const pairs = new Set<string>();
  for (const [from, tos] of edges) for (const to of tos) if (edges.get(to)?.has(from)) pairs.add([from, to].sort().join('<->'));
  return [...pairs].sort();
}

describe('module dependencies', () => {
  it('have no two-way pair between module folders beyond the shrinking allow-list', () => {
    expect(tsFiles(modulesDir).length).toBeGreaterThan(100);
    const pairs = cyclePairs();
    expect(pairs.filter((pair) => !allowed.has(pair))).toEqual([]);
    // A pair that was broken leaves the allow-list, so it cannot come back unnoticed.
    expect([...allowed].filter((pair) => !pairs.includes(pair))).toEqual([]);
  });
});
