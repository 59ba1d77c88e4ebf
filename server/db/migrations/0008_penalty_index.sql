-- Penalties due to end are looked up every refresh: only the few customers in penalty are indexed.
create index customers_penalty_due on customers (penalty_until) where status = 'penalty';
