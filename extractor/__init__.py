"""kazextract: structured records (money, jobs, percentages, quantities, dates, names) from Kazakh news.

    >>> import extractor
    >>> doc = extractor.extract("Жоба құны 5,6 млрд теңгені құрады.")
    >>> doc.records[0].value
    Decimal('5600000000')
"""
from .version import __version__

# spaCy is imported only by what needs it (the pipeline, ``extractor.lang``): ``extractor.io`` and the records
# load without it. ``spacy.blank("kk")`` finds the language through the ``spacy_languages`` entry point.


def extract(text, published=None, **kwargs):
    """Records of one text as a :class:`extractor.records.Document` (see :func:`extractor.api.extract`)."""
    from .api import extract as _extract

    return _extract(text, published, **kwargs)


__all__ = ["__version__", "extract"]
