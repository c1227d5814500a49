"""The grammar events are read with: the event taxonomy, and a clause's verb, subject and doers.

Plain functions over spaCy tokens; ``events`` finds the clauses and ``headlines`` titles them.
"""

from __future__ import annotations

import functools

from .pipeline import verb_of_noun
from .types import ActorMention

# The taxonomy (documented in README): verb and noun lemmas per event type.
EVENT_TYPES = {
    "statement": {"say", "tell", "state", "write", "warn", "claim", "stress", "describe", "urge", "reveal",
                  "add", "outline", "caution", "accuse", "insist", "deny", "comment", "note", "affirm",
                  "reiterate", "praise", "blame", "criticize", "criticise", "condemn", "call", "express",
                  "mention", "highlight", "welcome", "acknowledge", "argue", "suggest", "interview", "speech",
                  "promise", "vow", "assure", "denounce", "assert", "explain", "emphasize", "emphasise",
                  "allege", "admit", "concede", "reply", "respond", "clarify", "recount", "complain",
                  "boast", "testify", "retort",
                  "statement", "tweet", "post", "remark", "declare", "declaration"},
    "meeting": {"visit", "meet", "arrive", "depart", "leave", "travel", "host", "talk", "trip", "summit",
                "meeting", "talks", "invite", "receive", "welcome", "conference", "tour", "return"},
    "military": {"capture", "fight", "defend", "launch", "withdraw", "advance", "shell", "deploy", "seize",
                 "encircle", "retreat", "mobilize", "mobilise", "invade", "offensive", "invasion",
                 "counteroffensive", "war", "battle", "gain", "repel", "occupy", "begin"},
    "attack": {"attack", "strike", "kill", "bomb", "explode", "destroy", "fire", "shoot", "wound",
               "explosion", "bombing", "assassinate", "hit", "raid"},
    "agreement": {"agree", "sign", "loan", "aid", "deliver", "supply", "pledge", "grant", "donate",
                  "agreement", "deal", "treaty", "ceasefire", "truce", "fund", "provide"},
    "announcement": {"announce", "unveil", "publish", "present", "report", "release", "propose",
                     "launch", "introduce", "confirm", "disclose", "plan", "announcement"},
    "decision": {"decide", "order", "approve", "reject", "vote", "ban", "suspend", "sanction", "impose",
                 "appoint", "dismiss", "resign", "elect", "adopt", "refuse", "decision", "election"},
    "legal": {"sue", "charge", "arrest", "sentence", "convict", "indict", "detain", "jail", "prosecute",
              "investigate", "warrant", "trial", "acquit", "extradite"},
}  # fmt: skip
_ORDER = ["attack", "military", "agreement", "legal", "decision", "meeting", "announcement", "statement"]
VERB_TO_TYPE = {word: kind for kind in reversed(_ORDER) for word in EVENT_TYPES[kind]}
EVENT_NOUNS = {
    "visit", "trip", "talks", "meeting", "summit", "attack", "strike", "offensive", "election", "vote",
    "ceasefire", "invasion", "agreement", "deal", "conference", "interview", "speech", "referendum",
    "explosion", "bombing", "raid", "tour", "counteroffensive",
}  # fmt: skip
# Verbs that describe a state, not a happening: an undated clause with one is no event.
STATES = {"be", "have", "seem", "appear", "remain", "become", "include", "need", "want", "hope", "know",
          "think", "believe", "consider", "mean", "reflect", "continue", "lie", "look", "sound"}  # fmt: skip
