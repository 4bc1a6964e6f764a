"""The command line: ``extract`` and ``compare``. No Qt is imported here."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.core.errors import CrosscheckError, LoadError
from desktop.core.fetch import FetchOptions, is_address
from desktop.core.model import (
    THRESHOLD_MAX,
    THRESHOLD_MIN,
    CompareOptions,
    Comparison,
    Document,
    Skipped,
    StatementRole,
)
from desktop.export import suffix_list
from desktop.export.jsonfile import document_dict

EXIT_OK, EXIT_NOTHING_READ, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``crosscheck-cli`` (also ``python -m desktop SUBCOMMAND``)."""
    parser = argparse.ArgumentParser(
        prog="crosscheck-cli", description=f"{APP_NAME}: compare news reports claim by claim."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ext = sub.add_parser("extract", help="print each file's title, format and statements")
    ext.add_argument("files", nargs="+", metavar="FILE", help="files, folders or web addresses")
    ext.add_argument("--json", action="store_true", help="write JSON to standard output")
    _add_address_flag(ext)

    cmp_ = sub.add_parser("compare", help="compare a reference with reports")
    cmp_.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="the reference article, then the reports (files, folders or http(s) "
        "addresses); with --reference, every FILE is a report",
    )
    cmp_.add_argument(
        "--reference",
        metavar="FILE",
        help="the reference article (needed when the first FILE is a folder)",
    )
    cmp_.add_argument(
        "--session",
        metavar="FILE",
        help="read a saved .crosscheck session (review decisions applied)",
    )
    cmp_.add_argument(
        "--threshold",
        type=_threshold,
        metavar="N",
        help=f"link threshold: the score a pair of statements needs to be linked, "
        f"{THRESHOLD_MIN}-{THRESHOLD_MAX}; higher is stricter (default "
        f"{CompareOptions().threshold:g})",
    )
    cmp_.add_argument("--json", metavar="PATH", help="write the comparison as JSON")
    cmp_.add_argument(
        "--out",
        action="append",
        default=[],
        metavar="PATH",
        help="write a report; the format follows the extension "
        f"({suffix_list('or')}); may be repeated",
    )
    cmp_.add_argument("--csv", metavar="PATH", help="write one CSV row per link")
    cmp_.add_argument("--html", metavar="PATH", help="write a self-contained HTML report")
    cmp_.add_argument(
        "--no-partials",
        action="store_true",
        help="leave partial agreements out of the report's findings section",
    )
    cmp_.add_argument(
        "--sections",
        metavar="LIST",
        help="comma-separated report sections (default: all): "
        "documents,summary,matrix,conflicts,omissions,methods",
    )
    cmp_.add_argument(
        "--compare-reports", action="store_true", help="also align the reports with each other"
    )
    cmp_.add_argument(
        "--alias",
        action="append",
        default=[],
        metavar="VARIANT=NAME",
        help="treat VARIANT as another spelling of NAME (repeatable), "
        'e.g. --alias "Zelenskiy=Zelensky"',
    )
    cmp_.add_argument("--quiet", action="store_true", help="print nothing but errors")
    _add_address_flag(cmp_)
    return parser


def _add_address_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-local-addresses",
        action="store_true",
        help="let web addresses reach this computer and the local network (refused by default)",
    )


def _fetch_options(args: argparse.Namespace) -> FetchOptions:
    return FetchOptions(allow_private=args.allow_local_addresses)


