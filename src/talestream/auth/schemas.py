from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

PASSWORD_MIN = 10
PASSWORD_MAX = 128  # argon2 hashes anything, but an unbounded input is a cheap DoS


def check_password_policy(password: str) -> str:
    problems = []
    if len(password) < PASSWORD_MIN:
        problems.append(f"at least {PASSWORD_MIN} characters")
    if len(password) > PASSWORD_MAX:
        problems.append(f"at most {PASSWORD_MAX} characters")
    if not any(c.isalpha() for c in password):
        problems.append("a letter")
    if not any(not c.isalpha() for c in password):
        problems.append("a digit or symbol")
    if len(set(password)) < 4:
        problems.append("more than three different characters")
    if problems:
        raise ValueError("password needs " + ", ".join(problems))
    return password


class RegisterRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    email: EmailStr
    password: str = Field(repr=False)
    name: str = Field(min_length=1, max_length=100)

    @field_validator("email")
    @classmethod
    def _lower(cls, value: str) -> str:
        return value.lower()

    @field_validator("password")
    @classmethod
    def _policy(cls, value: str) -> str:
        return check_password_policy(value)


class LoginRequest(BaseModel):
    email: EmailStr
    password: str = Field(min_length=1, max_length=PASSWORD_MAX, repr=False)


class RefreshRequest(BaseModel):
    refresh_token: str = Field(min_length=16, max_length=200)


class LogoutRequest(BaseModel):
    refresh_token: str | None = Field(default=None, max_length=200)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class UserUpdate(BaseModel):
    """`PATCH /api/v1/users/me`: here, not in `users`, because it carries password rules."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=100)
    email: EmailStr | None = None
    password: str | None = Field(default=None, repr=False)
    current_password: str | None = Field(default=None, max_length=PASSWORD_MAX, repr=False)

    @field_validator("password")
    @classmethod
    def _policy(cls, value: str | None) -> str | None:
        return None if value is None else check_password_policy(value)

    @model_validator(mode="after")
    def _sensitive_changes_need_password(self) -> UserUpdate:
        if (self.email is not None or self.password is not None) and not self.current_password:
            raise ValueError("changing email or password needs current_password")
        return self
