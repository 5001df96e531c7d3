from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator, model_validator

from talestream.auth.schemas import PASSWORD_MAX, check_password_policy


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    created_at: datetime


class UserUpdate(BaseModel):
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
