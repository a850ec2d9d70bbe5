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


# Medicines named only as the person's situation, before a question about training's
# safety ("I take tablets for blood pressure; is it okay for me to start lifting?"): the
# safety topic answers that (and says to ask the doctor), not the medicines' guard.
_MEDICINES = frozenset(
    stem(w)
    for w in "pill pills tablet tablets medication medications medicine medicines meds".split()
)
_SAFE_TO_TRAIN = re.compile(
    r"\b(?:safe|okay|ok|alright|dangerous|risky)\b[\w\s,']{0,40}\b(?:lift\w*|weights?|"
    r"train\w*|exercis\w*|strength)\b"
)
# Their own insulin, not insulin-like growth factor: a question for their diabetes team.
_OWN_INSULIN = re.compile(r"\b(?:my|adjust\w*|inject\w*|take|taking)\s+(?:my\s+)?insulin\b")


def asks_about_substances(question: str) -> bool:
    """Return True if `question` asks about supplements, drugs or their doses."""
    text = normalise(question)
    if "insulin" in text and _OWN_INSULIN.search(text):
        return True
    words = [stem(w) for w in _LETTERS.findall(text)]
    named = [w for w in words if _is_substance(w)]
    if named and not (set(named) <= _MEDICINES and _SAFE_TO_TRAIN.search(text)):
        return True
    return any(w in DOSES for w in words) and not any(w in TRAINING for w in words)


# Someone low, grieving or frightened, in their own words: a training topic that shares a
# word ("weeks", "sleep") would be the wrong answer, whatever it scores. Only about
# themselves: "does lifting help with depression?" is a question, not a cry for help.
_DISTRESS = re.compile(
    r"\b(?:hopeless|suicid\w*|kill(?:ing)? myself|end it all|end my life|self[- ]?harm\w*|"
    r"(?:want|wanna|wish) (?:to|i could) die|(?:don'?t|do not) want to (?:be here|live|go on)|"
    r"(?:life|it) (?:isn'?t|is not|'?s not) worth (?:living|it anymore)|"
    r"(?:i'?m|i am|i feel|i'?ve been|feeling|been feeling) (?:so |really |very |quite )?"
    r"(?:depressed|lonely|worthless|miserable)|my (?:depression|grief|loneliness)|"
    r"(?:grief|grieving)|passed away|panic attacks?|"
    r"(?:feel|feeling|felt) (?:so |really |very )?(?:down|low) "
    r"(?:for|all) (?:weeks|months|the time))\b"
)
# Asking what a memory symptom means, or whether they have an illness: a doctor's question.
_ILLNESS = r"(?:dementia|alzheimer\w*|parkinson\w*|a stroke|memory loss)"
_DIAGNOSIS = re.compile(
    rf"\b(?:(?:do|does|did) (?:i|he|she|my \w+) have {_ILLNESS}|have i got {_ILLNESS}|"
    rf"(?:am i|is (?:he|she|it|this|that)|are these) (?:getting |developing |showing )?"
    rf"(?:signs of )?{_ILLNESS}|(?:early )?(?:signs?|symptoms?) of {_ILLNESS}|"
    rf"tested for {_ILLNESS}|is it normal to (?:forget|lose my memory)|forgetfulness|"
    rf"forget\w* (?:things|names|words)\W+(?:is|could) (?:it|this) {_ILLNESS}|"
    # what a reading should be, whether to have an operation: a doctor's call
    r"what should (?:my|his|her)\s+(?:bloodpressure|cholesterol|blood sugar|bmi)\s+be|"
    r"should (?:i|he|she) (?:get|have|go for|book) (?:a |an |the |my )?(?:\w+ )?"
    r"(?:replacement|surgery|operation|op)\b|"
    r"(?:stop|quit|come off|skip) taking\b|"
    # what a sign or a change means: `is that a sign of a heart problem`, `what could be
    # causing it`
    r"is (?:that|this|it) a sign of (?:a |an )?(?:\w+ )?(?:problem|illness|disease|condition)|"
    r"what (?:could|might|would) be causing (?:it|this|that)\b|"
    # what a result or an injury means: `does that mean I have dementia?`, `should I go to A&E?`
    r"(?:does|could|would|might) (?:that|this|it) mean (?:i|he|she|my \w+) (?:have|has|am|is)\b|"
    r"\b(?:go|get|going) to (?:a&e|a & e|the er|er|emergency|casualty)\b|"
    r"could (?:that|this|it )?(?:indicate|be a sign of)\b)"
)
# A message that opens with chest pain (`chest pain walking uphill`, normalised to heart
# pain): a doctor's first, not a training topic's.
_CHEST_PAIN_FIRST = re.compile(r"^\W*heart\s+pain\b")


def sounds_distressed(question: str) -> bool:
    """Return True if `question` tells of low mood, grief or despair rather than training."""
    return bool(_DISTRESS.search(normalise(question)))


def asks_for_a_diagnosis(question: str) -> bool:
    """Return True if `question` asks what a memory symptom means or whether it is an illness."""
    text = normalise(question)
    return bool(_DIAGNOSIS.search(text) or _CHEST_PAIN_FIRST.match(text))
