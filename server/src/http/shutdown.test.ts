import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../ops/server-process.ts';

let server: ServerProcess | undefined;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-shutdown-'));
afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Graceful shutdown, on the real server in a child process (SQLite in a temporary directory): a
 * request whose body is still arriving when SIGTERM lands is answered, then the process exits 0.
 */
describe('graceful shutdown', () => {
  it('SIGTERM during a request: the request completes, new connections are refused, the process exits 0', async () => {
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${path.join(dataDir, 'tongxin.db')}` });
    const body = JSON.stringify({ username: 'nobody', password: 'not-the-password-1' });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(`${server!.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      });
      request.on('error', reject);
      // Half the body now; the rest after the signal, so the request is in flight when it lands.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server!.child.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(10)), 700);
      }, 300);
    });
    const { status, text } = await answer;
    expect(status).toBe(401);
    expect(JSON.parse(text).error.code).toBe('invalid_credentials');
    expect(await server.exited).toBe('0');
    expect(server.output()).toContain('SIGTERM: shutting down');
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
  }, 240_000);
});
