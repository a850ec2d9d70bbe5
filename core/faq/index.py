"""Lexical search over the topics: BM25 with typo correction and a confidence measure."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from core.faq.kb import Topic
from core.faq.text import GENERIC, OFF_TOPIC, terms

# BM25 constants (the usual defaults).
K1 = 1.2
B = 0.75
# How many times a topic's title and keywords count against its example questions. The answer
# text is left out: its prose ("you can talk in full sentences") pulled in unrelated questions.
KEYWORD_WEIGHT = 2
# Shortest words we spell-correct: swapped letters from 4 letters ("bdfn"), one wrong, missing
# or extra letter from 7 ("protine"), two from 10. Shorter words are too easy to confuse
# ("reset" is not "rest", "cancel" is not "cancer").
MIN_SWAP_LEN = 4
MIN_EDIT_LEN = 7
MIN_TWO_EDIT_LEN = 10


@dataclass(frozen=True)
class Match:
    """The best topic for a question, its BM25 score and how much of the question it explains."""

    topic_id: str
    score: float
    coverage: float  # share of the question's idf weight that the topic contains, 0..1


def topic_terms(topic: Topic) -> list[str]:
    """Return the bag of terms a topic is indexed under: its title and keywords count
    double; its example questions, ours and those real people asked, once."""
    strong = terms(topic.title + " " + " ".join(topic.keywords))
    weak = terms(" ".join(topic.questions + topic.asked))
    return strong * KEYWORD_WEIGHT + weak


class FaqIndex:
    """A BM25 index over the topics, built once."""

    def __init__(self, topics: tuple[Topic, ...]) -> None:
        self.ids = [t.id for t in topics]
        self.docs = [Counter(topic_terms(t)) for t in topics]
        # The words a topic is about, as we wrote it: what people asked adds incidental
        # words (`rain or shine`) that must not make an off-topic word its own.
        self.own = [
            set(terms(" ".join((t.title, *t.keywords, *t.questions, t.answer)))) for t in topics
        ]
        self.strong = [set(terms(t.title + " " + " ".join(t.keywords))) for t in topics]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg_len = sum(self.lengths) / len(self.lengths)
        n = len(self.docs)
        df = Counter(term for doc in self.docs for term in doc)
        self.idf = {t: math.log((n - f + 0.5) / (f + 0.5) + 1) for t, f in df.items()}
        # A word no topic uses is as informative as it gets.
        self.unknown_idf = math.log((n + 0.5) / 0.5 + 1)
        self.vocab = sorted(self.idf)

    def correct(self, term: str) -> str:
        """Return `term`, or the indexed term it is most likely a typo of."""
        if term in self.idf or term.isdigit() or len(term) < MIN_SWAP_LEN:
            return term
        if len(term) < MIN_EDIT_LEN:
            swaps = [v for v in self.vocab if len(v) == len(term) and sorted(v) == sorted(term)]
            swaps = [v for v in swaps if OSA.distance(v, term) == 1]
            return swaps[0] if len(swaps) == 1 else term
        max_edits = 1 if len(term) < MIN_TWO_EDIT_LEN else 2
        hit = process.extractOne(term, self.vocab, scorer=OSA.distance, score_cutoff=max_edits)
        return hit[0] if hit else term

    def query_terms(self, question: str) -> list[str]:
        """Return the question's terms, spell-corrected against the index, without repeats."""
        return list(dict.fromkeys(self.correct(t) for t in terms(question)))

    def search(self, question: str) -> Match | None:
        """Return the best-scoring topic for `question`, or None if nothing matches at all."""
        q = self.query_terms(question)
        if not q:
            return None
        best_i, best = -1, 0.0
        for i, doc in enumerate(self.docs):
            norm = K1 * (1 - B + B * self.lengths[i] / self.avg_len)
            score = 0.0
            for t in q:
                tf = doc.get(t, 0)
                if tf:
                    score += self.idf[t] * tf * (K1 + 1) / (tf + norm)
            if score > best:
                best_i, best = i, score
        if best_i < 0:
            return None
        doc = self.docs[best_i]
        if any(t in OFF_TOPIC and t not in self.own[best_i] for t in q):
            return Match(self.ids[best_i], best, 0.0)  # asks what no topic here answers
        # An everyday word or a number the topic doesn't use says little either way, so it
        # doesn't count against the match.
        if all(t in GENERIC and t not in self.strong[best_i] for t in q if t in doc):
            # only everyday words in common, none the topic's own title or keywords
            # (`how do i make a will`, `my grandson won't talk to me`)
            return Match(self.ids[best_i], best, 0.0)
        q = [t for t in q if t in doc or (t not in GENERIC and not t[0].isdigit())]
        total = sum(self.idf.get(t, self.unknown_idf) for t in q)
        covered = sum(self.idf[t] for t in q if t in doc)
        return Match(self.ids[best_i], best, covered / total if total else 0.0)
