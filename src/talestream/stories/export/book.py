"""The plain values an export is made of, and the words around the story text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports ExportFormat at start-up; the models load only when used
    from talestream.stories.models import Story

RTL_LANGUAGES = frozenset({"he"})


class ExportFormat(StrEnum):
    EPUB = "epub"
    PDF = "pdf"


MEDIA_TYPES = {ExportFormat.EPUB: "application/epub+zip", ExportFormat.PDF: "application/pdf"}


@dataclass(frozen=True, slots=True)
class BookChapter:
    number: int
    paragraphs: tuple[str, ...]
    choice_question: str
    chosen_text: str | None  # what the reader chose in the chapter before this one


@dataclass(frozen=True, slots=True)
class Book:
    identifier: str
    title: str
    language: str
    hero_name: str | None
    created_at: datetime
    chapters: tuple[BookChapter, ...]

    @property
    def rtl(self) -> bool:
        return self.language in RTL_LANGUAGES


def book_from_story(story: Story) -> Book:
    return Book(
        identifier=f"urn:uuid:{story.id}",
        title=story.title,
        language=story.language,
        hero_name=story.hero_name,
        created_at=story.created_at,
        chapters=tuple(
            BookChapter(
                number=c.number,
                paragraphs=tuple(p.strip() for p in c.content.split("\n") if p.strip()),
                choice_question=c.choice_question,
                chosen_text=c.chosen_text,
            )
            for c in story.chapters
        ),
    )


def file_name(book: Book, fmt: ExportFormat) -> str:
    """An ASCII-safe file name; the real title is inside the file."""
    stem = "".join(c if c.isascii() and c.isalnum() else "-" for c in book.title.lower())
    stem = "-".join(part for part in stem.split("-") if part)[:60] or "story"
    return f"{stem}.{fmt.value}"


CHAPTER_WORDS = {
    "en": "Chapter",
    "es": "Capítulo",
    "fr": "Chapitre",
    "de": "Kapitel",
    "ru": "Глава",
    "he": "פרק",
}
CHOSEN_WORDS = {
    "en": "You chose",
    "es": "Elegiste",
    "fr": "Tu as choisi",
    "de": "Du hast gewählt",
    "ru": "Ты выбрал",
    "he": "בחרת",
}


def chapter_heading(book: Book, chapter: BookChapter) -> str:
    return f"{CHAPTER_WORDS.get(book.language, 'Chapter')} {chapter.number}"


def chosen_line(book: Book, chapter: BookChapter) -> str | None:
    if not chapter.chosen_text:
        return None
    return f"{CHOSEN_WORDS.get(book.language, 'You chose')}: {chapter.chosen_text}"
