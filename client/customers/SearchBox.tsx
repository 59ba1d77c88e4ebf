import { CloseButton, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';

const PLACEHOLDER = 'Search name, ref, tag, email, mobile, IP, SIP user, prefix…';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** ArrowDown in the box: the page moves on to the rows. */
  onArrowDown?: () => void;
  placeholder?: string;
}

/** The search box: every word must match; Esc clears it; "/" anywhere but in a field focuses it. */
export function SearchBox({ value, onChange, onArrowDown, placeholder = PLACEHOLDER }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const focus = (e: KeyboardEvent) => {
    // Not from under an open card or popover: the key belongs to what is open.
    if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return;
    input.current?.focus();
  };
  // Keyboards where "/" needs Shift (German, Nordic) send it with shiftKey set.
  useHotkeys([
    ['/', focus],
    ['shift+/', focus],
  ]);
  return (
    <TextInput
      ref={input}
      aria-label="Search customers"
      aria-keyshortcuts="/"
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      rightSection={value ? <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange('')} /> : null}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChange('');
        if (e.key === 'ArrowDown' && onArrowDown) {
          e.preventDefault();
          onArrowDown();
        }
      }}
      style={{ flex: '1 1 16rem', minWidth: '12rem' }}
    />
  );
}
