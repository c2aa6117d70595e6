"""A worker task that kills its process on documents marked for it (a stand-in for a segfault or the
out-of-memory killer); imported by the worker processes of test_run_workers.py."""
import os

from extractor.batch.worker import run_task

MARKER = "ЖҰМЫСШЫНЫ ӨЛТІР"


def crash_on_marker(units):
    for unit in units:
        if MARKER in getattr(unit.read, "text", ""):
            os._exit(3)
    return run_task(units)


def note_pid(units):
    """The real task, writing down which process ran it (the file named by KX_TEST_PID_FILE)."""
    with open(os.environ["KX_TEST_PID_FILE"], "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    return run_task(units)
