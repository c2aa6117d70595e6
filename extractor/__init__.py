"""kazextract: structured records (money, jobs, percentages, quantities, dates, names) from Kazakh news.

    >>> import extractor
    >>> doc = extractor.extract("Жоба құны 5,6 млрд теңгені құрады.")
    >>> doc.records[0].value
    Decimal('5600000000')
"""
from .version import __version__
from . import lang  # noqa: F401 - registers spacy.blank("kk")


def extract(text, published=None, **kwargs):
    """Records of one text as a :class:`extractor.records.Document` (see :func:`extractor.api.extract`)."""
    from .api import extract as _extract

    return _extract(text, published, **kwargs)


__all__ = ["__version__", "extract"]
