"""Exports a family can keep: EPUB 3 and PDF over real HTTP, and `talestream export`."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

import httpx
import pypdf

from tests.conftest import LiveServer, bearer_for
from tests.test_stream_get import new_child, stream

OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
FIRST = "Lina found a shiny shell on the beach. She held it up to the sun."
SECOND = "The shell began to sing a soft song. Lina smiled and sang along."
HEBREW = "לינה מצאה צדף נוצץ על החוף. היא הרימה אותו אל השמש."


async def two_chapter_story(
    client: httpx.AsyncClient, live_server: LiveServer, auth: dict[str, str], **child: object
) -> str:
    child_id = await new_child(client, auth, **child)
    live_server.script.write_text(FIRST)
    _, first = await stream(client, auth, child_id=child_id, theme="the sea")
    story_id = first[-1].data["data"]["story_id"]
    live_server.script.write_text(SECOND)
    _, second = await stream(
        client,
        auth,
        child_id=child_id,
        theme="the sea",
        chapter_number=2,
        story_id=story_id,
        choice_index=0,
    )
    assert second[-1].data["type"] == "complete", second[-1].data
    return story_id


def epub_parts(data: bytes) -> tuple[zipfile.ZipFile, ElementTree.Element, str]:
    """Checks the EPUB container rules and returns the zip, the package document and its folder."""
    book = zipfile.ZipFile(io.BytesIO(data))
    first = book.infolist()[0]
    # The mimetype entry comes first, stored uncompressed, so readers can sniff the type.
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert book.read("mimetype") == b"application/epub+zip"
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    rootfile = container.find(f"{CONTAINER}rootfiles/{CONTAINER}rootfile")
    assert rootfile is not None and rootfile.get("media-type") == "application/oebps-package+xml"
    opf_path = rootfile.get("full-path", "")
    package = ElementTree.fromstring(book.read(opf_path))
    assert package.get("version") == "3.0"
    folder = opf_path.rpartition("/")[0]
    manifest = {i.get("id"): i for i in package.iter(f"{OPF}item")}
    for item in manifest.values():  # every file the manifest names is in the zip
        book.getinfo(f"{folder}/{item.get('href')}" if folder else str(item.get("href")))
    assert any("nav" in (i.get("properties") or "") for i in manifest.values())
    spine = package.find(f"{OPF}spine")
    assert spine is not None
    assert all(ref.get("idref") in manifest for ref in spine.iter(f"{OPF}itemref"))
    return book, package, folder


async def test_epub_export_is_a_valid_epub3_with_every_chapter(
    client: httpx.AsyncClient, live_server: LiveServer
) -> None:
    auth = await bearer_for(client)
    story_id = await two_chapter_story(client, live_server, auth)
    r = await client.get(f"/api/v1/stories/{story_id}/export?format=epub", headers=auth)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/epub+zip"
    assert r.headers["content-disposition"].startswith("attachment; filename=")
    book, package, _ = epub_parts(r.content)
    assert package.findtext(".//{http://purl.org/dc/elements/1.1/}language") == "en"
    spine = package.find(f"{OPF}spine")
    assert spine is not None and spine.get("page-progression-direction") == "ltr"
    pages = " ".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert FIRST in pages and SECOND in pages


async def test_hebrew_epub_and_pdf_read_right_to_left(
    client: httpx.AsyncClient, live_server: LiveServer
) -> None:
    auth = await bearer_for(client)
    child_id = await new_child(client, auth, name="Lina", language="he")
    live_server.script.write_text(HEBREW)
    _, events = await stream(client, auth, child_id=child_id, theme="ים")
    assert events[-1].data["type"] == "complete", events[-1].data
    story_id = events[-1].data["data"]["story_id"]

    r = await client.get(f"/api/v1/stories/{story_id}/export", headers=auth)  # EPUB by default
    book, package, _ = epub_parts(r.content)
    spine = package.find(f"{OPF}spine")
    assert spine is not None and spine.get("page-progression-direction") == "rtl"
    chapter = next(book.read(n).decode() for n in book.namelist() if "chapter-1" in n)
    assert 'dir="rtl"' in chapter and HEBREW.split(".")[0] in chapter

    r = await client.get(f"/api/v1/stories/{story_id}/export?format=pdf", headers=auth)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text = " ".join(
        " ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(r.content)).pages
    )
    # pypdf returns right-to-left runs in reading order only when they were laid out as such.
    assert "לינה מצאה צדף נוצץ על החוף." in text


async def test_pdf_export_has_the_chapters_text_in_an_embedded_unicode_font(
    client: httpx.AsyncClient, live_server: LiveServer
) -> None:
    auth = await bearer_for(client)
    story_id = await two_chapter_story(client, live_server, auth)
    r = await client.get(f"/api/v1/stories/{story_id}/export?format=pdf", headers=auth)
    assert r.status_code == 200, r.text
    reader = pypdf.PdfReader(io.BytesIO(r.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert FIRST in text and SECOND in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("DejaVuSans" in name for name in fonts), fonts


async def test_export_checks_ownership_and_format(
    client: httpx.AsyncClient, live_server: LiveServer
) -> None:
    auth = await bearer_for(client)
    story_id = await two_chapter_story(client, live_server, auth)
    url = f"/api/v1/stories/{story_id}/export"
    other = await bearer_for(client, "other@example.com")
    assert (await client.get(url, headers=other)).status_code == 403
    assert (await client.get(url)).status_code == 401
    missing = "/api/v1/stories/00000000-0000-4000-8000-000000000000/export"
    assert (await client.get(missing, headers=auth)).status_code == 404
    assert (await client.get(url, params={"format": "docx"}, headers=auth)).status_code == 422