MODALS = {"will", "would", "could", "may", "might", "should", "can", "must", "shall", "'ll"}
SIMULTANEOUS = {"as", "while", "when"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
# The parts of speech that head a noun phrase.
NOUNS = ("NOUN", "PROPN")
CLAUSES = {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp", "acl", "pcomp", "csubj"}


def classify(lemma: str) -> str:
    """The event type of a verb or noun lemma (see EVENT_TYPES), "other" when unknown."""
    return VERB_TO_TYPE.get(lemma.lower(), "other")


def reported(head):
    """The word that tells what happened: a report ("Kyiv announced it had decided") is told by what
    it reports ("decide"), anything else by its own head. What a report only foresees or denies
    ("Biden said managers would be fired") has not happened: the report is told by its own head."""
    if classify(head.lemma_) not in ("statement", "announcement", "other"):
        return head
    if (noun := recorded(head)) is not None:
        return noun
    typed = (
        c for c in _told_as_done(head) if classify(c.lemma_) not in ("statement", "announcement", "other")
    )
    return next(typed, head)


# Verbs that tell how their doer did what their complement tells ("rushed to close the bank",
# "wasted no time in declaring", "managed to escape"): the complement is the deed. (Not "wanted,
# tried, planned, refused to": what those tell need not have been done.)
DONE_BY_COMPLEMENT = {"rush", "hurry", "hasten", "move", "manage", "proceed", "waste"}


def _complement_deed(verb):
    """The verb of what ``verb`` tells was done when it is one of ``DONE_BY_COMPLEMENT`` ("rushed to
    close": "close"; "wasted no time in declaring": "declare"), else ``verb``."""
    while verb.lemma_.lower() in DONE_BY_COMPLEMENT and not any(c.dep_ == "neg" for c in verb.children):
        done = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        done += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
        if not done or done[0].pos_ != "VERB" or has_subject(done[0]):
            break
        verb = done[0]
    return verb


# Verbs that tell only that the deed their object names was done: "conducted a controlled release",
# "did a controlled burn", "carried out an attack", "staged a protest".
LIGHT_VERBS = {"do", "perform", "conduct", "carry", "stage", "undertake"}


def opened_fire(verb):
    """The object "fire" of "opened fire" ("gunmen opened fire on the crowd"): they fired; else None."""
    if verb.lemma_.lower() != "open" or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "fire"), None)


def light_deed(verb):
    """The object of a verb that tells only that it was done (see ``LIGHT_VERBS``), when the object
    names a deed ("release", "detonation", see ``verb_of_noun``); else None."""
    lemma = verb.lemma_.lower()
    if (fire := opened_fire(verb)) is not None:
        return fire
    if lemma not in LIGHT_VERBS or verb.pos_ != "VERB":
        return None
    if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None  # "carried the chemical", not "carried out a burn"
    objects = (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN")
    return next((c for c in objects if verb_of_noun(c.lemma_.lower())), None)


# What a value moved by ("shares were down 27%", "the stock closed up 5%"): the verb of that move.
MOVED = {"down": "fall", "up": "rise"}


def moved_by(verb) -> str:
    """ "fall" or "rise" for a verb telling by how much a value moved ("Credit Suisse stock was down
    more than 27 percent", "shares closed up 5%": a measure on "down" or "up"), else ""."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in MOVED and any(m.dep_ == "npadvmod" for m in c.children):
            return MOVED[c.lower_]
    return ""


def deed_word(deed) -> str:
    """The word a deed is compared by: the verb whose deed a light verb's object names ("conducted
    a controlled release": "release", "did a controlled detonation": "detonate"), the move a verb
    tells a value made ("shares were down 27%": "fall"), else its lemma."""
    lemma = deed.lemma_.lower()
    if deed.dep_ == "dobj" and light_deed(deed.head) == deed:
        return verb_of_noun(lemma) or lemma
    if vanished(deed):
        return "disappear"
    if (noun := _taking_place(deed)) is not None:
        return verb_of_noun(noun) or noun
    return moved_by(deed) or lemma


def _taking_place(deed) -> str | None:
    """The happening noun a clause says only took place ("the derailment happened around 9 p.m.",
    "the blast occurred at dawn"): its deed is that happening's; None for any other clause."""
    if deed.lemma_.lower() not in OCCURRING:
        return None
    subject = next((c for c in deed.children if c.dep_ == "nsubj"), None)
    noun = subject.lemma_.lower() if subject is not None else ""
    return noun if noun in HAPPENING_NOUNS and noun not in GENERIC_HAPPENINGS else None


# What is lost when someone or something vanishes from sight: "lost contact with the submersible".
OUT_OF_TOUCH = {"contact", "touch", "communication", "communications", "track", "sight"}


def vanished(deed) -> bool:
    """Does a verb tell that someone or something vanished, by other words than "disappear" ("lost
    contact with the sub", "went missing", "has been missing since Sunday")?"""
    lemma = deed.lemma_.lower()
    if lemma == "lose":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in OUT_OF_TOUCH for c in deed.children)
    return gone_missing(deed) or (lemma == "go" and any(gone_missing(c) for c in deed.children))


