import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SCHEMA_VERSION } from '../../shared/sync-protocol.js';
import { SeededRandom } from '../../server/sample-data/seeded-random.js';
import { CallGenerator, callRecord, eventInput, hangUp, scheduleCall, type CallEventInput, type CdrRecord, type ScheduledCall } from './call-generator.js';
import { errorMessage, IngestClient } from './ingest-client.js';
import { assignProfiles, DEFAULT_MIX, parseProfileMix, PROFILE_NAMES, PROFILES, type Assignment, type SimCustomer } from './traffic-profiles.js';

/**
 * `npm run simulate`: realistic call traffic into a running Trunkline through its public
 * API only (sign-in, sync pull, API keys, ingest), so the customer page fills with live
 * channels, ASR/ACD/PDD and draining balances the way a carrier's switch would make it.
 */

const USAGE = `Usage: npm run simulate -- [options]

  --url URL            server (default http://localhost:8080, env TRUNKLINE_URL)
  --email EMAIL        a user who may read customers (env TRUNKLINE_EMAIL)
  --password PASSWORD  (env TRUNKLINE_PASSWORD)
  --rate N             calls per second in total (default 20)
  --customers N        how many customers get traffic (default 50)
  --speed N            talk time is divided by N, 1 or more (default 10)
  --seed TEXT          repeat a run's customers, profiles and calls
  --duration SECONDS   stop after this long (default: until Ctrl-C)
  --profile-mix MIX    default ${Object.entries(DEFAULT_MIX).map(([k, v]) => `${k}=${v}`).join(',')}

A switch API key is created for the run (admin only) and revoked at the end,
unless TRUNKLINE_API_KEY names one to use.`;

interface Options {
  url: string;
  email: string;
  password: string;
  apiKey: string | undefined;
  rate: number;
  customers: number;
  speed: number;
  seed: string;
  durationSeconds: number | undefined;
  mix: ReturnType<typeof parseProfileMix>;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, rate: { type: 'string' },
      customers: { type: 'string' }, speed: { type: 'string' }, seed: { type: 'string' }, duration: { type: 'string' },
      'profile-mix': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.info(USAGE);
    process.exit(0);
  }
  const env = process.env;
  const email = values.email ?? env.TRUNKLINE_EMAIL;
  const password = values.password ?? env.TRUNKLINE_PASSWORD;
  if (!email || !password) throw new Error('Sign-in needed to list customers: pass --email and --password (or TRUNKLINE_EMAIL and TRUNKLINE_PASSWORD).');
  const duration = values.duration === undefined ? undefined : positive('--duration', values.duration);
  return {
    url: new URL(values.url ?? env.TRUNKLINE_URL ?? 'http://localhost:8080').origin,
    email,
    password,
    apiKey: env.TRUNKLINE_API_KEY || undefined,
    rate: positive('--rate', values.rate ?? '20'),
    customers: Math.max(1, Math.round(positive('--customers', values.customers ?? '50'))),
    speed: Math.max(1, positive('--speed', values.speed ?? '10')),
    seed: values.seed ?? randomBytes(4).toString('hex'),
    durationSeconds: duration,
    mix: values['profile-mix'] === undefined ? DEFAULT_MIX : parseProfileMix(values['profile-mix']),
  };
}

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number, not "${text}"`);
  return n;
}

/** A signed-in staff session: the cookie plus the Origin header state-changing requests need. */
class Session {
  private cookie = '';

  constructor(private readonly url: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', origin: this.url, ...(this.cookie ? { cookie: this.cookie } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new Error(`Cannot reach ${this.url}: is the server running (npm start)?`);
    }
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      if (pair.startsWith('trunkline_session=')) this.cookie = pair;
    }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${errorMessage(await res.text())}`);
    return (await res.json()) as T;
  }
}

interface PulledCustomer {
  id: string;
  name: string;
  status: string;
  currency: string;
  credit: string;
  debitLimit: string;
  deletedAt?: string;
}

interface PullPage {
  cookie: { after?: unknown } | null;
  patch: { op: string; key?: string; value?: PulledCustomer }[];
}

/**
 * Customers through the sync pull, page by page, until enough active ones are in hand.
 * Active customers are preferred: a real switch turns the others away.
 */
async function loadCustomers(session: Session, wanted: number, rng: SeededRandom): Promise<SimCustomer[]> {
  const active: SimCustomer[] = [];
  const others: SimCustomer[] = [];
  const pull = { pullVersion: 1, clientGroupID: `simulator-${randomUUID()}`, profileID: 'simulator', schemaVersion: SCHEMA_VERSION };
  let cookie: PullPage['cookie'] = null;
  do {
    const page: PullPage = await session.request('POST', '/api/replicache/pull', { ...pull, cookie });
    for (const op of page.patch) {
      const c = op.value;
      if (op.op !== 'put' || !op.key?.startsWith('c/') || !c || c.deletedAt) continue;
      const customer = { id: c.id, name: c.name, currency: c.currency, available: Number(c.credit) + Number(c.debitLimit) };
      (c.status === 'active' ? active : others).push(customer);
    }
    cookie = page.cookie;
  } while (cookie?.after !== undefined && active.length < wanted);
  const chosen = rng.sample(active, wanted);
  return chosen.concat(rng.sample(others, wanted - chosen.length));
}

/** Picks who places the next call, in proportion to each customer's calls per second. */
function customerPicker(assignments: readonly Assignment[], rng: SeededRandom): () => Assignment {
  const cumulative: number[] = [];
  let total = 0;
  for (const a of assignments) cumulative.push((total += a.callsPerSecond));
  return () => {
    const roll = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return assignments[lo]!;
  };
}

