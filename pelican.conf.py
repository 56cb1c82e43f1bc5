# Pelican settings for Digest. Always used as `pelican -s pelican.conf.py` (the Makefile does).
# Publishing differs only by the environment: SITEURL=https://... turns on absolute URLs and
# feeds; DIGEST_CONTENT points at another content folder (tests and benchmarks use it).
import hashlib
import os
import sys
from pathlib import Path

project_root = Path(__file__).resolve().parent
sys.path.insert(0, str(project_root / "scripts"))  # plugins import the pipeline package `digest`

from digest.errors import DigestError  # noqa: E402
from digest.site import GENERATED_PAGES, load_site, site_path  # noqa: E402
from digest.topics import EVIDENCE_RULE_TEXT  # noqa: E402

PATH = os.environ.get("DIGEST_CONTENT", str(project_root / "content"))

# --- Site: the editor's content/site.yaml (nothing of the editor's lives here) ---------------
# A content folder without site.yaml (a test scenario, a benchmark corpus) gets neutral
# values; `make check` tells an editor who lacks the file how to make one.
_site = None
if site_path(Path(PATH)).exists():
    try:
        _site = load_site(Path(PATH))
    except DigestError as _exc:
        sys.exit(str(_exc))  # the editor's mistake, said plainly: no traceback
SITENAME = _site.name if _site else "Digest"
SITESUBTITLE = _site.tagline if _site else "A curated news digest"
SITE_DESCRIPTION = _site.description if _site else SITESUBTITLE
DIGEST_EDITOR = _site.editor if _site else None
# No AUTHOR: Pelican would credit it as the author of every article whose byline is unknown.
# SITEURL from the environment wins; site.yaml's url is used when publishing without one.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL and os.environ.get("DIGEST_PUBLISH") and _site and _site.url:
    SITEURL = _site.url
RELATIVE_URLS = not SITEURL
TIMEZONE = "UTC"
DEFAULT_LANG = _site.language if _site else "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# --- Content: Markdown written by `digest content`, pages written by the editor -------------
ARTICLE_PATHS = ["articles"]
# site-pages/ holds the About page that `digest content` makes from site.yaml
PAGE_PATHS = ["pages", GENERATED_PAGES]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {
    "extra/favicon.ico": {"path": "favicon.ico"},
    "extra/robots.txt": {"path": "robots.txt"},
}
# Captures are .txt/.html beside the Markdown: only our markdown-it reader reads anything.
READERS = {"html": None, "htm": None, "rst": None}
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "news"
# The home page lists the newest articles a page at a time (index.html, index2.html, ...): at
# 10,000 articles a single page of every card weighed 6 MB.
DEFAULT_PAGINATION = 50
PAGINATED_TEMPLATES = {"index": None}
ARTICLE_ORDER_BY = "reversed-date"

# --- URLs: articles under articles/, every listing Pelican would add unasked is off ---------
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "{slug}.html"
DIRECT_TEMPLATES = ["index", "archives", "search", "404"]
ARCHIVES_SAVE_AS = "archives.html"
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_PAGE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = PAGE_LANG_SAVE_AS = ""

# --- Feeds: only with an absolute SITEURL (a feed of relative links is invalid) -------------
FEED_DOMAIN = SITEURL or None
FEED_ALL_ATOM = "feeds/all.atom.xml" if SITEURL else None
FEED_ALL_RSS = FEED_ATOM = FEED_RSS = CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None

# --- Theme: ours, with autoescape on; only the reader's HTML is marked safe ------------------
THEME = str(project_root / "theme")
THEME_STATIC_DIR = "theme"
JINJA_ENVIRONMENT = {
    # every build is a fresh process (make devserver runs make html): no template changes
    # mid-build to look for on each of the ~9,000 template lookups
    "auto_reload": False,
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
}
JINJA_GLOBALS = {"EVIDENCE_RULE": EVIDENCE_RULE_TEXT}

# --- Plugins: listed explicitly (with no list Pelican loads every installed plugin) ---------
PLUGIN_PATHS = [str(project_root / "plugins")]
PLUGINS = [
    "markdown_it_reader",
    "digest_taxonomy",  # topic and entity pages, related articles, topic graph, topic feeds
    "digest_timeline",  # timeline.html: articles and the dated events they mention
    "digest_lastmod",  # reproducible sitemap <lastmod> (newest article, not the clock)
    "pelican.plugins.neighbors",  # article.prev_article (older) / next_article (newer)
    "pelican.plugins.sitemap",
    "lunr_index",  # search/index.json + shards for the browser's lunr.js (see plugins/lunr_index)
    "digest_incremental",  # reuse unchanged article pages of the previous build
]
SEARCH_LUNR_JS = str(project_root / "node_modules" / "lunr" / "lunr.min.js")
SEARCH_LUNR_LANGUAGES_DIR = str(project_root / "node_modules" / "lunr-languages" / "min")

# --- The web of stories: topics, entities, timeline (defaults live in each plugin) ----------
TOPIC_URL = TOPIC_SAVE_AS = "topics/{slug}.html"
TOPICS_URL = TOPICS_SAVE_AS = "topics/index.html"
ENTITY_URL = ENTITY_SAVE_AS = "entities/{slug}.html"
ENTITIES_URL = ENTITIES_SAVE_AS = "entities/index.html"
DIGEST_TAXONOMY = str(Path(PATH) / "taxonomy.yaml")
TOPIC_FEED_ATOM = "feeds/topics/{slug}.atom.xml"  # written only when FEED_DOMAIN is set
DIGEST_RELATED_COUNT = 5
TIMELINE_URL = TIMELINE_SAVE_AS = "timeline.html"
MENU_LINKS = [
    ("Topics", "topics/index.html"),
    ("People & places", "entities/index.html"),
    ("Timeline", "timeline.html"),
]
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$"],
    "changefreqs": {"articles": "monthly", "pages": "monthly", "indexes": "daily"},
}

# --- Incremental builds (`make html`): DIGEST_PREVIOUS_OUTPUT names the site being replaced;
# unchanged article pages are copied from it (plugins/digest_incremental) and Pelican's reader
# cache skips unchanged Markdown. The cache folder is named by the reader's code, so a reader
# change never serves stale HTML. `make publish` and CI builds leave it unset: no cache at all.
DIGEST_PREVIOUS_OUTPUT = os.environ.get("DIGEST_PREVIOUS_OUTPUT") or None
CACHE_CONTENT = LOAD_CONTENT_CACHE = DIGEST_PREVIOUS_OUTPUT is not None
CONTENT_CACHING_LAYER = "reader"
_READER_CODE = hashlib.sha256(
    (project_root / "plugins" / "markdown_it_reader" / "reader.py").read_bytes()
).hexdigest()[:12]
# Uncompressed: Pelican rewrites the whole reader cache on every build, and gzip made that
# ~2 s of a 5,000-article incremental build, for disk space nobody needs back. The folder name
# says so, because Pelican warns (a fatal warning here) on a gzip cache read as plain pickle.
GZIP_CACHE = False
CACHE_PATH = str(
    Path(PATH).resolve().parent / ".digest-cache" / f"pelican-{_READER_CODE}-plain"
)
