import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { warningThresholdsSchema, type WarningThresholds } from '../../shared/warnings.js';
import { finishWithError, finishWithMessage, startAction } from '../customer-actions/action-notifications.js';
import { zodFormValidate } from '../forms/zod-form-validate.js';
import { useSync } from '../sync/sync-context.js';
import { useWarningThresholds } from './use-warning-thresholds.js';

/**
 * When the grid's traffic warnings show, for the whole organisation. A synced change:
 * it works offline and every device re-judges its warnings when it arrives.
 */
export function WarningThresholdsForm({ canManage }: { canManage: boolean }) {
  const sync = useSync();
  const current = useWarningThresholds(sync.rep);
  const form = useForm<WarningThresholds>({ initialValues: current, validate: zodFormValidate(warningThresholdsSchema) });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    setValues(current);
    resetDirty(current);
  }, [current, setValues, resetDirty]);

  const save = async (values: WarningThresholds) => {
    const id = startAction('Saving warning thresholds…');
    try {
      await sync.mutate('setWarningThresholds', values);
      finishWithMessage(id, 'Warning thresholds saved');
    } catch (e) {
      finishWithError(id, e);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Traffic warning thresholds">
      <form onSubmit={form.onSubmit((v) => void save(v))}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Traffic warnings
          </Title>
          <Text size="sm" c="dimmed">
            Icons beside a customer’s name, judged on the last hour of traffic.
          </Text>
          <Group align="flex-start" grow>
            <NumberInput label="High PDD from (s)" min={0.5} max={60} step={0.5} decimalScale={1} disabled={!canManage} {...form.getInputProps('pddSeconds')} />
            <NumberInput label="…on at least (calls)" min={1} allowDecimal={false} disabled={!canManage} {...form.getInputProps('minPddCalls')} />
            <NumberInput label="Low ASR below (%)" min={0} max={100} decimalScale={1} disabled={!canManage} {...form.getInputProps('asrPercent')} />
            <NumberInput label="…on at least (attempts)" min={1} allowDecimal={false} disabled={!canManage} {...form.getInputProps('minAttempts')} />
          </Group>
          {canManage && (
            <Group justify="flex-end">
              <Button type="submit" disabled={!form.isDirty()}>
                Save thresholds
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
