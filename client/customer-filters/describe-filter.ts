import type { DateFilterField, FilterNode, NumberFilterField, SetFilterField, TextFilterField } from '../../shared/customer-filter.js';
import { STATUS_LABELS, type CustomerStatus } from '../../shared/customer-status.js';
import { QUICK_FILTERS } from '../../shared/quick-filters.js';
import { WARNING_LABELS, type WarningCode } from '../../shared/warnings.js';
import { countryName } from '../format/country-names.js';
import { sameFilter } from './filter-list.js';

/** What staff call each filterable field. */
export const FILTER_FIELD_LABELS: Record<TextFilterField | NumberFilterField | SetFilterField | DateFilterField, string> = {
  name: 'Name',
  accountRef: 'Account ref',
  accountManager: 'Account manager',
  credit: 'Credit',
  debitLimit: 'Debit limit',
  availableBalance: 'Available balance',
  dailySpendLimit: 'Daily spend limit',
  channelLimit: 'Channel limit',
  cpsLimit: 'CPS limit',
  liveChannels: 'Live channels',
  contacts: 'Contacts',
  attempts1h: 'Attempts (1 h)',
  answered1h: 'Answered (1 h)',
  asr1h: 'ASR % (1 h)',
  ner1h: 'NER % (1 h)',
  acd1h: 'ACD s (1 h)',
  pdd1h: 'PDD s (1 h)',
  cps: 'CPS',
  cpsPeak: 'CPS peak (1 h)',
  attempts24h: 'Attempts (24 h)',
  answered24h: 'Answered (24 h)',
  asr24h: 'ASR % (24 h)',
  ner24h: 'NER % (24 h)',
  acd24h: 'ACD s (24 h)',
  pdd24h: 'PDD s (24 h)',
  status: 'Status',
  currency: 'Currency',
  country: 'Country',
  tags: 'Tags',
  warning: 'Warning',
  portalAccess: 'Portal access',
  createdAt: 'Created',
  updatedAt: 'Updated',
  lastCall: 'Last call',
  penaltyUntil: 'Penalty ends',
};

const SYMBOLS = { eq: '=', ne: '≠', lt: '<', le: '≤', gt: '>', ge: '≥' } as const;

function setValueLabel(field: SetFilterField, value: string): string {
  if (field === 'status') return STATUS_LABELS[value as CustomerStatus] ?? value;
  if (field === 'warning') return WARNING_LABELS[value as WarningCode] ?? value;
  // "Germany", not "DE": the chip reads as the filter menu's choice did.
  if (field === 'country') return countryName(value);
  return value;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A filter in words, as its chip shows it: a one-click filter by its own name. */
export function describeFilter(node: FilterNode): string {
  const quick = QUICK_FILTERS.find((q) => sameFilter(q.filter, node));
  if (quick) return quick.label;
  switch (node.type) {
    case 'group': {
      const parts = node.children.map((c) => (c.type === 'group' ? `(${describeFilter(c)})` : describeFilter(c)));
      return parts.join(node.op === 'and' ? ' and ' : ' or ');
    }
    case 'text': {
      const label = FILTER_FIELD_LABELS[node.field];
      if (node.op === 'empty') return `${label} is empty`;
      const verb = node.op === 'equals' ? 'is' : node.op === 'startsWith' ? 'starts with' : 'contains';
      return `${label} ${verb} “${node.value}”`;
    }
    case 'number': {
      const label = FILTER_FIELD_LABELS[node.field];
      const unit = node.currency ? ` ${node.currency}` : '';
      if (node.op === 'empty') return `${label} is empty`;
      if (node.op === 'between') return `${label} ${node.value}–${node.to}${unit}`;
      return `${label} ${SYMBOLS[node.op]} ${node.value}${unit}`;
    }
    case 'set': {
      const values = node.values.map((v) => setValueLabel(node.field, v)).join(', ');
      return `${FILTER_FIELD_LABELS[node.field]}${node.op === 'notIn' ? ' not' : ''}: ${values}`;
    }
    case 'date': {
      const label = FILTER_FIELD_LABELS[node.field];
      if (node.op === 'never') return `${label}: never`;
      if (node.op === 'between') return `${label} ${node.from === undefined ? '…' : day(node.from)} – ${node.to === undefined ? '…' : day(node.to)}`;
      const span = `${node.amount} ${node.unit}`;
      return node.op === 'within' ? `${label} within ${span}` : `${label} more than ${span} ago`;
    }
  }
}
