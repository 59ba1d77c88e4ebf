import { Input, SegmentedControl, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useId } from 'react';
import type { AlertRuleFormValues, TargetKind } from './alert-rule-form-values.js';
import { CustomerSelect } from './CustomerSelect.js';

const KINDS: { value: TargetKind; label: string }[] = [
  { value: 'all', label: 'All customers' },
  { value: 'tag', label: 'Tag' },
  { value: 'customer', label: 'Customer' },
];

/** Which customers a rule watches: all of them, those with a tag, or one. */
export function RuleTargetPicker({ form }: { form: UseFormReturnType<AlertRuleFormValues> }) {
  const labelId = useId();
  const kind = form.getValues().target.kind;
  const customer = form.getInputProps('target.customerId');
  return (
    <Stack gap={4}>
      <Input.Label id={labelId}>Applies to</Input.Label>
      <SegmentedControl
        aria-labelledby={labelId}
        data={KINDS}
        value={kind}
        onChange={(v) => {
          form.setFieldValue('target.kind', v as TargetKind);
          // A hidden field's old error would block the save with nothing on screen.
          form.clearFieldError('target.tag');
          form.clearFieldError('target.customerId');
        }}
        fullWidth
      />
      {kind === 'tag' && <TextInput label="Tag" description="Customers with this tag (exact, case-sensitive)" required {...form.getInputProps('target.tag')} />}
      {kind === 'customer' && (
        <CustomerSelect
          value={form.getValues().target.customerId}
          onChange={(id) => form.setFieldValue('target.customerId', id)}
          onBlur={customer.onBlur as () => void}
          error={customer.error as React.ReactNode}
        />
      )}
    </Stack>
  );
}
