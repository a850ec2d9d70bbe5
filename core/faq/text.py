"""Question text to search terms: normalising, phrase and word synonyms, light stemming."""

from __future__ import annotations

import re
import unicodedata

# Kinds of training, as named when asking in which order to do them.
_ACTIVITY = (
    r"(?:cardio|aerobics?|weights|lifting|lift|run|running|jog|jogging|zone2|swim|swimming|"
    r"bike|biking|cycling|treadmill|hiit|intervals?|squats?|strength|resistance)"
)

# Phrases that mean one thing, folded into one term before splitting into words.
PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bzone\s*-?\s*(?:2|two|ii)\b", " zone2 "),
    (r"\b(?:one|1)[\s-]*rep(?:etition)?[\s-]*max(?:imum)?\b|\b1\s*rm\b", " 1rm "),
    (r"\bheart[\s-]*rates?\b", " heartrate "),
    (r"\binsulin[\s-]*like[\s-]*growth[\s-]*factors?(?:[\s-]*(?:1|one))?\b", " igf1 "),
    (r"\bigf\s*-?\s*(?:1|one)?\b", " igf1 "),
    (r"\bbrain[\s-]*derived[\s-]*neurotrophic[\s-]*factor\b", " bdnf "),
    (r"\bil\s*-?\s*6\b|\binterleukin(?:[\s-]*6)?\b", " il6 "),
    (r"\bfgf\s*-?\s*21\b", " fgf21 "),
    (r"\bvo2\s*-?\s*max\b", " vo2max "),
    (r"\bsprint[\s-]*mind\b", " sprintmind "),
    (r"\bhigh[\s-]*intensity[\s-]*intervals?(?:[\s-]*training)?\b", " hiit "),
    (r"\b(?:push|press)[\s-]*ups?\b", " pushup "),
    (r"\bsit[\s-]*ups?\b", " situp "),
    (r"\bbody[\s-]*weight\b", " bodyweight "),
    (r"\bmild\s+cognitive\s+impairment\b", " mci "),
    (r"\bfish\s+oil\b", " fishoil "),
    (r"\bomega[\s-]*3s?\b", " fishoil "),
    (r"\bvitamin\s+[a-z]\d*\b", " vitamin "),
    (r"\bblood[\s-]*pressure\b", " bloodpressure "),
    (r"\bchest\s+pains?\b", " heart pain "),
    (r"\bno[\s-]*equipment\b", " bodyweight "),
    (r"\b(?:without|no)\s+(?:any\s+)?(?:weights|gym)\b", " bodyweight "),
    (r"\b(?:in\s+a\s+row|back[\s-]*to[\s-]*back|consecutive)\b", " recover "),
    (r"\b\d+\s*x\s*\d+\b", " set rep "),
    (r"\b(?:on|by)\s+(?:my|your|our)\s+own\b", " alone "),
    (r"\bwarm(?:ing)?[\s-]*ups?\b", " warmup "),
    # "get loose before I lift", "loosen up first": warming up
    (r"\b(?:get|getting)\s+(?:loose|limber)\b|\bloosen(?:ing)?\s+up\b", " warmup "),
    # "knees worn by wear and tear": osteoarthritis
    (r"\bwear\s+and\s+tear\b", " arthritis joint pain "),
    # "my knees ache": a joint's pain, not a muscle's soreness
    (
        r"\b(?:knees?|hips?|joints?|shoulders?|wrists?|ankles?)\s+(?:ache|aches|aching|achy)\b",
        " joint pain ",
    ),
    # "barely a spare moment", "a tiny workout": short of time
    (
        r"\b(?:barely|hardly|never)\s+(?:have\s+)?(?:a|any)\s+(?:spare|free)\s+(?:moment|minute)s?\b"
        r"|\b(?:tiny|quick|mini)\s+(?:workouts?|sessions?)\b",
        " notime ",
    ),
    # "is one day (a week) enough": how often, not two kinds on one day
    (r"\bone\s+day\s+(?:a\s+week\s+)?(?:is\s+)?enough\b", " often week enough "),
    # "a schedule for all seven days": the week
    (r"\b(?:all\s+)?seven\s+days\b", " week "),
    (r"\bheart\s+(?:exercise|workouts?|training)\b", " aerobic "),
    # "new to lifting", "new to the gym": a beginner
    (
        r"\bnew\s+to\s+(?:lifting|weights|the\s+gym|strength(?:\s+training)?|training|exercise"
        r"|exercising|working\s+out|this)\b",
        " beginner ",
    ),
    # "pumping iron": lifting; "get my heart pumping": cardio
    (r"\bpump(?:ing)?\s+iron\b", " lift "),
    # "iron or treadmill?", "hitting the iron": the weights (iron the mineral stays a supplement)
    (
        r"\biron\s+or\b|\bor\s+(?:the\s+)?iron\b|\b(?:the|lift(?:ing)?|hit(?:ting)?)\s+iron\b",
        " lift or ",
    ),
    (r"\bheart\s+(?:pumping|racing|going)\b", " aerobic "),
    # "move up to bigger dumbbells", "go higher", "bump the weight up": adding weight
    (
        r"\b(?:go|going|move|moving|step|stepping|bump|bumping)\s+(?:\w+\s+){0,2}?"
        r"(?:up|higher|heavier)\b|\b(?:bigger|heavier)\s+(?:dumbbells?|weights?|kettlebells?|plates?)\b",
        " increase ",
    ),
    # "is cardio alone enough, or do I need weights": one kind instead of the other, not
    # training alone
    (
        r"\b(cardio|aerobics?|running|walking|swimming|cycling|weights|lifting|strength)\s+"
        r"(?:alone|only|by\s+itself|on\s+its\s+own)\b",
        r" \1 instead ",
    ),
    # "intervals on my bike: how long fast and how long slow?": intervals
    (r"\bfast\b[\w\s,]{0,30}\bslow\b|\bslow\b[\w\s,]{0,30}\bfast\b", " hiit "),
    # "the most bang for the buck": the best
    (r"\bbang\s+for\s+(?:the|your|my|our)\s+bucks?\b", " bang buck best "),
    # "haven't been near the gym": not a place near someone
    (r"\b(?:been|go|gone|going|went|come|came)\s+near\b", " been "),
    # "I told you I did 40 kg but it was actually 30": a log to fix
    (r"\btold\s+you\b", " log "),
    (r"\b(?:it\s+)?was\s+actually\b|\bi\s+meant\b|\bshould\s+have\s+been\b", " fix "),
    # "I'm on my feet all day": active
    (r"\bon\s+(?:my|your|our|his|her)\s+feet\b", " active "),
    # "to jog my memory": to remind, not a run
    (r"\bjog\s+(?:my|your|his|her|our|their)\s+memory\b", " remind "),
    # "I wrote down the wrong number": a log to fix
    (
        r"\b(?:wrote|write|put|typed|entered)\s+(?:down\s+|in\s+)?(?:the\s+|a\s+)?wrong\b",
        " log fix ",
    ),
    # "what time does the class start": a timetable, not training
    (
        r"\bwhat\s+time\s+(?:does|do|is)\b(?:\s+\S+){1,8}?\s+(?:start|open|close|finish)\b",
        r" \g<0> classtime ",
    ),
    # "the leisure centre", "the rec center": a gym
    (r"\b(?:leisure|rec(?:reation)?|community|sports?|fitness)\s+cent(?:re|er)s?\b", " gym "),
    # "a free slot", "free time": time, not free weights
    (r"\bfree\s+(?:slot|time|moment|hour|morning|evening|day)s?\b", " time "),
    # shopping days, a son-in-law, brain-game apps, hormone therapy: not training questions
    (r"\b(?:black\s+friday|cyber\s+monday|prime\s+day)\b", " buy "),
    (r"\b(?:son|daughter|mother|father|brother|sister)s?[\s-]+in[\s-]+laws?\b", " inlaw "),
    (r"\bbrain[\s-]+(?:training\s+)?(?:games?|apps?|puzzles?)\b|\blumosity\b", " braingame "),
    (r"\bhormone\s+replacement(?:\s+therapy)?\b", " hrt "),
    # a pet's needs, an errand to be reminded of, care homes, walking aids, presents
    (r"\b(?:dog|puppy|labrador|cat)\s+(?:is|keeps|needs?|has)\b", " pet "),
    (
        r"\bremind\s+me\s+to\s+(?:call|phone|ring|text|email|buy|pay|take|pick|book|feed|water"
        r"|collect|send)\b",
        " errand ",
    ),
    (
        r"\b(?:care|nursing|retirement)\s+homes?\b|\bwalking\s+(?:frames?|aids?|sticks?)\b"
        r"|\bzimmer\b|\bmobility\s+scooters?\b|\bwheelchairs?\b|\bhearing\s+aids?\b",
        " careaid ",
    ),
    # "the MIND diet", "the Mediterranean diet": a diet, which the coach doesn't advise on
    (r"\b(?:mind|mediterranean|dash|paleo|carnivore|keto)\s+diet\b", " diet namediet "),
    # "long stretches of sitting": a while, not stretching.
    (r"\bstretch(?:es)?\s+of\s+(?:sitting|time|the\s+day)\b", " while sitting "),
    (r"\bstretch(?:ing|es)?\s+(?:before|first)\b", " warmup before "),
    (r"\bbetween\s+(?:each\s+|my\s+|the\s+|two\s+)?(?:\w+\s+)?sets?\b", " betweensets "),
    # "cardio and weights the same day", "weights first or cardio first", "lift before or
    # after my run": when to do two kinds of training, not which one.
    (r"\b(?:same|one)\s+(?:day|session)\b", " sameday "),
    (
        rf"\b{_ACTIVITY}\s+(?:[\w,]+\s+){{0,3}}?(?:before|after|then|first)\b"
        rf"(?:\s+[\w,]+){{0,3}}?\s+{_ACTIVITY}\b",
        r" \g<0> sameday ",
    ),
    # "is walking enough?", "I walk an hour a day, is that enough", "can I just walk".
    (r"\bwalk(?:s|ing)?\b[\w\s,.]{0,50}?\benough\b", " walk walkenough "),
    (r"\b(?:just|only)\s+(?:go\s+for\s+)?(?:a\s+)?walk(?:s|ing)?\b", " walk walkenough "),
    (r"\blight[\s-]+headed\b", " lightheaded "),
    # a cross-trainer is a cardio machine, not a personal trainer
    (r"\bcross[\s-]*trainers?\b", " aerobic "),
    # "I walk 10k steps a day, do I still need to lift?"
    (r"\b(?:walk(?:s|ing)?|steps?)\b[\w\s,.]{0,60}?\bstill\s+need\b", " walk walkenough "),
    # "can you prompt me to train", "how many days a week", "how much times in one week"
    (r"\bprompt\s+me\b", " remind me "),
    (
        r"\bhow\s+(?:many|much|often)\s+(?:days?|times?|sessions?)\s+(?:in\s+)?"
        r"(?:a|one|per|each|the)\s+week\b",
        " often week ",
    ),
    (
        r"\b(?:no|little|limited|short\s+on|pressed\s+for|not\s+much|dont\s+have\s+(?:much\s+)?)"
        r"\s+time\b",
        " notime ",
    ),
    # "what weight should I squat next?", "my next deadlift", "what do I lift today".
    (
        r"\bnext\s+(?:time|session|workout)\b|\bmy\s+next\b|\bnext\s*\?|"
        r"\b(?:lift|squat|bench|deadlift|press|use|do|weight|load)\s+next\b|"
        r"\bput\s+on\s+the\s+bar\b|\bgo\s+up\s+or\s+stay\b|"
        r"\b(?:lift|squat|bench|deadlift|press|use|do)\s+(?:today|tonight|tomorrow)\b|"
        r"\bplan\s+for\s+(?:today|tomorrow)\b",
        " nextload ",
    ),
    # "once a week", "3 times per week", "one session a week": a question about how often.
    (
        r"\b(?:once|twice|one|two|three|four|\d)\s+(?:[a-z]+\s+){0,2}(?:a|per|each)\s+week\b",
        " often week ",
    ),
)
_PHRASES = tuple((re.compile(pattern), repl) for pattern, repl in PHRASES)

