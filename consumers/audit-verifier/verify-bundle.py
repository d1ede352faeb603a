#!/usr/bin/env python3
"""Checks a Shinko audit bundle offline: recomputes every link of the municipality's hash chain.

The bundle comes from GET /municipalities/{code}/audit/bundle.jsonl (auditor role): one JSON object per line,
in chain order. Link n = SHA-256(link n-1 || SHA-256(header) || SHA-256(payload) || SHA-256(metaData)), link 0
being 32 zero bytes; the header is, in UTF-8, one line each: position, eventId, aggregateId, sequence,
aggregateType, recordedAt in microseconds since 1970-01-01 UTC, payloadType, payloadRevision (absent ones as
empty lines, no newline after the last). Python 3 standard library only.

Usage: verify-bundle.py BUNDLE.jsonl [EXPECTED_HEAD]
  EXPECTED_HEAD: a link you hold from elsewhere (the chain.link of the last Kafka envelope you received for the
  municipality, say); the chain must pass through it.
Exit status 0 when every link matches (and the expected head is in the chain), 1 otherwise.
"""
import base64
import hashlib
import json
import sys
from datetime import datetime, timezone

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def sha256(data):
    return hashlib.sha256(data).digest()


def microseconds(recorded_at):
    delta = datetime.fromisoformat(recorded_at.replace("Z", "+00:00")) - EPOCH
    return (delta.days * 86400 + delta.seconds) * 1000000 + delta.microseconds


def header(event):
    return "\n".join([str(event["position"]), event["eventId"], event["aggregateId"], str(event["sequence"]),
                      event.get("aggregateType") or "", str(microseconds(event["recordedAt"])),
                      event["payloadType"], event.get("payloadRevision") or ""]).encode("utf-8")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    expected_head = sys.argv[2].lower() if len(sys.argv) == 3 else None
    previous = bytes(32)
    seen = set()
    count = 0
    with open(sys.argv[1], encoding="utf-8") as bundle:
        for number, line in enumerate(bundle, 1):
            event = json.loads(line)
            link = sha256(previous + sha256(header(event)) + sha256(base64.b64decode(event["payloadBase64"]))
                          + sha256(base64.b64decode(event["metaDataBase64"])))
            if event["position"] != count + 1:
                print(f"BROKEN at line {number}: position {event['position']} where {count + 1} was expected "
                      f"(event {event['eventId']}): an event is missing or was inserted")
                return 1
            if link.hex() != event["link"]:
                print(f"BROKEN at position {event['position']} (event {event['eventId']}, recorded "
                      f"{event['recordedAt']}): stored link {event['link']}, computed {link.hex()}")
                return 1
            previous = link
            seen.add(link.hex())
            count += 1
    if expected_head is not None and expected_head not in seen:
        print(f"BROKEN: the chain does not pass through the expected head {expected_head}")
        return 1
    print(f"OK: {count} events, head {previous.hex() if count else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
