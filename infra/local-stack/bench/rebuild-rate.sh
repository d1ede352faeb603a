#!/usr/bin/env bash
# Catch-up rate of the query service's projections when rebuilt from the event store. Copies the demo data's
# events (three cities) into synthetic Okinawa municipalities (47xxx) until the store holds at least
# ${EVENTS:-100000} events, waits until the projections have caught up with them, then asks for a rebuild
# (POST /admin/projections/rebuild) and prints its figures. Run from the project root with ./local-stack --fresh
# running (it leaves the copies in the store: start fresh again to drop them). Needs curl, psql and python3.
set -euo pipefail
target=${EVENTS:-100000}
sql() { PGPASSWORD= psql -h localhost -p 15432 -U postgres shinko -qAtc "$1"; }
events() { sql "select count(*) from event_store.domain_event_entry"; }
check_digit() { # weights 6,5,4,3,2 over the five digits; (11 - sum % 11) % 10
  local d=$1 s=0 w=(6 5 4 3 2)
  for i in 0 1 2 3 4; do s=$((s + ${d:$i:1} * ${w[$i]})); done
  echo $(((11 - s % 11) % 10))
}
n=100
while [ "$(events)" -lt "$target" ]; do
  for city in 132284 132039 132241; do
    code="47${n}$(check_digit "47${n}")"
    n=$((n + 1))
    sql "insert into event_store.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
           recorded_at, payload_type, payload_revision, payload, meta_data)
         select gen_random_uuid()::text, replace(aggregate_identifier, '$city', '$code'), sequence_number, type,
           recorded_at, payload_type, payload_revision,
           convert_to(replace(convert_from(payload, 'UTF8'), '\"$city\"', '\"$code\"'), 'UTF8'), meta_data
         from event_store.domain_event_entry where municipality_code = '$city' order by global_index"
  done
done
total=$(events)
echo "event store: $total events ($(sql "select count(distinct municipality_code) from event_store.domain_event_entry") municipalities)"
admin=$(curl -s 'http://localhost:8083/token?role=admin&subject=bench-admin')
status() { curl -s -H "Authorization: Bearer $admin" http://localhost:8082/admin/projections/rebuild; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin).get('$1'))"; }
head=$(sql "select max(global_index) from event_store.domain_event_entry")
echo -n "waiting for the projections to catch up with the copies"
until [ "$(sql "select count(*) from query.token_entry where token is null
              or convert_from(token, 'UTF8')::jsonb #>> '{index}' is null
              or (convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint < $head")" = 0 ]; do
  echo -n .; sleep 2
done
echo
curl -s -X POST -H "Authorization: Bearer $admin" http://localhost:8082/admin/projections/rebuild >/dev/null
until [ "$(status | field state)" = done ]; do sleep 1; done
result=$(status)
python3 - "$result" <<'PY'
import json, sys, datetime
r = json.loads(sys.argv[1])
start = datetime.datetime.fromisoformat(r["startedAt"]); end = datetime.datetime.fromisoformat(r["finishedAt"])
seconds = (end - start).total_seconds()
print(f"rebuilt {', '.join(r['processors'])}: {r['totalEvents']} events in {seconds:.1f} s = {r['totalEvents'] / seconds:,.0f} events/s")
PY
echo "settings: progress batch-size 500, municipalities batch-size 100, 2 segments each (query-service application.yml)"
