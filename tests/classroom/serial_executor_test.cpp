#include "classroom/serial_executor.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace parley {
namespace {

TEST(SerialExecutor, JobsFromManyThreadsRunOneAtATimeOnOneThread) {
  SerialExecutor executor;
  std::set<std::thread::id> threads;
  int inside = 0;
  int most_inside = 0;
  long total = 0;
  std::vector<std::thread> callers;
  for (int c = 0; c < 8; ++c)
    callers.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        executor.run([&] {
          most_inside = std::max(most_inside, ++inside);
          threads.insert(std::this_thread::get_id());
          ++total;
          --inside;
          return 0;
        });
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(total, 1600);
  EXPECT_EQ(most_inside, 1);
  EXPECT_EQ(threads.size(), 1u);
  EXPECT_EQ(threads.count(std::this_thread::get_id()), 0u);
}

TEST(SerialExecutor, ResultsAndExceptionsReachTheCaller) {
  SerialExecutor executor;
  EXPECT_EQ(executor.run([] { return 42; }), 42);
  EXPECT_THROW(executor.run([]() -> int { throw std::invalid_argument("no"); }),
               std::invalid_argument);
  EXPECT_EQ(executor.run([] { return std::string("still serving"); }), "still serving");
}

}  // namespace
}  // namespace parley
