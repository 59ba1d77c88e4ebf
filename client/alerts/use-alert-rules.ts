import { useCallback, useMemo, useState } from 'react';
import type { AlertRule } from '../../shared/alert-rule.js';
import { useRefetchOnReturn } from '../api/use-refetch-on-return.js';
import { useServerData } from '../api/use-server-data.js';

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
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);
  useRefetchOnReturn(reload);
  // Reachable or not is what the last request found: the sync status can lag behind the network.
  const res = useServerData<AlertRule[]>('/api/alert-rules', { online: true, refreshKey: version });
  // Local replacements hold until the next answer from the server, which supersedes them.
  const [replaced, setReplaced] = useState<{ loadedAt: number | undefined; rules: ReadonlyMap<string, AlertRule> }>({ loadedAt: undefined, rules: new Map() });
  const replace = useCallback(
    (rule: AlertRule) => setReplaced((r) => ({ loadedAt: res.loadedAt, rules: new Map(r.loadedAt === res.loadedAt ? r.rules : []).set(rule.id, rule) })),
    [res.loadedAt],
  );
  const rules = useMemo(() => {
    if (!res.data) return null;
    if (replaced.loadedAt !== res.loadedAt || replaced.rules.size === 0) return res.data;
    return res.data.map((r) => replaced.rules.get(r.id) ?? r);
  }, [res.data, res.loadedAt, replaced]);
  return { rules, offline: res.unreachable, error: res.error ?? null, reload, replace };
}
