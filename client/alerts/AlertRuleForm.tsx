import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ALERT_AREAS, AREA_LABELS, TRAFFIC_AREAS, type AlertOperator, type AlertRule } from '../../shared/alert-rule.js';
import { AppError } from '../../shared/errors.js';
import { apiFetch } from '../api/api-fetch.js';
import { useApiFormSubmit } from '../auth/use-api-form-submit.js';
import { NEW_RULE_VALUES, ruleToFormValues, toRuleInput, validateRuleForm, type AlertRuleFormValues } from './alert-rule-form-values.js';
import { RuleTargetPicker } from './RuleTargetPicker.js';

const OPERATORS: { value: AlertOperator; label: string }[] = [
  { value: '<', label: 'below (<)' },
  { value: '<=', label: 'at or below (≤)' },
  { value: '>', label: 'above (>)' },
  { value: '>=', label: 'at or above (≥)' },
];

const HINT_BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

const UNITS: Partial<Record<AlertRuleFormValues['area'], string>> = { asr: '%', acd: 's', pdd: 's' };

export function AlertRuleForm({ rule, onSaved, onCancel }: { rule?: AlertRule; onSaved: (r: AlertRule) => void; onCancel: () => void }) {
  const form = useForm<AlertRuleFormValues>({
    initialValues: rule ? ruleToFormValues(rule) : NEW_RULE_VALUES,
    validate: validateRuleForm,
    // Checked on submit only: in a form this tall an error appearing on blur pushes the
    // controls below it down while the pointer is on them, and the click is lost.
  });
  const send = async (v: AlertRuleFormValues) => {
    try {
      const body = toRuleInput(v);
      return await apiFetch<AlertRule>(rule ? `/api/alert-rules/${rule.id}` : '/api/alert-rules', { method: rule ? 'PUT' : 'POST', body });
    } catch (e) {
      // The shared submit only places top-level fields; the target's issues are nested ("target.customerId").
      if (e instanceof AppError) for (const issue of e.issues ?? []) if (issue.path.startsWith('target.')) form.setFieldError(issue.path, issue.message);
      throw e;
    }
  };
  const { submit, error, busy } = useApiFormSubmit(form, send, onSaved);
  const { area, operator } = form.getValues();
  const unit = UNITS[area];
  const below = operator === '<' || operator === '<=';

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Area" data={ALERT_AREAS.map((a) => ({ value: a, label: AREA_LABELS[a] }))} allowDeselect={false} {...form.getInputProps('area')} />
          <Select label="Fires when it is" data={OPERATORS} allowDeselect={false} {...form.getInputProps('operator')} />
          {/* Hints under the inputs, so the two inputs stay level whatever the hints' length. */}
          <NumberInput
            label="Threshold"
            description="Fires when the figure gets past this"
            inputWrapperOrder={HINT_BELOW}
            required
            rightSection={unit}
            decimalScale={4}
            {...form.getInputProps('threshold')}
          />
          <NumberInput
            label="Reset threshold"
            description={`Fires again only after getting back to this (${below ? 'at or above' : 'at or below'} the threshold)`}
            inputWrapperOrder={HINT_BELOW}
            required
            rightSection={unit}
            decimalScale={4}
            {...form.getInputProps('resetThreshold')}
          />
          {TRAFFIC_AREAS.includes(area) && (
            <>
              <NumberInput
                label="Sample period (minutes)"
                description="Measured over this many minutes"
                inputWrapperOrder={HINT_BELOW}
                min={1}
                max={1440}
                allowDecimal={false}
                {...form.getInputProps('sampleMinutes')}
              />
              <NumberInput
                label="Minimum calls"
                description="Fewer calls in the period are not judged"
                inputWrapperOrder={HINT_BELOW}
                min={0}
                allowDecimal={false}
                thousandSeparator=","
                {...form.getInputProps('minAttempts')}
              />
            </>
          )}
        </SimpleGrid>
        <RuleTargetPicker form={form} />
        <NumberInput
          label="Penalty (minutes)"
          description="When it fires, puts the customer in penalty (calls blocked) for this long. Empty: no penalty."
          placeholder="No penalty"
          min={1}
          max={30 * 1440}
          allowDecimal={false}
          {...form.getInputProps('penaltyMinutes')}
        />
        <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {rule ? 'Save rule' : 'Create rule'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
