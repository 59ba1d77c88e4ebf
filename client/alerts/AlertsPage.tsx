import 'mantine-datatable/styles.css';
import { Stack, Title } from '@mantine/core';
import { can } from '../../shared/auth.js';
import { useSync } from '../sync/sync-context.js';
import { AlertLog } from './AlertLog.js';
import { AlertRulesSection } from './AlertRulesSection.js';
import { OfflineNote } from './OfflineNote.js';
import { useAlertLog } from './use-alert-log.js';
import { useAlertRules } from './use-alert-rules.js';
import { WarningThresholdsForm } from './WarningThresholdsForm.js';

/** Alert rules and the log of what they raised (both on the server only), and the synced traffic warning thresholds. */
export function AlertsPage() {
  const { role } = useSync();
  const rules = useAlertRules();
  const log = useAlertLog();
  return (
    <Stack gap="xl" maw={1400}>
      <Stack gap="sm">
        <Title order={1} size="h3">
          Alerts
        </Title>
        {/* One note for both parts: they fail together when the connection goes. */}
        {(rules.offline || log.offline) && <OfflineNote hasData={rules.rules !== null || log.loaded} nothingYet="alert rules and the alerts log need a connection to the server." />}
      </Stack>
      <AlertRulesSection rules={rules} canManage={can(role, 'alerts.manage')} />
      <WarningThresholdsForm canManage={can(role, 'alerts.manage')} />
      <AlertLog log={log} />
    </Stack>
  );
}
