"""Events: one per happening or statement a clause asserts, dated by the expression attached to it.

A temporal expression is attached to the clause whose verb (or event noun: "visit", "talks") governs
it in spaCy's parse; participle and infinitive clauses without a subject of their own belong to the
clause above them. A main clause with no date of its own takes the date of a simultaneous
subordinate clause ("As X ended talks on Tuesday, Y announced..."). A sentence's main clause with no
date at all is an undated report, dated by the article's publication and flagged so. A happening a
sentence only names in passing ("killed in the collapse of the bridge") is a reference: no event of
its own, its sentence becomes a source of the event it names (see ``clustering.refers_to``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .anaphora import inside, quoted_spans
from .clauses import (
    ANOTHER,
    DEFINITE,
    DISASTERS,
    GENERIC_HAPPENINGS,
    HAPPENING_NOUNS,
    MODALS,
    NOUNS,
    OCCURRING,
    SETTING_BESIDE,
    SIMULTANEOUS,
    STATES,
    SUBJECTS,
    WORDS_GIVEN,
    actor_at,
    agents_of,
    classify,
    deed_of,
    deed_word,
    event_type,
    has_subject,
    hung_on_subject,
    is_clause_verb,
    is_event_noun,
    kin_of,
    names_a_happening,
    opened_fire,
    said,
    subject_set_beside,
    told_by,
    vanished,
)
from .clustering import keywords
from .date_lexicon import MONTHS, WEEKDAYS, number_value
from .dates import timex_dates
from .discourse import GOES_ON, TALK_TYPES
from .headlines import acceptable, headline, phrase, tidy
from .pipeline import sentences_of, text_of, verb_of
from .types import ActorMention, ExtractedEvent, Timex

# The flags of a report dated by its article's publication, and by the sentence before it.
PUBLICATION_DATE = "date_from_publication"
CONTEXT_DATE = "date_from_context"


def attach(doc, timex: Timex):
    """The clause head (verb or event noun) a temporal expression dates."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span) or _measures_a_record(span.root):
        return None
    t = span.root
    while t.head is not t and t.head.i != t.i:
        t = t.head
        if _before_a_happening(t, span):
            return None  # "lifted following a train derailment last weekend": the derailment's day
        if is_clause_verb(t) or (t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")):
            break
        if is_event_noun(t):
            return t
    # a participle or infinitive clause without its own subject is part of the clause above it
    while t.dep_ in ("advcl", "xcomp", "acl", "pcomp") and not has_subject(t) and t.head.i != t.i:
        up = t.head
        while not is_clause_verb(up) and up.dep_ != "ROOT" and up.head.i != up.i:
            up = up.head
        if up.pos_ not in ("VERB", "AUX"):
            break
        t = up
    return t


def _before_a_happening(tok, span) -> bool:
    """Is ``tok`` a happening noun that came before the clause's own ("following a train derailment
    last weekend", "after the quake on Monday"), or the word setting it before, outside ``span``? A
    date it holds is that happening's."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in BEFORE:
        return tok.lemma_.lower() in HAPPENING_NOUNS
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in BEFORE:
        return True  # "since calling his forces to revolt on Saturday": the call's day
    return tok.lower_ in BEFORE and any(
        c.dep_ == "pobj" and c.lemma_.lower() in HAPPENING_NOUNS and not span.start <= c.i < span.end
        for c in tok.children
    )


def _measures_a_record(root) -> bool:
    """Whether a date only says how long a record stands: "its largest disaster since 1939", "the
    worst flooding since March" date nothing that happened."""
    since = root.head
    if since.lower_ != "since" or since.dep_ != "prep" or since.i == 0:
        return False
    # what holds the record: the word "since" hangs on, or the one just before it
    return any(
        held.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") for c in held.children)
        for held in (since.head, since.doc[since.i - 1])
    )


def usable(timex: Timex) -> bool:
    """A calendar date or time (or an impossible one, which gets an event flagged invalid)."""
    if timex.type not in ("DATE", "TIME"):
        return False
    return timex_dates(timex) is not None or "invalid_date" in timex.flags


def split_list(doc, timex: Timex) -> list[Timex]:
    """ "in January and February" dates a happening twice; "between March 20 and 22" is one range."""
    if not timex.end_value or not re.search(r"\s(?:and|or)\s", timex.text):
        return [timex]
    before = text_of(doc)[max(0, timex.start - 12) : timex.start].lower()
    if re.search(r"\b(?:between|from)\s*$", before):
        return [timex]
    first, last = re.split(r"\s+(?:and|or)\s+", timex.text, maxsplit=1)
    if not re.search(r"[A-Za-z]", last) or not re.search(r"[A-Za-z]", first):
        return [timex]  # "March 20 and 22": the second part needs the first's month; keep the range
    last_start = timex.start + timex.text.rindex(last)
    return [
        replace(timex, text=first, end=timex.start + len(first), end_value=None),
        replace(
            timex,
            text=last,
            start=last_start,
            end=last_start + len(last),
            value=timex.end_value,
            end_value=None,
        ),
    ]


SPEAKERS = {"i", "we", "you"}
# What a relative clause tells of a thing that lasts, even with a date: "which dates to the 1700s".
LASTING = {"be", "have", "date", "include", "lie", "belong"}
# What a page around an article adds to its text: links to other stories and syndication notices.
BOILERPLATE = re.compile(
    r"^\W*(?:also read|read more|read also|related|see also|more on this|click here|sign up|subscribe)"
    r"\b\s*[:|–-]"
    r"|responsib\w* for (?:its|the|this) content|(?:has not been|was not) edited by"
    r"|auto-generated from a syndicated feed|all rights reserved",
    re.IGNORECASE,
)


@dataclass
class _Clause:
    head: object
    timex: Timex | None
    flags: list[str] = field(default_factory=list)


def _undated_report(tok) -> bool:
    """An undated clause is a report of a happening when its verb is not a state, a modal or negated,
    and its subject is not "I", "we" or "you": those speak inside a quotation, not for the reporter."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in STATES or _held_as(tok):
        return False
    if any(c.dep_ in SUBJECTS and c.lower_ in SPEAKERS for c in tok.children):
        return False
    if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN") and not _saying_now(tok):
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in tok.children)


# Verbs by which a clause tells what someone is taken for ("He is seen as a hardline cleric and
# regarded as a potential successor"): a standing, not a happening.
HELD = {"see", "regard", "view", "consider", "deem", "perceive"}


def _held_as(tok) -> bool:
    """Is ``tok`` a verb in the passive telling what its subject is held to be ("is seen as")?"""
    return (
        tok.lemma_.lower() in HELD
        and any(c.dep_ == "auxpass" for c in tok.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    )


def _saying_now(tok) -> bool:
    """ "X is calling this a disaster", "X was urging calm": words said in the progressive."""
    return (
        tok.tag_ == "VBG"
        and classify(tok.lemma_) == "statement"
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)
    )


def _narrows(timex: Timex, than: Timex | None) -> bool:
    """Does ``timex`` name a shorter stretch inside the one ``than`` names?"""
    inner, outer = timex_dates(timex), timex_dates(than) if than else None
    if inner is None or outer is None:
        return False
    return outer[0] <= inner[0] and inner[1] <= outer[1] and (inner[1] - inner[0]) < (outer[1] - outer[0])


def _names_day(timex: Timex | None) -> bool:
    """Does the expression name its day (a weekday, a month, a number), rather than count from what
    the text told before ("hours later", "later that day")?"""
    if timex is None:
        return False
    words = set(re.findall(r"[a-z]+", timex.text.casefold()))
    return bool(words & (WEEKDAYS.keys() | MONTHS.keys())) or any(c.isdigit() for c in timex.text)


def clauses_of(sent, doc, timexes: list[Timex]) -> list[_Clause]:
    """The event clauses of one sentence, each with the expression that dates it (or None)."""
    found: dict[int, list[_Clause]] = {}
    tokens = list(sent)  # (each pass over a span makes its tokens anew)
    for timex in timexes:
        head = attach(doc, timex)
        if head is None or (head.dep_ == "relcl" and head.lemma_.lower() in LASTING):
            continue  # "the town center, which dates to the 1700s": a state of a thing, no happening
        for part in split_list(doc, timex):
            if head.i in found and any(c.timex and c.timex.text == part.text for c in found[head.i]):
                continue
            if head.i in found and len(split_list(doc, timex)) == 1:
                # one date per clause: the first written, unless this one names a day of it
                # ("earlier this week ... on Wednesday") or names the day the first counts from the
                # text ("hours later on Monday")
                first = found[head.i][0].timex
                if _narrows(part, first) or (_names_day(part) and not _names_day(first)):
                    found[head.i][0] = _Clause(head, part)
                continue
            found.setdefault(head.i, []).append(_Clause(head, part))
    for clauses in list(found.values()):
        head = clauses[0].head
        mark = {c.lower_ for c in head.children if c.dep_ == "mark"}
        main = head.head
        if head.dep_ == "advcl" and mark & SIMULTANEOUS and main.i not in found and main.pos_ == "VERB":
            found[main.i] = [_Clause(main, clauses[0].timex)]
    root = sent.root
    if root.i not in found and _undated_report(root):
        found[root.i] = [_Clause(root, None, [PUBLICATION_DATE])]
    for tok in tokens:
        if tok.i in found or tok.dep_ not in ("advcl", "conj") or not _undated_report(tok):
            continue
        if tok.tag_ not in ("VBZ", "VBD", "VBP"):
            continue
        if _in_passing(tok):
            continue  # "after a ship struck the bridge": named in passing (see ``_references``)
        kind = classify(tok.lemma_)
        # a deed of a known kind, or words said by a speaker of their own in a clause joined to the
        # first ("The search continues, and authorities said an aircraft detected noises") or set
        # beside it ("It gave no details when the company announced that all five were lost")
        said_too = kind in ("statement", "announcement") and has_subject(tok) and not _as_said(tok)
        if said_too and (told := found.get(tok.head.i)):
            found[tok.i] = [_Clause(tok, told[0].timex, list(told[0].flags))]  # said that day too
        elif kind not in ("statement", "other", "announcement") or said_too:
            found[tok.i] = [_Clause(tok, None, [PUBLICATION_DATE])]
    for tok in tokens:
        if tok.i not in found and _done_there(tok) and (told := _clause_holding(tok, found)):
            found[tok.i] = [_Clause(tok, told[0].timex, list(told[0].flags))]  # done there and then
    for tok in tokens:
        if tok.i not in found and _said_alongside(tok):
            # said as the sentence's happening is told: its date, or else the publication's
            told = found.get(tok.head.head.i)
            found[tok.i] = (
                [_Clause(tok, told[0].timex, list(told[0].flags))]
                if told
                else [_Clause(tok, None, [PUBLICATION_DATE])]
            )
    return [c for i in sorted(found) for c in found[i]]


def _done_there(tok) -> bool:
    """ "A coup was under way on Wednesday in Niger, where guards detained President Bazoum": a deed of
    a known kind, with a doer of its own, told in a clause of "where" about a place of the sentence's
    happening; it was done there and then."""
    return (
        tok.dep_ == "relcl"
        and tok.tag_ == "VBD"
        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children)
        and any(c.dep_ == "nsubj" and c.pos_ in NOUNS for c in tok.children)
        and classify(tok.lemma_) not in ("statement", "announcement", "other")
    )


def _clause_holding(tok, found: dict) -> list | None:
    """The clauses found of the nearest clause head above ``tok``, if any."""
    up = tok.head
    while up.i not in found and up.head.i != up.i:
        up = up.head
    return found.get(up.i)


def _as_said(tok) -> bool:
    """ "As the president said…", "as organisations condemned the takeover": words set beside the
    sentence's happening to frame it, not told as a report of their own."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _said_alongside(tok) -> bool:
    """ "The toll rose to 1,200, with the President describing it as the worst disaster": words said
    alongside the sentence's happening, in a clause of "with" that has a speaker of its own."""
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "pcomp"
        and tok.head.lower_ == "with"
        and classify(tok.lemma_) == "statement"
        and has_subject(tok)
    )