# Chat spellings people really type, mapped to the word they mean.
INFORMAL = {
    "r": "are",
    "u": "you",
    "ur": "your",
    "enuff": "enough",
    "enuf": "enough",
    "nuff": "enough",
    "n": "and",
    "abt": "about",
    "wud": "would",
    "cud": "could",
    "nite": "night",
    "tonite": "tonight",
    "evry": "every",
    "evry1": "everyone",
    "every1": "everyone",
    "some1": "someone",
    "any1": "anyone",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2day": "today",
    "gud": "good",
    "wen": "when",
    "hw": "how",
    "y": "why",
    "shud": "should",
    "wat": "what",
    "wk": "week",
    "wks": "weeks",
    "pls": "please",
    "b4": "before",
    "min": "minutes",
    "mins": "minutes",
    "hr": "hour",
    "hrs": "hours",
    "ppl": "people",
    "yr": "year",
    "yrs": "years",
    "thru": "through",
    "w": "with",
    "shld": "should",
    "rly": "really",
    "btwn": "between",
    "vids": "videos",
    "wo": "without",
    "pt": "trainer",
    # misspellings of words a topic needs, too short or too far for the spell check
    "hart": "heart",
    "preasure": "pressure",
    "presure": "pressure",
    "weigths": "weights",
    "wieghts": "weights",
    "waht": "what",
    "excercise": "exercise",
    "exersice": "exercise",
    "musculation": "strength",
    "musculação": "strength",
    "musculacion": "strength",
}

