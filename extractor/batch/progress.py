"""Progress of a batch run on standard error: a bar with documents/s and an ETA on a terminal, a line every
``every`` seconds otherwise (log files). The total is counted in a background thread (a quick pass over
the inputs that parses no HTML and no JSON); until it is known the bar shows only the count and speed."""
from __future__ import annotations

import sys
import threading
import time
from typing import Optional, Sequence


class Progress:
    def __init__(self, mode: str = "auto", inputs: Optional[Sequence[str]] = None, count: bool = True,
                 every: float = 30.0, stream=None):
        """``mode``: ``bar``, ``lines``, ``off``, or ``auto`` (a bar on a terminal, else lines)."""
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if getattr(self.stream, "isatty", lambda: False)() else "lines"
        self.mode = mode
        self.total: Optional[int] = None
        self.n = 0
        self.every = every
        self._start = self._last = time.monotonic()
        self._stop = False
        self.bar = None
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(total=None, unit="doc", desc="kazextract", file=self.stream, dynamic_ncols=True,
                            smoothing=0.05, mininterval=0.5)
        if mode != "off" and count and inputs and "-" not in inputs:
            threading.Thread(target=self._count, args=(list(inputs),), daemon=True, name="kazextract-count").start()

    def _count(self, inputs):
        from ..io.inputs import count_documents

        total = count_documents(inputs, stop=lambda: self._stop)
        if total is not None and not self._stop:
            self.total = total
            if self.bar is not None:
                self.bar.total = total  # shown, with the ETA, at the next update

    def update(self, n: int, postfix: Optional[str] = None) -> None:
        self.n += n
        if self.bar is not None:
            if postfix is not None:
                self.bar.set_postfix_str(postfix, refresh=False)
            self.bar.update(n)
        elif self.mode == "lines":
            now = time.monotonic()
            if now - self._last >= self.every:
                self._last = now
                rate = self.n / max(now - self._start, 1e-9)
                of = f"/{self.total}" if self.total else ""
                eta = ""
                if self.total and rate > 0:
                    eta = f", about {max(self.total - self.n, 0) / rate / 60:.0f} min left"
                self.write(f"kazextract: {self.n}{of} documents, {rate:.1f}/s{eta}"
                           + (f" ({postfix})" if postfix else ""))

    def write(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        self._stop = True
        if self.bar is not None:
            self.bar.close()
