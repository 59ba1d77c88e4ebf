/**
 * Sends call events and call records to the ingest API the way a well-behaved switch
 * would: in batches every half second, events before the records of the same calls,
 * and a batch that fails for a passing reason (network, 5xx, 429) is sent again, unchanged,
 * with growing pauses until it goes through. The server stores a call once per call id, so
 * a repeat is harmless; nothing is ever dropped. A refusal that retrying cannot fix (a bad
 * key, a server without the ingest API) stops the client and is reported.
 */

/** One refused record, as the ingest API reports it (line = 1-based index in the batch). */
export interface RejectedLine {
  line: number;
  callId?: string;
  message: string;
}

/** The body of a successful ingest response. */
export interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: RejectedLine[];
}

export type IngestKind = 'events' | 'cdrs';

export interface LaneTotals {
  accepted: number;
  duplicates: number;
  rejected: number;
  /** Queued or in flight. */
  pending: number;
}

export interface IngestClientOptions {
  baseUrl: string;
  apiKey: string;
  intervalMs?: number;
  /** Most records per request; the server allows far more, but smaller bodies retry cheaply. */
  maxBatch?: number;
  maxBackoffMs?: number;
  onRejected?: (kind: IngestKind, issue: RejectedLine, record: unknown) => void;
  onRetry?: (kind: IngestKind, reason: string, delayMs: number) => void;
  /** A refusal that retrying cannot fix; the client has stopped sending. */
  onFatal?: (error: Error) => void;
  fetch?: typeof fetch;
}

const PATHS: Record<IngestKind, string> = { events: '/api/ingest/events', cdrs: '/api/ingest/cdrs' };
const FIRST_BACKOFF_MS = 500;

class Lane {
  queue: unknown[] = [];
  batch: unknown[] | undefined;
  retryAt = 0;
  backoffMs = 0;
  accepted = 0;
  duplicates = 0;
  rejected = 0;

  constructor(readonly kind: IngestKind) {}

  get pending(): number {
    return this.queue.length + (this.batch?.length ?? 0);
  }
}

/** Thrown for a response that retrying cannot change. */
export class IngestRefusedError extends Error {
  override readonly name = 'IngestRefusedError';
}

export class IngestClient {
  private readonly events = new Lane('events');
  private readonly cdrs = new Lane('cdrs');
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<void> | undefined;
  private failed: Error | undefined;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: IngestClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Starts sending on a timer. */
  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.options.intervalMs ?? 500);
  }

  addEvents(events: readonly unknown[]): void {
    this.events.queue.push(...events);
  }

  addCdrs(cdrs: readonly unknown[]): void {
    this.cdrs.queue.push(...cdrs);
  }

  totals(kind: IngestKind): LaneTotals {
    const lane = kind === 'events' ? this.events : this.cdrs;
    return { accepted: lane.accepted, duplicates: lane.duplicates, rejected: lane.rejected, pending: lane.pending };
  }

  /** True while a batch waits to be sent again after a failure. */
  get retrying(): boolean {
    return this.events.backoffMs > 0 || this.cdrs.backoffMs > 0;
  }

  /** The refusal that stopped the client, if any. */
  get error(): Error | undefined {
    return this.failed;
  }

  /**
   * Stops the timer and keeps sending until everything queued is stored, the client has
   * failed, or `deadlineMs` (epoch ms) passes. Resolves to the records still unsent.
   */
  async drain(deadlineMs: number): Promise<number> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.pumping;
    while (!this.failed && this.events.pending + this.cdrs.pending > 0 && Date.now() < deadlineMs) {
      await this.tick();
      const wait = Math.max(0, Math.min(this.events.retryAt, this.cdrs.retryAt, deadlineMs) - Date.now());
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 50)));
    }
    return this.events.pending + this.cdrs.pending;
  }

  private tick(): Promise<void> {
    this.pumping ??= this.pump().finally(() => {
      this.pumping = undefined;
    });
    return this.pumping;
  }

  /** Events first; records only once every event queued before them has been stored. */
  private async pump(): Promise<void> {
    if (this.failed) return;
    try {
      const eventsDone = await this.send(this.events);
      if (eventsDone && this.events.queue.length === 0) await this.send(this.cdrs);
    } catch (error) {
      this.failed = error instanceof Error ? error : new Error(String(error));
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
      this.options.onFatal?.(this.failed);
    }
  }

  /** Sends the lane's batch (taking a new one when none is pending); true when nothing is left unsent in it. */
  private async send(lane: Lane): Promise<boolean> {
    if (Date.now() < lane.retryAt) return false;
    lane.batch ??= lane.queue.length > 0 ? lane.queue.splice(0, this.options.maxBatch ?? 5000) : undefined;
    const batch = lane.batch;
    if (!batch) return true;
    let res: Response;
    try {
      res = await this.fetch(`${this.options.baseUrl}${PATHS[lane.kind]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      this.backOff(lane, describeNetworkError(error));
      return false;
    }
    if (res.ok) {
      const body = (await res.json().catch(() => undefined)) as IngestResponse | undefined;
      if (!Array.isArray(body?.rejected)) throw new IngestRefusedError(`${PATHS[lane.kind]} answered ${res.status} without an ingest result: is this a Trunkline server?`);
      lane.accepted += body.accepted;
      lane.duplicates += body.duplicates;
      lane.rejected += body.rejected.length;
      for (const issue of body.rejected) this.options.onRejected?.(lane.kind, issue, batch[issue.line - 1]);
      lane.batch = undefined;
      lane.backoffMs = 0;
      return true;
    }
    const text = await res.text().catch(() => '');
    if (res.status === 413 && batch.length > 1) {
      // Too big for this server: send it in halves, the second half first in line after the first.
      lane.queue.unshift(...batch.splice(Math.ceil(batch.length / 2)));
      return false;
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) {
      const retryAfter = Number(res.headers.get('retry-after'));
      this.backOff(lane, `${res.status} ${errorMessage(text)}`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
      return false;
    }
    throw new IngestRefusedError(refusalMessage(lane.kind, res.status, errorMessage(text)));
  }

  private backOff(lane: Lane, reason: string, delayMs?: number): void {
    lane.backoffMs = Math.min(this.options.maxBackoffMs ?? 30_000, lane.backoffMs === 0 ? FIRST_BACKOFF_MS : lane.backoffMs * 2);
    const delay = delayMs ?? Math.round(lane.backoffMs * (0.8 + 0.4 * Math.random()));
    lane.retryAt = Date.now() + delay;
    this.options.onRetry?.(lane.kind, reason, delay);
  }
}

function refusalMessage(kind: IngestKind, status: number, message: string): string {
  const path = PATHS[kind];
  if (status === 401) return `The server refused the API key (${message}). Check TRUNKLINE_API_KEY, or leave it unset to create a key.`;
  if (status === 404 || status === 405) return `This server has no ${path} (${status}): it is older than the ingest API.`;
  return `${path} refused a batch with ${status}: ${message}`;
}

/** The message of the server's error body ({ error: { message } }), else the text itself. */
export function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: use the text.
  }
  return text.slice(0, 200) || '(no message)';
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
