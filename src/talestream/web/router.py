"""Serves the single-page web app: `/` and its static assets under `/static`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response

STATIC = Path(__file__).with_name("static")
router = APIRouter(include_in_schema=False)


@router.get("/")
async def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


class RevalidatedStaticFiles(StaticFiles):
    """Static files the browser must revalidate (cheap: ETag/304), so an upgrade of the server
    never leaves a family running yesterday's app.js."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "no-cache"
        return response


def mount_web(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", RevalidatedStaticFiles(directory=STATIC), name="static")
