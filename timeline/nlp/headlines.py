"""Headlines: a short title from a clause's doer, verb and object ("Xi Jinping arrives in Moscow").

Written as news headlines are: present tense, no articles, "to" for what will happen ("Xi Jinping
to visit Moscow"), what a statement says after its verb ("Kyiv says it decided to defend Bakhmut").
Words keep their spelling ("54-year-old", "Xi's"); dates, relative clauses, appositions and
quotation marks are left out, since the event shows its date and its sentence beside the title.
"""

from __future__ import annotations

import re

from .actors import ABBREVIATED, DESIGNATIONS
from .actors import TITLE_WORDS as ROLE_WORDS
from .clauses import (
    NOUNS,
    classify,
    gone_missing,
    happening_meant,
    hung_on_subject,
    is_event_noun,
    mentions_at,
    subject_of,
    subject_set_beside,
    told_by,
)
from .types import ActorMention

IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes", "say": "says"}
ARTICLES = {"a", "an", "the"}
CONTRACTED = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have"}  # "it’s heartbreaking": it is
FUTURE = {"will", "'ll", "shall"}
# Subtrees a headline leaves out: what describes a word rather than telling what happened.
ASIDES = {"relcl", "appos", "parataxis", "advcl", "mark", "preconj", "dep", "intj"}
# What a shortened phrase must not end on ("pull forces out of", "the ruined").
DANGLING = {"amod", "det", "prep", "case", "poss", "compound", "nummod", "cc", "aux", "mark", "advmod",
            "quantmod", "predet", "neg", "punct", "nmod"}  # fmt: skip
# Adverbs that turn a headline's meaning: "front line barely moves" is no "front line moves".
TURNING = {"never", "barely", "hardly", "scarcely", "rarely", "seldom", "no longer"}
# Adverbs of time, which say when and not where to ("was delayed earlier by rains").
WHEN = {"earlier", "later", "previously", "already", "soon", "shortly", "again", "now", "then", "since"}
# Adverbs of amount that stand where an object would ("had seen enough", "wanted more").
AMOUNTS = {"enough", "more", "less", "much", "little"}
OBJECTS = ("dobj", "attr", "dative", "xcomp", "acomp", "oprd", "prep", "ccomp")
TITLE_CHARS = 120
TITLE_WORDS = 12
# Words before a count at the end of a cut title that leave it hanging: "and 17 [branches]".
CUT_COUNT = {"and", "or", "than", "including"}
SPEECH_ENDS = {"say", "says", "tell", "tells", "add", "adds", "announce", "announces"}
WORD = re.compile(r"[\w’'-]+")
# Words no headline starts with (they stand for a doer it does not name) or ends on (they need a
# word after them).
VAGUE_FIRST = frozenset(
    """it its they them this that these those which who whom whose what when where why how some any
    other others he she we i you there here such one ones both each either neither all""".split()  # noqa: SIM905
)
DANGLING_WORDS = frozenset(
    """a an the of to in on at by for from with about as into and or but if that this which who than be
    is are was were has have had will would could should may might its their his her our like including
    via amid despite toward towards against through without within between among during per onto upon
    unlike except saying adding noting stating telling near""".split()  # noqa: SIM905
)


