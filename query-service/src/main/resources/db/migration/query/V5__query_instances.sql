-- The query-service instances alive now, each seen within the last seconds: they share the processors' segments
-- evenly between them.
create table projection_instance (
    instance varchar(255) not null primary key,
    seen_at  timestamptz  not null
);
