#!/usr/bin/env python3
"""Every command the classroom pages show runs: the indented command lines of docs/classroom.md,
docs/classroom/*.md and the brief, evaluate, play and debrief sections of docs/cli.md are run
in a scratch folder (with the traces and class folder they name prepared beforehand) and must
exit 0. `parley play` runs with no input: it must end cleanly. `parley classroom` starts a
server and is left to the classroom server's own tests.

Usage: classroom_docs_test.py PARLEY SOURCE_DIR WORK_DIR
"""
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys


def commands(path, sections=None):
    text = open(path, encoding="utf-8").read()
    if sections:
        parts = re.split(r"(?m)^## ", text)
        text = "\n".join(p for p in parts if any(p.startswith(s) for s in sections))
    found = []
    for line in text.splitlines():
        m = re.match(r"^    ((?:build/)?parley .*|mkdir .*|cp .*)$", line)
        if m:
            found.append(m.group(1))
    return found


def main():
    parley, source, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.symlink(os.path.join(source, "scenarios"), os.path.join(work, "scenarios"))
    os.makedirs(os.path.join(work, "build"))
    os.symlink(parley, os.path.join(work, "build", "parley"))

    def run(args, **kw):
        return subprocess.run(args, cwd=work, capture_output=True, text=True, timeout=300, **kw)

    # What the commands read: a class folder and traces of Korea games.
    os.makedirs(os.path.join(work, "korea-class", "tables"))
    shutil.copy(os.path.join(source, "scenarios", "korea-1951-53.json"),
                os.path.join(work, "korea-class", "scenario.json"))
    for seed, name in [(1, "korea-class/tables/t01.trace.json"), (1, "t01.trace.jsonl"),
                       (2, "t02.trace.jsonl"), (1, "t1.trace.jsonl"), (2, "t2.trace.jsonl")]:
        r = run([parley, "run", "scenarios/korea-1951-53.json", "--seed", str(seed), "--trace", name])
        if r.returncode != 0:
            print("FAIL: preparing " + name + ": " + r.stderr)
            return 1
    os.makedirs(os.path.join(work, "istanbul-class", "tables"))

    docs = os.path.join(source, "docs")
    lines = commands(os.path.join(docs, "classroom.md"))
    for guide in sorted(glob.glob(os.path.join(docs, "classroom", "*.md"))):
        lines += commands(guide)
    lines += commands(os.path.join(docs, "cli.md"),
                      ["parley brief", "parley evaluate", "parley play", "parley debrief"])
    if len(lines) < 15:
        print("FAIL: only %d commands found in the classroom pages" % len(lines))
        return 1
    failures = 0
    ran = 0
    for line in lines:
        args = shlex.split(line)
        if args[0] in ("parley", "build/parley"):
            if args[1] == "classroom":
                continue
            args[0] = parley
        elif args[0] == "mkdir" and os.path.isdir(os.path.join(work, args[-1])):
            continue
        try:
            r = run(args, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            print("FAIL (timeout): " + line)
            failures += 1
            continue
        ran += 1
        if r.returncode != 0:
            print("FAIL (exit %d): %s\n%s%s" % (r.returncode, line, r.stdout[-800:], r.stderr[-800:]))
            failures += 1
        elif args[0] == parley and args[1] == "play" and "stopped before the end" not in r.stdout:
            print("FAIL: play with no input did not end cleanly: " + line)
            failures += 1
    if failures:
        print("%d of %d commands failed" % (failures, ran))
        return 1
    print("ok: %d documented commands ran" % ran)
    return 0


if __name__ == "__main__":
    sys.exit(main())
