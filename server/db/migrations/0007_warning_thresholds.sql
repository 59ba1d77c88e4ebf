-- The organisation's traffic warning thresholds (null: the defaults), synced to every
-- device as `s/warnings`; settings_version is the space version that last changed them.
alter table organisations add column warning_thresholds jsonb;
alter table organisations add column settings_version bigint not null default 0;
