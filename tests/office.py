"""LibreOffice for the tests that check files against a real office suite (not a test module)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, fmt: str, *, profile: Path, timeout: float = 180) -> Path:
    """Convert ``source`` to ``fmt`` beside it, headless, with a private profile; the result."""
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            fmt,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return source.with_suffix(f".{fmt}")
