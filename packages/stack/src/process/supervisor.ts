import { EventEmitter } from 'node:events';

import type { ServiceProcess } from './service-process';

export interface SupervisorEvents {
  /** A service exited unasked; it is started again after `restartInMs`. */
  crashed: [name: string, exit: string, restartInMs: number];
  restarted: [name: string];
}

/** Restart delays: 1 s, doubling to 30 s; back to 1 s after a minute up. */
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;

/**
 * Starts a service again when it exits without being asked, as a process supervisor
 * would, with a growing delay so a service that cannot start does not spin. A kill the
 * stack was asked for (`ServiceProcess.kill`, `stop`) is not a crash and is left alone.
 */
export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly failures = new Map<string, { count: number; lastAt: number }>();
  private stopped = false;

  watch(service: ServiceProcess): void {
    service.on('crashed', (code, signal) => {
      if (this.stopped) return;
      const delay = this.nextDelay(service.name);
      this.emit('crashed', service.name, signal ?? `code ${String(code)}`, delay);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.stopped || service.running) return;
        service.start();
        this.emit('restarted', service.name);
      }, delay);
      this.timers.add(timer);
    });
  }

  /** No more restarts (the stack is stopping). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private nextDelay(name: string): number {
    const now = Date.now();
    const last = this.failures.get(name);
    const count = last !== undefined && now - last.lastAt < HEALTHY_AFTER_MS ? last.count + 1 : 0;
    this.failures.set(name, { count, lastAt: now });
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** count);
  }
}
