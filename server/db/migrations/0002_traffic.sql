-- Switch API keys for the ingest endpoints: only the SHA-256 of a key is stored; the
-- prefix lets staff tell keys apart in the list.
create table api_keys (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  name text not null,
  prefix text not null,
  key_hash bytea not null unique,
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_organisation on api_keys (organisation_id, created_at);

-- Call records, append-only, one partition per UTC day (created on demand, dropped by
-- retention). A record is identified by its call id and start: a retry stores nothing.
create table cdrs (
  organisation_id uuid not null,
  call_id text collate "C" not null,
  customer_id uuid not null,
  started_at timestamptz not null,
  ringing_at timestamptz,
  answered_at timestamptz,
  ended_at timestamptz not null,
  pdd_ms integer,
  duration_ms bigint,
  billed_seconds integer,
  sip_code smallint not null,
  sip_reason text,
  release_cause text,
  cli text,
  destination text not null,
  destination_name text,
  rate numeric(20, 6),
  charge numeric(20, 4) not null default 0,
  currency char(3),
  api_key_id uuid,
  received_at timestamptz not null default now(),
  primary key (organisation_id, call_id, started_at)
) partition by range (started_at);

-- Per customer per minute: the additive counters every metric is computed from. Kept in
-- the same transaction as the records they summarise. cps_peak is the highest count of
-- attempts started in one second of that minute.
create table customer_minute_rollups (
  customer_id uuid not null,
  minute timestamptz not null,
  organisation_id uuid not null,
  attempts integer not null default 0,
  answered integer not null default 0,
  talk_ms bigint not null default 0,
  pdd_sum_ms bigint not null default 0,
  pdd_count integer not null default 0,
  busy integer not null default 0,
  no_answer integer not null default 0,
  rejected integer not null default 0,
  cps_peak integer not null default 0,
  -- Most calls up at once in the minute, as seen by the metrics refresh.
  peak_channels integer not null default 0,
  charge numeric(20, 4) not null default 0,
  -- Start of the latest call of the minute (3xx included): "last call" without a scan.
  last_started_at timestamptz,
  primary key (customer_id, minute)
);
create index customer_minute_rollups_minute on customer_minute_rollups (minute);

-- Attempts per customer per second, for "CPS now" and exact per-minute peaks; pruned
-- after a few minutes.
create table customer_second_attempts (
  customer_id uuid not null,
  second timestamptz not null,
  attempts integer not null,
  primary key (customer_id, second)
);
create index customer_second_attempts_second on customer_second_attempts (second);

-- Calls up now, from call state events. A call never ended expires at expires_at.
create table live_calls (
  organisation_id uuid not null,
  call_id text collate "C" not null,
  customer_id uuid not null,
  started_at timestamptz not null,
  answered_at timestamptz,
  expires_at timestamptz not null,
  primary key (organisation_id, call_id)
);
create index live_calls_customer on live_calls (customer_id);
create index live_calls_expires on live_calls (expires_at);

-- Customers whose figures may have changed since they were last published. Writers
-- upsert (not "do nothing"), so a mark stays locked until their transaction commits and
-- the refresh, which skips locked marks, cannot take it before the change is visible.
create table customer_metrics_dirty (
  customer_id uuid primary key,
  organisation_id uuid not null
);

-- The figures published to clients as `m/<customer id>`, versioned like customers.
create table customer_metrics (
  customer_id uuid primary key references customers (id) on delete cascade,
  organisation_id uuid not null references organisations (id),
  version bigint not null,
  last_call_at timestamptz,
  value jsonb not null
);
create index customer_metrics_sync on customer_metrics (organisation_id, version, customer_id);

-- Every change of a customer's credit, so the balance can always be explained:
-- credit = sum(amount). A trigger writes it, so no code path can change credit without
-- an entry; the writer names the kind and reason in transaction-local settings.
create table balance_ledger (
  id bigserial primary key,
  organisation_id uuid not null,
  customer_id uuid not null references customers (id) on delete cascade,
  kind text not null check (kind in ('opening', 'charge', 'payment', 'adjustment')),
  amount numeric(20, 4) not null,
  reason text,
  reference text,
  user_id uuid,
  created_at timestamptz not null default now()
);
create index balance_ledger_customer on balance_ledger (customer_id, id);
create unique index balance_ledger_reference on balance_ledger (customer_id, reference) where reference is not null;

create function record_credit_change() returns trigger language plpgsql as $$
declare
  delta numeric(20, 4);
begin
  if tg_op = 'INSERT' then
    delta := new.credit;
  else
    delta := new.credit - old.credit;
  end if;
  if delta = 0 and tg_op = 'UPDATE' then
    return null;
  end if;
  insert into balance_ledger (organisation_id, customer_id, kind, amount, reason, reference, user_id)
  values (
    new.organisation_id,
    new.id,
    coalesce(nullif(current_setting('trunkline.ledger_kind', true), ''), case when tg_op = 'INSERT' then 'opening' else 'adjustment' end),
    delta,
    nullif(current_setting('trunkline.ledger_reason', true), ''),
    nullif(current_setting('trunkline.ledger_reference', true), ''),
    nullif(current_setting('trunkline.ledger_user', true), '')::uuid
  );
  -- A credit change (payment, charge, adjustment) may fire or clear a credit alert.
  if tg_op = 'UPDATE' then
    insert into customer_metrics_dirty (customer_id, organisation_id) values (new.id, new.organisation_id)
    on conflict (customer_id) do update set organisation_id = excluded.organisation_id;
  end if;
  return null;
end $$;

create trigger customers_credit_ledger after insert or update of credit on customers
  for each row execute function record_credit_change();

-- Customers that existed before the ledger open with their current credit.
insert into balance_ledger (organisation_id, customer_id, kind, amount, reason)
  select organisation_id, id, 'opening', credit, 'Balance when the ledger started' from customers;
