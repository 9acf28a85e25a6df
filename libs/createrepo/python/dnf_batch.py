"""Runs several dnf command lines in one Python process.

Each command line goes through dnf's own entry point (dnf.cli.main.user_main), exactly as
`dnf ARGS...` would run it: a new dnf Base, config, repos and plugins every time. Only the
interpreter start-up and dnf's imports, about a quarter second of CPU, are paid once.

Input on stdin: a JSON list of argument lists (without the leading "dnf").
Output on stdout: one JSON line per command line, in order, as soon as it finished:
{"exit_code": int, "stdout": str, "stderr": str, "duration_ms": int}.
"""
import gc
import io
import json
import logging
import sys
import time

import dnf.cli.main
import dnf.plugin
import libdnf.repo

# Loggers dnf adds handlers to on every run; left alone they would repeat every message of a
# run in all later ones and keep the earlier runs' log files open.
LOGGERS = ("dnf", "dnf.rpm", "py.warnings", "librepo")


def unload_plugins():
    """What Base.unload_plugins() does, which the CLI never calls: the next run loads them anew.

    Plugin classes are found as dnf.Plugin's subclasses, so the old ones must be collected too,
    or every plugin would be there twice from the second run on.
    """
    for name in [n for n in sys.modules if n == dnf.plugin.DYNAMIC_PACKAGE or n.startswith(dnf.plugin.DYNAMIC_PACKAGE + ".")]:
        del sys.modules[name]
    gc.collect()


def run(args):
    started = time.monotonic()
    saved = {name: list(logging.getLogger(name).handlers) for name in LOGGERS}
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        code = dnf.cli.main.user_main(args, exit_code=False)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdout, sys.stderr = real
        for name, handlers in saved.items():
            logging.getLogger(name).handlers[:] = handlers
        libdnf.repo.LibrepoLog.removeAllHandlers()
        unload_plugins()
    out.flush()
    err.flush()
    return {
        "exit_code": code if isinstance(code, int) else 0,
        "stdout": out.buffer.getvalue().decode("utf-8", "replace"),
        "stderr": err.buffer.getvalue().decode("utf-8", "replace"),
        "duration_ms": round((time.monotonic() - started) * 1000),
    }


def main():
    for args in json.load(sys.stdin):
        sys.stdout.write(json.dumps(run(args)) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
