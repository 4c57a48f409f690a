# parley.analyze against `parley analyze --format json`: the same frontier and solutions.
import json

import numpy
import pytest

import parley
from conftest import cli


@pytest.mark.parametrize("path", ["scenarios/istanbul-2025-06.json",
                                  "scenarios/textbook/rubinstein-0.9-0.9.json"])
def test_analyze_matches_the_cli(path):
    report = json.loads(cli("analyze", path, "--format", "json").stdout)
    s = parley.load(path)
    analysis = parley.analyze(s)
    assert list(analysis) == [t["id"] for t in report["tracks"]]
    for track in report["tracks"]:
        a = analysis[track["id"]]
        assert isinstance(a["frontier"], numpy.ndarray)
        assert a["utilities"].shape == (track["outcomes"], len(s.parties))
        assert list(a["frontier_outcomes"]) == [p["outcome"] for p in track["pareto_frontier"]["points"]]
        assert a["frontier"].shape == (track["pareto_frontier"]["size"], len(s.parties))
        for key in ("nash", "kalai_smorodinsky", "egalitarian", "utilitarian"):
            point = track["solutions"][key]
            if point is None:
                assert a[key] is None
                continue
            assert a[key + "_outcome"] == point["outcome"]
            expected = [point["utilities"][p] for p in s.parties]
            numpy.testing.assert_allclose(a[key], expected, atol=1e-9)


def test_the_nash_point_maximises_the_nash_product_on_the_frontier():
    a = parley.analyze(parley.load("scenarios/istanbul-2025-06.json"))["humanitarian"]
    gains = a["frontier"] - a["disagreement"]
    ok = (gains >= 0).all(axis=1)
    products = numpy.where(ok, gains.prod(axis=1), -1)
    assert products.max() == pytest.approx(numpy.prod(a["nash"] - a["disagreement"]))
