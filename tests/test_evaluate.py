"""kazextract evaluate: its figures equal the shared scorers' on the development articles (records and facts),
a small gold set of our own scores as worked out by hand, and bad gold gives one clear line."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MEASURES = ["investment", "funding", "cost", "revenue", "other"]


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900)


def add_facts(doc: dict, k: int) -> None:
    """Facts fields on money and jobs records, right and wrong in turn, linking the first org, place and date
    of the sentence, so that the facts scores are neither all zero nor all one."""
    recs = doc["records"]
    for n, r in enumerate(recs):
        if r["type"] not in ("money", "jobs"):
            continue
        r["measure"] = "jobs" if r["type"] == "jobs" else MEASURES[(n + k) % len(MEASURES)]
        r["status"] = "planned" if (n + k) % 3 == 0 else "actual"
        for field, t in (("org", "org"), ("location", "location"), ("date", "date")):
            same = [i for i, o in enumerate(recs) if o["type"] == t and o["sentence"] == r["sentence"]]
            r[field] = same[0] if same and (n + k) % 4 else None


@pytest.fixture(scope="module")
def predictions(tmp_path_factory, shared_dir):
    """Rules-only output for the development articles and the sample, with facts fields, one record's offsets
    broken and one unreadable line: every part of the scores is exercised."""
    d = tmp_path_factory.mktemp("evaluate")
    out = {}
    for name, gold_dir in (("corpus", shared_dir / "corpus"), ("samples", shared_dir / "samples")):
        lines = []
        for g in sorted(gold_dir.glob("*.gold.json")):
            stem = g.name[: -len(".gold.json")]
            gold = json.loads(g.read_text(encoding="utf-8"))
            lines.append(json.dumps({"id": stem, "text": (gold_dir / f"{stem}.txt").read_text(encoding="utf-8"),
                                     "published": gold.get("published")}, ensure_ascii=False))
        inp = d / f"{name}.in.jsonl"
        inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        raw = d / f"{name}.raw.jsonl"
        proc = run_cli("extract", "--ner", "none", str(inp), "-o", str(raw))
        assert proc.returncode == 0, proc.stderr
        docs = [json.loads(x) for x in raw.read_text(encoding="utf-8").splitlines()]
        for k, doc in enumerate(docs):
            add_facts(doc, k)
        docs[-1]["records"][0]["start"] += 1
        pred = d / f"{name}.jsonl"
        pred.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in docs[:-1]) + "{not json\n"
                        + json.dumps(docs[-1], ensure_ascii=False) + "\n", encoding="utf-8")
        out[name] = (gold_dir, pred)
    return out


def scorer(shared, tool, gold_dir, pred):
    proc = subprocess.run([sys.executable, str(shared / "tools" / tool), str(gold_dir), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.mark.parametrize("which", ["corpus", "samples"])
def test_figures_equal_the_shared_scorers(shared_dir, predictions, which):
    gold_dir, pred = predictions[which]
    proc = run_cli("evaluate", str(gold_dir), str(pred), "--json")
    assert proc.returncode == 0, proc.stderr
    ours = json.loads(proc.stdout)
    theirs = scorer(shared_dir, "score.py", gold_dir, pred)
    for key in ("documents", "missing_documents", "bad_prediction_lines", "offset_errors", "types"):
        assert ours[key] == theirs[key], key
    assert theirs["offset_errors"] >= 1 and theirs["bad_prediction_lines"] == 1
    assert {k: ours["micro"][k] for k in theirs["micro"]} == theirs["micro"]
    facts = scorer(shared_dir, "score_facts.py", gold_dir, pred)
    for key in ("gold_facts", "found", "measure_accuracy", "status_accuracy", "links", "fully_right"):
        assert ours["facts"][key] == facts[key], key
    assert 0 < facts["measure_accuracy"] < 1 or which == "samples"
    assert len(ours["facts"]["differences"]) == len(facts["errors"])


def write_gold(d: Path):
    """Our own small article, its gold and a prediction with one money right, one money with the wrong
    qualifier, a missed percent, an extra date and a wrongly spelt org."""
    text = ("Кәсіпорын биыл 3 млрд теңге салды. Тағы 40 млн теңгеден астам қаржы бөлінді.\n"
            "Өнім көлемі 12%-ға өсті. «Болат Құю» АҚ 2022 жылы құрылған.\n")
    (d / "bolat.txt").write_text(text, encoding="utf-8")
    gold = {"doc_id": "bolat", "published": "2024-05-01",
            "money": [{"text": "3 млрд теңге", "value": 3000000000, "currency": "KZT", "qualifier": "exact"},
                      {"text": "40 млн теңгеден астам", "value": 40000000, "currency": "KZT",
                       "qualifier": "more_than"}],
            "percent": [{"text": "12%-ға", "value": 12, "qualifier": "exact"}],
            "date": [{"text": "биыл", "date_start": "2024-01-01", "date_end": "2024-12-31", "granularity": "year",
                      "relative": True}],
            "org": [{"name": "Болат Құю", "legal_form": "АҚ"}]}
    (d / "bolat.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")

    def rec(t, piece, **f):
        s = text.index(piece)
        return {"type": t, "text": piece, "start": s, "end": s + len(piece), "sentence": 0, **f}

    pred = {"doc_id": "bolat", "records": [
        rec("date", "биыл", date_start="2024-01-01", date_end="2024-12-31", granularity="year"),
        rec("money", "3 млрд теңге", value=3000000000, currency="KZT", qualifier="exact"),
        rec("money", "40 млн теңгеден", value=40000000, currency="KZT", qualifier="exact"),
        rec("org", "«Болат Құю» АҚ", name="Болат Құюы", legal_form="АҚ"),
        rec("date", "2022 жылы", date_start="2022-01-01", date_end="2022-12-31", granularity="year")]}
    p = d / "pred.jsonl"
    p.write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    return p


def test_a_small_gold_set_scores_as_worked_out_by_hand(tmp_path):
    pred = write_gold(tmp_path)
    proc = run_cli("evaluate", str(tmp_path), str(pred), "--json")
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    money, percent, date, org = (r["types"][t] for t in ("money", "percent", "date", "org"))
    assert (money["value_p"], money["value_r"], money["full_f1"]) == (1.0, 1.0, 0.5)  # qualifier wrong on one
    assert (percent["pred"], percent["value_r"], percent["value_f1"]) == (0, 0.0, 0.0)
    assert (date["value_p"], date["value_r"], date["value_f1"]) == (0.5, 1.0, 0.6667)
    assert org["value_f1"] == 0.0
    assert r["types"]["jobs"]["value_f1"] == 1.0  # nothing gold, nothing predicted
    assert r["micro"]["value_p"] == 0.6 and r["micro"]["value_r"] == 0.6  # 3 of 5 predicted, 3 of 5 gold
    assert r["offset_errors"] == 0 and r["facts"] is None
    table = run_cli("evaluate", str(tmp_path), str(pred))
    assert table.returncode == 0 and "money" in table.stdout and "micro" in table.stdout


def test_without_predictions_the_articles_are_extracted(tmp_path):
    write_gold(tmp_path)
    (tmp_path / "pred.jsonl").unlink()
    proc = run_cli("evaluate", str(tmp_path), "--json", "--ner", "none")
    assert proc.returncode == 0, proc.stderr
    r = json.loads(proc.stdout)
    assert r["missing_documents"] == [] and r["offset_errors"] == 0
    assert r["types"]["money"]["full_f1"] == 1.0 and r["types"]["percent"]["full_f1"] == 1.0


@pytest.mark.parametrize("case", ["not_json", "not_a_list", "no_gold", "bad_facts"])
def test_bad_gold_gives_one_clear_line(tmp_path, case):
    pred = write_gold(tmp_path)
    g = tmp_path / "bolat.gold.json"
    if case == "not_json":
        g.write_text('{"money": [', encoding="utf-8")
    elif case == "not_a_list":
        g.write_text('{"money": {"value": 1}}', encoding="utf-8")
    elif case == "no_gold":
        g.unlink()
    else:
        (tmp_path / "bolat.facts.json").write_text('[1, 2]', encoding="utf-8")
    proc = run_cli("evaluate", str(tmp_path), str(pred))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kazextract: evaluate: "), proc.stderr
    expected = {"not_json": "bolat.gold.json: not valid JSON", "not_a_list": "'money' must be a list",
                "no_gold": "no *.gold.json files", "bad_facts": "a facts file is"}[case]
    assert expected in lines[0]