def clause_span(head, others) -> tuple[int, int]:
    """The characters of a clause: its head's subtree without the other event clauses inside it."""
    inner = {o.i for o in others if o.i != head.i and head.is_ancestor(o)}
    skip = set()
    for o in others:
        if o.i in inner:
            skip |= {t.i for t in o.subtree}
    toks = [t for t in head.subtree if t.i not in skip and not t.is_punct]
    if not toks:
        toks = [head]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def events_from_doc(
    doc, timexes: list[Timex], actors: list[ActorMention], published: dt.date | None
) -> list[ExtractedEvent]:
    """The events the article's clauses assert, in text order (see the module docstring)."""
    usable_timexes = [t for t in timexes if usable(t)]
    timex_chars = {i for t in usable_timexes for i in range(t.start, t.end)}
    events: list[ExtractedEvent] = []
    body = text_of(doc)
    context: _Told | None = None  # the day the narrative last stated
    news_day = _news_day([t for t in usable_timexes if not _foreseen(attach(doc, t))], published)
    statements: list[ExtractedEvent] = []  # those of the sentence before
    opened = None  # the sentence before, when it told nothing and opened a quotation it left open
    sents = sentences_of(doc)
    for position, sent in enumerate(sents):
        if BOILERPLATE.search(sent.text):
            continue
        dated_here = [t for t in usable_timexes if sent.start_char <= t.start < sent.end_char]
        clauses = clauses_of(sent, doc, dated_here)
        heads = [c.head for c in clauses]
        keys = [c.timex.text if c.timex else "" for c in clauses]
        told: list[ExtractedEvent] = []
        heads_of: dict[int, object] = {}  # each report's clause head, by the report's id
        for clause, key in zip(clauses, keys, strict=True):
            if keys.count(key) > 1:
                start, end = clause_span(clause.head, heads)
            else:
                start, end = sent.start_char, sent.end_char
            event = _event(body, sent, clause, start, end, actors, published, timex_chars)
            heads_of[id(event)] = clause.head
            if named := _first_named(event.subject_of, sent, events, position):
                # "the tremor" is the earthquake told before: it did what the earthquake did
                event.doer = named if event.doer == event.subject_of else event.doer
                event.subject_of = named
            if _named_by_pronoun(event.title):
                event.title = tidy(named_doer(event.title, actors, start, end))
            if position and (before := _said_before(body, sents[position - 1], clause.head)) is not None:
                # "Prigozhin will go to Belarus. This was announced by Peskov on Saturday."
                named = [m for m in actors if sent.start_char <= m.start < sent.end_char]
                event.title = headline(clause.head, named, timex_chars, quoted=before.root)
                event.start = before.start_char
                event.sentence = body[event.start : event.end]
                event.terms = event.terms | content_words(
                    doc, before.start_char, before.end_char, actors, timex_chars
                )
            if not acceptable(event.title):
                continue  # a clause that names no doer and no deed is no report of a happening
            same = next((e for e in told if e.title == event.title and not (e.timex and event.timex)), None)
            if same is not None and (same.timex or not event.timex):
                continue  # the same headline from one sentence, once undated: one report, the dated one
            event.position = position
            told = [event if e is same else e for e in told] if same is not None else [*told, event]
            if context is not None and context.position >= position - 1 and _narrates(clause.head, event):
                context.date(event)
            elif (then := _dated_after(clause.head, event, events)) is not None:
                _date_context(event, then.date_start, then.date_end)
            else:
                _date_news_day(event, clause.head, news_day)
        told = [e for e in told if not _only_frames(e, told, heads_of)]
        if not told and (clause := _fallback_clause(sent, heads, dated_here, doc)) is not None:
            start, end = sent.start_char, sent.end_char
            event = _event(body, sent, clause, start, end, actors, published, timex_chars)
            heads_of[id(event)] = clause.head
            _date_news_day(event, clause.head, news_day)
            if acceptable(event.title):
                event.position = position
                told = [event]
        if told and opened is not None and (words := _said_after(body, opened, told, sent)) is not None:
            # ““They gave us no warning. No nothing,” Panis said.”: her words began a sentence before
            words.start = opened.start_char
            words.sentence = body[words.start : words.end]
            words.terms = words.terms | content_words(
                doc, opened.start_char, opened.end_char, actors, timex_chars
            )
            named = [m for m in actors if sent.start_char <= m.start < sent.end_char]
            title = headline(heads_of[id(words)], named, timex_chars, quoted=opened.root)
            if acceptable(title) and not _named_by_pronoun(title):
                words.title = title  # "Panis says they didn't give us no warning", not "… says in interview"
        if told:
            opened = None
        elif _opens_quotation(sent.text):
            opened = sent
        elif opened is not None and _goes_on_quoting(body, opened, sent):
            opened = doc[opened.start : sent.end]  # the quotation goes on, its speaker not named yet
        else:
            opened = None
        if not told and statements and _quotes_on(body, statements[-1], sent):
            quoted = statements[-1]  # "… he said. "We notified the families."": his words go on
            quoted.end = sent.start_char + len(sent.text.rstrip())
            quoted.sentence = body[quoted.start : quoted.end]
            continue
        statements = [e for e in told if _words(e)]
        context = _Told.of(told, sent, position, published) or context
        events += told + _references(body, sent, position, heads, actors, timex_chars)
    return _unique(events)


