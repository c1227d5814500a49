"""Unit tests for the date normaliser, one small hand-written sentence per rule."""

import datetime as dt

from timeline.nlp.dates import infer_publication_date, timex_dates, timex_interval
from timeline.nlp.types import Timex


def test_offsets_index_the_text_and_come_in_order(timexes):
    text = "The mayor spoke on Tuesday and the council meets on June 3."
    found = timexes(text)
    assert [text[t.start : t.end] for t in found] == [t.text for t in found] == ["Tuesday", "June 3"]


def test_explicit_date_with_year(value_of):
    assert value_of("The treaty was signed on Nov. 9, 2019, in Oslo.") == "2019-11-09"


def test_explicit_date_day_first(value_of):
    assert value_of("Talks opened on 4 February 2021 in Geneva.") == "2021-02-04"


def test_iso_date(value_of):
    assert value_of("The filing is dated 2022-07-01.") == "2022-07-01"


def test_date_without_year_takes_the_nearest_past_year(value_of):
    assert value_of("Police arrested him on April 2.") == "2024-04-02"
    assert value_of("Police arrested him on December 2.") == "2023-12-02"


def test_date_without_year_in_a_future_clause_looks_forward(value_of):
    assert value_of("The court will rule on January 10.") == "2025-01-10"


def test_friday_resolves_to_the_friday_before_publication(value_of):
    assert value_of("The minister resigned on Friday.") == "2024-05-10"


def test_a_weekday_of_a_past_clause_looks_back_also_through_a_misread_noun_or_an_infinitive(value_of):
    # "sounds" read as a verb stands where a noun does; "was trying to reach" is told in the past
    assert value_of("Planes detected sounds on Monday.") == "2024-05-13"
    assert value_of("She was trying to reach her sister Monday morning.", "Monday") == "2024-05-13TMO"
    assert value_of("She is trying to reach her sister Monday morning.", "Monday") == "2024-05-20TMO"


def test_monday_in_a_future_clause_resolves_forward(value_of):
    assert value_of("The delegation will visit Paris on Monday.") == "2024-05-20"


def test_the_publication_weekday_is_the_publication_day(value_of):
    assert value_of("Protesters gathered on Wednesday.") == "2024-05-15"


def test_last_and_next_week_month_year(value_of):
    assert value_of("Sales fell last week.") == "2024-W19"
    assert value_of("Prices rose last month.") == "2024-04"
    assert value_of("Elections are due next year.") == "2025"
    assert value_of("Exports grew this year.") == "2024"


def test_days_ago(value_of):
    assert value_of("The ship sank three days ago.") == "2024-05-12"


def test_earlier_this_month(value_of):
    assert value_of("The board met earlier this month.") == "2024-05"


def test_last_september_is_the_previous_one(value_of):
    assert value_of("The bridge closed last September.") == "2023-09"


def test_bare_month_is_the_nearest_past_one(value_of):
    assert value_of("Inflation peaked in August.") == "2023-08"
    assert value_of("Inflation peaked in February.") == "2024-02"


def test_bare_month_in_a_future_clause_looks_forward(value_of):
    assert value_of("The new rules will take effect in March.") == "2025-03"


def test_modal_may_is_not_a_month(timexes):
    assert timexes("Officials said the plan may change.") == []


def test_season_and_year_and_decade(value_of):
    assert value_of("Fighting resumed last summer.") == "2023-SU"
    assert value_of("The factory opened in 1998.") == "1998"
    assert value_of("The town boomed in the 1960s.") == "196"


def test_mid_month_carries_a_modifier(timexes):
    (found,) = timexes("Construction should finish by mid-July.")
    assert found.modifier == "MID"


def test_late_month_has_a_value_and_end_modifier(timexes):
    (found,) = timexes("The drought began in late March.")
    assert (found.value, found.modifier) == ("2024-03", "END")


def test_overnight_is_the_night_before_publication(value_of):
    assert value_of("Rockets hit the city overnight.") == "2024-05-14TNI"


def test_the_weekend_before_publication(value_of):
    assert value_of("Rallies were held over the weekend.") == "2024-W19-WE"


def test_range_with_one_month(timexes):
    (found,) = timexes("The summit runs between June 20 and 22.")
    assert (found.value, found.end_value) == ("2024-06-20", "2024-06-22")


def test_range_with_a_dash(timexes):
    (found,) = timexes("The festival took place on March 4-6, 2022.")
    assert (found.value, found.end_value) == ("2022-03-04", "2022-03-06")


