import type { MutationContext } from '../customers/mutation-context.js';
import type { AppDeps } from '../http/app-env.js';

/** What push needs of the app: the database, configuration, the poke bus and the clock. */
export type PushDeps = Pick<AppDeps, 'sql' | 'config' | 'pokes' | 'now'>;

/** Runs one named mutation; `runServerMutation` unless a test wraps it to queue side effects or inject faults. */
export type MutationRunner = (ctx: MutationContext, name: string, args: unknown) => Promise<void>;
