-- Per customer per hour: the same counters as the minute rollups, kept in the same
-- ingest transaction. The last 24 hours are summed from at most 25 of these rows per
-- customer instead of up to 1,440 minutes, charts over weeks read them, and minute rows
-- need only be kept for a few days.
create table customer_hour_rollups (
  customer_id uuid not null,
  hour timestamptz not null,
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
  peak_channels integer not null default 0,
  charge numeric(20, 4) not null default 0,
  last_started_at timestamptz,
  primary key (customer_id, hour)
);
create index customer_hour_rollups_hour on customer_hour_rollups (hour);

insert into customer_hour_rollups (customer_id, hour, organisation_id, attempts, answered, talk_ms, pdd_sum_ms, pdd_count,
  busy, no_answer, rejected, cps_peak, peak_channels, charge, last_started_at)
select customer_id, date_trunc('hour', minute), organisation_id, sum(attempts), sum(answered), sum(talk_ms), sum(pdd_sum_ms),
  sum(pdd_count), sum(busy), sum(no_answer), sum(rejected), max(cps_peak), max(peak_channels), sum(charge), max(last_started_at)
from customer_minute_rollups group by 1, 2, 3;
