"""The header and the furniture of pages in the digest's own languages: Russian and Chinese.

A digest on Sino-Russian relations collects pages from Russian and Chinese sites; the training
corpus holds none in Russian and two in Chinese, so the cleaner read their dates, bylines and
headlines as English pages' text (round 24: "4 мая 2024, 15:30" and "作者：李明" were published
as subheadings, no date or headline read). The captures in tests/fixtures/languages were
written for these tests in the shapes those sites print (a bare name over the date, labelled
fields, an agency's dateline in the lede; a byline label, a source line, a line of bracketed
tools); each test reads one back whole: its facts, its article, its furniture dropped.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from digest.capture import decode_capture
from digest.cleaning import clean, render_plain
from digest.model import Cleaned

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "languages"


def _clean(name: str) -> Cleaned:
    path = FIXTURES / name
    return clean(decode_capture(path.read_bytes(), path))


def _kind(cleaned: Cleaned, text: str) -> tuple[str, str]:
    line = next(ln for ln in cleaned.lines if ln.text.strip() == text)
    return line.kind, line.rule


@pytest.mark.parametrize(
    ("name", "title", "authors", "published", "first", "last", "furniture"),
    [
        # a bare name over the date line, a share bar, "Читайте также" and comments under it
        ("ru-bare-name.txt", "Путин и Си Цзиньпин обсудили сотрудничество в энергетике",
         ("Иван Петров",), dt.date(2024, 5, 4), "Президент России Владимир Путин провел",
         "Эксперты отмечают, что за последние два года",
         ["4 мая 2024, 15:30", "Поделиться", "ВКонтакте", "Китай увеличил импорт российской "
          "нефти в апреле", "Хорошая новость для экономики."]),
        # labelled fields ("Опубликовано: 12.03.2024": day first in Russian), a photo credit, an
        # advertisement's label, a tag line, a call to follow, related and most-read lists
        ("ru-labels.txt", "Лавров и Ван И обсудили подготовку визита в Пекин",
         ("Анна Смирнова",), dt.date(2024, 3, 12), "Министр иностранных дел России",
         "Как отметили в министерстве", ["Опубликовано: 12.03.2024, 09:41",
                                         "Фото: РИА Новости / Иван Сидоров", "Реклама",
                                         "Подписывайтесь на наш канал в Telegram",
                                         "В Кремле оценили итоги переговоров с Китаем",
                                         "1. Курс доллара упал ниже 90 рублей"]),
        # an agency's page: its date with an update, its dateline in the lede, a list of tags
        ("ru-agency.txt", "Си Цзиньпин прибудет в Москву с государственным визитом", (),
         dt.date(2024, 5, 4), "МОСКВА, 4 мая. /ТАСС/.", "Визит станет первым зарубежным",
         ["4 мая 2024, 15:30, обновлено 4 мая 2024, 16:10", "Дипломатия",
          "Эксперт оценил перспективы торговли России и Китая"]),
        # a news agency's page: the time before a numeric date, no word of Russian on its line
        ("ru-time-first.txt", "Захарова прокомментировала визит Ван И в Москву", (),
         dt.date(2024, 5, 4), "МОСКВА, 4 мая — РИА Новости.", "Ранее в Кремле сообщили",
         ["15:30 04.05.2024", "В Пекине оценили итоги переговоров с Россией"]),
        # a byline label, a date in 年月日, a source line, a share bar, related news, the editor
        ("zh-byline.txt", "中俄两国元首通电话 就能源合作交换意见", ("李明",), dt.date(2024, 5, 4),
         "国家主席习近平4日同俄罗斯总统普京通电话", "普京表示，俄方愿同中方加强各领域务实合作",
         ["2024年5月4日 15:30", "分享到：", "微信", "相关新闻", "中国4月自俄罗斯进口原油增加",
          "责任编辑：王芳", "版权所有 © 2024 新闻网"]),
        # the date glued to its time and the source after it, the editors' credit in brackets
        ("zh-source-line.txt", "王毅同俄罗斯外长拉夫罗夫举行会谈", (), dt.date(2024, 3, 12),
         "新华社北京3月12日电", "拉夫罗夫表示，俄方高度重视对华关系",
         ["2024年03月12日09:41 | 来源：人民网－国际频道", "热门推荐",
          "中国经济稳中向好态势持续巩固"]),
        # the source before the date, a line of bracketed tools, an error report's button
        ("zh-agency.txt", "习近平会见俄罗斯总统普京", (), dt.date(2024, 5, 4),
         "新华社北京5月4日电", "普京表示，俄方愿同中方一道",
         ["来源：新华网 | 2024-05-04 15:30:12", "【字号 大 中 小】【打印】【关闭窗口】", "【纠错】",
          "编辑：李明", "外交部：中俄合作不针对第三方"]),
    ],
)
def test_page_in_russian_or_chinese_reads_whole(
    name: str, title: str, authors: tuple[str, ...], published: dt.date, first: str, last: str,
    furniture: list[str],
) -> None:
    cleaned = _clean(name)
    meta = cleaned.metadata
    assert meta.title.value == title
    assert tuple(meta.authors.value or ()) == authors
    assert meta.published.value == published
    body = render_plain(cleaned)
    assert body.startswith(first)
    assert last in body
    for line in furniture:
        assert line not in body, line


def test_chinese_copyright_line_names_the_outlet() -> None:
    cleaned = _clean("zh-byline.txt")
    assert cleaned.metadata.outlet.value == "新闻网"
    assert _kind(cleaned, "作者：李明") == ("byline", "byline")


def test_russian_name_over_the_date_is_the_byline() -> None:
    cleaned = _clean("ru-bare-name.txt")
    assert _kind(cleaned, "Иван Петров") == ("byline", "author-name")
    assert _kind(cleaned, "4 мая 2024, 15:30") == ("dateline", "dateline")
