"""One speaker's remarks of a day, and a report that goes on telling a happening, are one event."""

import datetime as dt
from dataclasses import replace

from timeline.nlp.clustering import Profile, Report, assign, match_score, refers_to
from timeline.nlp.discourse import REMARKS_NEAR, Rarity

D = dt.date
MONDAY, SUNDAY = D(2023, 3, 13), D(2023, 3, 12)


def report(words, *, day=MONDAY, undated=False, article=1, position=0, **kw):
    return Report(
        day,
        day,
        "day",
        undated,
        MONDAY,
        words=frozenset(words.split()),
        terms=frozenset(words.split()),
        article=article,
        position=position,
        sentence=position,
        **kw,
    )


def said(words, *, agents=("Joe Biden",), about=(), **kw):
    return report(
        words, event_type="statement", predicate="say", agents=frozenset(agents), about=frozenset(about), **kw
    )


def happened(words, *, event_type="other", **kw):
    return report(words, event_type=event_type, predicate=words.split()[0], **kw)


def test_one_speakers_statements_of_one_day_are_one_event_in_any_article():
    first = said("deposits safe banks", article=1)
    second = said("managers fired losses taxpayers", article=2)
    placed = assign([second], {"remarks": Profile.of(first)})
    assert placed[0][0] == "remarks"


def test_a_speakers_remarks_join_an_event_that_opens_with_what_the_speaker_did_that_day():
    # "Biden tried to calm the markets on Monday", then his words, in one article; another outlet's
    # "Biden told Americans on Monday" is the same appearance
    calmed = happened("attempt calm markets jitters", agents=frozenset({"Joe Biden"}), article=1)
    appearance = Profile.of(calmed).absorbed(said("deposits safe banks", article=1, position=1))
    assert appearance.speakers == {"Joe Biden"}
    told = said("financial system safe taxpayers", article=2)
    assert assign([told], {"appearance": appearance})[0][0] == "appearance"
    assert not Profile.of(calmed).speakers  # a deed alone gives no speaker to join


def test_a_speakers_dated_words_join_their_undated_words_in_an_article_of_that_day():
    # "'The gains will be safeguarded,' Bazoum said on Twitter" in an article of Thursday; another
    # outlet: "Bazoum on Thursday called for the protection of the gains"
    undated = Profile.of(
        said("gains safeguarded twitter", undated=True, article=1, agents=("Mohamed Bazoum",))
    )
    dated = said("call protection gains", article=2, agents=("Mohamed Bazoum",))
    assert assign([dated], {"tweet": undated})[0][0] == "tweet"
    other = said("call protection gains", article=2, agents=("Abdou Issa",))
    assert assign([other], {"tweet": undated})[0][0] != "tweet", "another speaker"
    week = replace(dated, date_start=MONDAY - dt.timedelta(days=7), date_end=MONDAY - dt.timedelta(days=7))
    assert assign([week], {"tweet": undated})[0][0] != "tweet", "words of another day"


def test_the_same_speaker_on_another_day_is_another_event():
    sunday = Profile.of(said("deposits safe banks", day=SUNDAY, article=1))
    assert match_score(said("managers fired losses taxpayers", article=2), sunday) is None


def test_a_speakers_undated_words_in_a_later_paper_are_an_earlier_briefing_only_if_they_say_more_of_it():
    # Mauger's Monday briefing; Thursday's paper quotes him undated on what was found that day
    briefing = Profile.of(said("update rescue search oxygen hours", day=SUNDAY, agents=("John Mauger",)))
    thursday = SUNDAY + dt.timedelta(days=4)
    quoted = replace(
        said("debris consistent rescue search loss", undated=True, article=2, agents=("John Mauger",)),
        date_start=thursday,
        date_end=thursday,
        published=thursday,
    )
    assert match_score(quoted, briefing) is None, "words of the day of the article, not of Monday"
    again = replace(quoted, words=frozenset(["update", "rescue", "search", "oxygen", "loss"]))
    assert match_score(again, briefing) is not None, "much the same words"


def test_a_statement_put_out_together_is_not_one_of_its_authors_own_words_that_day():
    # "In a joint statement, the Fed, the FDIC and the Treasury said"; "Treasury Secretary Janet
    # Yellen stressed Sunday" speaks for the Treasury in her own words
    agencies = ("Federal Reserve", "FDIC", "US Treasury")
    joint = Profile.of(said("depositors access money", agents=agencies, said_in="statement"))
    yellen = said("controls place resilience", article=2, agents=("Janet Yellen", "US Treasury"))
    assert match_score(yellen, joint) is None
    spoken = Profile.of(said("depositors access money", agents=agencies))
    assert match_score(yellen, spoken) is not None, "their words of that day, not put out in writing"
    again = said("clients protected", article=2, agents=agencies)
    assert match_score(again, joint) is not None, "they said it together, in whatever words"


def test_another_speaker_the_same_day_is_another_event():
    biden = Profile.of(said("deposits safe banks", article=1))
    yellen = said("deposits safe banks", article=2, agents=("Janet Yellen",))
    assert match_score(yellen, biden) is None


def test_he_added_joins_the_remarks_his_article_told_a_few_paragraphs_before():
    dated = said("deposits safe banks", position=3)
    added = said("no losses taxpayers", undated=True, position=4)
    later = said("managers fired bonuses", undated=True, position=4 + REMARKS_NEAR)
    far = said("regulators oversight rules", undated=True, position=5 + 2 * REMARKS_NEAR)
    placed = assign([dated, added, later, far], {})
    assert placed[1][0] == placed[0][0] == placed[2][0]
    assert placed[3][0] != placed[0][0], "a remark many paragraphs on may be of another day"


