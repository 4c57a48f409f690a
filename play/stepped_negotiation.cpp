#include "play/stepped_negotiation.hpp"

#include <ucontext.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "play/sanitizer_fiber.hpp"

namespace parley {

namespace {
// Thrown on the run's stack to unwind a run abandoned by reset() or the destructor; caught in
// body(), never seen by the caller.
struct Abandoned {};

// The run's own stack: agents, protocol and world nest only a few calls deep.
constexpr std::size_t kStackBytes = 1 << 20;

thread_local SteppedNegotiation* starting = nullptr;
}  // namespace

struct SteppedNegotiation::Coroutine {
  ucontext_t caller{};
  ucontext_t run{};
  std::vector<char> stack = std::vector<char>(kStackBytes);
  SanitizerFiber fiber{stack.data(), stack.size()};
  static void entry() {
    SteppedNegotiation* owner = starting;
    owner->coroutine_->fiber.run_started();
    owner->body();
    owner->coroutine_->fiber.leaving_run(true);
  }  // returning switches to uc_link, the caller
};

// The decision source of every played (party, track): it suspends the run until step().
class SteppedNegotiation::Source final : public DecisionSource {
 public:
  explicit Source(SteppedNegotiation& owner) : owner_(owner) {}
  std::int64_t propose(const PartyView& view) override {
    owner_.await({view.setup->party, view.setup->track, Phase::Propose, view});
    return owner_.answer_ - owner_.offset(view.setup->track);
  }
  Response respond(const PartyView& view) override {
    owner_.await({view.setup->party, view.setup->track, Phase::Respond, view});
    if (owner_.answer_ == owner_.accept_move()) return Response::Accept;
    if (owner_.answer_ == owner_.reject_move()) return Response::Reject;
    return Response::WalkAway;
  }

