"""The About box: version, what the app does, and the licences of what it is built on."""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from desktop import APP_NAME, LICENCE, __version__

LICENCES = (
    ("Qt", "LGPL-3.0", "the toolkit"),
    ("PySide6", "LGPL-3.0", "Qt for Python"),
    ("rapidfuzz", "MIT", "fuzzy matching"),
    ("NumPy", "BSD-3-Clause", "score matrices"),
    ("python-docx", "MIT", "Word reports"),
    ("pysbd", "MIT", "sentence boundaries"),
    ("trafilatura", "Apache-2.0", "article text from web pages"),
    ("pypdf", "BSD-3-Clause", "PDF text"),
    ("striprtf", "BSD-3-Clause", "RTF text"),
    ("odfpy", "Apache-2.0 / GPL-2.0 / LGPL-2.1", "OpenDocument text"),
    ("charset-normalizer", "MIT", "text encodings"),
    ("defusedxml", "PSF-2.0", "safe XML"),
    ("jsonschema", "MIT", "file validation"),
)


def about_html() -> str:
    """The About box's text."""
    rows = "".join(
        f"<tr><td>{html.escape(n)}</td><td>{html.escape(lic)}</td><td>{html.escape(what)}</td></tr>"
        for n, lic, what in LICENCES
    )
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Compares news reports claim by claim: what agrees, what agrees in part, what "
        "conflicts, what is left out and what is added — with the evidence for every flag. "
        "Everything runs on this computer.</p>"
        f"<p>Free software under the {LICENCE} licence (the LICENSE file that comes with "
        "it).</p>"
        f"<p>Built with Qt {qVersion()} and PySide6 {pyside_version}.</p>"
        f"<table cellspacing='4'><tr><th align='left'>Component</th><th align='left'>Licence</th>"
        f"<th align='left'>Used for</th></tr>{rows}</table>"
        "<p><b>Keys:</b> F8 / Shift+F8 next / previous conflict, Alt+Down / Alt+Up next / "
        "previous difference, Ctrl+F find, Ctrl+E export, Ctrl+L link the picked statements, "
        "Ctrl+Return confirm a verdict, Ctrl+Shift+L add from a web address, "
        "Ctrl+Shift+V paste as report.</p>"
    )
