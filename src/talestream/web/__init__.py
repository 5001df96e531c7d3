"""The family web app: static files served by the same FastAPI process at `/`."""
