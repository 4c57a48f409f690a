#pragma once
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <type_traits>

namespace parley {

// Runs jobs one at a time, in the order given, on a thread of its own, for callers on many
// threads (the HTTP server's). The classroom's tables are stepped on this one thread only: a
// SteppedNegotiation's run lives on its own stack, switched to from the thread that steps it,
// and keeping that one thread keeps every table's state single-threaded without locks.
class SerialExecutor {
 public:
  SerialExecutor();
  ~SerialExecutor();  // finishes the jobs already queued, then stops
  SerialExecutor(const SerialExecutor&) = delete;
  SerialExecutor& operator=(const SerialExecutor&) = delete;

  // Runs `job` on the executor's thread and returns its result (or rethrows its exception).
  template <class F>
  auto run(F&& job) -> std::invoke_result_t<F> {
    using R = std::invoke_result_t<F>;
    std::packaged_task<R()> task(std::forward<F>(job));
    std::future<R> result = task.get_future();
    post([&task] { task(); });
    return result.get();
  }

 private:
  void post(std::function<void()> job);
  void loop();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace parley
