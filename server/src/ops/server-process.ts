import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

/*
 * Helpers for the scripts and tests that run the real server as a child process (several
 * instances, crash checks, soak): start one on a loopback port, talk to it with a cookie session,
 * and give PostgreSQL runs a database of their own.
 */

const root = path.resolve(import.meta.dirname, '../../..');

// Servers this process started and has not seen exit: never leave one behind on a shared machine.
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything the server printed (for the report when something fails). */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<string>;
}

/** A port in 20000–40000 (the range the machine's users agreed on for their own servers). */
export const randomPort = () => 20_000 + crypto.randomInt(20_000);

/**
 * Start `server/src/main.ts` on 127.0.0.1 with `env` added (DATABASE_URL, DATA_DIR, …) and resolve
 * once it prints "ready at". No demo data unless `env` asks for it.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const port = Number(env.PORT ?? randomPort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TONGXIN_NO_DEMO: '1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<string>((resolve) =>
    child.on('exit', (code, signal) => {
      live.delete(child);
      resolve(signal ?? String(code));
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      if (output.includes('ready at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}) before it was ready:\n${output}`));
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A signed-in client over real HTTP: keeps the session cookie and sends the CSRF token on writes. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

export async function call(base: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}

/** Sign in on `base`; the session can then be used against any instance sharing the database. */
export async function signInOver(base: string, username: string, password: string): Promise<HttpSession> {
  const response = await call(base, 'POST', '/api/auth/sign-in', { username, password });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.json)}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrfToken = (response.json as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    request: async (method, url, body) => {
      const r = await call(base, method, url, body, { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken, origin: base }) });
      return { status: r.status, json: r.json };
    },
  };
}

/** The same session, pointed at another instance. */
export function sessionOn(session: HttpSession, base: string): HttpSession {
  return {
    ...session,
    request: async (method, url, body) => {
      const r = await call(base, method, url, body, { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken, origin: base }) });
      return { status: r.status, json: r.json };
    },
  };
}

/**
 * A PostgreSQL database of its own (created with the role's CREATEDB right), so the server under
 * test runs exactly as in production (public schema, no search_path tricks). `drop()` removes it.
 */
export async function scratchPgDatabase(baseUrl: string, label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tongxin_${label}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // WITH (FORCE) cannot end an autovacuum worker (not ours to signal) busy after a big load:
      // wait for it and try again.
      for (let attempt = 1; ; attempt += 1) {
        const client = new pg.Client({ connectionString: baseUrl });
        await client.connect();
        try {
          await client.query(`drop database if exists ${name} with (force)`);
          return;
        } catch (error) {
          if (attempt >= 10) throw error;
        } finally {
          await client.end();
        }
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      }
    },
  };
}
