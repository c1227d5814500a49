"""Headlines: the doer, the verb in the present tense and what was done, written as headlines are."""

import datetime as dt

import pytest

from timeline.nlp.actors import Gazetteer
from timeline.nlp.extract import extract_doc
from timeline.nlp.pipeline import load_nlp

PUBLISHED = dt.date(2023, 3, 24)


@pytest.fixture(scope="module")
def gazetteer():
    g = Gazetteer()
    g.add("Xi Jinping", "person", ["Xi"], roles=["Chinese president"])
    g.add("Vladimir Putin", "person", ["Putin"], roles=["Russian president"])
    g.add("Kyiv", "place", ["Kiev"], affiliation="Ukraine")
    g.add("Bakhmut", "place", affiliation="Ukraine")
    return g


def titles(text, gazetteer):
    return [e.title for e in extract_doc(load_nlp()(text), PUBLISHED, gazetteer).events]


def test_a_statement_says_what_was_said(gazetteer):
    assert titles("Last week, Kyiv announced that it had decided to defend Bakhmut.", gazetteer) == [
        "Kyiv announces it had decided to defend Bakhmut"
    ]


def test_what_will_happen_takes_to(gazetteer):
    assert titles("Xi will visit Moscow on Monday.", gazetteer) == ["Xi Jinping to visit Moscow"]


def test_several_doers_are_all_named_and_the_verb_agrees(gazetteer):
    assert titles("Xi and Putin ended their talks on Tuesday.", gazetteer) == [
        "Xi Jinping and Vladimir Putin end their talks"
    ]
    text = "Xi and Putin are old friends. The Chinese and Russian presidents met last September in Tashkent."
    assert titles(text, gazetteer) == ["Xi Jinping and Vladimir Putin meet in Tashkent"]
    text = "Farmers said the new canal would leave the valley dry."
    assert titles(text, gazetteer)[0] == "Farmers say new canal would leave valley dry", (
        "a plural taken for a name"
    )


def test_words_keep_their_hyphens_and_possessives_and_lose_their_articles(gazetteer):
    assert titles("The 54-year-old said on Friday that the kitchen was gone.", gazetteer) == [
        "54-year-old says kitchen was gone"
    ]
    assert titles("On Monday, Xi's convoy reached the Kremlin.", gazetteer) == ["Xi's convoy reaches Kremlin"]


def test_words_that_turn_the_meaning_stay(gazetteer):
    assert titles("The paper holds no responsibility for the war.", gazetteer) == [
        "Paper holds no responsibility for war"
    ]
    assert titles("The front line has barely moved for months.", gazetteer) == [
        "Front line barely moves for months"
    ]


def test_a_date_and_its_preposition_leave_the_title(gazetteer):
    assert titles("Oleksii Stepanov said he had been in Bakhmut until five days ago.", gazetteer)[0] == (
        "Oleksii Stepanov says he had been in Bakhmut"
    )


def test_a_relative_clause_takes_the_noun_it_describes_as_its_object(gazetteer):
    found = titles("Putin praised Xi for a peace plan he proposed last month.", gazetteer)
    assert "Xi Jinping proposes peace plan" in found


def test_a_possessive_whose_date_is_left_out_goes_with_it(gazetteer):
    found = titles("Her brother, who died in Monday’s storm, was buried on Friday.", gazetteer)
    assert "Brother dies in storm" in found


def test_a_verb_keeps_its_particle(gazetteer):
    assert titles("Putin's convoy showed up at the Kremlin on Monday.", gazetteer) == [
        "Putin's convoy shows up at Kremlin"
    ]
    assert titles("The regulator shut down the lender on Friday.", gazetteer) == [
        "Regulator shuts down lender"
    ]