@dataclass
class _Told:
    """The day a sentence stated for what it tells, which the narrative's next sentence goes on telling
    of in the past tense: "On Sunday, thousands took to the streets. Activists gathered in front of
    the embassy." A day before the article's, from a date the sentence states itself."""

    date_start: dt.date
    date_end: dt.date
    position: int

    @classmethod
    def of(cls, told: list[ExtractedEvent], sent, position: int, published: dt.date | None) -> _Told | None:
        """The day of the sentence's main clause, stated in it, if it is one."""
        main = [e for e in told if e.start <= sent.root.idx < e.end]
        days = {(e.date_start, e.date_end) for e in main if e.precision == "day" and e.timex is not None}
        if len(days) != 1 or published is None:
            return None
        ((start, end),) = days
        return cls(start, end, position) if start is not None and end < published else None

    def date(self, event: ExtractedEvent) -> None:
        _date_context(event, self.date_start, self.date_end)


def _date_context(event: ExtractedEvent, start: dt.date, end: dt.date) -> None:
    """Dates a report that states no date of its own by the day its text tells of."""
    event.date_start, event.date_end, event.precision = start, end, "day"
    event.flags = [CONTEXT_DATE if f == PUBLICATION_DATE else f for f in event.flags]


def _narrates(head, event: ExtractedEvent) -> bool:
    """Does an undated clause tell, in the past tense, of something done (not "the search continues",
    not what will be)?"""
    if _words(event):
        return False  # "he said on Twitter": when something was said is the reporter's time
    return _told_done(head, event)


# Prepositions by which a clause tells its deed came right after a happening: "following the quake".
RIGHT_AFTER = {"after", "following"}


def _dated_after(head, event: ExtractedEvent, before: list[ExtractedEvent]) -> ExtractedEvent | None:
    """The report, told before in the article with a day it states, of the happening an undated clause
    tells its deed came right after ("A fire broke out shortly after the quake", "Following the
    earthquake, a fire broke out", after "the quake that shook Japan on Monday"): the deed took place
    that day, also where someone's words tell it ("Following the quake, a fire broke out, NHK
    reported"). None when the clause names no such happening by a definite noun."""
    if not _told_done(head, event):
        return None
    verbs = [head, *(c for c in head.children if c.dep_ == "ccomp" and said(head))]
    after = (c for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ in RIGHT_AFTER)
    noun = next((n for c in after for n in c.children if n.dep_ == "pobj" and names_a_happening(n)), None)
    if noun is None:
        return None
    kin = kin_of(noun.lemma_.lower())
    dated = (e for e in reversed(before) if e.timex is not None and e.precision == "day" and not e.reference)
    return next((e for e in dated if {e.doer, e.predicate} & kin), None)


def _foreseen(head) -> bool:
    """Does a clause tell what will or would be ("depositors would have access starting Monday"),
    itself or as part of a clause that does?"""
    if head is None:
        return False
    return any(c.dep_ == "aux" and c.lower_ in MODALS for t in (head, *head.ancestors) for c in t.children)


def _news_day(timexes: list[Timex], published: dt.date | None) -> dt.date | None:
    """The day an article brings the news of when that is the day before its publication: the latest
    day it names, in a Thursday paper telling what happened on Wednesday (and naming no Thursday)."""
    if published is None:
        return None
    days = [
        span[1]
        for t in timexes
        if (span := timex_dates(t)) is not None and span[2] == "day" and span[0] == span[1]
    ]
    day_before = published - dt.timedelta(days=1)
    return day_before if max((d for d in days if d <= published), default=None) == day_before else None


def _date_news_day(event: ExtractedEvent, head, news_day: dt.date | None) -> None:
    """Dates a report told undated in the past tense by its article's news day, if it has one."""
    if news_day is not None and _told_done(head, event):
        _date_context(event, news_day, news_day)


def _told_done(head, event: ExtractedEvent) -> bool:
    """Does an undated clause tell, in the past tense, what was done or said ("the search was
    suspended", "Butler said"), not what goes on or will be ("the search continues"), nor what was
    done "earlier" than the day its text tells of?"""
    if PUBLICATION_DATE not in event.flags or event.reference:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in ELSEWHEN for c in head.children):
        return False  # "Zelenskiy earlier ordered the military to defend the city"
    return head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children)


# Adverbs by which a clause leaves the day the narrative tells of.
ELSEWHEN = {"earlier", "previously", "before", "already", "later", "since", "once", "formerly", "afterwards"}


