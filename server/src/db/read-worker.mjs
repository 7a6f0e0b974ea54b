// One read connection of the SQLite read pool (read-pool.ts), in its own thread. Plain JavaScript
// on purpose: a worker thread does not inherit the TypeScript loader of vitest, and this file needs
// nothing but better-sqlite3. It runs SQL that Kysely compiled on the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
// Same cache and memory map as the main connection (database.ts): a read walks the same indexes.
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');
db.pragma('mmap_size = 268435456');

// Lists run the same few statements again and again; preparing is a measurable part of a short read.
const statements = new Map();
const MAX_STATEMENTS = 200;

function prepared(text) {
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value);
    statements.set(text, statement);
  }
  return statement;
}

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters } = message;
  try {
    const statement = prepared(sql);
    // The connection is read-only anyway; refusing here gives a clear message instead of SQLITE_READONLY.
    if (!statement.reader || !statement.readonly) throw Object.assign(new Error('read pool: only read-only statements that return rows run here'), { code: 'READ_POOL_NOT_A_READ' });
    parentPort.postMessage({ id, rows: statement.all(parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error?.message ?? error), code: error?.code ?? null } });
  }
});
