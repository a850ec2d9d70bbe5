"""Spot questions about supplements, medicines and doses, which the coach leaves to clinicians."""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

from core.faq.text import normalise, stem

# Words that make a question about supplements or drugs whatever else it says.
SUBSTANCES = frozenset(
    stem(w)
    for w in """
    supplement supplements vitamin vitamins creatine fishoil magnesium melatonin zinc iron
    calcium caffeine pill pills tablet tablets capsule capsules medication medications medicine
    medicines meds drug drugs statin statins metformin ibuprofen paracetamol acetaminophen
    aspirin painkiller painkillers nmn nad resveratrol collagen testosterone hrt estrogen
    oestrogen steroid steroids prescription prescribed pharmacist ashwagandha turmeric
    curcumin ginkgo nootropic nootropics multivitamin beetroot
    """.split()
)
# Dose words are only about drugs when the question isn't about training ("dose of exercise").
DOSES = frozenset(stem(w) for w in "dose doses dosage mg milligram milligrams mcg iu".split())
TRAINING = frozenset(
    stem(w) for w in "exercise exercises training train lift lifting workout zone2 cardio".split()
)
_SUBSTANCE_LIST = sorted(SUBSTANCES)
_LETTERS = re.compile(r"[a-z]+")


def _is_substance(word: str) -> bool:
    if word in SUBSTANCES:
        return True
    if len(word) < 6:
        return False
    return (
        process.extractOne(word, _SUBSTANCE_LIST, scorer=OSA.distance, score_cutoff=1) is not None
    )


def asks_about_substances(question: str) -> bool:
    """Return True if `question` asks about supplements, drugs or their doses."""
    words = [stem(w) for w in _LETTERS.findall(normalise(question))]
    if any(_is_substance(w) for w in words):
        return True
    return any(w in DOSES for w in words) and not any(w in TRAINING for w in words)


# Someone low, grieving or frightened: a training topic that shares a word ("weeks", "sleep")
# would be the wrong answer, whatever it scores.
_DISTRESS = re.compile(
    r"\b(?:hopeless|suicid\w*|kill(?:ing)? myself|end it all|self[- ]?harm\w*|"
    r"depressed|depression|lonely|loneliness|griev\w*|passed away|panic attacks?|"
    r"(?:feel|feeling|felt) (?:so |really |very )?(?:empty|worthless)|"
    r"(?:down|low) (?:for|all) (?:weeks|months|the time))\b"
)
# Asking what a symptom means, or whether they have an illness: a doctor's question.
_DIAGNOSIS = re.compile(
    r"\b(?:do i have|does (?:he|she) have|have i got|signs? of|symptoms? of|tested for|"
    r"is (?:it|this) normal to forget|is (?:my|his|her) \w+ (?:dementia|alzheimer\w*)|"
    r"forgetfulness)\b"
)
_ILLNESS = re.compile(r"\b(?:dementia|alzheimer\w*|parkinson\w*|stroke|memory loss|forget\w*)")


def sounds_distressed(question: str) -> bool:
    """Return True if `question` tells of low mood, grief or anxiety rather than training."""
    return bool(_DISTRESS.search(normalise(question)))


def asks_for_a_diagnosis(question: str) -> bool:
    """Return True if `question` asks what a memory symptom means or whether it is an illness."""
    text = normalise(question)
    return bool(_DIAGNOSIS.search(text) and _ILLNESS.search(text))
