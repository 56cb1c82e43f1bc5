"""Stage 2's shared words (digest.linewords): a line's content words, whichever way they are
read (the fast byte path of an ASCII line, or the pattern)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from digest import rules as R
from digest.linewords import content_tokens

# letters, figures, a letter beyond ASCII, the punctuation English text is full of (curly
# quotes, dashes, a no-break space, an ellipsis, guillemets, bullets), spaces and stops
_ALPHABET = "abcXYZ019_ é’“”‘\u00a0–—…«»•·„.,-'\u2009中"


def _pattern_tokens(text: str) -> tuple[str, ...]:
    """The content words as their definition reads them: the lower-cased line's words of two
    characters or more, no stopword, no bare number."""
    return tuple(w for w in re.findall(r"\w{2,}", text.lower())
                 if w not in R.STOPWORDS and not w.isdigit())


@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_content_words_are_the_patterns_words_whatever_the_punctuation(text: str) -> None:
    """A line whose only characters beyond ASCII are punctuation is read as ASCII, its marks
    as spaces (speed): the words must be those the pattern finds."""
    assert content_tokens(text) == _pattern_tokens(text)


def test_content_words_of_an_english_line_with_curly_quotes() -> None:
    assert content_tokens("It’s “quoted” — and the 2012 café…") == ("quoted", "café")
    assert content_tokens("Moscow’s envoy—Beijing’s partner") == (
        "moscow", "envoy", "beijing", "partner")
