import type { Queryable } from '../db/queryable.js';
import type { UserSummary } from '../../shared/api.js';
import type { Role } from '../../shared/auth.js';
import { AppError } from '../../shared/errors.js';
import { violatedUniqueIndex } from '../customers/unique-violations.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
}

export interface NewUser {
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** Adds a user; an email already in use (in any organisation, case-insensitively) is 409 duplicate_email. */
export async function insertUser(sql: Queryable, user: NewUser): Promise<UserSummary> {
  try {
    const [row] = await sql<UserRow[]>`
      insert into users (organisation_id, email, name, role, password_hash)
      values (${user.organisationId}, ${user.email}, ${user.name}, ${user.role}, ${user.passwordHash})
      returning id, email, name, role, created_at`;
    return toSummary(row!);
  } catch (error) {
    if (violatedUniqueIndex(error) === 'users_email_key') {
      throw new AppError('duplicate_email', `There is already a user with the email ${user.email}.`, [
        { path: 'email', message: 'This email is already in use' },
      ]);
    }
    throw error;
  }
}

/** The users of one organisation, oldest first. */
export async function listUsers(sql: Queryable, organisationId: string): Promise<UserSummary[]> {
  const rows = await sql<UserRow[]>`
    select id, email, name, role, created_at from users
    where organisation_id = ${organisationId}
    order by created_at, email`;
  return rows.map(toSummary);
}

function toSummary(r: UserRow): UserSummary {
  return { id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at.toISOString() };
}
