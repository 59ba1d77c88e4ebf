import { Autocomplete, Group, NumberInput, Select, SimpleGrid, Switch, TagsInput, TextInput } from '@mantine/core';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { MAX_TAGS } from '../../shared/customer.js';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { CURRENCY_CODES } from '../../shared/iso-codes.js';
import { countryOptions } from '../format/country-names.js';
import type { CustomerFormApi } from './customer-form-values.js';
import { currencyLocked } from './customer-form-validation.js';
import { formatMoney } from '../format/format-money.js';
import { penaltyText } from '../format/penalty-text.js';

const STATUS_OPTIONS = (['active', 'inactive', 'pending', 'pending_approval'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const CURRENCY_OPTIONS = [...CURRENCY_CODES];
const UNLIMITED = '0 = unlimited';

export interface MainTabProps {
  form: CustomerFormApi;
  /** The customer as opened, when editing. */
  saved: CustomerListRow | undefined;
  tagSuggestions: string[];
  managerSuggestions: string[];
}

/** Identity, status, money and limits. */
export function MainTab({ form, saved, tagSuggestions, managerSuggestions }: MainTabProps) {
  const locked = saved !== undefined && currencyLocked(saved.credit);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <TextInput label="Account ref" description="External id, e.g. from accounting" {...form.getInputProps('accountRef')} />
      {saved?.status === 'penalty' ? (
        <TextInput
          label="Status"
          readOnly
          value={penaltyText(saved)}
          description="Set by an alert rule; it ends by itself. Use Set status on the list to end it early."
        />
      ) : (
        <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
      )}
      <Select
        label="Currency"
        data={CURRENCY_OPTIONS}
        searchable
        allowDeselect={false}
        disabled={locked}
        description={locked ? `Locked: the balance is ${formatMoney(saved.credit, saved.currency)}` : undefined}
        {...form.getInputProps('currency')}
      />
      {saved === undefined && (
        <TextInput label="Opening credit" placeholder="0.00" inputMode="decimal" {...form.getInputProps('credit')} />
      )}
      <TextInput label="Debit limit" description="How far below zero the balance may go" inputMode="decimal" {...form.getInputProps('debitLimit')} />
      <NumberInput label="Channels" description={UNLIMITED} min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('channels')} />
      <NumberInput label="CPS limit" description={UNLIMITED} min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('cpsLimit')} />
      <Select label="Country" data={countryOptions()} searchable clearable {...form.getInputProps('country')} />
      <Autocomplete label="Account manager" data={managerSuggestions} {...form.getInputProps('accountManager')} />
      <TagsInput label="Tags" data={tagSuggestions} maxTags={MAX_TAGS} clearable {...form.getInputProps('tags')} />
      <TextInput label="Daily spend limit" description="Empty = no limit" inputMode="decimal" {...form.getInputProps('dailySpendLimit')} />
      <Group>
        <Switch label="Portal access" {...form.getInputProps('portalAccess', { type: 'checkbox' })} />
      </Group>
    </SimpleGrid>
  );
}
