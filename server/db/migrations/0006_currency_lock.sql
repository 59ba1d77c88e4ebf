-- A customer's currency is fixed once it has traffic or balance history (charges,
-- payments, adjustments): every amount already recorded is in that currency. Checked
-- here so that no path (a form, an import, SQL) can change it. SQLSTATE TL001 is mapped
-- to the `currency_locked` error.
create function refuse_locked_currency() returns trigger language plpgsql as $$
begin
  if new.currency is distinct from old.currency and (
    exists (select 1 from balance_ledger where customer_id = old.id and kind <> 'opening')
    or exists (select 1 from customer_hour_rollups where customer_id = old.id)
  ) then
    raise exception 'The currency of % cannot change: it has traffic or balance history', old.name using errcode = 'TL001';
  end if;
  return new;
end $$;

create trigger customers_currency_lock before update of currency on customers
  for each row execute function refuse_locked_currency();
