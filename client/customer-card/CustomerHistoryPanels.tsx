import { Center, Loader, Tabs } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { CustomerListRow } from '../../shared/customer-split.js';
import { AlertsTab } from './AlertsTab.js';
import { BalanceTab } from './BalanceTab.js';

// The charts and date pickers are the heaviest code of the card: loaded when the tab is first opened.
const TrafficTab = lazy(() => import('./TrafficTab.js').then((m) => ({ default: m.TrafficTab })));

/**
 * The Traffic, Balance and Alerts panels of the customer card (inside its Tabs). They sit
 * outside the card's disabled fieldset: viewers may still pick a traffic window.
 */
export function CustomerHistoryPanels({ customer }: { customer: CustomerListRow }) {
  return (
    <>
      <Tabs.Panel value="traffic">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading traffic" />
            </Center>
          }
        >
          <TrafficTab customer={customer} />
        </Suspense>
      </Tabs.Panel>
      <Tabs.Panel value="balance">
        <BalanceTab customer={customer} />
      </Tabs.Panel>
      <Tabs.Panel value="alerts">
        <AlertsTab customer={customer} />
      </Tabs.Panel>
    </>
  );
}