def _references(body: str, sent, position: int, heads, actors, timex_chars) -> list[ExtractedEvent]:
    """The happenings a sentence names in passing ("killed in the collapse of the bridge", "Monday's
    quake", "after the bridge collapsed", "Tchiani, who has declared himself leader"), as reports
    that join the event they name and never start one (see ``names_a_happening``,
    ``_told_of_someone``, ``_told_in_passing``)."""
    out = []
    taken = {h.i for h in heads}
    said = body[sent.start_char : sent.end_char].strip()
    for tok in sent:
        if tok.i in taken:
            continue
        doers, by_noun = [], ""
        if names_a_happening(tok) or (_named_indefinitely(tok) and _beside(tok, taken)):
            # the noun phrase without a clause of its own ("which left six dead" tells something else)
            clauses = {t.i for c in tok.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
            phrase = [t for t in tok.subtree if t.i not in clauses]
        elif _told_of_someone(tok):
            # with whom it tells of ("Gen. Tchiani – who has declared himself leader")
            whom = tok.head
            named = next((e for e in tok.doc.ents if e.start <= whom.i < e.end), tok.doc[whom.i : whom.i + 1])
            phrase = [*named, *(t for t in tok.subtree if not t.is_punct)]
            if not any(c.dep_ == "nsubjpass" for c in tok.children):  # not what was done to them
                doers = [name] if (name := actor_at(whom, actors)) else []
        elif _told_in_passing(tok):
            subject = subject_set_beside(tok)
            told = [*(subject.subtree if subject is not None else ()), *tok.subtree]
            phrase = [t for t in told if not (_sets_beside(t) and t.head == tok) and not t.is_punct]
            by_noun = _done_alongside(tok)  # "as blazes swept across the island" names the blaze
        else:
            continue
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        mentions = [m for m in actors if start <= m.start < end]
        text = body[start:end]
        out.append(
            ExtractedEvent(
                title=text[:300],
                sentence=said,
                start=start,
                end=end,
                date_start=None,
                date_end=None,
                precision=None,
                event_type=classify(tok.lemma_),
                actors=list(dict.fromkeys(m.name for m in mentions)),
                agents=doers,
                summary=said,
                sentence_start=sent.start_char,
                predicate=(noun := _happening_noun(tok) or by_noun or deed_word(tok)),
                words=keywords(text),
                terms=content_words(sent.doc, start, end, mentions, timex_chars) | {noun},
                position=position,
                reference=True,
                another=_marked_another(tok),
                patients=_befell(tok, mentions),
                told_subject=_subject_told(tok, taken),
                deed_told=tok.pos_ == "VERB" and not by_noun,
            )
        )
    return out


# Nouns that name a thing's end whatever form it took: "the collapse of the bank" is its closing.
ENDS = {"collapse", "failure", "bankruptcy"}


def _befell(noun, mentions: list[ActorMention]) -> list[str]:
    """Whom the end a happening named in passing names befell, named by name as its owner ("after the
    collapse of Silicon Valley Bank", "Lehman's bankruptcy"), not where it befell ("the collapse in
    Turkey"): an end of something is what was done to it, however told (see ``clustering.befell``)."""
    if noun.lemma_.lower() not in ENDS or any(c.dep_ in ("acl", "xcomp") for c in noun.children):
        return []  # "the agency's failure to enforce its decision" is no end of the agency
    owners = [*(c for c in noun.children if c.dep_ == "poss"), *_governed(noun, "of")]
    spans = [_named_in(o) for o in owners]
    return list(
        dict.fromkeys(
            m.name for m in mentions if not m.role and any(low <= m.start < high for low, high in spans)
        )
    )


def _subject_told(tok, taken: set[int]) -> bool:
    """Is ``tok`` the subject of what a report's words tell ("the survey said the 7.8 magnitude tremor
    struck 18 km deep"), its clause told by a report's clause among ``taken``?"""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ccomp":
        return False
    clause = tok.head
    while clause.i not in taken:
        if clause.dep_ != "ccomp":
            return False
        clause = clause.head
    return True


def _happening_noun(tok) -> str:
    """The noun by which a word names a happening: its own ("quake", "collapse"), or "quake" for one
    measured by its magnitude ("a 7.8 magnitude jolt", "a magnitude 7.5 shock"); or ""."""
    lemma = tok.lemma_.lower()
    if lemma in HAPPENING_NOUNS:
        return lemma
    if tok.pos_ == "NOUN" and any(c.lemma_.lower() == "magnitude" for c in tok.children):
        return "quake"
    return ""


def _beside(tok, taken) -> bool:
    """Is a happening noun named with "a" set beside a clause's happening, not told by it: its phrase
    hangs on no clause's verb, or on one by a word of what came before ("lifted following a train
    derailment"; not "was followed by a 7.5 quake")?"""
    return tok.head.head.i not in taken or tok.head.lower_ in BEFORE


def _named_indefinitely(tok) -> bool:
    """Is ``tok`` a happening noun with "a" in a phrase, with words of its own that say which ("death
    caused by a powerful earthquake", "within hours of a 7.8 magnitude jolt")? Named so beside a
    clause's verb, it is what the clause tells ("it was followed by a 7.5 quake"); elsewhere, a
    happening named in passing, whose words must be the event's (see ``clustering.refers_to``)."""
    if tok.pos_ != "NOUN" or not _happening_noun(tok) or tok.dep_ != "pobj":
        return False
    if not _indefinite(tok):
        return False
    return any(
        c.dep_ in ("amod", "compound", "nummod") and c.tag_ not in ("JJS", "RBS") for c in tok.children
    )


def _sets_beside(tok) -> bool:
    """Does ``tok`` set its clause beside the sentence's happening as one that came before it or
    where it took place ("hours after the president was held", "where the bridge collapsed")?"""
    return tok.dep_ in ("mark", "advmod") and tok.lower_ in SETTING_BESIDE


def _done_alongside(tok) -> str:
    """The happening noun of the subject when ``tok`` is the verb of a clause, set beside the
    sentence's by "as", that tells what a happening did ("residents raced to escape as blazes swept
    across the island": "blaze"), else "". Only a happening's: "as" sets beside what anyone did as
    readily as it gives a reason ("as the yen soared, its problems grew")."""
    if (
        tok.dep_ != "advcl"
        or not _done(tok)
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    ):
        return ""
    return next((noun for c in tok.children if c.dep_ == "nsubj" and (noun := _happening_noun(c))), "")


def _told_in_passing(tok) -> bool:
    """Is ``tok`` the verb of a clause that tells, in the past tense, a happening the sentence sets
    its own beside ("Soldiers appeared on TV hours after the president was held", "Water was 50
    feet deep where the bridge collapsed"): with a subject of its own, neither said nor foreseen?
    ("a day after a ship collided with the bridge" is such a clause however the parser attaches it.)"""
    set_beside = (
        subject_set_beside(tok) is not None  # the parse took its subject for the object of "after"
        or (
            tok.dep_ in ("advcl", "relcl", "acl")
            and has_subject(tok)
            and _done(tok)
            and any(_sets_beside(c) for c in tok.children)
        )
        or bool(_done_alongside(tok))
    )
    return set_beside and _undated_report(tok) and classify(tok.lemma_) not in ("statement", "announcement")


# What sets a clause beside the sentence's happening as one that came before it.
BEFORE = {"after", "since", "once", "following"}


def _told_of_someone(tok) -> bool:
    """Is ``tok`` the verb of a clause that tells, in passing, what a named person or organisation
    has done or had done to them ("Gen. Tchiani, who has declared himself Niger's new leader,
    warned ...", "Bazoum, who is being held by his guard")? Its deed is an earlier happening that the
    sentence only names; not words said ("who said that ...")."""
    if tok.dep_ != "relcl" or tok.head.ent_type_ not in ("PERSON", "ORG") or not _done(tok):
        return False
    if any(c.dep_ == "nsubjpass" and c.tag_ == "WP" for c in tok.children):
        return True
    return any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in tok.children) and _done_to_something(tok)


def _done_to_something(verb) -> bool:
    """Does the verb take a thing ("declared himself leader"), not a clause of words said ("who said
    that ...")?"""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "oprd")]
    return bool(objects) and all(c.pos_ not in ("VERB", "AUX") for c in objects)


def _in_passing(tok) -> bool:
    """Is ``tok`` the verb of a clause set after a happening that came before the sentence's own ("a
    day after a ship struck and destroyed the bridge"), or joined to one with no subject of its own?
    Its happening is named in passing, not told."""
    while tok.dep_ == "conj" and not has_subject(tok):
        tok = tok.head
    return _told_in_passing(tok) and any(c.dep_ == "mark" and c.lower_ in BEFORE for c in tok.children)