# Words that mean the same thing to the coach, mapped to one canonical term.
SYNONYMS = {
    "cardio": "aerobic",
    "aerobics": "aerobic",
    "run": "aerobic",
    "running": "aerobic",
    "jog": "aerobic",
    "jogging": "aerobic",
    "swim": "aerobic",
    "swimming": "aerobic",
    "cycling": "aerobic",
    "bike": "aerobic",
    "biking": "aerobic",
    "treadmill": "aerobic",
    "rowing": "aerobic",
    "dumbbell": "lift",
    "dumbbells": "lift",
    "barbell": "lift",
    "barbells": "lift",
    "kettlebell": "lift",
    "kettlebells": "lift",
    "lifting": "lift",
    "lifts": "lift",
    "weights": "lift",
    "weight": "lift",
    "strength": "lift",
    "resistance": "lift",
    "memory": "cognition",
    "cognitive": "cognition",
    "thinking": "cognition",
    "mind": "cognition",
    "sharp": "cognition",
    "frequently": "often",
    "frequency": "often",
    "weekly": "week",
    "heavier": "heavy",
    "reps": "rep",
    "repetitions": "rep",
    "repetition": "rep",
    "workout": "train",
    "workouts": "train",
    "training": "train",
    "session": "train",
    "sessions": "train",
    "sleeping": "sleep",
    "soreness": "sore",
    "doms": "sore",
    "aching": "sore",
    "ache": "sore",
    "aches": "sore",
    "achy": "sore",
    "stiff": "sore",
    "hike": "walk",
    "hikes": "walk",
    "hiking": "walk",
    "hiked": "walk",
    "preparation": "warmup",
    "proof": "evidence",
    "tender": "sore",
    "thigh": "muscle",
    "thighs": "muscle",
    "quads": "muscle",
    "hamstrings": "muscle",
    "calves": "muscle",
    "glutes": "muscle",
    "muscles": "muscle",
    "fatigue": "tired",
    "exhausted": "tired",
    "trainer": "supervise",
    "coach": "supervise",
    "instructor": "supervise",
    "supervised": "supervise",
    "supervision": "supervise",
    "unsupervised": "supervise",
    "myself": "alone",
    "safety": "safe",
    "dangerous": "safe",
    "danger": "safe",
    "risky": "safe",
    "knee": "joint",
    "knees": "joint",
    "hip": "joint",
    "hips": "joint",
    "arthritis": "joint",
    "cardiovascular": "heart",
    "bones": "osteoporosis",
    "logging": "log",
    "record": "log",
    "enter": "log",
    "track": "log",
    "mistake": "fix",
    "wrong": "fix",
    "typo": "fix",
    "edit": "fix",
    "correct": "fix",
    "corrected": "fix",
    "calls": "phone",  # "who never calls"; not "a protein called BDNF"
    "safely": "safe",
    "safer": "safe",
    "stroke": "heart",
    "tested": "study",
    "solo": "alone",
    "strengthening": "lift",
    "strengthen": "lift",
    "cardiologist": "doctor",
    "delete": "undo",
    "remove": "undo",
    "reminder": "remind",
    "reminders": "remind",
    "notification": "remind",
    "notify": "remind",
    "alert": "remind",
    "alarm": "remind",
    "nudge": "remind",
    "nudges": "remind",
    "pings": "remind",
    "gains": "result",
    "gain": "result",
    "results": "result",
    "stent": "heart",
    "angina": "heart",
    "pacemaker": "heart",
    "typed": "log",
    "spin": "bike",
    "spinning": "bike",
    "youtube": "video",
    "videos": "video",
    "interval": "hiit",
    "intervals": "hiit",
    "sprint": "hiit",
    "sprints": "hiit",
    "tabata": "hiit",
    "myokines": "myokine",
    "grams": "gram",
    "g": "gram",
    "kilo": "kg",
    "kilos": "kg",
    "kilogram": "kg",
    "programme": "program",
    "fertilizer": "fertiliser",
    "neurons": "neuron",
    # older and formal wording
    "gymnasium": "gym",
    "bicycle": "bike",
    "bicycles": "bike",
    "regimen": "routine",
    "exertion": "effort",
    "forgetfulness": "memory",
}

