"""``--ner stanza``: Stanza's NER tagger run over our sentences and tokens, its entities set as ``doc.ents``.

Stanza (``pip install .[stanza]``) is imported only when this backend is used. It never downloads
anything here: the model comes from a directory, looked for in this order

1. ``model_path`` (``--model`` on the command line),
2. the environment variable ``KAZEXTRACT_STANZA_DIR``,
3. Stanza's own resources directory, ``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``, when it holds
   Kazakh models (``stanza.download("kk")``, done by the user where there is internet).

Two layouts of that directory are understood:

* **a kazextract model** (what ``kazextract train-stanza-ner`` writes)::

      ner.pt               the NER tagger (Stanza's NER trainer output)
      pretrain.pt          the word vectors it was trained with (Stanza's Pretrain format)
      forward_charlm.pt    optional, only for a tagger trained with character language models
      backward_charlm.pt   optional, likewise
      meta.json            optional: {"name": ..., "version": ..., scores, training settings}

* **Stanza's resources** (from ``stanza.download("kk")``): ``<root>/resources.json`` and
  ``<root>/kk/ner/*.pt``, ``<root>/kk/pretrain/*.pt``, ``<root>/kk/{forward,backward}_charlm/*.pt``.
  Either ``<root>`` or ``<root>/kk`` may be given; Stanza's ``resources.json`` says which pretrain and
  character models the default Kazakh NER needs.

The component ``kx_stanza_ner`` hands Stanza the sentences of ``kk_sentencizer`` and the tokens of our
tokenizer (``tokenize_pretokenized``: Stanza's own tokenizer does not run), so the entity boundaries
fall on our tokens; they become character spans of ``doc.text`` (the normalised text) through
``doc.char_span(..., alignment_mode="expand")``. Labels are Stanza's, unchanged: the official Kazakh
model and ours both use the KazNERD labels (PERSON, GPE, LOCATION, ORGANISATION, ...), like our spaCy
model, so the components after it read ``doc.ents`` the same way.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans, minibatch

ENV_MODEL_DIR = "KAZEXTRACT_STANZA_DIR"
ENV_THREADS = "KAZEXTRACT_STANZA_THREADS"
FACTORY = "kx_stanza_ner"
PIPE_NAME = "stanza_ner"  # the name pipeline.NER_COMPONENTS knows: kx_names comes after it
LANG = "kk"

# names of the files in a kazextract Stanza model directory
NER_FILE = "ner.pt"
PRETRAIN_FILE = "pretrain.pt"
FORWARD_CHARLM_FILE = "forward_charlm.pt"
BACKWARD_CHARLM_FILE = "backward_charlm.pt"
META_FILE = "meta.json"

INSTALL_HINT = ("Stanza is an optional extra: install torch first (a CPU build is enough), then "
                "`pip install .[stanza]`; see the README, section 'Stanza backend'.")


class StanzaModelError(RuntimeError):
    """No usable Stanza NER model (or no Stanza)."""


@dataclass(frozen=True)
class StanzaModel:
    """Where a Stanza NER model is, and how to give it to ``stanza.Pipeline``."""

    directory: Path
    name: str
    ner: Optional[Path] = None          # kazextract layout: explicit files
    pretrain: Optional[Path] = None
    forward_charlm: Optional[Path] = None
    backward_charlm: Optional[Path] = None
    resources_root: Optional[Path] = None  # Stanza layout: let resources.json decide

    def pipeline_options(self) -> dict:
        """Keyword arguments of ``stanza.Pipeline`` for this model (besides the shared ones)."""
        if self.resources_root is not None:
            return {"dir": str(self.resources_root)}
        opts = {"ner_model_path": str(self.ner)}
        if self.pretrain is not None:
            opts["ner_pretrain_path"] = str(self.pretrain)
        if self.forward_charlm is not None and self.backward_charlm is not None:
            opts["ner_forward_charlm_path"] = str(self.forward_charlm)
            opts["ner_backward_charlm_path"] = str(self.backward_charlm)
        return opts


def stanza_resources_dir() -> Path:
    """Stanza's default resources directory (without importing Stanza)."""
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or Path.home() / "stanza_resources")


