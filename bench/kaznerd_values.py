"""Span F1 of the WHOLE pipeline's value records (money, percent, quantity, date, jobs) on a KazNERD split.

    OMP_NUM_THREADS=1 nice python bench/kaznerd_values.py [--split test] [--limit N] [--ner auto|none]
        [--spaced] [--json] [--errors FILE]   (--errors: valid only)

The sibling of :mod:`kaznerd_pipeline` (same reading, same scoring): each KazNERD sentence is one document
for :class:`extractor.api.Extractor`, its value records are compared with KazNERD's entities:

=========== ============================================================================================
record      KazNERD gold
=========== ============================================================================================
money       MONEY
percent     PERCENTAGE
quantity    QUANTITY
date        DATE (all of it)
date-cal    DATE without the spans the project's annotation says are no date (``DURATION_MARKS``:
            durations ``3 жыл бойы``, ``2 ай ішінде``, frequencies ``жыл сайын``, ``күнделікті``) — an
            approximation: counts (``100 күнде``, ``жеті жылға``) and seasons stay in the gold
jobs        a CARDINAL or QUANTITY right before ``жұмыс орн-`` (``4000/B-CARDINAL жұмыс орны``; KazNERD
            tags only the number, the project's record spans ``4000 жұмыс орны``: read overlap F1)
=========== ============================================================================================

Jobs: annotation.md's jobs records (workplaces, people employed) have no KazNERD type; KazNERD's guideline
(SOURCE.md) tags the count of ``4000 жұмыс орны`` as CARDINAL (QUANTITY where it has a unit), so the gold is
the CARDINAL/QUANTITY right before ``жұмыс орн-`` (10 in valid, 14 in test): too few and always shorter than
the record, read only its overlap F1. KazNERD's TIME (times of day, hours), ORDINAL and the other CARDINALs
have no counterpart.

``exact`` F1 needs both character offsets right; ``overlap`` F1 counts a prediction sharing a character
with a gold entity of its type. The span conventions found on ``valid`` (counted by
``bench/kaznerd_value_errors.py``), where KazNERD and annotation.md differ and exact F1 cannot reach 1:

* values: KazNERD keeps approximators inside (``шамамен``, ``жуық``, ``шамасында``, ``кемі``, ``тарта``) as
  the project does, but leaves out a verb after the amount (``теңгеден асады``, ``%-дан кем болмауы``,
  ``аспауы``: the project keeps it, annotation.md's ``up_to`` / ``at_least`` phrases), ``төңірегінде`` and
  ``орта есеппен``; it keeps a rate inside (``сағатына 80 шақырым``, ``755 километр / сағат``), tags units
  annotation.md does not list (degrees, ``айлық есептік көрсеткіш``, points, ``сотық``, mg/l) and ``6 тонна 600
  килограмм`` as one amount; speech fillers ``( ыы )`` sit inside some amounts;
* dates: KazNERD's DATE is wider than a calendar reference: durations and frequencies (``3 жыл бойы``,
  ``жыл сайын``, ``100 күнде``), ages, seasons, weeks, centuries, ``бүгінгі`` as an adjective, ``N жыл бұрын``
  and bare months; it keeps ``дейін`` / ``бері`` / ``кейін`` after a date and leaves ``айы`` / ``күні`` out,
  and splits ``Биыл 20-сыншы сәуірде`` in two (``date-cal`` removes only the durations and frequencies).

Text: KazNERD's tokens are joined by spaces, except that a decimal comma between digits and a percent sign
after a number are glued back (``14 , 8`` → ``14,8``, ``30 %-ке`` → ``30%-ке``), as written news prints
them (``--spaced``: plain space-joining, as :mod:`kaznerd_pipeline`). Spoken forms stay (numbers in words
``он бір бүтін оннан сегіз миллиард``, ``екі жарым``).

KazNERD ``test`` is held out: read its aggregate scores, never its individual errors (``--errors`` refuses
it); develop on ``valid``.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import List, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kaznerd_pipeline import Spans, arguments, print_scores, scores, tally  # noqa: E402

from extractor.api import Extractor, Item  # noqa: E402
from extractor.ner.kaznerd import read_conll  # noqa: E402

GOLD_TYPES = {"MONEY": "money", "PERCENTAGE": "percent", "QUANTITY": "quantity", "DATE": "date"}
TYPES = ("money", "percent", "quantity", "date", "date-cal", "jobs")
RECORD_TYPES = ("money", "percent", "quantity", "date", "jobs")
# a DATE span holding one of these words is a duration or a frequency: no date in annotation.md
DURATION_MARKS = ("бойы", "бойына", "ішінде", "сайын", "күнделікті", "жылда-жылда", "күн-күн")
JOB_LABELS = ("CARDINAL", "QUANTITY")


def _glued(prev: str, tok: str, nxt: str) -> Tuple[bool, bool]:
    """(no space before ``tok``, no space after it) in written form."""
    if tok == "," and prev[-1:].isdigit() and nxt[:1].isdigit():
        return True, True
    if tok.startswith("%") and prev[-1:].isdigit():
        return True, False
    return False, False


def value_text(tokens: Sequence[str], spaced: bool = False) -> Tuple[str, List[int]]:
    """The sentence as written news prints it and each token's start offset."""
    starts, parts, pos = [], [], 0
    glue_next = False
    for k, tok in enumerate(tokens):
        before, after = (False, False) if spaced else _glued(tokens[k - 1] if k else "", tok,
                                                               tokens[k + 1] if k + 1 < len(tokens) else "")
        if k and not (before or glue_next):
            parts.append(" ")
            pos += 1
        starts.append(pos)
        parts.append(tok)
        pos += len(tok)
        glue_next = after
    return "".join(parts), starts


