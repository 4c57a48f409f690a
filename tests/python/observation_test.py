# What a party played from Python sees (python/observation.cpp): the same keys for an agent and
# for the stepping environment, outcomes numbered within the track for an agent and as moves for
# the environment, and nothing of the other party's preferences.
import parley

ISTANBUL = "scenarios/istanbul-2025-06.json"
KEYS = {"party", "track", "phase", "round", "deadline_rounds", "reservation",
        "walk_away_allowed", "complete_information", "offer", "offer_utility", "history"}

seen = []


class Recorder(parley.Agent):
    def __init__(self, info):
        super().__init__(info)
        assert set(info) == {"party", "track", "opener", "outcomes", "utilities", "reservation",
                             "deadline_rounds", "walk_away_allowed"}
        assert len(info["utilities"]) == info["outcomes"]

    def propose(self, observation):
        seen.append((self.info["outcomes"], observation))
        return 0

    def respond(self, observation):
        seen.append((self.info["outcomes"], observation))
        return "reject"


parley.register_agent("recorder", Recorder)


def test_an_agent_sees_outcomes_within_its_track():
    seen.clear()
    parley.load(ISTANBUL).run(seed=1, agents={"UA": "recorder"})
    assert seen
    for outcomes, observation in seen:
        assert set(observation) == KEYS
        assert observation["party"] == "UA"
        if observation["offer"] is not None:
            assert 0 <= observation["offer"] < outcomes
        for (round_, party, action, outcome) in observation["history"]:
            assert party in ("RU", "UA", None)
            assert outcome is None or 0 <= outcome < outcomes


def test_the_environment_numbers_outcomes_as_moves():
    s = parley.load(ISTANBUL)
    env = parley.NegotiationEnv(s, players=["UA"], tracks=["political"])
    env.reset(seed=1)
    observation = env.observe()
    assert set(observation) == KEYS
    assert observation["track"] == "political"
    political = env.offer_move("political", 0)
    assert observation["offer"] is None or observation["offer"] >= political
    assert all(m >= political for m in env.legal_moves()) or observation["phase"] == "respond"
