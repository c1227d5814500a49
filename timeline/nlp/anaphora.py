"""Words that point back at an actor named before them: "he said", "the city", "it said".

News writing names a person once and then says "he" or "the 62-year-old"; it names a town and then
says "the city"; an institution says that "it" will do something.
Both are resolved to the nearest fitting actor named before them, so a quote's speaker and a clause's
place are known. The rules are deliberately narrow: a wrong antecedent is worse than none.
"""

from __future__ import annotations

import bisect
import re

from .clauses import mentions_at, subject_words
from .pipeline import sentences_of, text_of
from .types import ActorMention

PERSON_PRONOUNS = {"he", "she"}
# How many sentences back a pronoun's antecedent may be (the pronoun's own sentence counts as one).
PRONOUN_REACH = 3
# "..." he said: a quotation's speaker may have been named a few paragraphs of quotes before.
SPEAKER_REACH = 6
SPEECH = {"say", "add", "tell", "state", "note", "continue", "explain", "write", "promise", "stress"}
# "the city", "the ruined town": a settlement named before; "the city of X" names X itself.
SETTLEMENT = re.compile(r"\bthe (?:[a-z]+ )?(?:city|town|village)\b(?! of [A-Z])", re.IGNORECASE)
SUBJECTS = {"nsubj", "nsubjpass"}
QUOTED = re.compile(r"[\"“][^\"“”\n]*[\"”]")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(s < at < e for s, e in spans)


def _head_token(doc, mention: ActorMention):
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_main_subject(tok) -> bool:
    """Is ``tok`` (part of) the subject of its sentence's main verb?"""
    while tok is not None and tok.dep_ in ("compound", "appos", "conj", "flat") and tok.head != tok:
        tok = tok.head
    return tok is not None and tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT"


def antecedent(doc, pronoun, candidates: list[ActorMention]) -> ActorMention | None:
    """The person ``pronoun`` stands for, among ``candidates`` (people named before it, nearest last).

    A pronoun subject of a clause joined to another ("Xi met Putin, but he said") is that clause's
    subject; the subject of a main clause continues the last main clause's ("Kirby said Biden plans
    to call. He said");
    any other pronoun ("the plan he proposed") is the nearest person named."""
    if not candidates:
        return None
    verb = pronoun.head
    if pronoun.dep_ in SUBJECTS and verb.dep_ == "conj":
        first = next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
        if first is not None:
            left, right = first.left_edge.idx, first.right_edge.idx + len(first.right_edge)
            inside = [m for m in candidates if left <= m.start < right]
            if inside:
                return inside[-1]
    if pronoun.dep_ in SUBJECTS and verb.dep_ == "ROOT":
        subjects = [m for m in candidates if _is_main_subject(_head_token(doc, m))]
        if subjects:
            return subjects[-1]
    return candidates[-1]


def pronoun_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "he"/"she" resolved to a person named before it, in its sentence or the two before (see
    ``antecedent``).

    A name inside quotation marks is skipped: in '"Xi is welcome," he said' the speaker is not Xi.
    A pronoun inside a quotation is left alone: it speaks of someone the quote's context knows."""
    people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
    if not people:
        return []
    quoted = quoted_spans(text_of(doc))
    sents = sentences_of(doc)
    out = []
    for n, sent in enumerate(sents):
        for tok in sent:
            pronoun = tok.lower_ in PERSON_PRONOUNS and tok.pos_ == "PRON"
            if not (pronoun or _aged(tok)) or inside(quoted, tok.idx):
                continue
            back = SPEAKER_REACH if _speaks(tok) else PRONOUN_REACH
            reach = sents[max(0, n - back + 1)].start_char
            # (a pronoun resolved before stands for its person: "he said … ," he said)
            before = sorted(
                (
                    m
                    for m in (*people, *out)
                    if reach <= m.start and m.end <= tok.idx and not inside(quoted, m.start)
                ),
                key=lambda m: m.start,
            )
            found = antecedent(doc, tok, before)
            if found is not None:
                start = tok.idx if pronoun else tok.left_edge.idx
                text = text_of(doc)[start : tok.idx + len(tok)]
                out.append(ActorMention(found.name, "person", text, start, tok.idx + len(tok), role=True))
    return out


def _aged(tok) -> bool:
    """ "The 62-year-old made the announcement": a person named before, described by their age as the
    subject of a clause (not "a 54-year-old man", who may be anyone)."""
    return (
        tok.lower_ == "old"
        and tok.dep_ in SUBJECTS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and any(c.lemma_ == "year" for c in tok.children)
    )


def _speaks(tok) -> bool:
    """Is ``tok`` the subject of a verb of speech ("he said", "it added")?"""
    return tok.dep_ in SUBJECTS and tok.head.lemma_.lower() in SPEECH


def _quoted_before(doc, tok, quoted: list[tuple[int, int]]):
    """The sentence where the quotation that ends right before ``tok`` began ('"These men were true
    explorers. … We grieve the loss," it added'), or None: the speaker is named before it."""
    body = text_of(doc)
    start = next((a for a, b in quoted if b <= tok.idx and not body[b : tok.idx].strip(" ,")), None)
    span = doc.char_span(start, start + 1, alignment_mode="expand") if start is not None else None
    return span.sent if span is not None else None


