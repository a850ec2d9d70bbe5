"""Numbers in a message that are about something other than today's own session.

A message the parser read as no log may still hold a load, a time or a distance; before the
coach asks which lift or which session it was (`core.recording.partial`), these say the
number is about something else, and the message is left alone: body weight, a week's or a
year's total, a goal, a best from before, what one can do, someone else's lift, a place's
distance, a thing's weight, sleep, a nap, a price, a restriction, a question.
"""

from __future__ import annotations

import re

from core.recording.whole_message import KIN

_HELPER = r"trainer|coach|instructor|mate|pal|buddy|pt"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"

NOT_TODAYS = re.compile(
    # body weight (`Weight: 76.4kg`, `I'm 54 kilos`, `scales say 185 lbs`, `put on 2 kg`)
    r"\bweigh(?:s|ed|ing|[- ]?ins?)?\b|\bscales?\b|\bbmi\b|\b(?:lost|gained|lose|gain)\b"
    r"|\bbody\s*-?\s*weight\s*(?:is|was|has|had|now|today|this|of|at|:|=|-|–)"
    r"|\bmy\s+(?:body\s*-?\s*)?weight\b|\bweight\s*[:=\-–]?\s*\d|\bbw\s*(?:[:=\-–]|is\b|was\b)"
    r"|\bbp\s*\d|\bpulse\b"
    r"|\d\s*now\b"
    r"|\bi(?:\s+(?:was|am)|['’]m)\s+(?:at\s+|now\s+|down\s+to\s+|up\s+to\s+)?\d"
    r"|\bup\s+from\b|\bdown\s+(?:to|from)\b"
    r"|\bput\s+on\s+[\d.]+\s*(?:kgs?|lbs?|kilos?|pounds?|st|stone)\s+"
    r"(?:over|since|this|in|during|after|last)\b"
    # totals over days, steps, streaks, tonnage
    r"|\bthis\s+(?:week|month|year|season)|\bso\s+far\b|\bper\s+(?:day|week|month)\b"
    r"|(?:\d|times|once|twice)\s*(?:\w+\s+)?a\s+(?:day|week|month|year)\b"
    r"|\b(?:daily|weekly|monthly|yearly)\b|\bsteps\b"
    r"|\bstreak\b|\btotall?ed\b|\bvolume\b|\btonnage\b|\bin\s+total\b|\bmost\s+days\b"
    r"|\btotal\s*(?:of\s+)?:?\s*[\d.,]+\s*(?:kgs?|lbs?|kilos?|pounds?)\b"
    r"|\b(?:pbs|prs|lifetime)\b|\bevery\s+(?:day|week|morning|evening|night)\b"
    r"|\b(?:the|for\s+the|during\s+the)\s+(?:month|year|summer|winter|spring|autumn|season)\b"
    # what one usually does, where one is at (`I'm benching 75 lbs, squatting 95 lbs now`)
    r"|\b(?:usually|normally|typically|generally)\b|\bplan\s+on\b"
    r"|\bi['’]m\s+(?:benching|squatting|deadlifting|pressing|lifting|doing|running|walking)\b"
    # a year named (`Back in January 2013`); the past (`when I was younger`)
    r"|\b(?:in|since|of|during)\s+(?:19[5-9]\d|20[0-4]\d)\b|^\s*(?:19|20)\d\d\s*:"
    rf"|\b{_MONTH}\s+(?:\d{{1,2}}\w*,?\s+)?(?:19|20)\d\d\b|\bwhen\s+i\s+was\b|\byounger\b"
    # the future (`Next up, 200lbs!`, `I WILL walk`, `target 90 kg`, `might do an hour`)
    r"|\bnext\b|\bi['’]ll\b|\b(?:i|we)\s+will\b(?!\s+say\b)|\btarget\b|\bmight\b"
    r"|\blater\s*(?:today|on|tonight)?\s*[.!]*$|\brace\s+(?:is|day)\b|\bheading\s+out\b"
    # a description of oneself: age, height (`32 y/o male, 5’8” 210 lbs`)
    r"|\by/?o\b|\byears?\s+old\b|\bvitals\b|\b[4-7]\s*[′'’]\s*(?:1[01]|\d)\s*[″\"”]?(?!\d)"
    # rest between sets, a one-rep max, a restriction, other people around
    r"|\brest(?:ing)?[ \t]*(?::|\d)|\bbetween\s+sets\b|\b1\s*rm\b|\bone[- ]rep\s+max\b"
    r"|\btraining\s+max\b|\bno\s+more\s+than\b|\bnot\s+(?:to\s+)?(?:lift|carry)\b|\ballowed\b"
    r"|\bthere\s+(?:were|are|was|is)\b"
    # what one can do, a best from before
    r"|\b(?:i|you|we)\s+can\b|\bcan\s+(?:do|bench|squat|lift|deadlift|press|run|walk)\b"
    r"|(?<!\bas\si\s)(?<!\bas\swe\s)\bcould\b"
    r"|\bmy\s+(?:\w+\s+){0,2}(?:best|pr|pb|record|1\s*rm|max|maxes)\s+(?:is|was|are|were|:)"
    r"|\bpersonal\s+(?:best|record)\s+(?:is|was)\b"
    r"|\b(?:previous|old|all[- ]time)\s+(?:best|pr|pb|record)\b|\bbest\s+time\b"
    # someone else (`my trainer benched 140kg`, not `a work out with my trainer, 30 minutes`)
    r"|\b(?:he|she|his|her|him|they|their|guy|girl|woman|lady|someone|somebody|everyone)\b"
    rf"|\b(?:athlete|winner|{KIN})\b"
    rf"|(?<!with\s)\b(?:my|our|the)\s+(?:{_HELPER})\s+(?:[a-z]+\s+)?"
    r"(?:did|does|ran|runs|squats?|squatted|benche?s|benched|lifts?|lifted|pulled|deadlifts?|"
    r"deadlifted|presse?s|pressed|hit|set|got|swam|rode|walked)\b"
    # a place's distance or a trip's time (`the park is 2km away`, `my commute is 45 minutes`)
    r"|\d\s*(?:km|k|m|miles?|mi|yards?|min(?:ute)?s?)\s+(?:away|long|high|deep|wide|round|"
    r"around|from|drive|by\s+car)\b|\bthe\s+[a-z]+\s+is\s+(?:about\s+|only\s+|just\s+)?\d"
    r"|\b(?:drive|driving|drove|commute|flight|waited|wait|queue|traffic|journey|parking|lunch)\b"
    r"|\bstarts?\s+in\b|\b(?:live|lives)\s+[a-z0-9.]+\s+(?:miles?|km|minutes?)\s+(?:from|away)\b"
    r"|\bflew\s+(?:to|from|in|out|back|home)\b"  # not `My half hour flew by`
    # a thing's weight (`my barbell is 15kg`, `ordered a 24kg kettlebell`, `the baby is 9kg`)
    r"|\b(?:barbell|bar|kettlebells?|dumbbells?|plates?|bells?)\s+(?:is|are|go|goes)\b"
    r"|\b(?:go|goes)\s+(?:up\s+)?to\s+\d"
    r"|\b(?:ordered|bought|buy|arrived|delivered|i\s+have\s+(?:a|an|two|some))\b"
    r"|\b(?:bags?|baby|dog\s+food|suitcase|luggage|groceries|shopping|parcel)\b"
    # sleep, rest of other kinds, work, money, pain, a time of day
    r"|\bsleep|\bslept\b|\bnap\b|\bmeditat|\bsauna\b|\bsteam\s+room\b|\bhot\s+tub\b|\bbath\b"
    r"|\bmassage\b|\d\s*(?:min\w*\s+)?shower\b|\bshower\s+(?:for\s+)?\d|\bwork(?:ed)?\s+\d|\bcosts?\b|\bpaid\b|\bprice\b"
    r"|\bpain\b|\bhurts?\b|\bsore\b|\binjur|\bit['’]?s\s+\d{1,2}:\d\d"
    # a question without its mark (`120kg is that good for my age`)
    r"|\bis\s+(?:that|this|it)\s+(?:good|ok|okay|normal|bad|enough|too|a\s+lot|alright)\b"
    r"|\bhow\s+(?:many|much|long|often)\b"
)
