import { Loader, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useCustomerLookup } from './use-customer-lookup.js';
import { useLiveCustomers } from './use-live-customers.js';

interface CustomerSelectProps {
  value: string;
  onChange: (id: string) => void;
  error?: React.ReactNode;
  onBlur?: () => void;
}

/** Picks one customer by name from this device's replica (customers in the trash are left out). */
export function CustomerSelect({ value, onChange, error, onBlur }: CustomerSelectProps) {
  const options = useLiveCustomers(true);
  const current = useCustomerLookup(useMemo(() => (value ? [value] : []), [value]));
  const data = useMemo(() => {
    const list = options ?? [];
    // A rule may still name a customer that has since been deleted: keep it visible, marked.
    if (!value || list.some((o) => o.value === value)) return list;
    const c = current.get(value);
    return [{ value, label: c ? `${c.name} (deleted)` : value }, ...list];
  }, [options, value, current]);

  return (
    <Select
      label="Customer"
      placeholder={options === null ? 'Loading customers…' : 'Type to search'}
      required
      searchable
      limit={50}
      data={data}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      onBlur={onBlur}
      error={error}
      nothingFoundMessage="No customer by that name"
      rightSection={options === null ? <Loader size="xs" aria-label="Loading customers" /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