STOPWORDS = frozenset(
    """
    a an the i im ive id me my mine you your youre we our us it its is am are was were be been
    being do does did doing dont doesnt didnt have has had having should shall will would can
    could cant may might must need needs what whats which who how hows why when where there
    this that thats these those to of in on at for with about as by from into if or and but so
    than then too very just really actually any some much many more most get got go going ok
    okay tell please thing things anything something know want hey hi hello also still even
    here anyway honestly mate someone somebody them they their theyre not no non nope yes
    oops ah oh well like um umm uh uhh er erm hmm he him his himself she her hers herself
    their themselves hes shes anyone anybody
    """.split()
)

_WORD = re.compile(r"[a-z0-9]+")


# Letters spoken one by one (a voice message): "b d n f", "i g f one".
_SPELLED = re.compile(r"\b[a-z](?:[\s.]+[a-z]\b){2,}")


def normalise(text: str) -> str:
    """Return `text` lower-cased, accents folded, apostrophes dropped, phrases folded."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("'", "")
    text = _SPELLED.sub(lambda m: re.sub(r"[\s.]+", "", m[0]), text)
    for pattern, repl in _PHRASES:
        text = pattern.sub(repl, text)
    return text


def stem(word: str) -> str:
    """Return a rough stem so that 'increases', 'increased' and 'increasing' meet."""
    if word in _KEPT:
        return word
    if len(word) > 5 and word.endswith("ing"):
        word = _undouble(word[:-3])
    elif len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif len(word) > 6 and word.endswith("ssion"):
        word = word[:-3]  # "progression" -> "progress"
    elif len(word) > 5 and word.endswith("ed"):
        word = _undouble(word[:-2])
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


# "news" is not the plural of "new"; "fasting" (a diet) is not "fast" (a pace); "wine" is
# not "win".
_KEPT = frozenset({"news", "fasting", "wine"})


def _undouble(word: str) -> str:
    # "getting" -> "get", "stopped" -> "stop"; but "still", "press", "buzz" keep theirs.
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


# Everyday words that say little about the topic. They still count when a topic uses them,
# but an unknown one does not make a question look off-topic ("is hiit *worth* it?").
GENERIC = frozenset(
    stem(w)
    for w in """
    good bad better best worse worst great fine right high low level keep kept work works
    worth long short after before during count counts exactly really right now today
    tomorrow month months year years old older young younger people person man woman men
    women wife husband friend doctor said says say use using used make made take taking
    start started starting stop stopped try trying tried thing lot lots little bit big
    small new first last next same different other another way ways enough only all every
    each both either something nothing everything always never often sometimes usually
    already again around away back down up out over under off without within between
    because since while though although whether maybe probably definitely sure true false
    help helps helped matter matters important normal ok okay fine else ever much many
    far near time times week weeks day days morning evening night part whole full home
    need needs want wants like likes feel feels think thinks look looks seem seems find
    point idea question answer tell ask asked know knew show shows shown give gives get
    target goal aim plan plans age aged already worry wonder wondering
    close focus deal story put adult adults senior seniors tip tips advice suggestion
    minute minutes hour hours second seconds
    vs one total real read heard talk talks everyone yesterday guy super forever few
    kids grandkids grandchildren family job busy grandson granddaughter son daughter
    monday tuesday wednesday thursday friday saturday sunday afternoon morning evening
    anymore eventually barely ago plain english exactly mean means meant crazy
    grab ruin ruined stay stays true hardly problem problems trouble slot hurry car rack
    went spring summer autumn winter indoors outdoors dad mum mom mother father parent
    parents grandmother grandfather grandma grandpa granny nan aunt uncle brother sister
    partner keen kind list inlaw tiny pink afraid mention mentioned
    finished finish finishing done usual newly finally loved love saved accident extra
    scrolling third certain number thumb hitting board straight onto shift shifts
    complete entire mid thought honestly proper
    lol haha hehe lmao omg quick q random hmm ok so anyway btw reckon reckons mate mates chap
    neighbour neighbor colleague radio newspaper
    heard someone everybody everyone told tells rumour myth surely
    buzzword fancy special useless
    job jobs work shift shifts rota retired lorry trucker truck driver drivers
    farmer farm farming tractor cab harvest season nurse nurses nursing hospital teacher
    teachers teaching postman postwoman paramedic firefighter pharmacist cleaner
    warehouse picker office desk builder secondary science maths head part curious
    yeah right got though sounds that
    ought kindly advise advised enquire inquire pray explain enlighten grateful particular
    manner undertake devote wonder curious notion indeed perhaps rather quite oneself
    gentleman lady madam sir regard regarding concerning whilst shall thus hence therefore
    proceed reasonably expect sufficient suffice merely acceptable adequate presently
    sixty seventy eighty ninety hundred
    tbh ngl rn idk imo fyi smh pls plz stuff thing things even kinda sorta bro
    whether upon wish wishes truth perform
    performed performing suggest suggested twice since find spell order nature
    two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty
    january february march april may june july august september october november december
    """.split()
)


# Words of what the coach does not answer: food beyond protein, weight loss, medical
# results, shopping, the news. A question using one is "I don't know" unless the topic it
# matched uses that word too ("protein in my diet" is the protein topic's own).
OFF_TOPIC = frozenset(
    stem(w)
    for w in """
    roast roasting weightwatchers watchers
    diet diets dieting keto ketogenic fasting calorie calories recipe recipes meal meals
    cholesterol diabetes diabetic sugar alcohol beer wine coffee smoking mattress pillow
    surgeon prescription news weather rain politics wedding book booking buy price cost
    cheapest brand disinfect clean cleaning piano sauna lose losing stretching stretches
    surgery operation near marathon yoga pilates namediet salt sodium headache headaches
    migraine anxiety panic insurance acupuncture chiropractor braingame hrt
    pet errand careaid birthday present gift classtime knit knitting crochet sewing quilting
    dizzy dizziness lightheaded faint fainting camera laptop printer television
    """.split()
)


def terms(text: str) -> list[str]:
    """Return the search terms of `text`: synonyms folded, stop words dropped, stemmed."""
    out: list[str] = []
    for raw in _WORD.findall(normalise(text)):
        word = INFORMAL.get(raw, raw)
        word = SYNONYMS.get(word, word)
        if word in STOPWORDS:
            continue
        out.append(stem(word))
    return out
