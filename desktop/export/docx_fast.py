"""Constant-time appends to a document body while a long report is built.

python-docx inserts every new body paragraph or table before the closing ``w:sectPr`` by first
scanning the body's children for it, so building a report of n paragraphs costs n² steps:
86 s for a comparison of 1,000 claims and 7,000 links. The closing ``w:sectPr`` is always the
body's last child, so looking only there gives the same document in linear time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from docx.oxml.document import CT_Body
from docx.oxml.ns import qn

_SECT_PR = qn("w:sectPr")


def _insert_before_final_sect_pr(body: Any, element: Any) -> Any:
    try:
        last = body[-1]  # lxml finds the last child without walking the others
    except IndexError:
        last = None
    if last is not None and last.tag == _SECT_PR:
        last.addprevious(element)
    else:
        body.append(element)
    return element


@contextmanager
def fast_body_appends() -> Iterator[None]:
    """Within the block, body paragraphs and tables are appended without a scan."""
    saved: dict[str, Callable[..., Any]] = {
        name: getattr(CT_Body, name) for name in ("_insert_p", "_insert_tbl")
    }
    for name in saved:
        setattr(CT_Body, name, _insert_before_final_sect_pr)
    try:
        yield
    finally:
        for name, method in saved.items():
            setattr(CT_Body, name, method)
