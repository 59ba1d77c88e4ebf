import { useCallback, useEffect, useState } from 'react';
import type { AlertRule } from '../../shared/alert-rule.js';
import { apiFetch, NetworkError } from '../api/api-fetch.js';

export interface AlertRulesState {
  /** null until the first answer; kept as it was when a later load fails. */
  rules: AlertRule[] | null;
  offline: boolean;
  error: string | null;
  reload: () => void;
  /** Shows a change at once (the enabled switch) before the server has answered. */
  replace: (rule: AlertRule) => void;
}

/** The organisation's alert rules. Rules live on the server only, so this needs a connection. */
export function useAlertRules(): AlertRulesState {
  const [rules, setRules] = useState<AlertRule[] | null>(null);
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    apiFetch<AlertRule[]>('/api/alert-rules').then(
      (list) => {
        if (!live) return;
        setRules(list);
        setOffline(false);
        setError(null);
      },
      (e: unknown) => {
        if (!live) return;
        setOffline(e instanceof NetworkError);
        setError(e instanceof NetworkError ? null : (e as Error).message);
      },
    );
    return () => {
      live = false;
    };
  }, [version]);

  // Coming back online or to the window: the rules may have changed on another device.
  useEffect(() => {
    const again = () => setVersion((n) => n + 1);
    window.addEventListener('focus', again);
    window.addEventListener('online', again);
    return () => {
      window.removeEventListener('focus', again);
      window.removeEventListener('online', again);
    };
  }, []);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  const replace = useCallback((rule: AlertRule) => setRules((list) => list?.map((r) => (r.id === rule.id ? rule : r)) ?? null), []);
  return { rules, offline, error, reload, replace };
}
