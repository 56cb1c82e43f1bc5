"""The cleaner's rules, as declared data.

Every threshold is a named constant with the reason for its value; every line rule is a named,
ordered entry. ``cleaning.py`` applies them; nothing here names a site or quotes a phrase seen in
one document: the patterns are the generic furniture of web pages (navigation, share prompts,
comment forms, teaser lists, photo credits).

A capture is cleaned in two passes (see ``cleaning.py``):

1. *Where is the article?* Each line gets a density score; the best-scoring run of lines is the
   article core, grown or cut at boundary lines ("Related", "Leave a Reply", ...), cut again
   where a new headline starts an unrelated article (vocabulary overlap) or after a copyright
   notice; a closing credit and a last paragraph after an inline box are kept as ``unsure``.
2. *What is each line?* Ordered line rules (first match wins) give each line its kind; a line of
   the article that no rule recognises stays in the body, as ``body`` or ``unsure``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

# --------------------------------------------------------------------------------------------
# Thresholds
# --------------------------------------------------------------------------------------------

# A line with at least this many words and a sentence end is prose. Ten words is about the
# shortest complete news sentence; navigation items, teaser titles and credits stay under it.
PROSE_MIN_WORDS = 10
# a line of prose in capitals alone is no paragraph of the article where the page's mixed-case
# prose holds at least this many times its words (cleaning._shouted_lines)
SHOUTED_PLAIN_RATIO = 2

# A line with at most this many words and no sentence punctuation is "short": a menu item,
# a label, a credit, a subheading. Short lines cost the density score (see SHORT_LINE_PENALTY).
SHORT_MAX_WORDS = 6

# Density score of a line (pass 1): prose lines add their word count (long paragraphs weigh
# most), short link-like lines subtract this much. 8 means one real paragraph outweighs a menu
# of four or five items, so a short run of labels inside an article (a subheading, a credit)
# does not split it, while a long menu between two blocks of text does.
SHORT_LINE_PENALTY = 8.0

# A boundary line ("Related", "Leave a Reply", a copyright line) costs as much as a solid
# paragraph: the core crosses one only when a lot of prose lies beyond it (an inline "Related"
# box in the middle of a long article), never for a teaser blurb or two.
BOUNDARY_PENALTY = 60.0

# Short lines that read like a fragment of text rather than a label (they have lower-case words
# or figures: "Eat 60-90 minutes before your workout", "Portion: 1 cup") are list items of
# recipes, schedules and fact boxes; they cost little, so that such an article stays whole.
FRAGMENT_PENALTY = 1.5

# A date or time standing alone on a line after the article has started belongs to a teaser
# item ("headline / author / date / blurb") or to the page foot; in the article itself dates are
# written in sentences. Half a boundary: a long article still carries across one.
DATELINE_PENALTY = 30.0

# Lines that are neither prose nor short (middle-sized, no sentence end: teaser titles, long
# headlines, list items) cost this much: less than a menu item, since articles have some.
MIDDLE_LINE_PENALTY = 3.0

# Appended article (pass 1, step 4): the cut model (cleaning._cut_features, cut-model.json)
# judges each headline-shaped line of the core by the vocabulary of the text on each side.
APPENDED_TITLE_MIN_WORDS = 4  # a headline has four words or more; "Extra points" is a subhead
APPENDED_MIN_WORDS = 40  # prose words before and after a candidate line, to judge it at all
APPENDED_TOPIC_WORDS = 20  # the article's topic: its 20 most frequent content words...
APPENDED_MIN_TOPIC_WORDS = 5  # ...that occur at least twice; fewer = no topic to judge
# In a long rest (this many prose words) a topic word must occur twice to count: one chance
# occurrence of a common word ("state", "first") does not make two articles one.
APPENDED_REST_TWICE_WORDS = 250
APPENDED_REST_WORDS = 400  # the prose after a candidate that is searched for the topic
APPENDED_WINDOW_WORDS = 150  # about two paragraphs on each side of the line
APPENDED_LOW_OVERLAP = 0.08  # a window overlap this low: next to nothing of it said before
APPENDED_HEADER_LINES = 12  # lines above the core read as the page header (title, dek, menu)
APPENDED_MAX_COUNT = 8  # headline-shaped lines before/after a candidate are counted up to this
# A page title may start in lower case when it names its site first: "site.com | Headline".
TITLE_SEPARATOR_RE = re.compile(r"\s(?:[-|:»–—]{1,2})\s")

# Quotes and brackets that may close a sentence: "He left." ends in a period, so it is a
# sentence, not a headline.
CLOSING_QUOTES = "\"'”’»)]"

# Section marks of one article: numbered items ("1. Define your goal"), Q&A ("Q: ...").
SECTION_MARK_RE = re.compile(r"^(?:\d{1,2}[.)]\s|[QA]\s?[:.]\s|(?:step|part|chapter)\s+\d)", re.I)

# A teaser list after a boundary: this many short lines (source, headline, category, date)
# or more per prose line (the blurbs). Article text after an inline "Related" box is mostly
# paragraphs, with at most a subheading per paragraph or two.
TEASER_SHORT_PER_PROSE = 2.0
# ...unless the boundary opens a box inside the article (a newsletter pitch, "Related Articles"
# and a link or two): under it, after at most INLINE_BOX_LINES other lines (its links and
# labels), the article's paragraphs go on: within INLINE_BOX_WINDOW lines of text from the
# first, this many paragraphs or more, twice as many as the other lines among them (a teaser
# list alternates headlines and blurbs, one to one). Chosen on train pages with such a box put in
# the middle of their article (CLEANING.md, "Round 10").
INLINE_BOX_LINES = 3
# A box's buttons (a share bar's "Share", "Facebook", "Copy link"; a sign-up form's "Enter your
# email", "Sign up") are counted apart: a box may hold this many of them besides its
# INLINE_BOX_LINES other lines (round 15; not tuned: a recent share bar has six to eight).
INLINE_BOX_BUTTONS = 8
# ... and its items marked as a list ("Most Read", then "1. Council delays vote ...", "2. ...")
# as many as this besides: a list of links is one part of the box, not one line an item
# (round 26, declared, not tuned; round 15 tried it and carried a blog index's core over its
# later posts, which no longer happens: no train capture's output changes)
INLINE_BOX_ITEMS = 10
# A form's button in a box ("Sign up", "Subscribe", "Submit"): one of its buttons, not a second
# opener
FORM_BUTTON_RE = re.compile(r"^(?:sign\s*up|subscribe|submit|join|register)\W*$",
                            re.IGNORECASE)
INLINE_BOX_WINDOW = 8
# A product's price on its own line under it in a gift guide or a deal list ("$29", "$29 at
# Amazon", "£19.99"): with a shop's button, what makes a list's item a product (round 40)
PRICE_LINE_RE = re.compile(r"^\W*(?:[$£€¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:usd|eur|gbp))(?:\s|$)",
                           re.IGNORECASE)
# A sign-up form's opener ("Subscribe", "Sign up", "Newsletter", "Sign up for our newsletter
# ..."): it heads a form, never a list of other stories, so the teaser cut does not end the
# article at it (round 40: on train no teaser cut fell at one)
SIGNUP_OPENER_RE = re.compile(
    r"^\W*(?:subscribe|sign\s*up|newsletters?)\b(?:\s+(?:for|to|now|today)\b.*)?$", re.IGNORECASE)
# An article holds a few boxes; a page of many more (a thousand share bars between posts) is
# a page of posts, and the core's end is carried over this many of them at most
INLINE_BOX_MAX = 20
# How many lines of text under a box's opener are read at most: the box, the window of the
# article's lines, and the list items and second boxes passed over in it (a bound that keeps a
# page of a thousand boxes linear; no page of the corpora comes near it)
INLINE_BOX_READ = 256
# The openers that close a post (its tags, its categories, its author's note, the links to the
# next post): no second box inside the article opens with them
POST_END_RE = re.compile(
    r"^(?:tags?|topics?|filed\s+under|categories|posted\s+in|about\s+the\s+author"
    r"|previous|next)\b", re.IGNORECASE)
INLINE_BOX_PARAGRAPHS = 3
INLINE_BOX_PARAGRAPH_WORDS = 15  # a paragraph, not a teaser's headline or a pitch's line
# ... or as many paragraphs as other lines when the paragraphs run this many words each on
# average: an article's sections under their subheadings ("Berchtesgaden, Germany — my
# favorite adventure destination" over a paragraph of 150 words), where a teaser's blurb is a
# sentence or two (round 26: 60, declared, not tuned; 45 gives the same on train's box bench)
INLINE_BOX_LONG_PARAGRAPH_WORDS = 60
# An article resuming under a box with a list set out without markers (a feature list,
# ingredients: lines with no blank line between them): this many lines or more (round 26)
UNMARKED_LIST_MIN_LINES = 3
# A post's tag line: its tags or categories after their label ("Tags: Mercury, MESSENGER,
# NASA", "Filed Under: Halloween · Tagged With: Crafts", "Labels: adwords", "Posted in New
# Cars, News Blog"). Under the post's text it closes the post (cleaning._tags_cut). Without a
# colon, the label is one that reads as a tag line only before a capitalised name ("Posted in
# Architecture"), not a sentence's words ("Posted in the forums last week").
POST_TAGS_RE = re.compile(
    r"^(?:(?:tags?|tagged(?:\s+(?:as|with|in|under))?|filed\s+(?:under|in)|posted\s+(?:in|under)"
    r"|categor(?:y|ies)|labels?|topics?|keywords?|теги|метки|рубрик[аи]|标签|关键词)"
    r"\s*(?::|：|//)\s*\S"
    r"|(?:tagged(?:\s+(?:as|with|in|under))?|filed\s+(?:under|in)|posted\s+(?:in|under))"
    r"\s+(?-i:[A-Z0-9#]))", re.IGNORECASE)
POST_TAGS_MAX_WORDS = 40
_POST_TAGS_FIRST = frozenset("tTfFpPcClLkK")  # POST_TAGS_RE's first characters


def post_tag_line(text: str, words: int) -> bool:
    """Whether a stripped line of ``words`` words is a post's tag line (POST_TAGS_RE, at most
    POST_TAGS_MAX_WORDS words); the text and HTML tracks end a post there."""
    return (0 < words <= POST_TAGS_MAX_WORDS and text[:1] in _POST_TAGS_FIRST
            and POST_TAGS_RE.match(text) is not None)

# An inline box inside the article ("Related Links" and one or two links) can stand before the
# last paragraph; the density score does not cross its label for one paragraph. The text after
# it is the article's when the box is small (this many link lines, each a short label, not a
# teaser headline) and no more prose follows within BOX_CHECK_LINES lines of text (a teaser
# list alternates headlines and blurbs; the end of an article is followed by page furniture).
BOX_MAX_ITEMS = 2
BOX_CHECK_LINES = 4
# The label of such a box points to other pages ("Related Links", "See also", "Read more");
# a share bar, an author box or a comment section opens the page foot instead.
BOX_LABEL_RE = re.compile(
    r"^(?:related|see\s+also|(?:read|see)\s+(?:more|also)|also\s+read|more\s+(?:on|about)\b"
    r"|further\s+reading|useful\s+links|external\s+links|veja\s+tamb[eé]m|leia\s+tamb[eé]m"
    r"|à\s+lire\s+aussi|mehr\s+zum\s+thema|читайте\s+также|関連)",
    re.IGNORECASE,
)

# A leading list number, as breadcrumbs and numbered menus are copied ("5. Home").
LIST_NUMBER_RE = re.compile(r"^\d{1,2}[.)]\s+")

# A telephone number (three groups of figures or more) or an address for mail: a contact line
# ("Marcy Polanco, +1-212-975-3327", "moyacostello@iprimus.com.au")
CONTACT_RE = re.compile(r"\+?\(?\d{2,5}\)?(?:[\s.-]?\d{2,5}){2,}|[\w.+-]+@[\w-]+\.\w")

# A title-like line: at most this many words (headlines run 5-20 words).
TITLE_MAX_WORDS = 25

# A subheading inside the article: at most this many words and no sentence end.
SUBHEAD_MAX_WORDS = 14

# Teaser lines (a headline-plus-blurb in a "more stories" list) end in an ellipsis; inside the
# article a sentence may trail off too, so only lines after the end of the article are judged.
# (The rule pass reads any closing ellipsis; the step after the models reads the stricter
# CUT_OFF_RE below, an ellipsis right after a word, in runs outside the article: round 36.)
TEASER_ELLIPSIS_RE = re.compile(r"(\.\.\.|…)\s*$")

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

WORD_RE = re.compile(r"\w+", re.UNICODE)
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# ... of them, the scripts written without spaces between words (Chinese and Japanese: Korean
# has spaces), as the ranges of a character class
SPACELESS_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The letters of Russian and Ukrainian, as the ranges of a character class
CYRILLIC_LETTERS = "а-яА-ЯёЁіїєґІЇЄҐ"

# ASCII bytes as "a" for a word character (``\w`` in ASCII text is [A-Za-z0-9_]), " " for any
# other: a word is then a run of "a", and each run but a leading one follows a " "
_ASCII_WORD_MARK = bytes(
    ord("a") if chr(c).isascii() and (chr(c).isalnum() or c == ord("_")) else ord(" ")
    for c in range(256)
)


# Punctuation beyond ASCII that English text is full of (curly quotes, dashes, no-break space):
# none is a word character, so a space in its place leaves the words as they were.
_NON_WORD_MARKS = ("’", "“", "”", "‘", "\u00a0", "–", "—", "…", "«", "»", "•", "·", "„")


def marks_as_spaces(text: str) -> str:
    """``text`` (not ASCII) with the punctuation of _NON_WORD_MARKS it holds as spaces: the
    same words, and often an ASCII line, which the ASCII readings count fast."""
    for ch in _NON_WORD_MARKS:
        if ch in text:
            text = text.replace(ch, " ")
    return text


def count_words(text: str) -> int:
    """Words in ``text``; in scripts written without spaces (CJK) two characters count as one."""
    if not text.isascii():
        text = marks_as_spaces(text)
    if text.isascii():  # the runs of word bytes, counted without building the words
        marks = text.encode("ascii").translate(_ASCII_WORD_MARK)
        return marks.count(b" a") + marks.startswith(b"a")
    if not CJK_RE.search(text):
        return len(WORD_RE.findall(text))
    n = 0
    for tok in WORD_RE.findall(text):
        cjk = len(CJK_RE.findall(tok))
        n += max(1, cjk // 2 + (1 if len(tok) > cjk else 0)) if cjk else 1
    return n


# A label: every word capitalised (or a single word / number), as menu items and section
# names are written ("Home", "Weight Loss Tips", "NEWS", "21 Day Fix Hub").
_LABEL_TOKEN = r"(?:[A-ZÀ-ÝА-ЯЁ0-9&(\[“\"‘'#@]\S*|[a-z]{1,3}[^\w\s]*|[^\w\s]+)"
LABEL_LIKE_RE = re.compile(
    rf"^\s*{_LABEL_TOKEN}(?:\s+{_LABEL_TOKEN})*\s*$|^\W*\w+\W*$"
)  # tokens split on spaces, so matching is linear (no nested-quantifier backtracking)
SENTENCE_END_RE = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]+)?\s*$")
_SENTENCE_STOPS = ".!?…。！？"
_SENTENCE_CLOSERS = "\"'”’»)]"


def ends_sentence(text: str) -> bool:
    """``SENTENCE_END_RE.search(text)``, read from the end of the line rather than searched
    for at every position: a stop, closing quotes or brackets, then only whitespace (the
    pattern's whitespace class and ``str.rstrip()`` agree on what whitespace is)."""
    end = text.rstrip().rstrip(_SENTENCE_CLOSERS)
    return end != "" and end[-1] in _SENTENCE_STOPS


# Hard-wrapped text: a capture whose paragraphs a wrapper broke over lines of 60 to 80
# characters (a PDF's or an e-mail's text pasted, a page's <pre> block). The cleaner reads a
# line as a paragraph, and a line of a long sentence is no prose, so such a capture loses most
# of its paragraphs (a synthetic one kept 1 of 4, at confidence 1.0): `make content` names it
# (doubts.wrapped_doubt). Its sign (``wrap_width``): sentences broken from a line to the next,
# in lower case on both sides, in runs of lines that end a sentence; WRAP_MIN_BREAKS of them,
# WRAP_SHARE of them full lines (within WRAP_BAND of the upper quartile of their lengths), and
# at most WRAP_OVER_LINES lines (or WRAP_OVER_SHARE of them) longer than that: wrapped
# throughout. On the train pages, 3 such captures (a press release, an essay, a standard); a
# poem or comments broken by hand inside a page of long paragraphs are not.
WRAP_MIN_CHARS = 40
WRAP_MIN_BREAKS = 3
WRAP_SHARE = 0.6
WRAP_BAND = 0.2
WRAP_OVER_LINES = 2
WRAP_OVER_SHARE = 0.01


def wrap_width(lines: list[str]) -> int | None:
    """The width the stripped ``lines`` of a capture are hard-wrapped at, or None when they are
    not wrapped throughout (see WRAP_MIN_BREAKS)."""
    above: list[int] = []
    run: list[str] = []
    for text in [*lines, ""]:
        if text:
            run.append(text)
            continue
        if run and ends_sentence(run[-1]):  # (a paragraph ends a sentence; a list may not)
            above += [len(a) for a, b in itertools.pairwise(run)
                      if len(a) >= WRAP_MIN_CHARS and _broken_sentence(a, b)]
        run = []
    if len(above) < WRAP_MIN_BREAKS:
        return None
    above.sort()
    width = above[(3 * len(above)) // 4]
    low, high = (1 - WRAP_BAND) * width, (1 + WRAP_BAND) * width
    if sum(1 for n in above if low <= n <= high) < max(WRAP_MIN_BREAKS, WRAP_SHARE * len(above)):
        return None
    over = sum(1 for text in lines if len(text) > high)
    return width if over <= max(WRAP_OVER_LINES, WRAP_OVER_SHARE * len(lines)) else None


def _broken_sentence(above: str, below: str) -> bool:
    """A sentence goes on from line ``above`` to line ``below``: the last word of ``above`` and
    the first of ``below`` in lower case, or ``above`` ending with a comma ("... the Kremlin
    said in a" / "statement published after the call."); not a web address below. (A list of
    teasers under lower-case labels ends each line with a capitalised word.)"""
    last = above.rsplit(None, 1)[-1]
    return (below[:1].islower() and (last[:1].islower() or last.endswith(","))
            and not ends_sentence(above) and not below.startswith(("http", "www.")))


# A sentence end inside a line (two letters, a stop, a capital): "...the war. China has"; a
# leading list number ("5. Xi and Putin") or an initial ("P. W. Singer") is not one.
SENTENCE_INSIDE_RE = re.compile(r"[^\W\d_]{2}[.!?]\s+[\"“‘(]?[A-ZА-ЯЁ0-9]")
URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+(?:\s+\S+){0,6}$", re.IGNORECASE)
# A web address anywhere in a line ("Official Rules (http://...)"): a link, never the headline
# of an article glued after this one (appended-article cut).
WEB_ADDRESS_RE = re.compile(r"https?://|\bwww\.", re.IGNORECASE)
# A site's own address, alone or inside a name (round 45): a name, a dot and a domain in lower
# case or in capitals ("Football365.com", "Pocket-lint.co.uk", "SIMPLYFOUND.COM"); not inside a
# longer address or a mail address
SITE_ADDRESS_RE = re.compile(
    r"(?<![\w.@/-])(?:www\.)?[^\W_][\w-]*(?:\.[^\W_][\w-]*)*\.(?:[a-z]{2,6}|[A-Z]{2,6})(?![\w-])")

# Boundaries after the article: the line, by itself, opens the comment section, a share bar,
# a teaser list or the footer. Matched against the whole stripped line, case-insensitively.
END_BOUNDARY_RE = re.compile(
    r"^(?:"
    r"related(?:\s+(?:articles?|stories|posts?|news|content|coverage|reading|links|videos?"
    r"|topics))?|(?:from\s+)?around\s+the\s+web"
    # a "Related ..." section label: "Related to this story", "RELATED ON HUFFPOST",
    # "Related Recipes & Stories", "Related research and analysis from GigaOM Pro"
    r"|related\s+(?:to\s+(?:this|the)\s+(?:story|article|post)|on\s+\S+(?:\s+\S+){0,2}"
    r"|(?:&|and)\s+recommended\b.*|(?:[\w'’.&-]+\s+){0,3}(?:articles?|stories|story|posts?"
    r"|news|content|coverage|reading|reads|links|videos?|topics|features|reports|slideshows"
    r"|sites|blogs|recipes|research|tags|info|information|searches|whitepapers|papers"
    r"|resources|galleries|photos|sections|fanposts|fanshots)\b(?:\s+[\w'’&-]+(?:\.[\w'’&-]+)*){0,5})"
    r"|(?:promoted|partner|paid)\s+(?:stories|content|links)|editor'?s'?\s+picks?"
    r"|more(?:\s+[\w'’&.-]+){1,3}|more\s+from(?:\s+[\w'’&.-]+){1,5}|want\s+more\b.*"
    r"|also\s+(?:on|in|at|from)(?:\s+[\w'’&.-]+){1,4}"
    r"|print\s+this\s+(?:article|page|story)"
    r"|subscribe|sign\s+up|newsletters?|follow\s+us\b.*"
    r"|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment"
    r"|(?:\d+\s+)?comments?(?:\s*[(/:]?\s*\d+\s*\)?)?|click\s+to\s+comment|show\s+comments"
    r"|join\s+the\s+(?:discussion|conversation)|(?:\d+\s+)?(?:replies|responses)"
    r"|share\s+(?:this|on|via|your|the)\b.*|share|sharing\s+is\s+caring"
    # the same section openers in other languages the digest sees (pt, es, fr, de, ru, ja)
    r"|voc[eê]\s+(?:tamb[eé]m\s+)?pode\s+gostar\W*|veja\s+tamb[eé]m|leia\s+tamb[eé]m"
    r"|(?:artigos|posts|not[ií]cias|art[ií]culos|entradas)\s+relacionad[oa]s"
    r"|coment[aá]rios?|deixe\s+(?:um|seu)\s+coment[aá]rio|te\s+puede\s+interesar\W*"
    r"|(?:tambi[eé]n\s+)?te\s+puede\s+interesar|à\s+lire\s+aussi|articles\s+similaires"
    r"|commentaires?|laisser\s+un\s+commentaire|ähnliche\s+artikel|kommentare"
    r"|das\s+könnte\s+sie\s+auch\s+interessieren|читайте\s+также|похожие\s+\w+"
    r"|комментари[ийя]\w*(?:\s*\(\s*\d+\s*\))?|оставить\s+комментарий|関連記事|コメント"
    r"|(?:новости|материалы)\s+по\s+теме|по\s+теме|смотрите\s+также|другие\s+новости"
    r"|популярное|самое\s+(?:читаемое|популярное)|теги"
    r"|相关(?:新闻|阅读|文章|报道|链接|推荐)|推荐阅读|延伸阅读|热门(?:推荐|文章|新闻)"
    r"|更多(?:新闻|精彩|内容)|猜你喜欢|(?:网友|最新|热门)?评论(?:\s*[（(]\s*\d+\s*[）)])?|发表评论"
    r"|我要评论"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested(?:\s+in)?)\W*"
    r"|(?:we\s+)?recommended?(?:\s+(?:for\s+you|stories|articles))?|trending(?:\s+now|\s+stories)?"
    r"|(?:most\s+)?(?:popular|read|viewed)(?:\s+(?:posts|stories|articles|now))?"
    r"|most\s+(?:read|popular|viewed|shared)\b.*"
    # what other readers read ("People Who Read This Article Also Read", "Also read",
    # "Readers also liked") and a section's list ("Stories in this section"). Not "Other
    # People Are Reading": on train a box set inside the article over its list or last
    # paragraph (one site's, two pages), not its end
    r"|(?:people|readers)\s+(?:who\s+read\s+this(?:\s+(?:article|story|post))?\s+)?also"
    r"\s+(?:read|liked|viewed|enjoyed)|also\s+read|stories\s+in\s+this\s+section"
    r"|(?:read|see)\s+(?:more|also|next)\W*|up\s+next|what\s+to\s+read\s+next"
    r"|take\s+a\s+look|don'?t\s+miss|latest(?:\s+(?:news|stories|posts|articles|headlines))?"
    r"|about\s+the\s+author|previous\s+(?:post|article|story)\b.*|next\s+(?:post|article|story)\b.*"
    r"|previous(?:\s*[|/]?\s*next)?|sponsored(?:\s+(?:content|stories|links|posts))?"
    r"|tags?|topics?|filed\s+under\b.*|categories"
    r")\s*:?\s*$",
    re.IGNORECASE,
)

# A boundary that opens the comments ("24 Comments", "Leave a Reply", "Join the discussion")
COMMENTS_OPENER_RE = re.compile(r"comment|repl|respon|discuss|conversation|коммент|coment|评论",
                                re.IGNORECASE)
# A button inviting a comment, alone on its line ("Leave a comment", "Add a comment"): a
# newsletter platform sets it inside a post as it sets a share button; it opens a box inside the
# article, not the thread, when no comment's signature and no comment form stands under it
# (round 47)
COMMENT_BUTTON_RE = re.compile(r"^\W*(?:leave|add|post|write)\s+a\s+comment\W*$", re.IGNORECASE)

# The comments' prompt or heading in the readers' words, a line by itself: "Have your say",
# "Add your comment", "Readers' comments", "Reader comments (2)", "Discuss this article",
# "Comments are now closed on ...". Published, it reads as a subheading of the article. On the
# train pages 304 such lines, none in a truth but a whole page's. Not a boundary: read as the
# article's end, such a line cost as many sentences as it saved (CLEANING.md, "Round 20"), as some
# articles open under it and some truths keep the thread.
COMMENT_PROMPT_RE = re.compile(
    r"^(?:have\s+your\s+say(?:\s+(?:on|about)\s+this\s+(?:story|article|post))?"
    # (round 29) the thread's state and its way in: "No comments yet", "Be the first to
    # comment", "Login or register to post comments", "Please sign in to comment.", "Only
    # members of the Club can enter comments.", "Tell us what you think", "Join the
    # Conversation", and the form's own help ("Enter your information below to add a new
    # comment.", "All HTML will be escaped. ...", "(Maximum characters: 1500) You have
    # characters left.")
    r"|(?:there\s+are\s+)?no\s+comments(?:\s+(?:yet|so\s+far|at\s+the\s+moment"
    r"|(?:have\s+)?(?:so\s+far\s+)?(?:been\s+)?(?:posted|made|submitted)(?:\s+(?:yet|so\s+far))?"
    r"(?:\s+(?:on|to|for)\s+this\s+\w+)?))?"
    r"|be\s+the\s+first\s+to\s+(?:comment|reply|respond|(?:post|leave|add|write)\s+a\s+comment)"
    r"(?:\s+(?:on\s+)?this\s+\w+)?"
    # (round 34) the thread's heading and its widget: "Comments on this story", "Discuss this
    # post", "comments powered by Disqus"
    r"|comments?\s+on\s+this\s+(?:story|article|post|entry|page)"
    r"|comments?\s+powered\s+by\b.{1,40}"
    r"|(?:please\s+)?(?:log\s*in|sign\s*in|register|sign\s*up)(?:\s+(?:or|/)\s+(?:register"
    r"|sign\s*up|log\s*in|sign\s*in))?\s+(?:to|and)\s+(?:comment|post\s+(?:a\s+)?comments?"
    r"|leave\s+(?:a\s+)?comments?|reply|join\s+the\s+(?:conversation|discussion))"
    r"|only\s+(?:registered\s+)?(?:members|users|subscribers)\b.{0,40}\b(?:can|may)\s+"
    r"(?:post|enter|leave|add|write)\s+(?:a\s+)?comments?"
    r"|tell\s+us\s+what\s+you\s+think|join\s+the\s+(?:conversation|discussion)(?:\s*:.*)?"
    r"|enter\s+your\s+(?:information|details)\s+below\s+to\s+(?:add|post|leave)\s+(?:a\s+)?"
    r"(?:new\s+)?comment|all\s+html\s+will\s+be\s+escaped\b.*"
    r"|\(?maximum\s+characters?\b.*|you\s+have\s+\d*\s*characters?\s+left"
    r"|(?:add|post|write)\s+your\s+comments?(?:\s+(?:here|below))?"
    r"|(?:add|post|leave|write)\s+(?:a|your)\s+comments?\s+on\s+(?:this\s+(?:story|article)"
    r"|[\"“].{1,80}[\"”])|discuss\s+this\s+(?:story|article|post|entry)"
    r"|(?:your|readers?['’]?)\s+(?:say|comments|views)(?:\s*\(?\d+\)?)?"
    r"|reader\s+(?:comments|reactions|views)(?:\s*\(?\d+\)?)?"
    r"|comments?\s+(?:are\s+|is\s+)?(?:now\s+)?closed(?:\s+(?:on|for)\s+.{1,60})?)\W*$",
    re.IGNORECASE,
)
#: the longest such line, in words
COMMENT_PROMPT_MAX_WORDS = 16
# The thread's heading that counts it, opening a line with no sentence ("20 Comments on this
# story", "3 Comments, Comment or Ping", "100 of 313 comments loaded"; round 34): the same
# prompt in figures.
COMMENT_COUNT_HEADING_RE = re.compile(
    r"^\W*\d[\d,]*\s+(?:of\s+\d[\d,]*\s+)?(?:comments?|responses?|replies)\b", re.IGNORECASE)
# What the steps after the models read under the article (round 35; cleaning.py):
# A blog host's notice beside an advertisement, by itself on its line ("Remove this ad",
# "Report this ad", "About these ads"): the ad's slot, no heading of the article
AD_NOTICE_RE = re.compile(
    r"^\W*(?:(?:remove|report|hide|close)\s+this\s+ad|about\s+these\s+ads)\W*$", re.IGNORECASE)
# A paragraph that describes a photo (round 44): it places the people in it (", left,", "(right)",
# "second from right") or names the picture ("in this file photo", "seen in this combined
# image", "pictured", "STAFF PHOTO BY ..."). Written for whole paragraphs, so narrower than the
# headline's caption cues (``headline.is_caption``, asked of short lines): "(R)" and "(c)" in a
# paragraph are the registered and the copyright marks ("Harmony(R) One", "Copyright (c)
# 2014"), and "is seen" opens "is seen as" in a lede. Inside an article, the article's own
# sentences read so ("she was photographed walking outside her London home"): only a run of
# them over the article's first paragraph is a caption (cleaning._opening_captions,
# html_edges.opening_captions).
PHOTO_CAPTION_RE = re.compile(
    r",\s+(?:left|right|center|centre|second\s+(?:from\s+)?(?:left|right)),"
    r"|\s\((?:left|right|center|centre)\)"
    r"|\b(?:file\s+photo|in\s+this\s+(?:undated\s+)?(?:file\s+)?(?:image|photo|picture)"
    r"|combined\s+(?:image|photo)|(?:is|are)\s+seen\s+(?:here|in\s+this)|pictured|photographed)\b"
    r"|^staff\s+photo\b",
    re.IGNORECASE,
)
# A report's attribution: a paragraph that says who said what is the article's, whatever photo
# words it holds ("Police said a man pictured near the scene ..."; on the train captures 4 such
# lines with a caption's words are in a truth, none of those in no truth)
REPORTED_SPEECH_RE = re.compile(r"\b(?:said|says|told|according\s+to)\b", re.IGNORECASE)


def photo_caption(text: str) -> bool:
    """A paragraph that describes a photo (``PHOTO_CAPTION_RE``) and reports no one's words
    (``REPORTED_SPEECH_RE``)."""
    return (PHOTO_CAPTION_RE.search(text) is not None
            and REPORTED_SPEECH_RE.search(text) is None)


def opening_captions(paragraphs: Iterable[tuple[int, str]]) -> list[int]:
    """The indexes of the photo captions over an article's first paragraph, from its
    ``paragraphs`` (index and text, top down): the run at the top that each read as a caption
    (``photo_caption``), when a paragraph that does not follows it. A page whose every
    paragraph reads so (a gallery) keeps them: none."""
    found: list[int] = []
    for index, text in paragraphs:
        if not photo_caption(text):
            return found
        found.append(index)
    return []


# The page's own navigation, written out (round 44): a breadcrumb under "You are here:" ("You
# are here: Home / This & That / It's back!") and the skip links a page prints for screen
# readers ("Skip to: Search Box Section Navigation", "Skip directly to: Search Box, Section
# Navigation, Content", "Skip to main content"), alone or glued to the site's welcome
# ("Welcome to The Daily Telegraph. Skip to: ..."). A skip link is read at the line's start or
# as a list under its colon: an article on web design writes "add a skip to content link". On
# the train captures 109 such lines, none in a truth.
SITE_NAVIGATION_RE = re.compile(
    r"^\W*you\s+are\s+here\s*:|\bskip\s+(?:directly\s+)?to\s*:"
    r"|^\W*skip\s+(?:to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|search|article)|navigation)\b",
    re.IGNORECASE,
)


def site_navigation(text: str) -> bool:
    """Whether ``text`` holds the page's navigation written out (``SITE_NAVIGATION_RE``). Every
    match holds "skip" or "here", as IGNORECASE reads them: a line without either is not
    searched (the search runs over every kept line)."""
    low = fold(text)
    return ("skip" in low or "here" in low) and SITE_NAVIGATION_RE.search(text) is not None


# The site's call to its readers, a short paragraph (round 44; the HTML track drops it,
# html_edges.CALL_RULE): send it news, photos or comments ("When news happens: send photos,
# videos & tip-offs to ...", "E-mail comments to ...", "If you have any news tips ..."), have
# their say, join or discuss ("Join the discussion on our Message Boards", "Discuss this story
# on the ... message board"), subscribe to its newsletter. Opening the line, or in the site's
# own words anywhere in it: an article's own sentence about sending photos ("I send photos of
# places via Instagram") does not open with the imperative. On the train captures 179 lines
# read so, one of them in a truth (a trade paper's "Send news tips and comments to ..." under
# its report).
READER_CALL_RE = re.compile(
    r"^\W*(?:please\s+)?(?:send|e-?mail|submit|post)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?"
    r"(?:photos?|pictures?|videos?|tips?|tip-offs?|comments?|views|letters?|thoughts)\b"
    r"|\bsend\s+(?:us\s+)?(?:your\s+)?(?:photos?|pictures?|videos?|tip-offs?)\s*(?:,|&|and)"
    r"|\b(?:e-?mail|send)\s+your\s+comments\s+to\b|\bhave\s+your\s+say\b"
    r"|\bjoin\s+the\s+(?:debate|discussion|conversation)\b"
    r"|\bdiscuss\s+this\s+(?:story|article|post)\b|\bpost\s+your\s+own\s+(?:views|comments?)\b"
    r"|\bif\s+you\s+have\s+(?:any\s+)?news\s+tips?\b|\binterested\s+in\s+hearing\s+from\s+you\b"
    r"|\bsubscribe\s+to\s+(?:the|our)\b.{0,60}\bnewsletter\b",
    re.IGNORECASE,
)
#: a longer paragraph is the article's own (a call is a sentence or two), in words
READER_CALL_MAX_WORDS = 30


def reader_call(text: str) -> bool:
    """A short paragraph asking the reader to send the site news, photos or comments, or to
    join its discussion (``READER_CALL_RE``, at most READER_CALL_MAX_WORDS words)."""
    return count_words(text) <= READER_CALL_MAX_WORDS and READER_CALL_RE.search(text) is not None


# The page's own script or style sheet, pasted with its text (round 45): minified source, many
# statements on one long line ("var _hbEC=0,_hbE=new Array;function _hbEvent(a,b){...}",
# "SPOTIM_OPTIONS = { frameStyleBlock: '@font-face{font-family:...;src:url(...)}' ..."). Each
# alternative is one construct of a script or a style sheet: a function, a declaration, an
# assignment of an object, an array or a function, a rule, the page's document or window, a
# closing brace and its semicolon, an arrow function, a condition's block, a return, two
# style declarations in a row.
SCRIPT_CONSTRUCT_RE = re.compile(
    r"\bfunction\s*[\w$]*\s*\([^()]*\)\s*\{"
    r"|\b(?:var|let|const)\s+[\w$]+\s*="
    r"|[\w$\]]\s*=\s*(?:\{|\[|function\b|new\s+[\w$])"
    r"|@(?:font-face|media|import)\b"
    r"|\b(?:document|window)\.[\w$]+"
    r"|\}\s*\)?\s*;"
    r"|=>\s*\{"
    r"|\bif\s*\([^()]*\)\s*\{"
    r"|\breturn\s+[\w$.]+\s*;"
    # (from a word's start only: from every letter of a long word, the search would take a
    # time growing with the word's length squared)
    r"|(?<![\w-])[\w-]+\s*:\s*[\w#.%-]+\s*;\s*[\w-]+\s*:"
)
#: a line shorter than this is a statement an article can show (an article about code sets its
#: example out a statement a line: "var cow = new Cow();"), in characters
SCRIPT_MIN_CHARS = 150
#: the constructs a line of the page's script holds at least (on the train captures, a line with
#: two is never in a truth either; three leaves an article's one-line example more room)
SCRIPT_MIN_CONSTRUCTS = 3
#: the share of a script's characters that are its punctuation ("{}();=[]"): 0.047 to 0.173 on
#: the train captures' pasted scripts; a sentence of prose that names a few of a script's calls
#: ("the page calls document.write() and window.open(); ...") holds far fewer
SCRIPT_MIN_PUNCTUATION = 0.04
_SCRIPT_PUNCTUATION = "{}();=[]"


def script_source(text: str) -> bool:
    """Whether ``text`` is the page's script or style sheet pasted as one line: at least
    SCRIPT_MIN_CHARS characters, a brace or a semicolon (statements run together),
    SCRIPT_MIN_PUNCTUATION of its characters a script's punctuation, and
    SCRIPT_MIN_CONSTRUCTS of its constructs (``SCRIPT_CONSTRUCT_RE``). The cheap tests come
    first: the search runs over every kept line, and few lines of prose pass them."""
    if len(text) < SCRIPT_MIN_CHARS or ("{" not in text and ";" not in text):
        return False
    if sum(map(text.count, _SCRIPT_PUNCTUATION)) < SCRIPT_MIN_PUNCTUATION * len(text):
        return False
    # (the search stops at the constructs it needs: a pasted script runs to thousands of
    # characters)
    constructs = itertools.islice(SCRIPT_CONSTRUCT_RE.finditer(text), SCRIPT_MIN_CONSTRUCTS)
    return sum(1 for _ in constructs) >= SCRIPT_MIN_CONSTRUCTS


# A heading over a writer's note: "About" and a name of one to three capitalised words ("About
# Nancy Atkinson", "ABOUT MICHELE PERRY"); the name is group 1
ABOUT_NAME_RE = re.compile(r"^(?i:about)\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s*$")
# A slideshow's loader, by itself on its line: the widget's placeholder text, printed where the
# script puts the slides (and their captions) in the page
GALLERY_LOADER_RE = re.compile(
    r"^\W*loading\s+(?:the\s+)?(?:slide\s*show|(?:photo\s+|image\s+)?gallery|photos|images)\W*$",
    re.IGNORECASE)
# What the steps after the models read over or under the article (round 36; cleaning.py):
# A line cut off by an ellipsis right after a word, no sentence mark before it ("Sky is the
# limit for Chinese exports into I ...", "Aries: This is a good day t...", "Subotic: Cristiano
# Ronaldo always delivers …"): a teaser's blurb, or its headline, cut to fit the list. (A line
# trailing off after a sentence, "... it happened. ...", or after a list's comma, "Debian,
# Fedora, ...", is no such cut.) A stricter TEASER_ELLIPSIS_RE: the rule pass, and the models
# trained on it, read that one.
CUT_OFF_RE = re.compile(r"[\w\"“”'’)]\s?(?:\.{3,}|…)\s*$")

# Boundaries that also mark the end when the line carries more text (a prompt sentence).
END_PROMPT_RE = re.compile(
    r"^(?:your\s+email\s+address\s+will\s+not\s+be\s+published"
    r"|(?:sign\s+up|subscribe)\b.{0,60}\bnewsletter"
    r"|the\s+mention\s+sources?\s+can\s+contact"
    r"|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|all\s+rights\s+reserved"
    r"|все\s+права\s+защищены|版权所有"
    r")",
    re.IGNORECASE,
)

# The closing line of an article, right under its last paragraph: a credit in parentheses
# ("(Reporting by ...; Editing by ...)") or a copyright sentence of the agency that wrote it
# ("© 2019 The Agency. All rights reserved."). Both often belong to the article text; the
# line is kept as "unsure" (reported), while it still ends the article for everything after it.
# A bare "© Site" label (no sentence) stays furniture.
CLOSING_NOTE_RE = re.compile(
    r"^(?:\([^()]*\)"
    r"|(?:copyright\s*(?:©|\(c\))?|©)\s*\d{4}\b.*[.!]"
    r"|.*\ball\s+rights\s+reserved\b.*[.!])$",
    re.IGNORECASE,
)
CLOSING_NOTE_MIN_WORDS = 3  # "(AP)" or "(Photo)" alone is not a credit line

# Site notices written as prose: legal disclaimers, cookie and affiliate notices, trademark
# lines. Dense text, but the same on every page of a site; they count against the article.
LEGAL_NOTICE_RE = re.compile(
    r"\b(?:(?:this|our)\s+(?:web)?site\s+(?:uses|is\s+(?:not\s+)?(?:intended|supported))"
    r"|cookies?\s+(?:policy|settings)|privacy\s+(?:policy|notice)|terms\s+(?:of\s+(?:use|service)|"
    r"and\s+conditions)|all\s+rights\s+reserved|registered\s+trademarks?|affiliate\s+"
    r"(?:links?|partnerships?|commission)|may\s+earn\s+(?:a\s+)?commission"
    r"|information\s+provided\s+on\s+this\s+(?:web)?site|not\s+been\s+evaluated\s+by"
    # a cookie banner, in its own words ("We use cookies to give you the best experience on our
    # website"; an article's "the site uses cookies to track readers" is none)
    r"|(?:we|(?:this|our)\s+(?:web)?site)\s+uses?\s+cookies\b|accept\s+(?:all\s+)?cookies"
    r"|cookies?\s+to\s+(?:give|ensure|improve|provide|offer|enhance)\s+(?:you\s+)?"
    r"(?:the\s+best|a\s+better|your)"
    r"|by\s+(?:continuing\s+to\s+)?(?:use|using|brows\w+)\s+(?:this|our|the)\s+(?:web)?site)",
    re.IGNORECASE,
)
# Every notice above holds one of these words (case-folded, as IGNORECASE compares): a line
# without any is not searched (the search is the costliest rule on a long paragraph).
LEGAL_NOTICE_WORDS = ("site", "cookie", "privacy", "terms", "rights", "trademark", "affiliate",
                      "commission", "evaluated")


def is_legal_notice_lower(low: str) -> bool:
    """``is_legal_notice(text)`` for an ASCII line, from ``low``, the line lower-cased."""
    return (
        ("site" in low or "cookie" in low or "privacy" in low or "terms" in low
         or "rights" in low or "trademark" in low or "affiliate" in low
         or "commission" in low or "evaluated" in low)  # LEGAL_NOTICE_WORDS
        and LEGAL_NOTICE_LOWER.search(low) is not None
    )


def is_legal_notice(text: str) -> bool:
    # IGNORECASE also equates dotless i with i; ASCII text has none, and casefolds as it lowers
    folded = text.lower() if text.isascii() else text.casefold().replace("ı", "i")
    return (
        ("site" in folded or "cookie" in folded or "privacy" in folded or "terms" in folded
         or "rights" in folded or "trademark" in folded or "affiliate" in folded
         or "commission" in folded or "evaluated" in folded)  # LEGAL_NOTICE_WORDS
        and bool(LEGAL_NOTICE_RE.search(text))
    )


# A long line that occurs again within this many non-blank lines is a gallery caption (shown
# under the image and again in the slide) or a teaser, not a paragraph. Far-apart repeats
# can be content (the same ingredient line in two meal plans), so they are kept.
REPEAT_NEAR_LINES = 3

# A repeated line this short (a headline-sized line) is taken as the title shown twice.
REPEATED_MIN_WORDS = 15

# Characters stripped from both ends of a line: whitespace and the invisible characters that
# page text is littered with (zero-width space and joiners, word joiner, BOM, soft hyphen).
STRIP_CHARS = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u2060\ufeff\u00ad\u3000"

# Growing the core forward (pass 1, step 4) stops at this many label-like lines in a row: a
# recipe or fact box alternates labels with text, a menu or teaser list does not.
EXTEND_MAX_LABEL_RUN = 5

# Growing the core backward stops at this many headlines in a row, a teaser list's (each a
# line of at most TEASER_HEADING_MAX_WORDS words, no sentence): an article's header holds at
# most three such lines (a kicker, the headline, a standfirst with no full stop). The nearest
# of them stays, as it may be the article's headline. As many under the article's last
# paragraph end the article above them (cleaning._teasers_under).
TEASER_HEADINGS_RUN = 4
TEASER_HEADING_MAX_WORDS = 12
# ... and under the article's last paragraph, where a list of its own is more common, such a
# headline shares at most this share of its content words with the article's prose: another
# story's ("City council approves new bus lanes" under a report on a new terminal) a common
# word or two, the article's own findings ("Google obviously leads the referrals list") most
TEASER_SHARED_MAX = 1 / 3

# Three or more short items set apart by wide gaps or bars: a row of links or buttons
# ("Whatsapp   Facebook   Pin", "Home | News | Sport"). Tabs are not gaps here: tab-separated
# cells are a table, and tables can be content.
LINK_ROW_RE = re.compile(
    r"^(?:[^\s|•·]+(?: [^\s|•·]+){0,2}(?:\s{3,}|\s*[|•·]\s*)){2,}[^\s|•·]+(?: [^\s|•·]+){0,2}$"
)

# A site's menu longer than a link row: five or more items of one to four words between bars or
# dots, with a bar before the first or after the last allowed ("News: ePaper | Front Page |
# National | Tamil Nadu | ... | Sport |"). The link row stops at sixteen words; this one has
# no limit, as no item is a sentence: on the train split 383 capture lines have this shape
# (203 of them longer than sixteen words) and no line of any truth.
# (possessive: a line that is no menu fails at its first word, not after trying each split)
_MENU_ITEM = r"[^\s|•·]++(?:\s+[^\s|•·]++){0,3}+"
_MENU_BAR = r"\s*+[|•·]\s*+"
MENU_ROW_RE = re.compile(
    rf"^(?:{_MENU_BAR})?(?:{_MENU_ITEM}{_MENU_BAR}){{4,}}{_MENU_ITEM}(?:{_MENU_BAR})?$", re.I)


def _may_be_menu_row(text: str, lower: str) -> bool:
    return "|" in text or "•" in text or "·" in text


# A gallery slide counter opening a line ("1 of 4", "2of4A shopper looks at ..."). The caption
# after a counter starts with a capital or nothing follows; a fraction starts a measure
# ("1/2 tsp ground cloves", "3/4 cup flour"), which is text.
_GALLERY_COUNTER = r"^(?:image|photo|slide)?\s*\d{1,3}\s*(?:of\s*/|of|/)\s*\d{1,3}(?!\d)"
GALLERY_COUNTER_RE = re.compile(_GALLERY_COUNTER + r"(?!\s*(?-i:[a-z]))", re.I)

# A teaser headline glued to its blurb, as menus render them: three or more capitalised words,
# then a word running straight into the next sentence ("Tape Gaffe Ends Title RunDenny won...").
GLUED_TEASER_RE = re.compile(
    r"^(?:(?:[A-Z0-9‘'\"“$][\w'’:,$.&-]*|a|an|the|of|in|on|at|to|for|and|or|by|with|from)"
    r"\s+){3,}\S*?(?:[A-Z][a-z]{2,}|[a-z][?!’”)])[A-Z][a-z]*\s"
)  # "McPherson" (one lower-case letter before the capital) is a name, not a glue

Kind = Literal[
    "blank",
    "body",
    "subhead",
    "title",
    "dek",
    "byline",
    "dateline",
    "caption",
    "boilerplate",
    "unsure",
]


# The only characters beyond ASCII that IGNORECASE equates with an ASCII letter: "İ" and "ı"
# with i, "ſ" with s, the Kelvin sign with k (Python's re module documents these four).
_FOLD_TO_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` lower-cased as IGNORECASE compares it with a pattern's ASCII letters: a
    pattern's ASCII word can match only where ``fold(text)`` holds it (pre-tests only). No other
    character lower-cases to an ASCII letter, and only "İ" lower-cases to two characters."""
    if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text or "\u212a" in text):
        return text.lower()  # (a translation reads each character through a dict: slow)
    return text.translate(_FOLD_TO_ASCII).lower()


def lower_twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` without IGNORECASE, to be matched against a lower-cased ASCII line: there it
    matches exactly where ``rx`` matches the line (ASCII letters are the only cased characters
    of such a line, and ``rx`` names no capital), two to three times as fast. For a pattern
    that is case-sensitive, names a capital (outside an escape such as ``\\W``) or sets flags
    inline (``(?-i:[a-z])`` is case-sensitive inside), it is an error to ask."""
    pattern = rx.pattern
    if (not rx.flags & re.IGNORECASE or re.search(r"[A-Z]", re.sub(r"\\.", "", pattern))
            or re.search(r"\(\?[aiLmsux-]", pattern)):
        raise ValueError(f"no lower-case twin for {pattern[:40]!r}")
    return re.compile(pattern, rx.flags & ~re.IGNORECASE)


END_BOUNDARY_LOWER = lower_twin(END_BOUNDARY_RE)
LEGAL_NOTICE_LOWER = lower_twin(LEGAL_NOTICE_RE)


@dataclass(frozen=True)
class LineRule:
    """A named line rule: when ``pattern`` matches the stripped line, the line gets ``kind``."""

    name: str
    kind: Kind
    pattern: re.Pattern[str]
    why: str
    max_words: int = 10_000  # the rule only applies to lines this short
    # Words of which a line must hold one (in ``fold(text)``) for ``pattern`` to match: a line
    # without any is not searched (speed only; empty: always searched).
    needs: tuple[str, ...] = ()
    # A finer pre-test of a line (its text, ``fold(text)``): False only where ``pattern``
    # cannot match (speed only; None: ``needs`` alone)
    may_match: Callable[[str, str], bool] | None = None
    # The pattern can only match at the line's start (it opens with "^" and has no other
    # top-level branch): such rules are first asked together, in one pattern (speed only).
    anchored: bool = False
    # A line ``pattern`` matches that is none the less not the rule's (``text``: the line);
    # asked only after a match. None: every match counts.
    refuted: Callable[[str], bool] | None = None

    def search(self, text: str, lower: str | None = None) -> bool:
        """Whether ``pattern`` occurs in ``text`` (``lower``: ``fold(text)``, for the
        pre-tests; None: no pre-test)."""
        if lower is not None:
            if self.needs:
                for w in self.needs:
                    if w in lower:
                        break
                else:
                    return False
            if self.may_match is not None and not self.may_match(text, lower):
                return False
        return (self.pattern.search(text) is not None
                and (self.refuted is None or not self.refuted(text)))


def may_be_link_row(text: str) -> bool:
    """LINK_ROW_RE's gaps: a bar or dot, three spaces, or another whitespace character (a tab,
    a no-break space: every whitespace character but the space is non-printable)."""
    return ("|" in text or "   " in text or not text.isprintable()
            or (not text.isascii() and ("•" in text or "·" in text)))


def _may_be_link_row(text: str, lower: str) -> bool:
    return may_be_link_row(text)


def _may_be_credit(text: str, lower: str) -> bool:
    """What each branch of the photo-credit pattern needs: a word and a ":", "|", "/" or "©"
    after it, a "(Photo ...)" credit, or an agency's name ("ap photo", "file photo" and
    "(photo" hold "photo")."""
    return (
        "photo" in lower or "фото" in lower or "图" in text or "摄影" in text
        or ("(" in text and ("(image" in lower or "(picture" in lower or "(credit" in lower))
        or (("/" in text or ":" in text or "|" in text or "©" in text)
            and ("image" in lower or "picture" in lower or "credit" in lower
                 or "illustration" in lower or "source" in lower or "video" in lower))
        or "getty" in lower or "shutterstock" in lower or "istock" in lower
        or "associated" in lower or "afp" in lower or "reuters" in lower
        # ("epa" as a word: "separate", "prepare", "department" hold the letters)
        or ("epa" in lower and _EPA_RE.search(lower) is not None)
    )


_EPA_RE = re.compile(r"\bepa\b")


def _may_describe_site(text: str, lower: str) -> bool:
    """A "welcome to" opening and a place word, or "your" and a place word (the two branches
    of the site-self-description pattern)."""
    return (("your" in lower or lower.startswith("welcome"))
            and ("source" in lower or "destination" in lower or "home" in lower
                 or "site" in lower or "place" in lower))


def _may_be_url_line(text: str, lower: str) -> bool:
    """URL_LINE_RE's opening: "http" or "www." (in any case)."""
    return lower.startswith(("http", "www."))


