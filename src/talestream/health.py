"""`GET /health`: is the database reachable, which model provider is configured, and is this
worker draining (503 then, so a load balancer stops sending it new streams)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from talestream import __version__
from talestream.deps import get_database, get_services, get_settings
from talestream.generation.capabilities import model_languages

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(request: Request) -> JSONResponse:
    settings, db = get_settings(request), get_database(request)
    try:
        await db.ping()
        database = {"status": "ok", "dialect": db.dialect}
    except Exception as exc:
        database = {"status": "error", "dialect": db.dialect, "error": type(exc).__name__}
    draining = not get_services(request).runs.accepting
    ok = database["status"] == "ok" and not draining
    body = {
        "status": "draining" if draining else "ok" if ok else "degraded",
        "version": __version__,
        "database": database,
        "model": {
            "provider": settings.llm_provider,
            "languages": list(model_languages(get_services(request).model)),
        },
    }
    return JSONResponse(body, status_code=200 if ok else 503)
