"""Score a spaCy NER pipeline on KazNERD sentences, on KazNERD's own tokens (see :mod:`.metrics`)."""
from __future__ import annotations

from typing import Iterable, List, Optional, Sequence

from spacy.language import Language

from .align import sentence_text, to_tags
from .kaznerd import Sentence, keep_labels
from .metrics import Report, score


def predict_tags(nlp: Language, sentences: Sequence[Sentence], batch_size: int = 256) -> List[List[str]]:
    """IOB2 tags of each sentence's KazNERD tokens from the entities ``nlp`` finds in the joined text."""
    texts = (sentence_text(s.tokens)[0] for s in sentences)
    return [to_tags(doc, s.tokens) for s, doc in zip(sentences, nlp.pipe(texts, batch_size=batch_size))]


def model_labels(nlp: Language) -> Optional[List[str]]:
    """The entity types the pipeline's ``ner`` predicts (``None`` without one)."""
    return list(nlp.get_pipe("ner").labels) if "ner" in nlp.pipe_names else None


def evaluate(nlp: Language, sentences: Iterable[Sentence], batch_size: int = 256,
             labels: Optional[Iterable[str]] = None) -> Report:
    """Entity scores of ``nlp`` on ``sentences``; with ``labels``, only those gold types are scored (a model
    trained on the types kazextract reads is not counted wrong on the 21 others)."""
    sentences = keep_labels(list(sentences), labels)
    return score([s.tags for s in sentences], predict_tags(nlp, sentences, batch_size))
