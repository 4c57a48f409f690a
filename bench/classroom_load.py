#!/usr/bin/env python3
"""Load on `parley classroom`: 24 students at 12 tables post moves at the same time.

Starts the server on a free port of 127.0.0.1 with a fresh class folder (the Korean armistice
scenario, 12 tables of two people), starts every clock, then runs one thread per student. Each
student polls its page (GET /api/seat, as the browser does) and, when it is its turn, posts a
move (POST /api/seat/move): an offer, or a rejection, so that the games go on. Every POST is
answered only once the move is in the class store on disk (SQLite, WAL, synchronous=FULL).

Prints the latency of the moves and of the polls (p50, p90, p99, max, in milliseconds) and the
moves per second. Standard library only (http.client, threading).

Usage: bench/classroom_load.py [--parley build/parley] [--moves 40] [--poll 0.05]
       [--scenario scenarios/korea-1951-53.json] [--tables 12]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, int(round(q / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parley", default=os.path.join(root, "build", "parley"))
    ap.add_argument("--scenario", default=os.path.join(root, "scenarios", "korea-1951-53.json"))
    ap.add_argument("--tables", type=int, default=12)
    ap.add_argument("--moves", type=int, default=40, help="moves per student")
    ap.add_argument("--poll", type=float, default=0.05,
                    help="seconds between a student's polls while waiting (browsers: 1.5)")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="parley-classroom-load-")
    server = subprocess.Popen([args.parley, "classroom", args.scenario, "--tables", str(args.tables),
                               "--class-dir", os.path.join(work, "class"), "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        banner = ""
        while "Ctrl-C" not in banner:
            line = server.stdout.readline()
            if not line:
                sys.exit("the server did not start:\n" + banner)
            banner += line
        m = re.search(r"http://([\d.]+):(\d+)/instructor#([0-9a-f]{40})", banner)
        host, port, instructor = m.group(1), int(m.group(2)), m.group(3)

        def call(conn, token, method, path, body=None):
            headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
            conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
            r = conn.getresponse()
            return r.status, json.loads(r.read())

        conn = http.client.HTTPConnection(host, port, timeout=30)
        call(conn, instructor, "POST", "/api/instructor/clock", {"running": True})
        _, cls = call(conn, instructor, "GET", "/api/instructor/class")
        seats = [s["token"] for t in cls["tables"] for s in t["seats"]]

        moves_ms, polls_ms, errors = [], [], []
        lock = threading.Lock()
        start_line = threading.Barrier(len(seats))

        def student(token):
            c = http.client.HTTPConnection(host, port, timeout=30)
            mine_moves, mine_polls = [], []
            _, brief = call(c, token, "GET", "/api/seat/brief")  # once, as the page does
            start_line.wait()
            made = 0
            while made < args.moves:
                t0 = time.perf_counter()
                status, view = call(c, token, "GET", "/api/seat")
                mine_polls.append(1000 * (time.perf_counter() - t0))
                if status != 200 or view["status"] == "over":
                    break
                turn = view.get("turn")
                if not turn or not turn["yours"]:
                    time.sleep(args.poll)
                    continue
                if turn["phase"] == "propose":
                    track = next(t for t in brief["tracks"] if t["id"] == turn["track"])
                    # An offer near the middle of every issue's options, varied per move.
                    terms = {i["id"]: (made + len(i["options"]) // 2) % len(i["options"])
                             for i in track["issues"]}
                    move = {"action": "propose", "terms": terms}
                else:
                    move = {"action": "reject"}
                t0 = time.perf_counter()
                status, answer = call(c, token, "POST", "/api/seat/move", move)
                elapsed = 1000 * (time.perf_counter() - t0)
                if status != 200:
                    with lock:
                        errors.append(answer.get("error", status))
                    continue
                mine_moves.append(elapsed)
                made += 1
            with lock:
                moves_ms.extend(mine_moves)
                polls_ms.extend(mine_polls)

        threads = [threading.Thread(target=student, args=(t,)) for t in seats]
        load_before = os.getloadavg()
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    print(f"{len(seats)} students at {args.tables} tables, {len(moves_ms)} moves and "
          f"{len(polls_ms)} polls in {wall:.1f} s ({len(moves_ms) / wall:.0f} moves/s); "
          f"{len(errors)} refused{': ' + str(errors[:3]) if errors else ''}")
    for name, values in (("move (POST, stored before the answer)", moves_ms), ("poll (GET)", polls_ms)):
        print(f"  {name:40s} p50 {percentile(values, 50):6.2f} ms  p90 {percentile(values, 90):6.2f} ms"
              f"  p99 {percentile(values, 99):6.2f} ms  max {max(values):6.2f} ms")
    print(f"  load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    return 0 if percentile(moves_ms, 99) < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
