#!/usr/bin/env bash
# Latency of "as of" answers with a large event store. Copies the demo data's events (three cities) into
# synthetic municipalities (codes 30000-47999 with their check digits, one demo city each) until the store holds
# at least ${EVENTS:-1000000} events, waits until the projections and the Kafka relay have caught up with them,
# then asks N=${N:-200} times each for Akiruno's annual table and Musashino's quarterly table as of a random
# recorded time between the first demo event and now, one request after the other (as-of-latency.py), and prints
# median and 95th percentile; it measures the same first with the demo data alone, for comparison. Run from the
# project root with ./local-stack --fresh running (the copies stay in the store: start fresh again to drop
# them). Needs psql and python3.
set -euo pipefail
target=${EVENTS:-1000000}
sql() { PGPASSWORD= psql -h localhost -p 15432 -U postgres shinko -qAtc "$1"; }
events() { sql "select count(*) from event_store.domain_event_entry"; }
measure() { python3 "$(dirname "$0")/as-of-latency.py" "${N:-200}"; }
echo "with $(events) events in the store:"
measure
batch=0
while [ "$(events)" -lt "$target" ]; do
  # 300 new municipalities a round, each a copy of one demo city, codes numbered on from the last round
  sql "with cities(n, city) as (values (0, '132284'), (1, '132039'), (2, '132241')),
       codes as (
         select d.digits || ((11 - (substr(d.digits, 1, 1)::int * 6 + substr(d.digits, 2, 1)::int * 5
                  + substr(d.digits, 3, 1)::int * 4 + substr(d.digits, 4, 1)::int * 3
                  + substr(d.digits, 5, 1)::int * 2) % 11) % 10) as code, d.n
         from (select n, (30000 + n)::text as digits from generate_series($((batch * 300)), $((batch * 300 + 299))) n) d)
       insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
           recorded_at, payload_type, payload_revision, payload, meta_data)
       select gen_random_uuid()::text, replace(e.aggregate_identifier, c.city, codes.code), e.sequence_number, e.type,
           e.recorded_at, e.payload_type, e.payload_revision,
           convert_to(replace(convert_from(e.payload, 'UTF8'), '\"' || c.city || '\"', '\"' || codes.code || '\"'),
             'UTF8'), e.meta_data
       from codes join cities c on c.n = codes.n % 3
         join event_store.domain_event_entry e on e.municipality_code = c.city
       order by codes.code, e.global_index"
  batch=$((batch + 1))
  echo "  $(events) events"
done
echo "event store: $(events) events, $(sql "select count(distinct municipality_code) from event_store.domain_event_entry") municipalities"
head=$(sql "select max(global_index) from event_store.domain_event_entry")
behind() { sql "select count(*) from $1 where token is null or convert_from(token, 'UTF8')::jsonb #>> '{index}' is null
                or (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint < $head"; }
echo -n "waiting for the projections and the relay to catch up"
until [ "$(behind query.token_entry)" = 0 ] && [ "$(behind command.token_entry)" = 0 ]; do echo -n .; sleep 5; done
echo
echo "with $(events) events in the store:"
measure
