"""Train a Stanza NER tagger on KazNERD, on the same split as the spaCy model, and score it.

Steps (:func:`train`):

1. **Data.** KazNERD's validation file (the train file is not available here) is split by source
   sentence id, ``seed`` 13 and ``heldout`` 0.1 as for the spaCy model (:func:`kaznerd.split_by_source`):
   the training part trains, the held-out part picks the best checkpoint. The test file is never
   trained on; it is only scored at the end (``--test``). Every token goes through our normaliser (the
   one ``doc.text`` comes from: dashes to ``-``, curly quotes to straight ...), so the tagger sees
   tokens as it will at run time. They are written as Stanza's NER JSON (one list of
   ``{"text", "ner"}`` per sentence).
2. **Word vectors.** Stanza's tagger needs a pretrained word-vector file. We train skip-gram vectors
   (:mod:`extractor.ner.word_vectors`) on lower-cased text: the training part of KazNERD, the UD
   Kazakh KTB sentences and any other plain text given (``vector_texts``: ``.txt`` files or
   directories of them, tokenised with our tokenizer). Held-out and test sentences are left out.
   Stanza's ``Pretrain`` turns them into ``pretrain.pt``.
3. **Tagger.** Stanza's NER trainer (``stanza.models.ner_tagger``: character BiLSTM + word
   embeddings, BiLSTM, CRF) runs on the CPU with the settings of :class:`StanzaTrainConfig`, for at
   most ``max_steps`` batches, keeping the checkpoint with the best held-out entity F1.
4. **Scores.** Entity-level exact match (same first token, last token and label), micro P/R/F1 over all
   labels and per label, on the held-out part and, with ``test=True``, on KazNERD test, computed exactly
   as for the spaCy model (:mod:`extractor.ner.evaluate`). They go into ``meta.json`` with the settings.

The model directory holds ``ner.pt``, ``pretrain.pt`` and ``meta.json`` (see
:mod:`extractor.ner.stanza_backend`).
"""
from __future__ import annotations

import json
import logging
import tempfile
import time
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from .kaznerd import Sentence, read_conll, split_by_source
from .stanza_backend import META_FILE, NER_FILE, PRETRAIN_FILE, _import_stanza, model_in
from .word_vectors import SkipGramConfig, train_skipgram, write_text_vectors

Log = Callable[[str], None]

VALID_WITH_IDS = Path("with_sentID") / "IOB2_valid2.txt"
VALID_PLAIN = Path("IOB2_valid.txt")
TEST_FILE = Path("IOB2_test.txt")


@dataclass
class StanzaTrainConfig:
    """What to train on and how. The defaults are the settings of the reported model."""

    kaznerd_dir: Path
    output: Path
    ud_dir: Optional[Path] = None
    vector_texts: List[Path] = field(default_factory=list)
    name: str = "kaznerd"
    version: str = "1"
    split_seed: int = 13
    heldout: float = 0.1
    limit_train: int = 0            # use only this many training sentences (0: all), for quick runs
    test: bool = False              # score KazNERD test at the end
    vectors: SkipGramConfig = field(default_factory=SkipGramConfig)
    # Stanza NER trainer
    seed: int = 1234
    max_steps: int = 6000
    eval_interval: int = 500
    max_steps_no_improve: int = 2500
    batch_size: int = 32
    hidden_dim: int = 256
    char_hidden_dim: int = 100
    char_emb_dim: int = 100
    optim: str = "adam"
    lr: float = 0.002
    dropout: float = 0.5
    word_dropout: float = 0.01
    threads: int = 1


# ---------------------------------------------------------------- data

@lru_cache(maxsize=200_000)
def normalize_token(token: str) -> str:
    """The token as our normaliser would leave it in ``doc.text`` (a token it would delete stays)."""
    from ..normalize import normalize

    return normalize(token).text.strip() or token


def load_split(kaznerd_dir: Path, seed: int = 13, heldout: float = 0.1, log: Optional[Log] = None
               ) -> Tuple[List[Sentence], List[Sentence]]:
    """``(train, heldout)`` from KazNERD's validation file, split by source sentence id."""
    path = kaznerd_dir / VALID_WITH_IDS
    if not path.exists():
        path = kaznerd_dir / VALID_PLAIN
        if log:
            log(f"warning: {kaznerd_dir / VALID_WITH_IDS} missing; splitting {path} by sentence, so variants "
                "of one source sentence may land on both sides")
    if not path.exists():
        raise FileNotFoundError(f"no KazNERD validation file in {kaznerd_dir}")
    return split_by_source(list(read_conll(path)), heldout=heldout, seed=seed)


def load_test(kaznerd_dir: Path) -> List[Sentence]:
    return list(read_conll(kaznerd_dir / TEST_FILE))


def to_stanza_json(sentences: Iterable[Sentence]) -> List[List[Dict[str, str]]]:
    """Stanza's NER training format, tokens normalised."""
    return [[{"text": normalize_token(t), "ner": tag} for t, tag in zip(s.tokens, s.tags)] for s in sentences]


