"""A worker task that hangs where Python's timer cannot reach it (SIGALRM ignored: a stand-in for native code
that never returns) on documents marked for it; imported by the worker processes of test_run_timeouts.py."""
import signal
import time

from extractor.batch.worker import run_task

MARKER = "ҚАТЫП ҚАЛ"


def hang_on_marker(units):
    for unit in units:
        if MARKER in getattr(unit.read, "text", ""):
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
            time.sleep(600)
    return run_task(units)
