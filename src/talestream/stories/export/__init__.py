"""Stories a family can keep: EPUB 3 and PDF files of a story's chapters.

`book_from_story` turns a saved story into a plain `Book`; `epub.render` and `pdf.render` turn a
`Book` into bytes. The API (`GET /stories/{id}/export`) and `talestream export` share them.
"""

from __future__ import annotations

from talestream.stories.export.book import (
    MEDIA_TYPES,
    Book,
    BookChapter,
    ExportFormat,
    book_from_story,
    file_name,
)

__all__ = [
    "MEDIA_TYPES",
    "Book",
    "BookChapter",
    "ExportFormat",
    "book_from_story",
    "file_name",
    "render",
]


def render(book: Book, fmt: ExportFormat) -> bytes:
    # Imported here: each renderer loads its library (and the PDF one, a font) only when used.
    if fmt is ExportFormat.EPUB:
        from talestream.stories.export import epub

        return epub.render(book)
    from talestream.stories.export import pdf

    return pdf.render(book)
