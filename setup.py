"""Packaging. The metadata lives in pyproject.toml; this file only lists the packages, because the
shipped spaCy models sit in ``models/`` at the top of the repository and are installed inside the
package as ``extractor/models/<model>/`` (where :func:`extractor.pipeline.default_model_path` looks),
a mapping pyproject.toml's package discovery cannot express."""
from setuptools import find_namespace_packages, setup

MODEL_PACKAGES = ["extractor.models"] + [f"extractor.models.{p}" for p in find_namespace_packages(where="models")]

setup(
    packages=find_namespace_packages(include=["extractor*"], exclude=["*__pycache__"]) + MODEL_PACKAGES,
    package_dir={"extractor.models": "models"},
    package_data={"": ["*.tsv", "*.txt", "*.json", "*.cfg"], **{p: ["*"] for p in MODEL_PACKAGES}},
)