def test_a_remark_made_at_another_happening_of_its_sentence_stays_with_that_happening():
    remarks = Profile.of(said("impartial position china", day=D(2023, 3, 21)))
    told = said("changes hundred years", undated=True, position=2, about={"departure"})
    assert match_score(told, remarks) is None


def test_an_undated_sentence_right_after_a_happening_that_shares_its_rare_words_tells_more_of_it():
    story = {
        n: Profile.of(happened(f"{w} turkey syria", article=9))
        for n, w in enumerate(["aid", "toll", "rescue"])
    }
    quake = happened("earthquake magnitude 7.8 strike gaziantep turkey syria", position=1)
    felt = happened("tremor feel lebanon cyprus magnitude 7.8", undated=True, position=2)
    toll = happened("buildings collapse turkey syria", undated=True, position=2)
    placed = assign([quake, felt], dict(story))
    assert placed[1][0] == placed[0][0]
    placed = assign([quake, toll], dict(story))
    assert placed[1][0] != placed[0][0], "the words every report of the story uses are not enough"


def test_an_undated_sentence_far_from_the_happening_is_not_taken_for_more_of_it():
    quake = happened("earthquake magnitude 7.8 strike gaziantep", position=1)
    later = happened("tremor magnitude 7.8 felt cyprus", undated=True, position=5)
    assert assign([quake, later], {})[1][0] != ("new", 0)


def test_a_deed_does_not_go_on_telling_what_someone_said():
    remarks = said("china impartial position", position=0)
    departs = happened("xi depart moscow china", undated=True, position=1, event_type="meeting")
    placed = assign([remarks, departs], {})
    assert placed[1][0] != placed[0][0]


def test_a_word_every_report_uses_weighs_less_than_one_few_use():
    rarity = Rarity([{"bazoum", "coup"}, {"bazoum", "detain"}, {"bazoum", "ecowas"}])
    assert rarity.weight("bazoum") < rarity.weight("detain")
    assert rarity.shared(frozenset({"bazoum", "detain"}), frozenset({"bazoum", "detain"})) == 1.0


def test_an_undated_happening_is_followed_on_only_by_the_next_sentence():
    solidarity = happened("stand xi solidarity putin west summit", undated=True, position=0)
    next_one = happened("pledge xi solidarity putin summit", undated=True, position=1)
    two_on = happened("pledge xi solidarity putin summit", undated=True, position=2)
    assert assign([solidarity, next_one], {})[1][0] == ("new", 0)
    assert assign([solidarity, two_on], {})[1][0] != ("new", 0)


def test_the_same_deed_on_the_same_day_in_two_articles_is_one_event_when_its_rarer_words_meet():
    # many reports of the story around, so that what every report names weighs little
    story = [happened(f"lose search vessel report{i}", article=i + 10) for i in range(8)]
    first = happened("lose contact sub vessel company", article=1)
    events = {i: Profile.of(r) for i, r in enumerate(story)} | {"first": Profile.of(first)}
    same = happened("lose contact mother ship vessel", article=2)
    other = happened("lose vessel shares market", article=3)
    placed = assign([same, other], events)
    assert placed[0][0] == "first"
    assert placed[1][0] != "first", "the same verb and only a word every report uses are not enough"


def test_the_same_deed_told_undated_the_day_after_joins_the_dated_report():
    story = [happened(f"rescue search river report{i}", article=i + 10) for i in range(8)]
    dated = happened("rescue two people sea crew", day=SUNDAY, article=1)
    events = {i: Profile.of(r) for i, r in enumerate(story)} | {"dated": Profile.of(dated)}
    next_day = replace(happened("rescue two people authorities", undated=True, article=2), published=MONDAY)
    placed = assign([next_day], dict(events))
    assert placed[0][0] == "dated"
    week_later = replace(
        next_day,
        published=SUNDAY + dt.timedelta(days=7),
        date_start=SUNDAY + dt.timedelta(days=7),
        date_end=SUNDAY + dt.timedelta(days=7),
    )
    assert assign([week_later], dict(events))[0][0] != "dated", "told a week later, it is another rescue"


def test_two_sources_telling_the_same_deed_done_are_one_event_whoever_tells_it():
    story = [happened(f"pick search vessel report{i}", article=i + 10) for i in range(8)]
    coast_guard = said("pick aircraft underwater noises canadian", agents=("U.S. Coast Guard",), article=1)
    coast_guard = replace(coast_guard, predicate="pick")
    events = {i: Profile.of(r) for i, r in enumerate(story)} | {"noises": Profile.of(coast_guard)}
    magazine = replace(
        said("pick aircraft banging noises", agents=("Rolling Stone",), article=2), predicate="pick"
    )
    assert assign([magazine], dict(events))[0][0] == "noises"
    opinion = said("aircraft banging noises", agents=("Rolling Stone",), article=2)
    assert assign([opinion], dict(events))[0][0] != "noises", "what two speakers say is not one statement"


def passing(words, noun, *, article=2, position=5, published=MONDAY):
    """A happening named in passing ("the collapse of the bridge") in an article of ``published``."""
    return Report(
        None, None, None, False, published, terms=frozenset(words.split()) | {noun}, predicate=noun,
        article=article, position=position, reference=True,
    )  # fmt: skip