def deed_of(head):
    """What a clause tells was done: a report's reported happening, typed or not ("the Coast Guard
    said an aircraft picked up noises": "pick"), when it is told as done (a verb in the past with a
    subject, not foreseen or denied); else what ``reported`` gives. A verb telling its complement
    was done gives the complement (see ``DONE_BY_COMPLEMENT``)."""
    told = _complement_deed(reported(head))
    if told is not head or classify(head.lemma_) not in ("statement", "announcement"):
        return light_deed(told) or told
    done = (
        c
        for c in _told_as_done(head)
        if c.tag_ in ("VBD", "VBN")
        and c.lemma_.lower() not in STATES
        and has_subject(c)
        and classify(c.lemma_) not in ("statement", "announcement")
    )
    deed = next(done, head)
    return light_deed(deed) or deed


def gone_missing(tok) -> bool:
    """Is ``tok`` "missing" told of someone or something ("has been missing since Sunday", "is
    missing", "went missing off the cape"), not what someone missed ("is missing the deadline")?"""
    if tok.lemma_.lower() != "miss" or tok.tag_ != "VBG":
        return False
    held = tok.dep_ in ("acomp", "advcl", "xcomp", "oprd") and tok.head.lemma_.lower() in ("be", "go")
    if not held and not any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in tok.children):
        return False
    # the parse may take the place it went missing off for what was missed: "missing off Cape Lorne"
    return not any(c.dep_ == "dobj" for c in tok.children) or any(c.dep_ == "prt" for c in tok.children)


def _told_as_done(head):
    """The clauses a report tells (its complement clauses), but what it only foresees or denies."""
    for clause in head.children:
        if clause.dep_ == "ccomp" and not any(
            c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS) for c in clause.children
        ):
            yield clause


# What is struck, reached or sealed tells the deed: "strike a deal" is no attack.
PACTS = {"agreement", "deal", "treaty", "ceasefire", "truce", "partnership", "pact", "accord", "alliance"}
# What a price or a count hits ("stocks hit a five-year low", "the toll hit a record"): no attack.
LEVELS = {"high", "low", "record", "peak", "level", "bottom", "ceiling", "mark", "milestone"}


# What is met that is no one met: "meets the capital requirements", "met the deadline".
BARS = {
    "requirement", "demand", "target", "deadline", "standard", "criterion", "criteria", "expectation",
    "need", "goal", "condition", "obligation", "threshold", "estimate", "forecast", "rule",
}  # fmt: skip
# Nouns of meetings that make a meeting of a verb of no kind of its own ("end the talks", "hold a
# summit"), and the verb that tells a meeting ("met with his security council").
GATHERINGS = {"talks", "talk", "summit", "meeting", "meet"}
# A conference of the press is an occasion for words, not a meeting: "said during a press conference".
PRESS = {"press", "news", "media"}
# Verbs that make someone or something what they say it is: "declared himself the leader".
NAMING = {"declare", "proclaim", "name"}
# Words that tell their kind only as nouns: "a deal" is an agreement, "dealt a blow" none.
NOUN_ONLY = {"deal"}


