"""The safety log: what the safety net caught, kept for the parent. Every rejected request and
every rejected story attempt, per child. The story itself is never saved when it is rejected;
this record is.

`models` (the table), `service` (record, summary), `router` (`/api/v1/children/{id}/safety`).
The story package writes here; nothing here knows about stories.
"""
