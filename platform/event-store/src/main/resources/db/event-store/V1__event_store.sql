-- The event store of Axon's JDBC engine, in snake_case, with JSON payloads in bytea.
-- Owned by the command service (shinko.event-store.migrate=true); the query service only reads it.

create table domain_event_entry (
    -- Only this table draws from this identity's sequence: a shared sequence leaves permanent
    -- gaps that every tracking processor then has to wait out and carry in its token.
    global_index         bigint generated always as identity primary key,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    recorded_at          timestamptz  not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea        not null,
    -- Every aggregate identifier starts with the municipality code ("132241" or "132241:…").
    municipality_code    char(6) generated always as (
        case when aggregate_identifier ~ '^[0-9]{6}(:|$)' then substr(aggregate_identifier, 1, 6) end
    ) stored,
    constraint domain_event_entry_event_identifier_key unique (event_identifier),
    constraint domain_event_entry_aggregate_sequence_key unique (aggregate_identifier, sequence_number)
);

-- Serves "the events of one municipality up to recorded time T", in the order they were stored.
create index domain_event_entry_municipality_recorded_idx
    on domain_event_entry (municipality_code, recorded_at, global_index);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    recorded_at          timestamptz  not null,
    payload_type         varchar(255) not null,
    payload_revision     varchar(255),
    payload              bytea        not null,
    meta_data            bytea        not null,
    primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_key unique (event_identifier)
);
