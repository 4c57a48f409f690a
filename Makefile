# Thin wrapper around CMake so the quick start is two commands: `make run` and `make test`.
JOBS ?= $(shell nproc)
BUILD ?= build
SCENARIO ?= scenarios/istanbul-2025-06.json

.PHONY: deps build run test bench format clean

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DPARLEY_WERROR=$(if $(CI),ON,OFF) > /dev/null
	cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/parley run $(SCENARIO) --seed 1

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	./$(BUILD)/bench/parley_bench

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
