/**
 * Province-scale data: `npm run bench:province -- --seed 1 --scale 1` (SQLite data/province.db), or
 * with DATABASE_URL=postgres://… (schema `province`, dropped and recreated). `--scale 0.01` for a
 * quick run, `--db <file>` for another SQLite file, `--checksum` to print the SHA-256 of every row,
 * `--skip-case-replies` to leave the dashboard's per-case reply facts out of the rollup rebuild,
 * `--rollups-only` to rebuild the rollups of an existing province without generating.
 */
import os from 'node:os';
import { afterBulkLoad, beforeBulkLoad } from './rollups.ts';
import { generateProvince } from './generate.ts';
import { describe, freshSchema, openHandle, openLoader, targetFromArgs } from './target.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const seed = Number(option('seed') ?? 1);
  const scale = Number(option('scale') ?? 1);
  const target = targetFromArgs();
  const caseReplies = !process.argv.includes('--skip-case-replies');
  if (process.argv.includes('--rollups-only')) {
    // An existing province whose load finished but whose rollups did not (or must be rebuilt).
    const handle = await openHandle(target);
    const started = performance.now();
    console.log(`${await afterBulkLoad(handle, { caseReplies })} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await handle.close();
    return;
  }
  console.log(`province seed ${seed} scale ${scale} → ${describe(target)} (load average ${os.loadavg()[0]!.toFixed(1)}, ${os.cpus().length} cores)`);
  await freshSchema(target, beforeBulkLoad);

  const loader = await openLoader(target, process.argv.includes('--checksum'));
  const result = await generateProvince(loader.sink, { seed, scale, log: console.log });
  const closing = performance.now();
  await loader.close();
  const finalise = performance.now() - closing;

  const handle = await openHandle(target);
  const rebuilding = performance.now();
  const rollups = await afterBulkLoad(handle, { caseReplies });
  const rebuild = performance.now() - rebuilding;
  await handle.close();

  console.log(`\n${'table'.padEnd(24)} ${'rows'.padStart(10)} ${'phase s'.padStart(8)} ${'rows/s'.padStart(10)}`);
  for (const { table, rows, ms } of result.timings) {
    console.log(`${table.padEnd(24)} ${rows.toLocaleString('en').padStart(10)} ${(ms / 1000).toFixed(1).padStart(8)} ${Math.round(rows / (ms / 1000)).toLocaleString('en').padStart(10)}`);
  }
  const seconds = result.ms / 1000;
  console.log(`\n${result.totalRows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round(result.totalRows / seconds).toLocaleString('en')} rows/s); commit + analyze ${(finalise / 1000).toFixed(1)} s; rollups: ${rollups} ${(rebuild / 1000).toFixed(1)} s`);
  if (result.checksum) console.log(`checksum ${result.checksum}`);
  console.log(`load average now ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
}

await main();
