import { Divider, Stack } from '@mantine/core';
import type { CustomerFormApi } from './customer-form-values.js';
import { IpAuthList } from './IpAuthList.js';
import { SipUserList } from './SipUserList.js';

/** How the switch recognises the customer's calls: by source IP, or by SIP user. */
export function AuthenticationTab({ form, readOnly }: { form: CustomerFormApi; readOnly: boolean }) {
  return (
    <Stack gap="md">
      <IpAuthList form={form} readOnly={readOnly} />
      <Divider />
      <SipUserList form={form} readOnly={readOnly} />
    </Stack>
  );
}
