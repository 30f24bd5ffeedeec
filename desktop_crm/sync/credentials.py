"""Where a desktop keeps its device token.

The operating system's credential store through keyring (on Windows the Credential
Manager); where there is none (keyring's ``fail`` or ``null`` backend, e.g. a Linux
machine without a secret service), a file in the per-user config folder that only
the user may read (0600). Whichever was used is recorded, and said after enrolling.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from desktop_crm.paths import APP_AUTHOR, APP_NAME

SERVICE = "desktop_crm head-office sync"
KEYRING, FILE = "keyring", "file"


@dataclass(frozen=True)
class TokenPlace:
    kind: str  # KEYRING or FILE
    description: str  # e.g. "WinVaultKeyring" or the file's path


def _keyring() -> Any | None:
    """The usable keyring backend, or None where there is none."""
    try:
        import keyring
        from keyring.backends import fail, null
    except Exception:  # noqa: BLE001 - a broken keyring install means "no keyring"
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    chained = getattr(backend, "backends", None)
    if chained is not None and not chained:
        return None
    return backend


def token_folder() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "sync-tokens"


def token_file(device_id: str) -> Path:
    return token_folder() / f"{device_id}.token"


def _write_private(path: Path, secret: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(path.parent, 0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    os.replace(tmp, path)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def save_token(device_id: str, token: str) -> TokenPlace:
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(SERVICE, device_id, token)
            return TokenPlace(KEYRING, type(backend).__name__)
        except Exception:  # noqa: BLE001 - a locked or failing keyring: use the file
            pass
    path = token_file(device_id)
    _write_private(path, token)
    return TokenPlace(FILE, str(path))


def load_token(device_id: str, kind: str | None) -> str | None:
    if kind == KEYRING:
        backend = _keyring()
        if backend is None:
            return None
        try:
            return backend.get_password(SERVICE, device_id)
        except Exception:  # noqa: BLE001
            return None
    try:
        return token_file(device_id).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def delete_token(device_id: str, kind: str | None) -> None:
    if kind == KEYRING:
        backend = _keyring()
        if backend is not None:
            with contextlib.suppress(Exception):
                backend.delete_password(SERVICE, device_id)
        return
    with contextlib.suppress(OSError):
        token_file(device_id).unlink()


def describe(kind: str | None) -> str:
    """Where the token is, in words for a message."""
    if kind == KEYRING:
        backend = _keyring()
        return f"the system credential store ({type(backend).__name__ if backend else 'keyring'})"
    return str(token_folder())
