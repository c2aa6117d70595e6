import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAZEXTRACT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir():
    if not SHARED.exists():
        pytest.skip(f"{SHARED} (development data) is not here")
    return SHARED


@pytest.fixture(scope="session")
def nlp_rules():
    from extractor.pipeline import build_pipeline

    return build_pipeline(ner="none")
