-- Saved views of the customer grid: a named view state, the owner's own or shared with the
-- organisation. A deleted view is kept as a tombstone (deleted = true) so a pull can tell
-- devices to drop it; `version` is the space version of its last change, as on customers.
create table saved_views (
  id uuid primary key,
  organisation_id uuid not null references organisations (id) on delete cascade,
  owner_id uuid not null references users (id) on delete cascade,
  name text not null,
  shared boolean not null default false,
  state jsonb not null,
  deleted boolean not null default false,
  version bigint not null,
  updated_at timestamptz not null default now()
);
create index saved_views_sync on saved_views (organisation_id, version);

-- Each user's default view, and the space version at which it last changed.
alter table users add column default_view_id uuid references saved_views (id) on delete set null;
alter table users add column default_view_version bigint not null default 0;
