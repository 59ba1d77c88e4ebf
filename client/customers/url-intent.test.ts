import { describe, expect, it } from 'vitest';
import { readUrlIntent, withoutNewIntent } from './url-intent.js';

describe('URL intent', () => {
  it('opens the create form for ?new=customer and the trash for ?view=trash', () => {
    expect(readUrlIntent('?new=customer')).toEqual({ openNew: true, view: 'customers' });
    expect(readUrlIntent('?view=trash')).toEqual({ openNew: false, view: 'trash' });
    expect(readUrlIntent('')).toEqual({ openNew: false, view: 'customers' });
    expect(readUrlIntent('?view=other&new=1')).toEqual({ openNew: false, view: 'customers' });
  });

  it('drops only the "new" parameter so a reload does not reopen the form', () => {
    expect(withoutNewIntent('https://x.example/customers?new=customer&view=trash#top')).toBe('https://x.example/customers?view=trash#top');
  });
});
