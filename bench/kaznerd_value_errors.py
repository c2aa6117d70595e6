"""Sort the errors that ``bench/kaznerd_values.py --split valid --errors FILE`` wrote into classes: span
conventions where KazNERD and annotation.md differ, versus errors of the grammars (valid split only: the
test split's individual errors are never read).

    python bench/kaznerd_value_errors.py FILE [--show CLASS-SUBSTRING]

Each miss or spurious record gets the first class whose test fits, from the record's span and the
overlapping records of the other side (``near``). The classes are heuristics over KazNERD's wording (its
approximators, verbs, units, time words); they count, they do not score. What is not recognised lands in
``other`` (the place to look for real errors).
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter

_W = r"(?<!\w)(?:{})(?!\w)"


def _any(*words: str) -> str:
    return _W.format("|".join(words))


VALUE_CLASSES = [
    ("artefact: speech filler ( ыы ) inside the span", r"\( ?\w{1,9} ?\)"),
    ("convention: verb after the amount (асады, аспауы, кем болмауы) outside KazNERD's span",
     _any("асады", "асты", "аспауы", "аспайды", "асып", "асқан", "асатын", "болмауы")),
    ("convention: approximator (төңірегінде, орта есеппен, шамасы) outside KazNERD's span",
     r"төңірегінде|орта есеппен|" + _any("шамасы")),
    ("convention: rate (сағатына, секундына, /сағат) inside KazNERD's span", r"сағатына|секундына|/ сағат"),
    ("spoken form: decimal with да/де/та/те or нөл-нөл not read", _any("да", "де", "та", "те") + "|нөл-нөл"),
    ("convention: unit outside annotation.md's list (градус, АЕК, балл, куб, мг/л, бас мал)",
     r"градус|есептік|көрсеткіш|балл|ұпай|сотық|мегабайт|миллиграмм|куб|бас ірі"),
    ("convention: indefinite amount (мыңдаған)", r"мыңдаған|-даған"),
    ("convention: көбі / артық / астамға жуығы", _any("көбі", "артық", "жуығы")),
]
DATE_NEAR_CLASSES = [
    ("convention: дейін/бері/кейін/бастап after the date", _any("дейін", "дейінгі", "бері", "кейін", "соң", "бастап", "дейн")),
    ("convention: осыдан/бұдан before 'N units ago'", _any("осыдан", "бұдан")),
    ("convention: айы / күні word kept or left out", r"(?<!\w)ай\w*|күні|күнгі"),
]
DATE_ALONE_CLASSES = [
    ("convention: duration or frequency (бойы, ішінде, сайын, күнделікті)",
     r"бойы|ішінде|ішіндегі|сайын|күнделікті|" + _any("күнде") + r"|\w+-\w+"),
    ("convention: age (жаста, жасар)", _any("жас", "жастағы", "жасар", "жаста", "жасында", "жастан", "жасқа")),
    ("convention: season (жаз, көктем, күз, қыс)", r"жаз|көктем|күз|қыс"),
    ("convention: бүгінгі as an adjective (annotation.md: no date)", r"бүгінгі"),
    ("convention: week (annotation.md: no record)", r"апта|жұма"),
    ("convention: century or era", r"ғасыр|дәуір"),
    ("convention: 'N units ago/after'", _any("бұрын", "кейін", "соң")),
    ("convention: -лық derivative (бес жылдық)", r"жылдық|айлық|күндік"),
    ("convention: counted or anaphoric period (соңғы 5 жылда, сол күні)",
     r"^(?:соңғы|алдағы|өткен|кейінгі|осы|сол|дәл осы|ол)(?!\w)"),
    ("convention: a count of time units (duration)",
     r"(?=.*(?:жыл|ай|күн|тәулік))(?=.*(?:\d|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|жүз"
     r"|жарты|бірнеше))"),
    ("convention: bare жыл with a part (жыл соңына; annotation.md: no record)", r"^жыл"),
    ("design: a bare month name is refused (Желтоқсан оқиғасы)",
     r"^(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)$"),
]


def classify(e: dict) -> str:
    span, near, kind = e["span"].lower(), " ".join(e["near"]).lower(), e["type"]
    both = f"{span} | {near}"
    if kind == "jobs":
        return ("convention: KazNERD tags only the number of a jobs record" if e["near"]
                else "convention: people at work / a count KazNERD does not tag")
    if kind in ("money", "percent", "quantity"):
        for name, rx in VALUE_CLASSES:
            if re.search(rx, both):
                return name
        if len(e["near"]) > 1:
            return "one amount against two (1 метр 20 сантиметр, X-нен Y-ге дейін)"
        return "other"
    if e["near"]:
        for name, rx in DATE_NEAR_CLASSES:
            if re.search(rx, both):
                return name
        if len(e["near"]) > 1 or re.match(r"(?:биыл|былтыр|өткен жылы|келер жылы)", both):
            return "convention: a year and a day joined or split"
        return "other (overlapping)"
    for name, rx in DATE_ALONE_CLASSES:
        if re.search(rx, span):
            return name
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("errors")
    ap.add_argument("--show", help="print the spans of the classes containing this text")
    args = ap.parse_args()
    counts: Counter = Counter()
    spans = {}
    with open(args.errors, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            if e["type"] == "date-cal":
                continue
            key = (e["type"], classify(e))
            counts[key] += 1
            spans.setdefault(key, []).append(f"{e['kind']}: {e['span']}")
    for (kind, name), n in sorted(counts.items()):
        print(f"{kind:9} {n:5}  {name}")
    if args.show:
        for key, ss in spans.items():
            if args.show in key[1]:
                print(key, ss[:80])


if __name__ == "__main__":
    main()