def _may_be_teaser_prefix(text: str, lower: str) -> bool:
    """The teaser-prefix pattern's separator after the label ("Also Read | ...")."""
    return ("|" in text or ":" in text or "-" in text or ">" in text
            or (not text.isascii() and ("»" in text or "–" in text or "—" in text)))


# The first words of the reader-prompt rule's lines (its pattern's branches)
_READER_PROMPT_FIRST = ("subscribe", "already", "log", "sign", "register", "create", "this",
                        "listen", "show", "read", "article", "play", "watch", "expand",
                        "collapse", "close", "open", "click", "enlarge", "keep", "report", "gift",
                        "save", "add", "turn", "download", "get", "support", "become", "our",
                        "send", "follow", "like", "do", "did", "подписывайтесь", "关注", "扫码",
                        "欢迎", "登录", "注册")


def _may_be_reader_prompt(text: str, lower: str) -> bool:
    """The reader-prompt pattern's first word (after any marks), or a reading time's figure."""
    start = _LEADING_MARKS_RE.sub("", lower, count=1)  # (the pattern's "^\W*")
    return start.startswith(_READER_PROMPT_FIRST) or start[:1].isdigit()


_LEADING_MARKS_RE = re.compile(r"^\W+")


def _may_be_caption_label(text: str, lower: str) -> bool:
    """CAPTION_LABEL_RE's first word."""
    return lower.startswith(("image", "media", "photo", "picture", "video", "caption"))


