"""The terminal client behind `talestream generate` and the admin commands.

Modules: `events` (what the terminal shows, whichever way a story arrives), `local` (in-process, on
the configured database and model), `client` (a running server over HTTP and SSE), `render` (rich
output), `session` (the chapter loop, prompts and Ctrl-C) and `admin` (accounts and child profiles).
`cli.py` only parses options and wires these together.
"""