def test_a_happening_named_in_passing_joins_the_event_that_tells_it_and_starts_none():
    story = [happened(f"bridge traffic port report{i}", article=i + 10) for i in range(8)]
    collapse = happened("collapse bridge key ship", day=SUNDAY, article=1)
    events = {i: Profile.of(r) for i, r in enumerate(story)} | {"collapse": Profile.of(collapse)}
    placed = assign([passing("key bridge", "collapse")], dict(events))
    assert placed[0][0] == "collapse"
    assert assign([passing("stock market", "collapse")], dict(events))[0] == (None, None)
    earlier = passing("key bridge", "collapse", published=SUNDAY - dt.timedelta(days=2))
    assert assign([earlier], dict(events))[0][0] is None, "an article cannot name what came after it"


def test_a_happening_named_in_passing_is_not_the_event_of_its_own_sentence_nor_another_number():
    quake = happened("quake 7.8 magnitude turkey", day=SUNDAY, article=1, position=0)
    own = passing("turkey", "quake", article=1, position=0)
    assert assign([own], {"quake": Profile.of(quake)})[0][0] is None
    assert assign([passing("7.5 turkey", "quake")], {"quake": Profile.of(quake)})[0][0] is None
    assert assign([passing("7.8 turkey", "quake")], {"quake": Profile.of(quake)})[0][0] == "quake"


def test_a_deed_named_in_passing_by_its_verb_is_an_event_of_that_deed_not_one_that_names_it():
    # "A state of emergency was declared after a section of the bridge collapsed": not the governor's
    # declaration, whose sentence names "the collapse" too, but the bridge's collapse
    declared = Profile.of(
        happened("declare emergency collapse bridge key", agents=frozenset({"Wes Moore"}), day=SUNDAY)
    )
    collapsed = Profile.of(happened("collapse bridge key ship", day=SUNDAY, article=3))
    clause = replace(passing("bridge key section harbor", "collapse"), deed_told=True)
    assert assign([clause], {"declared": declared})[0] == (None, None)
    assert assign([clause], {"declared": declared, "collapsed": collapsed})[0][0] == "collapsed"
    noun = replace(clause, deed_told=False)  # "after the collapse of the bridge", a noun
    assert assign([noun], {"declared": declared})[0][0] == "declared"


def test_what_someone_said_a_happening_did_names_that_happening_not_another_of_its_kind():
    # "A quake hit. [...] The survey said the 7.8 magnitude tremor struck 18 km deep. [...] A second
    # tremor hit": the tremor the survey's words tell is the first, which its own report joined
    first = Profile.of(happened("strike tremor 7.8 magnitude depth", doer="tremor", day=SUNDAY, article=2))
    second = Profile.of(
        happened("hit tremor second 7.8 7.5", doer="tremor", day=SUNDAY, article=2, position=3, another=True)
    )
    tremor = replace(passing("7.8 magnitude", "tremor", article=2, position=0), told_subject=True)
    assert assign([tremor], {"first": first, "second": second})[0] == (None, None)
    named = replace(tremor, told_subject=False)  # "after the 7.8 magnitude tremor": named in passing
    assert assign([named], {"first": first, "second": second})[0][0] == "second"


def test_a_speakers_words_that_tell_another_kind_of_happening_are_still_their_remarks():
    warned = said("defeat bakhmut compromise", agents=("Volodymyr Zelensky",), undated=True, position=1)
    revealed = replace(
        happened("invite xi kyiv visit", event_type="meeting", undated=True, position=4),
        agents=frozenset({"Volodymyr Zelensky"}),
        spoken=True,  # "Zelensky also revealed that he had invited Xi"
    )
    placed = assign([warned, revealed], {})
    assert placed[1][0] == placed[0][0]
    unsaid = replace(revealed, spoken=False)  # "Zelensky invited Xi": a deed, not his remarks
    placed = assign([warned, unsaid], {})
    assert placed[1][0] != placed[0][0]


def test_a_report_whose_subject_names_a_happening_tells_more_of_the_one_told_just_before():
    # "A 7.5-magnitude earthquake struck Elbistan. [...] The quake was felt as far as Cyprus."
    quake = happened("strike earthquake magnitude elbistan", position=3)
    storm = happened("hit storm coast", position=1)
    felt = happened("feel quake cyprus", undated=True, position=5, subject_of="quake")
    placed = assign([felt], {"storm": Profile.of(storm), "quake": Profile.of(quake)})
    assert placed[0][0] == "quake"
    far = replace(felt, position=9)
    assert assign([far], {"quake": Profile.of(quake)})[0][0] != "quake", "too far from the quake"
    other = replace(felt, article=2)
    assert assign([other], {"quake": Profile.of(quake)})[0][0] != "quake", "another article's quake"


def test_a_second_quake_never_joins_the_first():
    first = Profile.of(happened("strike earthquake coast", event_type="attack", article=1))
    second = happened("strike earthquake coast", event_type="attack", article=2, another=True)
    assert match_score(second, first) is None
    assert match_score(replace(second, another=False), first) is not None, (
        "the same words, not told as another"
    )
    told_on = happened("strike earthquake coast", event_type="attack", article=2, position=1)
    assert match_score(told_on, Profile.of(second)) is not None, (
        "its article's 'the quake' goes on telling it"
    )


def test_another_outlet_s_plain_account_of_a_quake_is_not_the_second_quake():
    # "A second quake struck the coast hours later" in one article; "a 7.8 quake struck the coast"
    # in another is the first one, however alike the words, told plainly or named in passing
    second = Profile.of(happened("strike earthquake coast", event_type="attack", article=1, another=True))
    plain = happened("strike earthquake coast", event_type="attack", article=2)
    assert match_score(plain, second) is None
    named = replace(plain, predicate="earthquake", reference=True, position=3)
    assert refers_to(named, second, Rarity([second.vocabulary, named.terms])) is None
    assert refers_to(named, Profile.of(plain), Rarity([plain.terms, named.terms])) is not None


