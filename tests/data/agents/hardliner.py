#!/usr/bin/env python3
# A party played over JSON lines (docs/python.md, "Programs playing a party"): parley's
# hardliner as a separate program. Offers its best outcome; accepts only as good an offer.
import json
import sys

best = None
best_utility = None
for line in sys.stdin:
    message = json.loads(line)
    kind = message["type"]
    if kind == "start":
        utilities = message["utilities"]
        best_utility = max(utilities)
        best = utilities.index(best_utility)
        answer = {"ready": True}
    elif kind == "propose":
        answer = {"offer": best}
    elif kind == "respond":
        answer = {"response": "accept" if message["offer_utility"] >= best_utility else "reject"}
    else:  # "end"
        break
    print(json.dumps(answer), flush=True)
