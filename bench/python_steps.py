#!/usr/bin/env python3
"""Steps per second from Python: a random policy plays Ukraine on the Istanbul humanitarian track
(scenarios/istanbul-2025-06.json) through parley.NegotiationEnv; Russia and the political track
are the scenario's agents. Prints the median of three timings of EPISODES episodes.

    PYTHONPATH=build/python /usr/bin/python3 bench/python_steps.py [EPISODES]
"""
import random
import statistics
import sys
import time

import parley

episodes = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
env = parley.NegotiationEnv(parley.load("scenarios/istanbul-2025-06.json"), players=["UA"],
                            tracks=["humanitarian"])


def once():
    rng = random.Random(1)
    steps = 0
    start = time.process_time()
    for episode in range(episodes):
        env.reset(seed=1, run=episode)
        while not env.done:
            first, last = env.legal_move_range()
            env.step(rng.randrange(first, last))
            steps += 1
    return steps, time.process_time() - start


timings = [once() for _ in range(3)]
steps = timings[0][0]
cpu = statistics.median(t for _, t in timings)
print(f"{episodes} episodes, {steps} steps: {cpu:.2f} s CPU (median of 3), "
      f"{steps / cpu:,.0f} steps/s, {episodes / cpu:,.0f} episodes/s")
