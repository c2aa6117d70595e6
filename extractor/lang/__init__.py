"""Languages for spaCy that kazextract provides (``kk``)."""
from . import kk  # noqa: F401