def test_month_range(timexes):
    (found,) = timexes("Roadworks will last from May to July.")
    assert (found.value, found.end_value) == ("2024-05", "2024-07")


def test_that_same_day_follows_the_date_last_mentioned(value_of):
    text = "Troops entered the town on March 3, 2021. That same day, the mayor fled."
    assert value_of(text, "That same day") == "2021-03-03"


def test_the_next_day_follows_the_date_last_mentioned(value_of):
    text = "The vote was held on Oct. 2, 2020. The next day, protests began."
    assert value_of(text, "next day") == "2020-10-03"


def test_a_day_after_follows_the_date_last_mentioned(value_of):
    text = "The rebels attacked on Aug. 14, 2019, and a day after, the army answered."
    assert value_of(text, "a day after") == "2019-08-15"


def test_the_following_week_follows_the_date_last_mentioned(value_of):
    text = "The strike started on Jan. 6, 2020. The following week, talks collapsed."
    assert value_of(text, "following week") == "2020-W03"


def test_clock_time_with_a_weekday(timexes):
    (found,) = timexes("The polls closed at 5 p.m. Tuesday.")
    assert (found.type, found.value) == ("TIME", "2024-05-14T17:00")


def test_durations_get_period_values(timexes):
    found = timexes("The siege lasted four months, and the rebuilding a decade.")
    assert [(t.type, t.value) for t in found] == [("DURATION", "P4M"), ("DURATION", "P10Y")]


def test_every_week_is_a_set(timexes):
    (found,) = timexes("The committee meets every week.")
    assert (found.type, found.value) == ("SET", "P1W")


def test_impossible_dates_are_flagged_without_a_value(timexes):
    for text in ("The deal closes on March 40.", "The deal closed on February 30."):
        (found,) = timexes(text)
        assert found.value is None and "invalid_date" in found.flags


def test_ages_and_compound_durations_are_not_calendar_dates(timexes):
    found = timexes("The 54-year-old signed a four-year loan after a year-long search.")
    assert all(t.type not in ("DATE", "TIME") for t in found)


def test_names_with_calendar_words_are_not_dates(timexes):
    assert timexes("The People's Daily praised the Winter Olympics.") == []


def test_present_past_and_future_references(value_of):
    assert value_of("Prices are now falling.") == "PRESENT_REF"
    assert value_of("The firm recently hired him.") == "PAST_REF"
    assert value_of("The rules may change in the future.") == "FUTURE_REF"


def test_quarters(value_of):
    assert value_of("Profit rose in the third quarter.", published=dt.date(2023, 10, 20)) == "2023-Q3"


def test_relative_expressions_stay_unresolved_without_publication_date(timexes):
    found = timexes("The talks ended on Friday, after the March 20, 2023 accord.", published=None)
    assert [(t.value, t.flags) for t in found] == [(None, ("unresolved_relative",)), ("2023-03-20", ())]


def test_publication_date_from_a_dateline():
    assert infer_publication_date("WASHINGTON, March 20, 2023 (Reuters) - The Senate voted.") == dt.date(
        2023, 3, 20
    )


def test_publication_date_from_a_published_line():
    assert infer_publication_date("Published: 2023-03-20\n\nThe Senate voted.") == dt.date(2023, 3, 20)


def test_no_publication_date_when_the_text_has_none():
    assert infer_publication_date("The Senate voted on Monday to pass the bill.") is None


def test_timex_interval_precisions():
    assert timex_interval("2023-03-17") == (dt.date(2023, 3, 17), dt.date(2023, 3, 17), "day")
    assert timex_interval("2023-W12") == (dt.date(2023, 3, 20), dt.date(2023, 3, 26), "week")
    assert timex_interval("2023-03") == (dt.date(2023, 3, 1), dt.date(2023, 3, 31), "month")
    assert timex_interval("2023") == (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year")
    assert timex_interval("2023-SU") == (dt.date(2023, 6, 1), dt.date(2023, 8, 31), "year")
    assert timex_interval("199") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31), "year")
    assert timex_interval("P4M") is None and timex_interval(None) is None


def test_timex_dates_spans_a_range():
    timex = Timex("March 20 and 22", 0, 15, value="2023-03-20", end_value="2023-03-22")
    assert timex_dates(timex) == (dt.date(2023, 3, 20), dt.date(2023, 3, 22), "day")
