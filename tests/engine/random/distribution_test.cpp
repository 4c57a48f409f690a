// Distributions of uncertain parameters (docs/sweep.md): the short form parses and prints back,
// nonsense parameters are refused with the field at fault, quantiles invert the CDF, and
// draws have the distribution's moments (computed here from the closed forms).
#include "engine/random/distribution.hpp"
#include "engine/random/distribution_sampler.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace parley {
namespace {

Distribution parsed(const std::string& text) {
  std::string error;
  const auto d = parse_distribution(text, error);
  EXPECT_TRUE(d.has_value()) << text << ": " << error;
  return d.value_or(Distribution{});
}

std::string parse_error(const std::string& text) {
  std::string error;
  const auto d = parse_distribution(text, error);
  EXPECT_FALSE(d.has_value()) << text;
  return error;
}

TEST(Distribution, ShortFormParsesPositionalAndNamedArguments) {
  const Distribution u = parsed("uniform(0.9, 0.99)");
  EXPECT_EQ(u.kind, DistributionKind::Uniform);
  EXPECT_EQ(u.min, 0.9);
  EXPECT_EQ(u.max, 0.99);
  const Distribution t = parsed("truncated_normal(0.5, sd=0.1, max=0.9, min=0.1)");
  EXPECT_EQ(t.kind, DistributionKind::TruncatedNormal);
  EXPECT_EQ(t.mean, 0.5);
  EXPECT_EQ(t.sd, 0.1);
  EXPECT_EQ(t.min, 0.1);
  EXPECT_EQ(t.max, 0.9);
  const Distribution b = parsed("beta(2,5)");
  EXPECT_EQ(b.min, 0.0);
  EXPECT_EQ(b.max, 1.0);
  const Distribution f = parsed(" 0.95 ");
  EXPECT_EQ(f.kind, DistributionKind::Fixed);
  EXPECT_EQ(f.value, 0.95);
  const Distribution d = parsed("discrete(3:1, 1:2, 2:1)");
  EXPECT_EQ(d.values, (std::vector<double>{1, 2, 3}));  // sorted, weights follow their values
  EXPECT_EQ(d.weights, (std::vector<double>{2, 1, 1}));
  const Distribution e = parsed("discrete(40, 52, 60)");
  EXPECT_EQ(e.weights, (std::vector<double>{1, 1, 1}));
}

TEST(Distribution, DescribeRoundTripsThroughTheParser) {
  for (const char* text :
       {"fixed(0.95)", "uniform(0.9, 0.99)", "normal(0.5, 0.1)", "truncated_normal(0.5, 0.1, 0, 1)",
        "lognormal(-7, 0.5)", "beta(2, 5, 0, 0.1)", "triangular(0.4, 0.5, 0.7)",
        "discrete(1, 2, 3)", "discrete(0.9:1, 0.95:3)"}) {
    EXPECT_EQ(describe(parsed(text)), text);
  }
}

TEST(Distribution, ShortFormErrorsSayWhatWasExpected) {
  EXPECT_NE(parse_error("gauss(0,1)").find("a distribution"), std::string::npos);
  EXPECT_NE(parse_error("uniform(0.9)").find("needs max"), std::string::npos);
  EXPECT_NE(parse_error("uniform(0.9, 1, 2)").find("takes 2 numbers"), std::string::npos);
  EXPECT_NE(parse_error("uniform(lo=0.9, max=1)").find("takes min, max"), std::string::npos);
  EXPECT_NE(parse_error("uniform(0.9, x)").find("a number"), std::string::npos);
  EXPECT_NE(parse_error("uniform(0.9, 0.99").find("')'"), std::string::npos);
  EXPECT_NE(parse_error("discrete(1:1, 2)").find("a weight for every value"), std::string::npos);
  EXPECT_NE(parse_error("uniform(min=0.9, 0.99)").find("named"), std::string::npos);
}

TEST(Distribution, CheckNamesTheFieldAtFault) {
  auto field = [](const std::string& text) {
    const auto problem = check(parsed(text));
    return problem ? problem->field : std::string("ok");
  };
  EXPECT_EQ(field("uniform(0.99, 0.9)"), "max");
  EXPECT_EQ(field("normal(0.5, 0)"), "sd");
  EXPECT_EQ(field("truncated_normal(0, 1, 40, 41)"), "max");  // no mass left
  EXPECT_EQ(field("lognormal(0, -1)"), "sigma");
  EXPECT_EQ(field("beta(0, 1)"), "alpha");
  EXPECT_EQ(field("triangular(0, 2, 1)"), "mode");
  EXPECT_EQ(field("discrete(1:1, 2:0)"), "weights/1");
  EXPECT_EQ(field("discrete(1, 1)"), "values");
  EXPECT_EQ(field("triangular(0, 0, 1)"), "ok");
  EXPECT_EQ(field("truncated_normal(0, 1, 5, 9)"), "ok");  // far tail, still some mass
}

TEST(Distribution, SupportIsCheckedAgainstLegalRanges) {
  const ValueRange discount{0.0, 1.0, true, false};  // (0, 1]
  EXPECT_TRUE(discount.encloses(support(parsed("uniform(0.9, 1)"))));
  EXPECT_FALSE(discount.encloses(support(parsed("uniform(0, 1)"))));  // 0 is not a discount
  EXPECT_FALSE(discount.encloses(support(parsed("normal(0.95, 0.01)"))));
  EXPECT_TRUE(discount.encloses(support(parsed("truncated_normal(0.95, 0.1, 0.5, 1)"))));
  // Beta's density vanishes at an end whose shape parameter exceeds 1: that end is open.
  const ValueRange probability{0.0, 1.0, false, true};  // [0, 1)
  EXPECT_TRUE(probability.encloses(support(parsed("beta(2, 30)"))));
  EXPECT_FALSE(probability.encloses(support(parsed("beta(2, 0.5)"))));
  const ValueRange weight{0.0, INFINITY, true, true};  // (0, inf)
  EXPECT_TRUE(weight.encloses(support(parsed("lognormal(-2, 0.5)"))));
  EXPECT_EQ(discount.describe(), "(0, 1]");
}

TEST(Distribution, QuantilesInvertTheClosedFormCdfs) {
  const boost::math::normal_distribution<> z;
  const Distribution n = parsed("normal(2, 3)");
  const Distribution tri = parsed("triangular(1, 2, 5)");
  const Distribution tn = parsed("truncated_normal(0, 1, 1, 3)");
  for (double u : {0.001, 0.1, 0.25, 0.5, 0.9, 0.999}) {
    EXPECT_NEAR(boost::math::cdf(z, (quantile(n, u) - 2) / 3), u, 1e-12);
    // Triangular CDF: (x-a)^2/((c-a)(b-a)) left of the mode, 1-(c-x)^2/((c-a)(c-b)) right.
    const double x = quantile(tri, u);
    const double F = x <= 2 ? (x - 1) * (x - 1) / (4.0 * 1.0) : 1 - (5 - x) * (5 - x) / (4.0 * 3.0);
    EXPECT_NEAR(F, u, 1e-12);
    const double y = quantile(tn, u);
    const double G = (boost::math::cdf(z, y) - boost::math::cdf(z, 1.0)) /
                     (boost::math::cdf(z, 3.0) - boost::math::cdf(z, 1.0));
    EXPECT_NEAR(G, u, 1e-9);
  }
  for (const char* text : {"uniform(1, 3)", "normal(2, 3)", "truncated_normal(0, 1, 1, 3)",
                           "truncated_normal(0, 1, -3, 1)", "lognormal(-1, 0.5)",
                           "beta(2, 5, 0, 0.1)", "triangular(1, 2, 5)"}) {
    const Distribution any = parsed(text);
    for (double u : {0.01, 0.3, 0.5, 0.77, 0.99})
      EXPECT_NEAR(cdf(any, quantile(any, u)), u, 1e-9) << text;
  }
  const Distribution d = parsed("discrete(10:1, 20:3)");
  EXPECT_EQ(cdf(d, 10), 0.125);  // the middle of its step, 0 to 0.25
  EXPECT_EQ(cdf(d, 20), 0.625);
  EXPECT_EQ(quantile(d, 0.2), 10);
  EXPECT_EQ(quantile(d, 0.3), 20);
}

struct Moments {
  double mean = 0, var = 0, lo = INFINITY, hi = -INFINITY;
};

Moments sample(const Distribution& d, int n) {
  const Sampler sampler(d);
  RandomStream stream(42, 7, 3);
  double sum = 0, sum2 = 0;
  Moments m;
  for (int i = 0; i < n; ++i) {
    const double x = sampler.draw(stream);
    sum += x;
    sum2 += x * x;
    m.lo = std::min(m.lo, x);
    m.hi = std::max(m.hi, x);
  }
  m.mean = sum / n;
  m.var = sum2 / n - m.mean * m.mean;
  return m;
}

// Draws match the closed-form mean within 5 standard errors and stay inside the support.
void expect_moments(const std::string& text, double mean, double var) {
  const int n = 200000;
  const Distribution d = parsed(text);
  const Moments m = sample(d, n);
  EXPECT_NEAR(m.mean, mean, 5 * std::sqrt(var / n)) << text;
  EXPECT_NEAR(m.var, var, 0.02 * var) << text;
  EXPECT_TRUE(support(d).contains(m.lo) && support(d).contains(m.hi)) << text;
}

TEST(Distribution, DrawsHaveTheClosedFormMoments) {
  expect_moments("uniform(0.9, 0.99)", 0.945, 0.09 * 0.09 / 12);
  expect_moments("normal(2, 3)", 2, 9);
  expect_moments("lognormal(-1, 0.5)", std::exp(-1 + 0.125),
                 (std::exp(0.25) - 1) * std::exp(-2 + 0.25));
  // Beta(2, 5) scaled to [0, 0.1]: mean a/(a+b), variance ab/((a+b)^2(a+b+1)), times scale.
  expect_moments("beta(2, 5, 0, 0.1)", 0.1 * 2.0 / 7, 0.01 * 10.0 / (49.0 * 8));
  // Triangular(a, c, b): mean (a+b+c)/3, variance (a²+b²+c²-ab-ac-bc)/18.
  expect_moments("triangular(1, 2, 5)", 8.0 / 3, (1 + 4 + 25 - 2 - 5 - 10) / 18.0);
  expect_moments("discrete(10:1, 20:3)", 17.5, 0.25 * 0.75 * 100);
  // Truncated standard normal on [a, b]: mean (phi(a)-phi(b))/Z, variance
  // 1 + (a phi(a) - b phi(b))/Z - mean².
  const boost::math::normal_distribution<> z;
  const double a = -0.5, b = 2.0;
  const double Z = boost::math::cdf(z, b) - boost::math::cdf(z, a);
  const double pa = boost::math::pdf(z, a), pb = boost::math::pdf(z, b);
  const double mean = (pa - pb) / Z;
  expect_moments("truncated_normal(0, 1, -0.5, 2)", mean, 1 + (a * pa - b * pb) / Z - mean * mean);
}

TEST(Distribution, DrawsAreReproducible) {
  const Sampler sampler(parsed("beta(2, 5)"));
  RandomStream a(1, 2, 3), b(1, 2, 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(sampler.draw(a), sampler.draw(b));
}

}  // namespace
}  // namespace parley
