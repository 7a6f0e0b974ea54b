import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A migration that has run on offices' databases must never change. Importing application code
 * would let a change to a module silently change a shipped migration, so migrations may import
 * only kysely, types from ../database.ts, the column helpers in ../columns.ts and frozen SQL
 * text or data of their own (./frozen/).
 */
const dir = path.join(import.meta.dirname, 'migrations');

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : entry.name.endsWith('.ts') ? [path.join(folder, entry.name)] : [],
  );
}

describe('migrations are frozen text', () => {
  it('import nothing but kysely, database types and their own frozen SQL', () => {
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(15);
    const offending: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^\s*import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        const [, typeOnly, target] = match as unknown as [string, string | undefined, string];
        // ../columns.ts: engine-neutral column helpers used only by migrations (no module code).
        const allowed =
          target === 'kysely' || target === '../columns.ts' || (typeOnly && /^\.\.\/(\.\.\/)?database\.ts$/.test(target)) || /^\.\/frozen\/[\w.-]+\.ts$/.test(target);
        if (!allowed) offending.push(`${path.relative(dir, file)} imports ${target}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