def write_stanza_json(sentences: Iterable[Sentence], path: Path) -> int:
    doc = to_stanza_json(sentences)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return len(doc)


# ---------------------------------------------------------------- text for word vectors

def _tokenizer():
    import spacy

    from .. import lang  # noqa: F401 - registers kk
    from ..lang.kk import sentencizer  # noqa: F401

    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    return nlp


def _tokenised_lines(lines: Iterable[str], nlp) -> Iterator[List[str]]:
    for line in lines:
        line = line.strip()
        if not line:
            continue
        doc = nlp(line)
        for sent in doc.sents:
            tokens = [t.text for t in sent if not t.is_space]
            if tokens:
                yield tokens


def ud_sentences(ud_dir: Path, nlp) -> Iterator[List[str]]:
    """The ``# text =`` lines of the UD ``.conllu`` files, tokenised by our tokenizer."""
    for path in sorted(ud_dir.glob("*.conllu")):
        with open(path, encoding="utf-8") as f:
            yield from _tokenised_lines((line[len("# text = "):] for line in f if line.startswith("# text = ")), nlp)


def text_file_sentences(paths: Sequence[Path], nlp) -> Iterator[List[str]]:
    for p in paths:
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for path in files:
            yield from _tokenised_lines(path.read_text(encoding="utf-8", errors="replace").splitlines(), nlp)


def vector_corpus(train: Sequence[Sentence], ud_dir: Optional[Path], texts: Sequence[Path]) -> List[List[str]]:
    """Lower-cased token lists for the word vectors (Stanza looks words up lower-cased)."""
    sentences = [[normalize_token(t) for t in s.tokens] for s in train]
    if ud_dir or texts:
        nlp = _tokenizer()
        if ud_dir and ud_dir.exists():
            sentences += list(ud_sentences(ud_dir, nlp))
        sentences += list(text_file_sentences(texts, nlp))
    return [[t.lower() for t in s] for s in sentences]


def build_pretrain(sentences: Sequence[Sequence[str]], path: Path, config: SkipGramConfig,
                   log: Optional[Log] = None) -> int:
    """Train vectors on ``sentences`` and save them as Stanza's ``pretrain.pt``; returns the vocabulary size."""
    _import_stanza()
    from stanza.models.common.pretrain import Pretrain

    words, matrix = train_skipgram(sentences, config, log=log)
    text_file = path.with_suffix(".vec.txt")
    write_text_vectors(words, matrix, text_file)
    try:
        Pretrain(str(path), str(text_file), max_vocab=-1, save_to_file=True).load()
    finally:
        text_file.unlink()
    return len(words)


# ---------------------------------------------------------------- scoring

def stanza_nlp(model_dir: Path, threads: int = 1):
    """Our tokenizer and sentencizer with the Stanza tagger of ``model_dir``: what ``--ner stanza`` runs."""
    import spacy

    from .. import lang  # noqa: F401 - registers kk
    from .stanza_backend import add_stanza_ner

    return add_stanza_ner(spacy.blank("kk"), str(model_dir), threads=threads)


def score_sentences(model_dir: Path, sentences: Sequence[Sentence], threads: int = 1) -> Dict[str, object]:
    """Entity-level exact-match scores on KazNERD sentences, computed as for the spaCy model
    (:func:`extractor.ner.evaluate.evaluate`: tokens joined by spaces, run through the pipeline, entities
    mapped back to KazNERD's tokens, :mod:`extractor.ner.metrics`)."""
    from .evaluate import evaluate

    report = evaluate(stanza_nlp(model_dir, threads), sentences).to_dict()
    report["sentences"] = len(sentences)
    return report


# ---------------------------------------------------------------- training

