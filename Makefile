# grdp — the two set-up commands (README.md): `make run` and `make test`.
# Both install the BLAS/LAPACK, SQLite, zlib and OpenSSL (libcrypto) system packages first when they are missing
# (Debian/Ubuntu; sudo is used only when not root); `make test` also installs the
# toml-test conformance files (Debian's golang-github-burntsushi-toml-dev ships them),
# which Tests/TOMLTests reads. `make test` ends with the Slurm test (scripts/slurm/ci-test.sh:
# a private single-node cluster from Debian's slurm packages, installed when missing).

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

TOML_TEST_DIR := /usr/share/gocode/src/github.com/BurntSushi/toml/internal/toml-test/tests

.PHONY: run test deps toml-test-files

deps:
	@if ! pkg-config --exists openblas 2>/dev/null || [ ! -f /usr/include/lapacke.h ]; then \
		echo "installing libopenblas-dev liblapacke-dev pkg-config"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libopenblas-dev liblapacke-dev pkg-config >/dev/null; \
	fi
	@if [ ! -f /usr/include/sqlite3.h ] || [ ! -f /usr/include/zlib.h ]; then \
		echo "installing libsqlite3-dev zlib1g-dev (forecast store, gzip kept draws)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libsqlite3-dev zlib1g-dev >/dev/null; \
	fi
	@if [ ! -f /usr/include/openssl/evp.h ]; then \
		echo "installing libssl-dev (libcrypto's SHA-256 for input fingerprints)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libssl-dev >/dev/null; \
	fi

run: deps
	swift build -c release --product grdp
	.build/release/grdp run

toml-test-files:
	@if [ ! -d $(TOML_TEST_DIR) ]; then \
		echo "installing golang-github-burntsushi-toml-dev (toml-test files)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq golang-github-burntsushi-toml-dev >/dev/null; \
	fi

test: deps toml-test-files
	swift test
	bash scripts/slurm/ci-test.sh
