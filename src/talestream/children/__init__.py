"""Child profiles: who a story is for (age, language, reading level, interests)."""