interface LiveCall {
  call: ScheduledCall;
  /** Index of the next event to send. */
  next: number;
}

async function main(): Promise<void> {
  const opts = readOptions();
  const rng = new SeededRandom(`simulate:${opts.seed}`);
  const session = new Session(opts.url);
  await session.request('POST', '/api/auth/login', { email: opts.email, password: opts.password });
  const customers = await loadCustomers(session, opts.customers, rng);
  if (customers.length === 0) throw new Error('This organisation has no customers yet: open the page and load sample data first.');
  const assignments = assignProfiles(customers, opts.mix, opts.rate, rng);

  let apiKey = opts.apiKey;
  let createdKeyId: string | undefined;
  if (!apiKey) {
    const created = await session.request<{ id: string; key: string; prefix: string }>('POST', '/api/api-keys', { name: `Traffic simulator ${new Date().toISOString().slice(0, 16)}` });
    [apiKey, createdKeyId] = [created.key, created.id];
  }

  console.info(`Simulating ${opts.rate} calls/s for ${assignments.length} customers at ${opts.url}, talk time /${opts.speed}, seed ${opts.seed} (--seed ${opts.seed} repeats it).`);
  for (const name of PROFILE_NAMES) {
    const mine = assignments.filter((a) => a.profile.name === name);
    if (mine.length > 0) console.info(`  ${name.padEnd(13)} ${String(mine.length).padStart(4)} customer${mine.length === 1 ? ' ' : 's'} (${PROFILES[name].description}), e.g. ${mine[0]!.customer.name}`);
  }

  let shownRejections = 0;
  let fatal: Error | undefined;
  const client = new IngestClient({
    baseUrl: opts.url,
    apiKey,
    onRejected: (kind, issue, record) => {
      if (++shownRejections <= 10) console.warn(`Refused ${kind === 'cdrs' ? 'call record' : 'event'} ${issue.callId ?? ''}: ${issue.message} ${JSON.stringify(record)}`);
      if (shownRejections === 10) console.warn('(further refusals are only counted)');
    },
    onRetry: (kind, reason, delayMs) => console.warn(`Sending ${kind} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s`),
    onFatal: (error) => {
      fatal = error;
    },
  });
  client.start();

  const generator = new CallGenerator(opts.seed, `sim-${Date.now().toString(36)}-`);
  const pick = customerPicker(assignments, rng);
  const live = new Map<string, LiveCall>();
  const startedAt = Date.now();
  let lastTick = startedAt;
  let owed = 0;
  let startedSinceReport = 0;
  let lastReport = startedAt;

  /** Queues every event due by `now`, and the record of each call that ended. */
  const sendDue = (now: number) => {
    const events: CallEventInput[] = [];
    const cdrs: CdrRecord[] = [];
    for (const [id, entry] of live) {
      const { call } = entry;
      while (entry.next < call.events.length && call.events[entry.next]!.at <= now) events.push(eventInput(call, call.events[entry.next++]!));
      if (entry.next === call.events.length) {
        cdrs.push(callRecord(call));
        live.delete(id);
      }
    }
    client.addEvents(events);
    client.addCdrs(cdrs);
  };

  const report = (now: number) => {
    const rate = (startedSinceReport * 1000) / Math.max(1, now - lastReport);
    const c = client.totals('cdrs');
    const e = client.totals('events');
    const queued = c.pending + e.pending;
    console.info(
      `${new Date(now).toISOString().slice(11, 19)}  ${rate.toFixed(1)} calls/s  ${live.size} live  ` +
        `CDRs ${c.accepted} accepted / ${c.rejected} rejected  events ${e.accepted} accepted / ${e.rejected} rejected` +
        (queued > 0 ? `  ${queued} queued${client.retrying ? ' (retrying)' : ''}` : ''),
    );
    startedSinceReport = 0;
    lastReport = now;
  };

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = Date.now();
      owed += (opts.rate * (now - lastTick)) / 1000;
      lastTick = now;
      for (; owed >= 1; owed -= 1, startedSinceReport += 1) {
        const plan = generator.next(pick());
        live.set(plan.callId, { call: scheduleCall(plan, now, opts.speed), next: 0 });
      }
      sendDue(now);
      if (now - lastReport >= 5000) report(now);
      const timeUp = opts.durationSeconds !== undefined && now - startedAt >= opts.durationSeconds * 1000;
      if (timeUp || fatal) stop();
    }, 100);
    const stop = () => {
      clearInterval(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

  if (!fatal) {
    // End every live call now, as a switch would when it shuts down: answered calls are
    // cut short, the rest cancelled. A second Ctrl-C gives up waiting for the server.
    const now = Date.now();
    console.info(`Stopping: ending ${live.size} live calls and sending what is queued (Ctrl-C again to quit at once)...`);
    for (const entry of live.values()) entry.call = hangUp(entry.call, now);
    sendDue(Number.MAX_SAFE_INTEGER);
    const giveUp = () => {
      // npm and tsx may pass the first Ctrl-C on once more; only a later press means "quit now".
      if (Date.now() - now < 1000) return;
      console.warn('Quit before the server had everything; run again to carry on.');
      process.exit(1);
    };
    process.on('SIGINT', giveUp);
    const unsent = await client.drain(now + 60_000);
    process.off('SIGINT', giveUp);
    report(Date.now());
    if (unsent > 0 && !client.error) console.warn(`${unsent} events and records were not accepted within a minute; the server may be down.`);
  }
  fatal ??= client.error;
  if (createdKeyId) await session.request('DELETE', `/api/api-keys/${createdKeyId}`).catch(() => undefined);
  await session.request('POST', '/api/auth/logout').catch(() => undefined);
  if (fatal) throw fatal;
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
