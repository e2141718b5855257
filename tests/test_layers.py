"""The layers of docs/architecture.md hold: import-linter's contracts in pyproject.toml.

core imports no capability; nothing imports reports; the registry imports no capability
that builds on it; calls knows none of its subscribers; no capability imports attraction.
A new import across a layer fails here (and in ``make lint``), not in review.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import importlinter.api  # noqa: F401  (sets import-linter up, as its command does)
import pytest
from importlinter.application import use_cases

ROOT = Path(__file__).resolve().parent.parent
CONFIG = str(ROOT / "pyproject.toml")
CONTRACTS = {"core", "reports", "registry", "calls", "attraction"}


def _report(monkeypatch: pytest.MonkeyPatch, extra: tuple[str, str] | None = None) -> Any:
    """import-linter's report on Corridor's contracts (its graph with ``extra`` added)."""
    monkeypatch.chdir(ROOT)
    build = use_cases._build_graph

    def graph_with_extra(**kwargs: Any) -> Any:
        graph = build(**kwargs)
        if extra is not None:
            graph.add_import(importer=extra[0], imported=extra[1], line_number=1,
                             line_contents=f"import {extra[1]}")  # fmt: skip
        return graph

    monkeypatch.setattr(use_cases, "_build_graph", graph_with_extra)
    options = use_cases.read_user_options(config_filename=CONFIG)
    use_cases._register_contract_types(options)
    return use_cases.create_report(options, cache_dir=None)


def _broken(report: Any) -> set[str]:
    return {
        contract.name for contract, check in report.get_contracts_and_checks() if not check.kept
    }


def test_every_contract_is_declared() -> None:
    options = use_cases.read_user_options(config_filename=CONFIG)
    assert {c["id"] for c in options.contracts_options} == CONTRACTS


def test_the_layers_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(monkeypatch)
    assert report.could_not_run is False
    assert not report.contains_failures, f"broken contracts: {_broken(report)}"


@pytest.mark.parametrize(
    ("importer", "imported", "contract"),
    [
        ("corridor.core.policy", "corridor.calls.models", "core imports no capability"),
        ("corridor.supplychain.gaps", "corridor.reports.dashboards", "nothing imports reports"),
        ("corridor.registry.importing", "corridor.supplychain.signals", "the registry imports"),
        ("corridor.calls.recording", "corridor.supplychain.needs", "calls knows none"),
        ("corridor.intel.models", "corridor.attraction.models", "no capability imports"),
    ],
)
def test_an_import_across_a_layer_breaks_its_contract(
    monkeypatch: pytest.MonkeyPatch, importer: str, imported: str, contract: str
) -> None:
    broken = _broken(_report(monkeypatch, (importer, imported)))
    # (an import may break more than one: supplychain -> reports also reaches attraction,
    # which reports reads)
    assert any(name.startswith(contract) for name in broken), broken


def test_lint_imports_runs_from_the_command_line() -> None:
    """What ``make lint`` runs."""
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--no-cache", "--config", CONFIG], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in done.stdout
