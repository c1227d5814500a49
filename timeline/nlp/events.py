"""Events: one per happening or statement a clause asserts, dated by the expression attached to it.

A temporal expression is attached to the clause whose verb (or event noun: "visit", "talks") governs
it in spaCy's parse; participle and infinitive clauses without a subject of their own belong to the
clause above them. A main clause with no date of its own takes the date of a simultaneous
subordinate clause ("As X ended talks on Tuesday, Y announced..."). A sentence's main clause with no
date at all is an undated report, dated by the article's publication and flagged so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .clustering import keywords
from .dates import timex_dates
from .pipeline import text_of
from .types import ActorMention, ExtractedEvent, Timex

# The taxonomy (documented in README): verb and noun lemmas per event type.
EVENT_TYPES = {
    "statement": {"say", "tell", "state", "write", "warn", "claim", "stress", "describe", "urge", "reveal",
                  "add", "outline", "caution", "accuse", "insist", "deny", "comment", "note", "affirm",
                  "reiterate", "praise", "blame", "criticize", "criticise", "condemn", "call", "express",
                  "mention", "highlight", "welcome", "acknowledge", "argue", "suggest", "interview", "speech",
                  "statement", "tweet", "post", "remark", "declare"},
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
                     "launch", "introduce", "confirm", "disclose", "plan"},
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
CLAUSES = {"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "xcomp", "acl", "pcomp", "csubj"}
IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes", "say": "says"}


def classify(lemma: str) -> str:
    """The event type of a verb or noun lemma (see EVENT_TYPES), "other" when unknown."""
    return VERB_TO_TYPE.get(lemma.lower(), "other")


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


def reported(head):
    """The word that tells what happened: a report ("Kyiv announced it had decided") is told by what
    it reports ("decide"), anything else by its own head."""
    if classify(head.lemma_) in ("statement", "announcement", "other"):
        for child in head.children:
            if child.dep_ == "ccomp" and classify(child.lemma_) not in ("statement", "announcement", "other"):
                return child
    return head


def event_type(head) -> str:
    """The clause's type; a report takes the type of what it reports (see ``reported``)."""
    return classify(reported(head).lemma_)


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
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and head.dep_ in ("conj", "xcomp"):
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject


def agents_of(head, mentions: list[ActorMention]) -> list[str]:
    """The actors the clause's subject names: its head word's and those of words joined to it
    ("Beijing and Moscow announced"), or else the first actor inside the subject ("a spokesman for
    Rishi Sunak"). A pronoun names whom it was resolved to; a subject that is no noun (a misparse)
    names nobody."""
    subject = subject_of(head)
    if subject is not None and subject.pos_ == "PRON":
        named = _actor_at(subject, mentions)  # "he said", resolved to the person named before
        return [named] if named else []
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return []
    words = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    named = [name for w in words if (name := _actor_at(w, mentions))]
    if not named:
        left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        named = [m.name for m in mentions if left <= m.start < right][:1]
    return list(dict.fromkeys(named))


def is_event_noun(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in EVENT_NOUNS


def has_subject(tok) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def is_clause_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSES


def attach(doc, timex: Timex):
    """The clause head (verb or event noun) a temporal expression dates."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    t = span.root
    while t.head is not t and t.head.i != t.i:
        t = t.head
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


@dataclass
class _Clause:
    head: object
    timex: Timex | None
    flags: list[str] = field(default_factory=list)


def _undated_report(tok) -> bool:
    """An undated clause is a report of a happening when its verb is not a state, a modal or negated."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in STATES:
        return False
    if tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in MODALS) for c in tok.children)


def clauses_of(sent, doc, timexes: list[Timex]) -> list[_Clause]:
    """The event clauses of one sentence, each with the expression that dates it (or None)."""
    found: dict[int, list[_Clause]] = {}
    for timex in timexes:
        head = attach(doc, timex)
        if head is None:
            continue
        for part in split_list(doc, timex):
            if head.i in found and any(c.timex and c.timex.text == part.text for c in found[head.i]):
                continue
            if head.i in found and len(split_list(doc, timex)) == 1:
                continue  # one date per clause: the first written
            found.setdefault(head.i, []).append(_Clause(head, part))
    for clauses in list(found.values()):
        head = clauses[0].head
        mark = {c.lower_ for c in head.children if c.dep_ == "mark"}
        main = head.head
        if head.dep_ == "advcl" and mark & SIMULTANEOUS and main.i not in found and main.pos_ == "VERB":
            found[main.i] = [_Clause(main, clauses[0].timex)]
    root = sent.root
    if root.i not in found and _undated_report(root):
        found[root.i] = [_Clause(root, None, ["date_from_publication"])]
    for tok in sent:
        if tok.i in found or tok.dep_ not in ("advcl", "conj") or not _undated_report(tok):
            continue
        if classify(tok.lemma_) not in ("statement", "other", "announcement") and tok.tag_ in (
            "VBZ",
            "VBD",
            "VBP",
        ):
            found[tok.i] = [_Clause(tok, None, ["date_from_publication"])]
    return [c for i in sorted(found) for c in found[i]]


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