def test_two_outlets_second_quake_of_one_day_is_one_happening_whatever_its_verb():
    second = Profile.of(happened("strike earthquake coast", event_type="attack", article=1, another=True))
    rocked = happened("rock earthquake region magnitude", article=2, another=True)
    assert assign([rocked], {"second": second})[0][0] == "second"
    next_day = replace(
        rocked, date_start=MONDAY + dt.timedelta(days=1), date_end=MONDAY + dt.timedelta(days=1)
    )
    assert assign([next_day], {"second": second})[0][0] != "second", "a second quake of another day"
    fire = happened("break fire hills", article=2, another=True)
    assert assign([fire], {"second": second})[0][0] != "second", "a second fire is no second quake"


def test_what_someone_said_a_happening_did_joins_that_happening_not_other_words_about_it():
    # "A 7.5-magnitude earthquake struck Elbistan. State media said the quake was felt in Damascus.
    # The centre said data showed the quake measured 7.7."
    quake = happened("strike earthquake magnitude elbistan", position=3)
    media = said("feel quake damascus", agents=("State media",), undated=True, position=4)
    centre = said("data quake measure", agents=("the centre",), undated=True, position=5, subject_of="quake")
    events = {"quake": Profile.of(quake), "media": Profile.of(media)}
    assert assign([centre], dict(events))[0][0] == "quake"
    assert assign([replace(centre, subject_of="")], dict(events))[0][0] not in ("quake", "media")


def test_a_bare_the_quake_is_the_happening_of_its_kind_told_last_before_it():
    # "A powerful earthquake hit the coast. [...] The centre said the quake measured 7.7": "the
    # quake" shares no other word; it is the earthquake told just before in its article
    storm = happened("hit storm coast", position=1)
    quake = happened("hit earthquake coast powerful", position=3)
    events = {"storm": Profile.of(storm), "quake": Profile.of(quake)}
    assert assign([passing("", "quake", article=1, position=5)], dict(events))[0][0] == "quake"
    far = passing("", "quake", article=1, position=12)
    assert assign([far], dict(events))[0][0] is None, "too far from the earthquake to know it is that one"
    elsewhere = passing("", "quake", article=2, position=5)
    assert assign([elsewhere], dict(events))[0][0] is None, "another article's quake"


def test_a_bare_the_quake_whose_own_sentence_tells_of_it_is_not_the_other_one_of_its_kind():
    # "A powerful earthquake hit the coast. [...] The tremor was also felt in Cyprus. [...] A second
    # tremor hit the region": "the tremor" felt is the earthquake its sentence joined, not the second
    quake = happened("hit earthquake coast powerful", position=1, doer="earthquake")
    felt = happened("feel tremor cyprus", undated=True, position=3, subject_of="tremor", doer="tremor")
    second = happened("hit tremor second region", position=6, another=True, doer="tremor")
    events = {"quake": Profile.of(quake).absorbed(felt), "second": Profile.of(second)}
    assert assign([passing("", "tremor", article=1, position=3)], dict(events))[0][0] is None
    events["quake"] = Profile.of(quake)
    bare = passing("", "tremor", article=1, position=3)
    assert assign([bare], dict(events))[0][0] is None, "an earthquake and a tremor: two of its kind"
    del events["quake"]
    later = assign([bare], dict(events))[0][0]
    assert later == "second", "with no tremor told in its own sentence, the one of its kind it may name"


def test_a_deed_told_again_by_its_verb_in_its_article_is_one_happening_whoever_tells_it():
    # "Rescue teams uncovered a field of debris near the wreck. [...] The Coast Guard said the debris
    # field was uncovered by a robot that had reached the sea floor"
    found = happened("uncover debris field wreck team", position=1)
    other = happened("reach robot sea floor", position=4)
    events = {"found": Profile.of(found), "other": Profile.of(other)}
    again = report(
        "uncover debris field robot coast guard", position=4, undated=True, event_type="statement",
        predicate="uncover", agents=frozenset({"Coast Guard"}), spoken=True,
    )  # fmt: skip
    assert assign([again], dict(events))[0][0] == "found"
    assert assign([replace(again, position=9)], dict(events))[0][0] != "found", "too far to be told again"
    assert assign([replace(again, article=2)], dict(events))[0][0] != "found", "another article's"
    elsewhere = replace(again, terms=frozenset({"uncover", "plot", "coast", "guard"}))
    assert assign([elsewhere], dict(events))[0][0] != "found", "another thing uncovered"


def test_a_visit_told_again_by_its_verb_in_its_article_is_the_one_visit():
    # "The king visited the injured at the Marlowe hospital on Tuesday, [...] . The monarch visited
    # several injured people at the Marlowe hospital, before donating blood [...]": "visit" names a
    # happening as a noun too, and as a verb it tells the deed again like any other
    visited = happened(
        "visit king injure victim marlowe hospital tuesday afternoon quake north",
        event_type="meeting",
        position=1,
    )
    others = {
        "reached": happened("reach team village road", position=2),
        "opened": happened("open school shelter family", position=3),
    }
    events = {"visited": Profile.of(visited), **{k: Profile.of(r) for k, r in others.items()}}
    again = happened(
        "visit monarch people injure marlowe hospital blood donate agency official",
        event_type="meeting",
        position=4,
    )
    assert assign([again], dict(events))[0][0] == "visited"
    assert assign([replace(again, position=9)], dict(events))[0][0] != "visited", "too far to be told again"


