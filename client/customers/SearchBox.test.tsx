// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from './SearchBox.js';

/** The page's side: the search it holds, which it can also change itself (cleared filters, back and forward). */
function Page({ onSearch }: { onSearch: (q: string) => void }) {
  const [search, setSearch] = useState('');
  return (
    <MantineProvider>
      <SearchBox
        value={search}
        onChange={(q) => {
          onSearch(q);
          setSearch(q);
        }}
      />
      <button type="button" onClick={() => setSearch('from elsewhere')}>
        Elsewhere
      </button>
      <output>{search}</output>
    </MantineProvider>
  );
}

const box = () => screen.getByRole('textbox', { name: 'Search customers' }) as HTMLInputElement;

afterEach(cleanup);

describe('the search box', () => {
  it('shows what is typed and hands it to the page', async () => {
    const onSearch = vi.fn();
    render(<Page onSearch={onSearch} />);
    fireEvent.change(box(), { target: { value: 'alp' } });
    expect(box().value).toBe('alp');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('alp'));
    expect(onSearch).toHaveBeenLastCalledWith('alp');
  });

  it('shows the page\'s search when the page changes it', async () => {
    render(<Page onSearch={() => {}} />);
    fireEvent.change(box(), { target: { value: 'alp' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('alp'));
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).click());
    expect(box().value).toBe('from elsewhere');
  });

  it('clears on Escape', async () => {
    render(<Page onSearch={() => {}} />);
    fireEvent.change(box(), { target: { value: 'alp' } });
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(box().value).toBe('');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''));
  });
});
