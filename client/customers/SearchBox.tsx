import { CloseButton, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { startTransition, useRef, useState } from 'react';

const PLACEHOLDER = 'Search name, ref, tag, email, mobile, IP, SIP user, prefix…';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  /** ArrowDown in the box: the page moves on to the rows. */
  onArrowDown?: () => void;
  placeholder?: string;
}

/**
 * The search box: every word must match; Esc clears it; "/" anywhere but in a field
 * focuses it. The box keeps what is typed and shows it at once; the page hears of it in a
 * transition, so filtering 100,000 rows and drawing them happens in a background render
 * that the next keystroke interrupts, and a keystroke re-renders only the box.
 */
export function SearchBox({ value, onChange, onArrowDown, placeholder = PLACEHOLDER }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  // Follows the page's search when it changes from elsewhere (cleared filters, back and forward, a saved view).
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const type = (next: string) => {
    setText(next);
    startTransition(() => onChange(next));
  };
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
      rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => type('')} /> : null}
      value={text}
      onChange={(e) => type(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') type('');
        if (e.key === 'ArrowDown' && onArrowDown) {
          e.preventDefault();
          onArrowDown();
        }
      }}
      style={{ flex: '1 1 16rem', minWidth: '12rem' }}
    />
  );
}
