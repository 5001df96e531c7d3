"""Identity: passwords, JWT access tokens, rotating refresh tokens, cookie sessions, CSRF."""