def _kazextract_model(directory: Path) -> StanzaModel:
    meta = {}
    if (directory / META_FILE).exists():
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    name = meta.get("name") or directory.name
    if meta.get("version"):
        name = f"{name}-{meta['version']}"
    pretrain = directory / PRETRAIN_FILE
    if not pretrain.exists():
        if meta.get("pretrain", True):
            raise StanzaModelError(f"{directory} has {NER_FILE} but no {PRETRAIN_FILE}: Stanza's NER tagger needs "
                                   "the word vectors it was trained with")
        pretrain = None
    fwd, bwd = directory / FORWARD_CHARLM_FILE, directory / BACKWARD_CHARLM_FILE
    has_charlm = fwd.exists() and bwd.exists()
    return StanzaModel(directory=directory, name=name, ner=directory / NER_FILE, pretrain=pretrain,
                       forward_charlm=fwd if has_charlm else None, backward_charlm=bwd if has_charlm else None)


def _stanza_resources_model(lang_dir: Path) -> StanzaModel:
    root = lang_dir.parent
    if not (root / "resources.json").exists():
        raise StanzaModelError(f"{lang_dir} looks like Stanza's downloaded Kazakh models, but "
                               f"{root / 'resources.json'} is missing (it says which word vectors and character "
                               "models the NER needs)")
    taggers = sorted(p.stem for p in (lang_dir / "ner").glob("*.pt"))
    return StanzaModel(directory=lang_dir, name=taggers[0] if len(taggers) == 1 else "default",
                       resources_root=root)


def model_in(directory: Path) -> Optional[StanzaModel]:
    """The Stanza NER model in ``directory`` (either layout), ``None`` when it holds none."""
    directory = Path(directory).expanduser()
    if (directory / NER_FILE).exists():
        return _kazextract_model(directory)
    for lang_dir in (directory, directory / LANG):
        if lang_dir.name == LANG and any((lang_dir / "ner").glob("*.pt")):
            return _stanza_resources_model(lang_dir)
    return None


def locate_model(model_path: Optional[str] = None) -> StanzaModel:
    """The model to use: ``model_path``, else ``$KAZEXTRACT_STANZA_DIR``, else Stanza's resources directory.
    Raises :class:`StanzaModelError` saying where it looked when there is none."""
    if model_path:
        directory, why = Path(model_path), "the model path given"
    elif os.environ.get(ENV_MODEL_DIR):
        directory, why = Path(os.environ[ENV_MODEL_DIR]), f"${ENV_MODEL_DIR}"
    else:
        directory, why = stanza_resources_dir() / LANG, "Stanza's resources directory"
    found = model_in(directory)
    if found is not None:
        return found
    state = "missing" if not directory.expanduser().exists() else "no model there"
    raise StanzaModelError(
        f"no Stanza Kazakh NER model found in {directory} ({why}; {state}). Give a directory with --model / "
        f"model_path or ${ENV_MODEL_DIR}: either one written by `kazextract train-stanza-ner` ({NER_FILE} + "
        f"{PRETRAIN_FILE}) or Stanza's resources after `stanza.download(\"kk\")` (done beforehand where there is "
        "internet; kazextract never downloads).")


def _import_stanza():
    try:
        import stanza  # noqa: F401
        import torch  # noqa: F401
    except ImportError as exc:
        raise StanzaModelError(f"--ner stanza needs the stanza package ({exc}). {INSTALL_HINT}") from None
    return stanza


def _threads(threads: Optional[int]) -> int:
    if threads is None:
        threads = int(os.environ.get(ENV_THREADS, "1"))
    return threads


