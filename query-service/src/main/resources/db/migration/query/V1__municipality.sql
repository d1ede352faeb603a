-- Positions of this service's projections in the event store.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          bytea,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);

-- Registered municipalities (projection "municipalities").
create table municipality (
    code           char(6)     primary key,
    name           text        not null,
    romanised_name text        not null,
    registered_at  timestamptz not null
);
