-- A customer syncs as a small list row (`c/<id>`) and its details (`d/<id>`: contacts,
-- IPs, SIP users, routes). `details_version` is the space version at which the details
-- last changed, so a pull re-sends them only then: a status change of 10,000 customers
-- ships 10,000 list rows and no details. A trigger keeps it, so every writer (the push,
-- set-based bulk updates, imports, the sample data) is covered without knowing of it.
alter table customers add column details_version bigint not null default 0;
update customers set details_version = version;

create function customers_details_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT'
    or new.contacts is distinct from old.contacts
    or new.ip_auth is distinct from old.ip_auth
    or new.sip_users is distinct from old.sip_users
    or new.routes is distinct from old.routes then
    new.details_version := new.version;
  end if;
  return new;
end $$;

-- `update of` the four columns: an update that sets none of them (a status change) skips the trigger.
create trigger customers_details_version before insert or update of contacts, ip_auth, sip_users, routes on customers
  for each row execute function customers_details_version();