def _phrase(tok, timex_chars: set[int], limit: int = 7) -> str:
    words = [
        t.text
        for t in tok.subtree
        if t.idx not in timex_chars and not t.is_punct and t.dep_ not in ("relcl", "appos", "det", "case")
        and not (t.dep_ == "poss" and t.pos_ == "PRON")
    ]  # fmt: skip
    return " ".join(words[:limit])


def _actor_at(tok, mentions: list[ActorMention]) -> str | None:
    """The actor a phrase's head word names ("Chinese Foreign Ministry spokeswoman Hua Chunying")."""
    for m in mentions:
        if m.start <= tok.idx < m.end:
            return m.name
    return None


def headline(head, mentions: list[ActorMention], timex_chars: set[int]) -> str:
    """A short title from the clause's subject, verb and object: "Xi Jinping arrives in Moscow"."""
    if is_event_noun(head):
        owner = subject_of(head)
        who = (_actor_at(owner, mentions) or _phrase(owner, timex_chars, 4)) if owner is not None else ""
        rest = [c for c in head.children if c.dep_ == "prep" and c.idx not in timex_chars]
        tail = " ".join(_phrase(c, timex_chars, 4) for c in rest[:1] if not _dated(c, timex_chars))
        title = f"{who}: {head.lemma_} {tail}" if who else f"{head.lemma_} {tail}"
        return _tidy(title)
    subject = subject_of(head)
    if subject is not None:
        who = _actor_at(subject, mentions) or _phrase(subject, timex_chars, 5)
    else:
        left = [m for m in mentions if head.left_edge.idx <= m.start < head.idx]
        who = left[-1].name if left else ""
    negated = any(c.dep_ == "neg" for c in head.children)
    plural = subject is not None and (
        subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    )
    if negated:
        verb = ("do not " if plural else "does not ") + head.lemma_.lower()
    elif plural:
        verb = head.lemma_.lower()
    else:
        verb = head.text.lower() if head.tag_ == "VBZ" else present(head.lemma_)
    if any(c.dep_ == "nsubjpass" for c in head.children):
        verb = "is " + head.text.lower()
    obj = None
    for dep in ("dobj", "attr", "prep", "xcomp", "ccomp", "dative", "acomp"):
        obj = next((c for c in head.children if c.dep_ == dep and not _dated(c, timex_chars)), None)
        if obj is not None:
            break
    what = ""
    if obj is not None:
        if obj.dep_ == "ccomp":
            inner = next((c for c in obj.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            what = (_phrase(inner, timex_chars, 4) + " " if inner is not None else "") + obj.text
        else:
            what = _phrase(obj, timex_chars)
    return _tidy(f"{who} {verb} {what}")


def _dated(tok, timex_chars: set[int]) -> bool:
    return any(t.idx in timex_chars for t in tok.subtree)


def _tidy(title: str) -> str:
    title = " ".join(title.replace(" 's", "'s").split()).strip(" :,")
    return (title[:1].upper() + title[1:])[:200]


def events_from_doc(
    doc, timexes: list[Timex], actors: list[ActorMention], published: dt.date | None
) -> list[ExtractedEvent]:
    """The events the article's clauses assert, in text order (see the module docstring)."""
    usable_timexes = [t for t in timexes if usable(t)]
    timex_chars = {i for t in usable_timexes for i in range(t.start, t.end)}
    events: list[ExtractedEvent] = []
    body = text_of(doc)
    for sent in doc.sents:
        inside = [t for t in usable_timexes if sent.start_char <= t.start < sent.end_char]
        clauses = clauses_of(sent, doc, inside)
        heads = [c.head for c in clauses]
        keys = [c.timex.text if c.timex else "" for c in clauses]
        for clause, key in zip(clauses, keys, strict=True):
            if keys.count(key) > 1:
                start, end = clause_span(clause.head, heads)
            else:
                start, end = sent.start_char, sent.end_char
            events.append(_event(body, sent, clause, start, end, actors, published, timex_chars))
    return _unique(events)


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
        if "invalid_date" not in flags:
            flags.append("undated")
    text = body[start:end].strip()
    mentions = [m for m in actors if start <= m.start < end]
    head = clause.head
    title = headline(head, mentions, timex_chars) or text[:80]
    return ExtractedEvent(
        title=title,
        sentence=text,
        start=start,
        end=start + len(text),
        date_start=date_start,
        date_end=date_end,
        precision=precision,
        event_type=event_type(head),
        actors=list(dict.fromkeys(m.name for m in mentions)),
        flags=flags,
        timex=timex,
        summary=sent.text.strip(),
        sentence_start=sent.start_char,
        agents=agents_of(head, [m for m in actors if sent.start_char <= m.start < sent.end_char]),
        predicate=reported(head).lemma_.lower(),
        words=keywords(" ".join([title, text, *(m.name for m in mentions if m.role)])),
    )


def _unique(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """One event per report key (span and temporal expression), as the store requires."""
    seen, out = set(), []
    for e in events:
        key = (e.start, e.end, e.timex.text if e.timex else "")
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
