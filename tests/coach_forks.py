"""Run `coach` as a process of its own, without paying for its imports each time.

A test that runs `coach say …` wants what a person gets: a separate process with its own
standard streams, working directory, environment and exit status. Starting a fresh Python
for each costs about 0.8 s of CPU, most of it importing SQLAlchemy; the suite runs `coach`
some two hundred times. So each test process starts one server (`python -m
tests.coach_forks`) that imports `bot.cli` once and then forks a child per run: the child
takes the run's streams, directory, environment and arguments, calls `bot.cli.main` as the
console script does, and exits with its status. What this skips is the interpreter's start
and the imports, which `bench/startup.py` and `tests/test_startup.py` measure on the real
`coach` script; tests that need the script itself (a terminal, signals, `coach run`)
still start it.

    run_coach(["--db", url, "say", "squat 3x5 100kg"], input=None, cwd=None, env=None)

returns a `subprocess.CompletedProcess[str]` like `subprocess.run(..., capture_output=True,
text=True)`, and raises `subprocess.TimeoutExpired` past its timeout.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

COACH = str(Path(sys.executable).with_name("coach"))
ROOT = Path(__file__).resolve().parent.parent

_lock = threading.Lock()
_server: subprocess.Popen[bytes] | None = None


def run_coach(
    args: list[str],
    *,
    input: str | None = None,
    cwd: Path | str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run `coach ARGS` in a forked child of the server; see the module's docstring."""
    with tempfile.TemporaryDirectory(prefix="coach-run-") as tmp:
        streams = {name: Path(tmp) / name for name in ("stdin", "stdout", "stderr")}
        streams["stdin"].write_text(input or "", encoding="utf-8")
        request = {
            "argv": list(args),
            "env": dict(os.environ if env is None else env),
            "cwd": str(cwd) if cwd is not None else os.getcwd(),
            "timeout": timeout,
            **{name: str(path) for name, path in streams.items()},
        }
        reply = _ask(request)
        out = streams["stdout"].read_text(encoding="utf-8", errors="replace")
        err = streams["stderr"].read_text(encoding="utf-8", errors="replace")
    if reply["timeout"]:
        raise subprocess.TimeoutExpired([COACH, *args], timeout, out, err)
    return subprocess.CompletedProcess([COACH, *args], reply["rc"], out, err)


def _ask(request: dict[str, object]) -> dict[str, object]:
    global _server
    with _lock:
        for attempt in (1, 2):
            if _server is None or _server.poll() is not None:
                _server = subprocess.Popen(
                    [sys.executable, "-m", "tests.coach_forks"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    cwd=ROOT,
                )
            assert _server.stdin is not None
            assert _server.stdout is not None
            try:
                _server.stdin.write(json.dumps(request).encode() + b"\n")
                _server.stdin.flush()
                line = _server.stdout.readline()
            except BrokenPipeError:
                line = b""
            if line:
                return json.loads(line)
            _server.kill()  # it died (or was killed): start another, once
            _server.wait()
            _server = None
            if attempt == 2:
                raise RuntimeError("the coach fork server stopped answering")
    raise AssertionError("unreachable")


@atexit.register
def _stop() -> None:
    if _server is not None and _server.poll() is None:
        _server.kill()
        _server.wait()


# ---- the server -------------------------------------------------------------------------


def _serve() -> None:
    from bot.cli import main

    _preload()
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):  # the children get their own; the server's are the request pipes
        os.dup2(null, fd)
    buffer = b""
    while True:
        while b"\n" not in buffer:
            chunk = requests.read(65536)
            if not chunk:
                return
            buffer += chunk
        line, buffer = buffer.split(b"\n", 1)
        request = json.loads(line)
        rc, timed_out = _fork_and_wait(main, request)
        replies.write(json.dumps({"rc": rc, "timeout": timed_out}).encode() + b"\n")


def _preload() -> None:
    """Import what `coach say`, `import` and `parse` import, so each child starts ready."""
    import aiosqlite  # noqa: F401
    import asyncpg  # noqa: F401

    import bot.bootstrap
    import bot.cli_commands  # noqa: F401
    import storage.database  # noqa: F401


def _fork_and_wait(main: object, request: dict) -> tuple[int, bool]:
    pid = os.fork()
    if pid == 0:
        _child(main, request)  # never returns
    deadline = time.monotonic() + float(request["timeout"])
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), False
        if time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return -signal.SIGKILL, True
        time.sleep(0.002)


_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC


def _child(main: object, request: dict) -> None:
    code = 1
    try:
        os.setpgid(0, 0)  # its own group, so a timeout kills what it started too
        for fd, name, mode in (
            (0, "stdin", os.O_RDONLY),
            (1, "stdout", _WRITE),
            (2, "stderr", _WRITE),
        ):
            target = os.open(request[name], mode)
            os.dup2(target, fd)
            os.close(target)
        sys.stdin = os.fdopen(0, "r", closefd=False)
        sys.stdout = os.fdopen(1, "w", closefd=False)
        sys.stderr = os.fdopen(2, "w", closefd=False, errors="backslashreplace")
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = [COACH, *request["argv"]]
        try:
            code = main(request["argv"])  # type: ignore[operator]
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # as the interpreter does: the traceback, then status 1
            import traceback

            traceback.print_exc()
            code = 1
        import atexit as exiting

        exiting._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (BrokenPipeError, ValueError):
                pass
    finally:
        os._exit(code if isinstance(code, int) else 1)


if __name__ == "__main__":
    _serve()
