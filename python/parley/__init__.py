"""parley from Python: load a scenario, run it, sweep it into pandas, analyse its outcome space.

    import parley
    s = parley.load("scenarios/istanbul-2025-06.json")
    result = s.run(seed=7)                      # the fields of `parley run --format json`
    summary, runs = s.sweep(runs=10_000, seed=1, vary={"/protocol/breakdown_probability": "beta(2,30)"})
    points = parley.analyze(s)                  # frontier, Nash, Kalai-Smorodinsky as numpy arrays

The computing is parley's C++ core (the `_core` extension); the GIL is released while it runs.
See docs/python.md.
"""
import io
import json

from . import _core
from ._core import InputError, agent_models

__all__ = ["load", "analyze", "agent_models", "Scenario", "RunResult", "InputError",
           "NegotiationEnv"]


class RunResult:
    """One run: the fields of `parley run --format json` as attributes and keys.

    `json()` gives the CLI's bytes exactly; `to_dict()` the parsed report."""

    def __init__(self, text):
        self._text = text
        self._report = json.loads(text)

    def json(self):
        return self._text

    def to_dict(self):
        return json.loads(self._text)

    def keys(self):
        return self._report.keys()

    def __getitem__(self, key):
        return self._report[key]

    def __contains__(self, key):
        return key in self._report

    def __getattr__(self, name):
        report = self.__dict__.get("_report")
        if report is not None and name in report:
            return report[name]
        raise AttributeError(name)

    def __repr__(self):
        tracks = ", ".join(f"{t['id']}: {t['status']}" for t in self._report["tracks"])
        return f"<parley.RunResult seed {self._report['seed']}, {tracks}>"


class Scenario:
    """A loaded, checked scenario (immutable). Make one with parley.load(path)."""

    def __init__(self, core):
        self._core = core

    name = property(lambda self: self._core.name)
    path = property(lambda self: self._core.path)
    parties = property(lambda self: self._core.parties, doc="party ids, in file order")
    tracks = property(lambda self: self._core.tracks, doc="track ids, in file order")
    agents = property(lambda self: self._core.agents, doc="party id -> agent model")

    def run(self, seed=1, agents=None):
        """One run with `seed`. `agents` replaces some parties' agents: {party id: model name,
        (name, params) or {"model": name, "params": {...}}}."""
        return RunResult(self._core.run_json(seed, agents or {}))

    def sweep(self, runs, seed=1, threads=0, vary=None, only_vary=False, agents=None):
        """`runs` runs under the scenario's uncertainty block plus `vary` ({JSON pointer:
        distribution text}, as `parley sweep --vary`), on `threads` threads (0: every core),
        with `agents` replacing parties' agents as in run().

        Returns (summary, runs): summary.json as a dict, and one row per run as a pandas
        DataFrame with the columns of `parley sweep --runs-csv`."""
        import pandas

        summary, csv = _core.sweep_text(self._core, runs, seed, threads, dict(vary or {}), only_vary,
                                        agents or {})
        return json.loads(summary), pandas.read_csv(io.StringIO(csv))

    def sweep_text(self, runs, seed=1, threads=0, vary=None, only_vary=False, agents=None):
        """summary.json's and the runs CSV's text, byte for byte the CLI's."""
        return _core.sweep_text(self._core, runs, seed, threads, dict(vary or {}), only_vary,
                                agents or {})

    def __repr__(self):
        return f"<parley.Scenario {self.name!r}: {', '.join(self.parties)}; tracks {', '.join(self.tracks)}>"


def load(path, allow_programs=False):
    """Read, check and load a scenario file (or a GENIUS folder). Bad input raises
    parley.InputError with the CLI's message (file:line:column, JSON pointer, expected, found)
    and those parts as attributes. A file whose party is played by a program (agent model
    "program" with a command) loads only with allow_programs=True: it runs that command."""
    return Scenario(_core.load(str(path), bool(allow_programs)))


def analyze(scenario):
    """Per track id, a dict of numpy arrays: utilities (outcomes x parties), disagreement,
    frontier (Pareto-optimal points x parties) and frontier_outcomes (their outcome indices),
    and the nash, kalai_smorodinsky, egalitarian and utilitarian points with *_outcome indices
    (None when no outcome is worth its reservation value to every party)."""
    return _core.analyze(scenario._core)


from .env import NegotiationEnv  # noqa: E402  (needs RunResult above)


class Agent:
    """A base for agents written in Python (docs/python.md, "Agents written in Python").

    parley makes one object per party, track and run, passing `info`: party, track, opener,
    outcomes (their number), utilities (numpy: the party's utility of every outcome of the
    track), reservation, deadline_rounds, walk_away_allowed. Override `propose` (return the
    index of an outcome of the track) and, if you like, `respond` (return "accept", "reject",
    "walk_away" or a bool). Observations are those of NegotiationEnv, with outcomes numbered
    within the track."""

    def __init__(self, info):
        self.info = info

    def propose(self, observation):
        raise NotImplementedError

    def respond(self, observation):
        return "accept" if observation["offer_utility"] >= observation["reservation"] else "reject"


def register_agent(name, factory, summary=""):
    """Register `factory` (an Agent subclass, or any callable taking the info dict and giving an
    object with propose/respond) as agent model `name`, for Scenario.run, Scenario.sweep and
    scenario files loaded afterwards."""
    _core.register_agent(name, factory, summary)


__all__ += ["Agent", "register_agent"]


def register_program(name, command, time_limit=5.0):
    """Register a program that plays a party over standard input and output, one JSON object
    per line (docs/python.md, "Programs playing a party"), as agent model `name`. `command` is
    the program and its arguments; `time_limit` is in seconds per move."""
    _core.register_program(name, [str(c) for c in command], float(time_limit))


__all__ += ["register_program"]


def tournament(scenarios, models, seeds=10, threads=0):
    """Play every model in every role of every scenario over seeds 1..`seeds` and rank the
    models, as `parley tournament` does (docs/cli.md). `scenarios` are parley.Scenario objects
    or paths; `models` are model texts as --models takes them ("boulware:e=0.1"), including
    models registered from Python (register_agent, register_program). Returns the report of
    `parley tournament --format json` as a dict; the result does not depend on `threads`."""
    loaded = [s._core if isinstance(s, Scenario) else _core.load(str(s), False) for s in scenarios]
    return json.loads(_core.tournament_text(loaded, list(models), int(seeds), int(threads), True))


__all__ += ["tournament"]
