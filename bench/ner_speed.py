"""Words per second of the shipped NER model on CPU (model alone, and the whole default pipeline).

    OMP_NUM_THREADS=1 PYTHONPATH=. python bench/ner_speed.py [--kaznerd ../shared/data/kaznerd] [--sentences 3000]
        [--model DIR [--model DIR2 ...]] [--rounds 2]

Text: KazNERD test sentences (tokens joined by spaces), one doc per sentence and, as in news, one doc
per ~20 sentences. Several ``--model`` are timed in the same process, in turns (``--rounds`` of them; the
best round of each is printed), so that two models compare on the same load of the machine.
"""
from __future__ import annotations

import os
import time

import spacy

import extractor  # noqa: F401 - registers kk
from extractor.cli import Parser
from extractor.commands import add_kaznerd_option, kaznerd_file
from extractor.commands._checks import CommandError
from extractor.ner.kaznerd import read_conll
from extractor.pipeline import build_pipeline, default_model_path


def rate(nlp, texts, repeat=1):
    words = sum(len(t.split()) for t in texts) * repeat
    start = time.perf_counter()
    for _ in range(repeat):
        for _doc in nlp.pipe(texts, batch_size=64):
            pass
    return words / (time.perf_counter() - start)


def main():
    p = Parser(description=__doc__.split("\n\n")[0])
    add_kaznerd_option(p)
    p.add_argument("--model", action="append", help="spaCy NER model directory (repeat to compare; default: "
                                                     "the shipped model)")
    p.add_argument("--sentences", type=int, default=3000, help="KazNERD test sentences to run")
    p.add_argument("--rounds", type=int, default=1, help="times each model is timed, in turns (best kept)")
    args = p.parse_args()
    try:
        test_file = kaznerd_file(args, "IOB2_test.txt")
    except CommandError as exc:
        p.exit(2, f"{p.prog}: error: {exc}\n")
    sentences = [" ".join(s.tokens) for s in read_conll(test_file)][: args.sentences]
    articles = [" ".join(sentences[i:i + 20]) for i in range(0, len(sentences), 20)]
    models = args.model or [str(default_model_path())]
    loaded = {m: (spacy.load(m), build_pipeline(model_path=m)) for m in models}
    for ner, _full in loaded.values():
        rate(ner, sentences[:100])  # warm up
    print(f"{sum(len(s.split()) for s in sentences)} words, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    best: dict = {}
    for _ in range(max(1, args.rounds)):
        for m, (ner, full) in loaded.items():
            got = (rate(ner, sentences), rate(ner, articles), rate(full, articles))
            best[m] = tuple(max(a, b) for a, b in zip(best.get(m, got), got))
    for m, (one, news, full) in best.items():
        print(f"{m}:")
        print(f"  NER model, one doc per sentence: {one:,.0f} words/s")
        print(f"  NER model, ~20 sentences a doc:  {news:,.0f} words/s")
        print(f"  default pipeline (NER + rules), ~20 sentences a doc: {full:,.0f} words/s")


if __name__ == "__main__":
    main()
