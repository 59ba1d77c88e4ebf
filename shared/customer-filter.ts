import { z } from 'zod';

/**
 * Typed filters of the customer grid: conditions on one field each, combined in AND/OR
 * groups. A filter is part of a saved view (synced, so both sides validate it) and of the
 * page's URL, hence its schema lives here; the evaluator over the device's index is
 * client-side (client/customer-index/customer-filter.ts).
 *
 * Semantics a spreadsheet user expects: text is compared without case or accents; a
 * condition on a missing value (no account manager, no traffic, never called) is false,
 * except "is empty" and "≠", which include it; money conditions may name a currency,
 * which then must match too, because amounts in different currencies are not comparable.
 */

export const TEXT_FILTER_FIELDS = ['name', 'accountRef', 'accountManager'] as const;
export const MONEY_FILTER_FIELDS = ['credit', 'debitLimit', 'availableBalance', 'dailySpendLimit'] as const;
export const NUMBER_FILTER_FIELDS = [
  'channelLimit',
  'cpsLimit',
  'liveChannels',
  'contacts',
  'attempts1h',
  'answered1h',
  'asr1h',
  'ner1h',
  'acd1h',
  'pdd1h',
  'cps',
  'cpsPeak',
  'attempts24h',
  'answered24h',
  'asr24h',
  'ner24h',
  'acd24h',
  'pdd24h',
] as const;
export const SET_FILTER_FIELDS = ['status', 'currency', 'country', 'tags', 'accountManager', 'warning', 'portalAccess'] as const;
export const DATE_FILTER_FIELDS = ['createdAt', 'updatedAt', 'lastCall', 'penaltyUntil'] as const;

export type TextFilterField = (typeof TEXT_FILTER_FIELDS)[number];
export type NumberFilterField = (typeof MONEY_FILTER_FIELDS)[number] | (typeof NUMBER_FILTER_FIELDS)[number];
export type SetFilterField = (typeof SET_FILTER_FIELDS)[number];
export type DateFilterField = (typeof DATE_FILTER_FIELDS)[number];

export const TEXT_OPS = ['contains', 'equals', 'startsWith', 'empty'] as const;
export const NUMBER_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'empty'] as const;
export const SET_OPS = ['in', 'notIn'] as const;
/** `olderThan` and `within` count back from now; `never` is an empty date. */
export const DATE_OPS = ['between', 'olderThan', 'within', 'never'] as const;
export const DURATION_UNITS = { h: 3_600_000, d: 86_400_000 } as const;

const MAX_VALUES = 500;
/** One level of groups inside the top one, as the grid's filter builder offers. */
export const MAX_FILTER_DEPTH = 3;
const MAX_CONDITIONS = 50;

const amount = z.number().finite();

export const textConditionSchema = z.object({
  type: z.literal('text'),
  field: z.enum(TEXT_FILTER_FIELDS),
  op: z.enum(TEXT_OPS),
  value: z.string().max(200).default(''),
});

export const numberConditionSchema = z
  .object({
    type: z.literal('number'),
    field: z.enum([...MONEY_FILTER_FIELDS, ...NUMBER_FILTER_FIELDS]),
    op: z.enum(NUMBER_OPS),
    value: amount.optional(),
    /** Upper bound of `between` (inclusive, like the lower one). */
    to: amount.optional(),
    /** Money fields only: the currency the amounts are in. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code').optional(),
  })
  .refine((c) => c.op === 'empty' || c.value !== undefined, { message: 'Enter a number', path: ['value'] })
  .refine((c) => c.op !== 'between' || c.to !== undefined, { message: 'Enter the upper bound', path: ['to'] })
  .refine((c) => c.currency === undefined || (MONEY_FILTER_FIELDS as readonly string[]).includes(c.field), {
    message: 'Only amounts of money have a currency',
    path: ['currency'],
  });

export const setConditionSchema = z.object({
  type: z.literal('set'),
  field: z.enum(SET_FILTER_FIELDS),
  op: z.enum(SET_OPS),
  values: z.array(z.string().max(200)).max(MAX_VALUES),
});

export const dateConditionSchema = z
  .object({
    type: z.literal('date'),
    field: z.enum(DATE_FILTER_FIELDS),
    op: z.enum(DATE_OPS),
    /** `between`: epoch ms, inclusive; either may be open. */
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    /** `olderThan` / `within`: how far back from now. */
    amount: z.number().int().positive().max(100_000).optional(),
    unit: z.enum(['h', 'd']).optional(),
  })
  .refine((c) => !(c.op === 'olderThan' || c.op === 'within') || (c.amount !== undefined && c.unit !== undefined), {
    message: 'Enter how long ago',
    path: ['amount'],
  });

export type TextCondition = z.infer<typeof textConditionSchema>;
export type NumberCondition = z.infer<typeof numberConditionSchema>;
export type SetCondition = z.infer<typeof setConditionSchema>;
export type DateCondition = z.infer<typeof dateConditionSchema>;
export type FilterCondition = TextCondition | NumberCondition | SetCondition | DateCondition;

export interface FilterGroup {
  type: 'group';
  op: 'and' | 'or';
  children: FilterNode[];
}
export type FilterNode = FilterCondition | FilterGroup;

export const filterNodeSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('group'), op: z.enum(['and', 'or']), children: z.array(filterNodeSchema).max(MAX_CONDITIONS) }),
    textConditionSchema,
    numberConditionSchema,
    setConditionSchema,
    dateConditionSchema,
  ]),
);

/** A whole filter: a tree no deeper than MAX_FILTER_DEPTH with at most MAX_CONDITIONS conditions. */
export const customerFilterSchema = filterNodeSchema.refine((node) => depthOf(node) <= MAX_FILTER_DEPTH, `Groups nest at most ${MAX_FILTER_DEPTH} deep`).refine(
  (node) => conditionsIn(node) <= MAX_CONDITIONS,
  `At most ${MAX_CONDITIONS} conditions`,
);

function depthOf(node: FilterNode): number {
  return node.type === 'group' ? 1 + Math.max(0, ...node.children.map(depthOf)) : 0;
}

export function conditionsIn(node: FilterNode): number {
  return node.type === 'group' ? node.children.reduce((n, c) => n + conditionsIn(c), 0) : 1;
}

/** The filter that keeps every row. */
export const NO_FILTER: FilterGroup = Object.freeze({ type: 'group', op: 'and', children: [] }) as FilterGroup;
