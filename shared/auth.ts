import { z } from 'zod';
import { AppError } from './errors.js';

export const ROLES = ['admin', 'operator', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** What each role may do. Checked on the server for every request and mutation; the client uses it to hide controls. */
const PERMISSIONS = {
  'customers.read': ['admin', 'operator', 'viewer'],
  'customers.write': ['admin', 'operator'],
  'customers.delete': ['admin', 'operator'],
  'sample-data.load': ['admin'],
  'users.manage': ['admin'],
  'apiKeys.manage': ['admin'],
  'alerts.manage': ['admin', 'operator'],
  'views.share': ['admin', 'operator'],
  'views.manageShared': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** What each permission allows, in words, for refusals people read ("Viewers cannot change customers."). */
const PERMISSION_ACTIONS: Record<Permission, string> = {
  'customers.read': 'see customers',
  'customers.write': 'change customers',
  'customers.delete': 'delete or restore customers',
  'sample-data.load': 'load sample data',
  'users.manage': 'manage users',
  'apiKeys.manage': 'manage API keys',
  'alerts.manage': 'change alert rules or warning thresholds',
  'views.share': 'share views with the organisation',
  'views.manageShared': "change or delete other people's shared views",
};

const ROLE_PLURALS: Record<Role, string> = { admin: 'Admins', operator: 'Operators', viewer: 'Viewers' };

/** Throws AppError('forbidden') unless `role` holds `permission`, saying in words what the role cannot do. */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError('forbidden', `${ROLE_PLURALS[role]} cannot ${PERMISSION_ACTIONS[permission]}.`);
  }
}
