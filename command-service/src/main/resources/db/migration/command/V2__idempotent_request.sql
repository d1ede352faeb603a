-- The first answer to each request sent with an Idempotency-Key, per caller, so that a retry gets
-- the same answer and stores nothing twice.
create table idempotent_request (
    subject         varchar(255) not null,
    idempotency_key varchar(128) not null,
    fingerprint     char(64)     not null, -- SHA-256 of method, path and body
    status          integer      not null,
    content_type    varchar(255),
    body            bytea        not null,
    answered_at     timestamptz  not null,
    primary key (subject, idempotency_key)
);
