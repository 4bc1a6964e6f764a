"""Ways to damage a real document the way disks, downloads and careless tools do."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st


@dataclass(frozen=True)
class Mutation:
    """One damage: a name for the report, and the function that applies it."""

    name: str
    args: tuple[object, ...]

    def apply(self, data: bytes) -> bytes:
        """The damaged bytes."""
        mutate: Callable[..., bytes] = MUTATORS[self.name]
        return mutate(data, *self.args)


def flip_bytes(data: bytes, flips: tuple[tuple[float, int], ...]) -> bytes:
    """XOR a few bytes at relative positions (a bad sector, a bad cable)."""
    out = bytearray(data)
    for where, mask in flips:
        out[min(len(out) - 1, int(where * len(out)))] ^= mask or 1
    return bytes(out)


def truncate(data: bytes, keep: float) -> bytes:
    """The first part only (a copy or download that stopped)."""
    return data[: int(keep * len(data))]


def insert_junk(data: bytes, where: float, junk: bytes) -> bytes:
    """Bytes spliced into the middle (a tool that wrote over the file)."""
    cut = int(where * len(data))
    return data[:cut] + junk + data[cut:]


def repeat_slice(data: bytes, where: float, width: int, times: int) -> bytes:
    """A slice written again and again (a runaway writer)."""
    cut = int(where * len(data))
    return data[:cut] + data[cut : cut + width] * times + data[cut:]


def _rebuild(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """Rewrite a ZIP archive member by member; ``change(name, bytes)`` returns new bytes or None."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        members = [(info, source.read(info)) for info in source.infolist()]
    except Exception:  # zipfile raises many kinds on damaged input (NotImplementedError too)
        return data  # not a readable archive: the byte mutations cover it
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info, content in members:
            new = change(info.filename, content)
            if new is not None:
                target.writestr(info, new)
    return out.getvalue()


def drop_member(data: bytes, which: int) -> bytes:
    """An archive with one member missing (a partial unzip and re-zip)."""
    names = _names(data)
    if not names:
        return data
    gone = names[which % len(names)]
    return _rebuild(data, lambda name, content: None if name == gone else content)


def break_xml(data: bytes, which: int, where: float, junk: bytes) -> bytes:
    """An archive whose XML member is cut short and has junk spliced in (invalid XML)."""
    xml = [n for n in _names(data) if n.endswith((".xml", ".rels"))]
    if not xml:
        return data
    target = xml[which % len(xml)]

    def change(name: str, content: bytes) -> bytes:
        if name != target:
            return content
        cut = int(where * len(content))
        return content[:cut] + junk

    return _rebuild(data, change)


def _names(data: bytes) -> list[str]:
    try:
        return zipfile.ZipFile(io.BytesIO(data)).namelist()
    except Exception:  # any damage: no member to pick
        return []


MUTATORS: dict[str, Callable[..., bytes]] = {
    "flip": flip_bytes,
    "truncate": truncate,
    "junk": insert_junk,
    "repeat": repeat_slice,
    "drop-member": drop_member,
    "break-xml": break_xml,
}

_fraction = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
_junk = st.one_of(
    st.binary(min_size=1, max_size=64),
    st.sampled_from(
        [
            b"<",
            b"</w:p>",
            b"<!DOCTYPE x>",
            b"&",
            b"]]>",
            b"\x00\x00",
            b"\xff\xfe",
            b"<?xml",
            b"%PDF-1.7",
            b"PK\x03\x04",
            b"\\par}",
            b"obj <<",
            b"\xc3(",
        ]
    ),
)


def mutations(*, archive: bool) -> st.SearchStrategy[Mutation]:
    """Any damage; ZIP-aware ones only for DOCX and ODT."""
    flips = st.lists(st.tuples(_fraction, st.integers(1, 255)), min_size=1, max_size=20)
    options = [
        st.builds(lambda f: Mutation("flip", (tuple(f),)), flips),
        st.builds(lambda k: Mutation("truncate", (k,)), _fraction),
        st.builds(lambda w, j: Mutation("junk", (w, j)), _fraction, _junk),
        st.builds(
            lambda w, n, t: Mutation("repeat", (w, n, t)),
            _fraction,
            st.integers(1, 200),
            st.integers(2, 300),
        ),
    ]
    if archive:
        options += [
            st.builds(lambda i: Mutation("drop-member", (i,)), st.integers(0, 50)),
            st.builds(
                lambda i, w, j: Mutation("break-xml", (i, w, j)),
                st.integers(0, 50),
                _fraction,
                _junk,
            ),
        ]
    return st.one_of(options)
