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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Throws AppError('forbidden') unless `role` holds `permission`. */
export function assertCan(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError('forbidden', `The ${role} role may not do this (${permission}).`);
  }
}
