-- Organisations are Replicache spaces: `version` is the space version every synced
-- change bumps by one, and each synced row remembers the version that last touched it.
create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  version bigint not null default 0,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  email text not null,
  name text not null,
  role text not null check (role in ('admin', 'operator', 'viewer')),
  password_hash text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index users_email_key on users (lower(email));

-- Opaque session tokens; only their SHA-256 is stored, so a database leak yields no live session.
create table sessions (
  token_hash bytea primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  user_agent text
);
create index sessions_user on sessions (user_id);

-- Replicache client groups belong to exactly one user: a push or pull naming another
-- user's group is refused.
create table replicache_client_groups (
  id text primary key,
  user_id uuid not null references users (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

-- `version` is the space version at which last_mutation_id last changed, so a pull
-- reports lastMutationIDChanges only for clients that moved since the client's cookie.
create table replicache_clients (
  id text primary key,
  client_group_id text not null references replicache_client_groups (id) on delete cascade,
  last_mutation_id bigint not null default 0,
  version bigint not null default 0,
  updated_at timestamptz not null default now()
);
create index replicache_clients_group on replicache_clients (client_group_id, version);

create table customers (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  version bigint not null,
  -- Notes sync under their own key; they are re-sent only when they changed.
  notes_version bigint not null default 0,
  name text not null,
  account_ref text,
  status text not null check (status in ('active', 'inactive', 'pending', 'pending_approval', 'penalty')),
  currency char(3) not null,
  credit numeric(20, 4) not null default 0,
  debit_limit numeric(20, 4) not null default 0,
  channels integer not null default 0 check (channels >= 0),
  cps_limit integer not null default 0 check (cps_limit >= 0),
  country char(2),
  tags text[] not null default '{}',
  account_manager text,
  portal_access boolean not null default false,
  daily_spend_limit numeric(20, 4),
  contacts jsonb not null default '[]',
  ip_auth jsonb not null default '[]',
  sip_users jsonb not null default '[]',
  routes jsonb not null default '[]',
  notes text,
  penalty_until timestamptz,
  status_before_penalty text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- Soft delete: a customer in the trash keeps syncing (the trash view works offline).
  deleted_at timestamptz
);
create index customers_sync on customers (organisation_id, version, id);
create unique index customers_name_key on customers (organisation_id, lower(name)) where deleted_at is null;
create unique index customers_account_ref_key on customers (organisation_id, account_ref)
  where deleted_at is null and account_ref is not null;

-- SIP digest credentials: HA1 = MD5(username:realm:password), what a SIP proxy checks
-- digests against, so the password itself is never stored or synced.
create table sip_credentials (
  organisation_id uuid not null references organisations (id),
  username text not null,
  customer_id uuid not null references customers (id) on delete cascade,
  ha1 text not null,
  updated_at timestamptz not null default now()
);
create unique index sip_credentials_username_key on sip_credentials (organisation_id, lower(username));
create index sip_credentials_customer on sip_credentials (customer_id);

-- Mutations the server refused (permanent errors), synced back to the user who made them.
create table mutation_rejections (
  id text primary key,
  organisation_id uuid not null references organisations (id),
  user_id uuid not null references users (id) on delete cascade,
  client_id text not null,
  mutation_id bigint not null,
  mutator text not null,
  summary text not null,
  code text not null,
  message text not null,
  created_at timestamptz not null default now(),
  version bigint not null,
  dismissed boolean not null default false
);
create index mutation_rejections_sync on mutation_rejections (user_id, version);
