# parley.load and Scenario.run against `parley run --format json`, byte for byte, and the
# CLI's error messages raised as parley.InputError.
import json

import pytest

import parley
from conftest import cli

SCENARIOS = [
    "scenarios/istanbul-2025-06.json",
    "scenarios/textbook/rubinstein-0.9-0.9.json",
    "scenarios/korea-1951-53.json",
]


@pytest.mark.parametrize("path", SCENARIOS)
@pytest.mark.parametrize("seed", [1, 7, 123456789])
def test_run_gives_the_cli_bytes(path, seed):
    expected = cli("run", path, "--seed", str(seed), "--format", "json").stdout.decode()
    result = parley.load(path).run(seed=seed)
    assert result.json() == expected
    assert result.to_dict() == json.loads(expected)


def test_result_fields_are_the_reports():
    result = parley.load("scenarios/istanbul-2025-06.json").run(seed=3)
    report = json.loads(result.json())
    assert set(result.keys()) == set(report)
    assert result.seed == 3 and result["seed"] == 3
    assert [t["id"] for t in result.tracks] == ["humanitarian", "political"]
    assert [p["id"] for p in result.parties] == ["RU", "UA"]
    with pytest.raises(AttributeError):
        result.no_such_field


def test_scenario_describes_itself():
    s = parley.load("scenarios/istanbul-2025-06.json")
    assert s.parties == ["RU", "UA"]
    assert s.tracks == ["humanitarian", "political"]
    assert s.agents == {"RU": "linear", "UA": "conceder"}
    assert "Istanbul" in s.name or s.name


def test_agents_replace_the_scenarios():
    s = parley.load("scenarios/istanbul-2025-06.json")
    base = s.run(seed=5)
    hard = s.run(seed=5, agents={"UA": "hardliner"})
    assert hard.parties[1]["agent"] == "hardliner"
    assert base.parties[1]["agent"] == "conceder"
    tuned = s.run(seed=5, agents={"RU": ("time-dependent", {"e": 4.0})})
    same = s.run(seed=5, agents={"RU": {"model": "time-dependent", "params": {"e": 4.0}}})
    assert tuned.json() == same.json()
    # The scenario itself is untouched.
    assert s.run(seed=5).json() == base.json()


def test_bad_agents_are_refused_with_the_party_named():
    s = parley.load("scenarios/istanbul-2025-06.json")
    with pytest.raises(KeyError, match="agents\\['XX'\\].*RU, UA"):
        s.run(agents={"XX": "hardliner"})
    with pytest.raises(ValueError, match="agents\\['UA'\\]: expected an agent model"):
        s.run(agents={"UA": "no-such-model"})
    with pytest.raises(ValueError, match="agents\\['UA'\\]"):
        s.run(agents={"UA": ("time-dependent", {"e": -1.0})})
    with pytest.raises(ValueError, match="complete information"):
        s.run(agents={"UA": "zeuthen"})


@pytest.mark.parametrize("name", ["agent-parameter-out-of-range", "agenda-unknown-track"])
def test_load_errors_carry_the_cli_message(name):
    path = f"tests/data/bad/{name}.json"
    message = cli("validate", path, check=False).stderr.decode().strip()
    with pytest.raises(parley.InputError) as raised:
        parley.load(path)
    error = raised.value
    assert str(error) == message
    assert isinstance(error, ValueError)
    assert error.file == path
    assert error.line > 0 and error.column > 0
    assert error.pointer.startswith("/")
    assert f"{path}:{error.line}:{error.column}" in str(error)
    assert error.pointer in str(error)


def test_a_missing_file_is_an_input_error():
    with pytest.raises(parley.InputError, match="no-such-file.json"):
        parley.load("no-such-file.json")


def test_agent_models_list_the_registry():
    names = [m["name"] for m in parley.agent_models()]
    assert "hardliner" in names and "rubinstein" in names
    assert names == sorted(names)


# A scenario file that names a program runs a command: parley.load refuses it without consent.
def test_a_file_naming_a_program_loads_only_when_allowed():
    path = "tests/data/agents/program-party.json"
    try:
        parley.load(path)
    except parley.InputError as e:
        assert e.pointer == "/parties/1/agent/model"
        assert "allow_programs=True" in str(e) and "hardliner.py" in str(e)
    else:
        raise AssertionError("loaded without allow_programs")
    played = parley.load(path, allow_programs=True).run(seed=4)
    builtin = parley.load("tests/data/agents/two-party.json").run(seed=4)
    assert played.tracks == builtin.tracks