def _speaks_for(tok) -> bool:
    """Is ``tok`` the verb of saying of a relative clause whose "who" is a named person ("the
    council's coordinator, John Kirby, who said that …")?"""
    return (
        tok.dep_ == "relcl"
        and classify(tok.lemma_) == "statement"
        and tok.head.ent_type_ == "PERSON"
        and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in tok.children)
    )


def _fallback_clause(sent, tried, timexes: list[Timex], doc) -> _Clause | None:
    """A sentence whose clauses gave no report may still tell of a happening in a clause the parse
    did not put first: its root mistaken ("Around 1:30 A.M., the ship collided with the bridge"), or
    a frame around it ("It is known that two members of the crew were rescued"). The clause nearest
    the root whose verb has a subject of its own and reports a happening, joined to the root by
    complements and coordination only (a relative or adverbial clause tells of something else, "the
    war, which has claimed tens of thousands"), dated by the sentence's first date that it governs
    or, failing that, by publication."""
    tried = {t.i for t in tried}
    quoted = [(sent.start_char + a, sent.start_char + b) for a, b in quoted_spans(sent.text)]
    found = [
        tok
        for tok in sent
        if tok.i not in tried
        and tok.pos_ == "VERB"
        and _undated_report(tok)
        and (
            hung_on_subject(tok)
            or (
                has_subject(tok)
                and (
                    all(t.dep_ in ("ccomp", "conj") for t in (tok, *tok.ancestors) if t.dep_ != "ROOT")
                    or _speaks_for(tok)
                )
            )
        )
        and not inside(quoted, tok.idx)  # a quotation speaks for the speaker, not the reporter
    ]
    if not found:
        return None
    head = min(found, key=lambda t: (len(list(t.ancestors)), t.i))
    governed = (
        t for t in timexes if (at := attach(doc, t)) is not None and (at == head or head.is_ancestor(at))
    )
    timex = next(governed, None)
    return _Clause(head, timex, [] if timex else [PUBLICATION_DATE])


def _event(body: str, sent, clause: _Clause, start, end, actors, published, timex_chars) -> ExtractedEvent:
    flags = list(clause.flags)
    timex = clause.timex
    span = timex_dates(timex) if timex else None
    if timex is not None:
        flags += [f for f in timex.flags if f not in flags]
    if span is not None:
        date_start, date_end, precision = span
    elif timex is None and published is not None:
        date_start = date_end = published
        precision = "day"
    else:
        date_start = date_end = precision = None
        # an undated article dates nothing: the report is undated, not dated by publication
        flags = [f for f in flags if f != PUBLICATION_DATE]
        if "invalid_date" not in flags:
            flags.append("undated")
    text = body[start:end].strip()
    mentions = [m for m in actors if start <= m.start < end]
    head = clause.head
    deed = deed_of(head)
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    title = headline(head, mentions, timex_chars)
    doer, part_of = _happening_doer(head), _part_of(head)
    event = ExtractedEvent(
        title=title,
        sentence=text,
        start=start,
        end=start + len(text),
        date_start=date_start,
        date_end=date_end,
        precision=precision,
        event_type=_kind(head, deed, doer, part_of),
        spoken=said(head),
        actors=list(dict.fromkeys(m.name for m in mentions)),
        flags=flags,
        timex=timex,
        summary=sent.text.strip(),
        sentence_start=sent.start_char,
        agents=agents_of(told_by(head), [m for m in actors if sent.start_char <= m.start < sent.end_char]),
        predicate=(word := deed_word(deed)),
        words=keywords(" ".join([title, text, *(m.name for m in mentions if m.role)])),
        terms=content_words(sent.doc, start, end, mentions, timex_chars)
        | ({word} if vanished(deed) else set()),
        subject_of=_happening_told(head, subject),
        another=tells_another(head),
        doer=doer,
        patients=_done_to(deed, mentions),
        roles=_roles(deed, mentions),
        foreseen=_foreseen(head),
        part_of=part_of,
        said_in=(said_in := _said_in(head))[0],
        restated=said_in[1],
        said_after=_said_on(head, deed, timex),
    )
    return _as_quoted(event, sent, head, mentions, timex_chars)


def _as_quoted(
    event: ExtractedEvent, sent, head, mentions: list[ActorMention], timex_chars
) -> ExtractedEvent:
    """The event of a clause by which someone is quoted "as saying" ("Interfax quoted Peskov as
    saying …") is the words of who was quoted, which the quoting agency passed on; others as they are."""
    saying = _saying(head)
    speaker = _quoted_by(head) if saying is not None else None
    said_by = [m.name for m in mentions if speaker is not None and m.start <= speaker.idx < m.end]
    if not said_by:
        return event
    words = _words_quoted(sent, head, saying, timex_chars)
    title = tidy(f"{phrase(speaker, timex_chars, 6)} says {words}") if words else ""
    return replace(
        event, title=title, event_type="statement", spoken=True, agents=said_by[:1], predicate="say",
        roles="", patients=[],
    )  # fmt: skip


def _quoted_by(head):
    """The one a verb of quoting quotes ("Interfax quoted Peskov as saying": Peskov), or None."""
    if head.lemma_.lower() != "quote":
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)


def _saying(head):
    """The "saying" of "quoted … as saying", or None."""
    return next(
        (g for c in head.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
         if g.lemma_.lower() == "say"),
        None,
    )  # fmt: skip


def _words_quoted(sent, head, saying, timex_chars: set[int]) -> str:
    """What one quoted "as saying" said: the clause after "saying", else the quotation before it."""
    content = next((c for c in saying.children if c.dep_ == "ccomp"), None)
    if content is not None:
        return phrase(content, timex_chars, 9)
    spans = [(a, b) for a, b in quoted_spans(sent.text) if sent.start_char + b <= head.idx]
    if not spans:
        return ""
    a, b = spans[-1]
    within = range(sent.start_char + a + 1, sent.start_char + b)
    roots = [t for t in sent if t.idx in within and (t.head.idx not in within or t.head == t) and t.is_alpha]
    return phrase(roots[0], timex_chars, 9) if roots else ""


# Words that open a storm's name ("Hurricane Ian", "Typhoon Haiyan").
STORM_NAMES = {"hurricane", "typhoon", "cyclone"}


def _kind(head, deed, doer: str, part_of: str) -> str:
    """The clause's type (see ``event_type``), or a disaster's (see ``DISASTERS``): a disaster told by
    its noun ("Turkey reported a second quake"), what befell in one ("who died in the quake",
    ``part_of``), and the harm a disaster did or the fight against one ("A 7.8 quake killed 1,700",
    ``doer``; "crews battled the blazes") are no attack, military action or other happening. (What
    else a disaster did stays of its own kind: "the collapse drew attention from national leaders".)"""
    kind = event_type(head)
    if kind not in ("attack", "military", "other") or opened_fire(deed.head) == deed:
        return kind  # "gunmen opened fire": shooting, no fire
    nouns = {part_of, deed.lemma_.lower() if deed.pos_ == "NOUN" else ""}
    if kind != "other":
        nouns |= {doer, *_harm_by(deed)}
    if kind == "military":
        nouns |= {c.lemma_.lower() for c in deed.children if c.dep_ == "dobj"}
    return "disaster" if nouns & DISASTERS else kind


