import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { AlertRule } from '../../shared/alert-rule.js';
import { AlertRuleModal, type RuleEditTarget } from './AlertRuleModal.js';
import { AlertRulesTable } from './AlertRulesTable.js';
import type { AlertRulesState } from './use-alert-rules.js';
import { useCustomerLookup } from './use-customer-lookup.js';
import { useRuleActions } from './use-rule-actions.js';

const customerIdsOf = (rules: AlertRule[] | null) => (rules ?? []).flatMap((r) => (r.target.kind === 'customer' ? [r.target.customerId] : []));

/** The rules list; staff who may manage alerts also add, edit, switch and delete rules here. */
export function AlertRulesSection({ rules: state, canManage }: { rules: AlertRulesState; canManage: boolean }) {
  const { rules, offline, error, reload, replace } = state;
  const [editing, setEditing] = useState<RuleEditTarget>(null);
  const customers = useCustomerLookup(useMemo(() => customerIdsOf(rules), [rules]));
  const { setEnabled, confirmDelete } = useRuleActions({ replace, reload });
  const manage = useMemo(
    () => (canManage ? { onEdit: setEditing, onDelete: confirmDelete, onEnabledChange: (r: AlertRule, on: boolean) => void setEnabled(r, on) } : undefined),
    [canManage, confirmDelete, setEnabled],
  );

  const saved = (rule: AlertRule) => {
    notifications.show({ color: 'green', message: `Saved the rule “${rule.name}”.` });
    setEditing(null);
    reload();
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Alert rules
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New rule
          </Button>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <AlertRulesTable rules={rules ?? []} fetching={rules === null && !offline && !error} customers={customers} manage={manage} />
      {canManage && <AlertRuleModal target={editing} onSaved={saved} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
