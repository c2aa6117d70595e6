"""Names of people, places and organisations: base forms, gazetteers, rules and the ``kx_names``
spaCy component that merges them with a statistical NER (see :mod:`.component`).

* :mod:`.text` words of a text and what the rules ask about them;
* :mod:`.lexicon` the name tables of ``lang/kk/data`` (gazetteers, first names, heads, legal forms);
* :mod:`.gazetteer` gazetteer names with their case endings;
* :mod:`.heads` head nouns that end names (облысы, министрлігі);
* :mod:`.orgs` organisations by rule (the grammar; :mod:`extractor.dimensions.org` registers it as ``kx_org``);
* :mod:`.locations`, :mod:`.persons` places and people by rule;
* :mod:`.keys` the canonical ``key`` of a name record;
* :mod:`.resolve` short forms of people's names → the fullest form in the text;
* base forms themselves: :func:`extractor.lang.kk.morph.base_form`.
"""
