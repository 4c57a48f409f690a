#include "agents/builtin_agents.hpp"

#include "agents/attrition_equilibrium.hpp"
#include "agents/bayesian.hpp"
#include "agents/expected_utility.hpp"
#include "agents/hardliner.hpp"
#include "agents/micro.hpp"
#include "agents/random_agent.hpp"
#include "agents/rubinstein.hpp"
#include "agents/screening_equilibrium.hpp"
#include "agents/time_dependent.hpp"
#include "agents/tit_for_tat.hpp"
#include "agents/war_equilibrium.hpp"
#include "agents/zeuthen.hpp"

namespace parley {

void register_builtin_agents(AgentRegistry& registry) {
  registry.add(time_dependent_model());
  registry.add(boulware_model());
  registry.add(linear_model());
  registry.add(conceder_model());
  registry.add(hardliner_model());
  registry.add(micro_model());
  registry.add(tit_for_tat_model());
  registry.add(rubinstein_model());
  registry.add(zeuthen_model());
  registry.add(random_model());
  registry.add(bayesian_model());
  registry.add(war_equilibrium_model());
  registry.add(attrition_equilibrium_model());
  registry.add(screening_equilibrium_model());
  registry.add(expected_utility_model());
}

const AgentRegistry& builtin_agents() {
  static const AgentRegistry registry = [] {
    AgentRegistry r;
    register_builtin_agents(r);
    return r;
  }();
  return registry;
}

}  // namespace parley
