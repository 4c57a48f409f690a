# The module as a whole: its public names, and the GIL released while C++ runs, so other Python
# threads go on during a sweep.
import threading
import time

import parley


def test_public_names():
    for name in ("load", "analyze", "agent_models", "register_agent", "register_program",
                 "NegotiationEnv", "Scenario", "RunResult", "InputError", "Agent"):
        assert hasattr(parley, name), name


def test_the_gil_is_released_during_a_sweep():
    s = parley.load("scenarios/istanbul-2025-06.json")
    start = time.perf_counter()
    s.sweep_text(runs=4000, seed=1, threads=1)
    alone = time.perf_counter() - start
    ticks = 0
    done = threading.Event()

    def sweep():
        s.sweep_text(runs=4000, seed=1, threads=1)
        done.set()

    worker = threading.Thread(target=sweep)
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    # Holding the GIL, the sweep would let this loop tick only at its switch interval checks
    # between bytecodes, i.e. not at all while inside C++.
    assert alone > 0.02
    assert ticks >= 5, ticks