def present(lemma: str) -> str:
    """Third person singular present: headlines are written in the present tense."""
    lemma = lemma.lower()
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if re.search(r"(?:s|sh|ch|x|z|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


# Marks that open or close a quotation, as news texts write them ("``" in older wire copy).
QUOTE_MARKS = set("`'\"‘’“”")


def _sets_subject_beside(tok) -> bool:
    """Is ``tok`` the word that sets a clause beside its verb's, parsed as taking the clause's subject
    for its object ("declared after a section of the bridge collapsed": "after a section")?"""
    return tok.dep_ == "prep" and any(
        (subject := subject_set_beside(c)) is not None and subject.head == tok for c in tok.head.children
    )


def _hyphened(t) -> bool:
    """Is the token the first part of a hyphenated word ("So" of "So-called")?"""
    return not t.whitespace_ and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text == "-"


def phrase(tok, timex_chars: set[int], limit: int = 9) -> str:
    """``tok``'s words as written, without dates, articles, asides, phrases set before a verb
    ("Separately", "since the failure,") and quotation marks, cut to at most ``limit`` words; a cut
    phrase never ends on a modifier."""
    dropped = set()
    for t in tok.subtree:
        if _object_dated(t, timex_chars):  # "after midnight in Kula": "in Kula"
            dropped |= {x.i for x in t.subtree} - {x.i for x in _hung(t) for x in x.subtree}
    for t in tok.subtree:
        if t.i in dropped or t == tok:
            continue
        if (
            (
                t.dep_ in ASIDES and not (t.dep_ == "relcl" and t.head.pos_ in ("PRON", "DET"))
            )  # "all that was left"
            or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX"))  # a second clause: "... and urged"
            or (
                t.dep_ == "cc"
                and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in t.head.children)
            )
            or (
                _fronted(t, tok, dropped)
                and (t.dep_ == "advmod" or t.head.pos_ in ("VERB", "AUX"))
                and not _hyphened(t)  # "So-called swap lines": one word
            )  # "since the failure, controls are"
            or (t.dep_ == "prep" and _is_date(t, timex_chars))  # "until five days ago"
            or (t.dep_ == "cc" and t.head == tok and t.i == tok.left_edge.i)  # "says but the agency said"
            or (t.dep_ == "acl" and t.tag_ in ("VBN", "VBG"))  # "forces led by Wagner", "maps showing"
            or hung_on_subject(t)  # "the ship collided with the bridge" parsed as "the ship (that) collided"
            or _sets_subject_beside(t)  # "declared after a section collapsed" parsed as "after a section"
        ):
            dropped |= {x.i for x in t.subtree}
    kept = [
        t
        for t in tok.subtree
        if t.i not in dropped
        and t.idx not in timex_chars
        and not (t.dep_ == "det" and t.lower_ in ARTICLES)
        and not (t.tag_ == "POS" and (t.head.i in dropped or t.head.idx in timex_chars))  # "Monday’s"
        and not ((t.is_punct or set(t.text) <= QUOTE_MARKS) and not _joins(t))
        and not t.is_space
    ]
    while kept and set(kept[-1].text) <= QUOTE_MARKS:
        kept.pop()  # a quotation closed after the last word: "Stay Calm’"
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    if after is not None and _joins(after) and after.ent_iob_ == "I":
        kept.append(after)  # the end of a name the parser split off: "St. John’s"
    elif after is not None and _unit(after) and kept and kept[-1].i == after.i - 1:
        kept.append(after)  # "$100m": the parser hangs the "m" elsewhere
    words = [t for t in kept if not t.is_punct]
    if len(words) > limit:
        kept = [t for t in kept if t.i <= words[limit - 1].i]
        # a word is kept whole or not at all ("6-year" of "6-year-old")
        while len(kept) > 1 and kept[-1] != tok and (_dangles(kept[-1]) or _cut_inside(kept[-1])):
            kept.pop()
    # "says they shared", not "says They shared": only names keep their capital inside a headline
    first = kept[0] if kept else None
    lower = first is not None and not _named(first) and not first.is_upper
    return _join(kept, lower_first=lower)


def _named(tok) -> bool:
    """Is the word (part of) a name? Not a capital that only opens a quotation ("said “Water was 50
    feet deep”"), which the tagger takes for a name's: one word with no entity, not an abbreviation,
    that no other name word follows ("“Juan Miguel must not"), is none."""
    if tok.ent_type_ or tok.text == "I":
        return True
    if tok.pos_ != "PROPN":
        return False
    quoted = tok.i > 0 and set(tok.nbor(-1).text) <= QUOTE_MARKS
    follows = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return not quoted or tok.text.endswith(".") or (follows is not None and follows.pos_ == "PROPN")


