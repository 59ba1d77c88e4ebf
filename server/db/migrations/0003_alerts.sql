-- Alert rules: when a customer's figure crosses `threshold` (by `operator`) the rule
-- fires once; it re-arms only after the figure crosses back past `reset_threshold`.
create table alert_rules (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  name text not null,
  area text not null check (area in ('credit', 'available_credit', 'asr', 'acd', 'pdd', 'channels')),
  operator text not null check (operator in ('<', '<=', '>', '>=')),
  threshold numeric not null,
  reset_threshold numeric not null,
  sample_minutes integer not null default 15 check (sample_minutes between 1 and 1440),
  min_attempts integer not null default 20 check (min_attempts >= 0),
  target_kind text not null check (target_kind in ('customer', 'tag', 'all')),
  target_customer_id uuid references customers (id) on delete cascade,
  target_tag text,
  penalty_minutes integer check (penalty_minutes > 0),
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index alert_rules_organisation on alert_rules (organisation_id);

-- Which (rule, customer) pairs are firing now: the hysteresis state.
create table alert_states (
  rule_id uuid not null references alert_rules (id) on delete cascade,
  customer_id uuid not null references customers (id) on delete cascade,
  fired_at timestamptz not null,
  primary key (rule_id, customer_id)
);

-- Every firing and clearing, for the customer card and the alerts log; `delivered_at`
-- is for delivery to staff devices.
create table alert_events (
  id bigserial primary key,
  organisation_id uuid not null references organisations (id),
  rule_id uuid references alert_rules (id) on delete set null,
  rule_name text not null,
  customer_id uuid not null references customers (id) on delete cascade,
  kind text not null check (kind in ('fired', 'cleared')),
  area text not null,
  value numeric,
  threshold numeric not null,
  penalty_until timestamptz,
  at timestamptz not null,
  delivered_at timestamptz
);
create index alert_events_organisation on alert_events (organisation_id, at desc);
create index alert_events_customer on alert_events (customer_id, at desc);
