#!/usr/bin/env python3
"""Times "as of" answers of the local stack: Akiruno's annual table and Musashino's quarterly table, each as of
N (default 200) random recorded times between the first demo event and now, one request after the other, as an
auditor. Prints median and 95th percentile per table. Used by as-of-latency.sh; Python 3 standard library only.
"""
import datetime
import random
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
first = float(subprocess.run(
    ["psql", "-h", "localhost", "-p", "15432", "-U", "postgres", "shinko", "-qAtc",
     "select extract(epoch from min(recorded_at)) from event_store.domain_event_entry "
     "where municipality_code = '132284'"], capture_output=True, text=True, check=True,
    env={"PGPASSWORD": "", "PATH": "/usr/bin:/bin:/usr/local/bin"}).stdout)
token = urllib.request.urlopen("http://localhost:8083/token?role=auditor&subject=as-of-bench").read().decode()
views = {"Akiruno annual (132284)": "/municipalities/132284/plans/shoko-2023/progress/annual",
         "Musashino quarterly R5 (132039)":
             "/municipalities/132039/plans/sangyo-2/progress/quarterly?fiscalYear=R5&size=500"}
random.seed(7)
for name, path in views.items():
    times = []
    for _ in range(N):
        at = datetime.datetime.fromtimestamp(random.uniform(first, time.time()), datetime.timezone.utc)
        url = ("http://localhost:8082" + path + ("&" if "?" in path else "?") + "asOf="
               + urllib.parse.quote(at.isoformat()))
        request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
        start = time.perf_counter()
        try:
            urllib.request.urlopen(request).read()
        except urllib.error.HTTPError as e:
            if e.code != 404:  # 404: as of a time before the plan was adopted
                raise
        times.append((time.perf_counter() - start) * 1000)
    q = statistics.quantiles(times, n=100, method="inclusive")
    print(f"  {name}, n={N}: median {statistics.median(times):.1f} ms, p95 {q[94]:.1f} ms")
