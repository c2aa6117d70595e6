"""The per-document time limit (``--doc-timeout``).

A document may take ``base + len(text) / CHARS_PER_SECOND_OF_SLACK`` seconds (:func:`limit_for`): 60 s
by default plus 1 s per 10,000 characters, generous for linear work (the rules run about 40,000
characters per second per core) and a bound for anything that is not. In the process that runs the
pipeline (a worker, or the main process with ``--workers 0`` and ``extract``) :func:`deadline` arms
``SIGALRM`` (``setitimer``) and raises :class:`DocTimeout` in the code that overruns; the caller turns it
into an error row for that document and goes on. :class:`DocTimeout` is a ``BaseException`` so that a
library's ``except Exception`` cannot swallow it, and the timer fires again every second until the
document is left. Code stuck inside native code without returning to Python is caught one level up: the
main process kills a worker whose task overran (``executors.PoolExecutor``).
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator, Optional

DEFAULT_DOC_TIMEOUT = 60.0
CHARS_PER_SECOND_OF_SLACK = 10_000


class DocTimeout(BaseException):
    """A document ran past its time limit."""


def limit_for(chars: int, base: Optional[float]) -> Optional[float]:
    """Seconds allowed for a document of ``chars`` characters; ``None`` (no limit) when ``base`` is 0/None."""
    if not base or base <= 0:
        return None
    return base + chars / CHARS_PER_SECOND_OF_SLACK


def timeout_reason(seconds: float) -> str:
    return (f"took longer than {seconds:.3g} s (--doc-timeout; the limit grows by 1 s per "
            f"{CHARS_PER_SECOND_OF_SLACK:,} characters); stopped, not processed")


def _raise(signum, frame):
    raise DocTimeout()


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def deadline(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`DocTimeout` in the block when it runs longer than ``seconds`` (no limit: ``None``, or
    outside the main thread, where signals cannot be delivered)."""
    if seconds is None or not can_interrupt():
        yield
        return
    old = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), 1.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
