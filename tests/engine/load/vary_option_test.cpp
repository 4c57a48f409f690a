#include "engine/load/vary_option.hpp"

#include <gtest/gtest.h>

#include <string>

#include "engine/input_error.hpp"

namespace parley {
namespace {

TEST(VaryOption, ReadsPointerAndDistribution) {
  const UncertainParameter p = parse_vary("/parties/0/preferences/discount=uniform(0.9, 0.99)");
  EXPECT_EQ(p.pointer, "/parties/0/preferences/discount");
  EXPECT_EQ(p.declared.file, "--vary");
  EXPECT_EQ(p.distribution.kind, DistributionKind::Uniform);
  EXPECT_DOUBLE_EQ(p.distribution.min, 0.9);
  EXPECT_DOUBLE_EQ(p.distribution.max, 0.99);
  // Only the first '=' separates: named arguments keep theirs.
  const UncertainParameter n = parse_vary("/protocol/breakdown_probability=beta(alpha=2, beta=30)");
  EXPECT_EQ(n.pointer, "/protocol/breakdown_probability");
  EXPECT_EQ(n.distribution.kind, DistributionKind::Beta);
  EXPECT_DOUBLE_EQ(n.distribution.beta, 30.0);
}

TEST(VaryOption, MissingPointerOrDistributionIsAnErrorNamingTheOption) {
  for (const char* bad :
       {"", "uniform(0,1)", "=uniform(0,1)", "/a=", "/a=uniform(0", "/a=nope(1)"}) {
    try {
      parse_vary(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), "--vary") << bad;
      EXPECT_FALSE(e.expected().empty()) << bad;
    }
  }
}

}  // namespace
}  // namespace parley
