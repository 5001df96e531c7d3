"""`talestream quality-eval`'s engine with the scripted model as the control: the English
built-in chapter passes, the same English chapter for a Spanish reader ends in LOW_QUALITY."""

from __future__ import annotations

from pathlib import Path

from talestream.config import load_settings
from talestream_tools.quality.evaluation import describe, format_report, run_evaluation


async def test_the_scripted_control(tmp_path: Path) -> None:
    settings = load_settings(
        llm_provider="scripted", data_dir=tmp_path, secret_key="quality-eval-secret-" * 3
    )
    seen: list[str] = []
    report = await run_evaluation(
        settings,
        per_band=1,
        languages=["en", "es"],
        bands=["6-8"],
        progress=lambda run: seen.append(describe(run)),
    )
    english, spanish = report.runs
    assert english.saved and english.first_passed and english.text.startswith("Once upon")
    assert not spanish.saved and spanish.error == "LOW_QUALITY"
    assert all(v.failed_checks == {"language"} for v in spanish.attempts)
    assert seen == [describe(english), describe(spanish)]
    text = format_report(report, samples=1)
    assert "first attempt passed :  50.0%" in text and "saved (final)        :  50.0%" in text
    assert "  language    25.0%" in text  # 1 English attempt passed, 3 Spanish ones did not
    assert "--- sample: en 6-8" in text and "--- not saved (LOW_QUALITY): es 6-8" in text
