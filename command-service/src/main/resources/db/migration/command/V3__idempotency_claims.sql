-- An Idempotency-Key is claimed before its request runs, so that the database, not one instance,
-- decides which of several concurrent requests with the same key runs: the row is 'running' while
-- its request is answered (claimed_until bounds how long a crashed instance's claim holds), then
-- 'answered' until expires_at, after which the key counts as new again.
alter table idempotent_request
    add column state         varchar(10) not null default 'answered'
        constraint idempotent_request_state_check check (state in ('running', 'answered')),
    add column claim         uuid,
    add column claimed_until timestamptz,
    add column expires_at    timestamptz;

update idempotent_request set expires_at = answered_at + interval '24 hours';

alter table idempotent_request
    alter column status drop not null,
    alter column body drop not null,
    alter column answered_at drop not null,
    alter column state drop default;

create index idempotent_request_expires_idx on idempotent_request (expires_at);
