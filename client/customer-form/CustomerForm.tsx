import { Alert, Button, Fieldset, Group, Stack, Tabs } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { joinCustomer, type CustomerDetails } from '../../shared/customer-split.js';
import { isAppError } from '../../shared/errors.js';
import { CustomerHistoryPanels } from '../customer-card/CustomerHistoryPanels.js';
import { HISTORY_TAB_TITLES, HISTORY_TABS, type HistoryTab } from '../customer-card/history-tabs.js';
import type { SyncApi } from '../sync/sync-context.js';
import { errorMessage } from '../customer-actions/action-notifications.js';
import { AuthenticationTab } from './AuthenticationTab.js';
import { ContactsTab } from './ContactsTab.js';
import {
  buildPatch,
  customerToValues,
  newCustomerValues,
  toCreateInput,
  toEditableInput,
  type CustomerFormValues,
} from './customer-form-values.js';
import { appErrorToForm, tabOfPath, tabsWithErrors, validateCustomerForm, type CustomerTab } from './customer-form-validation.js';
import type { IndexedCustomer } from '../customer-index/indexed-customer.js';
import { CustomerWarningsAlert } from './CustomerWarningsAlert.js';
import { MainTab } from './MainTab.js';
import { NotesTab } from './NotesTab.js';
import { RoutingTab } from './RoutingTab.js';
import { TabLabel } from './TabLabel.js';

export interface CustomerFormProps {
  /** The customer as it is now; undefined when the card creates a new one. */
  saved: IndexedCustomer | undefined;
  /** The saved customer's lists, read from the store (the index holds none). */
  details: CustomerDetails | undefined;
  notes: string;
  rows: readonly IndexedCustomer[];
  readOnly: boolean;
  mutate: SyncApi['mutate'];
  tagSuggestions: string[];
  managerSuggestions: string[];
  onClose: () => void;
}

const TAB_TITLES: Record<CustomerTab, string> = {
  main: 'Main',
  contacts: 'Contacts',
  authentication: 'Authentication',
  routing: 'Routing',
  notes: 'Notes',
};

/** The customer card: the same form creates and edits; an edit sends only what changed. */
export function CustomerForm(p: CustomerFormProps) {
  const { readOnly, mutate, onClose } = p;
  // The card edits the customer as it was when opened: the patch is relative to that, while
  // warnings and the penalty shown stay live.
  const [opened] = useState(p.saved);
  const live = p.saved ?? opened;
  const saved = opened;
  const [initial] = useState<CustomerFormValues>(() => (saved ? customerToValues(joinCustomer(saved.customer, p.details), p.notes) : newCustomerValues()));
  const [before] = useState(() => toEditableInput(initial));
  const [tab, setTab] = useState<CustomerTab | HistoryTab>('main');
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<CustomerFormValues>({
    initialValues: initial,
    validateInputOnBlur: true,
    validate: (values) =>
      validateCustomerForm(values, {
        mode: saved ? 'edit' : 'create',
        selfId: saved?.id,
        savedCredit: saved?.customer.credit,
        savedCurrency: saved?.customer.currency,
        savedName: saved?.customer.name,
        savedAccountRef: saved?.customer.accountRef,
        rows: p.rows,
      }),
  });

  // The card closes as soon as the change shows in the grid; "Saved" follows once it is
  // durable. A change refused after the card closed (rare: the preview ran the same mutator)
  // is reported in a notification instead of on the form.
  const save = async (values: CustomerFormValues) => {
    setFormError(null);
    const name = values.name.trim();
    let closed = false;
    const close = () => {
      closed = true;
      onClose();
    };
    try {
      if (!saved) {
        await mutate('createCustomer', toCreateInput(values, crypto.randomUUID()), { onShown: close });
        notifications.show({ color: 'green', message: `Saved: ${name} created` });
      } else {
        const patch = buildPatch(before, toEditableInput(values));
        if (Object.keys(patch).length > 0) {
          await mutate('updateCustomer', { id: saved.id, patch }, { onShown: close });
          notifications.show({ color: 'green', message: `Saved: ${name}` });
        }
      }
      if (!closed) onClose();
    } catch (e) {
      if (closed) {
        notifications.show({ color: 'red', title: `Not saved: ${name}`, message: errorMessage(e), autoClose: false });
        return;
      }
      if (!isAppError(e)) {
        setFormError(errorMessage(e));
        return;
      }
      const { fields, message } = appErrorToForm(e);
      form.setErrors(fields);
      setFormError(message);
      const first = Object.keys(fields)[0];
      if (first) setTab(tabOfPath(first));
    }
  };

  const errorTabs = new Set(tabsWithErrors(form.errors));
  const tabProps = { form, readOnly };

  return (
    <form onSubmit={form.onSubmit(save, (errors) => setTab(tabsWithErrors(errors)[0] ?? 'main'))} noValidate>
      <Stack gap="sm">
        <CustomerWarningsAlert warnings={live?.warnings ?? []} />
        {formError && (
          <Alert color="red" variant="light" title="Not saved" py="xs">
            {formError}
          </Alert>
        )}
        <Tabs value={tab} onChange={(t) => setTab((t ?? 'main') as CustomerTab | HistoryTab)} keepMounted={false}>
          <Tabs.List>
            {(Object.keys(TAB_TITLES) as CustomerTab[]).map((t) => (
              <Tabs.Tab key={t} value={t}>
                <TabLabel label={t === 'contacts' ? `Contacts (${form.values.contacts.length})` : TAB_TITLES[t]} hasError={errorTabs.has(t)} />
              </Tabs.Tab>
            ))}
            {/* Traffic, balance and alerts exist only for a customer that does. */}
            {saved &&
              HISTORY_TABS.map((t) => (
                <Tabs.Tab key={t} value={t}>
                  {HISTORY_TAB_TITLES[t]}
                </Tabs.Tab>
              ))}
          </Tabs.List>
          {/* A disabled fieldset makes every input read-only for viewers in one place. */}
          <Fieldset disabled={readOnly} variant="unstyled" pt="sm">
            <Tabs.Panel value="main">
              <MainTab form={form} saved={live?.customer} tagSuggestions={p.tagSuggestions} managerSuggestions={p.managerSuggestions} />
            </Tabs.Panel>
            <Tabs.Panel value="contacts">
              <ContactsTab {...tabProps} />
            </Tabs.Panel>
            <Tabs.Panel value="authentication">
              <AuthenticationTab {...tabProps} />
            </Tabs.Panel>
            <Tabs.Panel value="routing">
              <RoutingTab {...tabProps} />
            </Tabs.Panel>
            <Tabs.Panel value="notes">
              <NotesTab form={form} />
            </Tabs.Panel>
          </Fieldset>
          {live && saved && <CustomerHistoryPanels customer={live.customer} />}
        </Tabs>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {readOnly ? 'Close' : 'Cancel'}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={form.submitting}>
              {saved ? 'Save changes' : 'Create customer'}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
