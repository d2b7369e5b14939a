# IPS Reflect: `make run` opens the app, `make test` runs every check.
# Both create .venv on first use and refresh it when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint format bench shots model package clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "IPS Reflect needs Python 3.11 or newer; found " + sys.version.split()[0] + ". Install a newer python3 and run make again.")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Setting up $(VENV) (first run takes a minute)..."
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/ips-reflect

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

shots: $(STAMP)
	$(BIN)/python -m benchmarks.screenshots
	$(BIN)/python -m benchmarks.shots_gate
	$(BIN)/python -m benchmarks.flow_screenshots
	$(BIN)/python -m benchmarks.shots_journal --all
	$(BIN)/python -m benchmarks.bio_team_screenshots
	$(BIN)/python -m benchmarks.shots_supervision
	$(BIN)/python -m benchmarks.shots_a11y
	$(BIN)/python -m benchmarks.shots_vault_menu
	$(BIN)/python -m benchmarks.shots_supervisees
	$(BIN)/python -m benchmarks.shots_exchange

# Retrain the warning-sign model (content/sign_model.json) after editing the notes in
# tests/data or the concepts; needs scikit-learn, which the app itself never does.
model: $(STAMP)
	@$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python tools/train_sign_model.py

# The app for people who cannot install Python: a one-folder PyInstaller build in
# dist/ips-reflect/ and a .tar.gz beside it, then the smoke tests against that build
# (not the venv) with an empty environment. Windows (MSI) and macOS (DMG) are built by
# .github/workflows/installers.yml from the same spec; see docs/installing.md.
package: $(STAMP)
	@$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/python packaging/build.py
	$(BIN)/python packaging/smoke.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