class StanzaTagger:
    """A loaded Stanza NER pipeline that tags sentences given as token lists."""

    def __init__(self, model: StanzaModel, threads: Optional[int] = 1, batch_size: Optional[int] = None):
        stanza = _import_stanza()
        import torch

        threads = _threads(threads)
        if threads > 0:
            torch.set_num_threads(threads)
        options = dict(processors="tokenize,ner", tokenize_pretokenized=True, download_method=None,
                       device="cpu", logging_level="ERROR")
        if batch_size:
            options["ner_batch_size"] = batch_size
        options.update(model.pipeline_options())
        self.model = model
        if model.resources_root is not None:
            self.pipeline = stanza.Pipeline(LANG, **options)
            return
        # Stanza's Pipeline reads a resources.json even when every model file is given; an empty
        # one (in a temporary file) tells it that nothing is known, so only our files are used.
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "resources.json"
            empty.write_text("{}", encoding="utf-8")
            self.pipeline = stanza.Pipeline(LANG, dir=tmp, allow_unknown_language=True, **options)

    def tag(self, sentences: Sequence[Sequence[str]]) -> List[List[Tuple[int, int, str]]]:
        """For each sentence, its entities as ``(first_token, end_token, label)`` (end exclusive)."""
        batch = [list(s) for s in sentences if len(s)]
        result: List[List[Tuple[int, int, str]]] = [[] for _ in sentences]
        if not batch:
            return result
        tagged = iter(self.pipeline(batch).sentences)
        for n, sent in enumerate(sentences):
            if not len(sent):
                continue
            for ent in next(tagged).ents:
                first, last = ent.tokens[0].id[0] - 1, ent.tokens[-1].id[0] - 1
                result[n].append((first, last + 1, ent.type))
        return result


def _sentences_of(doc: Doc) -> List[List[int]]:
    """Indices of the non-space tokens of each sentence (the whole doc when no boundaries are set)."""
    if doc.has_annotation("SENT_START"):
        groups = [range(s.start, s.end) for s in doc.sents]
    else:
        groups = [range(len(doc))]
    out = []
    for group in groups:
        tokens = [i for i in group if not doc[i].is_space]
        if tokens:
            out.append(tokens)
    return out


class StanzaNERComponent:
    """spaCy component: Stanza's entities on our sentences and tokens become ``doc.ents``."""

    def __init__(self, name: str, tagger: StanzaTagger):
        self.name = name
        self.tagger = tagger

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Tag the sentences of ``batch_size`` documents in one Stanza call (far fewer calls for short texts)."""
        for batch in minibatch(docs, size=batch_size):
            sentences = [_sentences_of(doc) for doc in batch]
            tagged = iter(self.tagger.tag([[doc[i].text for i in s] for doc, sents in zip(batch, sentences)
                                           for s in sents]))
            for doc, sents in zip(batch, sentences):
                self._set_ents(doc, sents, [next(tagged) for _ in sents])
                yield doc

    @staticmethod
    def _set_ents(doc: Doc, sentences: List[List[int]], tagged: List[List[Tuple[int, int, str]]]) -> None:
        spans = []
        for tokens, ents in zip(sentences, tagged):
            for first, end, label in ents:
                start_char = doc[tokens[first]].idx
                last = doc[tokens[end - 1]]
                span = doc.char_span(start_char, last.idx + len(last.text), label=label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.ents = filter_spans(spans)

    # the model lives in its own directory, not in a saved spaCy pipeline
    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self


@Language.factory(FACTORY, default_config={"model_path": None, "threads": None, "batch_size": None})
def make_stanza_ner(nlp: Language, name: str, model_path: Optional[str], threads: Optional[int],
                    batch_size: Optional[int]):
    model = locate_model(model_path)
    return StanzaNERComponent(name, StanzaTagger(model, threads=threads, batch_size=batch_size))


def add_stanza_ner(nlp: Language, model_path: Optional[str] = None, threads: Optional[int] = None) -> Language:
    """Add ``kx_stanza_ner`` to ``nlp`` as ``stanza_ner`` (right after the sentencizer, so before the rule
    components and ``kx_names``) and name the model in ``nlp.meta["kazextract_model"]``.
    ``threads``: torch CPU threads (default ``$KAZEXTRACT_STANZA_THREADS`` or 1; 0 leaves torch's default)."""
    model = locate_model(model_path)  # fail early, with the message, before loading anything
    _import_stanza()
    if "kk_sentencizer" not in nlp.pipe_names:  # Stanza tags sentence by sentence: ours
        from ..lang.kk import sentencizer  # noqa: F401 - registers kk_sentencizer
        nlp.add_pipe("kk_sentencizer", first=True)
    nlp.add_pipe(FACTORY, name=PIPE_NAME, after="kk_sentencizer",
                 config={"model_path": str(model.directory), "threads": threads})
    nlp.meta["kazextract_model"] = f"stanza-ner-{LANG}-{model.name}"
    return nlp