def trainer_args(config: StanzaTrainConfig, train_json: Path, dev_json: Path, pretrain: Path) -> List[str]:
    """Command-line arguments of Stanza's NER trainer for ``config``."""
    return [
        "--mode", "train", "--shorthand", f"kk_{config.name}",
        "--train_file", str(train_json), "--eval_file", str(dev_json),
        "--wordvec_pretrain_file", str(pretrain),
        "--save_dir", str(config.output), "--save_name", NER_FILE,
        "--cpu", "--seed", str(config.seed),
        "--max_steps", str(config.max_steps), "--eval_interval", str(config.eval_interval),
        "--max_steps_no_improve", str(config.max_steps_no_improve),
        "--batch_size", str(config.batch_size),
        "--hidden_dim", str(config.hidden_dim), "--char_hidden_dim", str(config.char_hidden_dim),
        "--char_emb_dim", str(config.char_emb_dim),
        "--optim", config.optim, "--lr", str(config.lr),
        "--dropout", str(config.dropout), "--word_dropout", str(config.word_dropout),
        "--log_step", str(max(1, config.eval_interval // 5)),
    ]


def run_trainer(args: List[str]) -> None:
    _import_stanza()
    from stanza.models import ner_tagger

    ner_tagger.main(args)


def train(config: StanzaTrainConfig, log: Log = print) -> Dict[str, object]:
    """Convert the data, build the vectors, train, score; returns what is written to ``meta.json``."""
    _import_stanza()
    import torch

    if config.threads > 0:
        torch.set_num_threads(config.threads)
    out = config.output
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="kazextract-stanza-") as tmp:
        meta = _train_in(config, out, Path(tmp), log)
    meta["total_seconds"] = round(time.time() - started)
    _write_meta(out, meta)
    return meta


def _train_in(config: StanzaTrainConfig, out: Path, work: Path, log: Log) -> Dict[str, object]:
    import stanza
    import torch

    train_sents, held_sents = load_split(config.kaznerd_dir, config.split_seed, config.heldout, log)
    if config.limit_train:
        train_sents = train_sents[:config.limit_train]
    log(f"data: {len(train_sents)} training and {len(held_sents)} held-out sentences from KazNERD valid")
    train_json, dev_json = work / "train.json", work / "heldout.json"
    write_stanza_json(train_sents, train_json)
    write_stanza_json(held_sents, dev_json)

    t0 = time.time()
    corpus = vector_corpus(train_sents, config.ud_dir, config.vector_texts)
    n_tokens = sum(len(s) for s in corpus)
    vocab = build_pretrain(corpus, out / PRETRAIN_FILE, config.vectors, log=log)
    vector_seconds = time.time() - t0
    log(f"word vectors: {vocab} words of {n_tokens} tokens in {len(corpus)} sentences, {vector_seconds:.0f} s")

    texts = ["KazNERD valid, training part (CC BY 4.0)"]
    if config.ud_dir:
        texts.append("UD Kazakh KTB sentences (CC BY-SA 4.0)")
    texts += [str(p) for p in config.vector_texts]
    meta: Dict[str, object] = {
        "name": config.name, "version": config.version, "stanza_version": stanza.__version__,
        "torch_version": torch.__version__, "pretrain": True, "status": "training",
        "data": {"source": "KazNERD valid (Yeshpanov, Khassanov, Varol 2022, CC BY 4.0)",
                 "split_seed": config.split_seed, "heldout": config.heldout,
                 "train_sentences": len(train_sents), "heldout_sentences": len(held_sents)},
        "vectors": {"method": "skip-gram, negative sampling (extractor.ner.word_vectors)",
                    "settings": asdict(config.vectors), "vocabulary": vocab, "tokens": n_tokens,
                    "texts": texts, "seconds": round(vector_seconds)},
        "training": {k: v for k, v in asdict(config).items()
                     if k not in ("kaznerd_dir", "output", "ud_dir", "vector_texts", "vectors", "name", "version")},
    }
    if config.ud_dir:
        meta["license_note"] = ("the word vectors learn from UD Kazakh KTB (CC BY-SA 4.0): share this model "
                                "under CC BY-SA 4.0, citing KazNERD and UD Kazakh KTB")
    _write_meta(out, meta)

    t0 = time.time()
    try:
        run_trainer(trainer_args(config, train_json, dev_json, out / PRETRAIN_FILE))
    finally:
        quiet_stanza(logging.INFO)  # the trainer turns on debug logging
    meta["training_seconds"] = round(time.time() - t0)
    meta["status"] = "trained"
    _write_meta(out, meta)
    log(f"tagger: trained in {meta['training_seconds']} s")
    return score_model(out, config.kaznerd_dir, config.split_seed, config.heldout, test=config.test,
                       threads=config.threads, log=log)


def _write_meta(out: Path, meta: Dict[str, object]) -> None:
    (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")


def score_model(model_dir: Path, kaznerd_dir: Path, split_seed: int = 13, heldout: float = 0.1, test: bool = False,
                threads: int = 1, log: Log = print) -> Dict[str, object]:
    """Score the model in ``model_dir`` on the held-out part (and KazNERD test) and record it in its
    ``meta.json``; returns the updated metadata."""
    model = model_in(model_dir)
    if model is None or model.ner is None:
        raise FileNotFoundError(f"no {NER_FILE} in {model_dir}")
    meta_path = model_dir / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {"name": model_dir.name}
    t0 = time.time()
    parts = {"heldout": load_split(kaznerd_dir, split_seed, heldout, log)[1]}
    if test:
        parts["test"] = load_test(kaznerd_dir)
    for part, sentences in parts.items():
        meta[part] = score_sentences(model_dir, sentences, threads)
        micro = meta[part]["micro"]
        log(f"{part}: F1 {micro['f1']:.4f} (P {micro['precision']:.4f}, R {micro['recall']:.4f}) "
            f"on {len(sentences)} sentences")
    meta["metric"] = ("entity-level exact match (first token, last token, type) on KazNERD's tokens, micro "
                      "average (extractor.ner.metrics, as `kazextract evaluate-ner`)")
    meta["scoring_seconds"] = round(time.time() - t0)
    _write_meta(model_dir, meta)
    return meta


def quiet_stanza(level: int = logging.WARNING) -> None:
    logging.getLogger("stanza").setLevel(level)