def test_a_title_names_the_person_a_role_stands_for_and_drops_an_owner_it_cannot_name(gazetteer):
    text = "Flooding closed a school, but no one was hurt, his deputy, Marta Quillan, said on Sunday."
    assert "Marta Quillan says no one was hurt" in titles(text, gazetteer)
    assert titles("Their houses were destroyed on Sunday.", gazetteer) == ["Houses are destroyed"]


def test_his_or_her_at_the_start_of_a_title_names_the_person_named_before_if_the_clause_names_none(gazetteer):
    assert titles("Ada Kapu runs a school. His wife showed up on Tuesday.", gazetteer)[1] == (
        "Ada Kapu's wife shows up"
    )
    assert titles("Ada Kapu left when his wife showed up on Tuesday.", gazetteer)[-1] == "Wife shows up"


def test_a_misparsed_quotation_before_the_speaker_is_not_the_doer(gazetteer):
    text = "“They gave us no warning. No nothing,” Ada Morrow, a farmer, said in a phone interview Friday."
    assert [t for t in titles(text, gazetteer) if "says" in t] == ["Ada Morrow says they gave us no warning"]
    text = "Harbor Partners, a group of local investors, had itself filed a suit in March."
    assert titles(text, gazetteer) == ["Harbor Partners files suit"]
    text = "The death toll from the floods in Lagos, Nigeria has reached 40."
    assert titles(text, gazetteer)[0].startswith("Death toll from floods")


def test_a_phrase_set_before_what_was_said_leaves_the_title(gazetteer):
    text = "The minister said on Sunday that since the floods, new dikes are being built."
    assert titles(text, gazetteer)[0] == "Minister says new dikes are being built"


def test_a_name_the_parser_splits_before_its_s_stays_whole(gazetteer):
    text = "The rescue teams have relocated to St. John’s in Newfoundland."
    assert titles(text, gazetteer) == ["Rescue teams relocate to St. John’s"]


def test_a_preposition_whose_object_is_a_date_leaves_with_it(gazetteer):
    text = "Rescuers found two survivors after midnight Tuesday in the Kula region."
    assert titles(text, gazetteer) == ["Rescuers find two survivors"]
    assert titles("Another fire was reported after 6:30 a.m. in Lahaina.", gazetteer) == [
        "Another fire is reported in Lahaina"
    ]


def test_a_relative_clause_with_its_own_doer_takes_the_noun_and_where(gazetteer):
    text = "“We will stay,” Putin said, reiterating a statement he gave at a briefing on Monday."
    assert titles(text, gazetteer)[-1] == "Vladimir Putin gives statement at briefing"
    text = "Putin flew to Kazan, where 40 people were killed in a fire in 1990."
    assert "40 people are killed in fire" in titles(text, gazetteer)


def test_a_contracted_verb_is_written_out(gazetteer):
    assert titles("Putin’s ready for the talks.", gazetteer) == ["Vladimir Putin is ready for talks"]


def test_it_is_names_no_organisation(gazetteer):
    text = "The Kremlin announced the visit on Monday. “It’s heartbreaking, not just unprecedented.”"
    assert titles(text, gazetteer)[0] == "Kremlin announces visit"
    assert not any("heartbreaking" in t for t in titles(text, gazetteer))
    text = "NATO was founded in 1949. Since 1952, it has been expanded to include Norway."
    assert titles(text, gazetteer)[-1] == "NATO is expanded"


def test_a_clause_whose_doer_is_not_found_gives_no_title_that_starts_on_its_verb(gazetteer):
    text = "(and) tried unsuccessfully to gain the support of the national guard.”"
    assert titles(text, gazetteer) == []


def test_what_the_object_is_called_or_told_to_do_stays_with_a_statement(gazetteer):
    text = "Putin called the meeting a “new era” on Tuesday. Xi urged both sides to hold talks."
    told = titles(text, gazetteer)
    assert "Vladimir Putin calls meeting new era" in told
    assert "Xi Jinping urges both sides to hold talks" in told