def gold_spans(tokens: Sequence[str], entities, starts: List[int]) -> Spans:
    out = set()
    low = [t.lower() for t in tokens]
    for i, j, label in entities:
        span = (starts[i], starts[j - 1] + len(tokens[j - 1]))
        kind = GOLD_TYPES.get(label)
        if kind is not None:
            out.add(span + (kind,))
            if kind == "date" and not any(t in DURATION_MARKS for t in low[i:j]):
                out.add(span + ("date-cal",))
        if label in JOB_LABELS and _before_jobs(low, j):
            out.add(span + ("jobs",))
    return out


def _before_jobs(low: Sequence[str], j: int) -> bool:
    """``жұмыс орн-`` within the next three tokens (``4000 тұрақты жұмыс орны``)."""
    for k in range(j, min(j + 3, len(low) - 1)):
        if low[k] == "жұмыс" and low[k + 1].startswith("орн"):
            return True
    return False


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("--spaced", action="store_true", help="join tokens by spaces only (no written-form glue)")
    ap.add_argument("--errors", help="write misses and spurious records as JSON lines (valid split only)")
    args = ap.parse_args()
    if args.errors and args.split != "valid":
        ap.error("--errors: the test split is held out (aggregate scores only)")
    sentences = list(read_conll(Path(args.data) / f"IOB2_{args.split}.txt"))
    if args.limit:
        sentences = sentences[: args.limit]
    texts = [value_text(s.tokens, args.spaced) for s in sentences]
    ex = Extractor(ner=args.ner, model_path=args.model)
    items = (Item(text=t, doc_id=str(k)) for k, (t, _) in enumerate(texts))
    counts: Counter = Counter()
    err = open(args.errors, "w", encoding="utf-8") if args.errors else None
    started = time.perf_counter()
    for k, (s, (text, starts), doc) in enumerate(zip(sentences, texts, ex.pipe(items, batch_size=64))):
        pred = {(r.start, r.end, r.type) for r in doc.records if r.type in RECORD_TYPES}
        pred |= {(a, b, "date-cal") for a, b, t in pred if t == "date"}
        gold = gold_spans(s.tokens, s.entities(), starts)
        tally(counts, gold, pred, TYPES)
        if err:
            for kind, spans in (("miss", gold - pred), ("spurious", pred - gold)):
                for a, b, t in sorted(spans):
                    if t == "date-cal" and (a, b, "date") in (gold - pred if kind == "miss" else pred - gold):
                        continue
                    other = gold if kind == "spurious" else pred
                    near = [text[x:y] for x, y, u in other if u == t and x < b and a < y]
                    err.write(json.dumps({"sent": k, "kind": kind, "type": t, "span": text[a:b], "near": near,
                                          "text": text}, ensure_ascii=False) + "\n")
    seconds = time.perf_counter() - started
    if err:
        err.close()
    res = scores(counts, TYPES)
    if args.json:
        print(json.dumps({"split": args.split, "sentences": len(sentences), "model": ex.model, "spaced": args.spaced,
                          "scores": res}))
        return
    print(f"KazNERD {args.split}: {len(sentences)} sentences, whole pipeline ({ex.model or 'rules only'}), "
          f"{'spaced' if args.spaced else 'written-form'} text, {seconds:.0f} s")
    print_scores(res, TYPES)


if __name__ == "__main__":
    main()
