// Results finished in any order, handed on in the order their jobs were
// numbered. A job that takes long holds the results after it back: at most
// `window` of them wait, then the next job waits for room before it starts.
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private handed = 0;
  /** The hand-on loop while it runs: it is started and stopped within one turn, so no result is missed. */
  private handing: Promise<void> | undefined;
  private wakers: Array<() => void> = [];
  private error: { reason: unknown } | undefined;

  constructor(
    private readonly each: (result: T) => void | Promise<void>,
    private readonly window: number,
  ) {}

  get failed(): boolean {
    return this.error !== undefined;
  }

  /** Resolves once job `index` may start without overrunning the window. */
  async room(index: number): Promise<void> {
    while (index >= this.handed + this.window && !this.error) await new Promise<void>((wake) => this.wakers.push(wake));
  }

  done(index: number, result: T): void {
    this.waiting.set(index, result);
    this.handing ??= this.handOn();
  }

  /** Resolves once every result given so far is handed on; rejects with what `each` threw. */
  async drained(): Promise<void> {
    await this.handing;
    if (this.error) throw this.error.reason;
  }

  private async handOn(): Promise<void> {
    // Yield first, so that `handing` is set before the loop can end and clear it.
    await undefined;
    while (!this.error && this.waiting.has(this.handed)) {
      const result = this.waiting.get(this.handed)!;
      this.waiting.delete(this.handed);
      try {
        await this.each(result);
      } catch (reason) {
        this.error = { reason };
      }
      this.handed++;
      for (const wake of this.wakers.splice(0)) wake();
    }
    this.handing = undefined;
  }
}
