"""Rich output for a chapter as it streams: stage progress, the text, the ending and its choices.

On a terminal the story text is written as each chunk arrives and flushed at once; it is never
held in a Live region (which would only show it when the region is refreshed or stopped). Waiting
stages show a spinner, and a withdrawn attempt is erased: by moving the cursor up when it is all
on screen, else by clearing the screen and its scrollback and redrawing everything printed before
the attempt (the view keeps a transcript of its output for that). On a pipe nothing can be taken
back, so a chapter's text is held until it has passed the safety check; the stages are plain
lines.
"""

from __future__ import annotations

import re
import sys
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.status import Status
from rich.table import Table
from rich.text import Text

from talestream.errors import DomainError, ErrorCode
from talestream.terminal.events import (
    ChapterSaved,
    ClientEvent,
    Queued,
    Retrying,
    SafetyVerdict,
    StageDone,
    StageStarted,
    StreamFailed,
    TextChunk,
)

MAX_TEXT_WIDTH = 88  # long lines are hard to read, especially for children
_TOKENS = re.compile(r"\n|[^\S\n]+|\S+")
_BUSY = {
    "workflow": "starting",
    "generate_content": "writing",
    "safety_check": "checking it is right for a child",
    "quality_check": "checking it reads well",
    "calculate_metrics": "measuring the reading level",
    "save": "saving",
}
_DONE = {
    "generate_content": "written",
    "quality_check": "quality check passed",
    "calculate_metrics": "reading level measured",
    "save": "saved",
}


