import { z } from 'zod';
import { roleSchema, type Role } from './auth.js';
import { noControlCharacters } from './text.js';

/** Request bodies and responses of the JSON API, shared so the client builds exactly what the server accepts. */

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Not a valid email address')).pipe(z.string().max(254));

/** OWASP: at least 8 characters with MFA, 15 without; we ask 12 and cap at 128 to bound hashing work. */
export const passwordSchema = z
  .string()
  .min(12, 'Passwords are at least 12 characters')
  .max(128, 'Passwords are at most 128 characters');

export const setupRequestSchema = z.object({
  organisation: z.string().trim().min(1, 'Organisation name is required').max(120).check(noControlCharacters()),
  name: z.string().trim().min(1, 'Your name is required').max(100).check(noControlCharacters()),
  email: emailSchema,
  password: passwordSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Password is required').max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const createUserRequestSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100).check(noControlCharacters()),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const MAX_SAMPLE_CUSTOMERS = 100_000;
/** Sample data loads only into an organisation with fewer customers than this. */
export const SAMPLE_DATA_ONLY_BELOW = 1000;
export const sampleDataRequestSchema = z.object({
  count: z.number().int().min(1).max(MAX_SAMPLE_CUSTOMERS).default(500),
});
export type SampleDataRequest = z.infer<typeof sampleDataRequestSchema>;

export const createApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Names are at most 100 characters').check(noControlCharacters()),
});
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;

/** The `:id` of /api/api-keys/:id, checked before it reaches SQL so a typo is a 400, not a 500. */
export const apiKeyParamsSchema = z.object({
  id: z.uuid({ message: 'Not an API key id (UUID)' }),
});

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Organisation {
  id: string;
  name: string;
}

/** GET /api/auth/me, POST /api/auth/login and /api/auth/setup. */
export interface MeResponse {
  user: SessionUser;
  organisation: Organisation;
}

/** GET /api/auth/state: whether the first admin still has to be created. */
export interface AuthStateResponse {
  needsSetup: boolean;
}

export interface UserSummary extends SessionUser {
  createdAt: string;
}

/** One switch API key as staff see it: never the key itself, only its first characters to tell keys apart. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /api/api-keys: the only response that carries the full `key`; it is not stored and never shown again. */
export interface CreateApiKeyResponse extends ApiKeySummary {
  key: string;
}

export interface SampleDataResponse {
  created: number;
}
