-- One row per change a user made and the server processed, by the random intent id the
-- device gave it. A device that lost a change before storing it (a killed tab) sends it
-- again from its journal with the same id; the copy finds the row and changes nothing,
-- whether the first copy reached the server before, arrives after, or never does.
-- Keyed by user as well: one user's ids can never stand in for another's.
create table applied_intents (
  user_id uuid not null references users (id) on delete cascade,
  intent uuid not null,
  applied_at timestamptz not null default now(),
  primary key (user_id, intent)
);
create index applied_intents_age on applied_intents (applied_at);