 private:
  SteppedNegotiation& owner_;
};

namespace {
// The model the played parties get: an ExternalAgent on the played tracks, their own model
// (with its parameters as the scenario sets them) on the others.
struct OwnModel {
  const AgentModel* model = nullptr;
  std::map<std::string, double> params;
};
}  // namespace

SteppedNegotiation::SteppedNegotiation(ScenarioPtr scenario, const AgentRegistry& registry,
                                       std::vector<int> parties, std::vector<int> tracks)
    : played_parties_(std::move(parties)), played_tracks_(std::move(tracks)) {
  const int party_count = static_cast<int>(scenario->parties.size());
  for (int p : played_parties_)
    if (p < 0 || p >= party_count) throw std::invalid_argument("no party " + std::to_string(p));
  for (int t : played_tracks_)
    if (t < 0 || t >= static_cast<int>(scenario->tracks.size()))
      throw std::invalid_argument("no track " + std::to_string(t));
  auto own = std::make_shared<std::vector<OwnModel>>(scenario->parties.size());
  for (int p : played_parties_) {
    const AgentSpec& spec = scenario->parties[static_cast<std::size_t>(p)].agent;
    OwnModel& m = (*own)[static_cast<std::size_t>(p)];
    m.model = registry.find(spec.model);
    if (!m.model || registry.resolve(spec.model, spec.params, m.params))
      throw std::invalid_argument("party " + std::to_string(p) + " has no valid agent model");
  }
  auto source = std::make_shared<Source>(*this);
  registry_ = registry;
  registry_.add(external_agent_model(
      kPlayedModel, "a party played from outside parley (a person, a program, Python)",
      [source](const AgentSetup&) -> std::shared_ptr<DecisionSource> { return source; }));
  const AgentModel* outside = registry_.find(kPlayedModel);
  AgentModel mixed = *outside;
  mixed.name = kMixedModel;
  mixed.create = [this, own, outside](const AgentSetup& setup) -> std::unique_ptr<Agent> {
    if (played(setup.party, setup.track)) return outside->create(setup);
    const OwnModel& m = (*own)[static_cast<std::size_t>(setup.party)];
    AgentSetup with_own = setup;
    with_own.params = &m.params;
    return m.model->create(with_own);
  };
  registry_.add(std::move(mixed));

  auto copy = std::make_shared<Scenario>(*scenario);
  for (int p : played_parties_)
    copy->parties[static_cast<std::size_t>(p)].agent =
        AgentSpec{played_tracks_.empty() ? kPlayedModel : kMixedModel, {}, {}};
  simulator_ = std::make_unique<Simulator>(copy, registry_);
  offsets_.push_back(0);
  for (std::size_t t = 0; t < copy->tracks.size(); ++t)
    offsets_.push_back(offsets_.back() + simulator_->space(static_cast<int>(t)).size());
  coroutine_ = std::make_unique<Coroutine>();
}

SteppedNegotiation::~SteppedNegotiation() {
  abandon();
}

bool SteppedNegotiation::played(int party, int track) const {
  if (std::find(played_parties_.begin(), played_parties_.end(), party) == played_parties_.end())
    return false;
  return played_tracks_.empty() ||
         std::find(played_tracks_.begin(), played_tracks_.end(), track) != played_tracks_.end();
}

void SteppedNegotiation::reset(std::uint64_t seed, std::uint64_t run, TraceSink* trace) {
  abandon();
  seed_ = seed;
  run_ = run;
  trace_ = trace;
  result_.reset();
  error_ = nullptr;
  finished_ = false;
  started_ = true;
  Coroutine& co = *coroutine_;
  getcontext(&co.run);
  co.run.uc_stack.ss_sp = co.stack.data();
  co.run.uc_stack.ss_size = co.stack.size();
  co.run.uc_link = &co.caller;
  makecontext(&co.run, &Coroutine::entry, 0);
  starting = this;
  resume();
}

void SteppedNegotiation::body() {
  try {
    // A fresh state each game: the previous game may have been abandoned mid-run, leaving the
    // agents it kept for reuse half-way through a round (and a game is not a hot loop).
    state_ = simulator_->baseline();
    state_.reuse = RunReuse{};
    result_ = simulator_->run(seed_, run_, state_, trace_);
  } catch (const Abandoned&) {
  } catch (...) {
    error_ = std::current_exception();
  }
  finished_ = true;
}

void SteppedNegotiation::resume() {
  coroutine_->fiber.leaving_caller();
  swapcontext(&coroutine_->caller, &coroutine_->run);
  coroutine_->fiber.back_on_caller();
  if (error_) {
    std::exception_ptr error = std::exchange(error_, nullptr);
    started_ = false;
    std::rethrow_exception(error);
  }
}

void SteppedNegotiation::await(Decision decision) {
  decision_ = decision;
  coroutine_->fiber.leaving_run(false);
  swapcontext(&coroutine_->run, &coroutine_->caller);
  coroutine_->fiber.back_on_run();
  if (abandoning_) throw Abandoned{};
}

void SteppedNegotiation::abandon() {
  if (!started_ || finished_) return;
  abandoning_ = true;
  coroutine_->fiber.leaving_caller();
  swapcontext(&coroutine_->caller, &coroutine_->run);
  coroutine_->fiber.back_on_caller();
  abandoning_ = false;
  error_ = nullptr;
}

const SteppedNegotiation::Decision& SteppedNegotiation::decision() const {
  if (!started_ || finished_) throw std::logic_error("no decision awaited: the run is over");
  return decision_;
}

const RunResult& SteppedNegotiation::result() const {
  if (!result_) throw std::logic_error("the run is not over");
  return *result_;
}

bool SteppedNegotiation::legal(std::int64_t move) const {
  if (!started_ || finished_) return false;
  if (decision_.phase == Phase::Propose)
    return move >= offset(decision_.track) && move < offset(decision_.track + 1);
  if (move == accept_move() || move == reject_move()) return true;
  return move == walk_away_move() && decision_.view.setup->walk_away_allowed;
}

std::vector<std::int64_t> SteppedNegotiation::legal_moves() const {
  std::vector<std::int64_t> moves;
  if (!started_ || finished_) return moves;
  if (decision_.phase == Phase::Propose) {
    for (std::int64_t m = offset(decision_.track); m < offset(decision_.track + 1); ++m)
      moves.push_back(m);
  } else {
    moves = {accept_move(), reject_move()};
    if (decision_.view.setup->walk_away_allowed) moves.push_back(walk_away_move());
  }
  return moves;
}

void SteppedNegotiation::step(std::int64_t move) {
  if (!started_ || finished_) throw std::logic_error("the run is over: reset() starts another");
  if (!legal(move))
    throw std::invalid_argument("move " + std::to_string(move) + " is not legal now");
  answer_ = move;
  resume();
}

}  // namespace parley
