#!/usr/bin/env python3
"""Writes a synthetic five-party scenario with 10^6 possible deals (six issues of ten options)
to stdout: the start-up input of bench/startup_timing.sh and bench/frontier_bench.cpp.

Every party values every option by a draw from a seeded generator, rounded to hundredths (so
utilities tie, as they do in real value tables), with weights drawn the same way; the
parties bargain with the stacked protocol. The same seed writes the same bytes.

Usage: bench/five_party_scenario.py [--seed N] [--options K] [--issues I] [--parties P] > FILE
"""
import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--parties", type=int, default=5)
    parser.add_argument("--issues", type=int, default=6)
    parser.add_argument("--options", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    issues = [{"id": f"i{k}", "kind": "options", "label": f"Issue {k}",
               "options": [f"o{j}" for j in range(args.options)]}
              for k in range(args.issues)]
    parties = []
    for p in range(args.parties):
        weights = {i["id"]: round(rng.uniform(0.05, 1.0), 2) for i in issues}
        values = {}
        for i in issues:
            table = [round(rng.random(), 2) for _ in range(args.options)]
            # Each party has a best and a worst option on every issue.
            table[rng.randrange(args.options)] = 1.0
            values[i["id"]] = {"table": table}
        parties.append({
            "id": f"P{p + 1}",
            "name": f"Party {p + 1}",
            "agent": {"model": "linear"},
            "preferences": {"weights": weights, "values": values, "reservation": 0.3},
        })
    outcomes = args.options ** args.issues
    scenario = {
        "parley": 1,
        "meta": {
            "name": f"Synthetic {args.parties}-party bargaining over {outcomes:,} deals",
            "description": "Random value tables (seed %d) for start-up timings; not a real case."
                           % args.seed,
            "date": "2026-01-01",
        },
        "issues": issues,
        "parties": parties,
        "protocol": {"kind": "stacked", "opener": "P1", "deadline_rounds": 40},
    }
    print(json.dumps(scenario, indent=1))


if __name__ == "__main__":
    main()
