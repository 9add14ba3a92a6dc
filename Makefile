# Cifra — `make run` runs the main job, `make test` runs every test.
# Both install the system libraries first when they are missing (Debian 12: apt-get).

APT_PACKAGES := libopenblas-dev liblapacke-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CIFRA := .build/release/cifra

.PHONY: deps build run test bench clean

deps:
	@dpkg -s $(APT_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update && $(SUDO) apt-get install -y $(APT_PACKAGES); }

build: deps
	swift build -c release --product cifra

run: build
	$(CIFRA) refresh datasets/refresh.toml

test: deps
	swift build --build-tests
	swift test --skip-build

bench: deps
	cd Benchmarks && swift package benchmark

clean:
	rm -rf .build out