def test_words_said_alongside_a_happening_in_a_clause_of_with_are_a_statement_of_their_own(gazetteer):
    text = (
        "The river rose to its highest level on Monday, with Mayor Ana Costa describing it as the "
        "worst flood the town has seen."
    )
    told = titles(text, gazetteer)
    assert "Mayor Ana Costa describes it as worst flood" in told
    assert len(told) == 2, "the rise of the river stays an event of its own"
    text = "The river rose to its highest level on Monday, with sandbags stacked along the banks."
    assert len(titles(text, gazetteer)) == 1, "no words said: no statement"


def test_words_said_in_the_progressive_are_a_statement(gazetteer):
    text = 'Fire chief Ana Costa is calling this a "mass casualty event."'
    assert titles(text, gazetteer) == ["Ana Costa calls this mass casualty event"]
    assert titles("Rescuers are searching the river.", gazetteer) == [], "a deed going on: no report"


def test_a_named_speakers_relative_clause_is_their_statement(gazetteer):
    text = (
        "This came from the Kremlin's spokesman, Dmitry Peskov, who said that Xi will meet Putin "
        "for informal talks."
    )
    assert titles(text, gazetteer) == ["Dmitry Peskov says Xi will meet Putin for informal talks"]
    text = "This came from the ministry, which said that Xi will meet Putin for informal talks."
    assert titles(text, gazetteer) == [], "only a person's words: an office's clause is no statement"


def test_quotation_marks_leave_the_title(gazetteer):
    text = "Putin called the plan ``a ruinous policy'' on Tuesday. Xi told firms to ‘stay calm’."
    assert titles(text, gazetteer) == [
        "Vladimir Putin calls plan ruinous policy",
        "Xi Jinping tells firms to stay calm",
    ]


def test_a_passive_title_names_who_did_it(gazetteer):
    text = "The bridge was hit by a large container ship on Tuesday."
    assert titles(text, gazetteer) == ["Bridge is hit by large container ship"]
    text = "A patrol plane, which can detect submarines from the air, was launched by the navy on Monday."
    assert titles(text, gazetteer) == ["Patrol plane is launched by navy"]
    assert titles("The bridge was closed on Tuesday.", gazetteer) == ["Bridge is closed"]


def test_several_doers_are_what_the_clause_says_they_were(gazetteer):
    assert titles("Profits at the two carriers were sharply lower in the fourth quarter.", gazetteer) == [
        "Profits at two carriers are lower"
    ]


def test_a_verb_that_tells_nothing_without_its_words_gives_no_title(gazetteer):
    assert titles("Maria Lopez reports.", gazetteer) == []
    assert "Tom Hale asks" not in titles('"Is the deal off?" asked Tom Hale, a trader in Chicago.', gazetteer)
    assert "Vladimir Putin does" not in titles("Xi praised the plan on Monday, as did Putin.", gazetteer)
    # in the passive, nothing more is wanted
    assert titles("The verdict was announced on Friday.", gazetteer) == ["Verdict is announced"]


def test_a_cut_title_does_not_end_on_a_subject_whose_verb_was_cut(gazetteer):
    [title] = titles(
        "Emergency officials said the sirens are used to alert the public in case they need to leave.",
        gazetteer,
    )
    assert title.startswith("Emergency officials say sirens are used to alert public")
    assert title.split()[-1] != "they"


def test_a_bare_object_keeps_the_phrase_that_says_what_verb_and_object_mean(gazetteer):
    assert titles("Several hundred people took part in a rally in Kyiv on Monday.", gazetteer) == [
        "Several hundred people take part in rally in Kyiv"
    ]
    assert titles("The storm took the island by surprise.", gazetteer)[0] == "Storm takes island by surprise"
    # an object of its own words needs nothing more
    assert (
        titles("Xi praised the new Russian peace plan at the talks.", gazetteer)[0]
        == "Xi Jinping praises new Russian peace plan"
    )