_COUNTER_WORDS = ("image", "photo", "slide")  # GALLERY_COUNTER_RE's optional first word


def may_open_counter(text: str, lower: str) -> bool:
    """GALLERY_COUNTER_RE's opening: a digit (``\\d``: a decimal digit of any script), after
    one of _COUNTER_WORDS and whitespace, if any (whitespace is what ``\\s`` and
    ``str.lstrip`` both remove)."""
    if lower.startswith(_COUNTER_WORDS):
        return lower[5:].lstrip()[:1].isdecimal()
    return lower.lstrip()[:1].isdecimal()


_I = re.IGNORECASE

# A photo's credit or a caption ending in one (the photo-credit rule's pattern)
PHOTO_CREDIT_RE = re.compile(
    r"(?:\b(?:photo(?:graph)?s?|images?|pictures?|credit|illustration|source|video"
    # (in Russian and Chinese: "Фото: РИА Новости", "图片来源：新华社", "摄影：李明")
    r"|фото|图片来源|图片|摄影|图)"
    # (a slash before a lower-case word pairs two words, "images/gifs", "photo/video
    # shoot": no credit; "Photo/AP" and "Photo / Getty" are)
    # (a colon ending the line announces what follows, "Check out the video:")
    r"\s*(?:by|credit|courtesy)?\s*(?:[|©／]|[:：](?!\s*$)|/(?!\s*(?-i:[a-z])))"
    r"|\((?:photo|image|picture|credit)[^)]*\)\s*$"
    # (an agency named at the end of a line that ends in a colon announces a quote:
    # "The Associated Press reported:", "From our correspondent at Reuters:")
    r"|\b(?:getty\s+images|shutterstock|istock(?:photo)?|associated\s+press|ap\s+photo"
    r"|afp|reuters|epa|file\s+photo)\b[^.!?]{0,40}(?<!:)$)",
    _I,
)


