import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The kernel is below every module: no file under server/src/kernel/ imports from
 * server/src/modules/. A kernel that reached into a module would make every module that uses it
 * depend on that module too (notify.ts once imported the outbox; the outbox now registers itself
 * as a notification channel at app build). Test files may exercise modules and are left out.
 *
 * Type-only imports are named one by one below (they erase at build, but still couple the
 * kernel to a module's shape); the list may only shrink.
 */
const typeOnlyAllowed = new Set(['import-helpers.ts → modules/imports/import-definition.ts']);

const src = path.resolve(import.meta.dirname, '../..');
const kernelDir = path.join(src, 'kernel');
const modulesDir = path.join(src, 'modules');

function kernelFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return kernelFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every relative import or re-export of a file: [resolved target, type-only?]. */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)].map((m) => ({
    target: path.resolve(path.dirname(file), m[2]!),
    typeOnly: m[1] !== undefined,
  }));
}

describe('kernel imports', () => {
  it('no kernel file imports from a module (type-only imports only where listed)', () => {
    const files = kernelFiles(kernelDir);
    expect(files.length).toBeGreaterThan(15);
    const runtime: string[] = [];
    const typeOnly: string[] = [];
    for (const file of files) {
      for (const { target, typeOnly: isType } of importsOf(file)) {
        if (!target.startsWith(modulesDir + path.sep)) continue;
        const edge = `${path.relative(kernelDir, file)} → ${path.relative(src, target)}`;
        (isType ? typeOnly : runtime).push(edge);
      }
    }
    expect(runtime).toEqual([]);
    expect(typeOnly.filter((edge) => !typeOnlyAllowed.has(edge))).toEqual([]);
    // A type import that was removed leaves the list, so it cannot come back unnoticed.
    expect([...typeOnlyAllowed].filter((edge) => !typeOnly.includes(edge))).toEqual([]);
  });
});
