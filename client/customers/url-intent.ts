import type { CustomerView } from '../customer-index/customer-query.js';

export interface UrlIntent {
  /** `?new=customer`: open the create form once (the app's "New customer" shortcut). */
  openNew: boolean;
  /** `?view=trash` opens the trash. */
  view: CustomerView;
}

export function readUrlIntent(search: string): UrlIntent {
  const params = new URLSearchParams(search);
  return { openNew: params.get('new') === 'customer', view: params.get('view') === 'trash' ? 'trash' : 'customers' };
}

/** The same URL without `?new=customer`, so a reload does not open the form again. */
export function withoutNewIntent(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('new');
  return url.toString();
}