def _cut_inside(tok) -> bool:
    """Does a word written on after ``tok`` without a space ("6-year|-old") go on past it?"""
    follows = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return not tok.whitespace_ and follows is not None and (not follows.is_punct or follows.text in "-–")


def _dangles(tok) -> bool:
    """Would a cut phrase ending on ``tok`` leave it hanging: a modifier, or a subject whose verb
    was cut ("… the agency said it")?"""
    return tok.dep_ in DANGLING or (tok.dep_ in ("nsubj", "nsubjpass", "expl") and tok.head.i > tok.i)


def _object_dated(prep, timex_chars: set[int]) -> bool:
    """Is ``prep`` a preposition whose object is a date ("after midnight Tuesday in Kula")? It leaves
    a title with its date, all but what hangs on the date (see ``_hung``)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"] if prep.dep_ == "prep" else []
    return bool(objects) and all(c.idx in timex_chars for c in objects)


def _hung(prep) -> list:
    """The phrases that hang on the preposition's object but tell where or how much, not when ("in
    Kula" of "after midnight in Kula", "to $42.9 million" of "in the quarter to $42.9 million")."""
    return [p for o in prep.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"]


def _fronted(t, tok, dropped: set[int]) -> bool:
    """Is ``t`` a phrase of a word (its "prep" or "advmod") written before it, first of ``tok``'s
    words but those left out ("Separately, …", "that since the failure, …")?"""
    return (
        t.dep_ in ("advmod", "prep")
        and t.i < t.head.i
        and all(x.i in dropped or x.is_punct for x in tok.subtree if x.i < t.left_edge.i)
    )


def _unit(tok) -> bool:
    """A short unit written on to the number before it ("m" of "$100m", "bn", "km")."""
    return (
        tok.i > 0
        and tok.is_alpha
        and len(tok) <= 3
        and tok.nbor(-1).like_num
        and not tok.nbor(-1).whitespace_
    )


def _joins(tok) -> bool:
    """A hyphen or apostrophe written between two words ("54-year-old", "Xi's")."""
    return tok.text in ("-", "'s", "’s", "'", "’") and tok.i > 0 and not tok.nbor(-1).whitespace_


def _join(tokens, *, lower_first: bool = False) -> str:
    """The tokens as written: a space between words, none where the text had none ("54-year-old")."""
    out = ""
    for n, t in enumerate(tokens):
        glued = n and tokens[n - 1].i == t.i - 1 and not tokens[n - 1].whitespace_
        text = t.text.lower() if n == 0 and lower_first else t.text
        out += ("" if glued or not out else " ") + text
    return out


def doers(subject, mentions: list[ActorMention], timex_chars: set[int]) -> tuple[str, bool]:
    """Who did it, and whether they are several: the actors the subject and the words joined to it
    name ("Xi Jinping and Vladimir Putin"; "the Chinese and Russian presidents" names both), else
    the subject's own words."""
    words = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    covering = mentions_at(words, mentions)
    if len(covering) > 1 and all(m.role for m in covering) and len({(m.start, m.end) for m in covering}) == 1:
        covering = []  # "the agencies", standing for several named before: its own words say it best
    names = list(dict.fromkeys(m.name for m in covering))
    if not names and (subject.lower_ in ROLE_WORDS or any(c.dep_ == "poss" for c in subject.children)):
        # "his vice president, Fuat Oktay,": the name set beside a subject that is someone's role
        named = [c for c in subject.children if c.dep_ == "appos"]
        names = list(dict.fromkeys(m.name for m in mentions_at(named, mentions)))[:1]
    if names:
        # a plural common noun taken for a name ("Farmers said") is still several
        return " and ".join(names), len(names) > 1 or (subject.tag_ == "NNS" and len(words) == 1)
    who = phrase(subject, timex_chars, 6)
    # several when the words joined to the subject stay in the title ("the boy's mother and 10 other
    # people" cut to "boy's mother" is one)
    kept = set(who.casefold().split())
    joined = len(words) > 1 and all(any(t.lower_ in kept for t in w.subtree) for w in words[1:])
    return who, subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("we", "they") or joined


def lemma_of(verb) -> str:
    """The verb's lemma, also of a contraction the lemmatizer leaves as written ("it’s": be)."""
    return CONTRACTED.get(verb.lower_.replace("’", "'"), verb.lemma_.lower())


def _verb(head, plural: bool) -> str:
    turning = " ".join(c.lower_ for c in head.children if c.dep_ == "advmod" and c.lower_ in TURNING)
    # its particle, unless written after the object ("applauds the shake-up" is no "applauds up")
    objects = [c.i for c in head.children if c.dep_ in OBJECTS and c.i > head.i]
    particles = [c.lower_ for c in head.children if c.dep_ == "prt" and c.i < min(objects, default=c.i + 1)]
    verb = " ".join([_tense(head, plural), *particles])
    return f"{turning} {verb}" if turning else verb  # "never shows up"


def _tense(head, plural: bool) -> str:
    lemma = lemma_of(head)
    # "has been missing since Sunday": is missing, not "misses"; "went missing": goes missing
    if gone_missing(head):
        return "are missing" if plural else "is missing"
    if lemma == "go" and any(gone_missing(c) for c in head.children):  # not "goes"
        return "go missing" if plural else "goes missing"
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    negated = any(c.dep_ == "neg" for c in head.children)
    passive = {c.dep_ for c in head.children} & {"auxpass", "agent"} and head.tag_ == "VBN"
    if passive or any(c.dep_ == "nsubjpass" for c in head.children):  # "was launched by": is launched
        being = "to be " if auxes & FUTURE else "are " if plural else "is "
        if negated:  # "was not activated": is not activated, not "does not activate"
            being = "not to be " if auxes & FUTURE else f"{being}not "
        return being + head.text.lower()
    if negated:
        return ("do not " if plural else "does not ") + lemma
    if auxes & FUTURE:
        return "to " + lemma
    if plural:
        return "are" if lemma == "be" else lemma  # "shares are redeemable", not "shares be"
    return head.text.lower() if head.tag_ == "VBZ" and head.text[0].isalpha() else present(lemma)


def _what(head, timex_chars: set[int], quoted=None) -> str:
    """What the verb tells of: a statement's content (``quoted``, the quotation's main word, when
    the words were quoted in the sentence before), or the object and what it is told to do."""
    said = classify(head.lemma_) in ("statement", "announcement")
    # (the "missing" of "went missing" is in the verb already, see ``_verb``)
    children = [c for c in head.children if not _is_date(c, timex_chars) and not gone_missing(c)]
    if said:
        content = next((c for c in children if c.dep_ == "ccomp"), None)
        heard = next((c for c in children if c.dep_ in ("dobj", "dative") and c.i > head.i), None)
        told = phrase(heard, timex_chars, 4) if heard is not None else ""  # "tells Putin", "tells reporters"
        then = _then(heard, children) if heard is not None else None
        if then is not None:  # "calls this a mass casualty event", "urges residents to leave"
            told = f"{told} {phrase(then, timex_chars, 6)}"
        if content is not None:
            return f"{told} {phrase(content, timex_chars, 9)}"
        if told:
            return told
        if quoted is not None:
            return phrase(quoted, timex_chars, 9)
    after = [c for c in children if c.i > head.i and not _sets_subject_beside(c)]
    relative = subject_of(head)
    own_subject = relative is None or relative.tag_ not in ("WDT", "WP")  # not "the rights, which expire"
    where_or_when = any(c.tag_ == "WRB" for c in head.children)  # "the area where the sub disappeared"
    if (
        head.dep_ == "relcl"
        and own_subject
        and not where_or_when
        and not any(c.dep_ in OBJECTS for c in after)
    ):
        return phrase(head.head, timex_chars, 5)  # "the plan he proposed": proposes plan
    objects = [c for c in after if c.dep_ in OBJECTS and c.dep_ != "prep"]
    toward = next(
        (c for c in after if c.dep_ == "advmod" and c.i == head.i + 1 and c.lower_ not in WHEN), None
    )
    if not objects and toward is not None and any(c.dep_ == "prep" for c in toward.children):
        return phrase(toward, timex_chars, 6)  # "got back to their apartment", not "gets after a dash"
    if not objects and toward is not None and toward.lower_ in AMOUNTS:
        return toward.lower_  # "had seen enough": sees enough, not "sees"
    if head.dep_ == "relcl" and _object_relative(head) and not objects:
        where = next(c for c in after if c.dep_ == "prep")  # "a statement she gave at a briefing"
        return f"{phrase(head.head, timex_chars, 5)} {phrase(where, timex_chars, 4)}"
    for dep in OBJECTS:
        obj = next((c for c in after if c.dep_ == dep and not _joins(c)), None)  # not "St. John" + "’s"
        if obj is None:
            continue
        what = phrase(obj, timex_chars)
        if not what:
            continue  # a date and no place: "after midnight"
        then = _then(obj, after) if dep == "dobj" else None  # "orders army to", "call themselves …"
        if then is not None:
            return f"{what} {phrase(then, timex_chars, 6)}"
        where = _light(obj, after) if dep == "dobj" else None  # "takes part in a show of support"
        return f"{what} {phrase(where, timex_chars, 6)}" if where is not None else what
    by = next((c for c in after if c.dep_ == "agent"), None)
    return phrase(by, timex_chars, 8) if by is not None else ""  # "is hit by a container ship"


def _then(obj, children):
    """What the object is told to do or called ("orders the army to withdraw", "calls it a
    disaster", "describes it as the worst disaster"): the verb's complement written after the
    object."""
    return next(
        (
            c
            for c in children
            if (c.dep_ in ("xcomp", "oprd") or (c.dep_, c.lower_) == ("prep", "as")) and c.i > obj.i
        ),
        None,
    )


def _light(obj, children):
    """The phrase after a bare object that says what the verb and object mean ("took part in a show
    of support", "took the island by surprise", "takes them as passengers"): the verb's first
    preposition after an object of one word (and its article)."""
    if any(c.dep_ != "det" for c in obj.children):
        return None
    return next((c for c in children if c.dep_ == "prep" and c.i > obj.i), None)


def _object_relative(head) -> bool:
    """Is the noun a relative clause describes what its own doer did ("the statement she gave"), not
    where or when ("the city where 168 people were killed"), nor what a clause says ("an order that
    he remain")?"""
    own = subject_of(head)
    return (
        own is not None
        and own.dep_ == "nsubj"
        and own.tag_ not in ("WDT", "WP")
        and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in head.children)
    )