def test_what_someone_said_a_happening_did_is_placed_with_the_happenings_it_tells_of():
    # "A powerful earthquake hit the coast. The survey said the tremor struck 18 km deep. [...]
    # The tremor was also felt on the islands.": the tremor told in the survey's words is the one felt
    survey = said("survey tremor strike depth", agents=("the survey",), undated=True, position=1)
    felt = happened("feel tremor islands", undated=True, position=4, subject_of="tremor")
    placed = assign([replace(survey, subject_of="tremor"), felt], {})
    assert placed[1][0] == placed[0][0]
    placed = assign([survey, felt], {})
    assert placed[1][0] != placed[0][0], "words alone are placed after the happenings"


def test_one_article_s_second_quake_is_one_happening_when_neither_report_states_its_day():
    # "Second large earthquake strikes Turkey and Syria" and, below it, "Turkey reports that a second
    # massive earthquake has hit the southeast of the country"
    headline = happened("strike earthquake large turkey syria", undated=True, another=True, position=6)
    body = happened("hit earthquake massive southeast country", undated=True, another=True, position=7)
    placed = assign([headline, body], {})
    assert placed[1][0] == placed[0][0]
    elsewhere = replace(body, article=2)
    assert assign([elsewhere], {"second": Profile.of(headline)})[0][0] != "second", (
        "another article's undated second quake may be of another day"
    )


def test_two_articles_telling_what_one_happening_did_that_day_are_one_event():
    # "A 7.8-magnitude earthquake killed more than 1,700 people on Monday"; another outlet: "the
    # 7.8-magnitude quake struck Syria on Monday and flattened the family's home"
    killed = happened("kill earthquake people magnitude", article=1, doer="earthquake")
    flattened = happened("flatten quake family home", article=2, doer="quake")
    assert assign([flattened], {"killed": Profile.of(killed)})[0][0] == "killed"
    fire = replace(flattened, doer="fire")
    assert assign([fire], {"killed": Profile.of(killed)})[0][0] != "killed", "what a fire did"
    day_after = replace(
        flattened, date_start=MONDAY + dt.timedelta(days=1), date_end=MONDAY + dt.timedelta(days=1)
    )
    assert assign([day_after], {"killed": Profile.of(killed)})[0][0] != "killed", "another day"
    second = replace(flattened, another=True)
    assert assign([second], {"killed": Profile.of(killed)})[0][0] != "killed", "a second quake"
    # neither states its day: the same happening doing the same deed, in two articles of one day
    surprise = happened("take fire island surprise", undated=True, article=1, doer="fire")
    again = replace(surprise, article=2, terms=frozenset({"take", "fire", "island", "streets"}))
    assert assign([again], {"surprise": Profile.of(surprise)})[0][0] == "surprise"
    other_deed = replace(again, predicate="leave")
    assert assign([other_deed], {"surprise": Profile.of(surprise)})[0][0] != "surprise", "another deed"


def test_a_deed_told_in_passing_joins_the_event_whose_deed_it_is_not_one_that_names_its_words():
    # "The Navy detected the sound soon after the Titan lost contact": the event of the loss of
    # contact, not a happening whose sentence also names "contact"
    lost = happened("lose contact titan sub sunday", day=SUNDAY, article=1)
    search = happened("search contact titan sub ocean lose", day=SUNDAY, article=3)
    search = replace(search, predicate="search")
    events = {"search": Profile.of(search), "lost": Profile.of(lost)}
    told = passing("titan contact", "lose")
    assert assign([told], dict(events))[0][0] == "lost"
    assert assign([told], {"search": Profile.of(search)})[0][0] is None


def test_two_articles_telling_a_deed_done_to_one_person_that_day_are_one_event():
    # "Bazoum was confined on Wednesday by his guard"; another outlet: "Coup leaders have held Bazoum
    # in the palace since Wednesday"
    confined = happened("confine bazoum guard member", article=1, patients=frozenset({"Mohamed Bazoum"}))
    held = happened("hold bazoum palace leader", article=2, patients=frozenset({"Mohamed Bazoum"}))
    assert assign([held], {"confined": Profile.of(confined)})[0][0] == "confined"
    # told undated in an article of that day, whichever article came first
    undated = replace(held, from_publication=True)
    assert assign([undated], {"confined": Profile.of(confined)})[0][0] == "confined"
    assert assign([confined], {"held": Profile.of(undated)})[0][0] == "held"
    wednesday = MONDAY + dt.timedelta(days=2)
    later = replace(undated, date_start=wednesday, date_end=wednesday, published=wednesday)
    assert assign([later], {"confined": Profile.of(confined)})[0][0] != "confined", "its day unstated"
    freed = replace(held, patients=frozenset({"Hassoumi Massoudou"}))
    assert assign([freed], {"confined": Profile.of(confined)})[0][0] != "confined", "done to another"
    told = replace(held, spoken=True)
    assert assign([told], {"confined": Profile.of(confined)})[0][0] == "confined", (
        "the deed, as told by someone"
    )
    said = replace(held, spoken=True, predicate="say")
    assert assign([said], {"confined": Profile.of(confined)})[0][0] != "confined", "words said"


