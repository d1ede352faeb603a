#!/usr/bin/env bash
# Run once by the postgres image, on an empty data directory only (docker-entrypoint-initdb.d), as the
# superuser, connected to $POSTGRES_DB (shinko). It creates the services' two login roles, then their
# schemas and rights (deploy/database/schemas.sql, mounted at /shinko/schemas.sql). The image runs this
# file, or sources it when it is not executable; either way it must not exit early.
set -Eeo pipefail

: "${SHINKO_COMMAND_DB_PASSWORD:?set in .env}"
: "${SHINKO_QUERY_DB_PASSWORD:?set in .env}"

# Passwords go in as psql variables (:'name' quotes them as SQL literals), never spliced into the SQL
# by the shell; the heredoc is quoted so the shell leaves it alone.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set=command_password="$SHINKO_COMMAND_DB_PASSWORD" \
    --set=query_password="$SHINKO_QUERY_DB_PASSWORD" <<'SQL'
-- the command service: owns event_store and command (schemas.sql gives them to it)
create role shinko_command login nosuperuser nocreatedb nocreaterole password :'command_password';
-- the query service: owns query, reads event_store
create role shinko_query login nosuperuser nocreatedb nocreaterole password :'query_password';
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --file /shinko/schemas.sql
