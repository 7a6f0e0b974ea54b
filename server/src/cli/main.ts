import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import { roles as allRoles, type Actor, type Role } from '@tongxin/core';
import { loadConfig } from '../config.ts';
import { systemClock, type ActorContext } from '../http/context.ts';
import { AppError } from '../kernel/errors.ts';
import { translate } from '@tongxin/core';
import { isDatabaseEmpty, seedDemo } from '../seed/demo/index.ts';
import { openAndMigrate } from '../startup.ts';
import { start } from '../main.ts';
import * as users from '../modules/users/users.service.ts';
import { findUserByUsername } from '../modules/users/users.repo.ts';
import { findDivisionByNamePath } from '../modules/divisions/divisions.lookup.ts';
import { articleParseCommand } from './article-parse.ts';
import { reindexAll } from '../modules/search/search.reindex.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';

const usage = `tongxin <command> [options]

  serve                                  start the server (same as npm start)
  migrate                                bring the database schema up to date
  seed --demo [--force]                  load the demo data (only into an empty database unless --force)
  user create --username U --name N [--division 上海市/青浦区] --roles staff,handler [--password P]
  user reset-password --username U [--password P]
  article parse <file> [--format json]   clean a saved article (text or HTML) and show its metadata and figures
  search reindex                         rebuild the search index from the records
  backup [--out DIR]                     copy the database and uploaded files into DIR/tongxin-backup-<time>/ (default BACKUP_DIR)
  restore <backup dir> --yes             replace the database and uploaded files with a backup (stop the server first)

The database is DATABASE_URL (postgres://…) or data/tongxin.db. Without --password a random one is printed.`;

/** The command line acts as a system administrator of the whole tree; its audit entries say "CLI". */
function cliContext(handle: Awaited<ReturnType<typeof openAndMigrate>>, config: ReturnType<typeof loadConfig>): ActorContext {
  const actor: Actor = { userId: 0, username: 'cli', displayName: 'CLI', divisionId: null, scopePath: null, roles: ['system_admin'], locale: 'zh-CN' };
  return { db: handle.db, dialect: handle.dialect, config, clock: systemClock, actor, ip: 'cli', userAgent: 'cli', requestId: crypto.randomUUID(), locale: 'zh-CN' };
}

function randomPassword(): string {
  return `Tx${crypto.randomBytes(9).toString('base64url')}9`;
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      force: { type: 'boolean' },
      username: { type: 'string' },
      name: { type: 'string' },
      division: { type: 'string' },
      roles: { type: 'string' },
      password: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  if (!command || values.help) return console.log(usage);
  if (command === 'serve') return start();
  if (command === 'article' && sub === 'parse') {
    // Pure text work: no database, so it runs before one is opened.
    const file = positionals[2];
    const format = values.format ?? 'text';
    if (!file) throw new Error('article parse needs a file');
    if (format !== 'json' && format !== 'text') throw new Error('--format is json or text');
    return console.log(await articleParseCommand(file, format));
  }

  const config = loadConfig();
  // Backup and restore work on the files and dumps, not through the query layer.
  if (command === 'backup') return console.log(await backupCommand(config, values.out));
  if (command === 'restore') return console.log(await restoreCommand(config, sub, values.yes === true));
  const handle = await openAndMigrate(config, (line) => console.log(line));
  try {
    const ctx = cliContext(handle, config);
    if (command === 'migrate') {
      console.log(`schema up to date on ${handle.describe}`);
    } else if (command === 'seed') {
      if (!values.demo) throw new Error('seed needs --demo');
      if (!(await isDatabaseEmpty(handle.db)) && !values.force) throw new Error('the database already has data; use --force to add the demo anyway');
      await seedDemo(handle.db, { log: (line) => console.log(line) });
    } else if (command === 'user' && sub === 'create') {
      if (!values.username || !values.name || !values.roles) throw new Error('user create needs --username, --name and --roles');
      const roles = values.roles.split(',').map((role) => role.trim()) as Role[];
      const unknown = roles.find((role) => !allRoles.includes(role));
      if (unknown) throw new Error(`unknown role ${unknown}; roles are ${allRoles.join(', ')}`);
      const divisionId = values.division ? (await findDivisionByNamePath(handle.db, values.division))?.id : null;
      if (divisionId === undefined) throw new Error(`no division ${values.division}`);
      const password = values.password ?? randomPassword();
      const user = await users.create(ctx, { username: values.username, displayName: values.name, divisionId, roles, password, phone: null });
      console.log(`created user ${user.username} (id ${user.id})${values.password ? '' : `, password ${password}`}`);
    } else if (command === 'search' && sub === 'reindex') {
      const started = Date.now();
      const counts = await reindexAll(handle.db, { log: (line) => console.log(line) });
      console.log(`search index rebuilt in ${Date.now() - started} ms: ${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
    } else if (command === 'user' && sub === 'reset-password') {
      if (!values.username) throw new Error('user reset-password needs --username');
      const user = await findUserByUsername(handle.db, values.username);
      if (!user) throw new Error(`no user ${values.username}`);
      const password = values.password ?? randomPassword();
      await users.resetPassword(ctx, user.id, password);
      console.log(`password of ${user.username} reset${values.password ? '' : ` to ${password}`}; their sessions have ended`);
    } else {
      console.log(usage);
      process.exitCode = 2;
    }
  } finally {
    await handle.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.fields.map((field) => `  ${field.path}: ${translate('zh-CN', field.key, field.params)}`);
    console.error([translate('zh-CN', `errors.${error.code}`, error.params), ...fields].join('\n'));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
