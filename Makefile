# grdp — the two set-up commands (README.md): `make run` and `make test`.
# Both install the BLAS/LAPACK system packages first when they are missing
# (Debian/Ubuntu; sudo is used only when not root).

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: run test deps

deps:
	@if ! pkg-config --exists openblas 2>/dev/null || [ ! -f /usr/include/lapacke.h ]; then \
		echo "installing libopenblas-dev liblapacke-dev pkg-config"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libopenblas-dev liblapacke-dev pkg-config >/dev/null; \
	fi

run: deps
	swift build -c release --product grdp
	.build/release/grdp run

test: deps
	swift test
