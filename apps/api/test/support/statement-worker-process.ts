import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, WORKSPACE_ROOT } from './entry-points';

/**
 * The real worker entry point (`npm run worker`), compiled once per test run by the jest
 * global setup, as a child process of the test: it can be killed with SIGKILL mid-job.
 */
export class WorkerProcess {
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    const dir = process.env.ATM_TEST_BUILD_DIR;
    if (!dir)
      throw new Error('ATM_TEST_BUILD_DIR is unset: run the suites through the root jest config');
    const child = spawn(process.execPath, [join(dir, 'apps/api/src/worker.js')], {
      cwd: WORKSPACE_ROOT,
      env: childEnv({ LOG_LEVEL: 'info', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const deadline = Date.now() + 30000;
    while (!worker.output.includes('taking statement jobs')) {
      if (child.exitCode !== null) throw new Error(`worker exited: ${worker.output}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`worker did not start: ${worker.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return worker;
  }

  get log(): string {
    return this.output;
  }

  /** Sends `signal` and answers the exit code once the process is gone. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null)
      return Promise.resolve(child.exitCode);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });
  }
}
