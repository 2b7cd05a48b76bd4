// tests/lib/server.mjs: start the real safer server for a test file.
//
//   const srv = await startServer();        // fresh database with the demo
//   await fetch(srv.url + '/healthz');
//   await srv.stop();
//
//   startServer({ args: ['--cache-mb', '4'] })  // more options of safer serve
//   startServer({ env: { ... } })               // more environment
//
// The binary is $SAFER_BIN (default ./safer).  Each server gets its own
// database in a temporary folder and a free port on 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const bin = process.env.SAFER_BIN || './safer';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// Run safer with args against db; returns {status, stdout, stderr}.
export function safer(db, args, options = {}) {
  try {
    const stdout = execFileSync(bin, ['--db', db, ...args], {
      encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], ...options });
    return { status: 0, stdout, stderr: '' };
  } catch (e) {
    return { status: e.status, stdout: e.stdout || '', stderr: e.stderr || '' };
  }
}

export async function startServer({ demo = true, args = [], env = {} } = {}) {
  const dir = mkdtempSync(join(process.env.SAFER_TEST_TMP || tmpdir(), 'safer-'));
  const db = join(dir, 'test.db');
  const r = safer(db, demo ? ['demo'] : ['init']);
  if (r.status !== 0) throw new Error(`safer demo failed: ${r.stderr}`);
  const port = await freePort();
  const proc = spawn(bin, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, ...args],
                     { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(url + '/healthz');
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (i > 200 || proc.exitCode !== null)
      throw new Error(`safer serve did not start: ${stderr}`);
    await new Promise((r2) => setTimeout(r2, 25));
  }
  return {
    url, port, db, dir, pid: proc.pid,
    get stderr() { return stderr; },
    alive() { return proc.exitCode === null && proc.signalCode === null; },
    async stop() {
      if (proc.exitCode === null) {
        const done = new Promise((r2) => proc.on('exit', r2));
        proc.kill('SIGTERM');
        await done;
      }
      rmSync(dir, { recursive: true, force: true });
      return { code: proc.exitCode, signal: proc.signalCode, stderr };
    },
  };
}
