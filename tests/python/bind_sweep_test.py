# Scenario.sweep against `parley sweep`: summary.json and the runs CSV are the same bytes, the
# DataFrame has the CSV's named columns, and the thread count changes nothing.
import json
import os

import pandas

import parley
from conftest import cli

PATH = "scenarios/istanbul-2025-06.json"
VARY = {"/protocol/breakdown_probability": "beta(2,30)"}


def test_sweep_gives_the_cli_summary_and_rows(tmp_path):
    out = tmp_path / "sweep"
    rows = tmp_path / "runs.csv"
    cli("sweep", PATH, "--runs", "700", "--seed", "9", "--threads", "2", "--out", str(out),
        "--runs-csv", str(rows), "--vary", "/protocol/breakdown_probability=beta(2,30)")
    summary_text, csv_text = parley.load(PATH).sweep_text(runs=700, seed=9, threads=2, vary=VARY)
    assert summary_text == (out / "summary.json").read_text()
    assert csv_text == rows.read_text()


def test_sweep_returns_a_dict_and_a_dataframe():
    summary, runs = parley.load(PATH).sweep(runs=300, seed=2, threads=2)
    assert summary["runs"]["completed"] == 300
    assert isinstance(runs, pandas.DataFrame)
    assert len(runs) == 300
    assert list(runs["run"]) == list(range(300))
    header = parley.load(PATH).sweep_text(runs=1, seed=2)[1].splitlines()[0]
    assert list(runs.columns) == header.split(",")
    assert {"humanitarian.status", "political.status", "RU.utility", "UA.utility"} <= set(runs.columns)
    assert set(runs["humanitarian.status"]) <= {"agreed", "deadline", "breakdown", "walk-away"}


def test_thread_count_changes_nothing():
    s = parley.load(PATH)
    one = s.sweep_text(runs=5000, seed=4, threads=1, vary=VARY)
    two = s.sweep_text(runs=5000, seed=4, threads=2, vary=VARY)
    assert one == two


def test_a_bad_distribution_is_an_input_error():
    s = parley.load(PATH)
    try:
        s.sweep(runs=10, vary={"/protocol/breakdown_probability": "beta(2"})
    except parley.InputError as e:
        assert e.pointer == "/protocol/breakdown_probability"
    else:
        raise AssertionError("no error")


# parley.tournament: Python agents play beside the built-in ones, as `parley tournament` plays.
class PyHardliner(parley.Agent):
    """parley's hardliner in Python: its best outcome (the first, on ties), only its best."""

    def __init__(self, info):
        super().__init__(info)
        utilities = list(info["utilities"])
        self.best_utility = max(utilities)
        self.best = utilities.index(self.best_utility)

    def propose(self, observation):
        return self.best

    def respond(self, observation):
        return observation["offer_utility"] >= self.best_utility


def test_tournament_gives_the_cli_report():
    cli_report = json.loads(cli("tournament", PATH, "--models", "boulware,hardliner", "--seeds", "2",
                                "--threads", "2", "--format", "json").stdout)
    assert parley.tournament([PATH], ["boulware", "hardliner"], seeds=2, threads=2) == cli_report


def test_a_python_agent_plays_in_a_tournament_as_its_builtin_twin():
    parley.register_agent("py-hardliner", PyHardliner, "the hardliner, in Python")
    s = parley.load(PATH)
    python = parley.tournament([s], ["py-hardliner", "boulware"], seeds=2, threads=2)
    builtin = parley.tournament([s], ["hardliner", "boulware"], seeds=2, threads=1)
    assert python["games"] == builtin["games"] > 0
    for a, b in zip(python["ranking"], builtin["ranking"]):
        assert a["model"] == {"hardliner": "py-hardliner"}.get(b["model"], b["model"])
        assert a["utility"] == b["utility"]
        assert a["agreement"] == b["agreement"]
    one_thread = parley.tournament([s], ["py-hardliner", "boulware"], seeds=2, threads=1)
    assert one_thread == python
