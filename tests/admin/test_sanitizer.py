"""What an editor types never runs in a visitor's browser."""

import pytest

from pathways.markdown import render

REL = 'rel="noopener noreferrer nofollow"'


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Hello <script>alert('x')</script> world", "<p>Hello  world</p>"),
        ("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>", ""),
        ('<img src="x" onerror="alert(1)">', '<p><img src="x"></p>'),
        ('<svg onload="alert(1)"></svg>', "<p></p>"),
        ('<iframe src="https://evil.example"></iframe>', ""),
        ('<p style="color:red">styled</p>', "<p>styled</p>"),
        (
            '<a href="https://example.com" onclick="steal()">site</a>',
            f'<p><a href="https://example.com" {REL}>site</a></p>',
        ),
    ],
)
def test_render_drops_scripts_handlers_and_styles(typed, shown):
    assert render(typed) == shown


@pytest.mark.parametrize(
    "typed",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
    ],
)
def test_render_removes_dangerous_link_targets(typed):
    assert render(typed) == f"<p><a {REL}>click</a></p>"


def test_render_drops_data_url_images():
    assert render("![pic](data:image/svg+xml;base64,PHN2Zz4=)") == '<p><img alt="pic"></p>'


def test_render_keeps_ordinary_links_and_emphasis():
    typed = "Read **this** [guide](https://example.com/page)."

    assert render(typed) == (
        f'<p>Read <strong>this</strong> <a href="https://example.com/page" {REL}>guide</a>.</p>'
    )


def test_render_keeps_uploaded_images_with_alt_text():
    assert render("![A chart](/media/markdownx/chart.png)") == (
        '<p><img alt="A chart" src="/media/markdownx/chart.png"></p>'
    )


def test_render_drops_javascript_image_sources():
    assert render("![x](javascript:alert(1))") == '<p><img alt="x"></p>'
