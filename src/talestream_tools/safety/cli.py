"""`talestream safety ...`: the safety tooling as one command group.

Imported by `talestream.cli` at start-up, so this module only imports typer; the policies are
loaded inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from talestream_tools.safety.evaluation import DEFAULT_DATA_DIR, FPR_CEILING, RECALL_FLOOR

safety_app = typer.Typer(no_args_is_help=True)


@safety_app.callback()
def safety() -> None:
    """Child-safety tooling: evaluate the policies, train the shipped classifier."""


@safety_app.command("eval")
def evaluate(
    data: Annotated[
        Path, typer.Option(help="Folder with passages.jsonl and inputs.jsonl.")
    ] = DEFAULT_DATA_DIR,
    passages: Annotated[
        str, typer.Option(help="Passages file in that folder; holdout.jsonl is a held-out set.")
    ] = "passages.jsonl",
    recall: Annotated[
        float, typer.Option(help="Floor on every unsafe category's recall.")
    ] = RECALL_FLOOR,
    fpr: Annotated[float, typer.Option(help="Ceiling on benign passages blocked.")] = FPR_CEILING,
    no_misses: Annotated[bool, typer.Option("--no-misses", help="Do not list misses.")] = False,
) -> None:
    """Run the safety policies over a labelled set: per-category and per-language recall, the
    false-positive rate on benign passages, and the input policy. Exit 1 below the floors."""
    from talestream_tools.safety.evaluation import EvalDataError, format_report, run_evaluation

    try:
        report = run_evaluation(
            data,
            passages_file=passages,
            inputs_file="inputs.jsonl" if passages == "passages.jsonl" else None,
        )
    except EvalDataError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(format_report(report, recall=recall, fpr=fpr, show_misses=not no_misses), nl=False)
    raise typer.Exit(0 if report.meets_floors(recall=recall, fpr=fpr) else 1)
