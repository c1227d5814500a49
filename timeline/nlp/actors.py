"""Actors: people, organisations, places and groups named in a text, resolved to canonical names.

spaCy's entities are corrected by a gazetteer (data: ``fixtures/actors.json`` loaded into the
database). Known spellings are found by a scan of the text as well, so a name the tagger missed or
mis-bounded is still found. New spellings of known names are matched on a transliteration skeleton.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process
from spacy.tokens import Span

from .anaphora import (
    COMPANY_NOUNS,
    appositive_mentions,
    described_mentions,
    it_mentions,
    joint_mentions,
    leader_mentions,
    pronoun_mentions,
    settlement_mentions,
)
from .pipeline import datelines_in, text_of
from .types import ActorMention

ENTITY_KINDS = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
POSSESSIVE = re.compile(r"(?:'s|’s|‘s|'|’)$")
# Words that come before a name without being part of it ("Colonel general Oleksandr Syrskyi").
TITLE_WORDS = {
    "president", "prime", "minister", "chancellor", "secretary", "general", "colonel", "spokesman",
    "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr", "sir", "king", "queen", "prince", "pope",
    "senator", "governor", "mayor", "commander", "admiral", "marshal", "director", "ambassador",
    "chairman", "leader", "premier", "foreign", "defence", "defense", "deputy", "vice", "former",
    "brigadier", "lieutenant", "major", "captain", "sergeant", "founder", "envoy", "the",
    "adm", "col", "gen", "lt", "sgt", "capt", "maj", "cmdr", "rep", "sen", "gov", "rear", "chair",
    "chairwoman", "chairperson", "chief", "officer", "professor", "prof", "judge", "justice", "rev",
    "sheikh", "speaker", "superintendent", "inspector", "constable", "detective", "agent", "ceo",
    "administrator", "commissioner", "first", "lady", "princess", "emperor", "empress", "tsar", "sultan",
    "emir", "coordinator", "manager", "sheriff", "trooper", "treasurer", "attorney", "councilman",
    "councilwoman", "councillor", "councilor", "congressman", "congresswoman", "assemblyman",
    "assemblywoman", "supervisor", "executive", "economist", "analyst", "ayatollah", "imam",
}  # fmt: skip
FUZZY_THRESHOLD = 88  # rapidfuzz ratio on transliteration skeletons
# "X (Y)": Y is another name of X when it is one to three capitalised words.
PAREN_ALIAS = re.compile(r"\s*\(((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})\)")
_SKELETON_RULES = [
    (r"[^a-z ]", ""),
    (r"(?:tch|tsch|sch|ch|sh|ts|tz|c)", "c"),
    (r"(?:kh|h)", "h"),
    (r"(?:zh|dzh|dj|j)", "j"),
    (r"(?:ck|q|k)", "k"),
    (r"(?:ph|f|v|w)", "v"),
    (r"p", "b"),
    (r"[ou]+", "u"),
    (r"[eiy]+", "i"),
    (r"(.)\1+", r"\1"),
]


def normalize(name: str) -> str:
    return " ".join(name.casefold().replace("\u2019", "'").split()).strip(".,;:'\"")


# Spellings of one name that differ only in how they are written: "U.S." and "United States",
# "Corp." and "Corporation".
_WRITTEN = [
    (r"\bu\.\s?s\.?(?=\s|$)", "us"),
    (r"\bunited states\b", "us"),
    (r"\bcorp\b\.?", "corporation"),
    (r"\binc\b\.?", "incorporated"),
    (r"\bco\b\.", "company"),
    (r"\bdept\b\.?", "department"),
    (r"\bdefence\b", "defense"),  # British and American spelling
    (r"\bcentre\b", "center"),
    (r"'s\b", ""),  # "Russia's defence ministry"
]
# A government's bodies, which a name writes before or after what they are of ("Ministry of the
# Interior", "Interior Ministry").
GOVERNMENT_BODIES = {"ministry", "department"}


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as compared with others: case, accents ("Kahramanmaraş"), punctuation and the ways
    "U.S." or "Corp." are written make no difference."""
    key = unicodedata.normalize("NFKD", normalize(name))
    key = "".join(c for c in key if not unicodedata.combining(c))
    for pattern, repl in _WRITTEN:
        key = re.sub(pattern, repl, key)
    return " ".join(_body_last(re.sub(r"[^\w\s]", " ", key).split()))


def _body_last(words: list[str]) -> list[str]:
    """A government body's name written as "X Ministry" ("Ministry of the Interior" -> "interior
    ministry", "Department of Defense of the US" -> "us defense department", "Ministry of Foreign
    Affairs" -> "foreign ministry"); other names as they are."""
    at = next((i for i, w in enumerate(words[:-2]) if w in GOVERNMENT_BODIES and words[i + 1] == "of"), None)
    if at is not None:
        rest = words[at + 2 :]
        cut = rest.index("of") if "of" in rest else len(rest)
        subject, owner = rest[:cut], rest[cut + 1 :]
        words = [*_without_the(owner), *words[:at], *_without_the(subject), words[at]]
    if len(words) > 2 and words[-1] in GOVERNMENT_BODIES and words[-2] == "affairs":
        words = words[:-2] + words[-1:]
    return words


def _without_the(words: list[str]) -> list[str]:
    return words[1:] if words[:1] == ["the"] else words


def initials(name: str) -> str:
    """ "Federal Deposit Insurance Corporation" -> "FDIC", "US Coast Guard" -> "USCG": the capitals
    of its words but "of" or "and" (an abbreviation such as "US" whole)."""
    words = re.findall(r"[A-Z][\w'’-]*", name)
    return "".join(w if w.isupper() else w[0] for w in words).upper()


# An acronym with a prefix of its own: "HI-EMA" (Hawaii Emergency Management Agency).
PREFIXED_ACRONYM = re.compile(r"\b[A-Z]{1,4}-[A-Z]{2,}\b")


