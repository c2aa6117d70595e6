"""Facts: what each money and jobs amount measures, whether it is actual or planned, and which
organisation, place and date of its sentence it belongs to (``shared/spec/facts.md``).

Grammar as data: ``extractor/lang/kk/data/facts_measures.tsv`` (measure cues),
``facts_status.tsv`` (planned markers and verb forms), ``facts_links.tsv`` (source, reporting, topic
and clause-break words). Modules: :mod:`.sentence` (words, clauses, dateline), :mod:`.measure`,
:mod:`.status`, :mod:`.links`, :mod:`.component` (the ``kx_facts`` spaCy factory). The corpora in
``corpora/`` are the specification of each dimension; ``corpora/heldout.txt`` is a check never tuned on.
"""
from .links import LINK_FIELDS, relink, shift_links

__all__ = ["LINK_FIELDS", "relink", "shift_links"]
