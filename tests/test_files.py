import datetime as dt

import pytest

from timeline.files import ArticleFileError, collect, read_article, split_front_matter


def write(path, content: bytes | str):
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_front_matter_gives_metadata_and_is_removed_from_the_body(tmp_path):
    f = write(
        tmp_path / "a.txt", "---\ntitle: Talks end\nsource: Reuters\npublished: 2023-03-22\n---\nXi left."
    )
    article = read_article(f)
    assert (article.title, article.source, article.published) == (
        "Talks end",
        "Reuters",
        dt.date(2023, 3, 22),
    )
    assert article.body == "Xi left."


def test_command_line_beats_front_matter_which_beats_the_manifest(tmp_path):
    f = write(tmp_path / "a.txt", "---\npublished: 2023-03-22\n---\nXi left.")
    row = {"title": "From manifest", "published": "2023-01-01", "source": "AP"}
    article = read_article(f, manifest_row=row)
    assert article.published == dt.date(2023, 3, 22)
    assert article.title == "From manifest"
    assert read_article(f, manifest_row=row, overrides={"published": "2023-03-01"}).published == dt.date(
        2023, 3, 1
    )


def test_a_bad_date_names_the_file_and_the_field(tmp_path):
    f = write(tmp_path / "bad.txt", "---\npublished: 20 March\n---\nText.")
    with pytest.raises(ArticleFileError, match=r"bad\.txt.*'published'"):
        read_article(f)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t ", "white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "NUL bytes"),
        ("Caf\u00e9 society".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(tmp_path, content, reason):
    f = write(tmp_path / "x.txt", content)
    with pytest.raises(ArticleFileError, match=reason):
        read_article(f)


def test_a_file_above_the_size_limit_is_refused(tmp_path):
    f = write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(ArticleFileError, match="above the limit of 100 bytes"):
        read_article(f, max_bytes=100)


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(ArticleFileError, match="no closing"):
        split_front_matter("---\ntitle: x\nbody", where="x.txt")


def test_a_folder_is_searched_recursively_and_its_manifest_read(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.txt", "Text b.")
    write(tmp_path / "a.txt", "Text a.")
    write(
        tmp_path / "manifest.csv",
        "filename,title,source,url,published\na.txt,A,AP,,2023-03-20\nghost.txt,G,AP,,\n",
    )
    found = collect([tmp_path])
    assert sorted(p.name for p, _ in found.files) == ["a.txt", "b.txt"]
    assert dict((p.name, r) for p, r in found.files)["a.txt"]["title"] == "A"
    assert any("ghost.txt" in e and "does not exist" in e for e in found.errors)
