import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { EventEmitter } from 'node:events';

/** How one service process is started. */
export interface ServiceSpec {
  /** Unique in the stack, e.g. `detector-2`: names the log file and the consumer. */
  readonly name: string;
  /** The service's entry file (TypeScript, run through tsx). */
  readonly entry: string;
  /** Environment on top of the stack's own. */
  readonly env: Readonly<Record<string, string>>;
}

export interface ServiceProcessEvents {
  /** The process exited without being asked to. */
  crashed: [code: number | null, signal: NodeJS.Signals | null];
}

/**
 * One service as a child process: `node --import tsx <entry>`, its stdout and stderr
 * appended to `<logDir>/<name>.log` (pino JSON lines), stopped with SIGTERM and, after
 * `graceMs`, SIGKILL. It can be killed and started again, which is how the stack's tests
 * take a worker down mid-stream.
 */
export class ServiceProcess extends EventEmitter<ServiceProcessEvents> {
  private child: ChildProcess | undefined;
  private log: WriteStream | undefined;
  private stopping = false;
  private tail = '';

  constructor(
    readonly spec: ServiceSpec,
    private readonly options: {
      readonly cwd: string;
      readonly env: NodeJS.ProcessEnv;
      readonly logFile: string;
      readonly graceMs?: number;
    },
  ) {
    super();
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** The last lines the process wrote, for error messages. */
  get lastOutput(): string {
    return this.tail;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.log ??= createWriteStream(this.options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, ['--import', 'tsx', this.spec.entry], {
      cwd: this.options.cwd,
      env: { ...this.options.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.log?.write(chunk);
        this.tail = (this.tail + chunk.toString('utf8')).slice(-4_000);
      });
    }
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (!this.stopping) this.emit('crashed', code, signal);
    });
  }

  /** Sends `signal` and resolves once the process has exited (no restart follows). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (child === undefined || !this.running) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** SIGTERM (a clean stop: in-flight work finishes), SIGKILL after the grace time. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child !== undefined && this.running) {
      this.stopping = true;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const force = setTimeout(() => child.kill('SIGKILL'), this.options.graceMs ?? 10_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(force);
    }
    await this.closeLog();
  }

  private async closeLog(): Promise<void> {
    const log = this.log;
    this.log = undefined;
    if (log !== undefined) await new Promise<void>((resolve) => log.end(resolve));
  }
}
