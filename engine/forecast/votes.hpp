#pragma once
#include <Eigen/Dense>
#include <vector>

#include "engine/forecast/model_parameters.hpp"

namespace parley::forecast {

// The votes of Bueno de Mesquita's model on one dimension. Actor k, with weight w_k =
// capability x salience, casts on the contest of position x_i against x_j the vote
//   v_k(i, j) = w_k (|x_k - x_j| - |x_k - x_i|) / width,
// positive for i. The probability that i prevails over j is the share of the votes cast on the
// pair that favour i (Scholz, Calbert & Smith 2011, sec. 4).
double vote(double weight, double voter_position, double xi, double xj, double width);

// The same quantities in O(n log n) set-up and O(log n) per pair: positions sorted once, with
// prefix sums of w and w x, so a round over n actors costs O(n^2 log n) rather than the O(n^3)
// of summing every voter for every pair.
class VoteTally {
 public:
  VoteTally(const std::vector<double>& positions, const std::vector<double>& weights, double width);

  // Sums of the votes for and against a over b (both >= 0) from all actors.
  struct Split {
    double for_a = 0;
    double for_b = 0;
  };
  Split split(double a, double b) const;
  // The sum over every voter of v_k(a, b) (for minus against), i.e. how many more votes a gets.
  double net(double a, double b) const;
  // Total weighted distance of the voters from y: sum_k w_k |x_k - y|.
  double distance_sum(double y) const;

 private:
  // Prefix sums over the voters at positions strictly below y: (weight, weight x position).
  void below(double y, double& w, double& wx) const;
  void below_or_at(double y, double& w, double& wx) const;

  std::vector<double> sorted_;
  std::vector<double> prefix_w_;   // prefix_w_[m] = sum of the m lowest voters' weights
  std::vector<double> prefix_wx_;  // the same for weight x position
  double width_;
};

// The median voter position: the actor position that wins most votes against all others,
// argmax_j sum_i sum_k v_k(j, i) (Scholz et al., sec. 3.2). With these linear votes it is the
// position that minimises the weighted distance to all voters, i.e. a weighted median of the
// positions. Ties go to the lower position, so the result does not depend on actor order.
double median_voter_position(const std::vector<double>& positions,
                             const std::vector<double>& weights, double width);
// The same when voters judge from ideal points that differ from the positions on offer
// (docs/forecast.md, "Ideal points"): the candidate position nearest, in weighted distance, to
// the voters' ideals.
double median_voter_position(const std::vector<double>& candidates,
                             const std::vector<double>& voters, const std::vector<double>& weights,
                             double width);

// P(i, j): the probability actor i's position prevails over actor j's, for every pair. With
// equal positions there is no contest; P is 0.5 there. Rule: see WinProbability.
Eigen::MatrixXd win_probabilities(const std::vector<double>& positions,
                                  const std::vector<double>& weights, double width,
                                  WinProbability rule);
// The same with voters at their ideal points rather than at the positions contested.
Eigen::MatrixXd win_probabilities(const std::vector<double>& candidates,
                                  const std::vector<double>& voters,
                                  const std::vector<double>& weights, double width,
                                  WinProbability rule);

}  // namespace parley::forecast
