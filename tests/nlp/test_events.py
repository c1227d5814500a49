"""Events from clauses: dates attached to their clause, undated reports, headlines, types."""

import datetime as dt

from timeline.nlp.actors import Gazetteer
from timeline.nlp.clauses import classify
from timeline.nlp.extract import extract_doc
from timeline.nlp.headlines import present
from timeline.nlp.pipeline import load_nlp

PUBLISHED = dt.date(2023, 3, 24)  # a Friday


def events(text, published=PUBLISHED):
    g = Gazetteer()
    g.add("Xi Jinping", "person", ["Xi"])
    g.add("Moscow", "place")
    g.add("Moscow Bridge", "organization")
    g.add("International Monetary Fund", "organization", ["IMF"])
    return extract_doc(load_nlp()(text), published, g).events


def test_a_sentence_with_two_dated_happenings_gives_two_events():
    text = "As Xi left Moscow on Wednesday, the IMF announced on Tuesday a new loan for the country."
    found = events(text)
    assert sorted(e.date_start for e in found) == [dt.date(2023, 3, 21), dt.date(2023, 3, 22)]
    imf = next(e for e in found if e.date_start == dt.date(2023, 3, 21))
    assert "International Monetary Fund" in imf.actors and imf.event_type == "announcement"


def test_a_main_clause_takes_the_date_of_a_simultaneous_as_clause():
    found = events("As the ministers ended their talks on Tuesday, the bank announced a loan.")
    assert [e.date_start for e in found] == [dt.date(2023, 3, 21)] * 2
    assert len({(e.start, e.end) for e in found}) == 2, "each report keeps its own clause"


def test_a_clause_counted_from_the_text_takes_the_day_it_also_names():
    # "hours later" counts from what the text told before, here nothing: the day named is the date
    (rocked,) = [
        e for e in events("Hours later on Monday, a second quake rocked the region.") if not e.spoken
    ]
    assert rocked.date_start == dt.date(2023, 3, 20)
    (ended,) = events("Earlier this week, on Wednesday, the IMF ended its talks.")
    assert ended.date_start == dt.date(2023, 3, 22), "a day inside the week, as before"


def test_a_record_held_since_a_year_does_not_date_the_clause():
    found = events("Xi Jinping described the flood as the country's largest disaster since 1939.")
    (event,) = [e for e in found if e.title.startswith("Xi Jinping")]
    assert event.date_start == PUBLISHED and "date_from_publication" in event.flags
    (event,) = events("Prices in Moscow have risen since 2019.")
    assert event.date_start == dt.date(2019, 1, 1)


def test_an_undated_report_is_dated_by_publication_and_flagged():
    (event,) = events("Xi Jinping arrived in Moscow for talks.")
    assert (event.date_start, event.date_end) == (PUBLISHED, PUBLISHED)
    assert "date_from_publication" in event.flags


def test_the_title_is_subject_verb_and_object_not_the_sentence():
    (event,) = events("On Monday, Xi arrived in Moscow for two days of talks with his host.")
    assert event.title == "Xi Jinping arrives in Moscow"
    assert event.event_type == "meeting"
    assert event.summary.startswith("On Monday")


