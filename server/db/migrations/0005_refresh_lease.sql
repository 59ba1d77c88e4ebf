-- One server process at a time runs the metrics refresh (it also judges alert rules: two
-- at once could both fire the same alert). A lease, not a session lock, so it works on
-- the embedded database's single connection too; a process that dies loses it on expiry.
create table refresh_leases (
  name text primary key,
  holder uuid not null,
  until timestamptz not null
);
