-- The metrics refresh is now kept to one server process by a session-level advisory lock
-- (server/db/session-lock.ts), which a crashed process loses at once instead of after an
-- expiry. The old timed lease goes: an older server still running during an upgrade then
-- fails its refresh instead of judging alerts beside a newer one that ignores its lease.
drop table refresh_leases;
