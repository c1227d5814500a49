"""Unit tests for the date normaliser's rules for news usage: tense cues, financial periods, vague words."""

import datetime as dt


def test_a_year_earlier_in_quarterly_results_is_the_same_quarter_a_year_before(value_of):
    text = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    assert value_of(text, "a year earlier", published=dt.date(2023, 10, 20)) == "2022-Q3"


def test_comparisons_do_not_move_the_reference_date(timexes):
    text = "Third-quarter sales rose from a year ago, and profit rose from a year earlier."
    found = timexes(text, published=dt.date(2023, 10, 20))
    assert [t.value for t in found] == ["2023-Q3", "2022-Q3", "2022-Q3"]


def test_a_possessive_weekday_looks_back(value_of):
    assert value_of("Lawyers will appeal Monday's ruling.") == "2024-05-13"


def test_a_weekday_the_writer_has_scheduled_looks_forward(value_of):
    assert value_of("The mayor has scheduled a news conference Thursday.") == "2024-05-16"


def test_a_weekday_after_set_to_looks_forward(value_of):
    assert value_of("Talks are set to resume Monday in Belfast.") == "2024-05-20"


def test_a_weekday_in_the_past_perfect_looks_back(value_of):
    assert value_of("The offer had been due to expire Friday.", "Friday") == "2024-05-10"


def test_a_deadline_until_a_weekday_looks_forward(value_of):
    assert value_of("Officials postponed until Tuesday any action on the case.") == "2024-05-21"


def test_payable_puts_a_date_without_year_ahead(value_of):
    assert value_of("The dividend is payable Jan. 2 to holders of record.") == "2025-01-02"


def test_through_takes_the_nearest_month(value_of):
    autumn = dt.date(2024, 10, 30)
    assert value_of("Lenders have extended the loans through January.", published=autumn) == "2025-01"
    assert value_of("The company had bought shares through Sept. 29.", published=autumn) == "2024-09-29"


def test_a_span_of_time_before_an_event_is_a_duration(timexes):
    found = timexes("The car was seen three days before the shooting.")
    assert [(t.text, t.type, t.value) for t in found] == [("three days", "DURATION", "P3D")]


def test_spoken_years_are_years(value_of):
    assert value_of("The station first aired in nineteen ninety-six.") == "1996"
    assert value_of("The plan runs to the year two thousand.") == "2000"
    assert value_of("Prices fell in January nineteen ninety-seven.") == "1997-01"


def test_a_company_year_ended_on_a_date_is_a_duration(timexes):
    found = timexes("For the year ended March 31, the company earned $5 million.")
    assert [(t.text, t.type, t.value) for t in found][0] == ("the year", "DURATION", "P1Y")


def test_for_the_year_is_the_current_year(value_of):
    assert value_of("For the full year, sales rose 13%.", "the full year") == "2024"


def test_in_the_past_is_a_past_reference(value_of):
    assert value_of("In the past, the ministry has denied such reports.") == "PAST_REF"


def test_the_past_before_a_count_is_left_to_the_duration(timexes):
    found = timexes("Riots broke out for the past three summers.")
    assert all(t.value != "PAST_REF" for t in found)


def test_a_quarterly_dividend_is_not_a_set(timexes):
    assert timexes("The board raised the quarterly dividend to 20 cents.") == []


def test_a_year_before_a_noun_after_the_is_a_year(value_of):
    assert value_of("He was charged in the 1995 shooting of a doctor.") == "1995"
    assert value_of("Sales were above fiscal 1989 sales of $155 million.") == "1989"


def test_half_units_add_half_of_the_unit(value_of):
    assert value_of("She spent 5 1/2 hours in Nairobi.") == "PT5H30M"
    assert value_of("They lived in the camps for 2 1/2 years.") == "P2Y6M"
    assert value_of("A minute and a half later, the pilot called.", "minute") == "PT1M30S"


def test_coming_months_without_an_article_is_a_future_reference(value_of):
    assert value_of("Prices should rise in coming months.") == "FUTURE_REF"
    assert value_of("Prices should rise in the coming months.") == "PXM"


def test_an_index_level_is_not_a_year(timexes):
    assert timexes("The index shed 47.3 points to close at the 2082.1 mark.") == []


def test_a_quarterly_report_stays_quarterly_for_a_paragraph(value_of):
    filler = "Analysts had expected weaker sales of trucks and parts in the region. " * 9
    text = f"Net income rose 20% in the third quarter. {filler}A year earlier, net was $2 million."
    assert value_of(text, "a year earlier", published=dt.date(1989, 10, 26)) == "1988-Q3"


