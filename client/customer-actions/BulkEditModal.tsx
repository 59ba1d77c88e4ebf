import { Alert, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Switch, TagsInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { STATUS_LABELS } from '../../shared/customer-status.js';
import { MAX_TAGS } from '../../shared/customer.js';
import { hasBulkChange, initialBulkEdit, toBulkPatch, validateBulkEdit, type BulkEditValues, type BulkPatchInput, type TagMode } from './bulk-edit-values.js';
import { countryOptions } from '../format/country-names.js';
import { customersCount } from '../format/format-metrics.js';

const STATUS_OPTIONS = (['active', 'inactive', 'pending', 'pending_approval'] as const).map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const TAG_MODES: { value: TagMode; label: string }[] = [
  { value: 'add', label: 'Add' },
  { value: 'remove', label: 'Remove' },
  { value: 'set', label: 'Replace all' },
];

type ChangeKey = 'changeStatus' | 'changeChannels' | 'changeCpsLimit' | 'changePortalAccess' | 'changeCountry' | 'changeTags';

export interface BulkEditModalProps {
  opened: boolean;
  count: number;
  tagSuggestions: string[];
  onClose: () => void;
  onApply: (patch: BulkPatchInput) => void;
}

/** Sets chosen fields on every selected customer; only ticked fields are sent. */
export function BulkEditModal({ opened, count, tagSuggestions, onClose, onApply }: BulkEditModalProps) {
  return (
    // No scroll lock: the page never scrolls (the grid scrolls inside itself), and removing the lock's
    // injected style sheet on Apply restyled the whole document in the frame that shows the edit.
    <Modal opened={opened} onClose={onClose} title={`Bulk edit ${customersCount(count)}`} size="lg" lockScroll={false}>
      {opened && <BulkEditForm count={count} tagSuggestions={tagSuggestions} onClose={onClose} onApply={onApply} />}
    </Modal>
  );
}

function BulkEditForm({ tagSuggestions, onClose, onApply }: Omit<BulkEditModalProps, 'opened'>) {
  const form = useForm<BulkEditValues>({ initialValues: initialBulkEdit(), validate: validateBulkEdit });
  const v = form.values;

  // Editing a value ticks its "change" box: the user clearly means to change it.
  const field = (change: ChangeKey, label: string, input: ReactNode) => (
    <Group align="flex-start" wrap="nowrap" gap="sm">
      <Checkbox mt={8} aria-label={`Change ${label.toLowerCase()}`} {...form.getInputProps(change, { type: 'checkbox' })} />
      <div style={{ flex: 1 }}>{input}</div>
    </Group>
  );
  const onValue = (change: ChangeKey, path: keyof BulkEditValues) => (value: unknown) => {
    form.setFieldValue(path, value as never);
    form.setFieldValue(change, true);
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // A valid form is applied without a state update of its own (form.onSubmit makes
        // two, and a render of this form): the page closes the dialog in the same render
        // that shows the change.
        if (form.isValid()) onApply(toBulkPatch(form.getValues()));
        else form.validate();
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Tick the fields to change. Everything else stays as it is on each customer.
        </Text>
        {field(
          'changeStatus',
          'Status',
          <Select label="Status" data={STATUS_OPTIONS} value={v.status} onChange={(s) => s && onValue('changeStatus', 'status')(s)} allowDeselect={false} error={form.errors.status} />,
        )}
        {field(
          'changeChannels',
          'Channels',
          <NumberInput label="Channels" description="0 = unlimited" min={0} allowDecimal={false} value={v.channels} onChange={onValue('changeChannels', 'channels')} error={form.errors.channels} />,
        )}
        {field(
          'changeCpsLimit',
          'CPS limit',
          <NumberInput label="CPS limit" description="0 = unlimited" min={0} allowDecimal={false} value={v.cpsLimit} onChange={onValue('changeCpsLimit', 'cpsLimit')} error={form.errors.cpsLimit} />,
        )}
        {field(
          'changePortalAccess',
          'Portal access',
          <Switch mt={8} label="Portal access" checked={v.portalAccess} onChange={(e) => onValue('changePortalAccess', 'portalAccess')(e.currentTarget.checked)} />,
        )}
        {field(
          'changeCountry',
          'Country',
          <Select
            label="Country"
            placeholder="No country (clears it)"
            data={countryOptions()}
            searchable
            clearable
            value={v.country}
            onChange={(c) => onValue('changeCountry', 'country')(c)}
            error={form.errors.country}
          />,
        )}
        {field(
          'changeTags',
          'Tags',
          <Stack gap={6}>
            <SegmentedControl
              aria-label="Tag change"
              size="xs"
              data={TAG_MODES}
              value={v.tagMode}
              onChange={(m) => onValue('changeTags', 'tagMode')(m)}
              style={{ alignSelf: 'flex-start' }}
            />
            <TagsInput
              label="Tags"
              data={tagSuggestions}
              maxTags={MAX_TAGS}
              value={v.tags}
              onChange={onValue('changeTags', 'tags')}
              clearable
              error={form.errors.tags}
            />
          </Stack>,
        )}
        {form.errors.form && (
          <Alert color="red" variant="light" py={6}>
            {form.errors.form}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!hasBulkChange(v)}>
            Apply
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
