import { useEffect, useState } from 'react';
import { readUrlIntent, withoutNewIntent, type UrlIntent } from './url-intent.js';

/** What the page's URL asks for on load, read once. */
export function useUrlIntent(): UrlIntent {
  const [intent] = useState(() => readUrlIntent(window.location.search));
  useEffect(() => {
    if (intent.openNew) window.history.replaceState(window.history.state, '', withoutNewIntent(window.location.href));
  }, [intent]);
  return intent;
}