def test_what_a_happening_named_by_another_noun_did_joins_the_event_that_names_that_noun():
    # "A powerful earthquake hit the coast. The survey said the tremor struck 18 km deep. [...] The
    # tremor was also felt on the islands."
    quake = happened("hit earthquake coast survey tremor depth", undated=True, doer="earthquake")
    felt = happened("feel tremor islands", undated=True, position=3, subject_of="tremor", doer="tremor")
    assert assign([felt], {"quake": Profile.of(quake)})[0][0] == "quake"
    burned = happened("burn fire islands", undated=True, position=3, doer="fire")
    assert assign([burned], {"quake": Profile.of(quake)})[0][0] != "quake", "what a fire did"


def test_a_happening_told_by_its_verb_after_its_noun_is_the_one_named_just_before():
    # "Baltimore was rocked by a major bridge collapse on Tuesday. The Key Bridge collapsed after a
    # collision with a container ship."
    rocked = happened("rock baltimore major bridge collapse", position=0)
    collapsed = happened("collapse key bridge collision container ship", undated=True, position=1)
    assert assign([collapsed], {"rocked": Profile.of(rocked)})[0][0] == "rocked"
    far = replace(collapsed, position=9)
    assert assign([far], {"rocked": Profile.of(rocked)})[0][0] != "rocked", "too far on"
    sank = replace(collapsed, predicate="sink")
    assert assign([sank], {"rocked": Profile.of(rocked)})[0][0] != "rocked", "no sinking named"
    visits = happened("visit xi kremlin talks", position=0)
    visited = happened("visit state dinner guests", undated=True, position=1, article=1)
    assert assign([visited], {"visits": Profile.of(visits)})[0][0] != "visits", (
        "a visit is held, not incurred"
    )


def test_a_deed_told_by_another_verb_of_the_same_doer_and_thing_is_one_event():
    # "A surveillance aircraft detected underwater noises on Monday"; further on, "The aircraft heard
    # noises"; another outlet: "A military aircraft picked up noises"
    detected = happened("detect aircraft noise underwater surveillance", article=1, roles="aircraft>noise")
    heard = happened("hear aircraft noise search", article=1, position=3, roles="aircraft>noise")
    picked = happened("pick aircraft noise military", article=2, roles="aircraft>noise")
    events = {"detected": Profile.of(detected)}
    assert assign([heard], dict(events))[0][0] == "detected"
    assert assign([picked], dict(events))[0][0] == "detected"
    assert assign([replace(picked, roles="ship>noise")], dict(events))[0][0] != "detected", "another doer"
    assert assign([replace(picked, roles="aircraft>debris")], dict(events))[0][0] != "detected", (
        "another thing"
    )
    assert assign([replace(picked, roles="")], dict(events))[0][0] != "detected", "told by no nouns"
    week_later = replace(
        picked, date_start=MONDAY + dt.timedelta(days=7), date_end=MONDAY + dt.timedelta(days=7)
    )
    assert assign([week_later], dict(events))[0][0] != "detected", "another day"


def test_what_a_doer_was_to_do_on_a_day_is_what_that_doer_did_that_day():
    # Sunday's paper: "Biden will address the nation Monday morning"; Monday's: "Biden on Monday told
    # residents the banking system is sound"
    planned = happened("address nation banking", agents=frozenset({"Joe Biden"}), article=1, foreseen=True)
    told = happened("tell residents banking sound", agents=frozenset({"Joe Biden"}), article=2)
    events = {"planned": Profile.of(planned)}
    assert assign([told], dict(events))[0][0] == "planned"
    assert assign([replace(told, agents=frozenset({"Janet Yellen"}))], dict(events))[0][0] != "planned", (
        "another doer"
    )
    tuesday = replace(told, date_start=MONDAY + dt.timedelta(days=1), date_end=MONDAY + dt.timedelta(days=1))
    assert assign([tuesday], dict(events))[0][0] != "planned", "another day"
    assert assign([replace(told, foreseen=True)], dict(events))[0][0] != "planned", "two plans are not a deed"
    undated = replace(told, from_publication=True)
    assert assign([undated], dict(events))[0][0] != "planned", "the day must be stated"
    # once a third outlet told it done, what was done still joins what was to be done
    calmed = happened("attempt calm markets jitters", agents=frozenset({"Joe Biden"}), article=3)
    both = {"planned": Profile.of(planned).absorbed(told)}
    assert assign([calmed], dict(both))[0][0] == "planned"


def test_a_deed_of_a_named_doer_told_by_another_verb_is_one_event_only_on_a_day_both_state():
    # "Biden on Thursday signed a disaster declaration"; "Biden announced Thursday he approved a
    # disaster declaration" — but "GM sought clearance" and, weeks on, "GM received clearance" are two
    signed = happened(
        "sign declaration disaster", agents=frozenset({"Joe Biden"}), roles="Joe Biden>declaration"
    )
    approved = happened(
        "approve declaration disaster hawaii",
        agents=frozenset({"Joe Biden"}),
        roles="Joe Biden>declaration",
        article=2,
    )
    events = {"signed": Profile.of(signed)}
    assert assign([approved], dict(events))[0][0] == "signed"
    undated = replace(approved, from_publication=True)
    assert assign([undated], dict(events))[0][0] != "signed", "a doer by name does many things to one thing"


def test_a_deed_and_the_happening_it_brought_about_are_one_event():
    # "The bridge collapsed after a collision"; further on, "the ship collided with the bridge,
    # resulting in its collapse"
    collapsed = happened("collapse bridge collision ship container", article=1)
    collided = happened(
        "collide ship container bridge plummeting cars", article=1, position=4, part_of="collapse"
    )
    events = {"collapse": Profile.of(collapsed)}
    assert assign([collided], dict(events))[0][0] == "collapse"
    assert assign([replace(collided, part_of="")], dict(events))[0][0] != "collapse", "no result told"
    assert assign([replace(collided, part_of="fire")], dict(events))[0][0] != "collapse", "another kind"
    later = replace(
        collided, date_start=MONDAY + dt.timedelta(days=9), date_end=MONDAY + dt.timedelta(days=9)
    )
    assert assign([later], dict(events))[0][0] != "collapse", "another day"