def _harm_by(deed) -> set[str]:
    """Words that may name the disaster a deed of harm was done by: its subject's name, also where it
    is the subject of the verb the deed is joined to ("The Camp Fire killed 85 and destroyed 19,000
    homes", "Hurricane Ian hit"), what it came after ("were killed after two earthquakes"), and the
    subject of a clause that tells when ("were killed when the quake struck")."""
    verb = deed.head if deed.dep_ == "conj" and not has_subject(deed) else deed
    names = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    found = {t.lower_ for t in names}
    found |= {"storm" for t in names for c in t.lefts if c.dep_ == "compound" and c.lower_ in STORM_NAMES}
    after = (c for c in deed.children if c.dep_ == "prep" and c.lower_ == "after")
    found |= {n.lemma_.lower() for c in after for n in c.children if n.dep_ == "pobj"}
    when = (c for c in deed.children if c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children))
    found |= {n.lemma_.lower() for c in when for n in c.children if n.dep_ == "nsubj"}
    return found


def _said_on(head, deed, timex: Timex | None) -> bool:
    """Does the clause's date tell the day its words were said, of the deed they tell done (``deed``,
    see ``deed_of``: "an aircraft picked up noises, the Coast Guard said Wednesday", "the Coast Guard
    said on Wednesday that …"), not the day of the deed ("they said the crew lost contact with the
    sub Sunday morning")?"""
    return timex is not None and deed is not head and attach(head.doc, timex) == head


def _governed(tok, preposition: str) -> list:
    """The nouns a preposition after a word governs ("died in the quake", "possession of the bank")."""
    return [
        n
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == preposition
        for n in c.children
        if n.dep_ == "pobj"
    ]


def _said_in(head) -> tuple[str, bool]:
    """The noun of the words given that the clause's words were said in ("In a joint statement, the
    agencies said": "statement"), and whether the article named them before ("said in their
    statement", "in the statement"); ("", False) for none."""
    if not said(head):
        return "", False
    given = next((n for n in _governed(head, "in") if n.lemma_.lower() in WORDS_GIVEN), None)
    if given is None:
        return "", False
    return given.lemma_.lower(), any(
        c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in given.children
    )


# Verbs by which a clause beside a deed tells the happening the deed brought about: "resulting in
# its collapse", "causing the collapse of the bridge".
BRINGING_ABOUT = {"result": "in", "cause": "", "trigger": ""}


def _part_of(head) -> str:
    """The noun of the happening a deed is part of: one it befell in ("who died in Monday's quake",
    "were injured in the blast"), or one it brought about, told in a clause beside it ("the ship
    collided with the bridge, resulting in its collapse", "… causing a collapse"); or "". Not for
    words said, which are said at a happening, not part of it, nor for the law's doings ("a man was
    charged in the bombing" months later). (Where the parse hung the deed on its subject, the clause
    hangs on the sentence's root.)"""
    if said(head) or head.pos_ != "VERB":
        return ""
    befell = [n for n in _governed(head, "in") if n.lemma_.lower() in HAPPENING_NOUNS]
    if befell and classify(head.lemma_) != "legal":
        return befell[0].lemma_.lower()
    beside = [*head.children, *(head.sent.root.children if hung_on_subject(head) else ())]
    for clause in beside:
        prep = BRINGING_ABOUT.get(clause.lemma_.lower())
        if clause.dep_ not in ("advcl", "pcomp") or clause.tag_ != "VBG" or prep is None:
            continue
        takers = [c for c in clause.children if c.dep_ == "prep" and c.lower_ == prep] if prep else [clause]
        nouns = (c for t in takers for c in t.children if c.dep_ == ("pobj" if prep else "dobj"))
        found = next((n for n in nouns if n.lemma_.lower() in HAPPENING_NOUNS), None)
        if found is not None:
            return found.lemma_.lower()
    return ""


def _roles(verb, mentions: list[ActorMention]) -> str:
    """ "doer>thing": who did a deed and what it was done to, by their nouns ("an aircraft picked up
    noises", "noises were heard by the aircraft": "aircraft>noise"), a doer named by the actor's name
    however written ("Biden signed a declaration", "he approved a declaration": "Joe
    Biden>declaration"); or "" when either is not told so (a clause, an unnamed "they") or the clause
    tells words said."""
    if verb.pos_ != "VERB" or said(verb):
        return ""
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None) or next(_done_by(verb), None)
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if doer is None or thing is None or thing.pos_ != "NOUN":
        return ""
    named = actor_at(doer, mentions)
    if named is None and doer.pos_ not in NOUNS:
        return ""
    return f"{named or doer.lemma_.lower()}>{thing.lemma_.lower()}"


def _happening_told(head, subject) -> str:
    """The happening a clause's subject names ("the quake was also felt in Cyprus"), or for someone's
    words the one their reported clause's subject names, in the past tense ("the survey said the
    tremor struck at a depth of 18 km", "the centre said data showed the quake measured 7.7"): its
    noun, or ""."""
    if not said(head):
        named = _happening_named(subject, head) if subject is not None else ""
        return named or _occurred_when(head)
    if subject is not None and names_a_happening(subject):
        return subject.lemma_.lower()
    reported = [c for c in head.children if c.dep_ == "ccomp"]
    for _ in range(2):
        for clause in reported:
            if _done(clause) and (noun := _told_of(clause, subject)):
                return noun
        reported = [c for clause in reported for c in clause.children if c.dep_ == "ccomp"]
    return ""


def _occurred_when(head) -> str:
    """The happening a clause tells by saying when it took place: "The disaster occurred early Tuesday
    when the Dali crashed into a piling" tells the disaster; its noun, or ""."""
    frame = head.head
    if head.dep_ != "advcl" or frame.lemma_.lower() not in OCCURRING:
        return ""
    if not any(c.dep_ == "advmod" and c.lower_ in ("when", "as") for c in head.children):
        return ""
    subject = next((c for c in frame.children if c.dep_ in SUBJECTS), None)
    return subject.lemma_.lower() if subject is not None and names_a_happening(subject) else ""


def _told_of(clause, speaker) -> str:
    """The happening a reported clause tells of: named by its subject ("the tremor struck 18 km
    deep"), by "it" standing for the happening told last before the speaker's words ("The quake
    measured 7.7. The agency said it was smaller"), or as what a passive clause was done by
    ("Damascus was affected by the latest quake"); its noun, or ""."""
    told = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if told is not None and names_a_happening(told):
        return told.lemma_.lower()
    if told is not None and told.lower_ == "it" and speaker is not None:
        return _happening_named(told, clause, before=min(t.i for t in speaker.subtree))
    return next((p.lemma_.lower() for p in _done_by(clause) if names_a_happening(p)), "")


