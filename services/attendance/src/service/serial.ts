/**
 * Runs tasks one after another. The match handler and the timeout sweep both read and
 * commit the engine's state around an awaited write; running them in turn keeps a sweep
 * from deciding on state a handler has not yet committed.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    // The queue goes on after a failure; the failure still reaches the caller.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
