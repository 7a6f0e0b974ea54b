import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { testDialect } from '../test/test-db.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-cli-'));

function cli(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The CLI works on the configured database file; its PostgreSQL path is the same code as the API's.
describe.skipIf(testDialect !== 'sqlite')('tongxin CLI', { timeout: 300_000 }, () => {
  it('migrates, seeds the demo, creates a user and resets a password', () => {
    expect(cli('migrate')).toContain('schema up to date');
    expect(cli('seed', '--demo')).toMatch(/divisions: \d+/);
    expect(() => cli('seed', '--demo')).toThrow(/already has data/);
    const created = cli('user', 'create', '--username', 'wang.fang', '--name', '王芳', '--division', '上海市/青浦区/华新镇', '--roles', 'staff,handler');
    expect(created).toMatch(/created user wang\.fang \(id \d+\), password \S{10,}/);
    const reset = cli('user', 'reset-password', '--username', 'wang.fang', '--password', 'NewSecret2026');
    expect(reset).toContain('password of wang.fang reset');

    const db = new SQLite(path.join(dataDir, 'tongxin.db'), { readonly: true });
    const user = db.prepare('select u.roles, d.name as division from users u join divisions d on d.id = u.division_id where username = ?').get('wang.fang') as { roles: string; division: string };
    expect(user).toEqual({ roles: '["staff","handler"]', division: '华新镇' });
    const audit = db.prepare("select actor_name from audit_log where action = 'user.reset_password'").all();
    expect(audit).toEqual([{ actor_name: 'CLI' }]);
    db.close();
  });

  it('refuses an unknown division or role with a clear message', () => {
    expect(() => cli('user', 'create', '--username', 'li', '--name', '李', '--division', '火星市', '--roles', 'staff')).toThrow(/no division 火星市/);
    expect(() => cli('user', 'create', '--username', 'li', '--name', '李', '--roles', 'emperor')).toThrow(/unknown role emperor/);
  });
});
