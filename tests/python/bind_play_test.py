# Stepping a negotiation from Python (parley.NegotiationEnv over play/): the AEC loop, what an
# observation holds, legal moves, and the Istanbul humanitarian track played 10,000 times by a
# random policy.
import random
import sys
import time

import numpy
import pytest

import parley

ISTANBUL = "scenarios/istanbul-2025-06.json"


def test_nobody_played_is_the_cli_run():
    s = parley.load(ISTANBUL)
    env = parley.NegotiationEnv(s, players=[])
    env.reset(seed=7)
    assert env.done
    assert env.result().json() == s.run(seed=7).json()


def test_an_episode_in_the_aec_shape():
    s = parley.load(ISTANBUL)
    env = parley.NegotiationEnv(s, players=["UA"], tracks=["humanitarian"])
    env.reset(seed=3)
    assert env.agent_selection == "UA"
    seen_respond = False
    while not env.done:
        obs, reward, terminated, truncated, info = env.last()
        assert obs["party"] == "UA" and obs["track"] == "humanitarian"
        assert reward == 0.0 and not terminated
        moves = env.legal_moves()
        first, last = env.legal_move_range()
        assert list(moves) == list(range(first, last))
        if obs["phase"] == "propose":
            assert obs["offer"] is None
            assert all(env.offer_move("humanitarian", 0) <= m < env.offer_move("political", 0)
                       for m in moves)
            deal = env.describe_move(moves[0])
            assert deal["action"] == "offer" and set(deal["terms"]) == {"pow_form", "pows", "bodies", "children"}
            env.step(int(moves[numpy.argmax(env.own_utilities())]))
        else:
            seen_respond = True
            assert obs["offer"] is not None
            assert 0.0 <= obs["offer_utility"] <= 1.0
            assert [d["action"] for d in env.legal_deals()] == ["accept", "reject", "walk_away"]
            env.step(env.reject_move)
    assert seen_respond
    assert all(env.terminations.values())
    payoffs = env.payoffs()
    assert env.rewards == {"UA": payoffs["UA"]}
    result = env.result()
    assert [p["utility"] for p in result.parties] == pytest.approx([payoffs["RU"], payoffs["UA"]], abs=1e-9)


def test_the_observation_holds_only_what_the_party_may_know():
    env = parley.NegotiationEnv(parley.load(ISTANBUL), players=["RU"])
    env.reset(seed=1)
    obs = env.observe()
    assert set(obs) == {"party", "track", "phase", "round", "deadline_rounds", "reservation",
                        "walk_away_allowed", "complete_information", "offer", "offer_utility",
                        "history"}
    assert obs["complete_information"] is False
    with pytest.raises(ValueError):
        env.observe("UA")


def test_an_illegal_move_is_refused_and_changes_nothing():
    env = parley.NegotiationEnv(parley.load(ISTANBUL), players=["RU"], tracks=["humanitarian"])
    env.reset(seed=1)
    before = env.observe()
    with pytest.raises(ValueError, match="not legal"):
        env.step(env.accept_move)
    assert env.observe() == before


def test_same_seed_and_policy_give_the_same_episode():
    s = parley.load(ISTANBUL)

    def episode():
        env = parley.NegotiationEnv(s, players=["UA"], tracks=["humanitarian"])
        rng = random.Random(5)
        env.reset(seed=11)
        while not env.done:
            env.step(rng.choice(list(env.legal_moves())))
        return env.result().json()

    assert episode() == episode()


def test_a_random_policy_plays_the_humanitarian_track_10000_times():
    s = parley.load(ISTANBUL)
    env = parley.NegotiationEnv(s, players=["UA"], tracks=["humanitarian"])
    rng = random.Random(1)
    steps = 0
    agreed = 0
    total = 0.0
    start = time.perf_counter()
    for episode in range(10_000):
        env.reset(seed=1, run=episode)
        while not env.done:
            first, last = env.legal_move_range()
            env.step(rng.randrange(first, last))
            steps += 1
        total += env.rewards["UA"]
        agreed += env.result()["tracks"][0]["agreed"] if episode < 100 else 0
    elapsed = time.perf_counter() - start
    assert steps > 10_000
    assert 0 < agreed <= 100
    assert -1.0 < total / 10_000 < 1.0
    print(f"{steps} steps in {elapsed:.2f} s: {steps / elapsed:,.0f} steps/s")


def normalized(report):
    for party in report["parties"]:
        party["agent"] = "x"
    return report


def test_a_program_plays_a_party_over_json_lines():
    parley.register_program("program-hardliner",
                            [sys.executable, "tests/data/agents/hardliner.py"], time_limit=10)
    s = parley.load(ISTANBUL)
    program = s.run(seed=2, agents={"UA": "program-hardliner"})
    builtin = s.run(seed=2, agents={"UA": "hardliner"})
    assert program.parties[1]["agent"] == "program-hardliner"
    assert normalized(program.to_dict()) == normalized(builtin.to_dict())


@pytest.mark.parametrize("script, says", [
    ("crashes.py", "it exited or crashed"),
    ("garbage.py", "got 'I would rather not say'"),
])
def test_a_program_that_fails_walks_away_with_a_clear_error(capfd, script, says):
    parley.register_program("program-" + script, [sys.executable, "tests/data/agents/" + script])
    result = parley.load(ISTANBUL).run(seed=1, agents={"UA": "program-" + script})
    err = capfd.readouterr().err
    assert "parley: agent program" in err and says in err and "walks away" in err
    walked = [t for t in result.tracks if t["status"] == "walk-away"]
    assert walked and all(t["walked_away"] == "UA" for t in walked)
