import {
  customerFilterSchema,
  DATE_FILTER_FIELDS,
  MONEY_FILTER_FIELDS,
  NUMBER_FILTER_FIELDS,
  SET_FILTER_FIELDS,
  TEXT_FILTER_FIELDS,
  type FilterCondition,
} from '../../shared/customer-filter.js';

/** The kind of value a field holds, which decides the operators and the input the builder shows. */
export type FieldKind = 'text' | 'money' | 'number' | 'set' | 'date';

export type FilterField = FilterCondition['field'];

export function kindOf(field: FilterField): FieldKind {
  const has = (list: readonly string[]) => list.includes(field);
  if (has(TEXT_FILTER_FIELDS) && !has(SET_FILTER_FIELDS)) return 'text';
  if (has(MONEY_FILTER_FIELDS)) return 'money';
  if (has(NUMBER_FILTER_FIELDS)) return 'number';
  if (has(DATE_FILTER_FIELDS)) return 'date';
  return 'set';
}

/** Operators per kind, with the words the builder shows. */
export const OPERATORS: Record<FieldKind, readonly { value: string; label: string }[]> = {
  text: [
    { value: 'contains', label: 'contains' },
    { value: 'equals', label: 'is' },
    { value: 'startsWith', label: 'starts with' },
    { value: 'empty', label: 'is empty' },
  ],
  money: numberOps(),
  number: numberOps(),
  set: [
    { value: 'in', label: 'is any of' },
    { value: 'notIn', label: 'is none of' },
  ],
  date: [
    { value: 'within', label: 'within the last' },
    { value: 'olderThan', label: 'more than … ago' },
    { value: 'between', label: 'between' },
    { value: 'never', label: 'never' },
  ],
};

function numberOps() {
  return [
    { value: 'lt', label: '<' },
    { value: 'le', label: '≤' },
    { value: 'gt', label: '>' },
    { value: 'ge', label: '≥' },
    { value: 'eq', label: '=' },
    { value: 'ne', label: '≠' },
    { value: 'between', label: 'between' },
    { value: 'empty', label: 'is empty' },
  ];
}

/** What the builder's inputs hold while the user fills them in. */
export interface ConditionDraft {
  field: FilterField;
  op: string;
  text: string;
  value: number | '';
  to: number | '';
  currency: string | null;
  values: string[];
  amount: number | '';
  unit: 'h' | 'd';
  /** `between` dates, as yyyy-mm-dd. */
  from: string | null;
  until: string | null;
}

export function newDraft(field: FilterField = 'credit'): ConditionDraft {
  return { field, op: OPERATORS[kindOf(field)][0]!.value, text: '', value: '', to: '', currency: null, values: [], amount: 30, unit: 'd', from: null, until: null };
}

/** The draft for another field: the operator resets to that field's first one. */
export function withField(draft: ConditionDraft, field: FilterField): ConditionDraft {
  return kindOf(field) === kindOf(draft.field) ? { ...draft, field } : newDraft(field);
}

const num = (v: number | '') => (v === '' ? undefined : v);
const dayStart = (d: string | null) => (d ? Date.parse(`${d}T00:00:00.000Z`) : undefined);
const dayEnd = (d: string | null) => (d ? Date.parse(`${d}T23:59:59.999Z`) : undefined);

/** The condition the draft describes, or the reason it is not one yet (shown under the inputs). */
export function draftToCondition(d: ConditionDraft): { condition: FilterCondition } | { error: string } {
  const kind = kindOf(d.field);
  let candidate: unknown;
  if (kind === 'text') candidate = { type: 'text', field: d.field, op: d.op, value: d.text.trim() };
  else if (kind === 'money' || kind === 'number')
    candidate = { type: 'number', field: d.field, op: d.op, value: num(d.value), to: d.op === 'between' ? num(d.to) : undefined, currency: d.currency ?? undefined };
  else if (kind === 'set') candidate = { type: 'set', field: d.field, op: d.op, values: d.values };
  else if (d.op === 'between') candidate = { type: 'date', field: d.field, op: d.op, from: dayStart(d.from), to: dayEnd(d.until) };
  else candidate = { type: 'date', field: d.field, op: d.op, amount: d.op === 'never' ? undefined : num(d.amount), unit: d.op === 'never' ? undefined : d.unit };
  if (kind === 'text' && d.op !== 'empty' && d.text.trim() === '') return { error: 'Type the text to look for' };
  if (kind === 'set' && d.values.length === 0) return { error: 'Choose at least one value' };
  const parsed = customerFilterSchema.safeParse(stripUndefined(candidate as Record<string, unknown>));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Incomplete' };
  return { condition: parsed.data as FilterCondition };
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
