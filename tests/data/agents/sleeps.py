#!/usr/bin/env python3
# A program that never answers a decision in time.
import json
import sys
import time

for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "start":
        print(json.dumps({"ready": True}), flush=True)
    else:
        time.sleep(30)