def _credit_in_article(text: str) -> bool:
    """A line the photo-credit pattern matches only where the article's own text names a
    source (train pages; each a paragraph of the article published as a caption before): in
    a quoted title ("... author of "The Spitting Image: Myth, Memory ..."), a news agency
    signing off the story after its last sentence ("... in school. – AFP", "... in the West.
    afp/slj"), a source cited with its full date after a sentence (a quotation's: "(Source:
    Wall Street Journal, July 31, 2012.)"). Without those, no credit is left."""
    rest = _AGENCY_SIGN_OFF_RE.sub("", text)
    rest = _DATED_SOURCE_RE.sub("", rest)
    rest = _QUOTED_RE.sub(" ", rest)
    return rest != text and PHOTO_CREDIT_RE.search(rest) is None


# a quotation: a title or a speaker's words (in curly quotes, or straight ones paired on the line)
_QUOTED_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"")
# a news agency (not a photo agency: "Getty Images", "EPA") named alone after a sentence's end
# at the line's end, or a wire desk's code ("afp/slj": the agency and the editors' initials)
_AGENCY_SIGN_OFF_RE = re.compile(
    r"(?<=[.!?\"”’'])\s*(?:[-–—]+\s*|\(\s*)?(?-i:AFP|Reuters|REUTERS|The Associated Press"
    r"|Associated Press|AP)\s*\)?\.?\s*$"
    r"|(?<=[.!?\"”’'])\s+\S*\s*\b(?-i:afp|ap|dpa|reuters)/[a-z]{2,4}\s*$",
    _I,
)
# a source cited with a full date: a document (an article, a report), not a photograph
_DATED_SOURCE_RE = re.compile(
    r"(?<=[.!?\"”’'])\s*\(?sources?:[^()]*?\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov"
    r"|dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?\s*\)?\s*$",
    _I,
)


