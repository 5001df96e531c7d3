"""`talestream safety ...`: the safety tooling as one command group.

Imported by `talestream.cli` at start-up, so this module only imports typer; the policies are
loaded inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from talestream_tools.safety.settings import (
    DEFAULT_DATA_DIR,
    DEFAULT_TRAIN_DIR,
    FPR_CEILING,
    HOLDOUTS,
    RECALL_FLOOR,
    SEED,
)

safety_app = typer.Typer(no_args_is_help=True)


@safety_app.callback()
def safety() -> None:
    """Child-safety tooling: evaluate the policies, train the shipped classifier."""


DEFAULT_SETS = ["passages.jsonl", "holdout.jsonl", *map(str, HOLDOUTS)]


@safety_app.command("eval")
def evaluate(
    data: Annotated[
        Path, typer.Option(help="Folder with passages.jsonl, inputs.jsonl and holdout.jsonl.")
    ] = DEFAULT_DATA_DIR,
    passages: Annotated[
        list[str] | None,
        typer.Option(
            help="Passage set(s) to measure, in that folder or by path (repeatable). Default: "
            "passages.jsonl (with inputs.jsonl), holdout.jsonl and the holdouts in "
            "datasets/safety/ (holdout-fresh, holdout-2, holdout-3) when they exist."
        ),
    ] = None,
    recall: Annotated[
        float, typer.Option(help="Floor on every unsafe category's recall.")
    ] = RECALL_FLOOR,
    fpr: Annotated[float, typer.Option(help="Ceiling on benign passages blocked.")] = FPR_CEILING,
    no_misses: Annotated[bool, typer.Option("--no-misses", help="Do not list misses.")] = False,
    encoder: Annotated[
        bool,
        typer.Option(
            "--encoder/--no-encoder",
            help="Include the sentence encoder (layer 9) on passages and inputs, as the app does "
            "unless TALESTREAM_SAFETY_ENCODER is off. --no-encoder measures the other layers.",
        ),
    ] = True,
) -> None:
    """Run the safety policies over labelled sets: per-category and per-language recall, the
    false-positive rate on benign passages, and the input policy. Exit 1 below the floors."""
    from talestream.safety import InputPolicy, OutputPolicy
    from talestream.safety.core.encoder import shared_encoder
    from talestream_tools.safety.evaluation import EvalDataError, format_report, run_evaluation

    optional = {str(path): path for path in HOLDOUTS}
    sets = passages or [s for s in DEFAULT_SETS if s not in optional or optional[s].is_file()]
    sentence_encoder = shared_encoder() if encoder else None
    output_policy = OutputPolicy(encoder=sentence_encoder)
    input_policy = InputPolicy(sentence_encoder)
    failed = False
    for name in sets:
        try:
            report = run_evaluation(
                data,
                passages_file=name,
                inputs_file="inputs.jsonl" if name == "passages.jsonl" else None,
                output_policy=output_policy,
                input_policy=input_policy,
            )
        except EvalDataError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        typer.echo(format_report(report, recall=recall, fpr=fpr, show_misses=not no_misses))
        failed = failed or not report.meets_floors(recall=recall, fpr=fpr)
    raise typer.Exit(1 if failed else 0)


@safety_app.command("train")
def train_classifier(
    corpus: Annotated[
        Path, typer.Option(help="Folder of labelled *.jsonl training passages.")
    ] = DEFAULT_TRAIN_DIR,
    output: Annotated[
        Path | None, typer.Option(help="Where to write the model (default: the package's).")
    ] = None,
    with_eval_set: Annotated[
        bool, typer.Option(help="Also learn from tests/data/safety/passages.jsonl.")
    ] = True,
    seed: Annotated[int, typer.Option(help="Seed for the folds and the solver.")] = SEED,
    head_output: Annotated[
        Path | None,
        typer.Option(help="Where to write the sentence encoder's head (default: the package's)."),
    ] = None,
    head: Annotated[
        bool, typer.Option(help="Also train the sentence encoder's head (embeds the corpus).")
    ] = True,
) -> None:
    """Train the semantic classifier and the sentence encoder's head shipped in the package
    (reproducible: same corpus and seed, same files). Prints their sizes and out-of-fold figures
    on the training corpus. The corpus's embeddings are cached in .cache/safety-encoder/."""
    from talestream.safety.core.encoder import HEAD_PATH
    from talestream.safety.core.semantic import MODEL_PATH
    from talestream_tools.safety.training import train, train_encoder_head

    report = train(corpus, output or MODEL_PATH, with_eval_set=with_eval_set, seed=seed)
    typer.echo(
        f"{report.path}: {report.bytes / 1024:.0f} KiB, {report.features} features, "
        f"{report.passages} passages ({report.samples} samples); threshold "
        f"{report.threshold:.3f}; out-of-fold recall {report.out_of_fold_recall:.3f} at "
        f"false-positive rate {report.out_of_fold_fpr:.3f}"
    )
    if not head:
        return
    heads = train_encoder_head(
        corpus, head_output or HEAD_PATH, with_eval_set=with_eval_set, seed=seed
    )
    typer.echo(
        f"{heads.path}: {heads.bytes / 1024:.0f} KiB, {heads.samples} samples "
        f"({heads.embedded} embedded now); threshold {heads.threshold:.5f}; out-of-fold recall "
        f"{heads.out_of_fold_recall:.3f} at false-positive rate {heads.out_of_fold_fpr:.3f}"
    )
