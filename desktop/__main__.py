"""Entry point: no arguments opens the app; ``extract`` and ``compare`` run the CLI.

crosscheck                      open the app
crosscheck FILE...              open the app with these files (the first is the reference)
crosscheck gui [--sample] [FILE...]
crosscheck --sample             open the app with the sample comparison loaded
crosscheck --smoke-test         offscreen self-test of the (frozen) app; exit 0 when it works
crosscheck extract|compare ...  the command line (see ``crosscheck-cli --help``)
crosscheck --version
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

CLI_COMMANDS = ("extract", "compare")


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the CLI, the smoke test or the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["--version"], ["-V"]):
        from desktop import APP_NAME, __version__

        print(f"{APP_NAME} {__version__}")
        return 0
    if args[:1] in (["--help"], ["-h"]):
        print(__doc__)
        return 0
    if args and args[0] in CLI_COMMANDS:
        from desktop.cli import main as cli_main

        return cli_main(args)
    if args[:1] == ["--smoke-test"]:
        from desktop.smoke import run_smoke_test

        return run_smoke_test()
    if args[:1] == ["gui"]:
        args = args[1:]
    from desktop.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