def _threshold(text: str) -> float:
    """``--threshold``'s value: a number in the range the window's slider offers too."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not THRESHOLD_MIN <= value <= THRESHOLD_MAX:  # NaN fails too
        raise argparse.ArgumentTypeError(
            f"must be a number from {THRESHOLD_MIN} to {THRESHOLD_MAX}, not {text!r}"
        )
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    try:
        if args.command == "extract":
            return run_extract(args.files, as_json=args.json, fetch=_fetch_options(args))
        return run_compare(args)
    except BrokenPipeError:  # the output went into ``head`` or a pager that closed early
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush at exit cannot fail again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _expand(paths: Iterable[str]) -> list[Path | str]:
    """Files and folders expanded; web addresses kept as they are, in their place."""
    from desktop.core.loaders import expand_paths

    out: list[Path | str] = []
    for text in paths:
        out.extend([text] if is_address(text) else expand_paths([text]))
    return out


def load_all(
    paths: Iterable[Path | str],
    *,
    seen: Iterable[str] = (),
    fetch: FetchOptions = FetchOptions(),  # noqa: B008 - frozen, so sharing it is safe
) -> tuple[list[Document], list[Skipped]]:
    """Load each file; the unreadable ones are reported on stderr and listed as skipped.

    ``seen`` holds the ids of documents already loaded (the reference): the same text again
    is skipped.
    """
    from desktop.core.webdoc import load_source

    docs: list[Document] = []
    skipped: list[Skipped] = []
    seen = set(seen)
    for path in paths:
        try:
            doc = load_source(path, options=fetch)
        except LoadError as exc:
            skipped.append(Skipped(str(path), exc.reason))
            print(f"{path}: {exc.reason}", file=sys.stderr)
            continue
        if doc.id in seen:
            reason = "the same text is already loaded from another file"
            skipped.append(Skipped(str(path), reason))
            print(f"{path}: {reason}", file=sys.stderr)
            continue
        seen.add(doc.id)
        docs.append(doc)
    return docs, skipped


def run_extract(
    files: Sequence[str],
    *,
    as_json: bool,
    fetch: FetchOptions = FetchOptions(),  # noqa: B008 - frozen, so sharing it is safe
) -> int:
    """``extract``: print or dump each readable file's statements."""
    docs, skipped = load_all(_expand(files), fetch=fetch)
    if as_json:
        payload = {
            "documents": [document_dict(d) for d in docs],
            "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for doc in docs:
            _print_document(doc)
    return EXIT_OK if docs else EXIT_NOTHING_READ


def _print_document(doc: Document) -> None:
    print(f"== {doc.title}")
    print(
        f"   file: {doc.path}  format: {doc.format}  "
        f"date: {doc.published or 'unknown'}  outlet: {doc.outlet or 'unknown'}"
    )
    for number, st in enumerate(doc.statements, 1):
        role = "" if st.role is StatementRole.BODY else f"[{st.role.value}] "
        print(f"{number:4d}. {role}{st.text}")
    print()


def run_compare(args: argparse.Namespace) -> int:
    """``compare``: compare a reference with reports, print a summary, write exports."""
    from desktop.core.compare import compare_documents
    from desktop.core.summary import format_summary

    try:
        if args.session:
            comparison = _comparison_from_session(args)
        else:
            try:
                reference, reports = _split_reference(args)
                ref = _load_reference(reference, _fetch_options(args))
            except _UsageError as exc:
                print(f"compare: {exc}", file=sys.stderr)
                return EXIT_USAGE
            docs, skipped = load_all(
                _report_paths(reports, reference), seen=[ref.id], fetch=_fetch_options(args)
            )
            if not docs:
                print("compare: none of the reports could be read", file=sys.stderr)
                return EXIT_NOTHING_READ
            options = _options_from_args(args, CompareOptions())
            comparison = compare_documents(ref, docs, options=options, skipped=tuple(skipped))
        if not args.quiet:
            print(format_summary(comparison))
        for path in _export_paths(args):
            _export(comparison, path, args)
            if not args.quiet:
                print(f"wrote {path}")
    except CrosscheckError as exc:
        print(f"compare: {exc}", file=sys.stderr)
        return EXIT_NOTHING_READ
    return EXIT_OK


class _UsageError(Exception):
    """The arguments cannot make a comparison; the message says what to give instead."""


def _split_reference(args: argparse.Namespace) -> tuple[Path | str, list[str]]:
    """The reference file and the report arguments, or a usage error saying what is missing."""
    reference: Path | str
    if args.reference:
        reference, reports = _source(args.reference), list(args.files)
        if isinstance(reference, Path) and reference.is_dir():
            raise _UsageError(f"--reference {reference}: this is a folder; name one file")
    elif args.files and Path(args.files[0]).is_dir():
        raise _UsageError(
            f"{args.files[0]} is a folder; name the reference with --reference FILE "
            "(the first FILE is the reference)"
        )
    else:
        reference, reports = _source(args.files[0]) if args.files else Path(), args.files[1:]
    if not args.files or not reports:
        raise _UsageError("give a reference and at least one report (or --session FILE)")
    return reference, reports


def _source(text: str) -> Path | str:
    """A web address stays text (a Path would fold its "//"); anything else is a file."""
    return text if is_address(text) else Path(text)


def _load_reference(path: Path | str, fetch: FetchOptions) -> Document:
    """The reference, or a usage error: without it there is nothing to compare with."""
    from desktop.core.webdoc import load_source

    try:
        return load_source(path, options=fetch)
    except LoadError as exc:
        raise _UsageError(
            f"the reference cannot be read: {path}: {exc.reason}; nothing was compared"
        ) from exc


def _report_paths(reports: Sequence[str], reference: Path | str) -> list[Path | str]:
    """The report files, folders expanded, without the reference if a folder holds it too."""
    return [p for p in _expand(reports) if not _same_file(p, reference)]


def _same_file(a: Path | str, b: Path | str) -> bool:
    if isinstance(a, str) or isinstance(b, str):  # web addresses
        return a == b
    try:
        return a.samefile(b)
    except OSError:
        return False


def _options_from_args(args: argparse.Namespace, base: CompareOptions) -> CompareOptions:
    from dataclasses import replace

    if args.threshold is not None:
        base = replace(base, threshold=args.threshold)
    if args.compare_reports:
        base = replace(base, compare_reports=True)
    if args.alias:
        extra = tuple(_alias(text) for text in args.alias)
        base = replace(base, aliases=tuple(dict.fromkeys(base.aliases + extra)))
    return base


def _alias(text: str) -> tuple[str, str]:
    """'VARIANT=NAME' as a (variant, canonical) pair; anything else is a usage error."""
    variant, sep, name = text.partition("=")
    if not sep or not variant.strip() or not name.strip():
        raise CrosscheckError(f"--alias needs VARIANT=NAME, not {text!r}")
    return variant.strip(), name.strip()


def _comparison_from_session(args: argparse.Namespace) -> Comparison:
    from desktop.core.session import comparison_from_session, read_session

    session = read_session(args.session)
    return comparison_from_session(session, options=_options_from_args(args, session.options))


def _export_paths(args: argparse.Namespace) -> list[str]:
    paths = list(args.out)
    for extra in (args.json, args.csv, args.html):
        if extra:
            paths.append(extra)
    return paths


def _export(comparison: Comparison, path: str, args: argparse.Namespace) -> None:
    from desktop.export import ReportOptions, write_export

    sections = None
    if args.sections:
        sections = frozenset(s.strip() for s in args.sections.split(",") if s.strip())
    options = ReportOptions.from_cli(sections=sections, include_partials=not args.no_partials)
    write_export(comparison, path, options=options)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
