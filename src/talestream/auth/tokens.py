"""JWT access tokens (PyJWT) and opaque random tokens stored only as hashes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

ALGORITHM = "HS256"
ISSUER = "talestream"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: int
    # The login (refresh-token family) the token belongs to; checked on every request.
    family: str


def create_access_token(key: str, user_id: int, ttl_seconds: int, family: str) -> str:
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "sub": str(user_id),
        "iat": now,
        "exp": now + timedelta(seconds=ttl_seconds),
        "iss": ISSUER,
        "typ": "access",
        # Lets logout, reuse detection, password changes and account deletion end outstanding
        # access tokens of the login at once.
        "fam": family,
    }
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def decode_access_token(key: str, token: str) -> AccessClaims | None:
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["sub", "exp", "iat", "iss", "fam"]},
        )
    except jwt.PyJWTError:
        return None
    if claims.get("typ") != "access":
        return None
    try:
        return AccessClaims(user_id=int(claims["sub"]), family=str(claims["fam"]))
    except (KeyError, TypeError, ValueError):
        return None


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
