# Agents written in Python (parley.register_agent): a Python hardliner plays exactly as the C++
# one, in run and in sweep on several threads; bad answers are errors that say what was wrong.
import json

import numpy
import pytest

import parley

ISTANBUL = "scenarios/istanbul-2025-06.json"


class PyHardliner(parley.Agent):
    """The built-in hardliner, in Python: offer the best outcome, accept only as good."""

    def __init__(self, info):
        super().__init__(info)
        self.best = int(numpy.argmax(info["utilities"]))
        self.best_utility = float(info["utilities"][self.best])

    def propose(self, observation):
        return self.best

    def respond(self, observation):
        return bool(observation["offer_utility"] >= self.best_utility)


parley.register_agent("py-hardliner", PyHardliner, "the hardliner, written in Python")


def same_but_agent_name(a, b):
    a, b = json.loads(a), json.loads(b)
    for report in (a, b):
        for party in report["parties"]:
            party["agent"] = party["agent"].replace("py-", "")
    return a == b


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_python_hardliner_plays_as_the_builtin_one(seed):
    s = parley.load(ISTANBUL)
    py = s.run(seed=seed, agents={"UA": "py-hardliner"})
    cpp = s.run(seed=seed, agents={"UA": "hardliner"})
    assert py.parties[1]["agent"] == "py-hardliner"
    assert same_but_agent_name(py.json(), cpp.json())


def test_python_agents_in_a_sweep_on_two_threads():
    s = parley.load(ISTANBUL)
    py = s.sweep_text(runs=300, seed=5, threads=2, agents={"RU": "py-hardliner"})[1]
    cpp = s.sweep_text(runs=300, seed=5, threads=2, agents={"RU": "hardliner"})[1]
    assert py == cpp  # the runs CSV has no agent names


def test_the_model_is_listed_and_a_file_may_name_it():
    assert "py-hardliner" in [m["name"] for m in parley.agent_models()]


class Garbage(parley.Agent):
    def propose(self, observation):
        return "the moon"


class OffTheSpace(parley.Agent):
    def propose(self, observation):
        return 10 ** 9


class Raises(parley.Agent):
    def propose(self, observation):
        raise RuntimeError("agent bug")


parley.register_agent("py-garbage", Garbage)
parley.register_agent("py-off", OffTheSpace)
parley.register_agent("py-raises", Raises)


def test_bad_answers_are_clear_errors():
    s = parley.load(ISTANBUL)
    with pytest.raises(TypeError, match="py-garbage.*propose\\(\\) must return an outcome index"):
        s.run(agents={"RU": "py-garbage"})
    with pytest.raises(IndexError, match="proposed outcome 1000000000"):
        s.run(agents={"RU": "py-off"})
    with pytest.raises(RuntimeError, match="agent bug"):
        s.run(agents={"RU": "py-raises"})
    # The module is still usable afterwards.
    assert s.run(seed=1).json() == s.run(seed=1).json()


def test_a_builtin_name_cannot_be_taken():
    with pytest.raises(ValueError, match="built-in"):
        parley.register_agent("hardliner", PyHardliner)
