"""What ``extract`` and ``run`` check before doing any work, so that a mistake is one clear line and exit status
2 (:class:`CommandError`, printed by ``extractor.cli.main``) rather than a traceback or a failure found halfway
through an archive: inputs that do not exist, an output in a folder that does not exist, an optional dependency
that is not installed (with the ``pip install 'kazextract[EXTRA]'`` that brings it), a NER model that is not
there."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

# The extras of pyproject.toml and the modules kazextract imports from each (tests/test_dependencies.py checks
# that the two agree).
EXTRAS: Dict[str, Tuple[str, ...]] = {
    "warc": ("warcio", "trafilatura"),
    "postgres": ("psycopg",),
    "parquet": ("pyarrow",),
    "dask": ("dask", "distributed"),
    "stanza": ("stanza", "torch"),
    "report": ("matplotlib",),
}


class CommandError(Exception):
    """A mistake in the command line or the environment; the command stops before any work with ``status``."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def require(extra: str, what: str) -> None:
    """Raise :class:`CommandError` naming ``pip install 'kazextract[extra]'`` when a module of ``extra`` cannot
    be imported. ``what`` says what needs it ("--dask", "reading a WARC archive", ...)."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            reason = " ".join(str(exc).split())
            raise CommandError(f"{what} needs the Python package {module}, which cannot be imported ({reason}): "
                               f"pip install 'kazextract[{extra}]'") from None


@dataclass
class FoundInputs:
    """What the inputs hold, found by walking them once (the same walk the readers make)."""

    files: int = 0
    stdin: bool = False
    warc: List[str] = field(default_factory=list)
    empty_dirs: List[str] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not self.files and not self.stdin


def check_inputs(inputs: Sequence[str]) -> FoundInputs:
    """Every input exists (``-`` is standard input); WARC inputs need the ``warc`` extra. Returns what was
    found, with the directories that hold no input file (the caller warns about them)."""
    from ..io.inputs import input_kind, iter_files

    missing = [spec for spec in inputs if spec != "-" and not Path(spec).exists()]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise CommandError(f"{missing[0]}: no such file or directory{more}")
    found = FoundInputs()
    for spec in inputs:
        before = found.files
        for path in iter_files([spec]):
            if path == "-":
                found.stdin = True
                continue
            found.files += 1
            if input_kind(Path(path)) == "warc":
                found.warc.append(str(path))
        if spec != "-" and Path(spec).is_dir() and found.files == before:
            found.empty_dirs.append(spec)
    if found.warc:
        require("warc", f"{found.warc[0]} is a WARC archive: reading it")
    return found


def empty_dir_warnings(found: FoundInputs) -> List[str]:
    """One warning line per directory that holds no input file."""
    from ..io.inputs import INPUT_SUFFIXES

    return [f"warning: {d}: no input files in this directory (looked for {', '.join(INPUT_SUFFIXES)})"
            for d in found.empty_dirs]


def check_output_folder(option: str, path: Optional[str], directory: bool = False) -> None:
    """An output file (or, with ``directory``, an output directory) goes into a folder that exists; a file
    output is not an existing directory. ``-`` and ``None`` pass."""
    if not path or path == "-":
        return
    if not directory and Path(path).is_dir():
        raise CommandError(f"{option} {path}: is a directory; give a file name")
    folder = Path(path).parent
    if not folder.is_dir():
        what = "is not a directory" if folder.exists() else "does not exist"
        raise CommandError(f"{option} {path}: the folder {folder} {what}")


def check_ner(ner: str, model: Optional[str]) -> None:
    """The NER model that ``--ner``/``--model`` ask for is there (and Stanza is installed for ``stanza``)."""
    if ner == "stanza":
        from ..ner.stanza_backend import StanzaModelError, locate_model

        try:
            locate_model(model)
        except StanzaModelError as exc:
            raise CommandError(f"--ner stanza: {exc}") from None
        require("stanza", "--ner stanza")
    elif ner in ("auto", "spacy"):
        from ..pipeline import default_model_path

        if model:
            if not (Path(model) / "config.cfg").exists():
                state = "does not exist" if not Path(model).exists() else "holds no spaCy model (no config.cfg)"
                raise CommandError(f"--model {model}: {state}")
        elif ner == "spacy" and default_model_path() is None:
            raise CommandError("--ner spacy: this installation ships no spaCy NER model; give --model DIR")
