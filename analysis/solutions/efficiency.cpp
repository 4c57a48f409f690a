#include "analysis/solutions/efficiency.hpp"

#include <atomic>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <string>

#include "analysis/solutions/bargaining_solutions.hpp"
#include "analysis/solutions/pareto.hpp"

namespace parley {

struct EfficiencyReference::State {
  UtilitySet set;
  std::once_flag once;
  // Written once inside call_once, read only after it: no lock needed to read.
  UtilitySet frontier;
  std::vector<std::int64_t> frontier_outcomes;
  FrontierIndex index;
  std::optional<std::int64_t> nash_outcome;
  std::optional<std::int64_t> ks_outcome;
  std::optional<Eigen::VectorXd> nash;
  std::optional<Eigen::VectorXd> kalai_smorodinsky;
  double max_nash_product = 0.0;
  std::atomic<bool> done{false};

  void compute() {
    frontier_outcomes = pareto_frontier(set);
    frontier.disagreement = set.disagreement;
    frontier.utilities.resize(static_cast<Eigen::Index>(frontier_outcomes.size()), set.parties());
    for (std::size_t r = 0; r < frontier_outcomes.size(); ++r)
      frontier.utilities.row(static_cast<Eigen::Index>(r)) =
          set.utilities.row(frontier_outcomes[r]);
    index = FrontierIndex(frontier.utilities);
    nash_outcome = nash_solution(set, frontier_outcomes);
    ks_outcome = kalai_smorodinsky_solution(set, frontier_outcomes);
    if (nash_outcome) {
      nash = set.utilities.row(*nash_outcome).transpose();
      max_nash_product = nash_product(set, *nash);
    }
    if (ks_outcome) kalai_smorodinsky = set.utilities.row(*ks_outcome).transpose();
    done.store(true, std::memory_order_release);
  }
};

EfficiencyReference::EfficiencyReference(UtilitySet set) : state_(std::make_shared<State>()) {
  state_->set = std::move(set);
}

EfficiencyReference efficiency_reference(const UtilitySet& set) {
  return EfficiencyReference(set);
}

const EfficiencyReference::State& EfficiencyReference::ready() const {
  if (!state_) throw std::logic_error("efficiency reference of no utility set");
  // An exception (a NaN utility) leaves the flag unset: the next question tries again.
  std::call_once(state_->once, [this] { state_->compute(); });
  return *state_;
}

const UtilitySet& EfficiencyReference::set() const {
  if (!state_) throw std::logic_error("efficiency reference of no utility set");
  return state_->set;
}
const UtilitySet& EfficiencyReference::frontier() const {
  return ready().frontier;
}
const std::vector<std::int64_t>& EfficiencyReference::frontier_outcomes() const {
  return ready().frontier_outcomes;
}
const FrontierIndex& EfficiencyReference::frontier_index() const {
  return ready().index;
}
std::optional<std::int64_t> EfficiencyReference::nash_outcome() const {
  return ready().nash_outcome;
}
std::optional<std::int64_t> EfficiencyReference::kalai_smorodinsky_outcome() const {
  return ready().ks_outcome;
}
const std::optional<Eigen::VectorXd>& EfficiencyReference::nash() const {
  return ready().nash;
}
const std::optional<Eigen::VectorXd>& EfficiencyReference::kalai_smorodinsky() const {
  return ready().kalai_smorodinsky;
}
double EfficiencyReference::max_nash_product() const {
  return ready().max_nash_product;
}

bool EfficiencyReference::computed() const {
  return state_ && state_->done.load(std::memory_order_acquire);
}

DealEfficiency measure_deal(const EfficiencyReference& reference, const Eigen::VectorXd& u) {
  const UtilitySet& frontier = reference.frontier();
  if (u.size() != frontier.parties())
    throw std::invalid_argument("utility vector has " + std::to_string(u.size()) + " entries for " +
                                std::to_string(frontier.parties()) + " parties");
  DealEfficiency measures;
  // Asking the frontier is the whole-set test: dominated outcomes cannot matter.
  const FrontierIndex& index = reference.frontier_index();
  measures.pareto_optimal = !index.dominated(u, kParetoTolerance);
  measures.distance_to_frontier = std::sqrt(index.nearest_squared_distance(u));
  if (reference.max_nash_product() > 0) {
    measures.nash_product_fraction = nash_product(frontier, u) / reference.max_nash_product();
  }
  if (reference.nash()) measures.distance_to_nash = (u - *reference.nash()).norm();
  if (reference.kalai_smorodinsky()) {
    measures.distance_to_kalai_smorodinsky = (u - *reference.kalai_smorodinsky()).norm();
  }
  return measures;
}

}  // namespace parley
