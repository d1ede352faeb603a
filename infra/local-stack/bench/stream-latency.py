#!/usr/bin/env python3
"""End-to-end latency of the Kafka contract: command accepted -> envelope received by a consumer.

With ./local-stack --fresh running (demo data loaded), sends N (default 1000) quarterly-status commands on
Musashino's plan through REST, one client after the other, and reads the topic with `./local-stack events`
(a plain KafkaConsumer). For each command: the time its HTTP answer arrived, and the time the consumer printed
the envelope with the same commandId (the Idempotency-Key); both read from one monotonic clock in this process.
Prints n, median, 95th and 99th percentile and max. Python 3 standard library only.

Usage: infra/local-stack/bench/stream-latency.py [N]   (run from the project root)
"""
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
COMMAND = "http://localhost:8081/municipalities/132039/plans/sangyo-2/items/r1/period-status/R5/1"
run = uuid.uuid4().hex[:8]
token = urllib.request.urlopen(
    "http://localhost:8083/token?role=municipal-editor&municipality=132039&subject=latency-bench").read().decode()

received = {}
ready = threading.Event()
tail = subprocess.Popen(["./local-stack", "events"], stdout=subprocess.PIPE, text=True, encoding="utf-8")


def read_topic():
    for line in tail.stdout:
        if line.startswith("Events on"):
            ready.set()
            continue
        key, _, envelope = line.partition("  ")
        if envelope.startswith("{"):
            command_id = json.loads(envelope).get("commandId", "")
            if command_id.startswith("lat-" + run) and command_id not in received:
                received[command_id] = time.perf_counter()


threading.Thread(target=read_topic, daemon=True).start()
if not ready.wait(300):
    sys.exit("./local-stack events did not start; is the local stack running?")
time.sleep(5)  # let the tail reach the end of the history before timing anything

accepted = {}
for i in range(N):
    key = f"lat-{run}-{i}"
    body = json.dumps({"organisation": "秘書広報課", "symbol": "○" if i % 2 else "△",
                       "remark": f"latency {run} {i}"}).encode()
    request = urllib.request.Request(COMMAND, data=body, method="PUT", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json", "Idempotency-Key": key})
    urllib.request.urlopen(request).read()
    accepted[key] = time.perf_counter()

deadline = time.perf_counter() + 60
while len(received) < N and time.perf_counter() < deadline:
    time.sleep(0.2)
tail.terminate()

latencies = sorted((received[key] - accepted[key]) * 1000 for key in accepted if key in received)
if len(latencies) < N:
    print(f"only {len(latencies)} of {N} envelopes arrived within 60 s")
if latencies:
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    print(f"command accepted -> envelope received, n={len(latencies)}: median {statistics.median(latencies):.1f} ms, "
          f"p95 {q[94]:.1f} ms, p99 {q[98]:.1f} ms, max {latencies[-1]:.1f} ms")
