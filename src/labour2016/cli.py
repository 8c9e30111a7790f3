"""The `labour2016` command: a thin dispatcher.

Each subcommand lives in its own module under labour2016.commands, exposing
HELP, EXAMPLE, add_arguments(parser) and run(args) -> exit code. Those modules
import their heavy dependencies inside run(), so `labour2016 query` never pays for
pandera and `labour2016 --help` pays for nothing.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from .problems import Exit

# name -> module; the order is the order of `labour2016 --help`.
COMMANDS = {
    "validate": "labour2016.commands.validate",
    "dictionary": "labour2016.commands.dictionary",
    "docs": "labour2016.commands.docs",
    "query": "labour2016.commands.query",
    "views": "labour2016.commands.views",
    "build": "labour2016.commands.build",
    "chart": "labour2016.commands.chart",
    "cite": "labour2016.commands.cite",
    "gaps": "labour2016.commands.gaps",
}

_WAKEUP: tuple = ()


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="labour2016",
        description="The 2016 UK Labour Party leadership election as an evidenced data package.",
        epilog="example: labour2016 query \"select * from results where election_id = 'labour-leadership-2016'\"",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"labour2016 {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        p = sub.add_parser(
            name,
            help=module.HELP,
            description=module.HELP,
            epilog=f"example:\n  {module.EXAMPLE}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return Exit.CANNOT_RUN
    from .model import CatalogError

    try:
        return args.run(args)
    except CatalogError as e:  # a view file of this library's own, edited in a checkout: not a traceback
        print(f"labour2016: {e}", file=sys.stderr)
        return Exit.CANNOT_RUN
    except KeyboardInterrupt:
        print("labour2016: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
    except RuntimeError as e:
        if str(e) != "Query interrupted":  # what DuckDB raises when it sees Ctrl-C itself
            raise
        print("labour2016: interrupted", file=sys.stderr)
        return Exit.INTERRUPTED
    except BrokenPipeError:
        return Exit.OK


def _first_ctrl_c(signum, frame) -> None:
    """Python's SIGINT handler: the first Ctrl-C raises KeyboardInterrupt (main() makes it exit 130);
    a later one only wakes the watcher, so it cannot raise into that exit path and print a traceback."""
    import signal

    signal.signal(signal.SIGINT, lambda signum, frame: None)
    raise KeyboardInterrupt


def _interrupt_duckdb_on_ctrl_c() -> None:
    """Make Ctrl-C stop a DuckDB statement at once.

    Python runs its SIGINT handler only between bytecodes, and DuckDB checks for it only
    between its tasks (with max_execution_time set, not until the timeout), so Ctrl-C alone
    can wait for the whole query. Every SIGINT also wakes this thread (signal.set_wakeup_fd),
    which interrupts the statements running on labour2016's connections. An interrupt that lands
    just before DuckDB starts a statement is lost to it, so each Ctrl-C is acted on, not the first only.
    """
    import signal
    import socket
    import threading

    global _WAKEUP
    _WAKEUP = reader, writer = socket.socketpair()  # kept: the signal writes to writer's fd
    writer.setblocking(False)
    signal.signal(signal.SIGINT, _first_ctrl_c)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)

    def watch() -> None:
        while True:
            if signal.SIGINT not in reader.recv(64):
                continue
            api = sys.modules.get("labour2016.api")  # loaded only by the commands that query
            if api is not None:
                api.interrupt_all()

    threading.Thread(target=watch, name="labour2016-ctrl-c", daemon=True).start()


def entry() -> None:
    """The console script: main(), then exit without the interpreter's teardown.

    Unloading pandas, numpy and duckdb at exit takes ~0.1 s, a sixth of `validate` on the
    package (benchmarks/RESULTS.md). By the time main() returns every command has closed its
    files and connections, so only the standard streams need flushing.
    """
    _interrupt_duckdb_on_ctrl_c()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)


if __name__ == "__main__":
    entry()