def event_type(head) -> str:
    """The clause's type; a report takes the type of what it reports (see ``reported``), a verb
    whose object is an agreement ("China and Russia strike a partnership") makes an agreement, one
    whose object is a level ("stocks hit a five-year low") no attack, and a press or news conference
    is a statement. A verb telling how a deed was done takes the deed's type ("wasted no time in
    declaring a state of emergency", see ``DONE_BY_COMPLEMENT``)."""
    told = _complement_deed(reported(head))
    if any(c.dep_ == "dobj" and c.lemma_.lower() in PACTS for c in told.children):
        return "agreement"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in LEVELS for c in told.children):
        return "other"
    if told.lemma_.lower() == "meet" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in BARS for c in told.children
    ):
        return "other"  # "the bank meets the capital requirements": no meeting
    if words := words_given(told):
        return words  # "The general made the announcement on television"
    if opened_fire(told) is not None:
        return "attack"  # "gunmen opened fire"
    if let_go(told):
        return "other"
    kind = classify(told.lemma_)
    if told.lemma_.lower() in NAMING and any(
        c.dep_ in ("ccomp", "oprd", "dobj", "nsubjpass") and c.pos_ in NOUNS for c in told.children
    ):
        # "Tchiani declared himself the leader", "the governor declared a state of emergency", "a
        # state of emergency was declared": what it makes someone or something, not words
        return "decision"
    if kind == "other" and any(c.dep_ == "dobj" and c.lemma_.lower() in GATHERINGS for c in told.children):
        return "meeting"  # "Xi and Putin ended their talks", "Ecowas leaders held a summit"
    if told.pos_ == "NOUN" and any(c.dep_ == "compound" and c.lower_ in PRESS for c in told.children):
        return "statement"
    if told.pos_ != "NOUN" and told.lemma_.lower() in NOUN_ONLY:
        return "other"
    return kind


def let_go(verb) -> bool:
    """Is ``verb`` "release" told of a thing let out or a person let go ("released vinyl chloride from
    the cars into a trough", "was released from custody"), not of words made public?"""
    if verb.lemma_.lower() != "release":
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("from", "into") for c in verb.children) or any(
        c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ == "PERSON" for c in verb.children
    )


def said(head) -> bool:
    """Whether a clause tells someone's words: its verb is one of saying, or a "he said" stands
    inside it ("The real warning, he said, came from the smoke"); not one that records a happening
    (see ``recorded``)."""
    if recorded(head) is not None or let_go(head):
        return False
    return (
        classify(head.lemma_) in ("statement", "announcement")
        or bool(words_given(head))
        or any(c.dep_ == "parataxis" and classify(c.lemma_) == "statement" for c in head.children)
    )


# Nouns of words someone gives ("made the announcement", "gave a speech"), not of what words tell
# ("sees the plan as a ploy").
WORDS_GIVEN = {
    "statement",
    "announcement",
    "speech",
    "remark",
    "comment",
    "declaration",
    "update",
    "briefing",
}
# Verbs of giving, whatever kind they are of otherwise: words are what they give ("provided an update").
GIVING = {"give", "make", "issue", "provide", "deliver", "offer"}


def words_given(head) -> str:
    """ "statement" or "announcement" for a verb of no kind, or of giving, whose object is words of
    that kind ("made the announcement", "gave a speech", "provided an update"), else ""."""
    if head.pos_ != "VERB" or (classify(head.lemma_) != "other" and head.lemma_.lower() not in GIVING):
        return ""
    objects = [c for c in head.children if c.dep_ == "dobj"]
    # "made the announcement saying he was president", parsed as if the announcement were saying it
    objects += [
        n
        for c in head.children
        if c.dep_ == "ccomp"
        for n in c.children
        if n.dep_ == "nsubj" and n.left_edge.i == head.i + 1
    ]
    given = (c.lemma_.lower() for c in objects if c.pos_ == "NOUN")
    return next((_words_kind(noun) for noun in given if noun in WORDS_GIVEN), "")


