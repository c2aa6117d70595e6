"""Small skip-gram word vectors (word2vec with negative sampling) trained with torch on the CPU.

Stanza's NER tagger wants a pretrained word-vector file. No Kazakh vectors can be downloaded here, so
:func:`train_skipgram` learns them from whatever tokenised text we have (a few hundred thousand
tokens train in a minute or two on one thread). The method is the usual one:

* a vocabulary of the words seen at least ``min_count`` times (lower-cased by the caller, as Stanza
  looks words up lower-cased);
* frequent words are randomly dropped (sub-sampling, threshold ``sample``) each epoch;
* every (centre, context) pair inside a random window of at most ``window`` words on either side is
  a positive example; ``negative`` words drawn from the unigram distribution raised to 3/4 are
  negative examples; the loss is the logistic loss of their dot products;
* two embedding tables (input and output), sparse gradients, ``SparseAdam``; the input table is the
  result.

:func:`write_text_vectors` writes the common word2vec text format (header ``N DIM``), which Stanza's
``Pretrain`` reads and converts to its ``.pt`` file.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

import numpy as np


@dataclass
class SkipGramConfig:
    dim: int = 100
    window: int = 5
    negative: int = 5
    epochs: int = 10
    min_count: int = 2
    sample: float = 1e-3
    lr: float = 0.005
    batch_size: int = 2048
    seed: int = 13


def build_vocab(sentences: Iterable[Sequence[str]], min_count: int) -> Tuple[List[str], np.ndarray]:
    """Words seen at least ``min_count`` times, most frequent first (ties alphabetical), and their counts."""
    counts = Counter(w for sent in sentences for w in sent)
    words = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    return words, np.array([counts[w] for w in words], dtype=np.int64)


def _encode(sentences: Sequence[Sequence[str]], index: dict) -> Tuple[np.ndarray, np.ndarray]:
    """All known tokens as one id array, with the number of the sentence each comes from."""
    ids, sent_of = [], []
    for n, sent in enumerate(sentences):
        known = [index[w] for w in sent if w in index]
        ids.extend(known)
        sent_of.extend([n] * len(known))
    return np.array(ids, dtype=np.int64), np.array(sent_of, dtype=np.int64)


def _pairs(ids: np.ndarray, sent_of: np.ndarray, window: int,
           rng: np.random.Generator) -> Tuple[np.ndarray, np.ndarray]:
    """(centre, context) pairs within each centre's random window, never across sentences."""
    reach = rng.integers(1, window + 1, size=len(ids))
    centres, contexts = [], []
    for d in range(1, window + 1):
        left, right = np.arange(len(ids) - d), np.arange(d, len(ids))
        same = sent_of[left] == sent_of[right]
        fwd = same & (reach[left] >= d)  # the right word is in the left word's window
        bwd = same & (reach[right] >= d)
        centres += [ids[left[fwd]], ids[right[bwd]]]
        contexts += [ids[right[fwd]], ids[left[bwd]]]
    if not centres:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(centres), np.concatenate(contexts)


def train_skipgram(sentences: Sequence[Sequence[str]], config: SkipGramConfig = SkipGramConfig(),
                   log=None) -> Tuple[List[str], np.ndarray]:
    """Train vectors on ``sentences`` (lists of tokens, used as given). Returns ``(words, matrix)``,
    ``matrix[i]`` being the vector of ``words[i]``; words are ordered most frequent first."""
    import torch

    words, counts = build_vocab(sentences, config.min_count)
    if not words:
        raise ValueError("no word occurs often enough to learn a vector (min_count=%d)" % config.min_count)
    index = {w: i for i, w in enumerate(words)}
    ids, sent_of = _encode(sentences, index)
    rng = np.random.default_rng(config.seed)
    torch.manual_seed(config.seed)

    freq = counts / counts.sum()
    keep_prob = np.minimum(1.0, np.sqrt(config.sample / freq) + config.sample / freq) if config.sample else None
    noise = torch.tensor(counts ** 0.75, dtype=torch.float)
    noise /= noise.sum()

    vocab_size, dim = len(words), config.dim
    emb_in = torch.nn.Embedding(vocab_size, dim, sparse=True)
    emb_out = torch.nn.Embedding(vocab_size, dim, sparse=True)
    with torch.no_grad():
        emb_in.weight.uniform_(-0.5 / dim, 0.5 / dim)
        emb_out.weight.zero_()
    optimizer = torch.optim.SparseAdam(list(emb_in.parameters()) + list(emb_out.parameters()), lr=config.lr)
    logsig = torch.nn.functional.logsigmoid

    for epoch in range(config.epochs):
        keep = rng.random(len(ids)) < keep_prob[ids] if keep_prob is not None else np.ones(len(ids), bool)
        centre, context = _pairs(ids[keep], sent_of[keep], config.window, rng)
        order = rng.permutation(len(centre))
        centre, context = torch.from_numpy(centre[order]), torch.from_numpy(context[order])
        total, batches = 0.0, 0
        for start in range(0, len(centre), config.batch_size):
            c = centre[start:start + config.batch_size]
            o = context[start:start + config.batch_size]
            neg = torch.multinomial(noise, len(c) * config.negative, replacement=True).view(len(c), -1)
            v = emb_in(c)                                             # (B, D)
            pos_score = (v * emb_out(o)).sum(-1)                      # (B,)
            neg_score = torch.bmm(emb_out(neg), v.unsqueeze(2)).squeeze(2)  # (B, K)
            loss = -(logsig(pos_score) + logsig(-neg_score).sum(-1)).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item()
            batches += 1
        if log:
            log(f"word vectors: epoch {epoch + 1}/{config.epochs}, {len(centre)} pairs, "
                f"loss {total / max(batches, 1):.4f}")
    return words, emb_in.weight.detach().numpy().copy()


def write_text_vectors(words: Sequence[str], matrix: np.ndarray, path: Path) -> None:
    """word2vec text format: ``N DIM`` header, then ``word v1 v2 ...`` per line."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"{len(words)} {matrix.shape[1]}\n")
        for word, row in zip(words, matrix):
            f.write(word.replace(" ", "\xa0") + " " + " ".join(f"{x:.5f}" for x in row) + "\n")