def it_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "it" as the organisation or place whose statement it is the subject of: "Kyiv announced that
    it had decided", "Shoney's said it will report"; and "it said" as the organisation named last
    in the three sentences before, not inside a quotation. Any other "it" is left alone."""
    out = []
    sents = sentences_of(doc)
    quoted = quoted_spans(text_of(doc))
    for tok in doc:
        if tok.lower_ == "it" and tok.pos_ == "PRON" and _speaks(tok) and tok.head.dep_ != "ccomp":
            anchor = _quoted_before(doc, tok, quoted) or tok.sent
            reach = sents[max(0, sents.index(anchor) - PRONOUN_REACH + 1)].start_char
            named = [
                m
                for m in mentions
                if m.kind == "organization"
                and reach <= m.start < tok.idx
                and not m.role
                and not inside(quoted, m.start)  # '"… Nargeolet, have been lost," it said'
            ]
            if named:
                # a main clause's "it said" goes on with the organisation a main clause before had
                # speak or act ("Credit Suisse said it would borrow from the Swiss National Bank. It
                # also said"), else the one named last
                if tok.dep_ in SUBJECTS and tok.head.dep_ == "ROOT":
                    named = [m for m in named if _is_main_subject(_head_token(doc, m))] or named
                found = named[-1]
                out.append(ActorMention(found.name, found.kind, tok.text, tok.idx, tok.idx + 2, role=True))
            continue
        if tok.lower_ != "it" or tok.dep_ not in SUBJECTS or tok.head.dep_ != "ccomp":
            continue
        speaker = next((c for c in tok.head.head.children if c.dep_ in SUBJECTS), None)
        if speaker is None:
            continue
        named = [
            m
            for m in mentions
            if m.kind in ("organization", "place", "group") and m.start <= speaker.idx < m.end and not m.role
        ]
        if named:
            out.append(ActorMention(named[0].name, named[0].kind, tok.text, tok.idx, tok.idx + 2, role=True))
    return out


# "the bank said", "the bridge was hit": "the" and a noun that ends the name of an organisation or
# place named before ("Silicon Valley Bank", "Francis Scott Key Bridge"), or a word for a company
# where a company's name was given ("OceanGate Expeditions": "the company").
DESCRIPTION = re.compile(r"\b[Tt]he ([a-z]+)\b(?!\s+of\s+[A-Z])")
COMPANY_NOUNS = {"company", "firm"}
# How many sentences back the name a description points to may be.
DESCRIPTION_REACH = 8


def described_mentions(doc, mentions: list[ActorMention], is_company) -> list[ActorMention]:
    """ "the bank" as the one bank named in the sentences before it, "the company" as the one company
    (``is_company(name)``). Where two fit ("Silicon Valley Bank" and "Signature Bank"), neither is taken.
    """
    named = sorted(
        (m for m in mentions if m.kind in ("organization", "place") and not m.role and " " in m.name),
        key=lambda m: m.start,
    )
    if not named:
        return []
    nouns = {m.name.split()[-1].casefold() for m in named} | COMPANY_NOUNS
    text = text_of(doc)
    starts = [s.start_char for s in sentences_of(doc)]
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for match in DESCRIPTION.finditer(text):
        noun, at = match.group(1), match.start()
        if noun not in nouns or any(s <= at < e for s, e in taken):
            continue
        n = max(0, bisect.bisect_right(starts, at) - DESCRIPTION_REACH)
        fits = {
            m.name: m
            for m in named
            if starts[n] <= m.start
            and m.end <= at
            and (m.name.split()[-1].casefold() == noun or (noun in COMPANY_NOUNS and is_company(m.name)))
        }
        if len(fits) == 1:
            found = fits.popitem()[1]
            out.append(ActorMention(found.name, found.kind, match.group(), at, match.end(), role=True))
    return out


# How many sentences back an apposition may have described what "the bloc" names (its own counts).
APPOSITION_REACH = 3


def appositive_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """An organisation or place named again by the noun an apposition described it by ("Ecowas, the
    bloc of West African nations, held a summit ... the regional bloc said"), with "the" and a word
    at most between, in the sentences after it (not "the bloc of the Sahel", another one). Where two
    were described by one noun, neither is taken."""
    described: dict[str, dict[str, tuple[ActorMention, int]]] = {}
    for m in mentions:
        if m.kind not in ("organization", "place") or m.role or (head := _head_token(doc, m)) is None:
            continue
        for noun in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
            described.setdefault(noun.lemma_.lower(), {})[m.name] = (m, noun.idx + len(noun.text))
    if not described:
        return []
    starts = [s.start_char for s in sentences_of(doc) if not s.text.isspace()]  # (not a paragraph's break)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for the in (t for t in doc if t.lower_ == "the" and t.dep_ == "det"):
        noun, at = the.head, the.idx
        fits = described.get(noun.lemma_.lower(), {})
        if len(fits) != 1 or not noun.is_lower or noun.tag_ in ("NNS", "NNPS") or not 0 < noun.i - the.i <= 2:
            continue  # one, by a common noun (not "all the major steelmakers")
        if any(s <= at < e for s, e in taken):
            continue
        if any(c.lower_ == "of" and any(g.pos_ == "PROPN" for g in c.children) for c in noun.children):
            continue
        ((found, after),) = fits.values()
        reach = starts[max(0, bisect.bisect_right(starts, at) - APPOSITION_REACH)]
        if after <= at and reach <= found.start:
            end = noun.idx + len(noun.text)
            out.append(ActorMention(found.name, found.kind, text_of(doc)[at:end], at, end, role=True))
    return out


# Nouns for whom an organisation is led by: "The boss of Russia's Wagner group has said ... Yevgeny
# Prigozhin said" (see ``leader_mentions``).
LEADERS = {"boss", "head", "chief", "leader", "founder", "owner", "chairman", "commander"}
LEADER_WORD = re.compile(rf"\b(?:{'|'.join(LEADERS)})\s+of\b", re.IGNORECASE)


def leader_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "The boss of Russia's Wagner group" as the person the next sentence names first as the subject
    of words said, when the description is the subject of words said too and no person is named
    before it: a lede names its speaker by what they lead, the next sentence by name."""
    persons = sorted((m for m in mentions if m.kind == "person" and not m.role), key=lambda m: m.start)
    if not persons or not LEADER_WORD.search(text_of(doc)):
        return []
    sents = sentences_of(doc)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for n, sent in enumerate(sents[:-1]):
        for tok in sent:
            if tok.lemma_.lower() not in LEADERS or not _describes_speaker(tok):
                continue
            led = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
            if not led or any(p.start < sent.end_char for p in persons):
                continue
            start, end = tok.left_edge.idx, led[0].right_edge.idx + len(led[0].right_edge)
            if any(s <= tok.idx < e for s, e in taken):
                continue
            after = sents[n + 1]
            named = [p for p in persons if after.start_char <= p.start < after.end_char]
            head = _head_token(doc, named[0]) if named else None
            described = head is not None and any(
                c.dep_ == "appos" and c.lemma_.lower() not in LEADERS for c in head.children
            )  # "Omar Dane, a customer, said": someone else
            if head is not None and _describes_speaker(head) and not described:
                out.append(
                    ActorMention(named[0].name, "person", text_of(doc)[start:end], start, end, role=True)
                )
    return out


def _describes_speaker(tok) -> bool:
    """Is ``tok`` (part of) the active subject of a verb of saying (see ``_speaks``)?"""
    while tok.dep_ in ("compound", "flat") and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "nsubj" and _speaks(tok)


# Plural words for organisations of any kind that stand for several named together before: "the
# agencies said" after "The Fed, the FDIC and the Treasury said" (not "the banks", which are banks).
BODIES = {"agency", "regulator", "government", "organization", "organisation"}


def joint_mentions(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "the agencies" (and "the two companies", "the regulators") as the organisations a clause of
    the sentences before it named together as its subject ("The Fed, the FDIC and the Treasury said"),
    the nearest such clause, up to ``DESCRIPTION_REACH`` sentences back."""
    organizations = [m for m in mentions if m.kind == "organization" and not m.role]
    if len(organizations) < 2:
        return []
    sents = sentences_of(doc)
    out = []
    for n, sent in enumerate(sents):
        for tok in sent:
            if not _several_bodies(tok):
                continue
            for before in reversed(sents[max(0, n - DESCRIPTION_REACH) : n]):
                together = _named_together(before, organizations)
                if len(together) > 1:
                    start, end = tok.left_edge.idx, tok.idx + len(tok)
                    text = text_of(doc)[start:end]
                    out += [
                        ActorMention(name, "organization", text, start, end, role=True) for name in together
                    ]
                    break
    return out


def _several_bodies(tok) -> bool:
    """Is ``tok`` the head of "the agencies", "the two regulators": a subject naming no one by name?"""
    return (
        tok.tag_ == "NNS"
        and tok.dep_ in SUBJECTS
        and tok.lemma_.lower() in BODIES
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(c.dep_ in ("amod", "compound", "poss") for c in tok.children)
    )


def _named_together(sent, organizations: list[ActorMention]) -> list[str]:
    """The organisations a clause of ``sent`` names together as its subject, in order."""
    for tok in sent:
        if tok.dep_ not in SUBJECTS:
            continue
        names = [m.name for m in mentions_at(subject_words(tok), organizations)]
        if len(set(names)) > 1:
            return list(dict.fromkeys(names))
    return []


def settlement_mentions(text: str, mentions: list[ActorMention], is_settlement) -> list[ActorMention]:
    """ "the city" as the nearest settlement named before it (``is_settlement(name)`` tells which
    places are towns and cities; a country is not "the city")."""
    places = sorted(
        (m for m in mentions if m.kind == "place" and is_settlement(m.name)), key=lambda m: m.start
    )
    out = []
    for match in SETTLEMENT.finditer(text):
        before = [m for m in places if m.end <= match.start()]
        if before:
            out.append(
                ActorMention(before[-1].name, "place", match.group(), match.start(), match.end(), role=True)
            )
    return out
