import { Button, EmptyState, Group, NumberInput } from '@mantine/core';
import { IconDatabaseImport, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_SAMPLE_CUSTOMERS } from '../../shared/api.js';
import { useSampleDataLoader } from './use-sample-data.js';

/** The first-run panel: nothing synced yet. Admins can load sample data to try the page; others are told who can. */
export function NoCustomers({ canLoadSamples, onNew }: { canLoadSamples: boolean; onNew?: () => void }) {
  const [count, setCount] = useState<number | string>(500);
  const { load, loading } = useSampleDataLoader();
  const n = typeof count === 'number' ? count : Number(count);
  const valid = Number.isInteger(n) && n >= 1 && n <= MAX_SAMPLE_CUSTOMERS;
  return (
    <EmptyState
      icon={<IconUsers size={32} />}
      withIndicatorBackground
      title="No customers yet"
      description={
        canLoadSamples
          ? 'Add your first customer, or load sample data to see how the page handles a real carrier’s list.'
          : 'Customers appear here as soon as someone adds them. An admin can load sample data to try the page.'
      }
      py="xl"
    >
      {(canLoadSamples || onNew) && (
        <EmptyState.Actions>
          <Group align="flex-end" justify="center">
            {canLoadSamples && (
              <>
                <NumberInput
                  label="Sample customers"
                  value={count}
                  onChange={setCount}
                  min={1}
                  max={MAX_SAMPLE_CUSTOMERS}
                  step={500}
                  thousandSeparator=","
                  allowDecimal={false}
                  w={170}
                  error={valid ? undefined : `1 to ${MAX_SAMPLE_CUSTOMERS.toLocaleString('en')}`}
                />
                <Button leftSection={<IconDatabaseImport size={16} />} loading={loading} disabled={!valid} onClick={() => void load(n)}>
                  Load sample data
                </Button>
              </>
            )}
            {onNew && (
              <Button variant="default" onClick={onNew}>
                New customer
              </Button>
            )}
          </Group>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