# A caption under its label, as a screen reader's hidden label reads in the page's text ("Image
# caption ...", "Media caption ...", "Image copyright ...") or a print caption ("Caption: ...");
# the label is followed by a capital, a digit or a quote ("Image copyright law ..." is a sentence)
CAPTION_LABEL_RE = re.compile(
    r"^(?:(?:image|media|photo|picture|video)\s+(?:caption|copyright)"
    r"|image\s+source\s*[,:]|(?:photo\s+)?caption\s*:)\s*(?-i:[A-Z0-9©\"“‘'(])",
    _I,
)

# The writer and the time a blog prints under a post, the name followed by "at" and the time
# ("Posted by Jane at 4:04 PM", "Posted by Jane at August 9, 2012 8:27 AM"): a header's
# byline says "on" and the date ("Posted by Jane on May 5, 2012 at 1 pm"). A branch of the
# post-footer rule; the metadata reads the writer from it.
_POST_WRITER = (r"posted\s+by\s+(?P<writer>\S+(?:\s+\S+){0,3}?)\s+(?:at|@)\s+"
                r"(?:\w+\s+\d{1,2},?\s+\d{4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
                r"(?:\s+[a-z]{2,4})?")
POST_WRITER_RE = re.compile(_POST_WRITER, _I)


#: Ordered line rules (first match wins), applied to lines inside the article region.
LINE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "link-row",
        "boilerplate",
        LINK_ROW_RE,
        "three or more short items set apart by wide gaps or bars: a row of links or buttons",
        max_words=16,
        may_match=_may_be_link_row,
    ),
    LineRule(
        "menu-row",
        "boilerplate",
        MENU_ROW_RE,
        "five or more short items between bars or dots, of any length: a site's menu",
        may_match=_may_be_menu_row,  # (not anchored: most lines hold no bar, and are not asked)
    ),
    LineRule(
        "glued-teaser",
        "boilerplate",
        GLUED_TEASER_RE,
        "a menu teaser: headline run into its blurb with no space",
    ),
    LineRule(
        "url-line",
        "boilerplate",
        URL_LINE_RE,
        "a bare address (image or link target) is page furniture, not text",
        may_match=_may_be_url_line,
        anchored=True,
    ),
    LineRule(
        "teaser-prefix",
        "boilerplate",
        re.compile(
            r"^(?:also|related|more|must|recommended|further|editor'?s?\s+pick)?\s*"
            r"(?:read|watch|see|listen|reading|stories?|links?|picks?)\s*(?:also|more|next)?"
            r"\s*[|:»>–—-]\s*\S",
            _I,
        ),
        "'Also Read | headline' teasers link to other stories",
        max_words=25,
        needs=("read", "watch", "see", "listen", "stor", "link", "pick"),
        may_match=_may_be_teaser_prefix,
        anchored=True,
    ),
    LineRule(
        "gallery-counter",
        "caption",
        GALLERY_COUNTER_RE,
        "a gallery slide ('1 of 4', '2of4A shopper looks...') is a caption, with its counter",
        max_words=80,
        may_match=may_open_counter,
        anchored=True,
    ),
    LineRule(
        "caption-label",
        "caption",
        CAPTION_LABEL_RE,
        "a caption under its label, as a screen reader's hidden label or a print caption reads"
        " in the page's text ('Image caption ...', 'Media caption ...', 'Caption: ...')",
        max_words=80,
        may_match=_may_be_caption_label,
    ),
    LineRule(
        "media-control",
        "boilerplate",
        re.compile(
            r"^(?:(?:hide|toggle|show|close)\s+caption|enlarge\s+(?:this\s+)?(?:image|photo)"
            r"|media\s+playback\s+is\s+(?:unsupported|not\s+supported)\b.*)$",
            _I,
        ),
        "the controls of a photo viewer or a media player ('Enlarge this image', 'toggle"
        " caption', 'Media playback is unsupported on your device')",
        max_words=12,
        needs=("caption", "enlarge", "playback"),
        anchored=True,
    ),
    LineRule(
        "photo-credit",
        "caption",
        PHOTO_CREDIT_RE,
        "photo captions end in a credit ('Photo: AFP', '/ Getty Images')",
        max_words=60,
        may_match=_may_be_credit,
        refuted=_credit_in_article,
    ),
    LineRule(
        "share-bar",
        "boilerplate",
        re.compile(
            r"^(?:(?:share|tweet|email|e-mail|print|pin|save|copy\s+link|facebook|twitter|x"
            r"|linkedin|pinterest|whatsapp|reddit|telegram|flipboard|messenger|instagram"
            r"|youtube|rss|comments?|reply"
            # and the bookmarking sites of older pages ("Digg This | Save to del.icio.us")
            r"|digg(?:\s+(?:this|it))?|(?:save|add)\s+to\s+(?:del\.icio\.us|digg|reddit"
            r"|stumbleupon)|del\.icio\.us|stumbleupon|technorati|newsvine|tumblr"
            # the share buttons of Russian and Chinese pages ("Поделиться", "ВКонтакте",
            # "分享到：", "微信", "微博")
            r"|поделиться|вконтакте|вк|одноклассники|дзен|分享到?|微信|微博|朋友圈|qq空间|qq"
            r"|豆瓣)\b\W*){1,8}$"
            # a blog platform's bar, its buttons run together in the page's text ("Email
            # ThisBlogThis!Share to TwitterShare to Facebook")
            r"|^(?:(?:e-?mail\s*this|blog\s*this!?|share\s+(?:to|on)\s+(?:twitter|x|facebook"
            r"|pinterest|linkedin|reddit|whatsapp|tumblr|e-?mail))\W*){2,8}$",
            _I,
        ),
        "rows of share buttons are links, not text",
        max_words=12,
        anchored=True,
    ),
    LineRule(
        "advert-label",
        "boilerplate",
        re.compile(
            r"^(?:advertisement|advert|sponsored(?:\s+content)?|ad|реклама|广告"
            r"|story\s+continues\s+below.*"
            r"|continue\s+reading.*|scroll\s+to\s+continue.*|skip\s+(?:to\s+)?\w+.*|loading\.*)$",
            _I,
        ),
        "ad slots and reading prompts",
        max_words=10,
        anchored=True,
    ),
    LineRule(
        "reader-prompt",
        "boilerplate",
        re.compile(
            # an account's prompts and a paywall's ("Subscribe now", "Already a subscriber? Log
            # in", "Sign in", "Subscribe to continue reading", "This article is for
            # subscribers only")
            r"^\W*(?:subscribe(?:\s+(?:now|today|here))?"
            r"|subscribe\s+to\s+(?:continue|keep)\s+reading.*"
            r"|already\s+(?:a\s+(?:subscriber|member)|have\s+an\s+account)\b.*"
            r"|(?:log|sign)\s*in(?:\s+(?:here|now))?"
            r"|(?:log|sign)\s*in\s+(?:or|/)\s+(?:register|sign\s*up|subscribe)"
            r"|register(?:\s+(?:now|here))?|create\s+(?:a\s+|your\s+)?(?:free\s+)?account"
            r"|this\s+(?:article|story|content)\s+is\s+(?:for|available\s+to|only\s+for"
            r"|reserved\s+for)\s+(?:our\s+)?(?:paid\s+)?subscribers(?:\s+only)?"
            # a recent page's reading aids ("Listen to this article", "5 min read", "Show
            # more", "Article continues below")
            r"|listen\s+to\s+(?:this\s+)?(?:article|story|post)\b.*"
            # (round 47) the listen button alone ("Listen", "Listen now"): on the train pages
            # 6 such lines, none of a truth
            r"|listen(?:\s+now)?"
            r"|\d{1,2}\s*(?:[-–]\s*\d{1,2}\s*)?(?:-\s*)?min(?:ute)?s?(?:\s+read)?"
            r"|show\s+(?:more|less)|read\s+less"
            r"|article\s+continues\s+(?:below|after)\b.*"
            # and a recent page's buttons ("Play video", "Close", "Open image in gallery", "Gift
            # this article", "Download the app", "Support independent journalism")
            r"|(?:play|watch)\s+(?:the\s+)?video|expand|collapse|close"
            r"|open\s+(?:image\s+)?(?:in\s+)?gallery|enlarge"
            r"|click\s+(?:here\s+)?(?:on\s+)?(?:the\s+)?(?:(?:photo|image|picture|thumbnail)s?\s+)?"
            r"(?:to|for)\s+(?:expand|enlarge|zoom|(?:a\s+)?larger\s+(?:image|view|version))"
            r"(?:\s+(?:the\s+)?(?:photo|image|picture))?"
            r"|(?:do|did)\s+you\s+(?:like|enjoy)\s+this\s+(?:story|article|post)"
            r"|keep\s+reading|read\s+(?:the\s+)?full\s+(?:story|article)"
            r"|report\s+an?\s+(?:error|issue|typo)|gift\s+(?:this\s+)?(?:article|story)"
            r"|save\s+(?:for\s+later|(?:this\s+)?(?:article|story))"
            r"|add\s+to\s+(?:my\s+)?(?:reading\s+)?list|turn\s+on\s+(?:push\s+)?notifications"
            r"|(?:download|get)\s+(?:our|the)\s+(?:\w+\s+)?app"
            r"|support\s+(?:independent|our|quality)\s+journalism"
            r"|become\s+a\s+(?:member|subscriber|supporter|patron)"
            r"|our\s+journalism\s+needs\s+your\s+support|send\s+us\s+(?:a\s+)?(?:news\s+)?tip"
            # and the calls to follow the site or to sign up ("Follow us on Twitter", "Like us
            # on Facebook!", "Click here to subscribe")
            r"|follow\s+us\b.{0,40}|like\s+us\s+on\s+facebook"
            # a writer's card's follow button, alone on its line ("Follow", "+ Follow")
            r"|follow"
            # (in Russian and Chinese: "Подписывайтесь на наш канал в Telegram", "关注我们")
            r"|подписывайтесь\s+на\b.{0,60}|(?:扫码|欢迎)?关注我们.{0,30}|登录|注册|登录\s*/\s*注册"
            r"|click\s+here\s+to\s+(?:subscribe|sign\s*up|register|log\s*in|join)\b.{0,40})"
            r"\W*$",
            _I,
        ),
        "a reader's account and reading prompts and a page's buttons ('Already a subscriber? Log"
        " in', 'Sign in', 'Listen to this article', '5 min read', 'Show more', 'Play video',"
        " 'Close', 'Download the app', 'Follow us on Twitter'); on the train pages 771 lines, 3 of"
        " a truth (one or three words: 'Expand', 'close', 'Get the App')",
        max_words=16,
        # (not anchored: asked of the few lines that open with one of its first words)
        may_match=_may_be_reader_prompt,
    ),
    LineRule(
        "paywall-notice",
        "boilerplate",
        re.compile(
            # the condition a paywall or a registration wall sets, addressed to the reader:
            # "To read this article in full you must be registered with the site.", "To
            # continue reading this story, please subscribe."
            r"^\W*to\s+(?:read|continue\s+reading|keep\s+reading|view|access)\s+(?:this|the)\s+"
            r"(?:full\s+|entire\s+|complete\s+|rest\s+of\s+(?:this|the)\s+)?"
            r"(?:article|story|post|content)(?:\s+in\s+full)?\s*,?\s+"
            r"(?:you\s+(?:must|need\s+to|have\s+to|will\s+need\s+to)|please)\b.*$",
            _I,
        ),
        "a paywall's condition over or under the article ('To read this article in full you must"
        " be registered with the site.'): the page's, never the article's; on the train pages 12"
        " lines, on one site's six pages, none of a truth",
        max_words=30,
        needs=("read", "view", "access"),
        anchored=True,
    ),
    LineRule(
        "page-tool",
        "boilerplate",
        re.compile(
            # one to three tools on a line ("Print this article  Email this article", "Send
            # this article to Friends by E-Mail", "Email to a friend")
            r"^(?:(?:(?=\w+\W+\w)(?:e-?mail|send|print|save)(?:\s+this)?(?:\s+(?:article|story|page|link|post))?"
            r"(?:\s+to\s+(?:a\s+)?friends?(?:\s+by\s+e-?mail)?)?"
            r"|printable\s+version|printer[\s-]friendly(?:\s+(?:version|page|format))?"
            r"|write\s+to\s+(?:the\s+)?editor|bookmark\s+with|what\s+are\s+these\?"
            r"|back\s+to\s+(?:the\s+)?top|(?:to\s+)?top\s+of\s+(?:the\s+)?page"
            # a blog's profile box ("View my complete profile")
            r"|view\s+my\s+(?:complete\s+)?profile"
            # a photo viewer's, a thread's and an ad slot's links inside the article ("View
            # larger image", "Jump to comments", "Flag as inappropriate", "Ads by Google",
            # "Advertise | AdChoices", "Article continues")
            r"|view\s+larger(?:\s+(?:image|picture|photo|version))?|larger\s+(?:image|picture|photo)"
            r"|jump\s+to\s+(?:the\s+)?comments|flag\s+as\s+inappropriate|ads\s+by\s+google"
            r"|advertise|adchoices|article\s+continues"
            # a feed to follow the site by ("Subscribe to this blog's feed", "Subscribe to Full
            # WORC feed by RSS")
            r"|subscribe\s+to\s+(?:[\w'’]+\s+){0,3}(?:feed|rss)(?:\s+(?:by|via)\s+(?:rss|e-?mail))?"
            r")\W*){1,3}$"
            # a Chinese page's tools, each in brackets ("【字号 大 中 小】【打印】【关闭窗口】",
            # "【纠错】": font size, print, close the window, report an error)
            r"|^(?:【[^】]{1,12}】\s*)+$",
            _I,
        ),
        "a page's tools for the article ('E-mail this to a friend', 'Printable version',"
        " 'Print this article  Email this article', 'Subscribe to this blog's feed',"
        " 'Bookmark with:', 'Back to top', 'View larger image', 'Flag as inappropriate', 'Ads by"
        " Google'); none of those added in round 27 is a line of a train page's truth",
        max_words=8,
        anchored=True,
    ),
    LineRule(
        "counted-link",
        "boilerplate",
        # (no other bracket on the line: "Radio: WONE-AM (980), WIZE-AM (1340)" lists
        # stations; no year: "Population pyramid (2017)")
        re.compile(r"^[^\W\d_][^()]{8,120}[^\d\s]\s\((?!(?:19|20)\d\d\))\d{1,4}\)$", _I),
        "a link with its count of comments or readers: a teaser ('Macs too hip for PC users?"
        " (190)') or the comments' link ('Reader Comments (2)'); on the train pages, no"
        " such line inside an article is a line of its truth",
        max_words=25,
        anchored=True,
    ),
    LineRule(
        "shop-button",
        "boilerplate",
        re.compile(
            r"^(?:(?:buy|shop|order)(?:\s+it)?\s+now"
            r"|(?:buy|shop)(?:\s+it)?\s+(?:here|(?:on|at|from)(?:\s+[\w.&'-]+){1,3})"
            r"|(?:see|check|view|compare)\s+(?:the\s+)?(?:latest\s+)?(?:prices?|deals?|offers?"
            r"|availability)(?:\s+(?:on|at)(?:\s+[\w.&'-]+){1,3})?"
            r"|add\s+to\s+(?:cart|basket|bag)|get\s+(?:the\s+|this\s+)?deal)\W*$",
            _I,
        ),
        "a shop's button under a product of a gift guide or a review ('Buy now', 'Buy on"
        " Amazon', 'Compare prices', 'Add to cart'); none is a line of a train page's truth",
        max_words=8,
        needs=("buy", "shop", "order", "price", "deal", "offer", "availab", "cart", "basket",
               "bag"),
        anchored=True,
    ),
    LineRule(
        "site-self-description",
        "boilerplate",
        re.compile(
            r"^(?:welcome\s+to\b.*\b(?:source|destination|home)\b"
            r"|.*\byour\s+(?:number\s+one|#\s?1|no\.?\s*1|one-stop|trusted|go-to)\s+"
            r"(?:source|destination|site|place)\b)",
            _I,
        ),
        "a site describing itself ('Welcome to X, your number one source for ...')",
        max_words=60,
        may_match=_may_describe_site,
    ),
    LineRule(
        "signup-pitch",
        "boilerplate",
        re.compile(
            r"^(?:(?:sign\s+up|subscribe|get|join)\b.{0,120}\b(?:to|in)\s+your\s+inbox\b"
            r"|.{0,200}\b(?:delivered|straight|direct(?:ly)?|right)\s+(?:to|in|into)\s+"
            r"your\s+(?:e-?mail\s+)?inbox\b"
            # a newsletter's or a blog's, opening the line or a sentence of it: "Thanks for
            # reading X! Subscribe for free to receive new posts and support my work", "X is a
            # reader-supported publication. To receive new posts ...", "Enter your email
            # address to receive new posts by email" (round 47; "readers who subscribe to
            # receive new posts by post ..." is a sentence of an article)
            r"|(?:.{0,200}?[.!?]\s+)?(?:(?:subscribe|sign\s+up)\b[^.!?]{0,40}?\s"
            r"|enter\s+your\s+e-?mail(?:\s+address)?\s+)to\s+receive\s+new\s+posts\b"
            r"|(?:.{0,200}?[.!?]\s+)?to\s+receive\s+new\s+posts\s+and\s+support\s+(?:my|our)"
            r"\s+work\b)", _I),
        "a sign-up pitch in its own words ('Sign up to receive the day's top stories, delivered"
        " to your inbox', 'The day's top stories, delivered to your inbox every morning', a"
        " newsletter's 'Subscribe for free to receive new posts and support my work'): a box of"
        " the page, wherever it stands; on the train pages 51 lines, none of a truth",
        max_words=40,
        # (not anchored: its other branches scan the line, asked only of a line with their words)
        needs=("inbox", "new posts"),
    ),
    LineRule(
        "print-edition-note",
        "boilerplate",
        re.compile(
            r"^(?:a\s+version\s+of\s+this\s+(?:article|story|review|column|essay|report)\s+"
            r"(?:appears|appeared)\s+in\s+print\b"
            r"|this\s+(?:article|story)\s+appeared\s+in\s+the\s+.{1,80}?\bprint\s+edition\b"
            r"|appeared\s+in\s+the\s+.{1,60}?\bprint\s+edition\b)", _I),
        "a paper's note of where the article ran in print ('A version of this article appears in"
        " print on Nov. 15, 2026, Section A, Page 8 ...', 'This article appeared in the Finance"
        " section of the print edition under the headline ...', 'Appeared in the November 12,"
        " 2026, print edition as ...'): the page's, not the article's (round 47; no train line"
        " holds one)",
        max_words=80,
        needs=("print",),
        anchored=True,
    ),
    LineRule(
        "post-footer",
        "boilerplate",
        re.compile(
            r"^(?:this\s+(?:entry|post)\s+was\s+posted\b.*"
            r"|posted\s+(?:by|in|on)\b.*\|\s*(?:permalink|email\s+this|\d+\s+comments?"
            r"|comments?)\b.*"
            r"|view\s+all\s+posts\s+(?:by|in|filed\s+under)\s+\S.{0,60}"
            # "Permalink" as a field of the post's meta row, not a sentence's word: alone, or
            # after or before a bar, a dash or a tab ("November 05, 2012 | Permalink", "no
            # comments – permalink", "Comments (0)\tSend to a friend\tPermalink")
            r"|(?:.{0,150}?(?:[|–—•·\t]|\s-)\s*)?permalink(?:\s*(?:[|–—•·\t]|-\s).{0,150})?"
            # the post's trackback link and its label ("TrackBack", "Trackback (0)",
            # "TrackBack URL for this entry:", "What is Trackback?"), and the label over the
            # trackbacks' list ("Listed below are links to weblogs that reference Title:")
            r"|(?:what\s+is\s+)?track\s?backs?(?:\s*\(\d+\)|\s+ur[li]\b.{0,120})?\W*"
            r"|(?:listed\s+below\s+are\s+links\s+to\s+weblogs|other\s+blogs)\s+that\s+reference"
            r"\s.{0,300}:\s*"
            # the writer and the time under the post (POST_WRITER_RE)
            rf"|{_POST_WRITER}\W*)$",
            _I,
        ),
        "a blog post's footer ('This entry was posted on Monday ... and is filed under News',"
        " 'Posted by Jane on May 5, 2012 | Permalink', 'View all posts by Jane', 'November 05,"
        " 2012 | Permalink', 'TrackBack URL for this entry:'): the post's date and writer said"
        " again, its links (the permalink and trackback lines: 480 train lines, 5 of a truth,"
        " Dragnet's, which keeps a post's links; round 37's 'Posted by Jane at 4:04 PM' and"
        " 'Listed below are links to weblogs that reference Title:', 66 train lines, 8 of a"
        " truth)",
        max_words=60,
        needs=("posted", "posts", "permalink", "trackback", "track back", "reference"),
        # (not anchored: asked only of the lines holding one of its words, as its permalink
        # branch scans the line for a separator before the word)
    ),
    LineRule(
        "post-navigation",
        "boilerplate",
        re.compile(
            # the links to the blog's previous and next posts, over or under the post: "«
            # Random Tuesday Links | Main | User Community and ROI »", "Main | Next post »"
            r"^(?:(?:«|‹|<<)\s*\S.{0,200}?\s\|\s*(?:main|home|blog\s+home|index)\s*"
            r"(?:\|\s*\S.{0,200})?"
            r"|(?:main|home|blog\s+home)\s*\|\s*\S.{0,200}(?:»|›|>>)"
            r"|(?:«|‹)\s*(?:previous|prev|older)\b[^|]{0,40}\|\s*(?:next|newer)\b[^|]{0,40}"
            r"(?:»|›)?"
            # the previous post's link alone ("« The Pros and Cons of Insuring your Children",
            # "‹ Back to Story"): a quotation that opens a line closes in it ("« Nous ... »")
            r"|(?:«|‹)\s*[^»›|]{2,150}"
            # (in Chinese: "返回首页>>", back to the home page, to the top, to the list)
            r"|返回(?:首页|顶部|列表|目录)\W*)$",
            _I,
        ),
        "the links to a blog's previous and next posts ('« Older post | Main | Newer post »',"
        " '« Back to blog'): on the train pages 156 lines, one of a truth (Dragnet's, which"
        " keeps a post's links)",
        max_words=30,
        needs=("«", "‹", "<<", "main", "home", "返回"),
        anchored=True,
    ),
    LineRule(
        "editor-credit",
        "boilerplate",
        re.compile(r"^[（(]?\s*(?:责任编辑|责编|编辑|审核|校对|监制)\s*[：:]\s*[^，。]{1,30}[）)]?$",
                   _I),
        "a Chinese article's closing credit of its editors ('（责任编辑：王芳）'): the site's"
        " furniture under every article",
        max_words=20,
        needs=("编", "审", "校", "监"),
        anchored=True,
    ),
    LineRule(
        "comment-form",
        "boilerplate",
        re.compile(
            r"^(?:(?:your\s+)?(?:name|e-?mail(?:\s+address)?|website|comment)\s*:?\s*\*?"
            r"|save\s+my\s+name,?\s+email.*|required\s+fields\s+are\s+marked.*"
            r"|notify\s+me\s+of\s+.*|this\s+site\s+uses\s+akismet.*"
            r"|(?:post|submit)\s+comment|cancel\s+reply|log\s*in\s+to\s+(?:reply|comment).*"
            # the prompt in place of the form ("Login or register to post comments", "Click
            # here to post a comment", "Login to have your say here")
            r"|(?:(?:log\s*in|sign\s*in|register)(?:\s+or\s+(?:register|sign\s*up|log\s*in))?"
            r"|click\s+here)\s+to\s+(?:post|add|leave|write|have)\s+(?:a\s+|your\s+)?"
            r"(?:comments?|say|reply)(?:\s+here)?\W*"
            r"|enter\s+(?:your\s+)?e-?mail(?:\s+address)?(?:\s+here)?\s*:?"
            # a blog's comment form's captcha and its error ("Having trouble reading this
            # image? View an alternate.", "Your comment could not be posted. Error type:")
            r"|having\s+trouble\s+reading\s+(?:this|the)\s+image\?.{0,40}"
            r"|your\s+comment\s+could\s+not\s+be\s+posted\.?(?:\s+error\s+type\s*:?)?"
            # a form's terms under its button ("By signing up you agree to our Privacy
            # Policy.", "By continuing you are agreeing to our Terms of Service and Privacy
            # Policy.", "By clicking "Submit," you agree to the Privacy Policy and Terms of Use.")
            r"|by\s+(?:signing\s+up|subscribing|clicking|registering|submitting|continuing"
            r"|creating\s+an\s+account|joining)\b.{0,60}?\b(?:you|i)\s+(?:agree|accept"
            r"|acknowledge|consent|are\s+agreeing)\b.{0,150}\b(?:privacy|terms|policy"
            r"|conditions)\b.{0,80})$",
            _I,
        ),
        "comment-form and sign-up form fields and prompts",
        max_words=30,
        anchored=True,
    ),
    LineRule(
        "contact-request",
        "boilerplate",
        re.compile(
            r"\b(?:contact\s+us|email\s+protected|to\s+request\s+(?:a\s+)?"
            r"(?:removal|modification)|remove/chang)",
            _I,
        ),
        "contact or take-down notices of aggregator sites",
        max_words=30,
        needs=("contact", "email", "request", "remove/chang"),
    ),
)


