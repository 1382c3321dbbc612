import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The compiled entry points (built once per test run by tools/jest/global-setup.cjs). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
function builtApi(): string {
  const dir = process.env.ATM_TEST_BUILD_DIR;
  if (!dir)
    throw new Error('ATM_TEST_BUILD_DIR is unset: run the suites through the root jest config');
  return join(dir, 'apps/api/src');
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for child processes: the test's own, without anything inherited that matters. */
export function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
  };
  return { ...base, ...env };
}

export function runEntryPoint(
  entry: 'cli' | 'main' | 'migrate' | 'worker',
  args: string[],
  options: { env: Record<string, string | undefined>; input?: string; timeoutMs?: number },
): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(builtApi(), `${entry}.js`), ...args], {
      cwd: WORKSPACE_ROOT,
      env: childEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Starts the HTTP server as a child process and waits for /ready. */
export async function startServer(
  env: Record<string, string | undefined>,
  port: number,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(builtApi(), 'main.js')], {
    cwd: WORKSPACE_ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', FRONTEND_ENABLED: 'false' }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${stderr}`);
}

export async function stopProcess(
  child: ChildProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((r) => {
    child.once('exit', () => r());
    child.kill(signal);
  });
}
