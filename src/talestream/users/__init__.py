"""Parent accounts: the account model and its public schemas (the `/api/v1/users/me` routes are
in `auth.account_router`, which needs the login)."""
