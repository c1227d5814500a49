"""The spaCy pipeline as the extraction uses it: line breaks that end sentences."""

from timeline.nlp.pipeline import load_nlp


def sentences(text):
    return [s.text.strip() for s in load_nlp()(text).sents if s.text.strip()]


def test_a_heading_line_is_not_run_into_the_sentence_below_it():
    text = "Tactical deficit\nZelensky also revealed that he had invited Xi to visit Ukraine."
    assert sentences(text) == [
        "Tactical deficit",
        "Zelensky also revealed that he had invited Xi to visit Ukraine.",
    ]


def test_a_closing_quote_stays_with_its_paragraph():
    text = 'He said: "We will go on."\n\n\nEarlier on Friday, Beijing announced the date.'
    assert sentences(text)[-1] == "Earlier on Friday, Beijing announced the date."


def test_a_hard_wrapped_line_keeps_its_sentence_whole():
    text = (
        "The minister said on Monday that the talks with the delegation of President\n"
        "Xi Jinping would resume within a week, officials confirmed."
    )
    assert len(sentences(text)) == 1
