"""Charts of the archive report as inline SVG, drawn by matplotlib (the ``[report]`` extra) with its SVG
backend: text stays text (``svg.fonttype = none``), nothing refers to a file or a network address."""
from __future__ import annotations

import io
import re
from typing import Optional, Sequence

BAR = "#3f6fb5"
SECOND = "#e0a030"


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _svg(fig, name: str) -> str:
    import matplotlib

    buf = io.StringIO()
    # a salt per chart keeps the ids of clip paths distinct between the charts of one page
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"kazextract-{name}"}):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML declaration and DOCTYPE: the SVG goes inline
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    return svg.replace("<svg ", f'<svg class="chart" data-chart="{name}" role="img" ', 1)


def _figure(height: float):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, height), dpi=100)
    ax = fig.subplots()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def hbars(name: str, labels: Sequence[str], values: Sequence[float], title: str, xlabel: str = "") -> Optional[str]:
    """Horizontal bars, largest on top."""
    if not labels:
        return None
    fig, ax = _figure(0.6 + 0.28 * len(labels))
    ys = range(len(labels))
    ax.barh(list(ys), list(values), color=BAR)
    ax.set_yticks(list(ys), [str(s)[:48] for s in labels], fontsize=8)
    ax.invert_yaxis()
    ax.set_title(title, fontsize=10, loc="left")
    if xlabel:
        ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    return _svg(fig, name)


def columns(name: str, labels: Sequence[str], values: Sequence[float], title: str, ylabel: str = "",
            second: Optional[Sequence[float]] = None, legend: Sequence[str] = ()) -> Optional[str]:
    """Vertical bars over categories (months), optionally a second series beside the first."""
    if not labels:
        return None
    fig, ax = _figure(2.6)
    xs = list(range(len(labels)))
    width = 0.8 if second is None else 0.4
    ax.bar([x - (0 if second is None else width / 2) for x in xs], list(values), width=width, color=BAR,
           label=legend[0] if legend else None)
    if second is not None:
        ax.bar([x + width / 2 for x in xs], list(second), width=width, color=SECOND,
               label=legend[1] if len(legend) > 1 else None)
        ax.legend(fontsize=8, frameon=False)
    step = max(1, len(labels) // 24)  # at most about 24 tick labels
    ax.set_xticks(xs[::step], [str(s) for s in labels][::step], rotation=60, ha="right", fontsize=7)
    ax.set_title(title, fontsize=10, loc="left")
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=all(float(v).is_integer() for v in values)))
    if ylabel:
        ax.set_ylabel(ylabel, fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    return _svg(fig, name)