def test_months_listed_with_and_date_the_happening_in_each():
    found = events("Rebels made gains in January and February.")
    assert [(e.date_start, e.date_end) for e in found] == [
        (dt.date(2023, 1, 1), dt.date(2023, 1, 31)),
        (dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
    ]


def test_a_range_stays_one_event():
    (event,) = events("Xi will make a state visit to Moscow between March 20 and 22.")
    assert (event.date_start, event.date_end) == (dt.date(2023, 3, 20), dt.date(2023, 3, 22))


def test_a_negated_or_modal_undated_clause_is_no_event():
    assert events("The ministry did not comment.") == []
    assert events("The talks could fail.") == []


def test_what_someone_is_held_to_be_is_no_event():
    assert events("He is seen as a hardline cleric and regarded as a likely successor.") == []
    assert events("The departure, while sudden, was viewed as inevitable.") == []
    assert [e.title for e in events("The ship was seen near the port.")], "seen, not held to be"


def test_the_taxonomy_and_present_tense_headlines():
    verbs = ("say", "visit", "shell", "bomb", "sign", "unveil", "order", "arrest", "eat")
    kinds = [
        "statement",
        "meeting",
        "military",
        "attack",
        "agreement",
        "announcement",
        "decision",
        "legal",
        "other",
    ]
    assert [classify(v) for v in verbs] == kinds
    assert [present(v) for v in ("arrive", "say", "reach", "deny")] == [
        "arrives",
        "says",
        "reaches",
        "denies",
    ]


def test_words_said_at_a_press_conference_are_a_statement():
    (said,) = events(
        "“The data has been shared with our experts,” said Xi Jinping, the party leader, during a press "
        "conference on Wednesday."
    )
    assert said.event_type == "statement" and said.date_start == dt.date(2023, 3, 22)


def test_holding_or_ending_talks_is_a_meeting_but_cancelling_them_is_not():
    (held,) = events("West African leaders held an emergency summit in Abuja on Sunday.")
    (ended,) = events("Xi Jinping and Putin ended their talks on Tuesday.")
    (banned,) = [e for e in events("The court banned the summit on Tuesday.") if not e.reference]
    assert (held.event_type, ended.event_type, banned.event_type) == ("meeting", "meeting", "decision")


def test_dealing_a_blow_is_no_agreement_but_striking_a_deal_is():
    (blow,) = events("Xi Jinping dealt a hefty blow to those hopes on Wednesday.")
    (deal,) = events("Xi Jinping struck a deal with Moscow on Wednesday.")
    assert (blow.event_type, deal.event_type) == ("other", "agreement")


def test_a_clause_with_a_he_said_inside_it_tells_his_words():
    (warning,) = events("The real warning, Xi Jinping said, came from the plume of smoke over Moscow.")
    (plume,) = events("The real warning came from the plume of smoke over Moscow.")
    assert warning.spoken and not plume.spoken


def test_a_quoted_first_person_clause_without_a_date_is_no_event():
    found = events('Xi Jinping spoke at noon. "When we are together, we drive these changes."')
    assert [e.title for e in found] == ["Xi Jinping speaks"]


def test_links_to_other_stories_and_syndication_notices_are_no_events():
    text = (
        "Xi Jinping arrived in Moscow on Monday.\n"
        "Also read: UK says no escalation in Ukraine after row over munitions\n"
        "The Daily Planet holds no responsibility for its content."
    )
    assert [e.title for e in events(text)] == ["Xi Jinping arrives in Moscow"]


def test_in_an_undated_article_a_report_is_undated_not_dated_by_publication():
    found = events("The minister said the talks had failed.", published=None)
    assert [(e.date_start, e.flags) for e in found] == [(None, ["undated"])]


def test_a_happening_told_inside_a_frame_that_gives_no_event_is_still_an_event():
    found = events("So far, it is known that two members of the crew were rescued.")
    assert [e.title for e in found] == ["Two members of crew are rescued"]
    assert "date_from_publication" in found[0].flags


def test_a_relative_clause_or_a_quotation_gives_no_event_of_its_own():
    text = (
        "The plan has no details on how to end the war, which has claimed tens of thousands of lives. "
        "“My cousin took the last boat,” she said."
    )
    assert not [e for e in events(text) if "claim" in e.title.casefold() or "cousin" in e.title.casefold()]


def test_a_clause_dated_by_a_week_and_a_day_of_it_takes_the_day():
    text = "The death toll from the storm that hit the coast earlier this week passed 300 on Wednesday."
    found = [e for e in events(text) if "toll" in e.title.casefold()]
    assert [(e.date_start, e.date_end) for e in found] == [(dt.date(2023, 3, 22), dt.date(2023, 3, 22))]


def test_a_statement_of_what_would_happen_is_a_statement_not_the_deed_it_foresees():
    (foreseen,) = events("The president said on Monday that the managers of the bank would be fired.")
    assert foreseen.event_type == "statement"
    (done,) = events("The ministry announced on Monday that it had dismissed the managers of the bank.")
    assert done.event_type == "decision", "what a report says was done gives its type"


def test_a_statement_of_a_deed_done_is_compared_by_that_deed():
    (said,) = events("The Coast Guard said on Tuesday that a Canadian aircraft picked up underwater noises.")
    assert (said.event_type, said.predicate) == ("statement", "pick")
    (foreseen,) = events("The Coast Guard said on Tuesday that an aircraft would search the area.")
    assert foreseen.predicate == "say", "what would be done is not done"


def test_a_report_that_a_happening_took_place_tells_of_the_happening():
    (recorded,) = events("Turkey reported a second massive quake of 7.5 magnitude on Monday.")
    assert recorded.predicate == "quake" and not recorded.spoken, "the quake, not someone's words"
    (denied,) = events("Turkey did not confirm a second quake on Monday.")
    assert denied.predicate == "confirm" and denied.spoken, "a denied report tells of no happening"
    (words,) = events("Turkey reported on Monday that rescuers were working through the night.")
    assert words.spoken, "a report of what is going on is someone's words"


def test_a_happening_named_in_passing_is_a_reference_not_an_event():
    text = "The bodies of two workers killed in the collapse of the Key Bridge were recovered on Wednesday."
    found = events(text)
    (reference,) = [e for e in found if e.reference]
    assert (reference.predicate, reference.title) == ("collapse", "the collapse of the Key Bridge")
    assert reference.date_start is None
    extraction = extract_doc(load_nlp()(text), PUBLISHED, Gazetteer())
    assert [e["title"] for e in extraction.as_json()["events"]] == ["Bodies of two workers are recovered"]


def test_a_happening_measured_by_its_magnitude_is_a_quake_named_in_passing():
    found = events("The quake comes within 12 hours of a 7.8 magnitude jolt that shook the region.")
    assert [(e.predicate, e.title) for e in found if e.reference and e.title.startswith("a ")] == [
        ("quake", "a 7.8 magnitude jolt")
    ]
    assert not [e for e in events("The bridge was hit within 12 hours of a heavy jolt.") if e.reference]


def test_the_subject_of_what_a_report_s_words_tell_is_marked_as_the_happening_it_tells():
    found = events("The survey said the 7.8 magnitude tremor struck at a depth of 18 kilometres.")
    (tremor,) = [e for e in found if e.reference]
    assert tremor.predicate == "tremor" and tremor.told_subject
    (after,) = [e for e in events("The survey said the rubble was cleared after the tremor.") if e.reference]
    assert not after.told_subject, "named in passing, not as what the words tell"


def test_a_happening_told_in_a_clause_set_beside_the_sentence_s_own_is_a_reference():
    def passing(text):
        return [(e.predicate, e.title) for e in events(text) if e.reference]

    text = "Soldiers appeared on television on Wednesday, hours after the president was held in the palace."
    assert passing(text) == [("hold", "hours after the president was held in the palace")]
    assert passing("Divers searched the river on Tuesday where the bridge collapsed.") == [
        ("collapse", "the bridge collapsed")
    ]
    assert not passing("Rescuers will leave once the crews arrive."), "not told as done"
    assert not passing("Rescuers left the port after officials said the crews had arrived."), (
        "words, not a deed"
    )
    assert not passing("Rescuers left the port because the crews had arrived."), (
        "a cause, not a happening before"
    )


def test_a_deed_set_after_the_sentence_s_own_is_named_in_passing_not_told_as_an_event():
    # the deed came before the sentence's day: dated by publication it would be a false event
    for deed in ("struck and destroyed", "collided with and destroyed"):
        text = f"Divers found two bodies on Wednesday, a day after a cargo ship {deed} the bridge."
        found = events(text)
        assert [e.title for e in found if not e.reference] == ["Divers find two bodies"], text
        (named,) = [e for e in found if e.reference]
        assert named.predicate in ("strike", "collide") and "destroyed the bridge" in named.title


def test_a_kind_of_happening_or_an_indefinite_one_is_no_reference():
    text = (
        "It was the deadliest quake since 1999. Engineers fear a collapse of other bridges. "
        "The Titanic tour submersible was found on Thursday."
    )
    assert not [e for e in events(text) if e.reference]


def test_a_relative_clause_telling_a_state_is_no_event_though_dated():
    text = "Flames leapt across wooden buildings in the town center that dates to the 1700s."
    assert not [e for e in events(text) if e.date_start and e.date_start.year < 1900]


def test_a_report_whose_subject_is_a_happening_named_before_knows_which_happening_it_tells_of():
    text = "A powerful earthquake struck the coast on Monday. The quake was also felt on the islands."
    felt = next(e for e in events(text) if "felt" in e.sentence)
    assert felt.subject_of == "quake"
    assert all(not e.subject_of for e in events("Rescuers reached the coast on Tuesday.")), "no happening"


def test_words_that_tell_what_a_happening_did_know_which_happening_they_tell_of():
    text = (
        "A powerful earthquake struck the coast on Monday. The survey said the quake struck at a depth "
        "of 18 km. The agency said data showed the quake measured 7.7. Officials said the quake will "
        "not be the last."
    )
    found = {e.sentence: e for e in events(text) if e.spoken}
    assert found["The survey said the quake struck at a depth of 18 km."].subject_of == "quake"
    assert found["The agency said data showed the quake measured 7.7."].subject_of == "quake"
    assert not found["Officials said the quake will not be the last."].subject_of, "not what it did"
    assert not next(e for e in events("Biden said the bank was safe.") if e.spoken).subject_of


def test_it_after_a_happening_is_that_happening_unless_a_name_or_another_happening_comes_between():
    def told(text, start):
        return next(e for e in events(text) if e.sentence.startswith(start)).subject_of

    quake = "A second quake struck near the town of Nurdagi on Monday. "
    assert told(quake + "It was centred 18 km deep.", "It was") == "quake"
    assert told(quake + "Turkey sent rescue teams. It flew them in.", "It flew") == "", "it is Turkey"
    assert told(quake + "It cracked roads in the hills.", "It") == "quake"
    assert told(quake + "It triggered a fire in the port.", "It") == "", "the clause names its own happening"


def test_words_said_in_a_clause_joined_to_another_or_beside_it_are_a_report_of_their_own():
    text = (
        "The search for the missing submersible continues, and authorities said an aircraft "
        "detected underwater noises."
    )
    said = [e for e in events(text) if e.spoken]
    assert [e.date_start for e in said] == [PUBLISHED], "undated: the day of publication"
    text = "The firm gave no details when the company announced that all five were lost."
    assert [e.title for e in events(text) if e.spoken] == ["Company announces all five were lost"]
    text = "The president stood his ground as organisations condemned the takeover."
    assert not [e for e in events(text) if "condemn" in e.title.casefold()], "words that frame the deed"
    text = "On Tuesday the talks ended, and the minister said the deal was done."
    (said,) = [e for e in events(text) if e.spoken]
    assert said.date_start == dt.date(2023, 3, 21), "said that day too"


def test_an_undated_deed_told_right_after_a_dated_one_is_of_that_day():
    # published on Friday 24 March: the Sunday before is 19 March
    text = "Protesters rallied in the capital on Sunday. Activists gathered in front of the embassy."
    gathered = next(e for e in events(text) if e.sentence.startswith("Activists"))
    assert (gathered.date_start, gathered.flags) == (dt.date(2023, 3, 19), ["date_from_context"])
    said = events("Rebels seized the town on Sunday. Their leader said they would hold it.")[-1]
    assert said.date_start == PUBLISHED, "when words were said is the reporter's time"
    later = "Protesters rallied on Sunday. The police are on alert. Activists gathered at the embassy."
    earlier = "Protesters rallied on Sunday. Activists had earlier gathered at the embassy."
    for text, why in ((later, "a sentence between"), (earlier, "another time")):
        gathered = next(e for e in events(text) if e.sentence.startswith("Activists"))
        assert gathered.date_start == PUBLISHED and "date_from_publication" in gathered.flags, why


def test_a_second_quake_is_told_as_another_happening_of_its_kind():
    found = events(
        "A powerful earthquake struck the coast on Monday. A second quake hit the town hours later."
    )
    assert [e.another for e in found if not e.reference] == [False, True]


def test_it_in_someone_s_words_is_the_happening_told_before_the_speaker_is_named():
    text = (
        "A second quake struck near the town of Nurdagi on Monday. The centre said data showed the "
        "quake measured 7.7. The Disaster Authority stated that it was slightly smaller."
    )
    stated = next(e for e in events(text) if e.sentence.startswith("The Disaster"))
    assert stated.subject_of == "quake"
    text = "Turkey sent rescue teams on Monday. The Disaster Authority stated that it was ready."
    assert not next(e for e in events(text) if e.sentence.startswith("The Disaster")).subject_of


def test_words_that_a_happening_did_something_tell_of_it_and_of_its_kind():
    text = "State media said Damascus was shaken by the latest large quake."
    (said,) = [e for e in events(text) if not e.reference]
    assert (said.subject_of, said.doer, said.another) == ("quake", "quake", True)
    text = "State media said Damascus was shaken by the quake."
    (said,) = [e for e in events(text) if not e.reference]
    assert (said.subject_of, said.another) == ("quake", False), "the quake told before"


def test_a_happening_that_followed_one_is_another_of_its_kind():
    text = "It was followed by a 7.5-magnitude earthquake in southeastern Turkey on Monday afternoon."
    (followed,) = [e for e in events(text) if not e.reference]
    assert followed.another
    text = "It was followed by a visit of rescue teams on Monday afternoon."
    assert not any(e.another for e in events(text))


def test_the_happening_that_did_what_a_clause_tells_is_its_doer():
    def doer(text):
        return [e.doer for e in events(text) if not e.reference]

    assert doer("A 7.8-magnitude earthquake killed more than 1,700 people on Monday.") == ["earthquake"]
    assert doer("Homes were flattened by the quake on Monday.") == ["quake"]
    assert doer("The survey said a tremor struck at a depth of 18 km.") == ["tremor"]
    assert doer("The survey said a tremor may strike the coast.") == [""], "not what it did"
    assert doer("Rescuers pulled a girl from the rubble on Monday.") == [""]
    assert doer("Turkey reported the fire on Monday.") == [""], "what was reported is no doer"


def test_whom_a_deed_was_done_to_is_named_by_its_object_or_passive_subject():
    def done_to(text):
        return [e.patients for e in events(text) if not e.reference]

    assert done_to("Guards detained Xi Jinping in Moscow on Monday.") == [["Xi Jinping"]]
    assert done_to("Xi Jinping was detained in Moscow on Monday.") == [["Xi Jinping"]]
    assert done_to("Xi Jinping detained the guards in Moscow on Monday.") == [[]], "the doer"
    assert done_to("The Moscow Bridge collapsed on Monday.") == [["Moscow Bridge"]], "what it underwent"
    assert done_to("Xi Jinping collapsed on Monday.") == [[]], "a person who fell did it"
    assert done_to("The old Moscow Bridge span collapsed on Monday.") == [["Moscow Bridge"]], "named before"
    said = [e.patients for e in events("The IMF said on Monday Xi Jinping was detained.") if e.spoken]
    assert said == [["Xi Jinping"]], "a deed told as someone's words is still done to him"
    foreseen = [
        e.patients for e in events("The IMF said on Monday Xi Jinping would be detained.") if e.spoken
    ]
    assert foreseen == [[]], "words of what would be done tell no deed"
    owner = [e.patients for e in events("The regulator took possession of Silicon Valley Bank on Friday.")]
    assert owner == [["Silicon Valley Bank"]], "what is taken possession of"
    compared = [
        e.patients
        for e in events("Bill Ackman compared the collapse of Silicon Valley Bank on Friday.")
        if not e.reference
    ]
    assert compared == [[]], "a collapse compared is nothing done to the bank"


def test_a_happening_named_by_another_noun_first_is_the_one_told_just_before():
    text = (
        "A powerful earthquake hit the coast on Monday. The survey said the tremor struck at a depth "
        "of 18 km."
    )
    survey = next(e for e in events(text) if e.sentence.startswith("The survey"))
    assert (survey.subject_of, survey.doer) == ("earthquake", "earthquake")
    text = "A tremor hit the coast on Monday. An earthquake hit the hills. The tremor was felt in the port."
    felt = next(e for e in events(text) if e.sentence.startswith("The tremor"))
    assert felt.subject_of == "tremor", "the tremor told before"


def test_words_of_no_one_named_that_frame_a_happening_told_on_its_own_are_no_event():
    found = events("A quake killed 1,700 people early Monday, officials said.")
    assert [e.spoken for e in found if not e.reference] == [False]
    found = events("A quake killed 1,700 people early Monday, Xi Jinping said.")
    assert sorted(e.spoken for e in found if not e.reference) == [False, True], "a named speaker's words"
    found = events("Environmental groups said the new canal would leave the valley dry in summer.")
    assert True in [e.spoken for e in found], "what they foresee is no happening told on its own"


def test_words_given_as_an_object_are_words_said():
    text = "Xi Jinping declared himself the leader on Friday. He made the announcement on state television."
    made = next(e for e in events(text) if e.sentence.startswith("He made"))
    assert (made.event_type, made.spoken) == ("announcement", True)
    (seen,) = [e for e in events("The West sees the peace plan as a ploy.") if not e.reference]
    assert (seen.event_type, seen.spoken) == ("other", False), "what words tell of is no words given"
    (update,) = events("Xi Jinping provided an update on the rescue operation on Monday.")
    assert (update.event_type, update.spoken) == ("statement", True), "words given, however the verb"
    (aid,) = events("Xi Jinping provided aid to the rescue operation on Monday.")
    assert (aid.event_type, aid.spoken) == ("agreement", False)


def test_the_words_said_at_a_press_conference_are_the_speaker_s():
    (said,) = events("During a Monday press conference, President Xi Jinping said supplies were available.")
    assert said.event_type == "statement" and said.agents == ["Xi Jinping"]
    assert said.title.startswith("Xi Jinping says")


def test_a_happening_of_a_kind_told_before_told_again_later_is_another():
    def another(text):
        return [e.another for e in events(text) if not e.reference]

    text = (
        "A powerful earthquake struck the coast on Monday, then about nine hours later, a 7.6 magnitude "
        "quake rocked the region."
    )
    assert another(text) == [False, True]
    assert another("Hours later on Monday, a quake rocked the region.") == [False], "none told before"
    text = "A powerful earthquake struck the coast on Monday. Hours later, the quake was felt in the capital."
    assert another(text) == [False, False], "the quake told before"


def test_every_speaker_of_words_said_together_is_one_of_their_doers():
    text = (
        "The Federal Reserve, the Federal Deposit Insurance Corporation (FDIC) and the Treasury said on "
        "Sunday that depositors would be made whole."
    )
    (said,) = [e for e in events(text) if e.predicate == "say"]
    assert set(said.agents) == {"Federal Reserve", "Federal Deposit Insurance Corporation", "Treasury"}


def test_a_deed_keeps_the_nouns_of_who_did_it_and_what_it_was_done_to():
    def roles(text):
        return [e.roles for e in events(text) if not e.reference]

    assert roles("A patrol aircraft picked up underwater noises on Tuesday.") == ["aircraft>noise"]
    assert roles("Underwater noises were heard by the aircraft on Tuesday.") == ["aircraft>noise"]
    assert roles("The aircraft heard them on Tuesday.") == [""], "a pronoun names no kind of thing"
    assert roles("The aircraft searched for the crew on Tuesday.") == [""], "nothing named as what was done"
    # a doer named by name, or by a word standing for the name, is the actor
    assert roles("President Joe Biden on Thursday signed a disaster declaration.") == [
        "Joe Biden>declaration"
    ]
    signed = "Joe Biden spoke on Thursday. He approved a disaster declaration on Thursday."
    assert roles(signed)[-1] == "Joe Biden>declaration"


def test_words_said_are_the_frame_only_of_the_happening_they_tell_not_of_one_inside_it():
    # "a quake killed 1,700, officials said": the killing is the report, "officials said" its frame
    (killed,) = [
        e for e in events("A quake killed 1,700 people early Monday, officials said.") if not e.reference
    ]
    assert killed.predicate == "kill"
    # the mother's death is told inside what the relative said: the rescue is still reported
    text = (
        "Rescuers pulled a baby alive from the rubble after finding her mother, who died in Monday's "
        "quake, a relative said."
    )
    told = {e.predicate for e in events(text) if not e.reference}
    assert told == {"pull", "die"}


def test_what_will_be_done_is_told_as_foreseen():
    told = {
        e.predicate: e for e in events("Joe Biden said on Sunday that he will address the nation on Monday.")
    }
    assert told["address"].foreseen
    assert not told["say"].foreseen, "the saying was done"


def test_an_article_naming_last_the_day_before_its_own_tells_that_day_s_news():
    # published on Friday 24 March, it names Thursday and no later day: what it tells in the past
    # tense without a day was done or said on Thursday; what goes on is of Friday
    text = (
        "Soldiers detained the president on Thursday. Crowds gathered outside. Their spokesman read "
        "a statement. The army said the borders were closed. The junta controls the capital."
    )
    dates = {e.sentence.split()[1]: (e.date_start, e.flags) for e in events(text) if not e.reference}
    assert dates["army"] == (dt.date(2023, 3, 23), ["date_from_context"])
    assert dates["spokesman"] == (dt.date(2023, 3, 23), ["date_from_context"])
    assert dates["junta"][0] == PUBLISHED, "what goes on is of the day of publication"
    foreseen = text + " The army said the airport would reopen on Friday."
    dates = {e.sentence.split()[1]: e.date_start for e in events(foreseen) if not e.reference}
    assert dates["army"] == dt.date(2023, 3, 23), "a day named for what will be is not the news day"
    friday = text + " On Friday the UN called for calm."
    dates = {e.sentence.split()[1]: e.date_start for e in events(friday) if not e.reference}
    assert dates["army"] == PUBLISHED, "an article naming its own day tells that day's news"


def test_a_weekend_named_is_no_news_day_of_its_own():
    # published on Monday 27 March: "at the weekend" ends on Sunday, the day before, but names no day
    # of it; what the article tells undated in the past tense is of its own day
    text = (
        "Rebel chief Omar Dane claimed that he had not sought power, in his first message since the march "
        "ended at the weekend. Dane renewed an allegation against the army."
    )
    dates = {e.predicate: e.date_start for e in events(text, dt.date(2023, 3, 27)) if not e.reference}
    assert dates["renew"] == dt.date(2023, 3, 27)


def test_a_day_told_after_since_dates_the_deed_it_follows_not_the_clause():
    text = (
        "Omar Dane, the leader of the Northern Legion claimed that he did not intend to overthrow the "
        "government, in the first audio message since calling his forces to revolt on Saturday."
    )
    told = [e for e in events(text, dt.date(2023, 3, 27)) if not e.reference]
    assert {e.date_start for e in told} == {dt.date(2023, 3, 27)}, "Saturday is the call's day"


def test_words_a_passive_this_names_a_speaker_of_are_the_sentence_before():
    text = (
        "Omar Dane will go into exile, and the case against him will be dropped. This was announced by "
        "government spokesman Ivan Petrov on Saturday evening.\n\nThis was stated by government spokesman "
        "Ivan Petrov on Sunday."
    )
    (said,) = events(text)
    assert said.title == "Government spokesman Ivan Petrov announces Omar Dane will go into exile"
    assert said.date_start == dt.date(2023, 3, 18) and said.event_type == "announcement"
    assert said.sentence.startswith("Omar Dane will go"), "its source shows the words said"
    # a paragraph later, "this" stands for nothing the article told: "Ivan Petrov states" is no title


def test_meeting_a_requirement_is_no_meeting():
    (met,) = events("The regulator confirmed on Tuesday that the bank met the capital requirements.")
    assert met.event_type != "meeting"
    (talks,) = events("Xi Jinping met the Russian leader in Moscow on Tuesday.")
    assert talks.event_type == "meeting"


def test_a_deed_the_parser_hung_on_its_subject_is_still_reported_with_its_doer():
    # the parse takes "Around" for the root and "collided" for a clause describing "ship"
    text = (
        "Around 1:30 A.M., the 948-foot container ship collided with the four-lane bridge, resulting in "
        "its collapse and the subsequent plummeting of cars into the river below."
    )
    (collided,) = [e for e in events(text) if not e.reference]
    assert collided.predicate == "collide"
    assert collided.title == "948-foot container ship collides with four-lane bridge"
    assert collided.part_of == "collapse", "what the collision brought about"


def test_a_deed_keeps_the_happening_it_is_part_of():
    def results(text):
        return [e.part_of for e in events(text) if not e.reference]

    assert results("The ship struck the bridge on Tuesday, causing its collapse.") == ["collapse"]
    assert results("The ship collided with the bridge on Tuesday, resulting in a collapse.") == ["collapse"]
    assert results("The ship collided with the bridge on Tuesday, resulting in long delays.") == [""], (
        "no happening"
    )
    assert results("The ship struck the bridge on Tuesday after its collapse.") == [""], "not brought about"
    # or befell in
    assert results("Her mother died in Monday's massive quake.") == ["quake"]
    assert results("Hundreds were injured in the blast on Tuesday.") == ["blast"]
    assert results("A man was charged in the bombing on Tuesday.") == [""], "the law's doing is no part of it"
    assert results("Xi said in the talks on Tuesday that peace matters.") == [""], "words are said at it"


def test_a_happening_set_beside_is_named_in_passing_even_where_the_parser_took_its_subject_for_an_object():
    # the parse reads "after a section" as a phrase and leaves "collapsed" without a subject
    text = (
        "A State of Emergency has been declared after a section of the Francis Scott Key Bridge "
        "collapsed in the Baltimore Harbor in the early morning hours Tuesday."
    )
    told = events(text, published=dt.date(2024, 3, 26))
    (declared,) = [e for e in told if not e.reference]
    assert declared.title == "A State of Emergency is declared", "the collapse is not what was declared"
    (collapse,) = [e for e in told if e.reference]
    assert collapse.predicate == "collapse"
    assert collapse.title.startswith("a section of the Francis Scott Key Bridge collapsed")


def test_words_given_by_a_person_described_by_age_are_that_person_s_announcement():
    text = (
        "Xi Jinping landed in Moscow on Monday. The 69-year-old made the announcement on state television "
        "saying he was now ready for talks."
    )
    (announced,) = [e for e in events(text) if e.predicate == "make"]
    assert announced.agents == ["Xi Jinping"], "the 69-year-old is the man named before"
    assert announced.event_type == "announcement", "made the announcement, whatever the parser made of it"


def test_declaring_oneself_something_is_a_decision_declaring_that_something_is_so_a_statement():
    (made,) = events(
        "Abdourahmane Tchiani, on Friday, declared himself the leader of the transitional government."
    )
    assert made.event_type == "decision"
    (said,) = events("Abdourahmane Tchiani declared on Friday that the transition would be short.")
    assert said.event_type == "statement"


def test_words_said_in_a_statement_named_before_are_told_as_such():
    text = (
        "In a joint statement, the agencies said on Sunday that depositors would be protected. "
        "The Federal Reserve and the Treasury said in their statement that taxpayers would not pay."
    )
    first, second = [e for e in events(text) if e.predicate == "say"]
    assert (first.said_in, first.restated) == ("statement", False)
    assert (second.said_in, second.restated) == ("statement", True)


def test_a_verb_telling_how_a_deed_was_done_gives_the_deed():
    def deeds(text):
        return [e.predicate for e in events(text) if not e.reference]

    assert deeds("Regulators rushed to close Silicon Valley Bank on Friday.") == ["close"]
    assert deeds("Governor Wes Moore wasted no time in declaring a state of emergency on Tuesday.") == [
        "declare"
    ]
    assert deeds("Regulators wanted to close Silicon Valley Bank on Friday.") == ["want"], "not done"
    assert deeds("Regulators did not rush to close Silicon Valley Bank on Friday.") != ["close"], "denied"


def test_what_is_declared_to_be_is_a_decision_not_words():
    def kinds(text):
        return [e.event_type for e in events(text) if not e.reference]

    assert kinds("Governor Wes Moore declared a state of emergency on Tuesday.") == ["decision"]
    assert kinds("A state of emergency was declared on Tuesday.") == ["decision"]
    assert kinds("Governor Wes Moore wasted no time in declaring a state of emergency on Tuesday.") == [
        "decision"
    ]
    assert "statement" in kinds("Governor Wes Moore declared on Tuesday that the port was closed."), "words"


def test_a_report_s_terms_meet_whether_a_deed_is_told_by_verb_or_noun_and_a_count_in_words_or_figures():
    (noun,) = events("The P8 detected banging sounds every thirty minutes.")
    (verb,) = events("Sonobuoys recorded that someone banged on a hull 30 times.")
    assert {"bang", "30"} <= noun.terms & verb.terms
    (meeting,) = events("The leaders held a meeting in Niamey.")
    assert "meeting" in meeting.terms, "a noun that names a happening stays that noun"


def test_a_deed_named_in_passing_by_its_verb_is_marked_so():
    found = [
        e for e in events("A state of emergency was declared after the bridge collapsed.") if e.reference
    ]
    assert [(e.predicate, e.deed_told) for e in found] == [("collapse", True)]
    found = [
        e
        for e in events("A state of emergency was declared after the collapse of the bridge.")
        if e.reference
    ]
    assert [(e.predicate, e.deed_told) for e in found] == [("collapse", False)]


def test_he_said_after_he_said_is_the_same_speaker_not_the_man_he_spoke_of():
    text = (
        "President Ana Lund condemned the uprising on Friday, AFP reported. During a televised "
        'address, she said that rebel chief Omar Dane "betrayed" the nation. "Extravagant ambitions '
        'led to treason," she said.'
    )
    (treason,) = [e for e in events(text) if "treason" in e.sentence]
    assert treason.agents == ["Ana Lund"]


def test_a_thing_released_is_a_deed_and_words_released_an_announcement():
    (gas,) = events("Crews released the gas from the tank cars into a trench on Monday.")
    (freed,) = events("The reporter was released from custody on Wednesday.")
    (words,) = events("The railroad released a statement on Monday.")
    assert (gas.event_type, gas.spoken, freed.event_type) == ("other", False, "other")
    assert (words.event_type, words.spoken) == ("announcement", True)


def test_a_deed_told_right_after_a_happening_takes_the_day_the_article_gave_that_happening():
    text = (
        "The death toll from the quake that shook the coast on Monday has risen to 15. "
        "Officials said aftershocks may follow. "
        "A fire broke out in Harbor City shortly after the quake, destroying 100 stores. "
        "Following the earthquake, a landslide buried a road near Lamont, the broadcaster reported. "
        "A second fire broke out in Lamont after the storm."
    )
    found = {e.title: (e.date_start, e.flags) for e in events(text, dt.date(2023, 3, 24))}
    assert found["Fire breaks out in Harbor City"] == (dt.date(2023, 3, 20), ["date_from_context"])
    (landslide,) = (v for k, v in found.items() if "landslide" in k.lower())
    assert landslide == (dt.date(2023, 3, 20), ["date_from_context"])
    # after a happening the article gave no day: the publication's
    (storm,) = (v for k, v in found.items() if "Second fire" in k)
    assert storm == (dt.date(2023, 3, 24), ["date_from_publication"])


def test_gunmen_who_opened_fire_shot_and_started_no_fire():
    (shooting, blaze) = events(
        "On Friday, gunmen opened fire with automatic weapons at the Harbor Hall near Moscow. "
        "A fire broke out in the hall on Friday."
    )
    assert (shooting.event_type, shooting.predicate) == ("attack", "fire")
    assert blaze.event_type != "attack"
