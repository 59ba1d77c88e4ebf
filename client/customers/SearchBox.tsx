import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

const PLACEHOLDER = 'Search name, ref, tag, email, mobile, IP, SIP user, prefix…';

/** The search box: every word must match; Esc clears it. */
export function SearchBox({ value, onChange, placeholder = PLACEHOLDER }: { value: string; onChange: (value: string) => void; placeholder?: string }) {
  return (
    <TextInput
      aria-label="Search customers"
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      rightSection={value ? <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange('')} /> : null}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChange('');
      }}
      style={{ flex: '1 1 16rem', minWidth: '12rem' }}
    />
  );
}
