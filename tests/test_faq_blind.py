"""Ask the coach on question sets written blind: tests/faq_blind_4.yaml to faq_blind_35.yaml.

Each set was written by someone who had not read the knowledge base or its matching code,
given only the topic ids and titles, and scored ONCE when it was new (topic top-1
accuracy on in_scope; rejection, i.e. no topic, on out_of_scope):

    faq_blind_4.yaml: accuracy 55/66 = 83.3%, rejection 64/65 = 98.5%  (session 5)
    faq_blind_5.yaml: accuracy 41/62 = 66.1%, rejection 61/64 = 95.3%  (session 5)
    faq_blind_6.yaml: accuracy 72/93 = 77.4%, rejection 65/70 = 92.9%  (session 6)
    faq_blind_7.yaml: accuracy 66/92 = 71.7%, rejection 61/67 = 91.0%  (session 6)
    faq_blind_8.yaml: accuracy 45/62 = 72.6%, rejection 67/70 = 95.7%  (session 6, later)
    faq_blind_9.yaml: accuracy 35/62 = 56.5%, rejection 63/63 = 100%   (session 6, later)
    faq_blind_10.yaml: accuracy 49/62 = 79.0%, rejection 57/65 = 87.7% (session 7)
    faq_blind_11.yaml: accuracy 50/62 = 80.6%, rejection 60/64 = 93.8% (session 7)
    faq_blind_12.yaml: accuracy 51/62 = 82.3%, rejection 59/64 = 92.2% (session 7, later)
    faq_blind_13.yaml: accuracy 40/62 = 64.5%, rejection 62/63 = 98.4% (session 7, later)
    faq_blind_14.yaml: accuracy 55/62 = 88.7%, rejection 61/63 = 96.8% (session 7, last)
    faq_blind_15.yaml: accuracy 54/62 = 87.1%, rejection 54/63 = 85.7% (session 7, last)
    faq_blind_16.yaml: accuracy 57/62 = 91.9%, rejection 62/69 = 89.9% (session 8)
    faq_blind_17.yaml: accuracy 49/62 = 79.0%, rejection 62/69 = 89.9% (session 8)
    faq_blind_18.yaml: accuracy 60/62 = 96.8%, rejection 75/82 = 91.5% (session 9)
    faq_blind_19.yaml: accuracy 57/62 = 91.9%, rejection 69/78 = 88.5% (session 9)
    faq_blind_20.yaml: accuracy 55/62 = 88.7%, rejection 65/74 = 87.8% (session 10)
    faq_blind_21.yaml: accuracy 50/62 = 80.6%, rejection 64/70 = 91.4% (session 10)
    faq_blind_22.yaml: accuracy 55/62 = 88.7%, rejection 64/70 = 91.4% (session 11)
    faq_blind_23.yaml: accuracy 43/62 = 69.4%, rejection 67/70 = 95.7% (session 11)
    faq_blind_24.yaml: accuracy 59/62 = 95.2%, rejection 64/70 = 91.4% (session 12)
    faq_blind_25.yaml: accuracy 53/62 = 85.5%, rejection 67/70 = 95.7% (session 12)
    faq_blind_26.yaml: accuracy 40/62 = 64.5%, rejection 68/70 = 97.1% (session 12)
    faq_blind_27.yaml: accuracy 52/62 = 83.9%, rejection 66/70 = 94.3% (session 12)
    faq_blind_28.yaml: accuracy 37/62 = 59.7%, rejection 68/70 = 97.1% (session 13)
    faq_blind_29.yaml: accuracy 51/62 = 82.3%, rejection 70/70 = 100%  (session 13)
    faq_blind_30.yaml: accuracy 46/62 = 74.2%, rejection 65/70 = 92.9% (session 13, later)
    faq_blind_31.yaml: accuracy 46/62 = 74.2%, rejection 70/70 = 100%  (session 13, later)
    faq_blind_32.yaml: accuracy 42/62 = 67.7%, rejection 70/70 = 100%  (session 13, last)
    faq_blind_33.yaml: accuracy 50/62 = 80.6%, rejection 66/70 = 94.3% (session 13, last)
    faq_blind_34.yaml: accuracy 11/62 = 17.7%, rejection 70/70 = 100%  (session 13, end)
    faq_blind_35.yaml: accuracy 42/62 = 67.7%, rejection 67/70 = 95.7% (session 13, end)

Sets 4 to 7 were then tuned on (4 and 5 first, then all four). In session 7 the in-scope
questions of sets 4 to 9 became examples in the knowledge base (each topic's `asked:`);
left out one set at a time, the others lifted set 8 from 72.6% to 93.5% and set 9 from
56.5% to 77.4%. Sets 10 to 13 were then written blind and scored once against that frozen
coach (above), and became examples too: each left out in turn, the rest then give 83.9%,
82.3%, 80.6% and 74.2% (rejection 84.6%, 93.8%, 92.2%, 95.2%). Sets 14 and 15 were written
blind for that last change and scored once after it. In session 8 they became examples
too, and an off-topic word (`rain`, `buy`) counts as a topic's own only when we wrote it
(title, keywords, our questions, the answer), not when someone's example used it in passing:
faq_eval's rejection had fallen to 88.5% on such words. Each of sets 10 to 15 left out in
turn then gives 85.8% accuracy and 91.7% rejection on average. Sets 16 and 17 were written
blind for that change and scored once after it (above); they must not be tuned on.
Sets 18 and 19 were written blind at the start of session 9 and scored once against that
same coach: pooled 117/124 = 94.4% accuracy, 144/160 = 90.0% rejection. Their misses then
showed that a message of grief or low mood ("feeling down and hopeless for weeks") and a
question about a memory symptom ("do i have dementia?") were matched to a training topic
by a shared word; such messages now get a reply pointing to people who can help (see
core/faq/guard.py), which lifted rejection to 93.9% and 91.0% with no in-scope question
lost. Sets 20 (short phone messages) and 21 (half of them long, with the person's story
first) were written blind at the start of session 10 and scored once against session 9's
coach: pooled 105/124 = 84.7% accuracy, 129/144 = 89.6% rejection. Their misses showed
small talk ("how r u today", "whats ur name", "are u a real person") answered with a topic
(now a friendly word, core/faq/small_talk.py), chat spellings not read ("enuf", "n",
"nite", "evry1"), "fast" taken for "fasting" (an off-topic word), "long stretches of
sitting" taken for stretching, and months counted against a match. After those: set 20
96.8% / 93.2%, set 21 83.9% / 94.3% (pooled 90.3% / 93.8%), and no earlier set lost an
in-scope question. Matching the last question sentence alone when a story came first was
tried and not kept: it won set 21 three questions and cost set 17 up to eight rejections.
Sets 22 (voice-dictated phone messages) and 23 (situations told without the topic's word)
were written blind at the start of session 11 and scored once against session 10's coach:
pooled 98/124 = 79.0% accuracy, 131/140 = 93.6% rejection. Their misses were wording: letters
spoken one by one, fillers, everyday names ("pumping iron", "get loose", "go higher", "wear
and tear", "a spare moment"), "knees ache" read as soreness, "wine" stemmed to "win". After
those fixes (core/faq/text.py): set 22 98.4% / 97.1%, set 23 88.7% / 97.1%, and no earlier
set lost a question.
Sets 24 (Telegram messages from many walks of life) and 25 (the situation first, without the
topic's word) were written blind at the start of session 12 and scored once against session
11's coach: pooled 112/124 = 90.3% accuracy, 131/140 = 93.6% rejection. Their misses were
wording ("been near the gym", "leisure centre", "can that be corrected", "iron or
treadmill") and questions for a doctor ("what should my blood pressure be", "can I stop
taking them"); after those fixes set 24 100% / 100%, set 25 98.4% / 100%, and no earlier set
lost a question.
Sets 26 (a relative asking for someone else) and 27 (terse, or with no gym words) were
written blind next and scored once against that coach: pooled 92/124 = 74.2% accuracy,
134/140 = 95.7% rejection. "He", "his" and "my dad" counted against every topic; they are
everyday words now, and a match on everyday words alone is no match. After those fixes set
26 91.9% / 100%, set 27 88.7% / 100%, and no earlier set lost an in-scope question.
Sets 28 (questions typed mid-workout, and health conditions or life situations told first)
and 29 (non-native English and spelling trouble) were written blind at the start of session
13 and scored once against session 12's coach: pooled 88/124 = 71.0% accuracy, 138/140 =
98.6% rejection. Long stories around the question ("just finished", "newly retired",
"honestly") counted against the topic; a medicine named as the person's situation ("I take
tablets for blood pressure; is it okay to start lifting?") was sent to the medicines' reply
instead of the safety topic; "my insulin" matched IGF-1; "hart", "preasure", "weigths",
"musculation" went unread. After those: set 28 71.0% / 98.6%, set 29 87.1% / 100%; no
earlier set lost a question (sets 10, 17 and 21 gained one each).
Sets 30 (hearsay to check: "my neighbour says...", "is it true that...") and 31 (chat bursts
with "quick q", "lol", "hmm" and emoji) were written blind later in session 13 and scored
once against the coach with those fixes and the reminder/how-often wording: pooled 92/124 =
74.2% accuracy, 135/140 = 96.4% rejection. The fillers and the hearsay ("reckons", "my
mate", "radio", "quick q", "lol") counted against the topic; as everyday words, set 30 gives
79.0% / 94.3% and set 31 85.5% / 100%, and no other set lost a question ("video",
"podcast" and "online" stayed out: they made "video call my grandson" a match).
Sets 32 (carers and adult children asking for someone; people's jobs and routines) and 33
(replies to the coach; numbers and units) were written blind last in session 13 and scored
once against the coach with all the fixes above: pooled 92/124 = 74.2% accuracy, 136/140 =
97.1% rejection. Jobs and routines ("lorry driver", "farmer", "retired nurse") counted
against the topic; a cross-trainer was a personal trainer; "what could be causing it" and
"is that a sign of a heart problem" are a doctor's questions; "roast" and "Weight Watchers"
are off-topic. After those: set 32 83.9% / 100%, set 33 80.6% / 100%; no other set lost a
question ("school" and "retirement" stayed out: they made "school times" and "saved up for
retirement" a match).
Sets 34 (formal, old-fashioned questions from people 65 to 85: "Might I ask whether...",
"Would you kindly advise...", often after a preamble) and 35 (fast slang: "tbh", "rn", "w/",
"shld"; X-or-Y questions) were written blind at the end of session 13 and scored once:
set 34 only 11/62 = 17.7% (70/70 rejected), set 35 42/62 = 67.7% (67/70). Set 34's long,
courteous sentences leave a topic's words a small share of the question, under the share a
match needs: everything was "I don't know". Courtesy, number and slang words as everyday
words, and slang spellings read, lift set 34 to 45.2% and set 35 to 77.4% with no
rejection lost anywhere ("yo" for years old stayed out: it made a hotel question a match).
Set 34 shows the matcher's limit: a question's share of known words is no measure of what
it asks when the person writes at length. So a match under that share is now trusted when
the question holds three words of the topic's own title and keywords (and a quarter of its
words are the topic's). Over all 32 sets: accuracy 91.3% -> 92.5%, rejection 96.4% ->
96.2% (set 34 56.5%, set 28 79.0%, set 21 95.2%, set 30 82.3%). It costs set 17, whose
messages are long stories, three rejections (a missed flu-jab appointment, a hot tub with
high blood pressure, a watch's heart-rate zones: 87.0%, floor lowered from 88% to 86%) for
two more of its questions answered; "could that indicate", "does that mean I have" and
"should I go to A&E" are now a doctor's questions.
So on sets 4 to 15 the coach is tested on questions it has seen: a drop means a change made it
forget them.
The floors sit a little under the present figures, so a drop means a change made the coach
worse.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core.faq.answer import answer

HERE = Path(__file__).parent
# file -> (accuracy floor, rejection floor)
FLOORS = {
    "faq_blind_4.yaml": (0.97, 0.90),
    "faq_blind_5.yaml": (0.97, 0.95),
    "faq_blind_6.yaml": (0.97, 0.92),
    "faq_blind_7.yaml": (0.97, 0.93),
    "faq_blind_8.yaml": (0.97, 0.82),
    "faq_blind_9.yaml": (0.97, 0.94),
    "faq_blind_10.yaml": (0.93, 0.82),
    "faq_blind_11.yaml": (0.97, 0.88),
    "faq_blind_12.yaml": (0.94, 0.90),
    "faq_blind_13.yaml": (0.95, 0.91),
    "faq_blind_14.yaml": (0.95, 0.94),
    "faq_blind_15.yaml": (0.97, 0.85),
    "faq_blind_16.yaml": (0.90, 0.88),
    "faq_blind_17.yaml": (0.77, 0.86),  # the story rule: see the docstring
    "faq_blind_18.yaml": (0.95, 0.92),
    "faq_blind_19.yaml": (0.90, 0.90),
    "faq_blind_20.yaml": (0.95, 0.92),
    "faq_blind_21.yaml": (0.85, 0.92),
    "faq_blind_22.yaml": (0.95, 0.95),
    "faq_blind_23.yaml": (0.87, 0.95),
    "faq_blind_24.yaml": (0.97, 0.97),
    "faq_blind_25.yaml": (0.95, 0.97),
    "faq_blind_26.yaml": (0.90, 0.97),
    "faq_blind_27.yaml": (0.87, 0.97),
    "faq_blind_28.yaml": (0.70, 0.97),
    "faq_blind_29.yaml": (0.85, 0.97),
    "faq_blind_30.yaml": (0.77, 0.92),
    "faq_blind_31.yaml": (0.83, 0.97),
    "faq_blind_32.yaml": (0.82, 0.97),
    "faq_blind_33.yaml": (0.80, 0.97),
    "faq_blind_34.yaml": (0.43, 0.97),
    "faq_blind_35.yaml": (0.75, 0.94),
}


def score(name: str) -> tuple[float, float, list[str]]:
    """Return (top-1 accuracy, out-of-scope rejection, misses) on one blind set."""
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    misses = []
    right = total = 0
    for topic, questions in data["in_scope"].items():
        for question in questions:
            got = answer(question).topic
            right += got == topic
            total += 1
            if got != topic:
                misses.append(f"  {question!r}: want {topic}, got {got}")
    rejected = 0
    for question in data["out_of_scope"]:
        got = answer(question).topic
        rejected += got is None
        if got is not None:
            misses.append(f"  {question!r}: want None, got {got}")
    return right / total, rejected / len(data["out_of_scope"]), misses


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_accuracy_and_rejection_stay_above_their_floors(name: str) -> None:
    accuracy, rejection, misses = score(name)
    print(f"\n{name}: accuracy {accuracy:.1%}, rejection {rejection:.1%}")  # noqa: T201
    print("\n".join(misses))  # noqa: T201
    low_accuracy, low_rejection = FLOORS[name]
    assert accuracy >= low_accuracy
    assert rejection >= low_rejection