def test_nine_months_results_compare_with_the_year_before_not_the_quarter(value_of):
    text = (
        "Net rose in the third quarter. In the first nine months, net was $30 million, "
        "up from $20 million a year earlier."
    )
    assert value_of(text, "a year earlier", published=dt.date(1989, 10, 26)) == "1988"


def test_a_record_set_on_a_date_looks_back(value_of):
    text = "The index closed within 70 points of its record high set on Aug. 6."
    assert value_of(text, published=dt.date(1998, 2, 6)) == "1997-08-06"


def test_a_meeting_set_for_a_month_looks_forward(value_of):
    text = "The issue will dominate a summit set for Washington in April."
    assert value_of(text, published=dt.date(1999, 3, 12)) == "1999-04"


def test_the_present_perfect_progressive_looks_back(value_of):
    text = "Investigators have been searching for him since the Oct. 23 slaying."
    assert value_of(text, published=dt.date(1999, 5, 6)) == "1998-10-23"


def test_a_decade_in_words_is_a_decade(value_of):
    assert value_of("Hate groups declined through the nineties.") == "199"


def test_an_hour_in_the_morning_is_a_clock_time(value_of):
    assert value_of("The father will leave at 4 in the morning.") == "2024-05-15T04:00"


def test_within_weeks_and_over_the_years_are_vague_durations(value_of):
    assert value_of("Troops will arrive within weeks.") == "PXW"
    assert value_of("Over the years, more patients survived.") == "PXY"


def test_a_common_time_word_capitalised_inside_a_sentence_is_a_name(timexes):
    assert timexes('Baker said on ABC News\' "This Week" that talks would go on.') == []
    assert timexes("He showed a picture of Gary Cooper from the film High Noon.") == []


def test_a_quoted_sentence_may_start_with_today(value_of):
    assert value_of("He said: ``Today is a sad day for the country.''", "Today") == "2024-05-15"


def test_a_march_named_for_a_cause_is_not_a_month(timexes):
    assert timexes("Protesters gathered at the annual March for Life in the capital.") == []


def test_more_and_trading_between_number_and_unit_keep_the_duration(value_of):
    assert value_of("The boy will stay for at least two more weeks.") == "P2W"
    assert value_of("Eight trading days after the crash, the index recovered.") == "P8D"


def test_the_weeks_ahead_and_a_couple_of_years_are_durations(value_of):
    assert value_of("Funds may sell bonds in the weeks ahead.") == "PXW"
    assert value_of("Over the next couple of years, sales should grow.") == "P2Y"


def test_year_end_without_a_hyphen(value_of):
    assert value_of("The deal should close by year end.") == "2024"


def test_later_in_the_day_is_the_day_in_question(value_of):
    assert value_of("The president arrived in Philadelphia later in the day.", "the day") == "2024-05-15"


def test_the_day_before_an_event_is_not_dated_by_the_last_date(timexes):
    found = timexes("He was last seen Nov. 3, the day before authorities issued a warrant.")
    assert [t.text for t in found] == ["Nov. 3"]


def test_supposed_to_looks_forward(value_of):
    text = "The talks are supposed to conclude by May."
    assert value_of(text, published=dt.date(2024, 3, 22)) == "2024-05"


def test_last_season_is_the_last_one_that_is_over(value_of):
    autumn = dt.date(1989, 10, 30)
    assert value_of("The business was scrapped this past spring.", published=autumn) == "1989-SP"
    assert value_of("We met last summer.", published=autumn) == "1989-SU"
    assert value_of("We met last summer.", published=dt.date(1989, 7, 15)) == "1988-SU"


def test_the_current_fiscal_year_is_this_year(value_of):
    assert value_of("Sales in the current fiscal year should rise.") == "2024"


def test_a_rate_per_year_is_left_out(timexes):
    assert timexes("The merger should save $500 million a year in costs.") == []


def test_over_the_past_year_is_the_year_before(value_of):
    assert value_of("Hate groups grew sharply over the past year.", published=dt.date(1998, 3, 3)) == "1997"
    assert value_of("Wages lost ground in the last decade.", published=dt.date(1998, 2, 6)) == "198"


def test_hours_counted_from_what_was_told_just_before_take_its_day_or_none(value_of, timexes):
    told = "The plane was launched on Sunday. It heard the sounds again four hours later."
    assert value_of(told, "four hours later") == "2024-05-12"
    # what the text told since Sunday has no day of its own: four hours after it is no known day
    text = (
        "The plane was launched on Sunday. It flew north with a crew of six. It dropped buoys into the "
        "sea. The sounds were still there four hours later. Later in the day, the crew flew home."
    )
    assert [t.text for t in timexes(text)] == ["Sunday"]