def _is_date(tok, timex_chars: set[int]) -> bool:
    """Is ``tok`` a date and nothing more ("on Tuesday", "last week")?"""
    words = [t for t in tok.subtree if not t.is_punct]
    return bool(words) and all(t.idx in timex_chars or t.pos_ in ("ADP", "DET") for t in words)


def headline(head, mentions: list[ActorMention], timex_chars: set[int], quoted=None) -> str:
    """A short title from the clause's doer, verb and object: "Xi Jinping arrives in Moscow";
    ``quoted``: the main word of the words a statement quoted in the sentence before."""
    head = told_by(head)
    if is_event_noun(head):
        owner = subject_of(head)
        who = doers(owner, mentions, timex_chars)[0] if owner is not None else ""
        rest = [
            c for c in head.children if c.dep_ == "prep" and c.i > head.i and not _is_date(c, timex_chars)
        ]
        tail = phrase(rest[0], timex_chars, 6) if rest else ""  # "meeting between Elian and his grandmothers"
        return tidy(f"{who}: {head.lemma_} {tail}" if who else f"{head.lemma_} {tail}")
    subject = subject_of(head)
    if subject is not None and (meant := happening_meant(subject)) is not subject:
        subject = meant  # "the quake measuring 7 on the Richter scale that struck", "magnitude 6.8 quake"
    elif subject is not None and subject.tag_ in ("WDT", "WP") and head.dep_ == "relcl":
        subject = head.head  # "the ship, which struck the bridge": the ship struck it
        if subject.dep_ == "pobj" and subject.head.lower_ == "with" and subject.head.head.pos_ in NOUNS:
            subject = subject.head.head  # "a lender with crypto exposure, which was shut": the lender was
        if subject.dep_ == "appos" and subject.head.pos_ == "PROPN":
            subject = subject.head  # "Signature Bank, a lender which was shut": the bank was
    said = classify(head.lemma_) in ("statement", "announcement")
    if said and subject is not None and subject.lower_ == "it" and subject.dep_ == "nsubjpass":
        # "It was reported on Monday that the mayor had resigned": what was reported, not who "it" is
        content = next((c for c in head.children if c.dep_ == "ccomp"), None)
        return headline(content, mentions, timex_chars) if content is not None else ""
    if subject is not None and _unnamed(subject, mentions) and (doer := _passive_doer(head)) is not None:
        # "It was followed by a 7.5-magnitude quake": a 7.5-magnitude quake follows
        who = phrase(doer, timex_chars, 6)
        verb = present(head.lemma_) if doer.tag_ not in ("NNS", "NNPS") else head.lemma_
        if said and lemma_of(head) in SAYS_WHAT | {"confirm"}:
            # "This was announced by Peskov": Peskov announces what the sentence before told, if known
            return tidy(f"{who} {verb} {phrase(quoted, timex_chars, 9)}") if quoted is not None else ""
        return tidy(f"{who} {verb}")
    if subject is not None:
        who, plural = doers(subject, mentions, timex_chars)
    else:
        left = [m for m in mentions if head.left_edge.idx <= m.start < head.idx]
        who, plural = (left[-1].name if left else ""), False
    if not who or (subject is not None and subject.lower_ == "it" and lemma_of(head) == "be"):
        return ""  # "Opens two temporary channels", "It is heartbreaking": a title names who did it
    own = _first_person(head)  # "'I agree,' Putin said": Putin agrees
    for verb in (head,) if own is None else (own, head):
        what = _what(verb, timex_chars, quoted)
        if what or not _wants_more(verb):
            return tidy(f"{who} {_verb(verb, plural)} {what}")
    return ""  # "Caroline Wyatt reports", "the circular that it mailed": it mails what?