def _done_to(head, mentions: list[ActorMention]) -> list[str]:
    """The people and organisations a deed was done to, named as its object or its passive subject
    ("guards detained President Bazoum", "Bazoum was confined"), and the things and places that
    underwent what a clause with no object tells ("the Key Bridge collapsed", not "Xi collapsed");
    none for words said."""
    if said(head):
        return []
    done_to = [_named_in(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    # what is taken possession or control of: the owner of a bare object ("took possession of the
    # bank"), not of one with its own article ("compared the collapse of the bank")
    done_to += [
        _named_in(owner)
        for c in head.children
        if c.dep_ == "dobj" and c.ent_type_ == "" and not any(d.dep_ in ("det", "poss") for d in c.children)
        for owner in _governed(c, "of")
    ]
    undergoes = [] if done_to else [_owned(c) for c in head.children if c.dep_ == "nsubj"]
    names = (
        m.name
        for m in mentions
        if (m.kind in ("person", "organization") and any(low <= m.start < high for low, high in done_to))
        or (m.kind != "person" and any(low <= m.start < high for low, high in undergoes))
    )
    return list(dict.fromkeys(names))


def _owned(noun) -> tuple[int, int]:
    """``_named_in`` after its owner: what "SVB's shares" names is the shares, not SVB."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        return _named_in(noun)
    return noun.doc[owner.right_edge.i + 1].idx, noun.idx + len(noun.text)


def _named_in(noun) -> tuple[int, int]:
    """The characters of a noun and the words before it that name it ("the 21-foot Titan vessel")."""
    first = noun.left_edge
    return first.idx, noun.idx + len(noun.text)


def _only_frames(event: ExtractedEvent, told: list[ExtractedEvent], heads_of: dict) -> bool:
    """Is the report words of no one named, told only as the frame of a happening done that its
    sentence reports on its own ("A quake killed 1,700 people early Monday, officials said")? Then
    the happening is the report and the sentence its source. Not what they foresee ("groups said the
    treaty would leave the river dry in summer")."""
    if not event.spoken or event.agents or not {PUBLICATION_DATE, CONTEXT_DATE} & set(event.flags):
        return False  # (dated by the article or its news day: the words state no day of their own)
    head = heads_of[id(event)]
    return any(
        not o.spoken and _what_is_said(heads_of[id(o)], head) and _done(heads_of[id(o)])
        for o in told
        if o is not event
    )


def _what_is_said(tok, saying) -> bool:
    """Is ``tok`` the verb of what ``saying`` says ("a quake killed 1,700, officials said"), or one
    joined to it, rather than of a clause inside what it says ("rescuers pulled a baby from the
    rubble of the home of her mother, who died in the quake, a relative said")?"""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.head == saying and tok.dep_ in ("ccomp", "parataxis")


def _first_named(noun: str, sent, told: list[ExtractedEvent], position: int) -> str:
    """For "the tremor" where the text names no tremor before ("A powerful earthquake hit the coast.
    The survey said the tremor struck 18 km deep"), the noun of the happening that did something last
    before it, up to ``GOES_ON`` sentences back, which "the tremor" can only be; else ""."""
    if not noun:
        return ""
    kin = kin_of(noun)
    if any(t.lemma_.lower() in kin for t in sent.doc[: sent.start]):
        return ""
    near = [e for e in told if 0 < position - e.position <= GOES_ON]
    if noun in GENERIC_HAPPENINGS:
        # "the disaster" is also the happening last named in passing ("after the bridge's collapse")
        near = [e for e in near if e.doer or e.reference]
    else:
        near = [e for e in near if e.doer and not e.reference]
    return (near[-1].doer or near[-1].predicate) if near else ""


def _happening_doer(head) -> str:
    """The noun of the happening that did what the clause tells ("A 7.8 earthquake killed 1,700",
    "homes were flattened by the quake"), or in someone's words did what they tell, in the past
    tense ("the survey said a tremor struck 18 km deep"); "" for any other."""
    clauses = [head]
    if said(head):
        clauses = [c for c in head.children if c.dep_ == "ccomp" and _done(c)]
    for clause in clauses:
        for doer in _doers_and_objects(clause):
            if doer.dep_ != "dobj" and doer.pos_ == "NOUN" and doer.lemma_.lower() in HAPPENING_NOUNS:
                return doer.lemma_.lower()
            if doer.dep_ == "nsubj" and _protesting(doer, clause):
                return "protest"
    return ""


# Who protest: what they do as a crowd is the protest ("Protesters attacked the embassy"). Who may
# gather to protest, told alone or as a count ("thousands of supporters"), protest by rallying.
PROTESTERS = {"protester", "protestor", "demonstrator", "rioter", "marcher"}
CROWDS = {"crowd", "activist", "supporter"}
RALLYING = {"gather", "rally", "march", "protest", "demonstrate", "assemble", "converge"}


def _protesting(subject, verb) -> bool:
    """Is the clause's subject a crowd protesting: protesters doing anything, or a crowd, activists
    or supporters gathering, rallying or taking to the streets?"""
    counted = (p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)
    nouns = {subject.lemma_.lower(), *(p.lemma_.lower() for p in counted if p.dep_ == "pobj")}
    if nouns & PROTESTERS:
        return True
    to_streets = verb.lemma_.lower() == "take" and any(
        p.lemma_.lower() == "street" for c in verb.children if c.dep_ == "prep" for p in c.children
    )
    return bool(nouns & CROWDS) and (verb.lemma_.lower() in RALLYING or to_streets)


def _happening_named(subject, clause, before: int | None = None) -> str:
    """The noun of the happening a clause's subject names: "the quake", or "it" where the last
    happening its text named before, in its sentence or the one before, is that noun ("The second
    quake was centred near Gaziantep. It was 18 km deep"); "" for any other subject, for "it" in a
    clause that names a happening of its own ("it was followed by a 7.5 quake"), and for "it" with a
    name as a subject between ("The quake hit. Turkey said... It sent teams"), which the name is
    likelier to be. For "it" in someone's words, the text is read from ``before`` (where the
    speaker is named) back."""
    if names_a_happening(subject):
        return subject.lemma_.lower()
    if subject.lower_ != "it" or subject.pos_ != "PRON":
        return ""
    if any(t.lemma_.lower() in HAPPENING_NOUNS and t.pos_ == "NOUN" for t in clause.subtree):
        return ""
    sent = subject.sent
    start = sent.start if sent.start == 0 else subject.doc[sent.start - 1].sent.start
    for tok in reversed(subject.doc[start : subject.i if before is None else before]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in HAPPENING_NOUNS and tok.dep_ != "compound":
            return tok.lemma_.lower()  # not "rescue teams"
        if tok.pos_ == "PROPN" and _subject_part(tok):
            return ""
    return ""


def _subject_part(tok) -> bool:
    """Is ``tok`` (part of a name that is) a clause's subject?"""
    while tok.dep_ in ("compound", "flat") and tok.head != tok:
        tok = tok.head
    return tok.dep_ in SUBJECTS


def _done(verb) -> bool:
    """Does the verb tell what was done ("struck", "has measured"), not what will or may be?"""
    return verb.tag_ in ("VBD", "VBN") and not any(c.tag_ == "MD" for c in verb.children)


def tells_another(head) -> bool:
    """Does the clause tell of another happening of a kind told before: its happening noun, as its
    head, subject, object or doer, or in someone's words the reported clause's, marked "second",
    "another", "fresh" ("Turkey reported a second quake", "media said Damascus was hit by the latest
    quake"), or a happening that followed one ("it was followed by a 7.5 quake"), or one of a kind
    told before, told again as "a quake" later ("hours later, a 7.6 quake rocked the region")?"""
    clauses = [head, *(c for c in head.children if c.dep_ == "ccomp")] if said(head) else [head]
    nouns = [head, *(n for clause in clauses for n in _doers_and_objects(clause))]
    if any(n.lemma_.lower() in HAPPENING_NOUNS and _marked_another(n) for n in nouns):
        return True
    if any(c.dep_ == "advmod" and c.lower_ == "later" for c in head.children) and any(
        _told_again(n) for n in nouns if n.dep_ in SUBJECTS
    ):
        return True  # "hours later, a 7.6 quake rocked the region" after a quake told before
    followed = head.lemma_ == "follow" and any(c.dep_ == "nsubjpass" for c in head.children)
    return followed and any(n.dep_ == "pobj" and n.lemma_.lower() in HAPPENING_NOUNS for n in nouns)


def _doers_and_objects(clause):
    """A clause's subjects and object, and whom a passive one was done by; a verb the parse hung on
    its subject has that subject ("The blaze swept into the town": "blaze", see ``hung_on_subject``),
    and a relative clause whose subject is "that" or "which" the noun it tells of ("the quake that
    shook the coast": "quake")."""
    if hung_on_subject(clause):
        yield clause.head
    if clause.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children):
        yield clause.head
    yield from (c for c in clause.children if c.dep_ in (*SUBJECTS, "dobj"))
    yield from _done_by(clause)


def _done_by(clause):
    """Whom a passive clause was done by ("affected by the latest quake": "quake")."""
    return (p for c in clause.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj")


def _told_again(noun) -> bool:
    """Is ``noun`` an indefinite happening ("a 7.6 quake") of a kind its text named before?"""
    if noun.lemma_.lower() not in HAPPENING_NOUNS or not _indefinite(noun):
        return False
    kin = kin_of(noun.lemma_.lower())
    return any(t.lemma_.lower() in kin for t in noun.doc[: noun.i] if t.pos_ == "NOUN")


def _indefinite(noun) -> bool:
    """Is the noun told with "a" or "an" ("a 7.6 quake")?"""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _marked_another(noun) -> bool:
    return any(c.lower_ in ANOTHER for c in noun.children if c.dep_ in ("amod", "det"))


# "It reports", "its sales grow": the pronoun stands for the organisation or person named last.
STANDS_FOR = {"it": ("organization", ""), "its": ("organization", "'s"), "he": ("person", ""),
              "she": ("person", ""), "his": ("person", "'s"), "her": ("person", "'s")}  # fmt: skip
# Whose: a title does not start on one of these words (it names no one); the owner, else nothing.
OWNERS = {"its", "his", "her", "their", "our", "my", "your"}
# How far back (characters before its sentence) a pronoun's doer may be named.
DOER_REACH = 400


def _named_by_pronoun(title: str) -> bool:
    """Does the title start on a pronoun, or fail for want of a doer (see ``named_doer``)?"""
    return not acceptable(title) or title.partition(" ")[0].casefold() in OWNERS


def named_doer(title: str, mentions: list[ActorMention], before: int, end: int) -> str:
    """The title with a pronoun that begins it replaced by whom it stands for: the organisation (for
    "it") or person (for "he", "she") named last before the clause [before, end), in its sentence or
    just before. An owner none of those stands for is left out ("Their homes are flattened": "Homes
    …"), as is "his" or "her" in a clause that names a person itself ("Ada Kapu left when his wife
    arrived": whose wife, the title cannot tell)."""
    first, _, rest = title.partition(" ")
    kind, ending = STANDS_FOR.get(first.casefold(), (None, ""))
    named = [m for m in mentions if m.kind == kind and not m.role and before - DOER_REACH <= m.start < before]
    if ending and kind == "person" and any(m.kind == kind and before <= m.start < end for m in mentions):
        named = []
    if kind is None or not named or not rest:
        return rest if rest and first.casefold() in OWNERS else title
    return f"{named[-1].name}{ending} {rest}"


# Words that tell how a report reached the page, not what happened.
REPORTING = {"say", "tell", "add", "report", "accord", "state", "according", "also", "news", "statement"}
CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


def content_words(
    doc, start: int, end: int, mentions: list[ActorMention], timex_chars: set[int]
) -> frozenset[str]:
    """What a report's words are about, for comparing it with other reports: the lemmas of its
    nouns, verbs, adjectives and numbers that are not part of a date, and the words of the names of
    the actors it names (as the gazetteer writes them, also for "he" or "the city")."""
    named = [(m.start, m.end) for m in mentions]
    words = {w for m in mentions for w in m.name.casefold().split() if len(w) > 1}
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        if tok.pos_ not in CONTENT or (tok.is_stop and not _counts(tok)) or tok.idx in timex_chars:
            continue
        if any(s <= tok.idx < e for s, e in named):
            continue
        lemma = term_of(tok)
        if len(lemma) > 1 and lemma not in REPORTING and any(c.isalnum() for c in lemma):
            words.add(lemma)
    return frozenset(words)


def _counts(tok) -> bool:
    """Is the token a number word of more than one ("two", "fifteen"), which says how many as much as
    figures do, though spaCy lists it among its stop words ("one" is as often a pronoun)?"""
    return tok.pos_ == "NUM" and (number_value(tok.lower_) or 0) > 1


def term_of(tok) -> str:
    """The form a content word is compared in: its lemma; a number in figures ("thirty": "30",
    "1,700": "1700"); a noun in "-ing" as its verb ("the banging": "bang"), but for nouns that name
    a happening ("meeting")."""
    lemma = tok.lemma_.casefold()
    if tok.pos_ == "NUM":
        value = number_value(lemma)
        return str(value) if value is not None else lemma.replace(",", "")
    if tok.pos_ == "NOUN" and lemma not in HAPPENING_NOUNS:
        return verb_of(lemma) or lemma
    return lemma


def _quotes_on(body: str, statement: ExtractedEvent, sent) -> bool:
    """Does the sentence, telling nothing itself, go on with the words the statement just before it
    quotes: in the statement's paragraph, right after it, it opens a quotation or goes on with one
    the statement left open?"""
    between = body[statement.end : sent.start_char]
    words = statement.sentence
    return (
        not between.strip()
        and "\n\n" not in between
        and (_left_open(words) or (sent.text.lstrip()[:1] in '"“' and bool(quoted_spans(words))))
    )


def _left_open(text: str) -> bool:
    """Does the text leave a quotation open?"""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _opens_quotation(text: str) -> bool:
    """Does the text open a quotation that it leaves open?"""
    text = text.strip()
    return text[:1] in '"“' and _left_open(text)


def _goes_on_quoting(body: str, opened, sent) -> bool:
    """Is the sentence more of the quotation opened before it, left open, in its paragraph ("“On
    behalf of the Coast Guard I offer my condolences. I can only imagine … and I hope …,” Mauger
    said.")?"""
    gap = _gap(body, opened, sent)
    return not gap.strip() and "\n\n" not in gap and not any(q in sent.text for q in '"“”')


# What stands for the words the sentence before told, as the subject of a verb of saying in the
# passive: "This was announced by Kremlin spokesman Dmitry Peskov".
SAID_BEFORE = {"this", "that"}


def _said_before(body: str, before, head):
    """The sentence before, in the paragraph, when the clause tells who said what it told ("This was
    announced by Peskov on Saturday evening"); else None."""
    if classify(head.lemma_) not in ("statement", "announcement") or head.tag_ != "VBN":
        return None
    if not any(c.dep_ == "nsubjpass" and c.lower_ in SAID_BEFORE for c in head.children):
        return None
    if not any(c.dep_ == "agent" for c in head.children):
        return None
    return None if "\n\n" in _gap(body, before, head.sent) else before


def _words(event: ExtractedEvent) -> bool:
    """Does the report tell someone's words?"""
    return event.spoken or event.event_type in TALK_TYPES


def _said_after(body: str, opened, told: list[ExtractedEvent], sent) -> ExtractedEvent | None:
    """The statement of a sentence that goes on with the quotation the sentence right before it
    opened (in its paragraph) and names who said it: its first statement, else None."""
    closes = min((i for i in (sent.text.find('"'), sent.text.find("”")) if i >= 0), default=-1)
    if closes < 0 or "“" in sent.text[:closes] or (gap := _gap(body, opened, sent)).strip():
        return None
    if "\n\n" in gap + sent.text[:closes]:
        return None  # a paragraph between: another quotation
    return next(filter(_words, told), None)


def _gap(body: str, opened, sent) -> str:
    """What stands between a span of text and the sentence after it, with the space ending the span."""
    return opened.text[len(opened.text.rstrip()) :] + body[opened.end_char : sent.start_char]


def _unique(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per report key (span and temporal expression), as the store requires."""
    seen, out = set(), []
    for e in events:
        key = (e.start, e.end, e.timex.text if e.timex else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
