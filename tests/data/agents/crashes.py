#!/usr/bin/env python3
# A program that plays one move and then crashes, for the tests of play/program_party.cpp.
import json
import sys

moves = 0
for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "start":
        print(json.dumps({"ready": True}), flush=True)
        continue
    moves += 1
    if moves > 1:
        raise SystemExit(3)
    print(json.dumps({"offer": 0} if message["type"] == "propose" else {"response": "reject"}),
          flush=True)