class Transcript:
    """A terminal's file that remembers what was written to it, so that the screen can be
    redrawn without a withdrawn attempt even after it scrolled out of reach of the cursor."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        self.text: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.text.append(text)
        self.size += len(text)
        return self.file.write(text)

    def flush(self) -> None:
        self.file.flush()

    def cut(self, size: int) -> str:
        """Forgets everything after the first `size` characters; returns what is kept."""
        kept = "".join(self.text)[:size]
        self.text, self.size = [kept], len(kept)
        return kept

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding: the real file's
        return getattr(self.file, name)


# Home, clear the screen, clear the scrollback.
_CLEAR_ALL = "\x1b[H\x1b[2J\x1b[3J"


class TextWriter:
    """Writes story text chunk by chunk, word-wrapping by hand: rich wraps each print on its own,
    which breaks lines wrongly when a paragraph arrives in pieces. Counts the lines it ends, so a
    discarded attempt can be erased from a terminal."""

    def __init__(self, console: Console, width: int) -> None:
        self.console = console
        self.width = max(20, width)
        self.column = 0
        self.lines = 0
        self._breaks = 0  # newlines seen but not written yet (dropped at the start and end)
        self._space = False

    def write(self, text: str) -> None:
        pieces = [
            self._place(token) for token in _TOKENS.findall(text) if not self._whitespace(token)
        ]
        if pieces:
            chunk = "".join(pieces)
            self.lines += chunk.count("\n")
            self.console.out(chunk, end="", highlight=False)
            # Rich flushes after each write as well; flushing here is the guarantee the reader
            # (and the incremental-output test) relies on, even when stdout is a pipe.
            self.console.file.flush()

    def _whitespace(self, token: str) -> bool:
        if token == "\n":
            self._breaks = min(self._breaks + 1, 2)  # at most one blank line between paragraphs
            self._space = False
            return True
        if token.isspace():
            self._space = self.column > 0
            return True
        return False

    def _place(self, word: str) -> str:
        width = cell_len(word)
        prefix = ""
        if self.column and self._breaks:
            prefix, self.column = "\n" * self._breaks, 0
        elif self.column and self._space:
            if self.column + 1 + width > self.width:
                prefix, self.column = "\n", 0
            else:
                prefix, self.column = " ", self.column + 1
        self._breaks, self._space = 0, False
        self.column += width
        return prefix + word

    def end_line(self) -> None:
        if self.column:
            self.console.out("", highlight=False)
            self.console.file.flush()
            self.lines += 1
        self.column, self._breaks, self._space = 0, 0, False


class StoryView:
    """Shows one story session: call `heading` per chapter, `show` per event, `close` at the end."""

    def __init__(self, out: Console, err: Console) -> None:
        self.out = out
        self.err = err
        self.animated = out.is_terminal  # spinners and erasing need a real terminal
        self._transcript: Transcript | None = None
        if self.animated:
            self._transcript = Transcript(out.file)
            out.file = self._transcript  # type: ignore[assignment]
        self._text_offset = 0  # transcript size where this attempt's text began
        self._pending: list[str] = []  # a pipe's text, held until the chapter has passed
        self._status: Status | None = None
        self._text = TextWriter(out, min(out.width, MAX_TEXT_WIDTH))
        self._lines = 0  # lines printed besides the story text, for erasing
        self._text_from: int | None = None  # line count where this attempt's text began
        self._writing = False
        self._verdict: SafetyVerdict | None = None
        self._last_note: str | None = None

    # -- public ----------------------------------------------------------------------------------

    def heading(self, label: str) -> None:
        self._quiet()
        self._text_from, self._verdict, self._last_note = None, None, None
        self.out.print()
        self.out.rule(Text(label, style="bold"))
        self._lines += 2

    def show(self, event: ClientEvent) -> None:
        if isinstance(event, TextChunk):
            self._write(event.text)
            return
        self._end_text()
        match event:
            case StageStarted(node="generate_content", attempt=attempt) if attempt > 1:
                # The Retrying line just said so; a pipe needs no second line.
                self._busy(f"writing it again (attempt {attempt})", log=False)
            case StageStarted(node=node):
                self._busy(_BUSY.get(node, node), log=node == "generate_content")
            case StageDone(node=node) if node in _DONE:
                self._say(Text(f"✓ {_DONE[node]}", style="green"))
            case Queued(position=position):
                self._busy(f"waiting for the storyteller, {position} ahead", log=True)
            case Retrying(attempt=attempt, reason=reason):
                self._discard(attempt, reason)
            case SafetyVerdict(approved=approved):
                self._verdict = event
                if approved:  # a rejection is told by the retry or the error that follows
                    self._release_pending()
                    self._say(Text("✓ safety check passed", style="green"))
            case ChapterSaved():
                self._summary(event)
            case StreamFailed(code=code, message=message):
                self._pending.clear()  # never shown on a pipe: nothing to take back
                if code in {ErrorCode.UNSAFE_CONTENT, ErrorCode.LOW_QUALITY}:
                    self._erase_text()  # the whole chapter was judged unsuitable
                self.failed(code, message)

    def failed(self, code: str, message: str) -> None:
        self._quiet()
        self.err.print(Text(f"✗ {code}: {message}", style="bold red"), soft_wrap=True)

    def refused(self, error: DomainError) -> None:
        self._quiet()
        code = "" if error.code == ErrorCode.USAGE else f" ({error.code})"
        self.err.print(Text(f"✗ {error.detail}{code}", style="bold red"), soft_wrap=True)

    def stopped(self, message: str) -> None:
        """After Ctrl-C: the terminal echoed ^C where the cursor was, so start a fresh line."""
        fresh_line = self.err.is_terminal and not self._writing
        self._quiet()
        if fresh_line:
            self.err.print()
        self.note(message)

    def note(self, message: str) -> None:
        self._quiet()
        self.err.print(Text(message, style="yellow"), soft_wrap=True)

    def choices(self, question: str, choices: tuple[str, ...]) -> None:
        """A numbered list to pick from: a chapter's choices, or a child or theme to start."""
        self._quiet()
        self.out.print()
        self.out.print(Text(question, style="bold"))
        listing = Table.grid(padding=(0, 1))  # a grid, so long choices wrap with an indent
        listing.add_column(justify="right", style="cyan")
        listing.add_column()
        for number, choice in enumerate(choices, 1):
            listing.add_row(f"{number}.", Text(choice))
        self.out.print(Padding(listing, (0, 0, 0, 2), expand=False))

    def ask(self, prompt: str) -> str:
        """One line from the user; EOFError when stdin is closed."""
        self._quiet()
        echo = not sys.stdin.isatty()  # piped answers are not echoed by a terminal: show them
        try:
            answer = self.out.input(Text(prompt, style="bold cyan") + Text(" "))
        except EOFError:
            if echo:
                self.out.print()
            raise
        if echo:
            self.out.print(Text(answer), soft_wrap=True)
        return answer

    def close(self) -> None:
        self._quiet()

    # -- stages ----------------------------------------------------------------------------------

    def _busy(self, message: str, *, log: bool) -> None:
        """A stage in progress: a spinner on a terminal; on a pipe, a line if `log` (the waits
        worth knowing about)."""
        if self.animated:
            if self._status is None:
                self._status = self.out.status(Text(message), spinner="dots")
                self._status.start()
            else:
                self._status.update(Text(message))
        elif log and message != self._last_note:
            self._say(Text(f"… {message}", style="dim"))
        self._last_note = message

    def _say(self, line: Text) -> None:
        self._stop_status()
        if self.animated:
            # One terminal line exactly (cut with an ellipsis), so erasing can count lines.
            self.out.print(line, no_wrap=True, overflow="ellipsis")
        else:
            self.out.print(line, soft_wrap=True)
        self._lines += 1

    def _stop_status(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None

    def _quiet(self) -> None:
        """Before anything else is printed: no spinner, and the story text's line ended."""
        self._stop_status()
        self._end_text()

    # -- the text --------------------------------------------------------------------------------

    def _write(self, text: str) -> None:
        if not self.animated:
            self._pending.append(text)
            return
        self._show_text(text)

    def _release_pending(self) -> None:
        """On a pipe, the chapter's text once it has passed (it was held until now)."""
        pending, self._pending = "".join(self._pending), []
        if pending:
            self._show_text(pending)
            self._end_text()

    def _show_text(self, text: str) -> None:
        self._stop_status()
        if not self._writing:
            if self._text_from is None:
                self._text_from = self._lines + self._text.lines
                self._text_offset = self._transcript.size if self._transcript else 0
            self.out.print()
            self._lines += 1
            self._writing = True
        self._text.write(text)

    def _end_text(self) -> None:
        if self._writing:
            self._text.end_line()
            self.out.print()
            self._lines += 1
            self._writing = False

    def _erase_text(self) -> bool:
        """On a terminal, remove this attempt's text and everything after it."""
        if not self.animated or self._text_from is None:
            return False
        self._stop_status()
        count = self._lines + self._text.lines - self._text_from
        if count < self.out.height or self._transcript is None:
            up = f"\x1b[{count}A" if count else ""
            self.out.file.write(f"\r{up}\x1b[J")  # column 0, up `count` lines, clear below
            self.out.file.flush()
        else:
            # Part of it scrolled beyond the cursor's reach: redraw everything before it.
            kept = self._transcript.cut(self._text_offset)
            self._transcript.file.write(_CLEAR_ALL + kept)
            self._transcript.file.flush()
        self._lines -= count
        self._text.column, self._writing, self._text_from = 0, False, None
        return True

    def _discard(self, attempt: int, why: str | None = None) -> None:
        reason = f" ({_issues(self._verdict)})" if self._verdict else ""
        self._pending.clear()
        erased = self._erase_text()
        if not erased and self._text_from is not None:
            self._say(Text("(the text above is withdrawn)", style="dim"))
        self._text_from = None
        if why == "quality":
            # Not unsafe, just not a good enough story: "gentler" would alarm a parent for nothing.
            said = f"⟳ that chapter did not read well: writing it again (attempt {attempt})"
        else:
            said = f"⟳ not right for a child{reason}: writing a gentler version (attempt {attempt})"
        self._say(Text(said, style="yellow"))

    # -- the ending ------------------------------------------------------------------------------

    def _summary(self, saved: ChapterSaved) -> None:
        attempts = self._verdict.attempt if self._verdict else 1
        safety = f"passed, score {saved.safety_score:.2f}"
        if attempts > 1:
            safety += f", on attempt {attempts}"
        facts = Table.grid(padding=(0, 2))
        facts.add_column(style="dim")
        facts.add_column()
        facts.add_row("Reading time", f"{saved.reading_minutes} min")
        facts.add_row("Vocabulary", saved.vocabulary_level)
        if saved.educational_elements:
            facts.add_row("Learning", ", ".join(saved.educational_elements))
        facts.add_row("Safety", safety)
        facts.add_row("Story id", str(saved.story_id))
        self.out.print()
        self.out.print(
            Text.assemble((saved.title, "bold"), (f" · chapter {saved.chapter_number}", "dim"))
        )
        self.out.print(facts)
        self.choices(saved.question, saved.choices)


def _issues(verdict: SafetyVerdict) -> str:
    """What the check found, by category only: the point is that the child never sees it."""
    return ", ".join(dict.fromkeys(c.replace("_", " ") for c in verdict.categories)) or "unsuitable"
