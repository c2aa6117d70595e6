"""What the checks on model names (extractor/names/model_checks.py) cost and gain on KazNERD sentences.

    OMP_NUM_THREADS=1 PYTHONPATH=. python bench/model_checks_kaznerd.py [--kaznerd DIR] [--split test] [--limit N]
        [--model DIR] [--show 30]

Each KazNERD sentence (tokens joined by spaces) is one document for the default pipeline. Gold: the
PERSON, GPE + LOCATION and ORGANISATION entities (as person, location, org). Three predictions:

* ``model``: the model's entities of those labels, as they are (edges trimmed of quotes and dashes);
* ``model+checks``: the same after :func:`extractor.names.model_checks.check_spans`;
* ``kx_names``: every person, location and org mention of the whole pipeline (rules, model, checks).

Scores: entity-level precision, recall and F1, ``exact`` (same span and type) and ``overlap`` (a
prediction counts when it overlaps a gold entity of its type; recall: gold entities overlapped by a
prediction of their type). KazNERD is TV-news transcripts, the model's own domain (it was trained on
the validation split; score on ``test``): the checks aim at written news, so here they should cost
little. ``--show`` prints dropped model entities that were correct.
"""
from __future__ import annotations

import time
from collections import Counter

import spacy  # noqa: F401

import extractor  # noqa: F401 - registers kk
from extractor.cli import Parser
from extractor.commands import add_kaznerd_option, kaznerd_file
from extractor.commands._checks import CommandError
from extractor.mentions import get_mentions
from extractor.names.component import LABELS, model_span
from extractor.names.model_checks import check_spans
from extractor.names.text import TextInfo
from extractor.ner.align import to_doc
from extractor.ner.kaznerd import read_conll
from extractor.pipeline import build_pipeline

TYPES = ("person", "location", "org")


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Tally:
    def __init__(self):
        self.c = Counter()

    def add(self, gold, pred):
        for t in TYPES + ("all",):
            g = [x for x in gold if t in ("all", x[2])]
            p = [x for x in pred if t in ("all", x[2])]
            self.c[t, "gold"] += len(g)
            self.c[t, "pred"] += len(p)
            gs = set(g)
            self.c[t, "exact"] += sum(1 for x in set(p) if x in gs)
            ov = lambda a, b: a[2] == b[2] and a[0] < b[1] and b[0] < a[1]  # noqa: E731
            self.c[t, "ov_p"] += sum(1 for x in p if any(ov(x, y) for y in g))
            self.c[t, "ov_g"] += sum(1 for y in g if any(ov(x, y) for x in p))

    def row(self, t):
        c = self.c
        e = prf(c[t, "exact"], c[t, "pred"], c[t, "exact"], c[t, "gold"])
        o = prf(c[t, "ov_p"], c[t, "pred"], c[t, "ov_g"], c[t, "gold"])
        return c[t, "gold"], c[t, "pred"], e, o


def main():
    ap = Parser(description=__doc__.split("\n\n")[0])
    add_kaznerd_option(ap)
    ap.add_argument("--split", default="test", choices=("test", "valid"), help="KazNERD split")
    ap.add_argument("--model", help="model directory (default: the shipped model)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences (0: all)")
    ap.add_argument("--show", type=int, default=0, help="print this many correct model entities the checks drop")
    args = ap.parse_args()
    try:
        split_file = kaznerd_file(args, f"IOB2_{args.split}.txt")
    except CommandError as exc:
        ap.exit(2, f"{ap.prog}: error: {exc}\n")
    sentences = list(read_conll(split_file))
    if args.limit:
        sentences = sentences[: args.limit]
    nlp = build_pipeline(ner="spacy", model_path=args.model)
    tallies = {k: Tally() for k in ("model", "model+checks", "kx_names")}
    lost = []
    started = time.perf_counter()
    texts = [" ".join(s.tokens) for s in sentences]
    for s, doc in zip(sentences, nlp.pipe(texts, batch_size=64)):
        gdoc, _ = to_doc(nlp, s)
        gold = [(e.start_char, e.end_char, LABELS[e.label_]) for e in gdoc.ents if e.label_ in LABELS]
        info = TextInfo(doc.text)
        spans = [x for x in (model_span(doc, e) for e in doc.ents) if x is not None]
        rules_persons = [m.attrs["name"] for m in get_mentions(doc) if m.type == "person" and m.source == "rule"]
        kept = check_spans(info, spans, rules_persons)
        model = [(x.start, x.end, x.kind) for x in spans]
        checked = [(x.start, x.end, x.kind) for x in kept]
        final = [(m.start, m.end, m.type) for m in get_mentions(doc) if m.type in TYPES]
        tallies["model"].add(gold, model)
        tallies["model+checks"].add(gold, checked)
        tallies["kx_names"].add(gold, final)
        gs = set(gold)
        for x in set(model) - set(checked):
            if x in gs:
                lost.append((doc.text[x[0]:x[1]], x[2], doc.text))
    seconds = time.perf_counter() - started
    print(f"KazNERD {args.split}: {len(sentences)} sentences, {seconds:.0f} s")
    print(f"{'prediction':14} {'type':9} {'gold':>6} {'pred':>6}  {'exact P':>7} {'R':>6} {'F1':>6}  "
          f"{'overlap P':>9} {'R':>6} {'F1':>6}")
    for name, t in tallies.items():
        for typ in TYPES + ("all",):
            g, n, e, o = t.row(typ)
            print(f"{name:14} {typ:9} {g:6} {n:6}  {e[0]:7.3f} {e[1]:6.3f} {e[2]:6.3f}  {o[0]:9.3f} {o[1]:6.3f} {o[2]:6.3f}")
    print(f"correct model entities the checks drop or change: {len(lost)}")
    for surface, kind, text in lost[: args.show]:
        print(f"  {kind:8} {surface!r:30} {text[:110]!r}")


if __name__ == "__main__":
    main()