if any(rule.anchored and (not rule.pattern.pattern.startswith("^")
                          or rule.pattern.flags != re.IGNORECASE | re.UNICODE)
       for rule in LINE_RULES):
    raise AssertionError("an anchored line rule must open with '^' and ignore case")
# The anchored rules' patterns as one: where it does not match at a line's start, none of
# them does (whatever their word limits), and the line is asked only the other rules.
ANCHORED_LINE_RULES_RE = re.compile(
    "|".join(f"(?:{rule.pattern.pattern})" for rule in LINE_RULES if rule.anchored), _I)
UNANCHORED_LINE_RULES = tuple(rule for rule in LINE_RULES if not rule.anchored)
# Its lower-case twin, to be matched against a lower-cased ASCII line (``lower_twin``), without
# the gallery counter's case-sensitive look-ahead (no twin can have it): it matches wherever
# ANCHORED_LINE_RULES_RE matches such a line, and more rarely elsewhere, at a third of the
# cost; only where it matches is ANCHORED_LINE_RULES_RE asked (a pre-test, speed only).
ANCHORED_LINE_RULES_LOWER = lower_twin(re.compile("|".join(
    f"(?:{_GALLERY_COUNTER if rule.pattern is GALLERY_COUNTER_RE else rule.pattern.pattern})"
    for rule in LINE_RULES if rule.anchored), _I))