def test_what_was_seen_told_before_the_verb_that_ends_the_sentence_gives_no_title(gazetteer):
    said = titles("Several hundred people took part in a rally in Kyiv, Reuters reporters saw.", gazetteer)
    assert said == ["Several hundred people take part in rally in Kyiv"]


def test_a_relative_clause_whose_pronoun_is_its_subject_does_not_repeat_the_noun(gazetteer):
    assert not any(
        t.endswith("expire warrants")
        for t in titles("The warrants, which expire in May, sell for $3.", gazetteer)
    )


def test_a_verb_agrees_with_the_doers_the_title_keeps(gazetteer):
    said = titles("The ferry's captain and eleven other crew members died when the boat sank.", gazetteer)
    assert said[0].startswith(("Ferry's captain dies", "Ferry's captain and eleven other crew members die"))


def test_a_cut_title_keeps_a_hyphenated_word_whole_or_not_at_all(gazetteer):
    [title] = titles(
        "A couple and their 6-year-old daughter reached the shelter after a long walk.", gazetteer
    )
    assert "6-year" not in title.replace("6-year-old", "")


def test_an_amount_keeps_its_unit(gazetteer):
    assert titles("The foundation has pledged $250m to rebuild the port.", gazetteer)[0] == (
        "Foundation pledges $250m to rebuild port"
    )


def test_a_title_cut_to_length_keeps_a_name_whole_or_leaves_it_out(gazetteer):
    [title] = titles(
        "The regional health authority said on Monday that it will retain all the staff of the "
        "Saint Mary Hospital of Lviv.",
        gazetteer,
    )
    assert not title.endswith(("Saint", "Saint Mary", "Mary"))


def test_what_was_said_does_not_start_on_but(gazetteer):
    said = titles("But talks have been renewed, a ministry official said on Monday.", gazetteer)
    assert said == ["Ministry official says talks have been renewed"]


def test_a_person_described_by_age_after_being_named_is_named_in_the_title(gazetteer):
    text = "Xi landed in Moscow on Monday. The 69-year-old made the announcement on state television."
    assert "Xi Jinping makes announcement on state television" in titles(text, gazetteer)
    (alone,) = titles("A 54-year-old man was rescued from the rubble on Friday.", gazetteer)
    assert "Xi" not in alone, "someone described by age and a noun may be anyone"


def test_a_title_cut_before_what_was_said_does_not_end_on_saying(gazetteer):
    text = "Putin made the announcement on Russia’s state television channel saying he was now the president."
    assert titles(text, gazetteer) == [
        "Vladimir Putin makes announcement on Russia’s state television channel"
    ]


def test_a_place_where_something_happened_is_not_what_was_done(gazetteer):
    text = "Crowds filled the square where Putin landed on Sunday."
    assert "Vladimir Putin lands" in titles(text, gazetteer)
    assert "Plan is rejected" in titles("The plan he proposed was rejected on Monday.", gazetteer)


def test_an_adverb_of_direction_keeps_where_it_leads(gazetteer):
    text = "The couple got back to their apartment on Tuesday after a quick dash to the supermarket."
    assert titles(text, gazetteer) == ["Couple gets back to their apartment"]
    text = "Herbicide use was delayed earlier by heavy rains."
    assert "earlier" not in " ".join(titles(text, gazetteer)), "an adverb of time leads nowhere"


def test_a_capital_that_only_opens_a_quotation_is_not_kept(gazetteer):
    text = 'Putin said "Water was 50 feet deep where the bridge fell" on Monday.'
    assert titles(text, gazetteer)[0].startswith("Vladimir Putin says water was 50 feet deep")
    text = 'Putin said "Juan Miguel must not have written the letter" on Monday.'
    assert "Juan Miguel" in titles(text, gazetteer)[0], "a name opening a quotation keeps its capitals"


