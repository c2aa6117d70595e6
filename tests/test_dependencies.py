"""Every third-party module that extractor/ imports is a declared dependency (pyproject.toml) of the extra that
needs it, and the extras the CLI names in its ``pip install 'kazextract[...]'`` hints are the ones that bring
those modules."""
import ast
import re
import sys
from pathlib import Path

import pytest

from extractor.commands._checks import EXTRAS

tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "extractor"

# import name -> distribution name on PyPI
DISTRIBUTION = {
    "spacy": "spacy", "pydantic": "pydantic", "regex": "regex", "tqdm": "tqdm", "numpy": "numpy",
    "warcio": "warcio", "trafilatura": "trafilatura", "psycopg": "psycopg", "pyarrow": "pyarrow",
    "dask": "dask", "distributed": "distributed", "stanza": "stanza", "torch": "torch",
    "matplotlib": "matplotlib",
}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(requirements) -> set:
    return {normalise(re.match(r"[A-Za-z0-9_.\-]+", r.strip()).group(0)) for r in requirements}


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def third_party_imports():
    """``{module: {"top": [files], "lazy": [files]}}``: top-level imports run when the file is imported, lazy ones
    inside a function."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        lazy_nodes = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                      for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("extractor", "__future__"):
                    continue
                where = "lazy" if id(node) in lazy_nodes else "top"
                found.setdefault(top, {"top": [], "lazy": []})[where].append(str(path.relative_to(ROOT)))
    return found


IMPORTS = third_party_imports()


def test_the_walk_finds_imports_of_both_kinds():
    assert {"spacy", "regex", "pydantic"} <= {m for m, w in IMPORTS.items() if w["top"]}
    assert {"warcio", "trafilatura", "psycopg", "pyarrow", "dask", "stanza", "torch"} <= \
        {m for m, w in IMPORTS.items() if w["lazy"]}


def test_every_imported_module_has_a_known_distribution():
    unknown = sorted(set(IMPORTS) - set(DISTRIBUTION))
    assert not unknown, f"add these to DISTRIBUTION and declare them in pyproject.toml: {unknown}"


def test_modules_imported_when_the_package_loads_are_base_dependencies():
    base = requirement_names(pyproject()["dependencies"])
    missing = {m: w["top"] for m, w in IMPORTS.items() if w["top"] and normalise(DISTRIBUTION[m]) not in base}
    assert not missing, f"imported at module level but not in [project] dependencies: {missing}"


def test_optional_modules_are_in_the_extra_the_cli_names():
    project = pyproject()
    base = requirement_names(project["dependencies"])
    extras = {name: requirement_names(reqs) for name, reqs in project["optional-dependencies"].items()}
    extra_of = {module: extra for extra, modules in EXTRAS.items() for module in modules}
    for module, where in IMPORTS.items():
        dist = normalise(DISTRIBUTION[module])
        if dist in base:
            continue
        assert module in extra_of, f"{module} ({where['lazy']}) is optional but the CLI names no extra for it"
        assert dist in extras[extra_of[module]], f"{dist} is not in the [{extra_of[module]}] extra"
    for extra, modules in EXTRAS.items():
        for module in modules:
            assert normalise(DISTRIBUTION[module]) in extras[extra], f"[{extra}] lacks {module}"


def test_trafilatura_comes_with_lxml_html_clean():
    """Current lxml no longer has lxml.html.clean; trafilatura imports it, pip only warns about the old extra."""
    for name, reqs in pyproject()["optional-dependencies"].items():
        names = requirement_names(reqs)
        if "trafilatura" in names:
            assert "lxml-html-clean" in names, f"[{name}] has trafilatura without lxml_html_clean"


def test_archive_and_test_extras_hold_every_archive_extra():
    extras = {name: requirement_names(reqs) for name, reqs in pyproject()["optional-dependencies"].items()}
    archive = set().union(*(extras[e] for e in ("warc", "postgres", "parquet", "dask")))
    assert archive <= extras["archive"]
    assert archive | {"pytest", "hypothesis", "jsonschema"} <= extras["test"]
