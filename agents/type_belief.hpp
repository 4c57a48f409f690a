#pragma once
#include <vector>

namespace parley {

// A belief over another party's types: a probability per type, updated by Bayes' rule
// (Bayes' rule over types, as in Filson & Werner 2002). Allocation-free after construction.
class TypeBelief {
 public:
  TypeBelief() = default;
  explicit TypeBelief(std::vector<double> prior);

  const std::vector<double>& probabilities() const { return p_; }
  double operator[](std::size_t type) const { return p_[type]; }
  std::size_t size() const { return p_.size(); }

  // Posterior ∝ prior · likelihood (one likelihood per type). When every type has likelihood 0
  // the evidence contradicts the whole model; the belief is left as it was and false returned.
  bool update(const std::vector<double>& likelihood);

  // The likelihood of one round's decisive battles, `wins` won and `losses` lost by the side
  // whose chance of winning a decisive battle is `q`: q^wins (1 - q)^losses. (Indecisive
  // battles and the order of the outcomes cancel in Bayes' rule when they do not depend on the
  // type.)
  static double battle_likelihood(double q, int wins, int losses);

 private:
  std::vector<double> p_;
  std::vector<double> scratch_;
};

}  // namespace parley
