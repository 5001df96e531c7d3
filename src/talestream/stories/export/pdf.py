"""PDF with fpdf2: a Unicode TrueType font that covers all six languages (DejaVu Sans: Latin,
Cyrillic and Hebrew), HarfBuzz shaping, and Hebrew laid out right to left."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align

from talestream.errors import ErrorCode, Unavailable
from talestream.stories.export.book import Book, chapter_heading, chosen_line

# Debian's fonts-dejavu-core (pulled in by fontconfig, so by Chromium too); other distributions
# keep the same files elsewhere.
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)
A5_MM = (148, 210)  # a picture-book page; a tuple, as fpdf2 warns about its "A5" name
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"


def find_font(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise Unavailable(
        f"PDF export needs the DejaVu Sans font ({name}), which covers every story language; "
        "install it with `apt-get install fonts-dejavu-core`",
        ErrorCode.EXPORT_UNAVAILABLE,
    )


def render(book: Book) -> bytes:
    pdf = FPDF(format=A5_MM)
    pdf.set_title(book.title)
    pdf.set_lang(book.language)
    pdf.set_creator("talestream")
    pdf.add_font("story", "", find_font(REGULAR))
    pdf.add_font("story", "B", find_font(BOLD))
    # HarfBuzz shapes the text; fpdf2's bidi algorithm orders right-to-left runs.
    pdf.set_text_shaping(
        use_shaping_engine=True, direction="rtl" if book.rtl else "ltr", language=book.language
    )
    pdf.set_margins(16, 16, 16)
    pdf.set_auto_page_break(auto=True, margin=16)
    align = Align.R if book.rtl else Align.L

    def write(text: str, style: str, size: int, height: float, where: Align = align) -> None:
        pdf.set_font("story", style, size)
        pdf.multi_cell(0, height, text, align=where, new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    write(book.title, "B", 20, 10, Align.C)
    write(book.created_at.date().isoformat(), "", 11, 8, Align.C)
    for chapter in book.chapters:
        pdf.ln(6)
        heading = chapter_heading(book, chapter)
        pdf.start_section(heading)
        write(heading, "B", 15, 9)
        if chosen := chosen_line(book, chapter):
            write(chosen, "", 12, 7)
            pdf.ln(2)
        for paragraph in chapter.paragraphs:
            write(paragraph, "", 12, 7)
            pdf.ln(2)
        if chapter.choice_question:
            write(chapter.choice_question, "", 12, 7)
    return bytes(pdf.output())
