import { Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DATE_FILTER_FIELDS, MONEY_FILTER_FIELDS, NUMBER_FILTER_FIELDS, SET_FILTER_FIELDS, type FilterCondition } from '../../shared/customer-filter.js';
import { draftToCondition, kindOf, newDraft, OPERATORS, withField, type ConditionDraft, type FilterField } from './condition-draft.js';
import { FILTER_FIELD_LABELS } from './describe-filter.js';

export interface ConditionBuilderProps {
  /** Values to choose from for list fields (currency, country, tags, account manager, status, warning...). */
  choices: (field: FilterField) => { value: string; label: string }[];
  onAdd: (condition: FilterCondition) => void;
  /** The popover's fixed width by default; "100%" in the phone's drawer. */
  w?: number | string;
}

const group = (label: string, fields: readonly FilterField[]) => ({ group: label, items: fields.map((f) => ({ value: f, label: FILTER_FIELD_LABELS[f] })) });
const FIELD_DATA = [
  group('Text', ['name', 'accountRef']),
  group('Money', MONEY_FILTER_FIELDS),
  group('Lists', SET_FILTER_FIELDS),
  group('Numbers and figures', NUMBER_FILTER_FIELDS),
  group('Dates', DATE_FILTER_FIELDS),
];
// Inside the popover: a dropdown in a portal would count as a click outside and close it.
const inside = { withinPortal: false };

/** Builds one typed condition (field, operator, value) and adds it as a chip. */
export function ConditionBuilder({ choices, onAdd, w = 340 }: ConditionBuilderProps) {
  const [d, setD] = useState<ConditionDraft>(() => newDraft());
  const set = (patch: Partial<ConditionDraft>) => setD((x) => ({ ...x, ...patch }));
  const kind = kindOf(d.field);
  const result = draftToCondition(d);
  const amount = (label: string, key: 'value' | 'to' | 'amount') => (
    <NumberInput aria-label={label} placeholder={label} w={110} value={d[key]} onChange={(v) => set({ [key]: typeof v === 'number' ? v : '' })} decimalScale={2} />
  );
  return (
    <Stack gap={6} w={w}>
      <Select aria-label="Field" data={FIELD_DATA} value={d.field} onChange={(f) => f && setD(withField(d, f as FilterField))} searchable comboboxProps={inside} maxDropdownHeight={260} />
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Select aria-label="Operator" data={OPERATORS[kind]} value={d.op} onChange={(op) => op && set({ op })} allowDeselect={false} w={150} comboboxProps={inside} />
        {kind === 'text' && d.op !== 'empty' && <TextInput aria-label="Text" value={d.text} onChange={(e) => set({ text: e.currentTarget.value })} style={{ flex: 1 }} />}
        {(kind === 'money' || kind === 'number') && d.op !== 'empty' && amount(d.op === 'between' ? 'From' : 'Value', 'value')}
        {(kind === 'money' || kind === 'number') && d.op === 'between' && amount('To', 'to')}
        {kind === 'date' && (d.op === 'within' || d.op === 'olderThan') && (
          <>
            {amount('How long', 'amount')}
            <Select aria-label="Unit" data={[{ value: 'h', label: 'hours' }, { value: 'd', label: 'days' }]} value={d.unit} onChange={(u) => u && set({ unit: u as 'h' | 'd' })} w={90} comboboxProps={inside} />
          </>
        )}
      </Group>
      {kind === 'money' && (
        <Select aria-label="Currency" placeholder="Any currency" data={choices('currency')} value={d.currency} onChange={(c) => set({ currency: c })} clearable comboboxProps={inside} />
      )}
      {kind === 'set' && (
        <MultiSelect aria-label="Values" placeholder="Choose values" data={choices(d.field)} value={d.values} onChange={(values) => set({ values })} searchable comboboxProps={inside} />
      )}
      {kind === 'date' && d.op === 'between' && (
        <Group gap={6} grow>
          <TextInput type="date" aria-label="From date" value={d.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || null })} />
          <TextInput type="date" aria-label="Until date" value={d.until ?? ''} onChange={(e) => set({ until: e.currentTarget.value || null })} />
        </Group>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {'error' in result ? result.error : ''}
        </Text>
        <Button
          size="xs"
          disabled={'error' in result}
          onClick={() => {
            if ('condition' in result) onAdd(result.condition);
          }}
        >
          Add filter
        </Button>
      </Group>
    </Stack>
  );
}
