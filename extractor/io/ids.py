"""Document ids that never collide within one run.

Two different inputs with the same id would replace each other in a keyed sink (and a rerun would swap
which one stays). :class:`UniqueIds` keeps the id of the first input that has it; a later input with the
same id and the same content (text, or a WARC page's HTML) is the same document and keeps it too (the sink
stores it once); a later one with other content gets, in input order, ``ID#2``, ``ID#3``, … (the first of
those not taken yet), with a warning naming the id it repeats. Input order is fixed (files sorted, lines in
order), so a rerun assigns the same ids and changes nothing. Documents without an id get one from their
text (the same text is the same document) and are not renamed.

Memory: two 8-byte hashes per document with an id (about 100 bytes with Python's dict overhead: 100 MB for
a million documents) in the reading process.
"""
from __future__ import annotations

import hashlib
from typing import Dict, Optional, Tuple, Union


def _key(data: Union[str, bytes]) -> int:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


class UniqueIds:
    def __init__(self):
        self._content: Dict[int, int] = {}  # id → content of the first document with it
        self._renamed: Dict[Tuple[int, int], str] = {}  # (id, content) → the id given (repeated ids only)
        self._next: Dict[int, int] = {}  # repeated id → the next suffix to try

    def claim(self, doc_id: Optional[str], content: Union[str, bytes] = b"") -> Tuple[Optional[str], Optional[str]]:
        """``(the id to use, a warning when it had to change)`` for a document with ``content``."""
        if doc_id is None:
            return None, None
        key, ckey = _key(doc_id), _key(content)
        first = self._content.setdefault(key, ckey)
        if first == ckey:
            return doc_id, None
        given = self._renamed.get((key, ckey))
        if given is None:
            n = self._next.get(key, 2)
            while True:
                candidate = f"{doc_id}#{n}"
                n += 1
                if self._content.setdefault(_key(candidate), ckey) == ckey:
                    break
            self._next[key] = n
            given = self._renamed[(key, ckey)] = candidate
        return given, f"id: {doc_id!r} was already used by an earlier input with other content; this one is {given!r}"
