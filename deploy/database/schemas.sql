-- Shinko: the three schemas of the one database `shinko`, and who may do what in them.
--
-- Run once, by the database owner or a superuser, connected to the database `shinko`, AFTER the two
-- login roles shinko_command and shinko_query exist (neither a superuser). The compose init script
-- and the CloudNativePG bootstrap both do this. Every statement may be run again without harm.
-- The services create their own tables in these schemas (Flyway) at start-up.

-- The event store: written only by the command service, which creates and migrates its tables.
create schema if not exists event_store authorization shinko_command;

-- The command service's own tables (processor tokens, idempotency keys, relay requests).
create schema if not exists command authorization shinko_command;

-- The query service's own tables (tokens and projections), which it creates and writes.
create schema if not exists query authorization shinko_query;

-- The query service reads the event store to build its projections: it may look up names in it...
grant usage on schema event_store to shinko_query;

-- ...and read every table the command service creates there later (migrations run after this script)...
alter default privileges for role shinko_command in schema event_store grant select on tables to shinko_query;

-- ...and every table already there, should this script run after the command service's first start.
grant select on all tables in schema event_store to shinko_query;

-- Nobody creates objects in `public`, so every table lives in one of the schemas above (already the
-- default since PostgreSQL 15; stated for databases created otherwise).
revoke create on schema public from public;
