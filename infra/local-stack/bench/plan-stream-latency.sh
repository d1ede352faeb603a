#!/usr/bin/env bash
# Latency of one quarterly-status command on a plan whose stream is long (Musashino's seeded plan, 741 events
# after a fresh start) and on a plan with a short stream, against a running ./local-stack with its demo data.
# Prints median and p95 in ms; N=200 requests each by default, one client, sequential.
# Needs curl and psql (Debian: postgresql-client). Used for ARCHITECTURE-NOTES.md, "Aggregate boundaries".
set -euo pipefail
N=${N:-200}
T=$(curl -s 'http://localhost:8083/token?role=municipal-editor&municipality=132039&subject=bench')
api=http://localhost:8081/municipalities/132039/plans
curl -s -o /dev/null -X POST $api -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d '{"id":"bench","name":"bench","fromFiscalYear":"R5","toFiscalYear":"R9"}'
curl -s -o /dev/null -X POST $api/bench/items -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d '{"id":"r1","content":{"number":"1","title":"bench","responsibleOrganisations":["秘書広報課"]}}'
run() {
  for i in $(seq 1 $N); do
    curl -s -o /dev/null -w '%{time_total}\n' -X PUT "$api/$1/items/r1/period-status/R5/1" \
      -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
      -d "{\"organisation\":\"秘書広報課\",\"symbol\":\"○\",\"remark\":\"bench $i $RANDOM\"}"
  done | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms  p95 %.1f ms  (n=%d)\n", a[int(NR/2)]*1000, a[int(NR*0.95)]*1000, NR}'
}
echo "events in sangyo-2: $(PGPASSWORD= psql -h localhost -p 15432 -U postgres shinko -Atc "select count(*) from event_store.domain_event_entry where aggregate_identifier='132039:plan:sangyo-2'")"
echo -n "long stream (sangyo-2):  "; run sangyo-2
echo -n "short stream (bench):    "; run bench
echo -n "long stream again:       "; run sangyo-2
echo "events in sangyo-2 now: $(PGPASSWORD= psql -h localhost -p 15432 -U postgres shinko -Atc "select count(*) from event_store.domain_event_entry where aggregate_identifier='132039:plan:sangyo-2'")"
