"""Dated events: real sentences from the seed captures, and what must not become an event."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.events import extract_events, find_dates, split_sentences
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
        ("The exercise, which will take place in Russia's eastern military district near the "
         "Chinese and North Korean borders, is expected to last from August 30 to September 5 .",
         SEED_004, [(D(2022, 8, 30), D(2022, 9, 5), "day")]),
        ("Chinese troops will participate in a major Russian military exercise later this month.",
         SEED_004, [(D(2022, 8, 1), None, "month")]),
        ("In May, Russian and Chinese strategic bombers conducted joint exercises near Japan.",
         SEED_004, [(D(2022, 5, 1), None, "month")]),
        ("The anti-communist Republic of China has been restricted to Taiwan since being expelled "
         "from mainland China in 1949.", SEED_004, [(D(1949, 1, 1), None, "year")]),
        ("Beijing’s role in oil could also continue to grow: from February 1, 2023, Russia will "
         "ban the sale of oil to countries that support an oil price cap.", SEED_003,
         [(D(2023, 2, 1), None, "day")]),
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
         "talks on Tuesday.", SEED_002,
         [(D(2023, 3, 20), None, "day"), (D(2023, 3, 21), None, "day")]),
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
    ],
)
def test_no_event(sentence: str) -> None:
    assert events(sentence, SEED_004) == []


def test_without_a_publication_date_nothing_is_inferred() -> None:
    assert events("Newsweek 5 days ago", None) == []
    assert events("Putin said Friday in a video link with Xi.", None) == []
    assert events("Putin met Xi on February 4.", None) == []
    assert events("It will continue next year.", None) == []
    assert events("In May, bombers flew.", None) == []


def test_explicit_dates_need_no_publication_date() -> None:
    assert events("from February 1, 2023, Russia will ban the sale of oil", None) == [
        (D(2023, 2, 1), None, "day")
    ]
    assert events("expelled in 1949.", None) == [(D(1949, 1, 1), None, "year")]
    assert events("visit in March 2023.", None) == [(D(2023, 3, 1), None, "month")]


def test_days_ago_and_yesterday_resolve_against_the_article_date() -> None:
    assert events("Newsweek 5 days ago", SEED_004) == [(D(2022, 8, 13), None, "day")]
    assert events("Yesterday the ministers met.", SEED_004) == [(D(2022, 8, 17), None, "day")]


def test_weekdays_last_next_and_nearest() -> None:
    assert events("He spoke last Friday.", SEED_003) == [(D(2022, 12, 23), None, "day")]
    assert events("He speaks next Friday.", SEED_003) == [(D(2023, 1, 6), None, "day")]
    assert events("He spoke on Monday.", SEED_003) == [(D(2022, 12, 26), None, "day")]
    assert events("He will speak on Monday.", SEED_003) == [(D(2023, 1, 2), None, "day")]
    assert events("Talks followed on Saturday.", SEED_003) == [(D(2022, 12, 31), None, "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks run from December 28 to January 3.", (D(2022, 12, 28), D(2023, 1, 3))),
        ("Talks run between March 20 and March 22, 2023.", (D(2023, 3, 20), D(2023, 3, 22))),
        ("Xi visited Moscow on March 20-22, 2023.", (D(2023, 3, 20), D(2023, 3, 22))),
        ("Xi visited Moscow on 20–22 March.", (D(2022, 3, 20), D(2022, 3, 22))),
        ("They met on 4 February 2022.", (D(2022, 2, 4), None)),
        ("They met on Friday, Feb. 4th.", (D(2022, 2, 4), None)),
    ],
)
def test_date_forms(text: str, expected: tuple[dt.date, dt.date | None]) -> None:
    (found,) = events(text, SEED_004)
    assert found[:2] == expected


def test_and_between_two_dates_is_two_days_not_a_range() -> None:
    assert events("Attacks on February 4 and February 24.", SEED_004) == [
        (D(2022, 2, 4), None, "day"), (D(2022, 2, 24), None, "day")
    ]


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
        Event(D(2023, 3, 17), None, "The ICC acted on Friday.", 2, "day"),
        Event(D(2023, 3, 20), None, "On Monday, Xi met Putin in Moscow.", 0, "day"),
    )


def test_month_events_in_two_sentences_are_both_kept() -> None:
    text = ("Troops will join an exercise later this month. Pelosi visited Taiwan earlier this "
            "month.")
    assert [e.sentence for e in extract_events([Block("paragraph", text, 1)], SEED_004)] == [
        "Troops will join an exercise later this month.",
        "Pelosi visited Taiwan earlier this month.",
    ]


def test_find_dates_names_the_rule() -> None:
    (found,) = find_dates("from August 30 to September 5", SEED_004)
    assert found.rule == "date range"
    assert extract_events([], SEED_004) == ()
