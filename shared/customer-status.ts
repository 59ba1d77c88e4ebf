import { z } from 'zod';

/** Stored statuses. "Dialling" is not one: it is a filter on live channels. */
export const CUSTOMER_STATUSES = ['active', 'inactive', 'pending', 'pending_approval', 'penalty'] as const;
export const customerStatusSchema = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

export const STATUS_LABELS: Record<CustomerStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  pending: 'Pending',
  pending_approval: 'Pending approval',
  penalty: 'Penalty',
};

/** Only an active customer may send calls; every other status blocks dialling. */
export function statusAllowsCalls(status: CustomerStatus): boolean {
  return status === 'active';
}
