#pragma once
#include <vector>

namespace parley::forecast {

// The simple predictions a forecast is judged against (Bueno de Mesquita 1994 reports them
// beside the model's): the plain mean of the positions, and the mean and the median weighted
// by capability x salience.
double mean_position(const std::vector<double>& positions);
double weighted_mean_position(const std::vector<double>& positions,
                              const std::vector<double>& weights);
// The lowest position at which the weight of the actors at or below it reaches half the total;
// when it is exactly half there, the midpoint between that position and the next one up.
double weighted_median_position(const std::vector<double>& positions,
                                const std::vector<double>& weights);

}  // namespace parley::forecast