def abbreviates(acronym: str, name: str) -> bool:
    """ "HI-EMA" of "Hawaii Emergency Management Agency": every word of the name (but "of" or "and")
    gives the acronym its first letter, in order, and the letters after it, if any, come from that
    word too ("HI" of "Hawaii")."""
    letters = acronym.replace("-", "").upper()
    words = [w.upper() for w in re.findall(r"[A-Z][\w'’-]*", name)]

    def fits(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        if i == len(letters) or letters[i] != words[j][0]:
            return False
        rest, k = words[j][1:], i + 1
        if fits(k, j + 1):
            return True
        for letter in rest:  # the word's further letters, in order, while the acronym's agree
            if k < len(letters) and letter == letters[k]:
                k += 1
                if fits(k, j + 1):
                    return True
        return False

    return len(words) > 1 and fits(0, 0)


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A spelling-blind key: Bakhmut/Bakhmout/Pakhmot, Zelensky/Zelenskiy/Zelenskyy, Kiev/Kyiv.

    Names reach English through several transliterations (and through back-translation of
    machine-translated text), which disagree mostly on vowels, on b/p and v/f/w, and on ch/c/ts.
    """
    key = normalize(name)
    for pattern, repl in _SKELETON_RULES:
        key = re.sub(pattern, repl, key)
    return key


@dataclass
class Gazetteer:
    """Known actors: a normalised alias maps to (canonical name, kind); plus roles and affiliations."""

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)  # normalised alias -> alias as written
    roles: dict[str, set[str]] = field(default_factory=dict)  # "chinese president" -> {"Xi Jinping"}
    affiliation: dict[str, str] = field(default_factory=dict)  # "Kyiv" -> "Ukraine"
    # normalised aliases known only as the tagger finds them: neither searched for in the text nor
    # met by another spelling ("Columbia" the company is no "Colombia", "New Jersey" holds no "Jersey")
    exact: set[str] = field(default_factory=set)
    _skeletons: dict[str, str] | None = field(default=None, repr=False)
    _scanner: re.Pattern | None = field(default=None, repr=False)
    _bodies: dict[str, tuple[str, str]] | None = field(default=None, repr=False)
    _spelt: dict[str, tuple[str, str] | None] = field(default_factory=dict, repr=False)  # ``fuzzy``'s

    def add(
        self, name: str, kind: str, aliases=(), roles=(), affiliation: str | None = None, *, exact=False
    ) -> None:
        for alias in (name, *aliases):
            self.entries[normalize(alias)] = (name, kind)
            if exact:
                self.exact.add(normalize(alias))
            else:
                self.spellings.setdefault(normalize(alias), alias)
        for role in roles:
            self.roles.setdefault(normalize(role), set()).add(name)
        if affiliation:
            self.affiliation[name] = affiliation
        self._skeletons = self._scanner = self._bodies = None
        self._spelt.clear()

    def kind_of(self, name: str) -> str | None:
        known = self.entries.get(normalize(name))
        return known[1] if known else None

    def lookup(self, text: str) -> tuple[str, str] | None:
        """The known actor ``text`` names: one of its spellings, or a government body's name written
        another way ("Ministry of Defence of Russia" for the "Russian Defence Ministry")."""
        known = self.entries.get(normalize(text))
        if known is None and (key := self.body_key(text)):
            if self._bodies is None:
                self._bodies = {}
                for alias in self.entries.keys() - self.exact:
                    if body := self.body_key(alias):
                        self._bodies.setdefault(body, self.entries[alias])
            known = self._bodies.get(key)
        return known

    def body_key(self, name: str) -> str | None:
        """A government body's ``name_key`` with its country as the gazetteer names it, whether
        written as its people ("Russian"), an owner ("Russia's") or short ("US"); None for another
        name."""
        words = name_key(name).split()
        if len(words) < 2 or words[-1] not in GOVERNMENT_BODIES:
            return None
        for n in range(min(3, len(words) - 2), 0, -1):
            known = self.entries.get(" ".join(words[:n]))
            if known is not None and known[1] == "place":
                return " ".join([name_key(known[0]), *words[n:]])
        return " ".join(words)

    def fuzzy(self, text: str) -> tuple[str, str] | None:
        """A known actor whose name is a variant spelling of ``text``, or None (found once per name:
        an article names the same people again and again)."""
        if text not in self._spelt:
            self._spelt[text] = self._spelt_like(text)
        return self._spelt[text]

    def _spelt_like(self, text: str) -> tuple[str, str] | None:
        if self._skeletons is None:
            self._skeletons = {}
            for alias in self.entries.keys() - self.exact:
                self._skeletons.setdefault(skeleton(alias), alias)
        key = skeleton(text)
        if len(key) < 4:
            return None
        if key in self._skeletons:
            return self.entries[self._skeletons[key]]
        if len(key) < 6:
            return None
        best = process.extractOne(
            key, self._skeletons.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD
        )
        if not best or not _word_by_word(key, best[0]):
            return None
        return self.entries[self._skeletons[best[0]]]

    def scan(self, text: str):
        """Every place where a known capitalised spelling occurs in ``text``: (start, end, alias)."""
        if self._scanner is None:
            names = sorted(
                (s for s in self.spellings.values() if s[:1].isupper() and len(s) > 1), key=len, reverse=True
            )
            if not names:
                return []
            self._scanner = re.compile(rf"(?<![\w-])(?:{_trie_pattern(names)})(?![\w-])")
        return [(m.start(), m.end(), m.group()) for m in self._scanner.finditer(text)]

    def stands_for(self, name: str, kind: str) -> str | None:
        """The country a capital, a seat of government or an institution speaks for ("Kyiv" -> Ukraine)."""
        if kind in ("place", "organization"):
            return self.affiliation.get(name)
        return None


def _trie_pattern(words) -> str:
    """One regular expression for any of ``words``, as a tree of their shared beginnings ("New
    (?:York|Jersey)"): the engine reads each letter once instead of trying every word in turn, which
    makes a gazetteer of some thousand spellings cheap to search. Longer words are tried before
    their beginnings ("New York City" before "New York"), as in a list sorted longest first."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if "" in node:
            branches.append("")  # the word ending here, tried last
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(tree)


# How alike each word of a name must be to a word of the known name it is a variant spelling of.
WORD_THRESHOLD = 80


def _word_by_word(key: str, known: str) -> bool:
    """Is every word of four letters or more of a name's skeleton spelt like some word of the known
    name's ("zelenskiy" / "zelensky"), not another word beside the same ones ("Royal Armed Forces" is
    no "Russian Armed Forces")?"""
    if key.replace(" ", "") == known.replace(" ", ""):
        # "UnitedStates" run together; not a name of more words that runs into one ("Beit El", "Bettel")
        return key.count(" ") <= known.count(" ")
    words = known.split()
    return all(
        any(fuzz.ratio(word, other) >= WORD_THRESHOLD for other in words)
        for word in key.split()
        if len(word) >= 4
    )


# What a tagger takes into a name that is no part of it: a dateline ("BOSTON – Coast Guard"), an
# owner ("Baltimore's Key Bridge"), an abbreviation in brackets ("Centre (JRCC").
DATELINE = re.compile(r"^.*\s[–—-]\s")
OWNER = re.compile(r"^(?:[A-Z][\w.-]*\s){0,3}?[A-Z][\w.-]*(?:'s|’s|‘s)\s+(?=[A-Z])")
PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "miss"}
# Titles written between an organisation's name and a person's ("Coast Guard Rear Adm. John Mauger").
RANKS = {
    "rear", "adm", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr", "spokesman", "spokeswoman",
    "spokesperson", "chief", "officer", "commander", "director", "chairman", "chair", "president",
}  # fmt: skip
# "McDonald's Corp." is a company's name, not McDonald's corporation.
COMPANY_WORDS = {"corp", "corporation", "inc", "co", "company", "group", "holdings", "restaurants", "stores"}


# Designations written with a point that belongs to the name ("Federal Deposit Insurance Corp.").
ABBREVIATED = {"corp", "inc", "co", "ltd"}


# Words that join a name to the next, which a tagger may take into the first: "the FAA and".
JOINING_WORDS = {"and", "or", "of", "the", "for", "with"}


def _is_title(word: str, titles=TITLE_WORDS) -> bool:
    """ "Adm.", "Governor": a word written before a name, not part of it."""
    return word.casefold().rstrip(".") in titles


def _only_titles(name: str) -> bool:
    """ "Rear Adm.", "Col.": a title the tagger took for a name."""
    return all(_is_title(w) for w in name.split())


WEB_WORDS = re.compile(r"\bhttps?://\S+|(?<!\w)[#@]\w+")


def clean_name(text: str, *, person: bool = True) -> str:
    """Strips a possessive, punctuation, a dateline, an owner and (from a person's name) leading
    titles: "President Xi Jinping's" -> "Xi Jinping", "Baltimore's Francis Scott Key Bridge" ->
    "Francis Scott Key Bridge"; titles after an organisation's name go too ("Coast Guard Rear")."""
    # an editor's words put into a quotation are part of the name: "Gov. [Mike] DeWine"; a web
    # address or a hashtag a post ends on is not ("#Idalia https://t.co/…")
    text = WEB_WORDS.sub(" ", text.replace("[", "").replace("]", ""))
    text = POSSESSIVE.sub("", " ".join(text.split()).strip())
    owner = OWNER.match(text)
    if owner and not _owned(text[owner.end() :]):
        text = text[owner.end() :]
    text = DATELINE.sub("", text).split(" (")[0]
    abbreviated = text.endswith(".") and text.rsplit(" ", 1)[-1].casefold().rstrip(".") in ABBREVIATED
    text = text.strip(" .,;:\"'“”‘()") + ("." if abbreviated else "")
    words = text.split(" ")
    if words and words[0].casefold() == "the":
        words = words[1:] or words
    while len(words) > 1 and words[-1] in JOINING_WORDS:
        words = words[:-1]  # "Federal Aviation Administration and", of "... and Coast Guard"
    while len(words) > 1 and (person or _is_title(words[0], PERSONAL_TITLES)) and _is_title(words[0]):
        words = words[1:]
    while not person and len(words) > 1 and _is_title(words[-1], RANKS):
        words = words[:-1]
    return " ".join(words)


def _owned(name: str) -> bool:
    """Is a name written after an owner part of the owner's name: a company's ("McDonald's Corp.") or
    a country's body ("Russia's Defence Ministry")?"""
    return name.split(" ")[0].casefold().rstrip(".") in COMPANY_WORDS or name_key(name).endswith(
        tuple(f" {body}" for body in GOVERNMENT_BODIES)
    )


def _strip_demonym(text: str, gazetteer: Gazetteer) -> str:
    """ "Chinese President Xi Jinping" -> "Xi Jinping": a demonym and titles before a person's name."""
    words = text.split(" ")
    while len(words) > 1 and (
        words[0].casefold() in TITLE_WORDS
        or gazetteer.kind_of(words[0]) == "place"
        and words[1][:1].isupper()
    ):
        words = words[1:]
    return " ".join(words)


@dataclass
class _Raw:
    text: str  # the cleaned spelling
    kind: str
    start: int
    end: int
    known: tuple[str, str] | None
    # the spelling with its titles, when the text puts some before it ("Mr Bazoum")
    written: tuple[str, ...] = ()


# Words that make a place's name another place's when written before it: "East Palestine" (Ohio) is
# not Palestine, "New Mexico" not Mexico.
PLACE_BEFORE = re.compile(r"\b(?:North|South|East|West|New|Old|Upper|Lower|Little|Great|Port|Fort|Mount)\s$")


# A country written as the owner of what follows ("Chile's Interior Ministry").
COUNTRY_OWNER = re.compile(r"(?<![\w-])((?:[A-Z][\w.-]*\s){0,2}[A-Z][\w.-]*)(?:'s|’s)\s$")


def _place_begins(text: str, start: int) -> int:
    """Where a place's name written at ``start`` begins, with a word of ``PLACE_BEFORE`` before it."""
    before = PLACE_BEFORE.search(text, max(0, start - 12), start)
    return before.start() if before else start


def _names_in(ent) -> list:
    """The names in an entity the tagger ran over a verb: "Xinhua quoted Chinese Foreign Ministry" is
    "Xinhua" and "Chinese Foreign Ministry" (a name holds no verb written in lower case)."""
    verbs = [tok.i for tok in ent if tok.is_lower and tok.pos_ in ("VERB", "AUX")]
    if not verbs:
        return [ent]
    bounds = zip([ent.start - 1, *verbs], [*verbs, ent.end], strict=True)
    doc = ent.doc
    return [Span(doc, a + 1, b, label=ent.label_) for a, b in bounds if b > a + 1]


def _raw_mentions(doc, gazetteer: Gazetteer) -> list[_Raw]:
    """Gazetteer hits first, then spaCy's entities that add something (not inside a hit)."""
    text = text_of(doc)
    datelines = datelines_in(doc)  # where a story was filed is no actor of what it tells

    def datelined(s: int, e: int) -> bool:
        return any(start <= s and e <= end for start, end in datelines)

    found = []
    for s, e, alias in gazetteer.scan(text):
        if datelined(s, e):
            continue
        known = gazetteer.lookup(alias)
        if known[1] == "place" and alias == known[0] and (begins := _place_begins(text, s)) < s:
            # "East Palestine", "New Mexico": another place than the one the last word names
            found.append(_Raw(text[begins:e], "place", begins, e, None))
            continue
        found.append(_Raw(alias, known[1], s, e, known, _titled(text, s, alias, known[1], gazetteer)))
    hits = [(r.start, r.end, r.kind) for r in found]
    for ent in (piece for whole in doc.ents for piece in _names_in(whole)):
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None and (named := _name_after_title(ent)) is not None:
            # "Suzu Mayor Masuhiro Izumiya", which the tagger took for the title of a work
            kind, ent = "person", named
        if not kind or datelined(ent.start_char, ent.end_char):
            continue
        s, e = ent.start_char, ent.end_char
        if "\n" in ent.text:  # a heading run into the next line: keep the line the name ends on
            s += ent.text.rindex("\n") + 1
        if kind in ("person", "organization"):
            s = _first_names(ent, s, gazetteer)  # "Oleksii Stepanov", "OceanGate Expeditions"
        if kind == "place" and (settlement := SETTLEMENT_AFTER.match(text, e)):
            e = settlement.end()  # "Lahaina Town", of which the tagger took "Lahaina"
        if kind == "place":
            s = _place_begins(text, s)  # "Little Havana", of which the tagger took "Havana"
        owner = COUNTRY_OWNER.search(text, max(0, s - 40), s) if kind == "organization" else None
        if owner and gazetteer.kind_of(owner[1]) == "place" and _owned(ent.text):
            s = owner.start()  # "Russia's Defence Ministry", of which the tagger took the ministry
        if kind in ("person", "organization") and (regnal := _regnal(text, s, e)):
            kind, e = "person", regnal  # "King Felipe VI", which the tagger may take for an organisation
        inside = [h for h in hits if s <= h[0] and h[1] <= e]
        if any(h[0] <= s and e <= h[1] for h in hits):
            continue  # the gazetteer already names this span
        if any(h[2] == "person" for h in inside) or (inside and kind == "person"):
            continue  # a mis-bounded entity around a known name: the name is enough
        if kind in ("person", "organization") and (office := _office_holder(text, s, e, gazetteer)):
            (org_start, org_end), (s, e) = office
            org = text[org_start:org_end]
            found.append(_Raw(org, "organization", org_start, org_end, gazetteer.lookup(org)))
            kind = "person"
        name = clean_name(text[s:e], person=kind == "person")
        if kind == "person":
            name = _strip_demonym(name, gazetteer)
        if not name or not any(c.isalpha() for c in name) or _only_titles(name) or name.startswith("of "):
            continue  # "of Spain", of "the King of Spain", is an office's country, no name
        known = gazetteer.lookup(name)
        if kind == "group" and not known:
            continue  # a nationality names an actor only when it stands for a known country
        titled = clean_name(text[s:e], person=False)  # "Pope Francis", of which the tagger took the title
        written = (*_titled(text, s, titled, kind, gazetteer), titled) if kind == "person" else ()
        found.append(_Raw(name, kind, s, e, known, tuple(w for w in written if w != name)))
    # what an office is of is no actor the tagger may take it for: "State" of "Secretary of State"
    offices = [(_office_before(text, r.start, gazetteer)[0], r.start) for r in found if r.kind == "person"]
    return sorted(
        (r for r in found if r.known or r.kind == "person" or not any(a <= r.start < b for a, b in offices)),
        key=lambda r: r.start,
    )


def _name_after_title(ent):
    """The name that ends what the tagger took for the title of a work after a title word ("Suzu
    Mayor Masuhiro Izumiya": "Masuhiro Izumiya"), two or three capitalised names; else None."""
    if ent.label_ != "WORK_OF_ART":
        return None
    titles = [tok.i for tok in ent if tok.is_title and tok.lower_ != "the" and _is_title(tok.text)]
    if not titles:
        return None
    name = ent.doc[titles[-1] + 1 : ent.end]
    if not 2 <= len(name) <= 3 or not all(tok.is_title and tok.pos_ == "PROPN" for tok in name):
        return None
    return name


# Titles of an office inside an organisation ("Coast Guard Rear Adm.", "NTSB Chair"), not of a
# country's office ("Chinese President", "French Foreign Minister").
ORG_RANKS = RANKS - {"president"} | {"ceo", "secretary", "admiral"}
STATE_TITLES = {"president", "prime", "minister", "foreign", "king", "queen", "premier", "leader"}


def _office_holder(text: str, start: int, end: int, gazetteer: Gazetteer):
    """ "Coast Guard Rear Adm. Shannon Gilreath" taken by the tagger as one name: the organisation's
    span and the person's, or None. The person's name is two words or more; a place or a nationality
    before the title ("US", "Chinese") is no organisation."""
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    titles = [i for i, w in enumerate(words) if _is_title(w[2]) and w[2].casefold() != "the"]
    if not titles or titles[0] == 0:
        return None
    first = titles[0]
    last = first
    while last + 1 < len(words) and _is_title(words[last + 1][2]):
        last += 1
    office = {w[2].casefold().rstrip(".") for w in words[first : last + 1]}
    person = words[last + 1 :]
    if len(person) < 2 or office & STATE_TITLES or not office & ORG_RANKS:
        return None
    org = text[words[0][0] : words[first - 1][1]]
    if not all(w[2][:1].isupper() for w in (*words[:first], *person)) or gazetteer.kind_of(org) == "place":
        return None
    if len(words[:first]) == 1 and not org.isupper() and gazetteer.kind_of(org) != "organization":
        return None  # "Chinese", "Kremlin" unknown: a single word is an organisation only as an acronym
    return (words[0][0], words[first - 1][1]), (person[0][0], person[-1][1])


# A sovereign's or a pope's name: a name and the Roman numeral of its order ("Felipe VI").
REGNAL = re.compile(r"[A-Z][a-z]+ (?=[IVX])(X{0,3}(?:IX|IV|V?I{0,3}))(?![\w-])")
ROYAL_TITLES = {"king", "queen", "pope", "prince", "princess", "emperor", "empress", "tsar", "sultan", "emir"}


def _regnal(text: str, start: int, end: int) -> int | None:
    """Where the name of a sovereign or a pope the tagger found at ``start`` ends, or None: a name
    and a Roman numeral, which the tagger may leave out ("Felipe" of "Felipe VI") or take for an
    organisation's ("King Felipe VI"). A numeral of one letter ("Henry V") needs a royal title."""
    words = text[start:end].split(" ")
    titles = 0
    while titles < len(words) - 1 and _is_title(words[titles], ROYAL_TITLES):
        titles += 1
    name = REGNAL.match(text, start + sum(len(w) + 1 for w in words[:titles]))
    if name is None or name.end() < end:
        return None
    before = words[:titles] or text[max(0, start - 12) : start].split()[-1:]
    royal = bool(before) and _is_title(before[-1], ROYAL_TITLES)
    return name.end() if royal or len(name.group(1)) > 1 else None


def _titled(text: str, start: int, name: str, kind: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """A person's name with the titles written right before it, as spellings to keep, longest first:
    "German Chancellor Olaf Scholz" and "Chancellor Olaf Scholz", "Secretary of State Antony
    Blinken", "Chairman General Mark Milley" and "General Mark Milley" (a rank begins a title of its
    own), "Gov. Mike DeWine". Other names, and names written with no title, give none."""
    words = _office_before(text, start, gazetteer)[1] if kind == "person" else []
    if not words:
        return ()
    forms = [words]
    if gazetteer.kind_of(words[0]) == "place":
        forms.append(words[1:])  # "Chancellor Olaf Scholz" of "German Chancellor Olaf Scholz"
    ranked = [i for i in range(1, len(words)) if _is_rank(words[i]) and not _is_rank(words[i - 1])]
    if ranked and "of" not in words[ranked[0] :]:
        forms.append(words[ranked[0] :])
    return tuple(dict.fromkeys(f"{' '.join(f)} {name}" for f in forms))


# Up to six words right before a name that may be an office's: capitalised or abbreviated ones
# ("Gov.", "Rear Adm."), and "of", "for" or "the" inside one ("Secretary of State").
_OFFICE_WORDS = re.compile(r"((?:(?:[A-Z][\w'’]*\.?|of|for|the)\s+){1,6})$")
# Ranks that begin a title of their own after an office ("Chairman General Mark Milley").
MILITARY_RANKS = {
    "general", "gen", "brigadier", "admiral", "adm", "rear", "colonel", "col", "lieutenant", "lt",
    "major", "maj", "captain", "capt", "sergeant", "sgt", "commander", "cmdr", "marshal",
}  # fmt: skip


def _is_rank(word: str) -> bool:
    return _is_title(word, MILITARY_RANKS)


def _office_before(text: str, start: int, gazetteer: Gazetteer) -> tuple[int, list[str]]:
    """The office written right before a person's name at ``start``: where it begins and its words,
    or (``start``, []). An office is titles ("Rear Adm.", "Foreign Minister"), after a country's
    name or its people's ("US", "French") or not, and may end on what it is of or for ("Secretary of
    State", "Minister for Foreign Affairs")."""
    before = _OFFICE_WORDS.search(text, max(0, start - 60), start)
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", before.group(1))] if before else []
    # a sentence ends on a word written in full with a point ("Defense."), not on "Gov." or "Adm."
    ends = [i for i, (_, w) in enumerate(words) if w.endswith(".") and len(w) > 5]
    words = words[ends[-1] + 1 :] if ends else words
    while words:
        if _is_office([w for _, w in words], gazetteer):
            return before.start() + words[0][0], [w for _, w in words]
        words = words[1:]
    return start, []


def _is_office(words: list[str], gazetteer: Gazetteer) -> bool:
    if len(words) > 1 and gazetteer.kind_of(words[0]) == "place":
        words = words[1:]
    head, of, tail = words, [], []
    for i, word in enumerate(words):
        if word in ("of", "for"):
            head, of, tail = words[:i], [word], words[i + 1 :]
            break
    if tail[:1] == ["the"]:
        tail = tail[1:]
    if not head or head[0].casefold() == "the" or not all(w[:1].isupper() and _is_title(w) for w in head):
        return False
    return not of or (0 < len(tail) <= 3 and all(w[:1].isupper() for w in tail))


def _first_names(ent, start: int, gazetteer: Gazetteer) -> int:
    """Where a person's or an organisation's name begins: the tagger often leaves out an unfamiliar
    first word ("Oleksii Stepanov" found as "Stepanov", "OceanGate Expeditions" as "Expeditions"); a
    proper noun right before the name, joined to it in the parse, belongs to it unless it is a title
    or a place."""
    tok = ent[0]
    while tok.i > 0:
        before = tok.doc[tok.i - 1]
        if not (
            before.pos_ == "PROPN"
            and before.dep_ == "compound"
            and before.head.i in range(ent.start, ent.end)
            and before.lower_.rstrip(".") not in TITLE_WORDS
            and gazetteer.kind_of(before.text) is None
        ):
            break
        tok = before
    return min(start, tok.idx)


def _short_form(name: str, full_names: list[str]) -> str | None:
    """The one full name in the article that a single word names ("Xi", "Cervati")."""
    exact = [f for f in full_names if name in f.split()]
    # "Ryder" of "Pat Ryder" and "Patrick Ryder", one person: the full name of the short one
    exact = [f for f in exact if not any(same_name(f, g, "person") for g in exact if g != f)]
    if len(exact) == 1:
        return exact[0]
    if exact:
        return None
    key = skeleton(name)
    close = [
        f for f in full_names if any(len(key) >= 5 and fuzz.ratio(key, skeleton(w)) >= 80 for w in f.split())
    ]
    return close[0] if len(close) == 1 else None


def same_name(short: str, full: str, kind: str) -> bool:
    """Does ``short`` name whom ``full`` names? An acronym of its words ("FDIC"), its last words
    ("Key Bridge" of "Francis Scott Key Bridge", "Coast Guard" or "Navy" of "U.S. Coast Guard" and
    "US Navy"), its first words before a company's designation or an "of" ("OceanGate" of "OceanGate
    Expeditions", "Signature Bank" of "Signature Bank of New York"), the same words turned round
    ("Maui County", "County of Maui"), a town without the word town ("Lahaina Town"), the same name
    written another way ("Kahramanmaras"), an office of it before its place ("RCC Halifax", see
    ``office_of``), or, for a person, the same first and last names around a middle name left out
    ("Dorlian Castillo Cabrera")."""
    if kind == "person" and " " not in short and not short.isupper():
        return False
    if PREFIXED_ACRONYM.fullmatch(short):
        return kind != "person" and abbreviates(short, full)
    a, b = name_key(short).split(), name_key(full).split()
    if a and a[-1] in GOVERNMENT_BODIES and len(a) == 1:
        return False  # "the Department" is no short form of a department's name
    if kind == "person" and len(a) + len(b) > 2 and "".join(a) == "".join(b):
        return True  # "Hossein Amirabdollahian", "Hossein Amir-Abdollahian", "Hossein Amir Abdollahian"
    if not a or len(a) > len(b):
        return bool(a) and turned(a, b)
    if a == b or turned(a, b):
        return True
    if len(a) == 1 and short.isupper() and len(short) >= 3 and initials(full) == short:
        return True
    if kind == "organization" and office_of(short, full):
        return True
    if b[-len(a) :] == a and (len(a) > 1 or kind == "organization"):
        return True
    if b[: len(a)] == a and kind != "person":
        rest = b[len(a) :]
        if (rest[0] == "of" and len(a) > 1) or all(w in DESIGNATIONS for w in rest):
            return True
    if kind == "person" and len(a) > 1 and a[0] == b[0] and a[-1] == b[-1]:
        return all(w in b for w in a)
    return kind == "person" and given_name_shortened(a, b)


def given_name_shortened(short: list[str], full: list[str]) -> bool:
    """Is ``short`` the name ``full`` with its given name written short ("Pat Ryder" of "Patrick
    Ryder", "Alex Stone" of "Alexander Stone"), both as ``name_key`` writes them? The short given name
    begins the other, with three letters or more, and the other has two more at least: "Chris" of
    "Christopher", but not "Dan" of "Dana"."""
    return (
        len(short) == len(full) > 1
        and short[1:] == full[1:]
        and len(full[0]) >= len(short[0]) + 2 >= 5
        and full[0].startswith(short[0])
    )


def office_acronym(name: str) -> str | None:
    """The acronym of a name written as an acronym and the place its office serves ("RCC" of "RCC
    Halifax"), or None."""
    words = name.split()
    if len(words) != 2 or not words[0].isupper() or len(words[0]) < 3 or words[1].isupper():
        return None
    return words[0] if words[1][:1].isupper() else None


def office_of(name: str, full: str) -> bool:
    """Does ``name`` write an organisation's office as the acronym of the last words (two or more) of
    its name before the place it serves ("RCC Halifax" of the "Joint Rescue Coordination Centre")?"""
    acronym, letters = office_acronym(name), initials(full)
    return acronym is not None and len(letters) > 1 and letters.endswith(acronym)


def turned(a: list[str], b: list[str]) -> bool:
    """ "County of Maui" and "Maui County"; "Lahaina Town" and "Lahaina"."""
    if "of" in a and a.index("of") == 1 and a[2:] + a[:1] == b:
        return True
    return len(a) == len(b) + 1 and a[:-1] == b and a[-1] in SETTLEMENTS


# Words that say what kind of company a name is, not which ("OceanGate Expeditions" is OceanGate).
DESIGNATIONS = {"inc", "incorporated", "corporation", "company", "ltd", "llc", "plc", "group", "holdings",
                "expeditions", "financial", "bancorp", "department"}  # fmt: skip
# Words after a place's name that make no other place of it ("Lahaina Town", "Hatay province"). Not
# "city": Mexico City is not Mexico.
SETTLEMENTS = {"town", "village", "province", "district", "region"}
SETTLEMENT_AFTER = re.compile(rf" (?:{'|'.join(w.capitalize() for w in sorted(SETTLEMENTS))})\b")


def is_company(name: str) -> bool:
    """Does the name say it is a company's ("OceanGate Expeditions", "SVB Financial Group")?"""
    return any(w in DESIGNATIONS and w != "department" for w in name_key(name).split())


def _longer_form(name: str, kind: str, names: dict[str, str]) -> str | None:
    """The one longer name of the article that ``name`` is a form of (see ``same_name``); "U.S. Navy"
    and "US Navy" are one name. A single word the tagger took for a person is an organisation's name
    when the article names the organisation in full ("Oceangate" of "OceanGate Expeditions")."""
    kinds = (kind, "organization") if kind == "person" and " " not in name else (kind,)
    for k in kinds:
        found = {
            name_key(full): full
            for full, of_kind in names.items()
            if full != name and of_kind == k and same_name(name, full, k)
        }
        if len(found) == 1:
            return found.popitem()[1]
    return None


def find_actors(doc, gazetteer: Gazetteer | None = None) -> list[ActorMention]:
    """Actor mentions in a parsed text, in text order, resolved to canonical names.

    Order of trust: the gazetteer's exact spellings, a short form of a full name in the same text,
    a variant spelling of a known actor, and finally the entity as spaCy found it.
    """
    gazetteer = gazetteer or Gazetteer()
    raws = _raw_mentions(doc, gazetteer)
    # a full name the gazetteer knows in another spelling is known by its name: "Sergey Shoygu" is
    # Sergei Shoigu, and so is "Shoygu" before it
    spelt = {
        r.text: gazetteer.fuzzy(r.text) for r in raws if not r.known and r.kind == "person" and " " in r.text
    }
    full_names = list(
        dict.fromkeys(
            name
            for r in raws
            for name, kind in [r.known or spelt.get(r.text) or (r.text, r.kind)]
            if kind == "person" and " " in name
        )
    )
    named = {r.text: r.kind for r in raws if not r.known}
    mentions: list[ActorMention] = []
    for r in raws:
        if r.known:
            name, kind = r.known
        elif " " not in r.text and r.kind in ("person", "organization") and _short_form(r.text, full_names):
            name, kind = _short_form(r.text, full_names), "person"
        elif longer := _longer_form(r.text, r.kind, named):
            name, kind = longer, named[longer]
        elif known := gazetteer.fuzzy(r.text):
            name, kind = known
        else:
            name, kind = r.text, r.kind
        mentions.append(ActorMention(name, kind, r.text, r.start, r.end, written=r.written))
    mentions = _bracketed_acronyms(text_of(doc), _spelt_out(text_of(doc), mentions))
    mentions += _conjoined_names(doc, mentions)
    mentions += _untagged_forms(doc, mentions, gazetteer)
    mentions += _aged_names(text_of(doc), mentions)
    mentions += _described_as_companies(doc, mentions)
    mentions += _role_mentions(text_of(doc), mentions, gazetteer)
    mentions.sort(key=lambda m: m.start)
    mentions += pronoun_mentions(doc, mentions) + it_mentions(doc, mentions)
    mentions += settlement_mentions(text_of(doc), mentions, lambda name: name in gazetteer.affiliation)
    mentions += described_mentions(doc, mentions, is_company)
    mentions += appositive_mentions(doc, mentions)
    mentions += leader_mentions(doc, mentions)
    mentions += joint_mentions(doc, mentions)
    return sorted(mentions, key=lambda m: m.start)


# An acronym in brackets right after an organisation's name: "the Swiss Financial Market Supervisory
# Authority (FINMA)".
BRACKETED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Z0-9&-]{1,7})\)")