def _words_kind(noun: str) -> str:
    return "announcement" if classify(noun) == "announcement" else "statement"


def subject_of(head):
    """The clause's subject, or for an event noun its owner ("Xi's visit", "a visit by Xi", "Xi
    will conduct a visit"); a conjoined or controlled verb shares the subject above it."""
    if is_event_noun(head):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        by = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if owner is None and by is not None:
            owner = next((c for c in by.children if c.dep_ == "pobj"), None)
        if owner is None and head.dep_ == "dobj":
            owner = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        return owner
    # Two subjects are a misparse: the first that is a noun or pronoun, but not one ending a place's
    # name ("The toll in Maui, Hawaii has reached"), a word set beside the subject ("DPC had itself
    # filed", "Feldman and Arseneault both declined") nor words quoted ("No nothing," Panis said).
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct]
    if len(subjects) > 1:
        subjects = [c for c in subjects if _names_doer(c) and not _quoted_before(c, head)] or subjects
    subject = subjects[0] if subjects else None
    if subject is None and head.dep_ in ("conj", "xcomp"):
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and hung_on_subject(head):
        subject = head.head
    return subject if subject is not None else subject_set_beside(head)


# Words that set a clause beside the sentence's happening: "after the bridge collapsed".
SETTING_BESIDE = {"after", "since", "once", "following", "where", "when"}


def subject_set_beside(tok):
    """The subject of a past-tense clause that the parse took for the object of the word setting the
    clause beside the sentence's happening ("declared after a section of the bridge collapsed":
    "after a section", then "collapsed" with no subject), or None."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBD" or any(c.dep_ in SUBJECTS for c in tok.children):
        return None
    for prep in tok.head.children:
        if prep.dep_ == "prep" and prep.lower_ in SETTING_BESIDE and prep.i < tok.i:
            nouns = [c for c in prep.children if c.dep_ == "pobj" and c.right_edge.i == tok.i - 1]
            if nouns and nouns[0].pos_ in NOUNS:
                return nouns[0]
    return None


def hung_on_subject(tok) -> bool:
    """Is ``tok`` a verb in the past tense that the parse hung on the noun before it as if it said
    which one, in a sentence whose root is no verb ("Around 1:30 A.M., the ship collided with the
    bridge": "ship" <- "collided", the root "Around")? The noun is its subject."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBD"
        and tok.head.i < tok.i
        and tok.head.pos_ in NOUNS
        and tok.sent.root.pos_ not in ("VERB", "AUX")
    )


def _quoted_before(tok, head) -> bool:
    """Does a quotation end between ``tok`` and the verb ``head`` after it?"""
    return any(t.tag_ == "''" for t in tok.doc[tok.i + 1 : head.i])


def _names_doer(tok) -> bool:
    """Can a subject ``tok`` name the doer: a noun or a personal or relative pronoun, not a
    reflexive one ("itself"), a quantifier ("both") nor a place written after another and a comma
    ("Maui, Hawaii")?"""
    places = ("GPE", "LOC")
    if (
        tok.i >= 2
        and tok.ent_type_ in places
        and tok.nbor(-1).text == ","
        and tok.nbor(-2).ent_type_ in places
    ):
        return False
    personal = tok.tag_ in ("PRP", "WP", "WDT") and not tok.lower_.endswith(("self", "selves"))
    return tok.pos_ in NOUNS or personal  # not "each", "both"


def subject_words(subject) -> list:
    """The head words of a subject and of those joined to it: "The Fed, the FDIC and the Treasury
    said", which a parse may tell as a name set beside another."""
    beside = [c for c in subject.children if c.dep_ == "appos"]
    return [subject, *subject.conjuncts, *(w for c in beside for w in (c, *c.conjuncts))]


