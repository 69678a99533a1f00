"""Reading a source page: the layout by its first line, and what cannot be read at all.

Every refusal names the file, the line and what is wrong.
"""

import pytest

from pathways.sourcetext import SourceError, parse_file, parse_text

from .pages import PROJECT_MANAGER_FILE, error_of, seed_text


def test_parse_text_crlf_and_trailing_newline_give_the_same_record():
    text = seed_text().replace("\n", "\r\n") + "\r\n"

    assert parse_text(text, "crlf.txt") == parse_file(PROJECT_MANAGER_FILE)


def test_parse_text_byte_order_mark_is_ignored():
    assert parse_text("\ufeff" + seed_text(), "bom.txt") == parse_file(PROJECT_MANAGER_FILE)


def test_parse_text_empty_file():
    assert error_of("") == "guide.txt:1: empty file"


def test_parse_text_blank_file():
    assert error_of("\n  \n\t\n") == "guide.txt:1: empty file"


def test_parse_text_unknown_layout():
    assert error_of("\nWelcome to our blog\nMore text") == (
        "guide.txt:2: unknown layout: expected a guide ('Career Pathway\u2026') or a hub "
        "('How to Become a <Role>'), found 'Welcome to our blog'"
    )


def test_parse_text_nul_character():
    assert error_of("Career Pathway\nBackend\x00Developer\n") == (
        "guide.txt:2: binary content (NUL byte); expected UTF-8 text"
    )


def test_parse_file_binary_content(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"Career Pathway\nBackend\n\x89PNG\x00\x00\x00")

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:3: binary content (NUL byte); expected UTF-8 text"


def test_parse_file_not_utf8(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        seed_text()
        .replace("Moderate", "Mod\u00e9rate")
        .encode("utf-8")
        .replace("Mod\u00e9rate".encode(), "Mod\u00e9rate".encode("latin-1"))
    )

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:8: not UTF-8 text: invalid byte 0xe9"


def test_parse_file_too_large_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(1024 * 1024 + 1)  # sparse: nothing is written, only the size

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:1: file is too large (1,048,577 bytes; the limit is 1 MiB)"


def test_parse_file_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:1: empty file"


def test_parse_file_missing(tmp_path):
    path = tmp_path / "missing.txt"

    with pytest.raises(SourceError) as caught:
        parse_file(path)

    assert str(caught.value) == f"{path}:1: cannot read the file: No such file or directory"
