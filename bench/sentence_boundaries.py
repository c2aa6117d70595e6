#!/usr/bin/env python3
"""Sentence boundaries on the hand-checked sample: kk_sentencizer against yasbd-lib's Kazakh rules.

    python bench/sentence_boundaries.py [corpus/inform_kz_mangystau.sentences.json]

A boundary is the start offset (in the text as received) of every sentence but the first. yasbd-lib is
optional (``pip install yasbd-lib``); it is skipped when not installed.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def gold_boundaries(text, sentences):
    pos, starts = 0, []
    for s in sentences:
        i = text.index(s, pos)
        starts.append(i)
        pos = i + len(s)
    return set(starts[1:])


def ours(text):
    import spacy

    import extractor  # noqa: F401
    from extractor.lang.kk.tokenizer import offset_map

    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    doc = nlp(text)
    om = offset_map(doc)
    starts = []
    for s in doc.sents:
        if s.text.strip():
            lead = len(s.text) - len(s.text.lstrip())
            starts.append(om.to_original(s.start_char + lead))
    return set(starts[1:])


def yasbd(text):
    from yasbd import BoundaryDetector

    out = set()
    for b in BoundaryDetector(lang="kk").detect(text):
        while b < len(text) and text[b].isspace():
            b += 1
        if 0 < b < len(text.rstrip()):
            out.add(b)
    return out


def ud_documents(conllu: Path, per_doc: int = 10):
    """UD Kazakh sentences (``# text``) joined by a space into documents of ``per_doc`` sentences."""
    sents = [line[len("# text = "):].strip() for line in conllu.read_text(encoding="utf-8").splitlines()
             if line.startswith("# text = ")]
    for i in range(0, len(sents), per_doc):
        yield sents[i:i + per_doc]


def report(name, text_sentence_pairs):
    print(f"{name}")
    print(f"{'splitter':16} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6}")
    for label, fn in (("kk_sentencizer", ours), ("yasbd-lib kk", yasbd)):
        tp = npred = ngold = 0
        try:
            for text, sentences in text_sentence_pairs:
                gold = gold_boundaries(text, sentences)
                pred = fn(text)
                tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
        except ImportError:
            print(f"{label:16} (not installed)")
            continue
        print(f"{label:16} {ngold:5} {npred:5} {tp / max(npred, 1):6.3f} {tp / max(ngold, 1):6.3f}")


def main(argv=None):
    from extractor.cli import Parser

    p = Parser(description=__doc__.split("\n\n")[0])
    p.add_argument("gold", nargs="?", type=Path, default=ROOT / "corpus" / "inform_kz_mangystau.sentences.json",
                   help="hand-checked sentences (JSON: source, the text file beside it; sentences, the list)")
    gold_file = p.parse_args(argv).gold
    g = json.loads(gold_file.read_text(encoding="utf-8"))
    text = (gold_file.parent / g["source"]).read_text(encoding="utf-8")
    report(f"{gold_file.name} (scraped news, hand-checked)", [(text, g["sentences"])])
    ud = ROOT.parent / "shared" / "data" / "ud_kazakh_ktb" / "kk_ktb-ud-test.conllu"
    if ud.exists():
        docs = [(" ".join(s), s) for s in ud_documents(ud)]
        print()
        report(f"UD Kazakh-KTB test, {len(docs)} documents of 10 sentences joined by spaces", docs)


if __name__ == "__main__":
    main()