# The words of a name that an acronym spells out, back from the bracket: capitalised words and the
# small words between them ("International Federation of Red Cross and Red Crescent Societies").
_NAME_BEFORE = re.compile(r"((?:(?:[A-Z][\w'’-]*|of|for|and|the|on|de|&)\s+){1,12})$")
_SMALL_WORDS = {"of", "for", "and", "the", "on", "de", "&"}


def _spelt_out(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions, with the name that a bracketed acronym spells out taken whole where the tagger
    cut it in pieces ("International Federation for Red Cross and Red Crescent Societies (IFRC)":
    one organisation, not "Red Cross" and "Red Crescent Societies"). The name is the fewest words
    before the bracket, from a capitalised word on, whose initials hold the acronym's letters in
    order, the first two its first two letters."""
    out = list(mentions)
    for found in BRACKETED_ACRONYM.finditer(text):
        start, end = _spelt_by(text, found), found.start()
        if start is None:
            continue
        inside = [m for m in out if m.start < end and start < m.end]
        if len(inside) > 1 and all(m.kind == "organization" and not m.role for m in inside):
            name = text[start:end]
            out = [m for m in out if m not in inside] + [ActorMention(name, "organization", name, start, end)]
            # the acronym, which a piece's initials may have claimed ("IFRC": "… for Red Cross")
            out = [replace(m, name=name) if m.text == found.group(1) else m for m in out]
    return sorted(out, key=lambda m: m.start)


def _spelt_by(text: str, found: re.Match) -> int | None:
    """Where the name that a bracketed acronym spells out begins (see ``_spelt_out``), or None."""
    acronym = found.group(1).replace("&", "").replace("-", "")
    before = _NAME_BEFORE.search(text, 0, found.start() + 1)
    if before is None or len(acronym) < 3:
        return None
    words = before.group(1).split()
    for first in range(len(words) - 1, -1, -1):
        if words[first] in _SMALL_WORDS or not words[first][:1].isupper():
            continue
        initials = "".join(w[0] for w in words[first:] if w not in _SMALL_WORDS).upper()
        if initials[:2] == acronym[:2] and _in_order(acronym, initials):
            return text.index(words[first], before.start()) if len(words) - first > 2 else None
    return None


def _in_order(letters: str, initials: str) -> bool:
    """Are ``letters`` found in ``initials`` in order?"""
    rest = iter(initials)
    return all(letter in rest for letter in letters)


def _bracketed_acronyms(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions, with an acronym the article gives in brackets after an organisation's name
    standing for that organisation wherever the article writes it, whatever its letters ("FINMA" of
    "Swiss Financial Market Supervisory Authority"); an acronym given to two names stands for neither."""
    given: dict[str, set[str]] = {}
    for m in mentions:
        found = BRACKETED_ACRONYM.match(text, m.end) if m.kind == "organization" and not m.role else None
        if found and found.group(1) != m.name:
            given.setdefault(found.group(1), set()).add(m.name)
    names = {acronym: owners.pop() for acronym, owners in given.items() if len(owners) == 1}
    return [
        replace(m, name=names[m.name], kind="organization") if m.name in names and not m.role else m
        for m in mentions
    ]


def _conjoined_names(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Names the tagger missed that "and" or "or" joins to an organisation's name right before them:
    "U.S. lenders Silicon Valley Bank and Signature Bank" names two banks."""
    text = text_of(doc)
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end) if m.kind == "organization" and not m.role else None
        if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("and", "or"):
            continue
        words = []
        for tok in doc[span.end + 1 :]:
            if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_ not in ("", "ORG"):
                break  # not "Kenyan" or "Friday"
            words.append(tok)
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if not any(s < end and start < e for s, e in taken):
            out.append(ActorMention(text[start:end], "organization", text[start:end], start, end))
    return out


def _untagged_forms(doc, mentions: list[ActorMention], gazetteer: Gazetteer) -> list[ActorMention]:
    """Short forms of names the article gives in full that the tagger did not take for names: a
    person's surname alone ("Mauger said", after "Rear Adm. John Mauger") when no one else named there
    bears it, an organisation's acronym ("The DFPI appointed", after "Department of Financial
    Protection and Innovation"; "HI-EMA", after "Hawaii Emergency Management Agency"), and an
    organisation's name written again where the tagger missed it ("Coast Guard Rear Adm. Shannon
    Gilreath"; "Ecowas gave the junta seven days", where the word is a proper noun)."""
    text = text_of(doc)
    taken = [(m.start, m.end) for m in mentions]
    as_words: set[str] = set()  # one-word names written as words ("Ecowas"), found only as proper nouns
    forms: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        if m.role:
            continue
        if m.kind == "person" and len(words := m.name.split()) > 1 and words[-1][:1].isupper():
            # a sovereign's name is found whole: "VI" alone names no one
            forms.setdefault(m.name if REGNAL.fullmatch(m.name) else words[-1], set()).add((m.name, "person"))
            if (
                len(written := m.text.split()) > 1
                and written[-1] != words[-1]
                and not REGNAL.fullmatch(m.name)
            ):
                forms.setdefault(written[-1], set()).add((m.name, "person"))  # "Shoygu" as written
        if m.kind == "organization":
            if bracketed := BRACKETED_ACRONYM.match(text, m.end):
                forms.setdefault(bracketed.group(1), set()).add((m.name, "organization"))  # "… (IFRC)"
            for spelling in {m.name, m.text}:
                if len(letters := initials(spelling)) >= 3:
                    forms.setdefault(letters, set()).add((m.name, "organization"))
                if spelling[:1].isupper() and (" " in spelling or not spelling[1:].islower()):
                    forms.setdefault(spelling, set()).add((m.name, "organization"))
                elif spelling.istitle() and spelling.isalpha() and len(spelling) >= 4:
                    forms.setdefault(spelling, set()).add((m.name, "organization"))
                    as_words.add(spelling)
    for acronym in set(PREFIXED_ACRONYM.findall(text)):
        for m in mentions:
            if m.kind == "organization" and not m.role and abbreviates(acronym, m.name):
                forms.setdefault(acronym, set()).add((m.name, "organization"))
    out = []
    for form, owners in forms.items():
        if len(owners) != 1:
            continue  # "Dawood" of two Dawoods names neither
        ((name, kind),) = owners
        for match in re.finditer(rf"\b{re.escape(form)}\b", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken) or _followed_by_name(text, end):
                continue
            if form in as_words and not _proper_noun_at(doc, start, end):
                continue
            written = _titled(text, start, form, kind, gazetteer)  # "King Felipe VI"
            out.append(ActorMention(name, kind, form, start, end, written=written))
    return out


def _proper_noun_at(doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end)
    return span is not None and all(t.pos_ == "PROPN" for t in span)


# What a phrase set beside a name may call an organisation: "OceanGate, the company that …".
BUSINESSES = COMPANY_NOUNS | {"agency", "operator", "lender", "startup", "airline", "carrier", "manufacturer"}


def _described_as_companies(doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """Organisations whose text says what they are, in a phrase set beside the name ("OceanGate, the
    company that developed the submersible, said"): those the tagger missed, as new mentions; those
    it took for a person are made organisations, wherever their name is written."""
    out, companies = [], set()
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        if not any(c.dep_ == "appos" and c.lemma_.lower() in BUSINESSES for c in tok.children):
            continue
        if found := [m for m in mentions if m.start <= tok.idx < m.end]:
            companies |= {m.name for m in found if m.kind == "person" and not m.role}
            continue
        first = min((c for c in tok.children if c.dep_ == "compound"), key=lambda c: c.i, default=tok)
        name = text_of(doc)[first.idx : tok.idx + len(tok.text)]
        if name_key(name) not in DESIGNATIONS:  # not "Inc." cut from its name
            out.append(ActorMention(name, "organization", name, first.idx, tok.idx + len(tok.text)))
    for m in mentions:
        if m.name in companies:
            m.kind = "organization"
    return out


# A name written with its bearer's age after it, as news gives people's ages: "Dorlian Castillo
# Cabrera, 26, is originally from Guatemala".
AGED_NAME = re.compile(r"(?<![\w'’-])((?:[A-Z][a-zà-ÿ'’-]+ ){1,4}[A-Z][a-zà-ÿ'’-]+), \d{1,3},")


def _aged_names(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """People the tagger missed whose age the text gives after their name, with commas: two to five
    capitalised words, no title or function word among them."""
    out = []
    for match in AGED_NAME.finditer(text):
        start, end = match.span(1)
        words = match.group(1).split()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        if any(_is_title(w) or w.lower() in NOT_NAMES | CALENDAR_WORDS for w in words):
            continue  # "In March, 26," or "President Biden, 81," (a title is found with the name)
        out.append(ActorMention(match.group(1), "person", match.group(1), start, end))
    return out


# Capitalised words that open a sentence or a phrase and are no part of a name.
NOT_NAMES = {"the", "a", "an", "in", "on", "at", "by", "of", "and", "but", "or", "for", "with", "from",
             "to", "as", "after", "before", "since", "said", "says", "his", "her", "their", "our",
             "this", "that", "these", "those", "last", "next", "some", "many", "all", "each", "every",
             "both"}  # fmt: skip
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.day_name) if w}


# ", commander of the ": the words between a person and the organisation whose office they hold.
OFFICE_OF = re.compile(r",\s+((?:[A-Za-z.-]+\s+){1,3})(?:of|at)\s+(?:the\s+)?")


def employers(text: str, mentions: list[ActorMention]) -> dict[str, str]:
    """ "Coast Guard Rear Adm. John Mauger", "Silicon Valley Bank CEO Greg Becker", "John Mauger,
    commander of the First Coast Guard District": a person named right after an organisation and a
    title, or right before a title of one, serves it. Person -> organisation, where one is named."""
    orgs = [m for m in mentions if m.kind == "organization" and not m.role]
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind != "person" or m.role:
            continue
        for org in orgs:
            before = text[org.end : m.start].split() if org.end <= m.start else []
            after = OFFICE_OF.fullmatch(text[m.end : org.start]) if m.end <= org.start else None
            if (before and all(_is_title(w) for w in before)) or (
                after and all(map(_is_title, after[1].split()))
            ):
                out.setdefault(m.name, set()).add(org.name)
    return {person: orgs.pop() for person, orgs in out.items() if len(orgs) == 1}


def parents(mentions: list[ActorMention]) -> dict[str, str]:
    """ "First Coast Guard District" is a part of the "U.S. Coast Guard" the article names: an
    organisation whose name holds another organisation's name (or its short form) of two words or
    more, when that one's name does not hold its own in turn. Where it holds the short form of two
    ("Coast Guard" of the "US Coast Guard" and the "Canadian Coast Guard"), it belongs to the one whose
    whole name it holds ("Canadian Coast Guard Ships"), else to the one the article names first.
    Part -> the one whole it belongs to."""
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind == "organization" and not m.role:
            first[m.name] = min(m.start, first.get(m.name, m.start))
    out = {}
    for part in first:
        words = part.split()
        inner = {" ".join(words[i : i + n]) for n in range(2, len(words)) for i in range(len(words) - n + 1)}
        wholes = [
            whole
            for whole in first
            if name_key(whole) != name_key(part) and any(same_name(p, whole, "organization") for p in inner)
        ]
        inner_keys = {name_key(p) for p in inner}
        held = [whole for whole in wholes if name_key(whole) in inner_keys]
        if wholes:
            out[part] = held[0] if len(held) == 1 else min(wholes, key=first.__getitem__)
    # "US Coast Guard" and "Canadian Coast Guard" each hold the other's short form: two services of
    # one name, neither a part of the other
    return {part: whole for part, whole in out.items() if out.get(whole) != part}


def paren_aliases(text: str, mentions: list[ActorMention]) -> dict[str, str]:
    """ "Bakhmut (Artemovsk)": the name in brackets after a mention is another name of its actor."""
    out = {}
    for m in mentions:
        if m.role:
            continue
        at = text.find(m.text, m.start, m.end)  # "the Joint Rescue Coordination Centre (JRCC"
        after = at + len(m.text) if at >= 0 else m.end
        match = PAREN_ALIAS.match(text, after) or PAREN_ALIAS.match(text, m.end)
        if match and match.group(1) != m.text:
            out[match.group(1)] = m.name
    return out


# Offices written before a name that "the president", "the governor" later stand for, when one
# person named in the article holds the office.
OFFICES = {
    "president",
    "governor",
    "mayor",
    "senator",
    "chancellor",
    "premier",
    "secretary",
    "chairman",
    "chair",
}
# "Niger's ousted President": a place's office, with up to two words between.
OWNED_OFFICE = re.compile(
    rf"\b([A-Z][a-z]+)(?:'s|’s)\s+(?:[a-z]+\s+){{0,2}}({'|'.join(OFFICES)})\b", re.IGNORECASE
)
# Up to three capitalised words right before a name, abbreviated ones too ("Gov.", "Rear Adm.").
_TITLE_BEFORE = re.compile(r"((?:[A-Z][a-z]+\.?\s+){1,3})$")
# A post written in words before a person's rank and name: "armed forces chief General Abdou Sidikou
# Issa", "army spokesman Col. Amadou Abdramane" (a word or two, then the post's noun).
_POST_BEFORE = re.compile(
    r"(?<![\w-])((?:[a-z]+\s+){1,2}(?:chief|commander|head|spokesman|spokeswoman|spokesperson))\s+"
    r"(?:[A-Z][a-z]*\.?\s+){0,2}$"
)


def _role_mentions(text: str, mentions: list[ActorMention], gazetteer: Gazetteer) -> list[ActorMention]:
    """ "the Chinese president" names Xi Jinping in an article that names him, when no one else
    named there holds that role. Roles come from the gazetteer and from titles written before a
    name in the same text ("British Prime Minister Rishi Sunak")."""
    named = {m.name for m in mentions}
    holders: dict[str, set[str]] = {}
    for role, names in gazetteer.roles.items():
        for name in names & named:
            holders.setdefault(role, set()).add(name)
    for m in mentions:
        if m.kind != "person":
            continue
        before = _TITLE_BEFORE.search(text[max(0, m.start - 60) : m.start])
        words = before.group(1).split() if before else []
        while words and words[0].casefold() not in TITLE_WORDS and gazetteer.kind_of(words[0]) != "place":
            words = words[1:]
        if len(words) >= 2 and words[-1].casefold() in TITLE_WORDS:
            holders.setdefault(normalize(" ".join(words)), set()).add(m.name)
        if words and words[-1].casefold() in OFFICES:
            holders.setdefault(f"the {words[-1].casefold()}", set()).add(m.name)  # "the president"
        if post := _POST_BEFORE.search(text[max(0, m.start - 80) : m.start]):
            holders.setdefault(normalize(post.group(1)), set()).add(m.name)  # "armed forces chief"
    unambiguous = {role: next(iter(names)) for role, names in holders.items() if len(names) == 1}
    if not unambiguous:
        return []
    taken = [(m.start, m.end) for m in mentions if m.kind != "place"]  # "Chinese" may begin a role
    out = []
    pattern = "|".join(re.escape(r) for r in sorted(unambiguous, key=len, reverse=True))

    def free(match) -> bool:
        """Does the match overlap no name, and stand before none (a title before a name: the name
        itself is the mention)?"""
        overlaps = any(s < match.end() and match.start() < e for s, e in taken)
        return not overlaps and not _followed_by_name(text, match.end())

    for match in re.finditer(rf"\b({pattern})(?:'s|’s|s)?\b(?! of\b)", text, re.IGNORECASE):
        if not free(match):
            continue
        name = unambiguous[normalize(match.group(1))]
        out.append(ActorMention(name, "person", match.group(), match.start(), match.end(), role=True))
    # "Niger's ousted president": the place's holder of the office, the one the article names so
    for match in OWNED_OFFICE.finditer(text):
        role = f"the {match.group(2).casefold()}"
        if role not in unambiguous or gazetteer.kind_of(match.group(1)) != "place" or not free(match):
            continue
        out.append(
            ActorMention(unambiguous[role], "person", match.group(), match.start(), match.end(), role=True)
        )
    # "the Chinese and Russian presidents"
    for match in re.finditer(r"\b([A-Z]\w+) and ([A-Z]\w+) (\w+?)s\b", text):
        for word in (match.group(1), match.group(2)):
            role = normalize(f"{word} {match.group(3)}")
            if role in unambiguous:
                out.append(
                    ActorMention(
                        unambiguous[role], "person", match.group(), match.start(), match.end(), role=True
                    )
                )
    return out


def _followed_by_name(text: str, end: int) -> bool:
    """Does a name go on after ``end`` ("Coast Guard Station")? A title does not ("Coast Guard Rear Adm.")."""
    following = re.match(r"\s+([A-Z][a-z]\S*)", text[end : end + 30])
    return following is not None and not _is_title(following[1])
