#!/usr/bin/env python3
"""Instructions per call of one function in a callgrind profile (valgrind --tool=callgrind).

Usage: bench/callgrind_per_call.py PROFILE FUNCTION_SUBSTRING

Sums, over every call site of the functions whose name contains FUNCTION_SUBSTRING, the calls and
the inclusive instruction counts callgrind recorded, and prints calls, instructions and
instructions per call. Instruction counts do not depend on the machine's load, unlike times."""
import re
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    path, wanted = sys.argv[1], sys.argv[2]
    names = {}  # compressed id -> name
    name_re = re.compile(r"^c?fn=\((\d+)\)(?: (.*))?$")
    calls = 0
    instructions = 0
    pending = None  # the id of the callee of the last cfn= line
    expect_cost = False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = name_re.match(line)
            if m:
                ident, name = m.group(1), m.group(2)
                if name is not None:
                    names[ident] = name
                pending = ident if line.startswith("cfn=") else None
                continue
            if line.startswith("calls=") and pending is not None:
                if wanted in names.get(pending, ""):
                    calls += int(line.split()[0][len("calls="):])
                    expect_cost = True
                pending = None
                continue
            if expect_cost:
                parts = line.split()
                instructions += int(parts[1]) if len(parts) > 1 else 0
                expect_cost = False
    if calls == 0:
        print(f"no calls to a function matching {wanted!r} in {path}", file=sys.stderr)
        return 1
    print(f"calls {calls}  instructions {instructions}  per call {instructions / calls:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
