"""HTML captures: the page furniture both extractors keep at the edges of the article.

Trafilatura and readability both keep, above the article's first paragraph and under its last,
lines that are no part of it: a navigation row, a "Printer friendly page" link, a copyright
line, a web address, a "More in South Asia news" label, a photo credit, the site's name. The
text track's rules and line model already recognise these shapes in select-all captures, so
the HTML track asks them (``text_reading``: the article's kept lines cleaned as a text
capture) and drops a kept line only where losing it cannot cost a sentence of the article
(``edge_furniture``):

* the line stands outside the article's prose: above its first kept paragraph of prose or
  under its last (``html_reconcile.is_prose``); nothing between them is touched;
* the text track does not read it as the article's (a body, subhead or unsure line stays);
* and it is either too short to hold a sentence (fewer than ``SHORT_TOKENS`` words: "More",
  "© 2007 ANI", "Advertisement") or of a kind that is never article text (``EDGE_RULES``: a
  line holding only a web address, an "end of article" boundary, a second article's start,
  the outlet's name, a teaser's "Related:" prefix, a gallery counter, a date stamp).

And what the extractors kept under a copyright notice written as a sentence, with prose above
it ("Copyright 2007 Associated Press. All rights reserved. This material may not be
published..."), is dropped whatever it is (``NOTICE_RULE``), as the text track ends an article
there (``cleaning.notice_line``); the notice itself stays. On the train ids, 13 pages kept lines
under such a notice: 418 of their shingles are in no truth and 9 are (one line, "The full
article contains 259 words and appears in Press Association's newswire", on one page of a site
whose other three pages leave it out): a teaser list with its stamps, a site's trade mark, a
newsletter pitch.

And where the text track ends the article at a section opener under its last body line
("Related to this story:", "Related Articles", "Previous story: ..."; not the comments'
opener, whose thread has its own rules), the opener and everything under it is dropped
(``SECTION_RULE``): the teaser list, the site's links and its footer the extractors kept
under the article. On the train ids, 9 pages: 234 shingles in no truth, 13 in one (the
"Read more:" teasers under a story, which Readability's truth keeps as its own output); a
tenth page's "Comment" heads 961 truth shingles (a column of a documentation page's table),
which is why the comments' opener is left out. A post's tag line under its last body line
("Tags: Weinstein, WGA", ``rules.POST_TAGS_RE``), where the text track ends a post
(``cleaning._tags_cut``), opens that section too: on the train ids it changes one page, 161
shingles in no truth dropped and none in one (round 20). So does the label over a section the
text track drops whole under the last paragraph ("Recent Picks and Articles" over other
stories' headlines, rule ``section-after-article``): on the train ids one page, whose 11
teaser lines in no truth go, and none in one (round 31).

And what the extractors kept after the element that holds the article, that the text track
does not read as the article's, is dropped whatever its length (``CONTAINER_RULE``, round 29):
the deepest block element holding nine tenths of the kept prose's words is the article's, and
such lines after it are the page's footer, its legal notice or a promotion the extractors took
in. On the train ids, 12 pages: 190 words in no truth dropped, none in one. Every line after
the element, whatever the text track says, was tried first: on train 38 pages, 937 words in no
truth for 16 in one (a press release's contact line), but on validation (counted, never read)
it cost sentences, so prose the text track reads as the article's stays. Before that element,
a kept line that holds no prose and that the text track reads neither as the article's nor as
its headline is dropped too (``BEFORE_RULE``): a date line, a byline, an advertisement's
slogans, a "Next Article in World »" link; on the train ids 26 pages, 289 words in no truth
and none in one. Prose stays there: a page sets its first paragraph apart in an element of
its own often enough (five train pages lost their lede when every line before was read).

A kept line the text track reads as one of the blurbs of a list of other stories, each cut off
by an ellipsis over the article's first paragraph or under its last ("Sony has stepped out of
the box with its new Vaio PC that redefines the...", ``ANYWHERE_RULES``, round 36), goes
wherever it stands: the blurbs are prose to ``is_prose``, so the edges they would fall outside
of run through them. On the train ids one page, 4 lines in no truth, none in one. So does a
paywall's condition the extractors kept as a paragraph ("To read this article in full you must
be registered with the site.", rule ``paywall-notice``, round 43): on the train ids one site's
six pages, 12 lines in no truth, none in one.

Right over the article's first paragraph of prose, a kept line that holds no prose and that
the text track reads as standing above the article (``STAMP_RULE``, round 31) goes at any
length too: an agency's stamp ("Associated Press - January 11, 2008 4:13 PM ET", which then
gives the date, as below), "Last updated at 8:37 AM on 18/01/08", a breadcrumb, a league's
label, "LAS VEGAS--(BUSINESS WIRE)--". On the train ids 13 pages up and 3 down: the truth
keeps a match's score line over its report and a byline the text track reads as none (a
sentence each), and a copyright line; and 6 more dates, each the stamp's. Lines further up
were tried: they reach an infobox's figures, a map's caption and a page of formulas cut into
fragments (9 sentences on 6 pages).

Above the article's first paragraph of prose, or between it and the second (a caption or a
standfirst kept as prose over the header), a line the text track reads as the header's byline
or date line goes at any length (``HEADER_KINDS``, round 30: "By SOLVEJ SCHOU, Associated
Press Writer 2 hours, 17 minutes ago", "Created: 1/10/2008 4:09:14 PM"), as it does on the
text track: the article page shows the author and the date in its header, read from these
lines where the page's markup gives none (``html_extract``). On the train ids, 47 pages up and
5 down: the truth keeps such a line on 5 pages (6 sentences), each of them now shown as the
page's author or date.

Over the article's first paragraph, the photo's caption the extractors kept as prose is
dropped (``CAPTION_RULE``, round 44): a run of paragraphs at the top of the article's prose
(a headline among them passed over), each of them placing the people in the picture (",
left,", "(right)", "second from right") or naming the picture ("in this file photo", "seen in
this combined image", "pictured", "STAFF PHOTO BY ..."), with a paragraph that does neither
under them (``rules.photo_caption``; a paragraph reporting what someone said is the
article's). The text track's rule pass reads most such captions as prose; it drops the same
run after its models (``cleaning._opening_captions``). On the train ids 7 pages: their
captions in no truth go, no truth shingle is lost. Further down the
same cues are the article's own sentences about a photo as often as a caption ("she was
photographed walking outside her London home"; on the train ids 3 such paragraphs in a truth,
5 not): they stay.

And the site's call to its readers, a short paragraph asking them to send it news, photos or
comments, or to join its discussion ("When news happens: send photos, videos & tip-offs to
...", "You've read the piece, now have your say. Email your comments to ...", "Join the
discussion on our Message Boards"), is dropped wherever the extractors kept it, and does not
set the article's edges (``CALL_RULE``, ``rules.reader_call``, round 44). On the train ids
18 pages, no truth shingle lost; of the train captures' 179 lines that read so, one is in a
truth (a trade paper's "Send news tips and comments to ..." under its report). The text track
keeps it: dropped there after the models, it cost a truth sentence on a train page and on a
validation page for no gain in F1 (CLEANING.md, "Round 44").

Measured on the train ids of the cleaning split (CLEANING.md, "Round 6, HTML"): the text track's
other verdicts on these edge lines (before-article, after-article, title, dek, caption) each
raise precision, but each costs truth sentences on train (L3S-GN1's truth keeps the headline
on some pages, Dragnet's a scorecard under the article), so they stay kept. A dropped line
stays in the record (kind ``boilerplate``, rule ``html-edge-`` and the text rule's name),
where ``keep:`` in curation.yaml can restore it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from digest import rules as R
from digest.html_reconcile import is_prose
from digest.model import BODY_KINDS, Capture, Cleaned
from digest.rules import COMMENTS_OPENER_RE, post_tag_line, reader_call

#: a line with fewer words than this holds no sentence the scorers count (nor, in practice,
#: one an editor would miss): dropped at the edges whatever the text track calls it
SHORT_TOKENS = 4
#: the text track's rules whose lines are furniture at any length (on the train ids' edge
#: lines: 0 of their lines of four words or more held a truth sentence)
EDGE_RULES = frozenset({
    "url-line",  # a web address alone
    "end-boundary",  # "Read more:", "Related Articles", "Comments"
    "end-prompt",  # "Your email address will not be published", "© 2012 Site"
    "outlet",  # the site's or paper's name alone
    "teaser-prefix",  # "Related: ...", "See also: ..."
    "gallery-counter",  # "1 of 12"
    "date-stamp",  # a date alone, with a time
    "title-repeat",  # the headline again
    "page-tool",  # "E-mail this to a friend", "Printable version"
    "post-footer",  # "Posted by Jane on May 5, 2012 | Permalink"
    "comment-prompt",  # "Have your say on this story", "Reader comments (2)"
    "menu-row",  # "News: ePaper | Front Page | National | Tamil Nadu | ...": a site's menu
    "teaser-headlines",  # a list of other stories' headlines over or under the article
    "interface-under-article",  # "Share full article", "Topics to follow" under its text
})
#: the text track's rules whose lines are no article text wherever they stand among the kept
#: lines: other stories' blurbs cut off by an ellipsis over the article or under it (round 36:
#: the text track reads them outside the paragraphs that are not cut off, so the blurbs, prose
#: to ``is_prose``, go though they stand inside the edges the prose sets), and a paywall's
#: condition written as a sentence (round 43), a sign-up pitch in its own words and a paper's
#: note of where the article ran in print (round 47: a newsletter platform's pitch inside the
#: post, which reconciliation keeps as prose between two paragraphs)
ANYWHERE_RULES = frozenset({"cut-off-teasers", "paywall-notice", "signup-pitch",
                            "print-edition-note"})
#: the text track's rule of the page's script pasted as a line (``cleaning._script_lines``):
#: the extractors leave a page's scripts out, so a line the text reading reads so is the
#: article's own example, its statements joined into one line (train a66f05cd1117, round 45),
#: and counts as the article's here
SCRIPT_RULE = "page-script"
#: the text track's kinds of the article's header: above the article's second paragraph of
#: prose, a line of these kinds is taken out of the body at any length (its names and date go
#: to the metadata where the page's markup gives none: ``html_extract._shown``, round 30)
HEADER_KINDS = frozenset({"byline", "dateline"})
#: the text track's rule of a line above the article: right over the first paragraph, a kept
#: line so read that holds no prose goes at any length (round 31)
STAMP_RULE = "before-article"
#: a class or id word of an element that holds the site's legal notice ("© 2008 The Associated
#: Press. All rights reserved. This material may not be published...", often prose): on the
#: train ids no kept line inside such an element was article text (181 words on 10 pages),
#: and a page's copyright element never wrapped its article. Other class words were weighed
#: and left out: "footer", "nav", "share", "comments", "newsletter" and "caption" wrap
#: articles or keep truth sentences on some pages (CLEANING.md, "Round 6, HTML")
LEGAL_CLASS = "copyright"
#: the rule name of a kept line inside such an element, dropped
LEGAL_RULE = "html-copyright-element"
#: the rule name of a line dropped here: this prefix and the text rule's name
RULE_PREFIX = "html-edge-"
#: the rule name of a kept line under a copyright notice, dropped
NOTICE_RULE = "html-after-notice"
#: the rule name of a kept line from a section opener under the article on, dropped
SECTION_RULE = "html-after-section-opener"
#: the share of the kept prose's words the element holding the article holds: the deepest
#: block element with this share or more is the article's (train ids, every line after it
#: read: 0.95 reached 580 words in no truth, 0.9 937, both for 16 in one; 0.8 1,162 for 401)
CONTAINER_SHARE = 0.9
#: the rule name of a kept line after the element that holds the article, dropped
CONTAINER_RULE = "html-after-article-element"
#: the rule name of a kept line before that element, dropped
BEFORE_RULE = "html-before-article-element"
#: the rule name of a photo's caption kept over the article's first paragraph, dropped
CAPTION_RULE = "html-opening-caption"
#: the text track's kinds of the lines over the article that are neither caption nor article
HEADLINE_KINDS = frozenset({"title", "dek"})
#: the rule name of the site's call to its readers (``rules.reader_call``), dropped wherever
#: the extractors kept it
CALL_RULE = "html-reader-call"

_TOKEN_RE = re.compile(r"\w+")


def text_reading(texts: Sequence[str], name: str) -> Cleaned:
    """``texts`` read by the text track as a select-all capture (one line a text, capture line
    k + 1 for ``texts[k]``; ``name`` only names the capture): its verdicts and its header."""
    from digest.cleaning import clean_text  # cleaning imports this module's callers

    text = "\n".join(t.replace("\n", " ") for t in texts) + "\n"
    return clean_text(Capture(Path(name), name, "text", text, "utf-8"))


def notice_line(texts: Sequence[str]) -> int | None:
    """Index in ``texts`` of the copyright notice the text track would end the article at
    (``cleaning.notice_line``), or None."""
    from digest.cleaning import notice_line as text_notice_line  # see text_reading

    return text_notice_line(texts)


def section_opener(texts: Sequence[str], verdicts: Sequence[tuple[str, str]]) -> int | None:
    """Index of the line where the text track (``verdicts``) ends the article at a section
    opener ("Related Articles"), a post's tag line ("Tags: ...") or the label of a section it
    drops whole ("Top Stories"), below its last body line; not the comments' opener. None
    when there is none."""
    body = [k for k, (kind, _) in enumerate(verdicts) if kind in BODY_KINDS]
    if not body:
        return None
    return next((k for k in range(body[-1] + 1, len(texts))
                 if (verdicts[k][1] == "end-boundary" and not COMMENTS_OPENER_RE.search(texts[k]))
                 or verdicts[k][1] == "section-after-article"
                 or post_tag_line(texts[k], len(texts[k].split()))),
                None)


def article_element(texts: Sequence[str], paths: Sequence[Sequence[int]]) -> range:
    """Indexes of the lines (``texts``, in page order, each with the numbers of the block
    elements it sits in, ``paths``) from the first to the last line of the element that holds
    the article: the deepest element holding CONTAINER_SHARE of the prose's words. Empty when
    the lines come with no elements (a page read without its tree)."""
    prose = [k for k, t in enumerate(texts) if is_prose(t) and paths[k]]
    weight = {k: len(_TOKEN_RE.findall(texts[k])) for k in prose}
    total = sum(weight.values())
    held: Counter[int] = Counter()
    depth: dict[int, int] = {}
    for k in prose:
        for d, element in enumerate(paths[k]):
            held[element] += weight[k]
            depth[element] = d
    box = max((e for e, w in held.items() if w >= CONTAINER_SHARE * total),
              key=depth.__getitem__, default=None)
    if box is None:
        return range(0)
    inside = [k for k, path in enumerate(paths) if box in path]
    return range(inside[0], inside[-1] + 1)


def opening_captions(texts: Sequence[str], prose: Sequence[int],
                     verdicts: Sequence[tuple[str, str]]) -> list[int]:
    """The indexes in ``prose`` (indexes of ``texts``, in page order) of the photo captions
    over the article's first paragraph: the run at the top whose paragraphs each read as a
    caption (``rules.opening_captions``), when a paragraph that does not follows it. A line the
    text track (``verdicts``) reads as the headline or the standfirst stands among them as
    neither (a headline long enough to read as prose: "MOVIE REVIEW - Murder and morals
    collide in Allen's 'Dream'")."""
    return R.opening_captions((k, texts[k]) for k in prose if verdicts[k][0] not in HEADLINE_KINDS)


def edge_furniture(
    texts: Sequence[str], verdicts: Sequence[tuple[str, str]],
    contexts: Sequence[Sequence[str]] | None = None, notice: int | None = None,
    paths: Sequence[Sequence[int]] | None = None,
) -> dict[int, str]:
    """{index: rule} of the lines of an article (``texts``, in page order, with the text
    track's ``verdicts``, when known the class and id words of the elements each sits in,
    ``contexts``, the index of a copyright notice among them, ``notice``, and the numbers of
    the block elements each sits in, ``paths``) that are furniture: at its edges, a photo's
    caption over its first paragraph, the site's legal notice, under a copyright notice, from
    a section opener under the article on, or after the element that holds the article (see
    the module docstring). The article's other prose above a copyright notice or a section
    opener, inside the article's element and outside a legal notice's element always stays."""
    verdicts = [("body", "prose") if rule == SCRIPT_RULE else (kind, rule)
                for kind, rule in verdicts]
    legal = {k for k, ctx in enumerate(contexts or ()) if LEGAL_CLASS in ctx}
    calls = {k for k, t in enumerate(texts) if reader_call(t)}
    under = range(notice + 1, len(texts)) if notice is not None else range(0)
    opener = section_opener(texts, verdicts)
    section = range(opener, len(texts)) if opener is not None else range(0)
    element = article_element(texts, paths) if paths else range(0)
    after = range(element.stop, len(texts)) if element else range(0)
    prose = [k for k, t in enumerate(texts)
             if is_prose(t) and k not in legal and k not in under and k not in section
             and k not in after and k not in calls]
    if not prose:
        return {}
    first, last = prose[0], prose[-1]
    second = prose[1] if len(prose) > 1 else first
    drop = dict.fromkeys(sorted(legal), LEGAL_RULE)
    for k in sorted(calls):
        drop.setdefault(k, CALL_RULE)
    for k in opening_captions(texts, prose, verdicts):
        drop.setdefault(k, CAPTION_RULE)
    for k in under:
        drop.setdefault(k, NOTICE_RULE)
    for k in section:
        drop.setdefault(k, SECTION_RULE)
    for k, (text, (kind, rule)) in enumerate(zip(texts, verdicts, strict=True)):
        if kind in BODY_KINDS or k in drop:
            continue
        # the header's byline or date line, over the first paragraph or under a caption or a
        # standfirst kept as the first; other furniture only outside the article's prose
        # (and the line right over the first paragraph that the text track reads as standing
        # above the article, holding no prose: a stamp, a label, a breadcrumb; before the
        # article's element BEFORE_RULE names it)
        if rule in ANYWHERE_RULES or (k < second and kind in HEADER_KINDS
                                      and not is_prose(text)) or (
                not first <= k <= last
                and (len(_TOKEN_RE.findall(text)) < SHORT_TOKENS or rule in EDGE_RULES)) or (
                k == first - 1 and k >= element.start and rule == STAMP_RULE
                and not is_prose(text)):
            drop[k] = RULE_PREFIX + rule
    # (a line the text track names keeps that name, "html-edge-page-tool"; one it reads as the
    # article's stays)
    for k in after:
        if verdicts[k][0] not in BODY_KINDS:
            drop.setdefault(k, CONTAINER_RULE)
    # before the element, only what holds no prose and is not the headline to the text track
    for k in range(element.start):
        if (verdicts[k][0] not in BODY_KINDS and verdicts[k][0] != "title"
                and not is_prose(texts[k])):
            drop.setdefault(k, BEFORE_RULE)
    return drop
