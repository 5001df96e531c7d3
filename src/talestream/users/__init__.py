"""Parent accounts: the `/api/v1/users/me` resource."""
