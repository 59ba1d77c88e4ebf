import type { ApiClient } from '../../test/api-client.js';

/**
 * Reads a Server-Sent Events stream the way EventSource would, for tests: `next(name)`
 * resolves when an event of that name arrives (or has arrived and was not yet taken).
 */
export class SseStream {
  private readonly received: string[] = [];
  private waiters: { name: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  private ended = false;
  private endError: unknown;
  readonly done: Promise<void>;

  private constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.done = this.read().catch((e: unknown) => {
      this.endError = e;
    });
  }

  static async open(api: ApiClient, path = '/api/replicache/poke'): Promise<SseStream> {
    const controller = new AbortController();
    const response = await fetch(`${api.baseUrl}${path}`, {
      headers: { accept: 'text/event-stream', ...(api.sessionCookie ? { cookie: api.sessionCookie } : {}) },
      signal: controller.signal,
    });
    return new SseStream(response, controller);
  }

  /** Resolves on the next event called `name` not yet consumed. */
  next(name: string): Promise<void> {
    const i = this.received.indexOf(name);
    if (i >= 0) {
      this.received.splice(i, 1);
      return Promise.resolve();
    }
    if (this.ended) return Promise.reject(new Error(`stream ended before a ${name} event: ${String(this.endError ?? '')}`));
    return new Promise((resolve, reject) => this.waiters.push({ name, resolve, reject }));
  }

  /** Events received and not consumed by `next`. */
  get pending(): readonly string[] {
    return this.received;
  }

  close(): void {
    this.controller.abort();
  }

  private async read(): Promise<void> {
    if (!this.response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of this.response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } finally {
      this.ended = true;
      for (const w of this.waiters) w.reject(new Error(`stream ended before a ${w.name} event`));
      this.waiters = [];
    }
  }

  /** A comment-only block (`: heartbeat`) counts as an event named after it (`:heartbeat`). */
  private dispatch(block: string): void {
    const lines = block.split('\n').filter((l) => !l.startsWith(':'));
    const comment = block.startsWith(':') ? `:${block.slice(1).trim()}` : undefined;
    if (lines.length === 0 && !comment) return;
    const name = lines.length === 0 ? comment! : (lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message');
    const waiter = this.waiters.find((w) => w.name === name);
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve();
    } else {
      this.received.push(name);
    }
  }
}
