#include "play/terminal_game.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "analysis/report/points.hpp"
#include "engine/format.hpp"
#include "engine/input_error.hpp"
#include "engine/load/deal_text.hpp"
#include "engine/world/world_state.hpp"

namespace parley {

namespace {

using Decision = SteppedNegotiation::Decision;

constexpr int kSuggestions = 5;
constexpr std::size_t kOffersShown = 6;
constexpr const char* kClear = "\x1b[2J\x1b[H";

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string track_name(const Track& t) {
  return t.label.empty() ? t.id : t.label;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

}  // namespace

// Passes the run on to the caller's trace and keeps the news for the screen.
class TerminalGame::Recorder final : public TraceSink {
 public:
  TraceSink* inner = nullptr;
  std::vector<std::pair<int, int>> events;  // (round, event index), in firing order

  void on_move(const Move& move) override {
    if (inner) inner->on_move(move);
  }
  void on_track_closed(int track, const TrackResult& result) override {
    if (inner) inner->on_track_closed(track, result);
  }
  void on_run_end(const RunResult& result) override {
    if (inner) inner->on_run_end(result);
  }
  void on_event(int round, int event) override {
    events.emplace_back(round, event);
    if (inner) inner->on_event(round, event);
  }
  void on_world_round(int round, const WorldState& world) override {
    if (inner) inner->on_world_round(round, world);
  }
  void on_track_condition(int round, int track, LinkChange change, int cause) override {
    if (inner) inner->on_track_condition(round, track, change, cause);
  }
};

TerminalGame::TerminalGame(ScenarioPtr scenario, const AgentRegistry& registry,
                           TerminalGameOptions options)
    : scenario_(scenario),
      options_(std::move(options)),
      negotiation_(scenario, registry, options_.players),
      recorder_(std::make_unique<Recorder>()),
      news_seen_(scenario->parties.size(), 0),
      weights_seen_(scenario->parties.size()) {}

TerminalGame::~TerminalGame() = default;

std::string TerminalGame::party_name(int party) const {
  const Party& p = scenario_->parties[static_cast<std::size_t>(party)];
  return p.name + " (" + p.id + ")";
}

// Terms on one line when short, else one issue a line under `indent` spaces.
std::string TerminalGame::terms_block(int track, const Deal& deal, int indent) const {
  const std::string line = terms(track, deal);
  if (line.size() + static_cast<std::size_t>(indent) <= 78) return line;
  const OutcomeSpace& space = negotiation_.simulator().space(track);
  std::string text;
  for (int k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = scenario_->issues[static_cast<std::size_t>(space.issue(k))];
    text.append(1, '\n');
    text.append(static_cast<std::size_t>(indent), ' ');
    text.append(issue.id);
    text.append(1, '=');
    text.append(issue.describe(deal.values[static_cast<std::size_t>(k)]));
  }
  return text;
}

std::string TerminalGame::terms(int track, const Deal& deal) const {
  const OutcomeSpace& space = negotiation_.simulator().space(track);
  std::string text;
  for (int k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = scenario_->issues[static_cast<std::size_t>(space.issue(k))];
    text +=
        (k ? "; " : "") + issue.id + "=" + issue.describe(deal.values[static_cast<std::size_t>(k)]);
  }
  return text;
}

// The player's points for a deal, from the run's own utilities (events may change weights).
double TerminalGame::points(int party, int track, const Deal& deal) const {
  const Decision* d = nullptr;
  if (!negotiation_.done()) d = &negotiation_.decision();
  if (d && d->party == party && d->track == track)
    return to_points(d->view.setup->space->utility(party, deal));
  return to_points(negotiation_.space_now(track).utility(party, deal));
}

// Outcomes near the player's target: the points of their last offer on the track (their best
// deal before they have made one), going down from there, none below their no-deal score.
std::vector<std::int64_t> TerminalGame::suggestions() const {
  const Decision& d = negotiation_.decision();
  const AgentSetup& setup = *d.view.setup;
  const Eigen::ArrayXd& u = setup.own_utilities();
  const auto& ranking = setup.space->ranking(d.party);
  double target = u[ranking.front()];
  for (const Move& m : *d.view.history)
    if (m.party == d.party && m.action == Action::Offer)
      target = setup.space->utility(d.party, m.deal);
  const double floor = setup.current_reservation();
  // The ranking is best first: find the first outcome at or below the target.
  const auto start = std::partition_point(ranking.begin(), ranking.end(),
                                          [&](std::int32_t k) { return u[k] > target + 1e-9; });
  std::vector<std::int64_t> out;
  double last = 2.0;
  // Below the no-deal score only when too few are above it (the screen says so).
  (void)floor;
  for (auto it = start; it != ranking.end() && static_cast<int>(out.size()) < kSuggestions; ++it) {
    if (std::abs(u[*it] - last) < 5e-4) continue;  // one outcome per level of points
    last = u[*it];
    out.push_back(*it);
  }
  return out;
}

void TerminalGame::show_decision(std::ostream& out) {
  const Scenario& s = *scenario_;
  const Decision& d = negotiation_.decision();
  const AgentSetup& setup = *d.view.setup;
  const Track& track = s.tracks[static_cast<std::size_t>(d.track)];
  const int round = d.view.round.round;
  out << "\n" << std::string(72, '-') << "\n";
  out << s.meta.name << "\n";
  out << "You play " << party_name(d.party);
  const Party& me = s.parties[static_cast<std::size_t>(d.party)];
  if (setup.own_type >= 0 && static_cast<std::size_t>(setup.own_type) < me.types.size()) {
    const PartyType& type = me.types[static_cast<std::size_t>(setup.own_type)];
    out << "; your type, drawn in secret: " << (type.label.empty() ? type.id : type.label);
  }
  out << "\n";
  out << capitalised(s.clock.round_name) << " " << round + 1 << ", "
      << s.clock.date_of(round).to_string() << " - " << track_name(track) << "\n";
  const int deadline = d.view.round.deadline_rounds;
  if (deadline > 0)
    out << "Time left: " << deadline - round << " " << s.clock.round_name
        << (deadline - round == 1 ? "" : "s") << " (this track closes without a deal on "
        << s.clock.date_of(deadline).to_string() << ")\n";
  else
    out << "Time left: no deadline; the talks stop after at most " << s.protocol.max_rounds - round
        << " more " << s.clock.round_name << "s ("
        << s.clock.date_of(s.protocol.max_rounds).to_string() << ")\n";

  const auto& events = recorder_->events;
  std::size_t& seen = news_seen_[static_cast<std::size_t>(d.party)];
  if (seen < events.size()) {
    out << "News since your last turn:\n";
    for (std::size_t i = seen; i < events.size(); ++i) {
      const EventSpec& e = s.world.events[static_cast<std::size_t>(events[i].second)];
      out << "  " << s.clock.date_of(events[i].first).to_string() << "  "
          << (e.label.empty() ? e.id : e.label) << "\n";
    }
    seen = events.size();
  }
  // A change_weights event changes the player's own points from its round on: say so once.
  const std::vector<double>& weights_now =
      negotiation_.state().preferences[static_cast<std::size_t>(d.party)].weights;
  std::vector<double>& weights_shown = weights_seen_[static_cast<std::size_t>(d.party)];
  if (weights_shown.empty()) weights_shown = me.preferences.weights;
  if (weights_now != weights_shown) {
    out << "Your priorities have changed: the points below are your points now (type schedule "
           "to see them all).\n";
    weights_shown = weights_now;
  }
  if (setup.world && setup.world->battlefield.states > 0) {
    const BattlefieldState& b = setup.world->battlefield;
    out << "The front: " << b.position << " on a scale from 0 ("
        << s.parties[static_cast<std::size_t>(b.down_party)].id << " wins the war) to " << b.states
        << " (" << s.parties[static_cast<std::size_t>(b.up_party)].id << " wins)";
    if (b.victor >= 0) out << "; the war is over";
    out << "\n";
  }

  std::vector<const Move*> offers;
  for (const Move& m : *d.view.history)
    if (m.action == Action::Offer) offers.push_back(&m);
  if (offers.empty()) {
    out << "No offer has been made on this track yet.\n";
  } else {
    out << "Offers on this track (newest last) and your points for each:\n";
    const std::size_t from = offers.size() > kOffersShown ? offers.size() - kOffersShown : 0;
    if (from > 0) out << "  (" << from << " earlier offers not shown)\n";
    for (std::size_t i = from; i < offers.size(); ++i) {
      const Move& m = *offers[i];
      out << "  " << s.clock.date_of(m.round).to_string() << "  "
          << s.parties[static_cast<std::size_t>(m.party)].id << "  "
          << format_points(points(d.party, d.track, m.deal)) << " points  "
          << terms_block(d.track, m.deal, 6) << "\n";
    }
  }
  out << "Your no-deal score on this track now: "
      << format_points(to_points(setup.current_reservation())) << " points\n";
  if (d.phase == SteppedNegotiation::Phase::Respond) {
    out << "\nOn the table, worth " << format_points(points(d.party, d.track, *d.view.offer))
        << " points to you: " << terms_block(d.track, *d.view.offer, 4) << "\n";
    out << "Your answer: accept, reject" << (setup.walk_away_allowed ? ", walk" : "")
        << ", or a counter-offer (a number below, or propose issue=value ...). ? for help.\n";
  } else {
    out << "\nYour turn to propose: a number below, or propose issue=value ... ? for help.\n";
  }
  shown_suggestions_ = suggestions();
  out << "Suggestions near your target:\n";
  for (std::size_t i = 0; i < shown_suggestions_.size(); ++i) {
    const Deal deal = setup.space->deal(shown_suggestions_[i]);
    const double p = points(d.party, d.track, deal);
    out << "  " << i + 1 << "  " << format_points(p) << " points"
        << (p < to_points(setup.current_reservation()) - 1e-9 ? " (below your no-deal score)" : "")
        << "  " << terms_block(d.track, deal, 6) << "\n";
  }
  out.flush();
}

void TerminalGame::show_help(std::ostream& out) const {
  const Scenario& s = *scenario_;
  const Decision& d = negotiation_.decision();
  out << "Commands (the first letter is enough):\n"
         "  accept             accept the offer on the table\n"
         "  reject             reject it (then you propose at your next turn)\n";
  if (d.view.setup->walk_away_allowed)
    out << "  walk               walk away from this track and take your no-deal score\n";
  out << "  1 .. " << kSuggestions
      << "             propose that suggestion (when answering: reject and propose it next)\n"
         "  propose ISSUE=VALUE ...   propose these terms, one value per issue of the track\n"
         "  schedule           your point schedule\n"
         "  show               this turn's screen again\n"
         "  quit               stop the game (no trace is saved)\n"
         "  ?                  this help\n"
         "Points: your utility times 100; 100 is your best deal on the track. A value may be\n"
         "an option's text, a word of it that names one option, or its number below;\n"
         "quote values with spaces: repatriation=\"neutral commission\".\n"
         "The issues of this track:\n";
  const OutcomeSpace& space = negotiation_.simulator().space(d.track);
  for (int k = 0; k < space.issue_count(); ++k) {
    const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
    out << "  " << issue.id << " (" << issue.label << "): ";
    if (issue.kind == IssueKind::Options) {
      for (std::size_t o = 0; o < issue.options.size(); ++o)
        out << "\n    " << o << "  " << issue.options[o];
    } else if (issue.kind == IssueKind::Flag) {
      out << "yes or no";
    } else {
      out << "from " << issue.describe(issue.min) << " to " << issue.describe(issue.max);
      if (issue.kind == IssueKind::Quantity) out << " in steps of " << format_number(issue.step, 6);
    }
    out << "\n";
  }
  out.flush();
}

void TerminalGame::show_schedule(std::ostream& out) const {
  const Scenario& s = *scenario_;
  const int party = negotiation_.decision().party;
  // The weights in force now: a change_weights event changes the points from its round on.
  const Preferences& now = negotiation_.state().preferences[static_cast<std::size_t>(party)];
  out << "Your point schedule (" << s.parties[static_cast<std::size_t>(party)].id
      << "); a deal's points are the sum over its issues:\n";
  if (now.weights != s.parties[static_cast<std::size_t>(party)].preferences.weights)
    out << "Your priorities have changed since the talks began: these are your points now\n"
           "(your printed brief shows the points you started with).\n";
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const OutcomeSpace& space = negotiation_.space_now(static_cast<int>(t));
    out << track_name(s.tracks[t]) << "\n";
    for (int k = 0; k < space.issue_count(); ++k) {
      const Issue& issue = s.issues[static_cast<std::size_t>(space.issue(k))];
      out << "  " << issue.label << ":\n";
      const auto& value = s.parties[static_cast<std::size_t>(party)]
                              .preferences.values[static_cast<std::size_t>(space.issue(k))];
      for (int level : schedule_levels(issue, value))
        out << "    " << issue.describe(issue.value_at(level)) << "  "
            << format_points(issue_points(space, now, k, issue.value_at(level))) << "\n";
    }
  }
  out.flush();
}

bool TerminalGame::handle_line(const std::string& raw, std::ostream& out) {
  const Decision& d = negotiation_.decision();
  const std::string line = trim(raw);
  const auto space_at = line.find_first_of(" \t");
  const std::string word = lower(line.substr(0, space_at));
  const std::string rest = space_at == std::string::npos ? "" : trim(line.substr(space_at));
  const bool responding = d.phase == SteppedNegotiation::Phase::Respond;
  const int party = d.party;
  const int track = d.track;

  auto propose = [&](std::int64_t outcome) {
    const Deal deal = d.view.setup->space->deal(outcome);
    const std::string what = terms(track, deal);
    const std::string pts = format_points(points(party, track, deal));
    if (responding) {
      pending_ = negotiation_.offset(track) + outcome;
      pending_party_ = party;
      pending_track_ = track;
      out << "You reject the offer. At your next turn on this track you propose " << what << " ("
          << pts << " points to you).\n";
      negotiation_.step(negotiation_.reject_move());
    } else {
      out << "You propose " << what << " (" << pts << " points to you).\n";
      negotiation_.step(negotiation_.offset(track) + outcome);
    }
    return true;
  };

  if (line.empty()) {
    out << "Type a command, or ? for help.\n";
    return false;
  }
  if (word == "?" || word == "help" || word == "h") {
    show_help(out);
    return false;
  }
  if (word == "schedule" || word == "s") {
    show_schedule(out);
    return false;
  }
  if (word == "show" || word == "l") {
    show_decision(out);
    return false;
  }
  if (word == "quit" || word == "q" || word == "exit") {
    quit_ = true;
    return false;
  }
  if (word == "accept" || word == "a") {
    if (!responding) {
      out << "There is no offer for you to answer now: it is your turn to propose. ? for help.\n";
      return false;
    }
    out << "You accept.\n";
    negotiation_.step(negotiation_.accept_move());
    return true;
  }
  if (word == "reject" || word == "r") {
    if (!responding) {
      out << "There is no offer for you to answer now: it is your turn to propose. ? for help.\n";
      return false;
    }
    out << "You reject the offer.\n";
    negotiation_.step(negotiation_.reject_move());
    return true;
  }
  if (word == "walk" || word == "w") {
    if (!responding) {
      out << "You can walk away only when answering an offer.\n";
      return false;
    }
    if (!negotiation_.legal(negotiation_.walk_away_move())) {
      out << "The rules of this scenario do not let a party walk away: accept or reject.\n";
      return false;
    }
    out << "You walk away from " << track_name(scenario_->tracks[static_cast<std::size_t>(track)])
        << ".\n";
    negotiation_.step(negotiation_.walk_away_move());
    return true;
  }
  std::string terms_text = line;
  if (word == "propose" || word == "p") terms_text = rest;
  if (all_digits(terms_text)) {
    const auto n = terms_text.size() > 3 ? 0 : std::stoul(terms_text);
    if (n < 1 || n > shown_suggestions_.size()) {
      out << "There is no suggestion " << terms_text << ": choose 1 to "
          << shown_suggestions_.size() << ".\n";
      return false;
    }
    return propose(shown_suggestions_[n - 1]);
  }
  if (terms_text.find('=') == std::string::npos && terms_text.find('{') == std::string::npos) {
    if (word == "propose" || word == "p")
      out << "Propose what? Give issue=value for each issue of the track, or a suggestion's "
             "number. ? lists the issues.\n";
    else
      out << "I did not understand \"" << line << "\". Type ? for help.\n";
    return false;
  }
  try {
    const Deal deal = parse_track_deal(
        *scenario_, track, split_assignments(terms_text, "your proposal"), "your proposal");
    const Deal grid = snap_to_grid(*d.view.setup->space, deal);
    bool moved = false;
    for (int k = 0; k < deal.size; ++k)
      if (std::abs(deal.values[static_cast<std::size_t>(k)] -
                   grid.values[static_cast<std::size_t>(k)]) > 1e-9)
        moved = true;
    if (moved)
      out << "(Offers are made on the issues' steps: the nearest is " << terms(track, grid)
          << ".)\n";
    return propose(grid.outcome);
  } catch (const InputError& e) {
    out << "Not a valid proposal: " << e.expected()
        << (e.found().empty() ? "" : "; found " + e.found())
        << (e.pointer().empty() ? "" : " (issue " + e.pointer().substr(1) + ")") << ".\n";
    return false;
  }
}

void TerminalGame::show_end(std::ostream& out) const {
  const Scenario& s = *scenario_;
  const RunResult& r = negotiation_.result();
  out << "\n"
      << std::string(72, '=') << "\nThe talks are over after " << r.rounds << " "
      << s.clock.round_name << (r.rounds == 1 ? "" : "s") << ".\n";
  for (std::size_t t = 0; t < s.tracks.size(); ++t) {
    const TrackResult& tr = r.tracks[t];
    out << track_name(s.tracks[t]) << ": ";
    if (tr.status == TrackStatus::Agreed) {
      out << "agreed on " << s.clock.date_of(tr.round).to_string() << ": "
          << terms(static_cast<int>(t), tr.deal) << "\n";
      for (int p : options_.players)
        out << "  " << s.parties[static_cast<std::size_t>(p)].id << ": "
            << format_points(
                   to_points(negotiation_.space_now(static_cast<int>(t)).utility(p, tr.deal)))
            << " points\n";
    } else {
      out << "no deal (" << to_string(tr.status) << ")\n";
    }
  }
  for (int p : options_.players)
    out << "Your score over the whole game, " << s.parties[static_cast<std::size_t>(p)].id
        << ", after "
        << "the cost of time: "
        << format_points(to_points(r.parties[static_cast<std::size_t>(p)].utility)) << " points.\n";
  out.flush();
}

bool TerminalGame::play(std::istream& in, std::ostream& out, TraceSink* trace) {
  recorder_->inner = trace;
  recorder_->events.clear();
  std::fill(news_seen_.begin(), news_seen_.end(), 0);
  for (auto& w : weights_seen_) w.clear();
  quit_ = false;
  pending_.reset();
  last_player_ = -1;
  negotiation_.reset(options_.seed, 0, recorder_.get());
  std::string line;
  while (!negotiation_.done() && !quit_) {
    const Decision& d = negotiation_.decision();
    if (pending_ && d.party == pending_party_ && d.track == pending_track_) {
      const std::int64_t move = *pending_;
      pending_.reset();
      if (d.phase == SteppedNegotiation::Phase::Propose && negotiation_.legal(move)) {
        negotiation_.step(move);
        continue;
      }
    }
    if (options_.players.size() > 1 && options_.clear_between_players && d.party != last_player_) {
      out << kClear << "Pass the keyboard to " << party_name(d.party) << ", then press Enter.\n"
          << std::flush;
      if (!std::getline(in, line)) break;
      out << kClear;
    }
    last_player_ = d.party;
    show_decision(out);
    while (true) {
      out << "> " << std::flush;
      if (!std::getline(in, line)) {
        quit_ = true;
        break;
      }
      if (handle_line(line, out) || quit_) break;
    }
  }
  if (!negotiation_.done()) {
    out << "\nThe game stopped before the end.\n" << std::flush;
    return false;
  }
  show_end(out);
  return true;
}

}  // namespace parley