def agents_of(head, mentions: list[ActorMention]) -> list[str]:
    """The actors the clause's subject names: its head word's and those of words joined to it
    ("Beijing and Moscow announced", "The Fed, the FDIC and the Treasury said"), or else the first
    actor inside the subject ("a spokesman for Rishi Sunak"). A pronoun or a person's age names whom
    it was resolved to; any other subject that is no noun (a misparse) names nobody."""
    subject = subject_of(head)
    if subject is not None and subject.dep_ == "nsubjpass":
        # "Bazoum was confined by his guard": the doer is the guard, not the one it was done to
        by = next((c for c in head.children if c.dep_ == "agent"), None)
        subject = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if subject is None:
        return []
    if subject.pos_ not in NOUNS:
        # "he said", "the 62-year-old made the announcement": resolved to the person named before
        named = actor_at(subject, mentions)
        return [named] if named else []
    # (all the actors a word stands for: "the agencies", for those named together before)
    named = [m.name for m in mentions_at(subject_words(subject), mentions)]
    if not named:
        left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        named = [m.name for m in mentions if left <= m.start < right][:1]
    return list(dict.fromkeys(named))


# Happenings that nobody did: disasters and accidents. What one did or befell in, or what was done
# against one, is of its kind ("a quake killed 1,700", "crews battled the blaze"), not an attack.
DISASTERS = {
    "collapse", "earthquake", "quake", "tremor", "aftershock", "fire", "wildfire", "blaze", "inferno",
    "flood", "storm", "hurricane", "typhoon", "cyclone", "tornado", "crash", "implosion", "eruption",
    "tsunami", "landslide", "avalanche", "outbreak", "accident", "derailment", "sinking", "disaster",
    "tragedy", "catastrophe", "conflagration", "bushfire", "firestorm", "temblor",
}  # fmt: skip
# Nouns that name a happening without a verb of their own, as news refers back to it ("the quake",
# "the bridge's collapse"): events and disasters of every kind.
HAPPENING_NOUNS = EVENT_NOUNS | DISASTERS | {
    "coup", "blast", "shooting", "failure", "bankruptcy", "takeover", "merger", "kidnapping",
    "assassination", "massacre", "uprising", "protest", "riot", "strike", "evacuation", "rescue", "incident",
}  # fmt: skip
# Happening nouns that say only that something went wrong: "the disaster" stands for the happening
# told before, whatever its own noun ("the collapse of the bridge ... The disaster occurred when").
GENERIC_HAPPENINGS = {"disaster", "accident", "incident", "tragedy", "catastrophe"}
# Verbs by which a clause says only that its subject took place: "the disaster occurred when …".
OCCURRING = {"occur", "happen", "unfold"}
DEFINITE = {"the", "this", "that", "its", "their", "his", "her"}
# Words that make a happening another one of its kind: "a second quake", "another fire".
ANOTHER = {"another", "second", "third", "fresh", "new", "latest", "further"}


def happening_meant(noun):
    """The happening noun that a subject stands for where the parse hangs it elsewhere: a relative
    pronoun's, when its clause hangs on a word within the happening's phrase ("the earthquake
    measuring 7 on the Richter scale that struck Morocco": "earthquake"), and a measure's set beside
    it ("Friday's magnitude 6.8 earthquake": "earthquake"); else ``noun`` itself."""
    if noun.tag_ in ("WDT", "WP") and noun.head.dep_ == "relcl":
        for above in noun.head.head, *noun.head.head.ancestors:
            if above.pos_ == "NOUN" and above.lemma_.lower() in HAPPENING_NOUNS:
                return above
            if above.dep_ not in ("pobj", "prep", "acl", "dobj"):
                break
        return noun
    beside = next((c for c in noun.children if c.dep_ == "appos"), None)
    if (
        noun.lemma_.lower() not in HAPPENING_NOUNS
        and beside is not None
        and beside.lemma_.lower() in HAPPENING_NOUNS
    ):
        return beside
    return noun


