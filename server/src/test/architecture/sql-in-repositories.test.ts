import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * SQL lives in repositories (`*.repo.ts`): services keep the rules and the transactions, so a reader
 * finds every query of a table in one place and the division-scope filter cannot be forgotten in a
 * stray query. A file builds SQL when it calls a Kysely query builder (`.selectFrom(`, `.insertInto(`,
 * `.updateTable(`, `.deleteFrom(`) or writes a raw `sql` template; `.transaction()` in a service is
 * fine. Tests and test helpers, migrations and `db/` (the engine layer) are out of scope.
 *
 * And a module reaches another through its service (or a small published interface), never through
 * its repository: the second list holds the imports of `modules/X/*.repo.ts` from `modules/Y/`.
 *
 * Both allow-lists hold what is not yet moved; they may only shrink (a listed file that no longer
 * needs listing fails the test too). 2026-12-07: SQL outside repositories in 67 files (48 of them in
 * modules/ and kernel/, 14 in the demo seed, 4 in ops/, 1 in http/); imports of another module's repository: 53.
 * After the first pass (same day): 49 files (24 in modules/, 6 in kernel/, the seed, ops/ and http/ as
 * before) and 0 imports — modules publish what others may use in `modules/X/index.ts`.
 */

const sqlOutsideRepositories = new Set<string>([
  'http/readiness.ts',
  'kernel/division-scope.ts',
  'kernel/export-xlsx.ts',
  'kernel/import-helpers.ts',
  'kernel/notify.ts',
  'kernel/registry-lookups.ts',
  'kernel/work-scope.ts',
  'modules/attachments/attachments.owners.ts',
  'modules/competitions/competitions.service.ts',
  'modules/competitions/entries.service.ts',
  'modules/competitions/raters.service.ts',
  'modules/competitions/results.service.ts',
  'modules/competitions/reviews.service.ts',
  'modules/dashboard/case-replies.ts',
  'modules/dashboard/dashboard.measure.ts',
  'modules/dashboard/dashboard.service.ts',
  'modules/dashboard/figure-readers.ts',
  'modules/dashboard/rollup-triggers.ts',
  'modules/dashboard/rollups.ts',
  'modules/direct-channel/dc.service.ts',
  'modules/imports/definitions/divisions.import.ts',
  'modules/imports/import-definition.ts',
  'modules/imports/list-export.ts',
  'modules/liaison/liaison-meetings.service.ts',
  'modules/needs/needs.expiry.ts',
  'modules/needs/needs.service.ts',
  'modules/people/people.import.ts',
  'modules/privacy/phone-retention.ts',
  'modules/search/search.index.ts',
  'modules/search/search.reindex.ts',
  'modules/search/search.sync.ts',
  'ops/crash-check.ts',
  'ops/crash-invariants.ts',
  'ops/job-lease.ts',
  'ops/table-snapshot.ts',
  'seed/demo/index.ts',
  'seed/demo/judging-assessments.seed.ts',
  'seed/demo/judging-campaigns.seed.ts',
  'seed/demo/judging-competitions.seed.ts',
  'seed/demo/judging-leads.seed.ts',
  'seed/demo/publicity.seed.ts',
  'seed/demo/registry-orgs.insert.ts',
  'seed/demo/registry-venues.seed.ts',
  'seed/demo/requests-dc.seed.ts',
  'seed/demo/requests.plan.ts',
  'seed/demo/requests.seed.ts',
  'seed/demo/work-liaison.seed.ts',
  'seed/demo/work-projects.seed.ts',
  'seed/demo/work.insert.ts',
]);

const foreignRepositoryImports = new Set<string>([
]);

const src = path.resolve(import.meta.dirname, '../..');

/** Tests and their helpers (fixtures, test data, test support) may build SQL and reach any repository. */
function isTestCode(relative: string): boolean {
  const name = path.basename(relative);
  return relative.startsWith('test/') || name.endsWith('.test.ts') || name.includes('.test-') || name.includes('test-support') || name.endsWith('.fixture.ts');
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [path.relative(src, full).split(path.sep).join('/')] : [];
  });
}

const inScope = () => sourceFiles(src).filter((file) => !isTestCode(file) && !file.startsWith('db/') && !file.includes('/migrations/'));

// A query builder call, a `sql` tagged template (with or without a type argument) or a sql.raw/ref/… helper.
const buildsSql = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(?:<[^`;]*?>)?`|\bsql\.(?:raw|ref|lit|join|id|table|val)\(/;

function filesBuildingSqlOutsideRepositories(): string[] {
  return inScope()
    .filter((file) => !file.endsWith('.repo.ts'))
    .filter((file) => buildsSql.test(fs.readFileSync(path.join(src, file), 'utf8')))
    .sort();
}

/** `modules/Y/file.ts -> modules/X/x.repo.ts` for every import (type-only ones too) of another module's repository. */
function importsOfForeignRepositories(): string[] {
  const found = new Set<string>();
  for (const file of inScope().filter((f) => f.startsWith('modules/'))) {
    const from = file.split('/')[1];
    const source = fs.readFileSync(path.join(src, file), 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+\.repo\.ts)'/gm)) {
      const target = path.relative(src, path.resolve(path.dirname(path.join(src, file)), match[1]!)).split(path.sep).join('/');
      const to = target.startsWith('modules/') ? target.split('/')[1] : undefined;
      if (to && to !== from) found.add(`${file} -> ${target}`);
    }
  }
  return [...found].sort();
}

describe('SQL only in repositories', () => {
  it('no file outside *.repo.ts builds SQL beyond the shrinking allow-list', () => {
    expect(inScope().length).toBeGreaterThan(300);
    const found = filesBuildingSqlOutsideRepositories();
    expect(found.filter((file) => !sqlOutsideRepositories.has(file))).toEqual([]);
    // A file whose queries moved leaves the list, so SQL cannot creep back into it unnoticed.
    expect([...sqlOutsideRepositories].filter((file) => !found.includes(file))).toEqual([]);
  });

  it('the check sees a query builder, a raw template and a typed raw template', () => {
    expect(buildsSql.test("await db.selectFrom('cases').select('id').execute()")).toBe(true);
    expect(buildsSql.test('const n = sql`count(*)`;')).toBe(true);
    expect(buildsSql.test('const n = sql<number>`count(*)`;')).toBe(true);
    expect(buildsSql.test('await db.transaction().execute(async (trx) => save(trx))')).toBe(false);
  });
});

describe('a module reaches another through its service', () => {
  it('no module imports another module’s repository beyond the shrinking allow-list', () => {
    const found = importsOfForeignRepositories();
    expect(found.filter((entry) => !foreignRepositoryImports.has(entry))).toEqual([]);
    expect([...foreignRepositoryImports].filter((entry) => !found.includes(entry))).toEqual([]);
  });
});
