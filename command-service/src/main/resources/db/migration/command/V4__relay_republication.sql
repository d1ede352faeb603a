-- Requests to publish events to Kafka again. Any instance takes the request; the instance whose relay holds the
-- relay's segment carries it out, so it works whichever instance an admin's request reaches.
create table relay_republication (
    id           bigint generated always as identity primary key,
    from_time    timestamptz  not null,
    requested_by varchar(255) not null,
    requested_at timestamptz  not null,
    applied_at   timestamptz,
    applied_by   varchar(255)
);

create index relay_republication_pending_idx on relay_republication (id) where applied_at is null;
