"""Ask the coach: retrieval accuracy on the public eval set, personal numbers, honesty."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from core.faq.answer import NOT_MEDICAL_ADVICE, FaqAnswer, _knowledge, answer, looks_like_question
from core.faq.personal import protein_range, zone2_range

EVAL = yaml.safe_load((Path(__file__).parent / "faq_eval.yaml").read_text(encoding="utf-8"))
TOPIC_IDS = {
    "resistance-vs-aerobic", "trial-evidence", "frequency", "intensity", "volume",
    "exercise-selection", "progression", "myokines", "igf1", "bdnf", "bodyweight", "zone2",
    "hiit", "daily-movement", "protein", "recovery-sleep", "supervision", "safety",
    "weekly-plan", "bot-logging", "bot-reminders", "rest-between-sets", "same-day",
    "missed-sessions", "walking-enough", "joint-pain", "warm-up", "soreness", "results-time",
    "short-on-time", "next-load",
}  # fmt: skip
PRODUCT_PLUGS = ("longevity strength system", "mediterranean stack", "nmn", "collagen",
                 "resveratrol", "purelongevity", "commission")  # fmt: skip


def _split(i: int) -> str:
    return "dev" if i % 2 == 0 else "holdout"


def _in_scope() -> list[tuple[str, str, str]]:
    return [(tid, q, _split(i)) for tid, qs in EVAL["in_scope"].items() for i, q in enumerate(qs)]


def _out_of_scope() -> list[tuple[str, str, str]]:
    return [
        (kind, q, _split(i)) for kind, qs in EVAL["out_of_scope"].items() for i, q in enumerate(qs)
    ]


def _all_answers() -> list[FaqAnswer]:
    questions = [q for _, q, _ in _in_scope()] + [q for _, q, _ in _out_of_scope()]
    return [answer(q, age=60, bodyweight_kg=80) for q in questions]


def test_eval_set_has_six_phrasings_per_topic_and_forty_out_of_scope():
    assert set(EVAL["in_scope"]) == TOPIC_IDS
    assert all(len(qs) >= 6 for qs in EVAL["in_scope"].values())
    assert sum(len(qs) for qs in EVAL["out_of_scope"].values()) >= 40


def test_top1_accuracy_and_out_of_scope_rejection_are_at_least_90_percent():
    hits = {"dev": [0, 0], "holdout": [0, 0]}
    misses = []
    for tid, q, split in _in_scope():
        got = answer(q).topic
        hits[split][0] += got == tid
        hits[split][1] += 1
        if got != tid:
            misses.append(f"  {q!r}: want {tid}, got {got}")
    rejects = {"dev": [0, 0], "holdout": [0, 0]}
    for _, q, split in _out_of_scope():
        got = answer(q).topic
        rejects[split][0] += got is None
        rejects[split][1] += 1
        if got is not None:
            misses.append(f"  {q!r}: want None, got {got}")
    acc = sum(h[0] for h in hits.values()) / sum(h[1] for h in hits.values())
    rej = sum(r[0] for r in rejects.values()) / sum(r[1] for r in rejects.values())
    print(f"\nFAQ top-1 accuracy {acc:.1%}, out-of-scope rejection {rej:.1%}")  # noqa: T201
    for split in ("dev", "holdout"):
        (a, n), (r, m) = hits[split], rejects[split]
        print(f"  {split}: accuracy {a}/{n} = {a / n:.1%}, rejection {r}/{m} = {r / m:.1%}")  # noqa: T201
    print("\n".join(misses))  # noqa: T201
    assert acc >= 0.90
    assert rej >= 0.90


@pytest.mark.parametrize("question", EVAL["out_of_scope"]["clinician"])
def test_supplement_drug_and_dose_questions_go_to_a_clinician(question):
    reply = answer(question)
    assert reply.topic is None
    assert "clinician" in reply.answer
    assert reply.sources == ()


def test_unknown_question_says_so_and_what_the_coach_can_help_with():
    reply = answer("what's the capital of France?")
    assert reply == FaqAnswer(None, reply.answer, (), None)
    assert "I don't know that one" in reply.answer
    assert "Zone 2" in reply.answer


@pytest.mark.parametrize(
    ("age", "expected"),
    [(60, (166, 100, 116)), (40, (180, 108, 126)), (75, (156, 93, 109))],
)
def test_zone2_range_uses_tanaka_max_heart_rate(age, expected):
    assert zone2_range(age) == expected


def test_zone2_answer_is_personal_when_age_is_known():
    reply = answer("what is zone 2 for me?", age=60)
    assert reply.topic == "zone2"
    assert "100–116 bpm" in reply.answer
    assert "Tanaka" in reply.answer
    assert "208 − 0.7 × age" in reply.answer


def test_zone2_answer_uses_an_age_stated_in_the_question():
    assert "95–111 bpm" in answer("zone 2 heart rate for a 70 year old?").answer


def test_zone2_answer_says_how_to_set_age_when_unknown():
    reply = answer("what is zone 2 for me?")
    assert "/profile age 62" in reply.answer
    assert "bpm" in reply.answer


def test_protein_target_in_grams_from_bodyweight():
    assert protein_range(80) == (128, 176)
    reply = answer("how much protein should I eat?", bodyweight_kg=80)
    assert reply.topic == "protein"
    assert "128–176 g" in reply.answer


def test_protein_answer_shows_bodyweight_in_lb_for_lb_users():
    reply = answer("how much protein should I eat?", bodyweight_kg=80, units="lb")
    assert "176 lb" in reply.answer
    assert "128–176 g" in reply.answer


def test_protein_answer_says_how_to_set_weight_when_unknown():
    assert "/profile weight 80kg" in answer("how much protein do I need?").answer


def test_smart_trial_is_fiatarone_singh_2014_and_sprint_mind_is_not_exercise():
    reply = answer("tell me about the SMART trial")
    assert reply.topic == "trial-evidence"
    assert "Fiatarone Singh et al. 2014, JAMDA" in reply.answer
    assert "Mavros et al. 2017, JAGS" in reply.answer
    assert "SPRINT MIND tested blood-pressure lowering, not exercise" in reply.answer


def test_other_attributions_follow_the_corrected_sources():
    assert (
        "Liu-Ambrose et al. 2010, Archives of Internal Medicine"
        in answer("is once a week enough?").answer
    )
    myokines = answer("what's a myokine?").answer
    assert "Boström et al. 2012, Nature" in myokines
    assert "Moon et al. 2016, Cell Metabolism" in myokines
    assert "in animal studies" in myokines
    assert "Ngandu et al. 2015, Lancet" in answer("what did the FINGER study find?").answer


def test_no_answer_carries_a_product_plug_or_a_wrong_attribution():
    topics, _ = _knowledge()
    texts = [a.answer for a in _all_answers()] + [t.answer for t in topics.values()]
    for text in texts:
        lowered = text.lower()
        assert not any(plug in lowered for plug in PRODUCT_PLUGS), text
        assert "korea university" not in lowered
        assert "gupta" not in lowered


def test_health_claim_answers_end_with_the_not_medical_advice_note():
    topics, _ = _knowledge()
    assert set(topics) == TOPIC_IDS
    for reply in _all_answers():
        if reply.topic is None:
            continue
        claims = topics[reply.topic].health_claim
        assert reply.answer.endswith(NOT_MEDICAL_ADVICE) == claims, reply.topic
    assert not topics["bot-logging"].health_claim
    assert topics["safety"].health_claim


def test_safety_answer_names_the_flagged_groups():
    reply = answer("is lifting safe for me?")
    assert reply.topic == "safety"
    for group in ("new to training", "cardiovascular disease", "joint problems", "osteoporosis"):
        assert group in reply.answer


def test_answers_carry_sources_and_point_to_the_related_command():
    reply = answer("how do I undo a wrong entry?")
    assert (reply.topic, reply.command) == ("bot-logging", "/undo")
    assert "squat 3x8 100kg" in reply.answer
    reminders = answer("how do I stop my reminders?")
    assert reminders.command == "/remind"
    assert "/remind off zone2" in reminders.answer
    heavy = answer("/ask how heavy should I lift?")
    assert heavy.topic == "intensity"
    assert heavy.command == "/plan"
    assert heavy.sources
    assert all(source in heavy.answer for source in heavy.sources)


def test_answers_fit_a_phone_screen():
    topics, _ = _knowledge()
    for topic in topics.values():
        assert len(topic.answer) <= 450, topic.id
    for reply in _all_answers():
        assert reply.answer.count("\n") <= 5
        assert len(reply.answer) <= 700


@pytest.mark.parametrize(
    "junk",
    [
        "",
        "   ",
        "?",
        "🏋️💪🔥",
        "a" * 5000,
        "zone 2 " * 800,
        "\x00\n\t",
        "/ask",
        "🤔 ¿qué es zona 2?",
    ],
)
def test_answer_never_raises_on_junk(junk):
    assert isinstance(answer(junk), FaqAnswer)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_answer_never_raises_on_any_text(text):
    assert isinstance(answer(text, age=200, bodyweight_kg=-5, units="lb"), FaqAnswer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("how heavy should I lift?", True),
        ("what is zone 2 for me", True),
        ("is once a week enough", True),
        ("What's a myokine", True),
        ("/ask protein", True),
        ("my knees hurt when I squat?", True),
        ("squat 3x8 100kg", False),
        ("bench 80kg 8,8,7", False),
        ("zone 2 45 min", False),
        ("did squats today 3x8 100kg", False),
        ("", False),
    ],
)
def test_looks_like_question(text, expected):
    assert looks_like_question(text) is expected


@pytest.mark.parametrize(
    "question",
    [
        "I've been feeling really down and hopeless for weeks, nothing helps",
        "im feeling lonely since my wife passed away",
        "some days I think about killing myself",
        "I've been depressed since I retired",
        "I don't want to be here anymore",
        "I want to die",
        "Life isn't worth living",
        "I'm struggling with grief",
    ],
)
def test_someone_in_distress_is_pointed_to_people_who_can_help_not_to_a_training_topic(question):
    reply = answer(question)
    assert (reply.topic, reply.sources) == (None, ())
    assert "doctor" in reply.answer
    assert "emergency" in reply.answer


@pytest.mark.parametrize(
    "question",
    [
        "do i have dementia? i keep forgetting peoples names",
        "is it normal to forget peoples names at my age",
        "my husband keeps forgetting things, should he get tested for alzheimers",
        "what are the early signs of alzheimers",
        "is my mom's forgetfulness alzheimers",
        "I forget things, is it dementia?",
        "Am I getting dementia?",
    ],
)
def test_a_symptom_or_diagnosis_question_goes_to_a_doctor(question):
    reply = answer(question)
    assert (reply.topic, reply.sources) == (None, ())
    assert "ask your doctor" in reply.answer


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        (
            "can you nudge me tuesday and friday mornings to go lift, I keep forgetting",
            "bot-reminders",
        ),
        ("how soon does lifting start helping memory? weeks? months?", "results-time"),
        (
            "for dementia prevention what's better, the treadmill or the weights room",
            "resistance-vs-aerobic",
        ),
        (
            "I feel down after a bad session, how long should I rest between sets?",
            "rest-between-sets",
        ),
    ],
)
def test_memory_and_mood_words_in_a_training_question_keep_their_topic(question, topic):
    assert answer(question).topic == topic


@pytest.mark.parametrize(
    "question",
    [
        "Does lifting help with depression?",
        "Is exercise good for loneliness?",
        "I was down for weeks with covid, how do I restart?",
        "My HRV has been low for weeks, should I deload?",
        "I feel empty after a deload, normal?",
        "Do I have to do cardio or can I forget about it?",
        "What are signs of a good rowing stroke?",
        "What are the signs of progress? I forget what I lifted last time",
    ],
)
def test_a_training_question_with_such_words_never_gets_the_crisis_or_doctor_reply(question):
    reply = answer(question).answer
    assert "emergency" not in reply
    assert "ask your doctor" not in reply


# How people say it: spoken letters, fillers, everyday names for the topic's own words.
WORDED = [
    ("what does b d n f do", "bdnf"),
    ("I haven't been near the gym in five weeks, do I drop the weights?", "missed-sessions"),
    ("I go to the leisure centre twice weekly, is that enough to get stronger?", "frequency"),
    ("I said I did 40 kg but it was actually 30. Can that be corrected?", "bot-logging"),
    ("iron or treadmill for memory?", "resistance-vs-aerobic"),
    ("intervals on my exercise bike: how long fast and how long slow?", "hiit"),
    ("I take pills for my blood pressure, is it safe for me to start lifting?", "safety"),
    ("can you give me a nudge before my next session?", "bot-reminders"),
    ("can you prompt me to train on Tuesdays?", "bot-reminders"),
    ("quick q lol... does strength training raise IGF-1 more than cardio does?", "igf1"),
    ("my mate reckons squats with no weights are useless, is he right?", "bodyweight"),
    (
        "I'm a retired nurse, do I need someone to supervise my lifting or can I manage alone?",
        "supervision",
    ),
    ("how many times a week should I be doing the muscle exercises?", "frequency"),
    ("Might I ask how many days in the week one ought to devote to lifting weights?", "frequency"),
    ("pt or youtube vids for my mum starting out?", "supervision"),
    ("How many repetitions should I do on the stationary bicycle intervals?", "hiit"),
    (  # a story around it: three of the topic's own words still say what is asked
        "I bought a chest strap at 58. What heart rate is right for the long easy aerobic "
        "sessions called zone 2?",
        "zone2",
    ),
    ("I have hart problem, is safe for me to lift weigths?", "safety"),
    ("just finished my workout, honestly how many sets should I do of each?", "volume"),
    ("I'm on my feet cleaning all day, does that count for anything?", "daily-movement"),
    ("Should my dad train again while his muscles are still aching?", "soreness"),
    ("My husband just jumps into lifting. What warm-up should he do first?", "warm-up"),
    ("Can you send me a message to jog my memory on my training days?", "bot-reminders"),
    ("I wrote down the wrong number this morning, how do I correct it?", "bot-logging"),
    ("um how long do i um rest between sets", "rest-between-sets"),
    ("is pumping iron better for my memory than getting my heart pumping", "resistance-vs-aerobic"),
    ("my hips ache when i get out of bed, can i still lift", "joint-pain"),
    ("my doctor says my knee is wear and tear, is squatting ok", "joint-pain"),
    ("my thighs are so stiff after leg day, is that normal", "soreness"),
    ("how do i loosen up before lifting", "warm-up"),
    ("how do i know when to go higher", "progression"),
    ("i barely have a spare moment, does a tiny workout count", "short-on-time"),
    ("how heavy should i go, im new to lifting", "intensity"),
]
NOT_OURS = [
    "how do I adjust my insulin on the days I exercise?",
    "My resting heart rate dropped to 42 bpm, is that a sign of a heart problem?",
    "I've lost 4 kg in 2 weeks without trying, what could be causing it?",
    "Fell off a ladder, my wrist is swollen and purple, should I go to A&E?",
    "My memory score was 22 out of 30, does that mean I have dementia?",
    "How do I roast a 2 kg chicken and for how long?",
    "is a glass of wine ok after the gym",
    "is the keto diet good for my brain",
    "how much salt is too much for me",
    "what helps with a migraine",
    "what should my blood pressure be at 70?",
    "should I get a knee replacement now or wait?",
    "I'm on beta blockers and feel tired, can I stop taking them?",
    "how do I deal with a son-in-law who never calls?",
    "are brain training apps like Lumosity worth it?",
    "Black Friday deal on a rowing machine, which one?",
    "how do i make a will",
    "can you remind me to call my sister on sunday",
    "my dog is overweight, how much should I walk him each day",
    "what time does the over-60s aqua aerobics class start?",
    "how do we choose a good care home for my grandmother?",
    "chest pain walking uphill",
]


@pytest.mark.parametrize(("question", "topic"), WORDED)
def test_everyday_wording_finds_the_topic(question: str, topic: str) -> None:
    assert answer(question).topic == topic


@pytest.mark.parametrize("question", NOT_OURS)
def test_diets_drinks_and_symptoms_are_not_ours(question: str) -> None:
    assert answer(question).topic is None
