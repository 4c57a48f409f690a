# Thin wrapper around CMake so the quick start is two commands: `make run` and `make test`.
JOBS ?= $(shell nproc)
BUILD ?= build
SCENARIO ?= scenarios/istanbul-2025-06.json

.PHONY: deps build run test test-release test-all bench format clean asan-build tsan-build \
	test-asan test-tsan fuzz

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=$(if $(CI),ON,OFF) > /dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/parley run $(SCENARIO) --seed 1

# What CI runs (.ci/run): the suite in the Release build.
test: test-release

test-release: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The Release suite; the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer
# with a short run of every fuzz target; the tests that start threads under ThreadSanitizer.
# Not yet what CI runs: the sanitizer suites have not yet been run to the end, nor timed against
# CI's 60 minutes on 2 cores. Each part runs alone (README, "Development").
test-all: test-release test-asan test-tsan

bench: build
	./$(BUILD)/bench/parley_bench

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

# Sanitizer builds (README, "Sanitizers and fuzzing"), each in its own folder, with clang at -O1:
# only the test binary, the parley executable it runs and the fuzz targets.
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
SANITIZER_CXX ?= clang++
FUZZ_SECONDS ?= 300
SANITIZER_CONFIG = -DCMAKE_CXX_COMPILER=$(SANITIZER_CXX) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	"-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DPARLEY_BUILD_PYTHON=OFF \
	-DPARLEY_BUILD_BENCH=OFF -DPARLEY_UNITY_BUILD=ON
export ASAN_OPTIONS ?= detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS ?= halt_on_error=1:second_deadlock_stack=1
# The ThreadSanitizer build holds only the tests that start threads (tests/CMakeLists.txt).

asan-build: deps
	cmake -S . -B $(ASAN_BUILD) $(SANITIZER_CONFIG) -DPARLEY_SANITIZE=address,undefined \
		-DPARLEY_BUILD_FUZZ=ON > /dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)

tsan-build: deps
	cmake -S . -B $(TSAN_BUILD) $(SANITIZER_CONFIG) -DPARLEY_SANITIZE=thread > /dev/null
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target parley parley_tests

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, with each fuzz target's
# corpus and crashes replayed and a short fuzzing run (fuzz.*).
test-asan: asan-build
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -E ReportBrowser

test-tsan: tsan-build
	cd $(TSAN_BUILD) && ctest --output-on-failure -j $(JOBS) -E ReportBrowser

# Every fuzz target for FUZZ_SECONDS, in parallel; inputs that reach new code are merged into
# fuzz/corpus/ (commit them), findings are left in $(ASAN_BUILD)/fuzz/work/TARGET/findings/.
fuzz: asan-build
	@status=0; for t in $$(ls $(ASAN_BUILD)/fuzz/ | sed -n 's/^fuzz_//p'); do \
	  fuzz/run_fuzzer.sh fuzz $(ASAN_BUILD)/fuzz/fuzz_$$t . $(ASAN_BUILD)/fuzz/work/$$t \
	    $(FUZZ_SECONDS) > $(ASAN_BUILD)/fuzz/work-$$t.log 2>&1 & \
	done; for job in $$(jobs -p); do wait $$job || status=1; done; \
	for t in $$(ls $(ASAN_BUILD)/fuzz/ | sed -n 's/^fuzz_//p'); do \
	  echo "fuzz_$$t: $$(grep -E 'stat::number_of_executed_units|cov:' $(ASAN_BUILD)/fuzz/work-$$t.log | tail -2 | tr '\n' ' ')"; \
	  fuzz/run_fuzzer.sh merge $(ASAN_BUILD)/fuzz/fuzz_$$t . $(ASAN_BUILD)/fuzz/work/$$t > /dev/null 2>&1 || status=1; \
	done; exit $$status