def line_rule_hits(text: str) -> tuple[bool, ...]:
    """Which of LINE_RULES occur in ``text`` (in their order), whatever the line's length."""
    lower = fold(text)
    return tuple(rule.search(text, lower) for rule in LINE_RULES)


_HEADER_FURNITURE_RULES = tuple(rule for rule in LINE_RULES
                                if rule.name in ("share-bar", "reader-prompt", "comment-form"))


@functools.lru_cache(maxsize=1 << 16)  # the header's reach, its dates and its headline ask
def header_furniture(text: str) -> bool:
    """Whether the stripped line is a button or a field a recent page prints between its
    byline and its text (rules "share-bar", "reader-prompt", "comment-form": "Share", "Listen
    to this article", "5 min", a sign-up form's "Email address"): the header's reach does not
    count them."""
    lower = fold(text)
    return any(rule.search(text, lower) for rule in _HEADER_FURNITURE_RULES)


@functools.lru_cache(maxsize=1 << 16)  # several stages ask about the same line
def any_line_rule(text: str) -> bool:
    """Whether any of LINE_RULES occurs in ``text``, whatever the line's length (the first
    that occurs answers)."""
    if ANCHORED_LINE_RULES_RE.match(text) is not None:
        return True
    lower = fold(text)
    return any(rule.search(text, lower) for rule in UNANCHORED_LINE_RULES)

