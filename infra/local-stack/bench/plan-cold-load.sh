#!/usr/bin/env bash
# Cost of loading Musashino's plan on a cache miss: restarts ./local-stack (data kept), warms the JVM on the plan
# "bench" (made by plan-stream-latency.sh), then times the first three commands on sangyo-2. Plans are snapshotted
# every 1,000 events: run plan-stream-latency.sh with N=300 or more first, so both plans have a snapshot. With
# --without-snapshot, sangyo-2's snapshot is deleted first (a snapshot is only an optimisation, never a fact).
# Run from the project root after ./local-stack --fresh and plan-stream-latency.sh.
# Needs curl and psql. Used for ARCHITECTURE-NOTES.md, "Snapshots of plans".
set -euo pipefail
sql() { PGPASSWORD= psql -h localhost -p 15432 -U postgres shinko -qAtc "$1"; }
if pgrep -f local-stack.jar >/dev/null; then
  kill $(pgrep -f local-stack.jar)
  while pgrep -f local-stack.jar >/dev/null; do sleep 1; done
fi
log=$(mktemp)
./local-stack --no-demo-data >"$log" 2>&1 &
until grep -q "local stack is up" "$log"; do sleep 1; done
if [ "${1:-}" = --without-snapshot ]; then
  sql "delete from event_store.snapshot_event_entry where aggregate_identifier = '132039:plan:sangyo-2'"
fi
echo "sangyo-2: $(sql "select count(*) from event_store.domain_event_entry
  where aggregate_identifier = '132039:plan:sangyo-2'") events, snapshot at sequence $(sql "select
  coalesce(max(sequence_number)::text, 'none') from event_store.snapshot_event_entry
  where aggregate_identifier = '132039:plan:sangyo-2'")"
T=$(curl -s 'http://localhost:8083/token?role=municipal-editor&municipality=132039&subject=bench')
api=http://localhost:8081/municipalities/132039/plans
status() {
  curl -s -o /dev/null -w "$2" -X PUT "$api/$1/items/r1/period-status/R5/1" -H "Authorization: Bearer $T" \
    -H 'Content-Type: application/json' -d "{\"organisation\":\"秘書広報課\",\"symbol\":\"○\",\"remark\":\"$RANDOM\"}"
}
for i in $(seq 1 20); do status bench ''; done
for i in 1 2 3; do status sangyo-2 'command %{http_code} in %{time_total} s\n'; done
echo "the stack keeps running (log $log); stop it with: kill \$(pgrep -f local-stack.jar)"
