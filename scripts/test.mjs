#!/usr/bin/env node
// The README's test command (`npm test`): type checks, unit and API tests on SQLite, the same API
// tests on PostgreSQL, and browser tests in Chromium. Outside CI a missing PostgreSQL or Chromium is
// reported and skipped; in CI (CI=true) either one missing fails the run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_PG_URL ?? 'postgres://tongxin:tongxin@127.0.0.1:5432/tongxin_test';
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
/** Every failed test, named at the very end: CI keeps only the tail of a long log. */
const failures = [];

/**
 * Runs one step with its output in a file, printed whole when the step ends, so two steps running
 * side by side do not interleave their lines.
 */
function runInBackground(label, command, args, env = {}) {
  const logFile = path.join(reportDir, `${label.replace(/\W+/g, '-')}.log`);
  const out = fs.openSync(logFile, 'w');
  const started = Date.now();
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  return new Promise((resolve) => {
    child.on('close', (status) => {
      fs.closeSync(out);
      console.log(`\n=== ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
      process.stdout.write(fs.readFileSync(logFile));
      if (status !== 0) problems.push(`${label} failed (exit ${status})`);
      resolve(status === 0);
    });
  });
}

function vitestArgs(label, args) {
  const report = path.join(reportDir, `${label.replace(/\W+/g, '-')}.json`);
  return { report, args: ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`] };
}

async function vitestInBackground(label, args, env = {}) {
  const { report, args: full } = vitestArgs(label, args);
  await runInBackground(label, 'npx', full, env);
  count(label, report);
}

function count(label, report) {
  if (!fs.existsSync(report)) return;
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  for (const file of json.testResults ?? []) {
    const where = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed) {
      const why = String(test.failureMessages?.[0] ?? '').split('\n').slice(0, 3).join(' | ').slice(0, 400);
      failures.push(`${label}: ${where} › ${test.fullName ?? test.title}\n    ${why}`);
    }
    // A file that failed before any test ran (an import or a hook) has no failed test to name.
    if (file.status === 'failed' && failed.length === 0) failures.push(`${label}: ${where}\n    ${String(file.message ?? '').slice(0, 400)}`);
  }
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    console.log(`PostgreSQL at ${pgUrl.replace(/:[^:@/]+@/, ':***@')} is not reachable: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((candidate) => fs.existsSync(candidate));
}

function missing(what, how) {
  const line = `${what} is missing: ${how}`;
  if (inCi) problems.push(`${line} (required in CI)`);
  console.log(`\n=== SKIPPED: ${line}`);
}

// Two stages of two lanes each, so that both cores stay busy: the SQLite suite runs one worker
// (vitest's default on two cores), beside it the type check and the web build; then PostgreSQL's API
// tests beside the browser tests — both spend much of their time waiting (database round trips,
// page loads), so together they take little longer than the longer.
const chromium = findChromium();
const [, built] = await Promise.all([
  vitestInBackground('unit and API tests on SQLite', []),
  (async () => {
    await runInBackground('type check', 'npm', ['run', '--silent', 'typecheck']);
    return chromium ? runInBackground('web build', 'npm', ['run', '--silent', 'build', '-w', 'web']) : false;
  })(),
]);

const parallel = [];
if (await postgresReachable()) {
  // The generated bad requests are the same on both engines: the full count runs on SQLite, a third
  // of it on PostgreSQL (its round trips make each request several times dearer), to keep CI short.
  parallel.push(vitestInBackground('API tests on PostgreSQL', ['server'], { TEST_DB: 'postgres', TEST_PG_URL: pgUrl, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '4' }));
} else {
  missing('PostgreSQL', 'API tests did not run on PostgreSQL (set TEST_PG_URL, or see .ci/run for setting one up)');
}

if (!chromium) {
  missing('Chromium', 'browser tests did not run (apt-get install -y chromium fonts-wqy-zenhei)');
} else if (built) {
  parallel.push(vitestInBackground('browser tests', ['--config', 'e2e/vitest.config.ts'], { CHROMIUM_PATH: chromium }));
}

await Promise.all(parallel);
console.log('');
for (const failure of failures) console.log(`FAILED ${failure}`);
for (const problem of problems) console.log(`PROBLEM: ${problem}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length || totals.failed ? 1 : 0);