# Happening nouns that name one kind of happening by other words: news calls one fire "the wildfire",
# "the blaze" and "the inferno", and one quake "the tremor".
SAME_KIND = [
    {"fire", "wildfire", "blaze", "inferno", "conflagration", "bushfire", "firestorm"},
    {"earthquake", "quake", "tremor", "temblor"},
    {"storm", "hurricane", "typhoon", "cyclone"},
    {"blast", "explosion"},
]
KIND_OF = {noun: i for i, kind in enumerate(SAME_KIND) for noun in kind}


def one_noun(a: str, b: str) -> bool:
    """ "quake" and "earthquake", "offensive" and "counteroffensive": a word of five letters or more
    that ends the other (not "fire" of "ceasefire")."""
    return a == b or (min(len(a), len(b)) >= 5 and (a.endswith(b) or b.endswith(a)))


def one_kind(a: str, b: str) -> bool:
    """Do two happening nouns name one kind of happening ("quake", "earthquake"; "fire", "blaze")?"""
    return one_noun(a, b) or (a in KIND_OF and KIND_OF[a] == KIND_OF.get(b))


@functools.cache
def kinds_of(noun: str) -> frozenset[str]:
    """``kin_of`` a noun and of the other nouns of its kind ("fire": "blaze", "wildfire", …)."""
    return frozenset().union(*map(kin_of, SAME_KIND[KIND_OF[noun]])) if noun in KIND_OF else kin_of(noun)


@functools.cache
def kin_of(noun: str) -> frozenset[str]:
    """The happening nouns that name what ``noun`` names ("quake": "quake", "earthquake"), and the
    verbs they name the deed of ("derailment": "derail", see ``verb_of_noun``)."""
    nouns = {noun} | {other for other in HAPPENING_NOUNS if one_noun(noun, other)}
    return frozenset(nouns | {verb for n in nouns if (verb := verb_of_noun(n))})


# Verbs by which a report tells that a happening took place: "Turkey reported a second quake".
RECORDING = {"report", "confirm", "record", "register"}


def recorded(head):
    """The happening noun a clause reports as having taken place ("Turkey reported a second massive
    quake", "officials confirmed the collapse"): the clause tells of it, not of words. None when
    the clause is no such report, or a foreseen or denied one."""
    if head.lemma_.lower() not in RECORDING or any(
        c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in head.children
    ):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.lemma_.lower() in HAPPENING_NOUNS), None)


def names_a_happening(tok) -> bool:
    """A noun that refers back to a happening: a happening noun made definite by "the", a possessive
    or an owner ("the collapse of the bridge", "its collapse", "Monday's quake")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in HAPPENING_NOUNS or tok.dep_ == "compound":
        return False
    if any(c.tag_ in ("JJS", "RBS") and c.lower_ not in ANOTHER for c in tok.subtree):
        return False  # "the deadliest quake since 1999" names a kind, not a happening
    return any(c.dep_ in ("det", "poss") and (c.lower_ in DEFINITE or c.dep_ == "poss") for c in tok.children)


def is_event_noun(tok) -> bool:
    return tok.pos_ in NOUNS and tok.lemma_.lower() in EVENT_NOUNS


def told_by(head):
    """The word whose clause tells a report: an event noun with no owner of its own is told by the
    verb whose clause holds it ("During a press conference, Mauger said": "said", Mauger's words)."""
    if not is_event_noun(head) or subject_of(head) is not None:
        return head
    tok = head
    while tok.head != tok:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and subject_of(tok) is not None:
            return tok
    return head


def has_subject(tok) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def is_clause_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSES


def mentions_at(words, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions that cover each of the words, word by word."""
    return [m for w in words for m in mentions if m.start <= w.idx < m.end]


def actor_at(tok, mentions: list[ActorMention]) -> str | None:
    """The actor a phrase's head word names ("Chinese Foreign Ministry spokeswoman Hua Chunying")."""
    for m in mentions:
        if m.start <= tok.idx < m.end:
            return m.name
    return None
