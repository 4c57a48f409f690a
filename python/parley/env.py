"""A negotiation stepped one move at a time, for learning code (docs/python.md, "Stepping").

The shape is that of PettingZoo's AEC environments and OpenSpiel's states, without needing
either package: one party moves at a time; its observation holds only what it may know; moves
are integers (offering outcome k of track t, then accept, reject, walk away), and
`legal_moves()` lists those allowed now. The parties not played from Python are played by the
scenario's own agents, inside parley. Rewards are the parties' payoffs when the run ends.

The stepping itself is parley's C++ play/ layer, the same that serves a person at a terminal.
"""
from . import _core


class NegotiationEnv:
    """Step `scenario` with `players` (party ids) moved from Python, on `tracks` (track ids;
    default every track; elsewhere the players' own agents play)."""

    def __init__(self, scenario, players, tracks=None):
        self.scenario = scenario
        self.possible_agents = list(players)
        self._game = _core.SteppedNegotiation(scenario._core, list(players), list(tracks or []))
        self.move_count = self._game.move_count
        self.accept_move = self._game.accept_move
        self.reject_move = self._game.reject_move
        self.walk_away_move = self._game.walk_away_move
        self._reset_state()

    def _reset_state(self):
        self.agents = []
        self.rewards = {p: 0.0 for p in self.possible_agents}
        self.terminations = {p: False for p in self.possible_agents}
        self.truncations = {p: False for p in self.possible_agents}
        self.infos = {p: {} for p in self.possible_agents}

    # --- PettingZoo AEC shape -------------------------------------------------------------
    def reset(self, seed=1, run=0):
        """Start run `run` with `seed` (the same as `parley run --seed` for run 0) and play it
        to the first move of a player, or to its end."""
        self._reset_state()
        self.agents = list(self.possible_agents)
        self._game.reset(seed, run)
        self._settle()

    @property
    def agent_selection(self):
        """The party id to move (None once the run is over)."""
        return self._game.party

    @property
    def done(self):
        return self._game.done

    def observe(self, agent=None):
        """The observation of the party to move (only it has a decision to make): party, track,
        phase ("propose" or "respond"), round, deadline_rounds, reservation, offer (the move
        that made the standing offer) and offer_utility, walk_away_allowed, and the public
        history as (round, party, action, move) tuples."""
        if agent is not None and agent != self._game.party:
            raise ValueError(f"{agent!r} has no decision to make now; {self._game.party!r} has")
        return None if self._game.done else self._game.observation()

    def last(self):
        agent = self._game.party
        key = agent if agent is not None else (self.possible_agents[0] if self.possible_agents else None)
        return (self.observe(), self.rewards.get(key, 0.0), self._game.done, False,
                self.infos.get(key, {}))

    def step(self, move):
        """Make the awaited decision and play on to the next one or to the end. An illegal move
        raises ValueError and changes nothing."""
        self._game.step(int(move))
        self._settle()

    def _settle(self):
        if self._game.done:
            payoffs = self._game.payoffs()
            for p in self.possible_agents:
                self.rewards[p] = payoffs[p]
                self.terminations[p] = True
            self.agents = []

    # --- moves --------------------------------------------------------------------------
    def legal_moves(self):
        """The moves legal now, as a numpy array of integers."""
        return self._game.legal_moves()

    def legal_move_range(self):
        """The legal moves as a half-open range [first, last): offers of the track to move on,
        or the answers (accept, reject, and walk away where the rules allow it)."""
        return self._game.legal_move_range()

    def legal_deals(self):
        """The legal moves in words: the deals that may be offered, or the answers."""
        return [self._game.describe_move(m) for m in self._game.legal_moves()]

    def describe_move(self, move):
        return self._game.describe_move(int(move))

    def own_utilities(self):
        """The utility, for the party to move, of every outcome of the track it moves on."""
        return self._game.own_utilities()

    def offer_move(self, track, outcome):
        return self._game.offset(self.scenario.tracks.index(track)) + outcome

    # --- results and OpenSpiel names ------------------------------------------------------
    def result(self):
        """The finished run, as parley.RunResult (the fields of `parley run --format json`)."""
        from . import RunResult

        return RunResult(self._game.result_json())

    def payoffs(self):
        """Every party's payoff (its utility for the run), by party id, once the run is over."""
        return self._game.payoffs()

    # OpenSpiel's state names, for code written against it.
    def current_player(self):
        return self._game.party

    def is_terminal(self):
        return self._game.done

    legal_actions = legal_moves
    apply_action = step
    returns = payoffs