# Lines that say who wrote the article.
BYLINE_MAX_WORDS = 12  # "Jane Doe and John Roe, Senior correspondents" without a "By"
_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|di|la|le|bin|al)){1,4}"
# An author line without "By": names, a comma and a role ("Jane Doe and John Roe, Analysts").
AUTHOR_LINE_RE = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*),\s+(?P<role>[A-Z][\w .’'-]{{1,40}})$"
)
BYLINE_RE = re.compile(
    r"^(?:(?:(?:(?:written|story|words|posted|submitted)\s+)?by:?|author:?|von|par|por|автор:?"
    r"|текст:)\s+"
    # Chinese: "作者：李明", "记者 王芳", "文/李明", "撰文｜李明" (a label, a colon or a bar)
    r"|(?:作者|记者|撰文|文)\s*[：:/／|｜]\s*|(?:作者|记者)\s+)"
    r"(?P<names>[^\d|•·]{2,120}?)\s*(?:(?:[|•·,]|\s\d|\s(?:on|updated|published)\b"
    r"|\s+(?:来源|发布|时间|日期|编辑|责任编辑)).*)?$",
    _I,
)

# Lines that are only a date/time (with optional label): "Published 11:34 PM EST Nov 19, 2019".
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Russian and Ukrainian month names, January first: a day's month in the genitive ("4 мая
# 2024"), the nominative, the usual abbreviations (the digest follows Russia and China; the
# Latin languages' names are in dates.py, which reads them all)
CYRILLIC_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("января", "январь", "янв", "січня", "січень"),
    ("февраля", "февраль", "фев", "лютого", "лютий"),
    ("марта", "март", "мар", "березня", "березень"),
    ("апреля", "апрель", "апр", "квітня", "квітень"),
    ("мая", "май", "травня", "травень"),
    ("июня", "июнь", "июн", "червня", "червень"),
    ("июля", "июль", "июл", "липня", "липень"),
    ("августа", "август", "авг", "серпня", "серпень"),
    ("сентября", "сентябрь", "сен", "сент", "вересня", "вересень"),
    ("октября", "октябрь", "окт", "жовтня", "жовтень"),
    ("ноября", "ноябрь", "ноя", "нояб", "листопада", "листопад"),
    ("декабря", "декабрь", "дек", "грудня", "грудень"),
)
_CYRILLIC_MONTHS = "|".join(sorted((n for names in CYRILLIC_MONTH_NAMES for n in names),
                                   key=len, reverse=True))
DATE_LABEL_RE = re.compile(
    r"^\W*(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated"
    r"|first\s+published|modified|on|опубликовано|обновлено|дата(?:\s+публикации)?"
    r"|发布时间|发布于|发表于|发表时间|更新时间)\s*[:：]?\s*",
    _I,
)
DATELINE_RE = re.compile(
    # (a Chinese page's source before its date: "来源：新华网 | 2024-05-04 15:30:12")
    r"^[\W\s]*(?:来源\s*[:：]\s*[^|｜\s]{1,20}\s*[|｜]?\s*)?"
    r"(?:(?:date|published|posted|updated|last\s+updated|first\s+published"
    r"|(?:last\s+)?modified"
    # the same labels in Russian and Chinese ("Опубликовано:", "发布时间：")
    r"|(?=[оОдД])(?:опубликовано|обновлено|дата(?:\s+публикации)?)"
    r"|(?=[发更时日])(?:发布时间|发稿时间|发布于|发表于|发表时间|更新时间|时间|日期))"
    r"(?:\s+on)?\s*[:：]?\s*)?"
    r"(?:(?:\w+day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|(?=[пПвВсСчЧ])(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье))"
    r"\.?,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?\S*)?"
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS},?\s+\d{{4}}"
    # "4 мая 2024 г.", "2024年5月4日", "2024년 5월 4일"
    rf"|\d{{1,2}}\s+(?=[{CYRILLIC_LETTERS}])(?:{_CYRILLIC_MONTHS})\.?\s+\d{{4}}(?:\s*г\.?)?"
    r"|\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
    r"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|\d+\s+(?:секунд\w*|минут\w*|час\w*|дн\w*|день|недел\w*|месяц\w*)\s+назад"
    r"|\d+\s*(?:秒|分钟|小时|天|周|个月)前"
    r"|(?:yesterday|today|just\s+now|сегодня|вчера|今天|昨天|刚刚))"
    # (a year glued to the clock time that follows it: "May 4, 20245:00 AM ET", see dates.py;
    # a clock time glued to a CJK date: "2024年5月4日15:30")
    r"(?:(?:[\s,|•·/-]+|(?<=\d{4})(?=\d{1,2}:\d{2})|(?<=[日일])).{0,60})?$",
    _I,
)

# A relative date ("5 days ago") is resolved only against a known capture date.
RELATIVE_DATE_RE = re.compile(
    r"\b(\d+)\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b", _I
)

# Short, heading-like text that is not a sentence: no final period, starts with a capital.
# (a script without capitals, Chinese, Japanese or Korean, opens a heading with any character,
# and its quotation marks and title brackets are 「」, 『』, 《》, 【】; Russian and French quote
# with «», German with „“)
HEADING_RE = re.compile(
    r"^[\"“‘'(\[«„「『《【]?[A-ZА-ЯЁ0-9À-Ý\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

# Stopwords used only by the appended-article test (content words = the rest).
_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own said same says she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves one two new year years like get also could many much may might us mr
    ms mrs
    ll re ve don didn doesn isn aren wasn weren hasn haven hadn won wouldn couldn shouldn
    ain mustn needn
    que para com uma por não mais como mas dos das nos nas ele ela isso esse essa este esta
    muito quando também sua seu são foi ser tem aqui então
    los las del una por con para como pero más este esta sus sobre también fue ser hay
    что как это для она они его все так было или вам вас нас его был была если уже еще
    который которые при только есть
    les des une pour dans avec sur pas plus par est qui sont ont
    der die das und den dem des ein eine mit für auf nicht ist sich von
    de em um da do no na eu se os as ao aí el la en lo le un et il je du au er es im zu an
    на не по из за от до то же ли бы во"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())
