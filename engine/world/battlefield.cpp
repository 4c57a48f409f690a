#include "engine/world/battlefield.hpp"

#include <algorithm>
#include <cmath>

namespace parley {

double gamblers_ruin_win_probability(int k, int n, double q) {
  if (k <= 0) return 0.0;
  if (k >= n) return 1.0;
  if (q == 0.5) return static_cast<double>(k) / n;
  const double rho = (1.0 - q) / q;
  return (1.0 - std::pow(rho, k)) / (1.0 - std::pow(rho, n));
}

double gamblers_ruin_expected_battles(int k, int n, double q) {
  if (k <= 0 || k >= n) return 0.0;
  if (q == 0.5) return static_cast<double>(k) * (n - k);
  const double h = gamblers_ruin_win_probability(k, n, q);
  return k / (1.0 - 2.0 * q) - (n / (1.0 - 2.0 * q)) * h;
}

void battlefield_kernel(const BattlefieldState& field, std::vector<double>& kernel) {
  const int n = field.states;
  const int m = field.battles_per_round;
  const int width = 2 * m + 1;
  kernel.assign(static_cast<std::size_t>((n + 1) * width), 0.0);
  const double up = field.decisive_probability * field.win_probability;
  const double down = field.decisive_probability * (1.0 - field.win_probability);
  const double stay = 1.0 - field.decisive_probability;
  // Distribution of the offset j after each battle, for one start state; absorbing states keep
  // their mass. Two buffers of width 2m + 1 per start state: O(N m^2) in all.
  std::vector<double> dist(width), next(width);
  for (int k = 0; k <= n; ++k) {
    std::fill(dist.begin(), dist.end(), 0.0);
    dist[m] = 1.0;
    if (k > 0 && k < n) {
      for (int b = 0; b < m; ++b) {
        std::fill(next.begin(), next.end(), 0.0);
        for (int j = -b; j <= b; ++j) {
          const double p = dist[j + m];
          if (p == 0.0) continue;
          const int s = k + j;
          if (s == 0 || s == n) {
            next[j + m] += p;
            continue;
          }
          next[j + m + 1] += p * up;
          next[j + m - 1] += p * down;
          next[j + m] += p * stay;
        }
        dist.swap(next);
      }
    }
    std::copy(dist.begin(), dist.end(), kernel.begin() + static_cast<std::ptrdiff_t>(k * width));
  }
}

void solve_battlefield(const BattlefieldState& field, double delta, std::vector<double>& up,
                       std::vector<double>& down, std::vector<double>& duration,
                       std::vector<double>& scratch) {
  const int n = field.states;
  const int m = field.battles_per_round;
  const int width = 2 * m + 1;
  up.assign(static_cast<std::size_t>(n + 1), 0.0);
  down.assign(static_cast<std::size_t>(n + 1), 0.0);
  duration.assign(static_cast<std::size_t>(n + 1), 0.0);
  up[n] = 1.0;
  down[0] = 1.0;
  const int t = n - 1;  // transient states 1..n-1, row i is state i + 1
  if (t <= 0) return;

  // scratch = [kernel (n+1)*width | band t*width | three right-hand sides t each]
  const std::size_t kernel_size = static_cast<std::size_t>((n + 1) * width);
  std::vector<double> kernel;
  kernel.swap(scratch);
  battlefield_kernel(field, kernel);
  kernel.resize(kernel_size + static_cast<std::size_t>(t * width + 3 * t));
  double* band = kernel.data() + kernel_size;
  double* rhs_up = band + t * width;
  double* rhs_down = rhs_up + t;
  double* rhs_dur = rhs_down + t;

  // M = I - delta * Q over the transient states; b = P(., N), P(., 0), 1.
  for (int i = 0; i < t; ++i) {
    const int k = i + 1;
    const double* row = kernel.data() + k * width;
    for (int j = -m; j <= m; ++j) {
      const int s = k + j;
      double value = 0.0;
      if (s > 0 && s < n) value = -delta * row[j + m];
      if (j == 0) value += 1.0;
      band[i * width + j + m] = value;
    }
    rhs_up[i] = k + m >= n ? row[n - k + m] : 0.0;
    rhs_down[i] = k - m <= 0 ? row[-k + m] : 0.0;
    rhs_dur[i] = 1.0;
  }
  // Forward elimination; without pivoting the band keeps its width.
  for (int i = 0; i < t; ++i) {
    const double pivot = band[i * width + m];
    for (int r = i + 1; r <= std::min(i + m, t - 1); ++r) {
      double& below = band[r * width + (i - r) + m];
      if (below == 0.0) continue;
      const double factor = below / pivot;
      for (int c = i; c <= std::min(i + m, t - 1); ++c)
        band[r * width + (c - r) + m] -= factor * band[i * width + (c - i) + m];
      rhs_up[r] -= factor * rhs_up[i];
      rhs_down[r] -= factor * rhs_down[i];
      rhs_dur[r] -= factor * rhs_dur[i];
    }
  }
  // Back substitution.
  for (int i = t - 1; i >= 0; --i) {
    double a = rhs_up[i], b = rhs_down[i], c = rhs_dur[i];
    for (int col = i + 1; col <= std::min(i + m, t - 1); ++col) {
      const double v = band[i * width + (col - i) + m];
      a -= v * up[col + 1];
      b -= v * down[col + 1];
      c -= v * duration[col + 1];
    }
    const double pivot = band[i * width + m];
    up[i + 1] = a / pivot;
    down[i + 1] = b / pivot;
    duration[i + 1] = c / pivot;
  }
  kernel.swap(scratch);
}

void solve_battlefield(const BattlefieldState& field, double delta, BattlefieldSolution& out,
                       std::vector<double>& scratch) {
  solve_battlefield(field, delta, out.up, out.down, out.duration, scratch);
}

void fight_round(BattlefieldState& field, int round, RandomStream& rng) {
  const double up = field.decisive_probability * field.win_probability;
  const double decisive = field.decisive_probability;
  field.last_up = 0;
  field.last_down = 0;
  field.last_round = round;
  ++field.rounds_fought;
  for (int b = 0; b < field.battles_per_round; ++b) {
    const double u = rng.uniform();
    if (u < up) {
      ++field.position;
      ++field.last_up;
    } else if (u < decisive) {
      --field.position;
      ++field.last_down;
    }
    if (field.position <= 0 || field.position >= field.states) {
      field.position = std::clamp(field.position, 0, field.states);
      field.fighting = false;
      field.victor = field.position == field.states ? field.up_party : field.down_party;
      field.end_round = round;
      return;
    }
  }
}

}  // namespace parley
