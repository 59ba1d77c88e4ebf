-- Failed tries of a pushed mutation that hit an unexpected error (a bug, not an outage
-- and not a refusal), counted across server processes, so a mutation that fails the same
-- way every time is set aside after a few tries instead of blocking every later change of
-- its device for ever. Written outside the failed transaction. `ref` is quoted in the
-- server log and in the refusal the user sees.
create table mutation_failures (
  client_id text not null,
  mutation_id bigint not null,
  ref text not null,
  attempts integer not null,
  last_error text not null,
  first_failed_at timestamptz not null default now(),
  last_failed_at timestamptz not null default now(),
  primary key (client_id, mutation_id)
);
create index mutation_failures_age on mutation_failures (last_failed_at);
