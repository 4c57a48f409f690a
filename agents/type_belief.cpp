#include "agents/type_belief.hpp"

#include <cmath>

namespace parley {

TypeBelief::TypeBelief(std::vector<double> prior) : p_(std::move(prior)), scratch_(p_.size()) {}

bool TypeBelief::update(const std::vector<double>& likelihood) {
  double total = 0.0;
  for (std::size_t k = 0; k < p_.size(); ++k) {
    scratch_[k] = p_[k] * likelihood[k];
    total += scratch_[k];
  }
  if (!(total > 0.0)) return false;
  for (std::size_t k = 0; k < p_.size(); ++k) p_[k] = scratch_[k] / total;
  return true;
}

double TypeBelief::battle_likelihood(double q, int wins, int losses) {
  return std::pow(q, wins) * std::pow(1.0 - q, losses);
}

}  // namespace parley
