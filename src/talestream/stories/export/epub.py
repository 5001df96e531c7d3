"""EPUB 3 with EbookLib: one XHTML file per chapter, a navigation document, and right-to-left
page progression for Hebrew."""

from __future__ import annotations

import io
from html import escape

from ebooklib import epub  # type: ignore[import-untyped]

from talestream.stories.export.book import Book, BookChapter, chapter_heading, chosen_line

_CSS = (
    "body { font-family: serif; line-height: 1.6; }\n"
    "h1 { font-size: 1.4em; }\n"
    ".chosen, .question { font-style: italic; }\n"
)


def _chapter_html(book: Book, chapter: BookChapter) -> str:
    parts = [f"<h1>{escape(chapter_heading(book, chapter))}</h1>"]
    if chosen := chosen_line(book, chapter):
        parts.append(f'<p class="chosen">{escape(chosen)}</p>')
    parts.extend(f"<p>{escape(p)}</p>" for p in chapter.paragraphs)
    if chapter.choice_question:
        parts.append(f'<p class="question">{escape(chapter.choice_question)}</p>')
    return "\n".join(parts)


def render(book: Book) -> bytes:
    doc = epub.EpubBook()
    doc.set_identifier(book.identifier)
    doc.set_title(book.title)
    doc.set_language(book.language)
    if book.hero_name:
        doc.add_metadata("DC", "subject", book.hero_name)
    doc.add_metadata("DC", "date", book.created_at.date().isoformat())
    direction = "rtl" if book.rtl else "ltr"
    doc.set_direction(direction)  # the spine's page-progression-direction

    style = epub.EpubItem(
        uid="style", file_name="style.css", media_type="text/css", content=_CSS.encode()
    )
    doc.add_item(style)
    items = []
    for chapter in book.chapters:
        item = epub.EpubHtml(
            title=chapter_heading(book, chapter),
            file_name=f"chapter-{chapter.number}.xhtml",
            lang=book.language,
            direction=direction,
        )
        item.content = _chapter_html(book, chapter)
        item.add_item(style)
        doc.add_item(item)
        items.append(item)
    doc.toc = items
    doc.add_item(epub.EpubNcx())  # for EPUB 2 readers; EPUB 3 readers use the nav document
    doc.add_item(epub.EpubNav(direction=direction))
    doc.spine = ["nav", *items]

    out = io.BytesIO()
    epub.write_epub(out, doc, {"epub3_pages": False})
    return out.getvalue()
