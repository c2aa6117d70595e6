"""What ``kx_facts`` costs: the rules-only pipeline with and without it on the development articles.

    nice python bench/facts_cost.py [--articles ../shared/corpus] [--repeat 7] [--json out.json]

One process, one thread, CPU time (``time.process_time``). Each round runs every article through the
rules-only pipeline (``Extractor(ner="none")``, records built as ``kazextract extract`` builds them)
once with ``kx_facts`` and once without it, in alternating order; the best round of each is kept, so
other load on a shared machine disturbs the ratio little. It also times the ``kx_facts`` component on
its own inside the full runs (the part of the time that is facts), and the very first pass, when the
tables are read and the word caches are cold. Target (issue 11): facts cost at most 10% of the
rules-only time.

Articles: the ``*.txt`` of ``--articles`` (the development corpus next to the repository) and of
``../shared/samples``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("KAZEXTRACT_SHARED", ROOT.parent / "shared"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=SHARED / "corpus")
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()

    from extractor.api import Extractor, Item
    from extractor.document import build_document
    from extractor.facts import component

    paths = sorted(a.articles.glob("*.txt")) + sorted((SHARED / "samples").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        print(f"no articles in {a.articles}", file=sys.stderr)
        return 1
    ex = Extractor(ner="none")
    nlp = ex.nlp
    facts_time = [0.0]
    inner = component.add_facts

    def timed(doc):
        t = time.process_time()
        out = inner(doc)
        facts_time[0] += time.process_time() - t
        return out

    nlp.get_pipe("kx_facts").__class__.__call__ = lambda self, doc: timed(doc)

    def run(with_facts: bool) -> float:
        t = time.process_time()
        if with_facts:
            docs = list(nlp.pipe(ex._make_doc(x, None) for x in texts))
        else:
            with nlp.select_pipes(disable=["kx_facts"]):
                docs = list(nlp.pipe(ex._make_doc(x, None) for x in texts))
        for d in docs:
            build_document(d)
        return time.process_time() - t

    facts_time[0] = 0.0
    first = run(True)  # the first pass: tables loaded and word caches filled on the way
    cold_facts, cold_rules = facts_time[0], first - facts_time[0]
    run(False)
    with_, without, facts_only = [], [], []
    for i in range(a.repeat):
        order = (True, False) if i % 2 == 0 else (False, True)
        for flag in order:
            facts_time[0] = 0.0
            t = run(flag)
            (with_ if flag else without).append(t)
            if flag:
                facts_only.append(facts_time[0])
    best_with, best_without, best_facts = min(with_), min(without), min(facts_only)
    words = sum(len(x.split()) for x in texts)
    res = {
        "articles": len(texts), "words": words, "repeat": a.repeat,
        "rules_only_s": round(best_without, 4), "rules_with_facts_s": round(best_with, 4),
        "kx_facts_s": round(best_facts, 4),
        "ratio_with_over_without": round(best_with / best_without, 4),
        "facts_share_of_rules_only": round(best_facts / best_without, 4),
        "first_pass_kx_facts_s": round(cold_facts, 4), "first_pass_rest_s": round(cold_rules, 4),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
    }
    print(f"{res['articles']} articles, {words} words, best of {a.repeat} rounds, CPU time, one thread")
    print(f"rules only without kx_facts  {best_without:.3f} s")
    print(f"rules only with kx_facts     {best_with:.3f} s   ratio {res['ratio_with_over_without']:.3f}")
    print(f"kx_facts alone               {best_facts:.3f} s   = {100 * res['facts_share_of_rules_only']:.1f}% "
          f"of rules-only time (target: at most 10%)")
    print(f"first pass (tables loaded, caches cold): kx_facts {cold_facts:.3f} s = "
          f"{100 * cold_facts / cold_rules:.1f}% of the rest of that pass")
    print(f"machine: {res['machine']}")
    if a.json:
        a.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