def test_a_deed_told_as_befalling_in_a_happening_on_its_day_is_part_of_it_whatever_else_its_sentence_tells():
    # "Rescuers pulled a baby from the rubble after finding her mother, who died in Monday's quake"
    quake = happened("quake strike magnitude southeast turkey kill", doer="quake")
    died = happened(
        "die mother quake baby rubble pull rescuer cord umbilical relative home family",
        article=2,
        part_of="quake",
    )
    events = {"quake": Profile.of(quake)}
    assert assign([died], dict(events))[0][0] == "quake"
    undated = replace(died, from_publication=True)
    assert assign([undated], dict(events))[0][0] != "quake", "too few of its words, on no day of its own"


def test_words_said_in_their_statement_join_the_statement_their_article_told_before():
    # "In a joint statement, agencies including the Treasury said …"; two sentences on, "The Fed,
    # the FDIC and the Treasury said in their statement that …"
    joint = said(
        "depositors access money taxpayers", agents=("Treasury",), said_in="statement", about=("access",)
    )
    briefing = said("core goal payroll reporters", agents=("Federal Reserve",), position=1)
    again = said(
        "depositors signature bank whole",
        agents=("Federal Reserve", "FDIC", "Treasury"),
        position=2,
        said_in="statement",
        restated=True,
        about=("shuttered",),
    )
    events = {"joint": Profile.of(joint), "briefing": Profile.of(briefing)}
    assert assign([again], dict(events))[0][0] == "joint"
    assert assign([replace(again, restated=False)], dict(events))[0][0] != "joint", "another statement"
    far = replace(again, position=9, sentence=9)
    assert assign([far], dict(events))[0][0] != "joint", "too far on"


def test_words_several_said_together_join_the_statement_of_them_all_before_one_of_them_alone():
    agencies = ("Federal Reserve", "FDIC", "Treasury")
    alone = said("goal moves reporters", agents=("Federal Reserve",), article=1)
    joint = said("depositors access money", agents=agencies, article=2)
    events = {"alone": Profile.of(alone), "joint": Profile.of(joint)}
    again = said("clients protected access money", agents=agencies, article=3)
    assert assign([again], dict(events))[0][0] == "joint"
    by_one = said("clients protected access money", agents=("Federal Reserve",), article=3)
    assert assign([by_one], dict(events))[0][0] == "alone", "one speaker's words are still theirs that day"


def test_words_said_on_the_day_of_talks_their_speaker_held_are_said_at_them():
    # "Xi said on Tuesday that China had an impartial position" in the lead; "As Xi and Putin ended
    # their talks on Tuesday" further on in the article
    talks = Profile.of(
        happened(
            "end talks kremlin",
            event_type="meeting",
            agents=frozenset({"Xi Jinping", "Vladimir Putin"}),
            roles="Xi Jinping>talk",
            position=18,
        )
    )
    words = said("china impartial position", agents=("Xi Jinping",))
    assert assign([words], {"talks": talks})[0][0] == "talks"
    elsewhere = said("china impartial position", agents=("Xi Jinping",), article=2)
    assert assign([elsewhere], {"talks": talks})[0][0] != "talks", "told by another article"
    other = said("china impartial position", agents=("Joe Biden",))
    assert assign([other], {"talks": talks})[0][0] != "talks", "not one of those who met"
    visit = Profile.of(happened("visit moscow", event_type="meeting", agents=frozenset({"Xi Jinping"})))
    assert assign([words], {"visit": visit})[0][0] != "visit", "a visit is not talks"


def test_what_those_who_met_did_on_the_day_of_their_summit_was_done_at_it():
    # "West African leaders have imposed sanctions on Niger" in the lead, undated; "Leaders from
    # Ecowas held an emergency summit on Monday" next; "Ecowas gave the junta seven days"
    imposed = happened("impose sanctions niger junta", undated=True, roles="leader>sanction")
    summit = happened(
        "hold emergency summit",
        event_type="meeting",
        roles="leader>summit",
        agents=frozenset({"Ecowas"}),
        position=1,
    )
    assert assign([summit], {"imposed": Profile.of(imposed)})[0][0] == "imposed"
    gave = happened("give junta seven days", undated=True, agents=frozenset({"Ecowas"}), position=2)
    assert assign([gave], {"summit": Profile.of(summit)})[0][0] == "summit"
    others = happened("impose curfew capital", undated=True, roles="soldier>curfew")
    assert assign([summit], {"others": Profile.of(others)})[0][0] != "others", "done by others"
    elsewhere = replace(imposed, article=2)
    assert assign([summit], {"imposed": Profile.of(elsewhere)})[0][0] != "imposed", "told by another article"
    before = happened("impose sanctions niger junta", day=SUNDAY, roles="leader>sanction")
    assert assign([summit], {"before": Profile.of(before)})[0][0] != "before", "another day"


def test_what_the_one_a_deed_was_done_to_did_right_after_it_is_more_of_that_happening():
    pulled = replace(
        happened("pull safety rescuer trap hope", position=0), patients=frozenset({"Yigit Cakmak"})
    )
    smiled = replace(
        happened("smile wave carry mother hug", undated=True, position=1), agents=frozenset({"Yigit Cakmak"})
    )
    placed = assign([pulled, smiled], {})
    assert placed[1][0] == placed[0][0]
    rescuer = replace(smiled, agents=frozenset({"Rescue Team"}))
    assert assign([pulled, rescuer], {})[1][0] != placed[0][0], "another's deed shares too few words"
    too_far = replace(smiled, position=4)
    assert assign([pulled, too_far], {})[1][0] != placed[0][0], "four sentences on, it is told of anew"


