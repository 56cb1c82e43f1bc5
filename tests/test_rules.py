"""Each cleaner rule on both sides of its threshold (digest.rules, applied by digest.cleaning)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from digest import rules as R
from digest.cleaning import clean, count_words, render_plain
from digest.model import BODY_KINDS as BODY
from digest.model import Capture, Cleaned

PARA = (
    "The minister said on Tuesday that the new bridge over the river would open next spring, "
    "after two years of delays caused by floods and a shortage of steel."
)


def _words(n: int) -> str:
    return " ".join(["word"] * (n - 1) + ["end."])


def _cap(text: str) -> Capture:
    return Capture(Path("t.txt"), "t.txt", "text", text, "utf-8")


def _clean(*lines: str) -> Cleaned:
    return clean(_cap("\n\n".join(lines) + "\n"))


def _kind(cleaned: Cleaned, text: str) -> tuple[str, str]:
    for ln in cleaned.lines:
        if ln.text == text:
            return ln.kind, ln.rule
    raise AssertionError(f"no line {text!r}")


def _article(n: int = 6) -> list[str]:
    return [f"{PARA} Paragraph {i} adds more detail about the bridge." for i in range(n)]


# -- thresholds ---------------------------------------------------------------------------


def test_prose_min_words_threshold() -> None:
    # 9 words with a full stop: a short sentence, not a paragraph; 10 words: prose
    below = _clean(*_article(), _words(R.PROSE_MIN_WORDS - 1))
    at = _clean(*_article(), _words(R.PROSE_MIN_WORDS))
    assert _kind(at, _words(R.PROSE_MIN_WORDS)) == ("body", "prose")
    # a short sentence right after the article is still kept (never lose a sentence)
    assert _kind(below, _words(R.PROSE_MIN_WORDS - 1))[0] == "body"


def test_cjk_words_counted_by_characters() -> None:
    assert count_words("商標法違反") == 2
    assert count_words("hello world") == 2


def test_end_boundary_stops_the_article() -> None:
    teaser = "Another story about something else entirely, with many words in it to read."
    c = _clean(*_article(), "Leave a Reply", teaser)
    assert _kind(c, "Leave a Reply") == ("boilerplate", "end-boundary")
    assert _kind(c, teaser)[0] == "boilerplate"


@pytest.mark.parametrize(
    "line",
    [
        "Related",
        "Related Articles",
        "Comments / 0",
        "12 Comments",
        "You may also like:",
        "Share this:",
        "Most Popular",
        "More Washington Examiner",
        "Leia também",
        "Читайте также",
        "関連記事",
        "Related Topics",
        "From Around the Web",
        "Promoted Stories",
        "Editor's Picks",
        "Also on HuffPost:",  # round 13: a site's teasers under the article
        "Also in Travel News",
        "More from The Valley Courier",  # round 12: a site's name of four words
        "More from Brew Crew Ball",  # (train 29dcd50a6a5d, over its teasers)
        # round 18: a "Related ..." section label over teasers (train 55c669d74fc0,
        # aada5d64044b, 8884cbd12b81, 5874b18ac023, 79b9997b49ff, 4c471303f4a9)
        "Related to this story:",
        "RELATED ON HUFFPOST:",
        "Related Recipes & Stories:",
        "Related research and analysis from GigaOM Pro",
        "Related & Recommended Posts",
        "Related content from NBCNews.com:",
        # round 39: what other readers read, a section's stories (train 3b48cf5e4226,
        # 22cc7a976709, c2502a1d15dd, d926ec35d70f)
        "People Who Read This Article Also Read",
        "ALSO READ",
        "Readers also liked",
        "Stories in this Section",
    ],
)
def test_end_boundary_pattern_matches(line: str) -> None:
    assert R.END_BOUNDARY_RE.match(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related coverage of the vote is below, the editor said.",
        "Commentary by our desk",
        "The comments were unkind.",
        "More from the fund went to schools than to roads last year.",
        "Also on Monday, the council met the unions in the town hall.",
        "Related Cos. sells its stake in the tower",  # a company's name opens a headline
        "Related posts are shown below.",
        "Also read the council's own report, the minister said.",
        "Also read: Council delays vote on the city budget again",  # a link in the text
        # (a box eHow sets inside its articles, over their list or last paragraph)
        "Other People Are Reading",
    ],
)
def test_end_boundary_pattern_rejects_sentences(line: str) -> None:
    assert not R.END_BOUNDARY_RE.match(line)


def test_boundary_inside_long_article_is_crossed() -> None:
    # an inline "Related" box in the middle: enough article text follows to carry across it
    c = _clean(*_article(3), "Related", *_article(6))
    body = [b.text for b in c.blocks]
    assert len([t for t in body if t.startswith(PARA)]) == 9


def test_teaser_list_after_boundary_is_cut() -> None:
    teasers = []
    for i in range(4):
        teasers += [f"Source {i}", f"Teaser Headline Number {i} Here", PARA, "WORLD"]
    c = _clean(*_article(8), "Related", *teasers)
    assert sum(1 for b in c.blocks if b.text == PARA) == 0


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Also Read | Russia Ukraine War History", "teaser-prefix"),
        ("Related Read | Biden Visits Kyiv", "teaser-prefix"),
        ("Leaders meet in Beijing Photo: AFP", "photo-credit"),
        ("Leaders shake hands before talks SERGEY GUNEEV/AFP", "photo-credit"),
        ("https://img.example.com/image.php?url=0qnZl0", "url-line"),
        ("Facebook Twitter Email", "share-bar"),
        ("Whatsapp   Facebook   Pint   Baixar", "link-row"),
        ("Advertisement", "advert-label"),
        (
            "2of4A shopper looks at extension cords at the hardware store on Tuesday.",
            "gallery-counter",
        ),
        (
            "Welcome to Example24, your number one source for Breaking News.",
            "site-self-description",
        ),
        (
            "Save my name, email, and website in this browser for the next time I comment.",
            "comment-form",
        ),
        ("Image caption Russian and Chinese sailors stand on the deck in Vladivostok",
         "caption-label"),
        ("Image source, Getty Images", "caption-label"),
        # round 12 (scripts/bench_pages.py): a newsletter box's pitch and its form
        ("Sign up to receive the day's most important stories, hand-picked by our editors and "
         "delivered to your inbox before breakfast.", "signup-pitch"),
        ("Get the latest headlines straight to your inbox.", "signup-pitch"),
        ("Enter your email address", "comment-form"),
        ("Media playback is unsupported on your device", "media-control"),
        # round 23: a recent page's pitch, account and reading prompts
        ("The day's top stories, delivered to your inbox every morning.", "signup-pitch"),
        ("Already a subscriber? Log in", "reader-prompt"),
        ("Subscribe to continue reading", "reader-prompt"),
        ("This article is for subscribers only", "reader-prompt"),
        ("Listen to this article", "reader-prompt"),
        ("5 min read", "reader-prompt"),
        ("4–5 minutes", "reader-prompt"),  # a reader view's reading time
        ("Sign in", "reader-prompt"),
        ("Play video", "reader-prompt"),
        ("Open image in gallery", "reader-prompt"),
        ("Support independent journalism", "reader-prompt"),
        ("Like us on Facebook!", "reader-prompt"),
        ("Click here to subscribe", "reader-prompt"),
        ("Email address:", "comment-form"),
        ("Enlarge this image", "media-control"),
        ("toggle caption", "media-control"),
        # round 13: a blog post's footer under its text (train 17c49600e7f7, d916fff8546e)
        ("This entry was posted on Monday, November 5th, 2012 at 11:18 am and is filed under "
         "News and Reviews. You can follow any responses to this entry through the RSS 2.0 "
         "feed.", "post-footer"),
        ("Posted by Jackie Huba on October 17, 2012 | Permalink", "post-footer"),
        # round 24: a post's meta row and trackback link (train ca9dbf4f6bea, 4519f380eb63,
        # ccea4b35b30e, 18ae056acdd3, af2b59b3886d), its links to the next and previous posts
        # (f3054c7c27e5, ec5ea3861fb8, 9a20f077cf6e, 749d07906d45, 613d89f68fa7, 9debffa4e59f)
        ("November 05, 2012 | Permalink", "post-footer"),
        ("no comments – permalink", "post-footer"),
        ("Comments (0)\t\t Send to a friend\t\t Permalink", "post-footer"),
        ("TrackBack URL for this entry:", "post-footer"),
        ("Trackback(0)", "post-footer"),
        # round 37: the writer and the time under a post, the label over its trackbacks (train
        # 01c9643da2db, 98abc1672286, 147a09f78a76, 15b2d1ebc6cc, 711921e72cc4)
        ("Posted by Karl Fisch at 4:04 PM", "post-footer"),
        ("POSTED BY JOHN HALAMKA AT 4:02 PM", "post-footer"),
        ("Posted by mickmel at August 9, 2012 8:27 AM", "post-footer"),
        ("Posted by Peter @ Enviroman at 8:40 AM", "post-footer"),
        ("Listed below are links to weblogs that reference Usually, a lot is insufficient:",
         "post-footer"),
        ("« Random Tuesday Links | Main | User Community and ROI »", "post-navigation"),
        ("« What do you do when they don't understand? | Blog Home | Competition as a crutch »",
         "post-navigation"),
        ("« Angry Birds Star Wars Comes To iOS And Android | Main", "post-navigation"),
        ("« The Pros and Cons of Insuring your Children", "post-navigation"),
        ("‹ Back to Story", "post-navigation"),
        ("« Previous Thread | Next Thread »", "post-navigation"),
        # round 24: the furniture of Russian and Chinese pages (tests/test_languages.py)
        ("Поделиться", "share-bar"),
        ("ВКонтакте  Одноклассники  Telegram", "share-bar"),
        ("分享到：", "share-bar"),
        ("微信 微博 QQ空间", "share-bar"),
        ("Реклама", "advert-label"),
        ("广告", "advert-label"),
        ("Фото: РИА Новости / Иван Сидоров", "photo-credit"),
        ("图片来源：新华社", "photo-credit"),
        ("Подписывайтесь на наш канал в Telegram", "reader-prompt"),
        ("登录", "reader-prompt"),
        ("返回首页>>", "post-navigation"),
        ("【字号 大 中 小】【打印】【关闭窗口】", "page-tool"),
        ("（责任编辑：王芳、李明）", "editor-credit"),
        # round 13: a page's tools inside the article's text (train 9c9e7e71c489, ea49ae6433bd)
        ("E-mail this to a friend", "page-tool"),
        ("Printable version", "page-tool"),
        ("Bookmark with:", "page-tool"),
        # round 27: a photo viewer's and an ad slot's links inside the article (train
        # fe27c4e8a5a5, 34156048b792, 5d40ae21fb82, 39c904d6a62a)
        ("View larger image", "page-tool"),
        ("Larger Picture", "page-tool"),
        ("Ads by Google", "page-tool"),
        ("Advertise | AdChoices", "page-tool"),
        # round 39: a blog's profile box, a photo's and a rating widget's prompts, a form's
        # field with its colon, a comment form's captcha and error (train 05e242de52bd,
        # 40eb6a7b8c00, 29dcd50a6a5d, b51f2527609f, 92a085f3a921)
        ("View my complete profile", "page-tool"),
        ("Click photo to enlarge", "reader-prompt"),
        ("Click here to enlarge image", "reader-prompt"),
        ("Do you like this story?", "reader-prompt"),
        ("Enter your email address:", "comment-form"),
        ("Having trouble reading this image? View an alternate.", "comment-form"),
        ("Your comment could not be posted. Error type:", "comment-form"),
        ("Follow", "reader-prompt"),  # a writer's card's button (train 3dfd63144308)
        # round 40: a form's terms under its button (train 5874b18ac023, 97c1a980acfc)
        ("By signing up you agree to our Privacy Policy.", "comment-form"),
        ("By continuing you are agreeing to our Terms of Service and Privacy Policy.",
         "comment-form"),
        ('By clicking "Submit," you agree to the Privacy Policy and Terms of Use.',
         "comment-form"),
        ("+ Follow", "reader-prompt"),
        # round 47: a newsletter's pitch (scripts/bench_pages.py), a blog's subscription box
        # (train 58553fdd6dfd, 71084268e4bd, aca1c18581a7, eaca4396a418)
        ("Thanks for reading The Valley Letter! Subscribe for free to receive new posts and "
         "support my work.", "signup-pitch"),
        ("The Valley Letter is a reader-supported publication. To receive new posts and "
         "support my work, consider becoming a free or paid subscriber.", "signup-pitch"),
        ("Enter your email address to receive new posts by email.", "signup-pitch"),
        ("Listen", "reader-prompt"),  # a recent page's listen button, alone
        ("Listen now", "reader-prompt"),
        # round 47: a paper's note of where the article ran in print (recent pages)
        ("A version of this article appears in print on Nov. 15, 2026, Section A, Page 8 of the "
         "New York edition with the headline: Europe Braces for a Cold Winter.",
         "print-edition-note"),
        ("This article appeared in the Finance & economics section of the print edition under "
         "the headline \"Cold comfort\"", "print-edition-note"),
        ("Appeared in the November 12, 2026, print edition as 'Europe Braces for Winter'.",
         "print-edition-note"),
        # round 22: a site's menu longer than a link row (train d4ffd5a2e51f, 55c669d74fc0)
        ("News: ePaper | Front Page | National | Tamil Nadu | Andhra Pradesh | Karnataka | "
         "Kerala | New Delhi | Other States | International | Opinion | Business | Sport |",
         "menu-row"),
        ("Football | Cricket | Rugby Union | Rugby League | Tennis | Golf | Motorsport | Boxing "
         "| Athletics | Snooker | Horse Racing | Cycling | Formula One | Darts", "menu-row"),
    ],
)
def test_line_rules_positive(line: str, rule: str) -> None:
    c = _clean(*_article(3), line, *_article(3))
    assert _kind(c, line)[1] == rule


def test_gallery_counter_is_not_a_fraction() -> None:
    # a slide counter is followed by a capitalised caption or nothing; a fraction by a measure
    assert R.GALLERY_COUNTER_RE.match("3 of 10 Police at the scene")
    assert R.GALLERY_COUNTER_RE.match("1  /  4")
    assert not R.GALLERY_COUNTER_RE.match("1/2 tsp ground cloves")
    assert not R.GALLERY_COUNTER_RE.match("3/4 cup flour, sifted")


@pytest.mark.parametrize(
    "line",
    [
        "Readers wrote in to say the bridge photo was striking, and the minister agreed.",
        "The photographer, who asked not to be named, said the floods were the worst in years.",
        "Also, the council read the report twice before the vote on Monday evening.",
        "Share prices rose after the announcement, traders in London said on Tuesday.",
        "Image copyright law has changed little since 1988, the lawyers told the committee.",
        "Media sources said on Monday that the talks would resume in Geneva next week.",
        "Subscribers said the alerts landed in your inbox hours late, the company admitted.",
        "Getting mail to your inbox is hard, the engineer said after the outage on Monday.",
        "Phishing mails sent to your inbox look real, the expert said at the hearing on Monday.",
        "Listen to this: the minister said the plan would cost nothing, and then it did.",
        "Sign in sheets at the clinic showed that nobody had visited for a week, police said.",
        "Close to a thousand people came to the vigil on Monday night, the organisers said.",
        "Our journalism needs your support, the editor wrote in a letter to readers on Monday.",
        "Follow us to the river, the guide said, and we walked for an hour in the rain.",
        # round 47: the newsletter pitch's words in a sentence, a sign-off of thanks
        "Readers who subscribe to receive new posts by post get them a week late, she said.",
        "Some subscribe for the puzzles. To receive new posts, you still need the app, he said.",
        "Thanks for reading, and see you all at the match on Saturday, whatever the weather.",
        "A version of the plan appeared in print last year, and the council rejected it then.",
        "Listen now, the coach told his players at half-time, because this is the last chance.",
        "Appeared in court on Monday, the editor of the print edition denied every charge.",
        "Posted by the embassy on Monday, the letter said the talks would resume in May.",
        "Posted by a courier at 9:30 am, the parcel reached the court two days late, police said.",
        "Other blogs that reference the study got its figures wrong, the author said on Monday.",
        "This entry in the register was filed under a false name, the court heard.",
        "Print this story and you will be sued, the minister told the paper on Monday.",
        # round 27: the page tools' words in a sentence
        "Advertise your house in the local paper first, the estate agent advised the couple.",
        "View larger versions of the maps at the library, the archivist told visitors.",
        # round 39: the new prompts' words in a sentence
        "Click the photo to enlarge it and you will see the crack, the engineer told us.",
        "Do you like this story of a town that saved its cinema? Many readers wrote in.",
        "Enter your email address on the council's site to get the flood warnings, it said.",
        "Having trouble reading this image of the old map, the archivist called in an expert.",
        "Your comment could not be posted before the deadline, the council told residents.",
        "Follow the money, the detective told the jury on the first day of the trial.",
        "By signing up, users agree to share their location, the privacy regulator found.",
        "By clicking the button, you agree to nothing at all, the engineer told the court.",
        # round 24: a post's words in a sentence, a quotation in guillemets
        "Use the permalink to share the post, the editor told readers in a note on Monday.",
        "The trackback system was abused by spammers, the engineers said in a report.",
        "« Nous sommes prêts », a dit le ministre aux journalistes lundi soir à Paris.",
        # round 24: the same words in an article's sentence
        "Фотографии с места событий опубликовали в соцсетях, сообщили в полиции города.",
        "Реклама на телевидении подорожала на треть за год, сообщили аналитики рынка.",
        "如图所示，两国贸易额在过去两年里增长了近三分之一，专家表示这一趋势将持续。",
        "编辑部表示，这篇报道经过了严格的事实核查，所有数据均来自官方渠道和公开资料。",
        # bars between long items: each item a sentence, no menu
        "Sales rose in March, the company said | costs fell for the third quarter in a row | "
        "the board met on Monday | the shares rose | the chief executive stayed on.",
    ],
)
def test_line_rules_negative(line: str) -> None:
    c = _clean(*_article(3), line, *_article(3))
    assert _kind(c, line) == ("body", "prose")


def test_repeated_caption_near_is_caption_far_is_kept() -> None:
    cap = "Officials inspect the flooded bridge site near the river on Monday morning"
    near = _clean(*_article(3), cap, cap, *_article(3))
    assert _kind(near, cap) == ("caption", "repeated-line")
    far = _clean(*_article(2), cap, *_article(R.REPEAT_NEAR_LINES + 1), cap, *_article(2))
    assert _kind(far, cap)[0] != "caption"


def test_menu_row_is_not_a_table_row() -> None:
    # a table's cells are set apart by tabs (tables can be content), a menu's items by bars
    assert R.MENU_ROW_RE.match("Home | News | Sport | Business | Opinion | Life")
    assert not R.MENU_ROW_RE.match("Auckland\t23/16\t74/60\t14/7\t58/45\t1,628,900")
    assert not R.MENU_ROW_RE.match("Home | News | Sport | Business")  # four: a link row's


@pytest.mark.parametrize(("line", "dateline"), [
    ("Monday, May 4, 2024", True),
    # a weekday abbreviated, a time after the date, an update label in two words (a recent
    # page's header: "Tue 4 May 2021 06.00 BST" / "Last modified on Tue 4 May 2021 08.12 BST")
    ("Tue 4 May 2021 06.00 BST", True),
    ("Last modified on Tue 4 May 2021 08.12 BST", True),
    ("Sat, May 4, 2024, 10:32 AM", True),
    ("Wed. Jan 9, 2008", True),
    # the year glued to the clock time of another element ("May 4, 20245:00 AM ET")
    ("May 4, 20245:00 AM ET", True),
    ("May 4, 20245", False),
    ("Sunday Times", False),
    ("Sat Nav deals for 2024", False),
])
def test_dateline_shapes(line: str, dateline: bool) -> None:
    assert bool(R.DATELINE_RE.match(line)) is dateline


def test_label_like() -> None:
    assert R.LABEL_LIKE_RE.match("Weight Loss Tips")
    assert R.LABEL_LIKE_RE.match("21 Day Fix Hub")
    assert not R.LABEL_LIKE_RE.match("Drink during your workout")


def test_glued_teaser() -> None:
    assert R.GLUED_TEASER_RE.match("Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's run ended.")
    assert not R.GLUED_TEASER_RE.match("The YouTube channel grew fast in the spring of 2019.")
    # a name with one lower-case letter before a capital is not a glue
    assert not R.GLUED_TEASER_RE.match("Wichita East's Hugh McPherson won first place again.")


def test_legal_notice_counts_against_article() -> None:
    legal = (
        "The information provided on this website is for general purposes only and does not "
        "replace the advice of a professional, as our lawyers remind us every single day."
    )
    c = _clean(*_article(4), "Related Articles", "Teaser One", legal, legal + " Again.")
    assert _kind(c, legal)[0] == "boilerplate"


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("We use cookies to ensure that we give you the best experience on our website. If you "
         "continue to use this site we will assume that you are happy with it.", True),
        ("This site uses cookies. By continuing to browse the site you are agreeing to our use "
         "of cookies.", True),
        ("By continuing to use this site, you agree to our use of cookies.", True),
        ("Regulators said the site uses cookies to track readers across the web for months.",
         False),
        ("She left the cookies to cool on a rack while the council argued about the budget.",
         False),
        ("The bakery uses its own cookie recipes, the owner said on Tuesday.", False),
    ],
)
def test_a_cookie_banner_is_a_site_notice(text: str, notice: bool) -> None:
    # recent pages print their cookie banner as a paragraph: prose, but the site's, not the
    # article's (none on the train pages, which predate such banners; no train truth line matches)
    assert R.is_legal_notice(text) is notice
    assert R.is_legal_notice_lower(text.lower()) is notice


def test_only_boilerplate_gives_no_body() -> None:
    c = _clean("Home", "News", "Sport", "Contact us", "Leave a Reply", "© 2024 Example")
    assert c.blocks == ()
    assert all(ln.kind in ("blank", "boilerplate", "title") for ln in c.lines)


# -- appended article -----------------------------------------------------------------------

BRIDGE = [
    f"The bridge over the river Tamar will open in spring, minister Alan Price said; "
    f"engineers finished the steel deck of the bridge in week {i}, and the river crossing "
    f"will carry trains to Plymouth."
    for i in range(8)
]
CATS = [
    f"Cats sleep sixteen hours a day, veterinarians in Lisbon found; their kittens play at "
    f"dawn and felines purr to calm owners, study {i} says."
    for i in range(6)
]


def test_appended_unrelated_article_is_cut() -> None:
    c = _clean(*BRIDGE, "Why Cats Sleep So Much Explained", *CATS)
    assert _kind(c, "Why Cats Sleep So Much Explained") == ("boilerplate", "appended-article")
    assert not any("Cats sleep" in b.text for b in c.blocks)
    assert sum(1 for b in c.blocks if "bridge" in b.text) == 8


def test_related_section_is_not_cut() -> None:
    more = [t.replace("week", "month") + " Cats are not allowed." for t in BRIDGE[:4]]
    c = _clean(*BRIDGE, "What Happens To The Old Ferry Next", *more)
    assert _kind(c, "What Happens To The Old Ferry Next")[0] in ("subhead", "unsure", "body")
    assert sum(1 for b in c.blocks if "bridge" in b.text) == 12


def test_appended_needs_enough_article_before() -> None:
    c = _clean(*BRIDGE[:1], "Why Cats Sleep So Much Explained", *CATS)
    assert all(ln.rule != "appended-article" for ln in c.lines)


def test_appended_cut_skips_the_page_title_shown_again() -> None:
    # the page's own headline repeated under the article (a gallery, a share box) is no new
    # article, even when unrelated text follows it
    title = "Bridge Over The Tamar Opens In Spring"
    c = _clean(title, *BRIDGE, title, *CATS)
    assert all(ln.rule != "appended-article" for ln in c.lines)
    # the same text without the title above: an appended article
    c = _clean(*BRIDGE, title, *CATS)
    assert _kind(c, title) == ("boilerplate", "appended-article")


def test_appended_cut_after_a_link_list() -> None:
    # a list of links between the article and a glued-on one: the cut falls at the list (its
    # items share no sentence with the article) or at its last item, never inside the article
    links = [f"Bridge Story Number {n} In Pictures" for n in ("One", "Two", "Three")]
    c = _clean(*BRIDGE, *links, *CATS)
    assert sum(1 for b in c.blocks if "bridge" in b.text) == 8
    assert not any("Cats sleep" in b.text or "Pictures" in b.text for b in c.blocks)
    assert _kind(c, links[-1]) == ("boilerplate", "appended-article")


def test_appended_cut_passes_over_a_last_section_of_the_article() -> None:
    # a short last section of the article (its words known) right before the appended one
    last = BRIDGE[0].replace("week 0", "the final week")
    c = _clean(*BRIDGE, "What Comes Next For Travellers", last, "Why Cats Sleep So Much", *CATS)
    assert _kind(c, "What Comes Next For Travellers")[0] != "boilerplate"
    assert _kind(c, last) == ("body", "prose")
    assert _kind(c, "Why Cats Sleep So Much") == ("boilerplate", "appended-article")


def test_copyright_notice_ends_the_article() -> None:
    notice = "© 2019 The Agency. All rights reserved."
    c = _clean(*BRIDGE, notice, *CATS)
    assert _kind(c, notice) == ("unsure", "closing-line")  # kept, and reported
    assert not any("Cats sleep" in b.text for b in c.blocks)
    # a photo credit is no notice: the article goes on after it
    c = _clean(*BRIDGE[:4], "© Jane Doe", *BRIDGE[4:])
    assert sum(1 for b in c.blocks if "bridge" in b.text) == 8


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("(Reporting by Jane Doe; Editing by John Roe)", True),
        ("Copyright 2019 The Agency. All rights reserved.", True),
        ("(AP)", False),  # under CLOSING_NOTE_MIN_WORDS
        ("© 2019 Example Media", False),  # a label, not a sentence
        ("Your email address will not be published.", False),
    ],
)
def test_closing_line_after_the_article(line: str, kept: bool) -> None:
    c = _clean(*_article(), line, "Home", "News", "Sport", "Contact Us")
    assert (_kind(c, line) == ("unsure", "closing-line")) is kept
    if not kept:
        assert _kind(c, line)[0] == "boilerplate"


LAST = "Challenges include landing the craft safely, the agency said in a statement on Monday."


def test_last_paragraph_after_an_inline_box_is_kept() -> None:
    foot = ["Report Error", "Top Video", "Weather", "Contact Us"]
    c = _clean(*_article(3), "Related Links", "Agency website", LAST, *foot)
    assert _kind(c, LAST) == ("unsure", "after-box")
    assert _kind(c, "Agency website")[0] == "boilerplate"
    # more link lines than BOX_MAX_ITEMS: a list, not a box
    items = [f"Agency page {n}" for n in range(R.BOX_MAX_ITEMS + 1)]
    c = _clean(*_article(3), "Related Links", *items, LAST, *foot)
    assert _kind(c, LAST)[0] == "boilerplate"
    # more prose within BOX_CHECK_LINES lines: a teaser list (headline, blurb, headline, ...)
    c = _clean(*_article(3), "Related Links", "Agency website", LAST, "Other Story", PARA)
    assert _kind(c, LAST)[0] == "boilerplate"
    # a label that opens the page foot (comments, share bar) is no box
    c = _clean(*_article(3), "Comments", "Jane Doe", LAST, *foot)
    assert _kind(c, LAST)[0] == "boilerplate"


def test_boundary_shaped_sentence_inside_article_is_kept() -> None:
    ask = "Share this information with your friends, please?"
    c = _clean(*_article(3), ask, *_article(6))
    assert _kind(c, ask) == ("unsure", "boundary-sentence")
    c = _clean(*_article(3), "Share this", *_article(6))
    assert _kind(c, "Share this") == ("boilerplate", "end-boundary")


def test_sentence_with_colon_right_above_the_article_is_kept() -> None:
    intro = "Your mindset matters. Here is why:"
    c = _clean("Home", "News", "Sport", "Jane Doe", intro, *_article())
    assert _kind(c, intro)[0] in BODY
    # a label ending in a colon is not taken, nor a sentence with a label line between
    c = _clean("Home", "News", "Sport", "Menu Of The Day:", *_article())
    assert _kind(c, "Menu Of The Day:")[0] not in BODY
    c = _clean("Home", "News", "Sport", intro, "Jane Doe", *_article())
    assert _kind(c, intro)[0] not in BODY


# The speed pre-tests (rules.fold, LineRule.may_match, the word count's byte path) only skip
# work: each must agree with the pattern or the plain count it stands in front of.
PRE_TEST_LINES = [
    "Photo: AFP / Getty Images",
    "“Source: Reuters” — a caption",
    "PHOTOGRAPH © Jane Doe",
    "The minister said (Photo credit: Jane Doe)",
    "Home | News | Sport",
    "Home\u00a0\u00a0\u00a0News\u00a0\u00a0\u00a0Sport",
    "Home • News • Sport",
    "Welcome to The Daily Site, your number one source for news",
    "It’s your go-to place for recipes",
    "SİTE KULLANIM ŞARTLARI: ſource: İmage",  # letters IGNORECASE equates with i and s
    "PHOTO: \u212aELVIN / REUTERS",  # the Kelvin sign matches k
    "Contact us at the address below",
    "Read more: the minister’s speech",
    "https://example.org/image.jpg",
    "A plain sentence of the article, with “quotes” and an em dash — nothing else.",
    "The separate (and prepared) plan of the department",  # "epa" inside words, parentheses
    "Flood waters rise in the town. EPA/JANE DOE",
    "The river at dawn (Image Jane Doe)",  # the credit in brackets alone
    "2of4A shopper looks at the shelves",
    "Slide 3 / 12",
    "SHARE   TWEET   EMAIL",
    "ADVERTISEMENT",
    "Comment *",
    "Image caption Sailors on deck",
    "Image copyright law",
    "Media playback is unsupported on your device",
    "Caption: The band",
    "Sign up to get the news in your inbox",
    "Enter your email address",
    "Posted by Jane on May 5, 2012 | Permalink",
    "E-mail this article to a friend",
    "Printer-friendly version",
    "Email ThisBlogThis!Share to TwitterShare to Facebook",
    "Print this article  Email this article",
    "Subscribe to this blog's feed",
    "Login or register to post comments",
    "View all posts by Jane Doe →",
    "Macs too hip for PC users? (190)",
    # round 23: the reader-prompt rule's first words after marks, a reading time's figure
    "» Already a subscriber? Log in",
    "• 5 min read",
    "(Show more)",
    "SUBSCRIBE NOW",
    "▶ Play video",
    "— Close",
    "» Follow us on Twitter",
    "The day's top stories, delivered straight to your inbox",
    # round 24: the post's meta row, trackback and navigation links
    "November 05, 2012 | Permalink",
    "TrackBack URL for this entry:",
    "Posted by Karl Fisch at 4:04 PM",
    "Listed below are links to weblogs that reference Usually, a lot is insufficient:",
    "« Random Tuesday Links | Main | User Community and ROI »",
    "Main | Newer post »",
    "‹ Back to Story",
    "Фото: РИА Новости",
    "图片来源：新华社",
    "Подписывайтесь на наш канал",
    "返回首页>>",
    "【打印】",
    "（责任编辑：王芳）",
]


@pytest.mark.parametrize("text", PRE_TEST_LINES)
def test_rule_pre_tests_never_skip_a_match(text: str) -> None:
    for rule in R.LINE_RULES:
        # (``rule.search(text)`` asks no pre-test)
        assert rule.search(text, R.fold(text)) == rule.search(text), rule.name
        if rule.refuted is None:
            assert rule.search(text) == bool(rule.pattern.search(text)), rule.name


@pytest.mark.parametrize("text", PRE_TEST_LINES)
def test_anchored_rules_twin_never_skips_a_match(text: str) -> None:
    # (the twin is asked of ASCII lines only, lower-cased)
    if R.ANCHORED_LINE_RULES_RE.match(text) and text.isascii():
        assert R.ANCHORED_LINE_RULES_LOWER.match(R.fold(text))


@pytest.mark.parametrize("text", [*(t for t in PRE_TEST_LINES if not R.CJK_RE.search(t)),
                                  "¿Qué pasó? — “Nada”", "日本語のテキスト"])
def test_word_count_byte_path_counts_the_pattern_words(text: str) -> None:
    if R.CJK_RE.search(text):
        assert count_words(text) == 4  # two characters count as one word
    else:
        assert count_words(text) == len(R.WORD_RE.findall(text))


def test_fast_line_record_is_a_line() -> None:
    from digest.cleaning import _line
    from digest.model import Line

    fast, slow = _line(3, "Text", "body", "prose"), Line(3, "Text", "body", "prose")
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)


def test_line_facts_shared_between_captures_stay_as_computed() -> None:
    """Each line's record is built around a cached dict of facts shared by every capture
    holding that line (speed: the collector never tracks such a dict); cleaning one capture must
    leave the facts another capture reads unchanged, and a record must equal one built the
    ordinary way."""
    from dataclasses import asdict

    from digest.cleaning import _Feat, _features, _make_facts, clear_caches

    clear_caches()
    shared = "Officials said the talks would resume next week in Geneva."
    first = _features(["Home", shared, shared, "Menu"])
    clean(Capture(Path("b.txt"), "b.txt", "text", f"Home\n\n{shared}\n\nMore news\n", "utf-8"))
    again = _features(["News", shared])
    assert asdict(again[1]) == _make_facts(shared, False, False)
    assert asdict(first[1]) == _make_facts(shared, True, True)  # repeated on the next line
    assert again[1] == _Feat(**_make_facts(shared, False, False))
    assert again[1] is not _features(["News", shared])[1]  # a record per line, not cached


def _train_verdict(case: str, start: str) -> tuple[str, str]:
    """The kind and rule of the first line of train page ``case`` opening with ``start``."""
    from .conftest import clean_train_page

    line = next(ln for ln in clean_train_page(case).lines if ln.text.startswith(start))
    return line.kind, line.rule


def test_a_slash_between_words_or_an_agency_announcing_a_quote_is_no_photo_credit() -> None:
    """Round 9, train pages: a credit word before a slash that pairs it with a lower-case word
    ("all images/gifs", dragnet 481f47236e5a; "did a photo/video shoot", df1211f3f9bc) and an
    agency named at the end of a line ending in a colon ("Update: The Associated Press later
    today reported:", 3987059d22b8) are the article's own sentences, no photo caption; a
    caption ending in a real credit (". Credit: CSA", 524a0a90b786) stays one."""
    assert _train_verdict("481f47236e5a", "I thought that was one reason we used titles")[0] in BODY
    assert _train_verdict("481f47236e5a", "But putting titles on all images/gifs")[0] in BODY
    assert _train_verdict("df1211f3f9bc", "While we were in Glacier this year")[0] in BODY
    assert _train_verdict("3987059d22b8", "Update: The Associated Press later today")[0] in BODY
    assert _train_verdict("524a0a90b786", "Prototype of the new Juno rover") == (
        "caption", "photo-credit")
    credit = next(r for r in R.LINE_RULES if r.name == "photo-credit")
    assert credit.search("Photo/AP") and credit.search("Mourners gather. Photo / Getty Images")


def test_a_paragraph_naming_its_source_is_no_photo_caption() -> None:
    """Round 42, train pages: paragraphs of the article the photo-credit rule dropped as
    captions, each with its text in the truth: the last paragraph of a wire story signed off
    by its agency ("... in school. – AFP", e708826cf680; "... in the West.
    tf.TFN-Europe_newsdesk@thomson.com afp/slj", 0e0233902654), a quotation with its source
    and date ("(Source: Wall Street Journal, July 31, 2012.)", 72c852198bd0) and a credit word
    inside a quoted title ("The Spitting Image: Myth, Memory, ...", ddcab678aaa7). A caption
    whose credit names a photographer or a photo agency stays one (and 524a0a90b786's "...
    the Moon. Credit: CSA", above)."""
    assert _train_verdict("e708826cf680", "Some £2.3mn has already been set aside")[0] in BODY
    assert _train_verdict("0e0233902654", "The violence disappointed some Western")[0] in BODY
    assert _train_verdict("72c852198bd0", "“This is not a Starbucks issue.")[0] in BODY
    assert _train_verdict("72c852198bd0", "“It is certainly a challenging environment")[0] in BODY
    assert _train_verdict("ddcab678aaa7", "It's a powerful, tragic cliché")[0] in BODY
    # the other side: a credit that names who took the photo, or a photo agency
    credit = next(r for r in R.LINE_RULES if r.name == "photo-credit")
    for caption in ("Mourners gather outside the court. (AP Photo/Matt Dunham)",
                    "Mourners gather outside the court. Photo: AFP",
                    "Mourners gather outside the court. Fethi Belaid/AFP/Getty Images",
                    "Mourners gather outside the court. EPA",
                    "“We will not give up,” a mourner said. (AP Photo)",
                    "Source: Los Angeles Downtown News, November 9, 2012"):
        assert credit.search(caption), caption
    for paragraph in ("Mourners gathered outside the court on Friday. — Reuters",
                      "Mourners gathered outside the court on Friday. (AFP)",
                      'He wrote "Image: A Memoir" in 1990.'):
        assert not credit.search(paragraph), paragraph


def test_a_shops_button_is_furniture_and_a_headline_about_buying_is_not() -> None:
    """Round 16: a gift guide's or a review's button under a product ("Buy now", "Buy on
    Amazon", "Compare Prices", all on train pages around the article, none in a truth) was
    published as a subheading of the article. It is the line rule ``shop-button``; a line that
    says more ("Buy now, pay later schemes grow") is not."""
    shop = next(r for r in R.LINE_RULES if r.name == "shop-button")
    for button in ("Buy now", "Buy on Amazon", "Compare Prices", "Buy from Barnes & Noble",
                   "Add to cart", "See price", "Get the deal"):
        assert shop.search(button, R.fold(button)), button
    for line in ("Buy now, pay later schemes grow", "Shop local this Christmas",
                 "Order now and save"):
        assert not shop.search(line, R.fold(line)), line


def test_a_paragraph_announcing_a_video_or_photos_is_no_credit() -> None:
    """Round 16, train pages: a paragraph ending in a colon that announces what follows ("...
    and you're set to go! Check out the video:", dragnet 77fe614804cb, the page's only
    paragraph; "Now have a look at the “before” photos:", 37aae8173756) was read as a photo
    credit ("Video: Reuters") and dropped as a caption. A credit names someone after its
    colon; a colon ending the line announces."""
    from .conftest import clean_train_page

    def kind(case: str, start: str) -> str:
        return next(ln.kind for ln in clean_train_page(case).lines if ln.text.startswith(start))

    assert kind("77fe614804cb", "Here’s a superb way to get a message across") in BODY
    assert kind("37aae8173756", "Now have a look at the “before” photos") != "caption"
    credit = next(r for r in R.LINE_RULES if r.name == "photo-credit")
    assert credit.search("Leaders meet in Beijing. Video: Reuters")
    assert not credit.search("Check out the video:")


def test_a_caption_under_its_label_and_a_photo_viewer_button_are_not_the_article() -> None:
    """Round 10, train pages: a print caption under its label ("Caption: The Rolling Stones
    have signed ...", l3s-gn1 ed94176b500a, not in its truth) was published as a paragraph, and
    a photo viewer's "Enlarge Photo" button between paragraphs (3c4e50af64fa) as a subheading;
    the paragraphs around the button stay."""
    from .conftest import clean_train_page

    def line(case: str, start: str):
        return next(ln for ln in clean_train_page(case).lines if ln.text.startswith(start))

    caption = line("ed94176b500a", "Caption: The Rolling Stones")
    assert (caption.kind, caption.rule) == ("caption", "caption-label")
    buttons = [ln for ln in clean_train_page("3c4e50af64fa").lines if ln.text == "Enlarge Photo"]
    assert all(b.kind == "boilerplate" for b in buttons)
    assert sum(b.rule == "media-control" for b in buttons) >= 2  # those between paragraphs
    assert line("3c4e50af64fa", "Provided you're not making any calls").kind in BODY


def _truth_paragraphs_published(case: str, cleaned: Cleaned) -> bool:
    """Whether every paragraph of train page ``case``'s truth (15 words or more) that its
    capture holds as it stands is in the published body of ``cleaned``."""
    from .conftest import TRAIN_CORPUS

    body = " ".join(" ".join(b.text for b in cleaned.blocks).split())
    capture = " ".join((TRAIN_CORPUS / f"{case}.txt").read_text(encoding="utf-8").split())
    truth = (TRAIN_CORPUS / f"{case}.truth.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in truth.split("\n\n") if len(p.split()) >= 15]
    return all(p in body for p in paragraphs if p in capture)


def test_a_pages_buttons_and_counted_links_are_furniture_and_the_article_is_kept() -> None:
    """Round 17, train pages: a page's tools were published as subheadings of the article,
    none a line of a truth: a blog platform's share bar with its buttons run together ("Email
    ThisBlogThis!Share to TwitterShare to Facebook", 40e217a0faaf), two tools on a line ("Send
    this article to Friends by E-Mail", l3s-gn1 d926ec35d70f), the prompt in place of a comment
    form ("Login or register to post comments", 952c192248ad), an author's archive link ("View
    all posts by Dima Aryeh →", 1d07b1aa084b), a feed link ("Subscribe to Full WORC feed by
    RSS", 8884cbd12b81) and teasers with their comment counts ("Macs too hip for PC users?
    (190)", l3s-gn1 e57e9e5a2c4c). Each page still publishes every paragraph of its truth that
    its capture holds as it stands."""
    from .conftest import clean_train_page

    furniture = {
        "40e217a0faaf": ("Email ThisBlogThis!Share to TwitterShare to Facebook", ("share-bar",)),
        "d926ec35d70f": ("Send this article to Friends by E-Mail", ("page-tool",)),
        "952c192248ad": ("Login or register to post comments", ("comment-form",)),
        # (since round 20 under the article's end: its tag line, "Tags: 1080p, DNA, Droid";
        # the retrained cut models of rounds 21 to 27 and 30 cut the writer's bio under it off
        # as another article, at "About Dima Aryeh", p = 0.3 to 0.32, those of rounds 28 and 29
        # score it just under the cut's 0.3: the post ends at its tag line either way)
        "1d07b1aa084b": ("View all posts by Dima Aryeh", ("after-article", "appended-article")),
        # (since round 18 under the article's end: its "Related Recipes & Stories:" opener)
        "8884cbd12b81": ("Subscribe to Full WORC feed by RSS", ("after-article",)),
        "e57e9e5a2c4c": ("Macs too hip for PC users? (190)", ("counted-link",)),
    }

    for case, (start, rules) in furniture.items():
        cleaned = clean_train_page(case)
        hits = [ln for ln in cleaned.lines if ln.text.startswith(start)]
        assert hits and all(ln.kind == "boilerplate" and ln.rule in rules for ln in hits), case
        assert _truth_paragraphs_published(case, cleaned), case


def test_a_pages_prompts_and_a_sections_list_are_not_published() -> None:
    """Round 39, train pages: a blog's profile box ("View my complete profile", 05e242de52bd),
    a photo's prompt ("Click photo to enlarge", 40eb6a7b8c00), a rating widget's question ("Do
    you like this story?", 29dcd50a6a5d), a sign-up form's field with its colon ("Enter your
    email address:", b51f2527609f) and a comment form's captcha ("Having trouble reading this
    image? View an alternate.", 92a085f3a921) were published in the article; a section's list
    under its label ("Stories in this Section", l3s-gn1 d926ec35d70f) was published under the
    story. None is a line of a truth; each page still publishes every paragraph of its truth
    that its capture holds as it stands."""
    from .conftest import clean_train_page

    lines = {
        "05e242de52bd": "View my complete profile",
        "40eb6a7b8c00": "Click photo to enlarge",
        "29dcd50a6a5d": "Do you like this story?",
        "b51f2527609f": "Enter your email address:",
        "92a085f3a921": "Having trouble reading this image? View an alternate.",
        "d926ec35d70f": "Stories in this Section",
    }
    for case, line in lines.items():
        cleaned = clean_train_page(case)
        hits = [ln for ln in cleaned.lines if ln.text.strip() == line]
        assert hits and all(ln.kind == "boilerplate" for ln in hits), case
        assert line not in render_plain(cleaned), case
        assert _truth_paragraphs_published(case, cleaned), case
    body = render_plain(clean_train_page("d926ec35d70f"))  # the stories under the label
    assert "SBI fixes rights share price" not in body and "Sensex sheds 99 points" not in body


@pytest.mark.parametrize("line, rule", [
    ("Print this article  Email this article", "page-tool"),
    ("Email this story | Print this story", "page-tool"),
    ("Email to a friend", "page-tool"),
    ("Subscribe to this blog's feed", "page-tool"),
    ("Click here to post a comment", "comment-form"),
    ("Login to have your say here", "comment-form"),
    ("Reader Comments (2)", "counted-link"),
    ("EMAIL THISBLOGTHIS!SHARE TO TWITTERSHARE TO FACEBOOK", "share-bar"),
])
def test_page_tools_on_one_line(line: str, rule: str) -> None:
    assert next(r.name for r in R.LINE_RULES if r.search(line, R.fold(line))) == rule


@pytest.mark.parametrize("line", [
    "Send in the clowns",  # a verb of a tool, then no tool
    "Print edition subscribers can log in to read more.",
    "Subscribe to the newsletter of the regional council before Friday",
    "Register to vote by October 9",
    "Population pyramid (2017)",  # a year, no count
    "Radio: WONE-AM (980), WIZE-AM (1340)",  # a list of stations, brackets on the line
    "Share your views on the new bridge",
])
def test_lines_that_say_more_than_a_tool_are_no_tool(line: str) -> None:
    hits = {r.name for r in R.LINE_RULES if r.search(line, R.fold(line))}
    assert not hits & {"page-tool", "comment-form", "counted-link", "share-bar", "post-footer"}


def test_a_related_section_label_ends_the_article_over_its_teasers() -> None:
    """Round 18, train pages: a "Related ..." label that named no known kind of section
    ("Related posts worth a look", 397403eda5f7; "Related Recipes & Stories:", d99f49bc5f64)
    was published as a subheading with the teasers under it. It is a section opener now: the
    teasers are left out, every paragraph of the truth that the capture holds as it stands is
    still published, and the comment thread under the teasers keeps its own rule, so the
    page is not reported as having dropped prose."""
    from digest.doubts import LOW_CONFIDENCE

    from .conftest import clean_train_page

    for case, label, teaser in [
        ("397403eda5f7", "Related posts worth a look", "New work: Feru (9)"),
        ("d99f49bc5f64", "Related Recipes & Stories:", "Labor of Love. Have a great weekend"),
    ]:
        cleaned = clean_train_page(case)
        rules = {ln.text: (ln.kind, ln.rule) for ln in cleaned.lines}
        assert rules[label] == ("boilerplate", "end-boundary"), case
        assert teaser not in " ".join(" ".join(b.text for b in cleaned.blocks).split()), case
        assert _truth_paragraphs_published(case, cleaned), case
    cleaned = clean_train_page("d99f49bc5f64")  # its readers' comments, under the teasers
    thread = [ln for ln in cleaned.lines if ln.text.startswith("1 Emily October 25, 2012")]
    assert thread and thread[0].rule == "comment-thread"
    assert cleaned.confidence >= LOW_CONFIDENCE


@pytest.mark.parametrize("line", [
    "Have your say", "HAVE YOUR SAY", "Have your say on this story", "Add your comment",
    "Add your comments here", "Post a comment on this article", "Readers' comments",
    "Reader comments (2)", "Reader comments 97", "Discuss this article",
    "Comments are now closed on Letters of Note.", "Your say",
    # round 29: the thread's state, its way in and its form's help
    "No comments yet", "There are no comments yet", "No comments have so far been submitted.",
    "Be the first to comment", "Login or register to post comments", "Please sign in to comment.",
    "Only members of the Club can enter comments.", "Tell us what you think...",
    "Join the Conversation", "Have your say about this article",
    "Enter your information below to add a new comment.",
    "All HTML will be escaped. Hyperlinks will be created for URLs automatically.",
])
def test_the_comments_prompt_is_no_line_of_the_article(line: str) -> None:
    assert R.COMMENT_PROMPT_RE.match(line)


@pytest.mark.parametrize("line", [
    "What do you think?",  # the article's closing question, which truths keep
    "Your comments on the plan are due by Friday, the council said.",
    "Have your say in the consultation before March",
    "No comments were found in the report, the minister said.",
    "Tell us what you think of the new timetable by Friday.",
    "Join the conversation on climate at the town hall tonight",
    "Please sign in to the portal to file your return.",
])
def test_a_sentence_about_comments_is_no_prompt(line: str) -> None:
    assert not R.COMMENT_PROMPT_RE.match(line)


@pytest.mark.parametrize("line", ["24 Comments", "Комментарии (3)", "网友评论", "评论（12）",
                                  "发表评论"])
def test_a_comment_section_opens_in_the_digest_s_languages(line: str) -> None:
    # round 24: a boundary saying "comments" opens a thread (no box inside the article), in
    # Russian and Chinese as in English
    assert R.END_BOUNDARY_RE.match(line)
    assert R.COMMENTS_OPENER_RE.search(line)


@pytest.mark.parametrize(("text", "wall"), [
    ("To read this article in full you must be registered with the site.", True),
    ("To continue reading this story, please subscribe.", True),
    ("To view the full article you need to log in", True),
    # the article's own sentences about reading and access
    ("To read the report, officials said, would take weeks.", False),
    ("To access the site, Chinese users need a VPN.", False),
    ("You must read this article in full before you vote.", False),
])
def test_a_paywalls_condition_is_no_line_of_the_article(text: str, wall: bool) -> None:
    """Round 43: a paywall's condition addressed to the reader (train fc2db2203167, one site's
    six pages, published as paragraphs on the HTML track) is the page's; sentences of an
    article that speak of reading or access are not."""
    rule = next(r for r in R.LINE_RULES if r.name == "paywall-notice")
    assert rule.search(text, R.fold(text)) is wall
    # between the article's paragraphs, the condition goes and the sentences stay
    article = _article()
    kind = _kind(_clean(*article[:3], text, *article[3:]), text)
    assert (kind == ("boilerplate", "paywall-notice")) is wall
    assert (kind[0] in BODY) is not wall


# --- round 44: the site's call to its readers (the HTML track drops it: html_edges.CALL_RULE)

@pytest.mark.parametrize(
    "text",
    [
        "When news happens: send photos, videos & tip-offs to 0424 000 000, or us.",
        "E-mail comments to jane.roe@example.com",
        "You've read the piece, now have your say. Email your comments to sport@example.com.",
        "If you have any news tips that you would like us to follow up on, contact us.",
        "Join the discussion on our Message Boards",
        "Discuss this story on the league's message board...",
        "You can join the debate and post your own views in the lively forums!",
        "Be an active part of our community: subscribe to our weekly email newsletter!",
    ],
)
def test_a_call_to_the_reader_is_the_sites(text: str) -> None:
    assert R.reader_call(text)


@pytest.mark.parametrize(
    "text",
    [
        # an article's sentence about photos, comments or a debate, and a police appeal
        "Frequently when I travel, I send photos of places I find interesting via Instagram.",
        "The council will send letters to every household explaining the new levy, she said.",
        "Residents had their say at a packed public meeting on Tuesday night.",
        "Anyone with information is asked to contact police or Crime Stoppers.",
        # a call longer than a sentence or two is the article's own paragraph
        "Have your say, the campaign urged. " + " ".join(
            ["The minister said on Tuesday that the talks would resume next week."] * 3),
    ],
)
def test_an_articles_own_sentence_is_no_call(text: str) -> None:
    assert not R.reader_call(text)


# --- round 44: the page's navigation written out (cleaning._navigation_lines)


@pytest.mark.parametrize(
    ("text", "navigation"),
    [
        ("You are here: Home / This & That / It's back! HOT giveaway from Jo Totes!", True),
        ("Welcome to The Daily Telegraph. Skip to: Search Box Section Navigation Content", True),
        ("Skip directly to: Search Box, Section Navigation, Content.", True),
        ("Skip to main content", True),
        # an article's own sentences
        ("Every page should have a skip to content link for screen readers, she said.", False),
        ("You are here because the council voted on Tuesday to close the library.", False),
        ("Fans may skip to the final chapter, the author admits.", False),
    ],
)
def test_the_pages_navigation_written_out(text: str, navigation: bool) -> None:
    assert R.site_navigation(text) is navigation


@given(st.text(alphabet="skipSKIPhereHERE ſİı\u212a:toyuarTOYUAR/", max_size=30))
@example("ſkip to: Search")
@example("SKIP TO MAIN CONTENT")
@example("You are \u212aere: Home")
def test_the_navigation_pre_test_agrees_with_its_pattern(text: str) -> None:
    # the pre-test only skips the search: it never turns away a line the pattern reads
    assert R.site_navigation(text) is (R.SITE_NAVIGATION_RE.search(text) is not None)


def test_the_pages_navigation_given_back_over_the_article_is_not_published() -> None:
    # l3s-gn1 c2e74008e546: the line model gave the site's welcome and skip links back as
    # unsure over the report; they go, the report stays whole
    from .conftest import clean_train_page

    cleaned = clean_train_page("c2e74008e546")
    line = next(ln for ln in cleaned.lines if ln.text.startswith("Welcome to The Daily Telegraph"))
    assert (line.kind, line.rule) == ("boilerplate", "site-navigation")
    assert line.text not in render_plain(cleaned)
    assert render_plain(cleaned).strip()


# --- round 44: a paragraph that describes a photo (the lead caption's step, both tracks)


@pytest.mark.parametrize(
    ("text", "caption"),
    [
        ("Former prime minister Brian Mulroney, left, and Karlheinz Schreiber are seen in this "
         "combined image.", True),
        ("A Toronto police officer stops a car for a random sobriety check in this undated file "
         "photo.", True),
        # a report's attribution is the article's, whatever photo words it holds
        ("Police said a man pictured near the scene on Friday has been charged with arson.", False),
        ("(File Photo. Starbucks Corp on Monday said Founder and Chairman Howard Schultz will "
         "immediately take back the chief executive post.)", False),
        ("The mayor is seen as the favourite to win the vote.", False),
    ],
)
def test_a_paragraph_that_describes_a_photo(text: str, caption: bool) -> None:
    assert R.photo_caption(text) is caption


# --- round 45: the page's script or style sheet pasted as a line (cleaning._script_lines)

_MINIFIED = (
    'var _hbEC=0,_hbE=new Array;function _hbEvent(a,b){b=_hbE[_hbEC++]=new Object();b._N=a;'
    'b._C=0;return b;} var hbx=_hbEvent("pv");hbx.vpc="HBX0200u";hbx.gn="example.org";'
)
_STYLE = (
    "OPTIONS = { frameStyleBlock: '@font-face{font-family:TextSans-Regular;src:url(/f.woff2) "
    "format(\"woff2\");font-weight:400;font-style:normal;}' }; window.OPTIONS = OPTIONS;"
)
_DOCUMENT_WRITE = (
    "'); document.write(''); } else { if ( CheckString('mozilla', str) ) { "
    "document.write(''); document.write(''); } else { document.write(''); document.write(''); }"
)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        # the shapes of the train captures' pasted scripts (e0ce167ef159, bf9cba39b3df,
        # e518024546be)
        (_MINIFIED, True),
        (_STYLE, True),
        (_DOCUMENT_WRITE, True),
        # an article's example, a statement a line, and a one-line example too short to be a
        # page's script
        ("var cow = new Cow();", False),
        ('describe("Cow", function() { it("greets", function() { expect(x).to.equal(y); }); });',
         False),
        # prose that names a script's calls: too little of a script's punctuation
        ("The researchers found that the page's script called document.write and window.open on "
         "every visit; if the browser was old, var declarations = {} were skipped, they said.",
         False),
        # a long paragraph with semicolons and parentheses, no script
        (PARA + " The council (which met on Monday) agreed; the mayor did not; the works begin "
         "in May (weather permitting).", False),
    ],
)
def test_the_pages_script_pasted_as_a_line(text: str, script: bool) -> None:
    assert R.script_source(text) is script


def test_a_scripts_style_declarations_are_read_from_a_words_start() -> None:
    # a long word with a script's punctuation (a hostile capture) is read at once: the style
    # declarations' construct starts at a word's start only, not at each of its letters
    assert R.SCRIPT_CONSTRUCT_RE.match("font-size: 12px; color: red", 0) is not None
    assert R.SCRIPT_CONSTRUCT_RE.match("font-size: 12px; color: red", 1) is None
    assert not R.script_source("a" * 20_000 + ";" * 2_000)
