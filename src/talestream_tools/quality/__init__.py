"""Tooling for the quality gate: the quality-eval command (not imported by the running app)."""