def test_a_title_cut_to_length_does_not_end_on_a_count_whose_noun_was_cut(gazetteer):
    text = (
        "The Federal Deposit Insurance Corporation said on Sunday that Silicon Valley Bank's main office "
        "and 17 branches in California and Massachusetts will reopen on Monday."
    )
    assert (
        titles(text, gazetteer)[0]
        == "Federal Deposit Insurance Corporation says Silicon Valley Bank's main office"
    )
    text = "The U.S. Coast Guard said on Thursday that rescue teams found a field of debris near the Titanic."
    assert titles(text, gazetteer)[0] == "U.S. Coast Guard says rescue teams found field of debris"


def test_a_deed_not_done_to_someone_keeps_its_voice(gazetteer):
    found = titles("The sirens were not activated during the fires on Tuesday.", gazetteer)
    assert found[0] == "Sirens are not activated during fires"
    found = titles("The boy will not be sent back to Cuba on Friday, officials said.", gazetteer)
    assert "Boy not to be sent back to Cuba" in found


def test_an_amount_standing_for_the_object_stays(gazetteer):
    assert titles("Xi Jinping had seen enough on Monday.", gazetteer) == ["Xi Jinping sees enough"]
    assert titles("Putin asked for more on Monday.", gazetteer) == ["Vladimir Putin asks for more"]


def test_a_relative_clause_on_what_a_named_one_has_tells_of_the_named_one(gazetteer):
    text = (
        "Depositors in Signature Bank, a lender with crypto exposure which was shuttered on Sunday, "
        "were paid."
    )
    assert "Signature Bank is shuttered" in titles(text, gazetteer)


def test_words_standing_for_several_named_before_stay_as_written_in_the_title():
    gazetteer = Gazetteer()
    gazetteer.add("Federal Reserve", "organization", ["Fed"])
    gazetteer.add("Federal Deposit Insurance Corporation", "organization", ["FDIC"])
    text = (
        "The Fed and the FDIC said on Sunday that depositors would be protected. "
        "“We are taking decisive actions,” the agencies said."
    )
    assert "Agencies say we are taking decisive actions" in titles(text, gazetteer)


def test_going_missing_is_told_as_missing_not_as_missing_something(gazetteer):
    assert titles("A fishing trawler went missing off Cape Lorne on Monday.", gazetteer) == [
        "Fishing trawler goes missing"
    ]
    assert titles("Two hikers have been missing since Friday.", gazetteer) == ["Two hikers are missing"]
    # missing something stays a deed done to it
    assert titles("The mayor is missing the deadline on Monday.", gazetteer) == ["Mayor misses deadline"]


def test_a_hyphenated_word_opening_the_subject_is_kept_whole(gazetteer):
    assert titles("So-called swap lines were expanded on Monday.", gazetteer) == [
        "So-called swap lines are expanded"
    ]


def test_what_it_was_announced_is_the_title_not_who_it_stands_for(gazetteer):
    text = (
        "Putin met the bankers. The debt of the bank will be written down to zero, it was announced on "
        "Sunday."
    )
    assert titles(text, gazetteer)[-1] == "Debt of bank to be written down to zero"


def test_went_missing_says_missing_once(gazetteer):
    text = (
        "The crew lost contact with the Titan sub on Sunday morning. The Titan submersible went missing on "
        "Sunday."
    )
    assert titles(text, gazetteer)[-1] == "Titan submersible goes missing"


def test_a_relative_clause_hung_on_a_measure_tells_what_the_happening_did(gazetteer):
    text = "The earthquake measuring 7 on the Richter scale that struck Morocco on Friday night killed 2,000."
    assert "Earthquake strikes Morocco" in titles(text, gazetteer)


def test_a_measure_set_before_the_happening_is_not_its_doer(gazetteer):
    (title,) = titles("Friday's magnitude 6.8 earthquake sent people racing from their beds.", gazetteer)
    assert title.lower().startswith("6.8 earthquake sends people")
