"""``idlibtui`` entry point: no subcommand opens the app, subcommands script the same core.

Each subcommand lives in its own module exposing ``register(subparsers)``; the parser it adds
sets ``func(args, settings) -> int``. Modules are imported only for the command being run, so
``idlibtui search`` never pays for Textual.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from idlibtui import __version__
from idlibtui.cli.errors import UsageError
from idlibtui.config import ConfigError, corrections_problem, resolve
from idlibtui.search.backend import IndexUnavailable
from idlibtui.textsafe import printable

COMMANDS: dict[str, str] = {
    "index": "idlibtui.cli.index_cmd",
    "search": "idlibtui.cli.search_cmd",
    "show": "idlibtui.cli.show_cmd",
    "clean": "idlibtui.cli.clean_cmd",
    "figures": "idlibtui.cli.figures_cmd",
    "compare": "idlibtui.cli.compare_cmd",
    "import": "idlibtui.cli.import_cmd",
}


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line (its default also prints usage, which is fine)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"idlibtui: error: {message}\n")
        raise SystemExit(2)


def build_parser(commands: list[str] | None = None) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="idlibtui",
        description="Read, search and compare news reports. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"idlibtui {__version__}")
    parser.add_argument("--corpus", metavar="DIR", help="corpus folder (default: ./corpus)")
    parser.add_argument("--index", metavar="DIR", help="index folder (default: ./index)")
    parser.add_argument(
        "--corrections", metavar="FILE", help="entity corrections file (see README)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in list(COMMANDS) if commands is None else commands:
        module = importlib.import_module(COMMANDS[name])
        module.register(sub)
    return parser


def _wanted_command(argv: list[str]) -> str | None:
    """The subcommand named on the line, if any, so only its module is imported."""
    skip = False
    for word in argv:
        if skip:
            skip = False
            continue
        if word in ("--corpus", "--index", "--corrections"):
            skip = True
            continue
        if word.startswith("-"):
            continue
        return word if word in COMMANDS else None
    return None


def _opens_app(argv: list[str]) -> bool:
    """No subcommand and no help asked: the line only opens the app (no command module needed)."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in ("--corpus", "--index", "--corrections"):
            skip = True
        elif word in ("-h", "--help") or not word.startswith("-"):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    wanted = _wanted_command(argv)
    commands: list[str] | None = None  # all of them: help, or an unknown command's error
    if wanted:
        commands = [wanted]
    elif _opens_app(argv):
        commands = []  # the app needs no command module (together ~30 ms of imports)
    parser = build_parser(commands)
    args = parser.parse_args(argv)
    try:
        settings = resolve(args.corpus, args.index, args.corrections)
        if args.corpus and not settings.corpus.is_dir():
            # A folder named on the line that is not there is a mistake: never fall back.
            what = "is not a folder" if settings.corpus.exists() else "does not exist"
            raise UsageError(
                f"the corpus folder {settings.corpus} given with --corpus {what}; give "
                "--corpus DIR (or IDLIBTUI_CORPUS) a folder of .txt/.html articles"
            )
        problem = corrections_problem(settings.corrections)
        if problem:
            raise UsageError(problem)
        if args.command is None:
            from idlibtui.tui import launch

            return launch(settings)
        return int(args.func(args, settings) or 0)
    except (UsageError, ConfigError, IndexUnavailable) as exc:
        sys.stderr.write(f"idlibtui: {printable(str(exc))}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("idlibtui: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the machine, not us: a full disk, a read-only or missing place
        what = exc.strerror or str(exc)
        where = f": {exc.filename}" if exc.filename else ""
        sys.stderr.write(f"idlibtui: {printable(what + where)}\n")
        return 2
    except Exception as exc:  # a bug of ours: one readable line, the traceback on request
        if os.environ.get("IDLIBTUI_DEBUG"):
            raise
        what = printable(f"{type(exc).__name__}: {exc}")
        sys.stderr.write(
            f"idlibtui: internal error: {what}\n"
            "idlibtui: run again with IDLIBTUI_DEBUG=1 to see the traceback, and please report it\n"
        )
        return 1