# What a verb takes after it ("mails the circular", "asks where the bid is").
COMPLEMENTS = {"dobj", "ccomp", "xcomp", "dative", "attr", "acomp", "oprd"}
# Verbs of saying that tell nothing without what was said ("Caroline Wyatt reports.").
SAYS_WHAT = {"say", "tell", "add", "announce", "report", "ask", "call", "state", "note"}


def _wants_more(head) -> bool:
    """Does the verb's title need words that the clause does not give after it: what was said
    ("Caroline Wyatt reports."), what a verb standing for another did ("as did Castro"), or its
    object, written where a title cannot take it ("the circular that it mailed", "'Where is the
    bid?' asked Pierre Panet-Raymond", "…, AFP journalists saw.")? Not in the passive: "the
    decision is announced"."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return False
    if lemma_of(head) in SAYS_WHAT | {"do"}:
        return True
    quoted = any(c.dep_ == "punct" and set(c.text) <= QUOTE_MARKS and c.i < head.i for c in head.children)
    # "…, AFP journalists saw.": what was seen or heard is told before the verb that ends the sentence
    last = all(c.is_punct for c in head.children if c.i > head.i)
    return any(
        c.i > head.i or c.tag_ in ("WDT", "WP") or (c.dep_ == "ccomp" and (quoted or last))
        for c in head.children
        if c.dep_ in COMPLEMENTS and not gone_missing(c)
    )


def _first_person(head):
    """What a speaker says of themselves ("I have declared an emergency", "I agree"), told as their own
    deed; None when the statement says something else."""
    if classify(head.lemma_) != "statement":
        return None
    content = next((c for c in head.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    speaker = next((c for c in content.children if c.dep_ == "nsubj"), None) if content is not None else None
    if speaker is None or speaker.lower_ != "i" or content.lemma_ in ("be", "have"):
        return None
    return content


def _unnamed(subject, mentions: list[ActorMention]) -> bool:
    """Is the subject a pronoun that names no one known ("it", "they" left unresolved)?"""
    return subject.pos_ == "PRON" and not any(m.start <= subject.idx < m.end for m in mentions)


def _passive_doer(head):
    """The doer a passive clause names after "by", or None."""
    by = next((c for c in head.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def tidy(title: str) -> str:
    """One line of at most ``TITLE_WORDS`` words (as a reader counts them: "U.S." is two) that does
    not end on a word needing another ("Sales increase in", once the date is left out) nor repeat
    its doer at its end."""
    kept, count = [], 0
    tokens = " ".join(title.split()).strip(" :,;").split(" ")
    for n, token in enumerate(tokens):
        count += len(WORD.findall(token))
        if count > TITLE_WORDS:
            # "… after section of Francis Scott Key": a name is kept whole or not at all (a
            # company's without "Ltd." is whole)
            designation = tokens[n].casefold().strip(".,;:") in DESIGNATIONS | ABBREVIATED
            while len(kept) > 1 and _capitalized(kept[-1]) and _capitalized(tokens[n]) and not designation:
                kept.pop()
            break
        kept.append(token)
    if repeated := _doer_again([token.strip(",;:") for token in kept]):
        del kept[-repeated:]  # "Joint funeral is held joint funeral": the doer once is enough
    while len(kept) > 1:
        if kept[-1].casefold().strip(",;:") in DANGLING_WORDS:
            kept.pop()
        elif len(kept) > 3 and _number(kept[-1]) and kept[-2] in CUT_COUNT:
            # "… main office and 17", "… more than 330": a count whose noun was cut
            del kept[-(3 if kept[-2] == "than" and kept[-3] in ("more", "fewer", "less") else 2) :]
        else:
            break
    if len(kept) > 4 and kept[-2].casefold() == "as":
        del kept[-2:]  # "to visit Russia as soon", once "as next week" is left out
    title = " ".join(kept).strip(" :,;")
    if len(title) > TITLE_CHARS:
        title = title[: title.rfind(" ", 0, TITLE_CHARS)]
    return title[:1].upper() + title[1:]


def _number(word: str) -> bool:
    return word.strip(",;:").replace(",", "").replace(".", "").isdigit()


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def _doer_again(words: list[str]) -> int:
    """How many of its first words (two or more) a title repeats at its end, or 0."""
    folded = [w.casefold() for w in words]
    return next((k for k in range(len(words) // 2, 1, -1) if folded[:k] == folded[-k:]), 0)


def acceptable(title: str) -> bool:
    """Would a sub-editor let the title through: three words or more, a doer first (not "it",
    "which" or "this"), not ending on a word that needs another nor on its doer again?"""
    words = WORD.findall(title)
    if len(words) < 3 or words[0].casefold() in VAGUE_FIRST | SPEECH_ENDS:  # "Says kitchen was all"
        return False
    if _doer_again(words):
        return False  # "Lahaina Town dates Lahaina Town": the doer again where the deed should be
    return words[-1].casefold() not in DANGLING_WORDS | SPEECH_ENDS  # "Moscow and Kyiv say": say what?