def test_two_articles_telling_one_deed_undated_with_the_same_count_are_one_event():
    story = [happened(f"damage fire island report{i}", article=i + 10) for i in range(8)]
    first = happened("damage 271 structure official", undated=True, article=1)
    events = {i: Profile.of(r) for i, r in enumerate(story)} | {"first": Profile.of(first)}
    same = happened("damage 271 structure home", undated=True, article=2)
    assert assign([same], dict(events))[0][0] == "first"
    other_count = happened("damage 40 structure home", undated=True, article=2)
    assert assign([other_count], dict(events))[0][0] != "first", "without a count both give, two deeds"


def told_by(words, *speakers, roles, predicate, **kw):
    """A deed told as someone's words: "an aircraft picked up noises, the Coast Guard said"."""
    return replace(said(words, agents=speakers, **kw), spoken=True, roles=roles, predicate=predicate)


def test_what_an_article_tells_right_after_a_deed_told_as_someone_s_words_joins_that_deed():
    # "The regulator has taken possession of the bank, the agency said. It appointed a receiver.": the
    # agency told of the regulator's deed, it said nothing of its own that the deed would go on
    taken = told_by(
        "take possession bank regulator liquidity", "Agency", roles="regulator>possession", predicate="take"
    )
    appointed = happened("appoint receiver bank regulator liquidity", undated=True, position=1)
    placed = assign([replace(taken, date_start=MONDAY), appointed], {})
    assert placed[1][0] == placed[0][0]


def test_the_doer_s_own_words_of_a_deed_and_more_of_a_speaker_s_remarks_stay_words():
    approved = told_by(
        "approve declaration hawaii wildfire", "Joe Biden", roles="Joe Biden>declaration", predicate="approve"
    )
    killed = replace(
        happened("kill wildfire maui 36 lahaina", undated=True, position=2), subject_of="wildfire"
    )
    placed = assign([approved, killed], {})
    assert placed[1][0] != placed[0][0], "the wildfires named in Biden's words are not his deed"
    stressed = said("better controls capital liquidity", agents=("Janet Yellen",), day=SUNDAY)
    proved = told_by(
        "prove resilience pandemic system",
        "Janet Yellen",
        roles="system>resilience",
        predicate="prove",
        undated=True,
        position=1,
    )
    placed = assign([stressed, proved], {})
    assert placed[1][0] == placed[0][0], "she said: more of her remarks of Sunday"


def test_a_speaker_s_words_of_a_deed_told_before_join_that_deed_not_the_speaker_s_nearer_words():
    # "Biden signed a disaster declaration on Thursday. [...] Biden spoke by phone with the governor.
    # He confirmed he signed the declaration.": the signing, told again, not the call
    signed = replace(
        happened("sign declaration disaster hawaii", agents=frozenset({"Joe Biden"})), position=0
    )
    call = replace(
        said("speak phone governor green", position=3), predicate="speak", event_type="other", spoken=False
    )
    confirmed = replace(
        said("confirm sign declaration disaster federal", undated=True, position=4),
        predicate="sign",
        spoken=True,
    )
    placed = assign([signed, call, confirmed], {})
    assert placed[1][0] != placed[0][0]
    assert placed[2][0] == placed[0][0]
    more = replace(said("condolences lives lost", undated=True, position=4), spoken=True)
    assert assign([signed, call, more], {})[2][0] == placed[1][0], "other words: the nearer ones"


def test_what_a_doer_did_next_told_as_another_s_words_is_more_of_its_happening():
    # "Biden on Friday traveled to Baltimore. Biden took an aerial tour of the wreckage, the White
    # House said. [...] The Army Corps expects to open a channel by April, the White House said."
    traveled = replace(happened("travel baltimore site bridge", agents=frozenset({"Joe Biden"})), position=0)
    toured = told_by(
        "take aerial tour wreckage",
        "White House",
        roles="Joe Biden>tour",
        predicate="take",
        undated=True,
        position=1,
    )
    expects = said("army corps channel april", agents=("White House",), undated=True, position=3)
    placed = assign([traveled, toured, expects], {})
    assert placed[1][0] == placed[0][0]
    assert placed[2][0] != placed[0][0], (
        "the White House told of Biden's deed: its own words are no part of it"
    )
    later = replace(toured, position=3)
    assert assign([traveled, later], {})[1][0] != placed[0][0], "only in the very next sentence"


def test_a_happening_named_in_passing_is_the_one_of_its_kind_its_own_article_told_before_it():
    # "A wildfire tore through the hill town on Monday. [...] The conflagration swept into the hill
    # town, leaping across wooden barns with alarming speed": the article's wildfire, though another
    # outlet's brush fire of that day shares more of its words
    own = happened("tear wildfire town hill", article=1, position=0, doer="wildfire")
    other = happened("burn fire farm barn wooden leap alarming speed", article=2, position=0, doer="fire")
    events = {"other": Profile.of(other), "own": Profile.of(own)}
    named = passing("leap wooden barn alarming speed hill town", "conflagration", article=1, position=3)
    assert assign([named], dict(events))[0][0] == "own"
    assert assign([replace(named, article=3)], dict(events))[0][0] == "other", "another article's"
