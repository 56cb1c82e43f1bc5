"""Dated events: real sentences from the seed captures, and what must not become an event."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.events import (
    apply_fixes,
    check_fixes,
    extract_events,
    find_dates,
    parse_fixes,
    split_sentences,
)
from digest.model import Block, Event

D = dt.date
SEED_002 = D(2023, 3, 20)  # a Monday
SEED_003 = D(2022, 12, 30)  # a Friday
SEED_004 = D(2022, 8, 18)  # a Thursday


def events(text: str, published: dt.date | None) -> list[tuple[dt.date, dt.date | None, str]]:
    return [(e.start, e.end, e.precision)
            for e in extract_events([Block("paragraph", text, 1)], published)]


# --- seed sentences -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Prior to Russia's invasion of Ukraine, Putin met Xi on the opening day of the 2022 "
         "Beijing Winter Olympics on February 4.", SEED_004, [(D(2022, 2, 4), None, "day")]),
        ("Following Russia's invasion of Ukraine on February 24, the U.S. and its allies imposed "
         "stringent economic sanctions.", SEED_004, [(D(2022, 2, 24), None, "day")]),
        ("In May, Russian and Chinese strategic bombers conducted joint exercises near Japan.",
         SEED_004, [(D(2022, 5, 1), None, "month")]),
        ("The anti-communist Republic of China has been restricted to Taiwan since being expelled "
         "from mainland China in 1949.", SEED_004, [(D(1949, 1, 1), None, "year")]),
        ("On Thursday, Ukraine was again attacked with missiles from Russia.", SEED_003,
         [(D(2022, 12, 29), None, "day")]),
        ("In December, the Russian state-owned energy company Gazprom reported three days of new "
         "records.", SEED_003, [(D(2022, 12, 1), None, "month")]),
        ("Putin traveled to the Winter Olympics in Beijing earlier this year, and the two last "
         "met at a summit in Uzbekistan in the fall.", SEED_003, [(D(2022, 1, 1), None, "year")]),
        ("On Monday, Chinese President Xi Jinping met with his “dear friend” Vladimir Putin in "
         "Moscow.", SEED_002, [(D(2023, 3, 20), None, "day")]),
        ("Since the International Criminal Court (ICC) issued an arrest warrant for him on Friday "
         "in connection with the deportation of Ukrainian children, Xi was the first world leader "
         "to meet with the Russian president.", SEED_002, [(D(2023, 3, 17), None, "day")]),
        ("The two men met in the Kremlin on Monday afternoon before a dinner, followed by formal "
         "talks on Tuesday.", SEED_002, [(D(2023, 3, 20), None, "day")]),  # one per sentence
        ("Putin and Xi signed a “no limits” partnership last year, just before sending tens of "
         "thousands of troops into Ukraine.", SEED_002, [(D(2022, 1, 1), None, "year")]),
    ],
)
def test_seed_sentences(sentence: str, published: dt.date,
                        expected: list[tuple[dt.date, dt.date | None, str]]) -> None:
    assert events(sentence, published) == expected


# --- what is not an event -----------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "China has refused to condemn the war and is diplomatically backing Moscow.",
        "Putin may also be interested in discussing the construction of a pipeline.",
        "In Brussels, several EU nations decided to purchase 155 mm artillery shells for Ukraine.",
        "China launched its biggest military drills since the 1990s around the island.",
        "Trade increased by 29 percent during the first seven months of 2022.",
        "Ukrainian forces have held out since last summer in the war’s longest battle.",
        "For months, Russia has also been struggling with ammunition shortages.",
        "The summit, marked by a major 7,000-word joint declaration, was held.",
        "Tens of thousands of people have died during the year-long conflict.",
        "It was agreed on February 30.",
        "Over the past year, trade grew.",
        "Putin, 71, met Xi, 70, in the Kremlin.",
    ],
)
def test_no_event(sentence: str) -> None:
    assert events(sentence, SEED_004) == []


def test_without_a_publication_date_nothing_is_inferred() -> None:
    assert events("They met 5 days ago.", None) == []
    assert events("Putin said Friday in a video link with Xi.", None) == []
    assert events("Putin met Xi on February 4.", None) == []
    assert events("It will continue next year.", None) == []
    assert events("In May, bombers flew.", None) == []


def test_explicit_dates_need_no_publication_date() -> None:
    assert events("From February 1, 2023, Russia banned the sale of oil.", None) == [
        (D(2023, 2, 1), None, "day")
    ]
    assert events("expelled in 1949.", None) == [(D(1949, 1, 1), None, "year")]
    assert events("visit in March 2023.", None) == [(D(2023, 3, 1), None, "month")]


def test_days_ago_and_yesterday_resolve_against_the_article_date() -> None:
    assert events("The ministers met 5 days ago.", SEED_004) == [(D(2022, 8, 13), None, "day")]
    assert events("Yesterday the ministers met.", SEED_004) == [(D(2022, 8, 17), None, "day")]


def test_weekdays_last_and_nearest() -> None:
    assert events("He spoke last Friday.", SEED_003) == [(D(2022, 12, 23), None, "day")]
    # "last Tuesday" on a Wednesday is the week before, not yesterday
    assert events("Users signed up last Tuesday.", D(2019, 11, 20)) == [
        (D(2019, 11, 12), None, "day")]
    assert events("He spoke on Monday.", SEED_003) == [(D(2022, 12, 26), None, "day")]
    assert events("Talks followed on Saturday.", SEED_003) == [(D(2022, 12, 31), None, "day")]


LATER = D(2023, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ran from December 28 to January 3.", (D(2022, 12, 28), D(2023, 1, 3))),
        ("Talks ran between March 20 and March 22, 2023.", (D(2023, 3, 20), D(2023, 3, 22))),
        ("Xi visited Moscow on March 20-22, 2023.", (D(2023, 3, 20), D(2023, 3, 22))),
        ("Xi visited Moscow on 20–22 March.", (D(2023, 3, 20), D(2023, 3, 22))),
        ("They met on 4 February 2022.", (D(2022, 2, 4), None)),
        ("They met on Friday, Feb. 4th.", (D(2023, 2, 4), None)),
    ],
)
def test_date_forms(text: str, expected: tuple[dt.date, dt.date | None]) -> None:
    (found,) = events(text, LATER)
    assert found[:2] == expected


# --- the year of a bare month or day --------------------------------------------------------

def inferred(text: str, published: dt.date) -> list[tuple[dt.date, bool]]:
    return [(e.start, e.inferred)
            for e in extract_events([Block("paragraph", text, 1)], published)]


def test_a_bare_month_is_the_most_recent_one_not_after_publication_and_marked_inferred() -> None:
    # the case: an article of May 2024 about a visit "in March" (which was March 2023:
    # the text cannot tell, so the most recent March is taken, marked inferred, and the editor
    # fixes it in curation.yaml)
    visit = "A joint statement issued after Xi Jinping's three-day visit to Moscow in March."
    assert inferred(visit, D(2024, 5, 16)) == [(D(2024, 3, 1), True)]
    # a month later in the year than the article is last year's, never next year's
    assert inferred("In December, Gazprom set records.", D(2023, 1, 10)) == [
        (D(2022, 12, 1), True)]
    assert inferred("In May, bombers flew near Japan.", SEED_004) == [(D(2022, 5, 1), True)]
    assert inferred("In August, bombers flew near Japan.", SEED_004) == [(D(2022, 8, 1), True)]


def test_a_day_without_year_is_never_after_the_article() -> None:
    assert inferred("The talks ended on December 31.", D(2023, 1, 2)) == [
        (D(2022, 12, 31), True)]
    assert inferred("The ceasefire failed on February 29.", D(2023, 5, 1)) == [
        (D(2020, 2, 29), True)]
    # a bare weekday is an inference too
    assert inferred("On Thursday, Ukraine was again attacked.", SEED_003) == [
        (D(2022, 12, 29), True)]


def test_a_year_the_clause_names_wins_over_the_article_year() -> None:
    # "the 2022 Winter Olympics on February 4" in an article of 2023: 2022, read, not inferred
    olympics = "Putin met Xi on the opening day of the 2022 Beijing Winter Olympics on February 4."
    assert inferred(olympics, D(2023, 3, 20)) == [(D(2022, 2, 4), False)]
    # ...but a year in another clause is no evidence: "who took power in 2012, ... in March"
    assert inferred("Xi, who took power in 2012, visited Moscow in March.", D(2023, 5, 1)) == [
        (D(2023, 3, 1), True)]
    # explicit and relative dates are not inferences
    assert inferred("They met on 4 February 2022.", SEED_004) == [(D(2022, 2, 4), False)]
    assert inferred("Pelosi visited Taiwan earlier this month.", SEED_004) == [
        (D(2022, 8, 1), False)]


# --- comparisons, forecasts, plans and ages are not events ----------------------------------

@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        # the seeds' noise
        ("In the first nine months of the year, a quarter of Russian imports came from China, "
         "in 2021 it was 15 percent in the same period, economist Elina Ribakova told the "
         "“NYT”.", SEED_003),
        ("“The intensive bilateral exchange will continue next year, I have no doubts about "
         "that.”", SEED_003),
        ("Chinese troops will participate in a major Russian military exercise later this "
         "month.", SEED_004),
        ("The exercise, which will take place in Russia's eastern military district, is "
         "expected to last from August 30 to September 5.", SEED_004),
        ("Beijing’s role in oil could also continue to grow: from February 1, 2023, Russia will "
         "ban the sale of oil.", SEED_003),
        # comparisons
        ("Exports rose 20 percent compared with the same month in 2019.", SEED_004),
        ("Imports were up from 10 percent in 2020.", SEED_004),
        ("Trade rose from 10 percent in 2020 to 15 percent.", SEED_004),
        ("Sales were lower than in 2019.", SEED_004),
        ("In 2021, it was 15 percent.", SEED_004),
        ("Trade grew year-on-year, as it did in 2021.", SEED_004),
        # forecasts and plans
        ("The two leaders will meet next year.", SEED_004),
        ("The ministry is expected to publish the figures in March.", SEED_004),
        ("Moscow plans to finish the pipeline by 2030.", SEED_004),
        ("Beijing aims to double trade in 2030.", SEED_004),
        ("The summit is scheduled for September 3, 2022.", SEED_004),
        ("The leaders meet next Friday.", SEED_003),
        ("He will speak on Monday.", SEED_003),
        ("Xi will on Tuesday host the talks.", SEED_002),
        ("Air pollution is likely to reach severe levels on Wednesday.", SEED_004),
        ("X said staff will get their notice Monday.", SEED_002),
        ("VISIT the Pennsylvania National Horse Show, Oct. 11–21, in Harrisburg.",
         D(2018, 10, 4)),  # a listing: the coming October, not last year's
        # bounds, deadlines, reference dates
        ("The act prohibited sowing before May 10 and transplanting before June 10.", SEED_004),
        ("Employees were told to sign the contract by Monday.", SEED_002),
        ("He held 24.4% of the company as of March 20.", SEED_004),
        ("They had until Nov. 1 to submit proposals.", D(2019, 11, 18)),
        # "this year's" is no date
        ("BD-1 is, for my money, this year’s best new character.", SEED_004),
        # ages
        ("The 70-year-old declared strengthening the common military policy a priority.",
         SEED_003),
        ("Putin, who was born in 1952, met Xi.", SEED_004),
        ("Aged 69 in 2022, he met Xi.", SEED_004),
        ("A 3-year-old was among those hurt on Tuesday.", SEED_004),
    ],
)
def test_comparisons_forecasts_plans_and_ages_are_no_events(sentence: str,
                                                            published: dt.date) -> None:
    assert events(sentence, published) == []


def test_a_statement_reported_in_the_past_keeps_its_date() -> None:
    """The date of what was said is an event, even when what was said is about the future."""
    assert events("Putin said on Monday he will visit China.", SEED_002) == [
        (D(2023, 3, 20), None, "day")]
    # a future verb elsewhere in the sentence does not move a past weekday ahead
    assert events("The merger, which became final Tuesday, will create a bigger chain.",
                  D(2019, 11, 20)) == [(D(2019, 11, 19), None, "day")]
    assert events("The building will be a police station, the minister said on Tuesday.",
                  D(2019, 11, 20)) == [(D(2019, 11, 19), None, "day")]
    quote = ("“The intensive bilateral exchange will continue next year, I have no doubts about "
             "that. And we will find a way to meet in person,” Putin said Friday in a video "
             "link with Xi published on the Kremlin website.")
    assert events(quote, SEED_003) == [(D(2022, 12, 30), None, "day")]  # Friday, not 2023


@pytest.mark.parametrize(
    "fragment",
    ["Newsweek 5 days ago", "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
     "— Robert Maguire (@RobertMaguire_) November 18, 2019", "Sunday, October 07, 2012",
     "By Lim Cheng Soon, 31 July 2010"],
)
def test_datelines_listings_and_embeds_are_no_events(fragment: str) -> None:
    assert events(fragment, SEED_004) == []


def test_a_subheading_is_no_event() -> None:
    assert extract_events([Block("subhead", "The invasion of February 24.", 1)], SEED_004) == ()


def test_one_entry_per_sentence_its_most_precise_date() -> None:
    assert events("Attacks on February 4 and February 24.", SEED_004) == [
        (D(2022, 2, 4), None, "day")]
    assert events("In 2022, on February 24, Russia invaded.", SEED_004) == [
        (D(2022, 2, 24), None, "day")]


def test_a_long_sentence_is_shown_by_its_dated_clause() -> None:
    long = ("On Monday, Chinese President Xi Jinping met with his “dear friend” Vladimir Putin in "
            "Moscow, seeking to strengthen economic ties with an ally he sees as a valuable "
            "counterweight to the West while also promoting Beijing’s role as a possible "
            "peacemaker in Ukraine.")
    (event,) = extract_events([Block("paragraph", long, 1)], SEED_002)
    assert event.sentence == long
    assert event.clause == ("On Monday, Chinese President Xi Jinping met with his “dear friend” "
                            "Vladimir Putin in Moscow …")
    assert event.mark is not None and event.clause[slice(*event.mark)] == "Monday"
    (short,) = extract_events([Block("paragraph", "On Monday, Xi met Putin.", 1)], SEED_002)
    assert short.clause == ""  # a short sentence is shown whole
    quote = ("“The intensive bilateral exchange will continue next year, I have no doubts about "
             "that. And we will find a way to meet in person,” Putin said Friday in a video "
             "link with Xi published on the Kremlin website.")
    (said,) = extract_events([Block("paragraph", quote, 1)], SEED_003)
    # the clause never starts with the closing quotation mark of the quote before it
    assert said.clause == "… Putin said Friday in a video link with Xi published on the Kremlin " \
        "website."
    assert said.mark is not None and said.clause[slice(*said.mark)] == "Friday"


# --- sentences, blocks, order -------------------------------------------------------------

def test_sentences_are_verbatim_and_abbreviations_do_not_split() -> None:
    text = ("A combination of Western sanctions is likely to weaken Moscow's arms trade, U.S. "
            "Ambassador Mark Green told Newsweek. Air Force Lt. Gen. Jeffrey Cruz said so. "
            "P. W. Singer agreed.")
    assert split_sentences(text) == [
        "A combination of Western sanctions is likely to weaken Moscow's arms trade, U.S. "
        "Ambassador Mark Green told Newsweek.",
        "Air Force Lt. Gen. Jeffrey Cruz said so.",
        "P. W. Singer agreed.",
    ]


def test_a_fragment_in_lower_case_after_a_full_stop_is_its_own_sentence() -> None:
    # seed 000's line ends with a fragment the page left ("date on this issue."): the event's
    # sentence stops before it; abbreviations and initials still do not split
    assert split_sentences("Support for China. date on this issue.") == [
        "Support for China.", "date on this issue."]
    assert split_sentences("Smith et al. found it, etc. and more.") == [
        "Smith et al. found it, etc. and more."]
    assert split_sentences("The p.m. meeting went to the Dept. of State.") == [
        "The p.m. meeting went to the Dept. of State."]


def test_quoted_full_stop_does_not_split() -> None:
    text = ("“The intensive bilateral exchange will continue next year, I have no doubts about "
            "that. And we will find a way to meet in person,” Putin said Friday in a video link.")
    assert split_sentences(text) == [text]


def test_events_carry_sentence_and_block_and_come_in_date_order() -> None:
    blocks = [
        Block("paragraph", "Intro. On Monday, Xi met Putin in Moscow.", 3),
        Block("subhead", "Background", 5),
        Block("paragraph", "The ICC acted on Friday. The two men met again on Monday "
                           "afternoon.", 7),
    ]
    assert extract_events(blocks, SEED_002) == (
        Event(D(2023, 3, 17), None, "The ICC acted on Friday.", 2, "day", inferred=True,
              mark=(17, 23)),
        Event(D(2023, 3, 20), None, "On Monday, Xi met Putin in Moscow.", 0, "day",
              inferred=True, index=1, mark=(3, 9)),
    )


def test_month_events_in_two_sentences_are_both_kept() -> None:
    text = ("Pelosi visited Taiwan earlier this month. Bombers flew near Japan earlier this "
            "month.")
    assert [e.sentence for e in extract_events([Block("paragraph", text, 1)], SEED_004)] == [
        "Pelosi visited Taiwan earlier this month.",
        "Bombers flew near Japan earlier this month.",
    ]


def test_find_dates_names_the_rule() -> None:
    (found,) = find_dates("from August 30 to September 5", SEED_004)
    assert found.rule == "date range"
    assert extract_events([], SEED_004) == ()


def test_a_date_for_a_paragraph_of_several_events_asks_for_the_sentence() -> None:
    block = Block("paragraph", "On Monday, Xi met Putin. The ICC acted on Friday.", 1)
    (fix,), problems = parse_fixes({"b0": "2023-03-20"})
    assert problems == []
    (problem,) = check_fixes([block], [fix], SEED_002)
    assert str(problem) == ("curation.yaml: paragraph b0 holds 2 events (sentences 1, 2), and a "
                            "date needs one. Fix: write b0.1 or b0.2")
    (fix,), _ = parse_fixes({"b0.2": "2023-03"})
    assert check_fixes([block], [fix], SEED_002) == []
    fixed = apply_fixes(extract_events([block], SEED_002), [fix], [block])
    assert [(e.start, e.precision, e.edited, e.inferred) for e in fixed] == [
        (D(2023, 3, 1), "month", True, False), (D(2023, 3, 20), "day", False, True)]
