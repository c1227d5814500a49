"""Reading article files and their manifest: front matter, metadata precedence, bad input.

Plain Python: no Django, so the `extract` command and the tests can use it anywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST_NAME = "manifest.csv"
MANIFEST_FIELDS = ("filename", "title", "source", "url", "published")
META_FIELDS = ("title", "source", "url", "published")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The longest value each metadata field may hold (the database columns' lengths).
FIELD_LIMITS = {"title": 500, "source": 200, "url": 1000}
# Above this share of control characters (other than white space) a file is data, not an article.
MAX_CONTROL_SHARE = 0.01
CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


class ArticleFileError(ValueError):
    """An article file or its metadata cannot be used; the message names the file and the reason."""


@dataclass
class ArticleFile:
    """An article read from disk: its body and its metadata, before any extraction."""

    path: Path
    body: str
    title: str = ""
    source: str = ""
    url: str = ""
    published: dt.date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def content_hash(self) -> str:
        return body_hash(self.body)


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def parse_date(value: str, *, where: str) -> dt.date | None:
    """An ISO date, or None for an empty value; anything else is an error naming ``where``."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArticleFileError(f"{where}: 'published' is not an ISO date (YYYY-MM-DD): {value!r}") from None


def split_front_matter(text: str, *, where: str) -> tuple[dict[str, str], str]:
    """Separates a leading ``---`` block of ``key: value`` lines from the body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if closing is None:
        raise ArticleFileError(f"{where}: front matter starts with '---' but has no closing '---' line")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:closing], start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ArticleFileError(
                f"{where}: front matter line {i + 1} is not 'key: value': {line.strip()!r}"
            )
        meta[key.strip().lower()] = value.strip().strip('"').strip("'")
    return meta, "\n".join(lines[closing + 1 :])


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Rows of a manifest.csv keyed by file name."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in ("filename",) if name not in (reader.fieldnames or [])]
            if missing:
                raise ArticleFileError(
                    f"{path}: the manifest has no 'filename' column (header: {reader.fieldnames})"
                )
            return {
                row["filename"].strip(): {k: (row.get(k) or "").strip() for k in META_FIELDS}
                for row in reader
                if (row.get("filename") or "").strip()
            }
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ArticleFileError(f"{path}: the manifest cannot be read: {exc}") from None


def decode_body(raw: bytes, *, where: str) -> str:
    """The text of an article file, or an error saying why the bytes are not an article."""
    if not raw:
        raise ArticleFileError(f"{where}: the file is empty")
    if b"\x00" in raw:
        raise ArticleFileError(f"{where}: the file contains NUL bytes (binary data, not a text article)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleFileError(
            f"{where}: not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 1]!r}); "
            "convert it to UTF-8 and import it again"
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleFileError(f"{where}: the file holds only white space")
    controls = len(CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise ArticleFileError(
            f"{where}: {controls:,} control characters in {len(text):,} (binary data, not a text article)"
        )
    return text


def check_metadata(meta: dict[str, str], *, where: str) -> None:
    """Refuses metadata the site could not store or show safely: over-long values, non-web URLs."""
    for key, limit in FIELD_LIMITS.items():
        if len(meta.get(key, "")) > limit:
            raise ArticleFileError(f"{where}: '{key}' is {len(meta[key]):,} characters, above {limit:,}")
    url = meta.get("url", "")
    if url and not re.match(r"https?://[^\s/]+", url, re.IGNORECASE):
        raise ArticleFileError(f"{where}: 'url' must be an http:// or https:// address: {url[:80]!r}")


def read_article(
    path: Path,
    *,
    manifest_row: dict[str, str] | None = None,
    overrides: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ArticleFile:
    """Reads one article. Metadata precedence: ``overrides`` (command line), front matter, manifest."""
    where = str(path)
    try:
        if not path.is_file():
            raise ArticleFileError(f"{where}: not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleFileError(
                f"{where}: the file is {size:,} bytes, above the limit of {max_bytes:,} bytes"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ArticleFileError(f"{where}: cannot be read: {exc.strerror or exc}") from None
    meta, body = split_front_matter(decode_body(raw, where=where), where=where)
    if not body.strip():
        raise ArticleFileError(f"{where}: the article has front matter but no text")
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    layers = (
        (manifest_row or {}, f"{where} (its manifest row)"),
        (meta, f"{where} (front matter)"),
        (overrides or {}, "command line"),
    )
    for layer, name in layers:
        for key, value in layer.items():
            if key in META_FIELDS and value:
                merged[key], origin[key] = value, name
    check_metadata(merged, where=where)
    return ArticleFile(
        path=path,
        body=body,
        title=merged.get("title", ""),
        source=merged.get("source", ""),
        url=merged.get("url", ""),
        published=parse_date(merged.get("published", ""), where=origin.get("published", where)),
    )


@dataclass
class Collected:
    """The files an import was asked for, with their manifest rows, and what was wrong on the way."""

    files: list[tuple[Path, dict[str, str] | None]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def collect(paths: list[Path], *, manifest: Path | None = None) -> Collected:
    """Expands files and folders (``*.txt``, recursively) and pairs each file with its manifest row."""
    out = Collected()
    rows: dict[str, dict[str, str]] = {}
    manifests = [manifest] if manifest else []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            manifests += sorted(p for p in path.rglob(MANIFEST_NAME) if p not in manifests)
            found = sorted(path.rglob("*.txt"))
        elif path.exists():
            found = [path]
        else:
            out.errors.append(f"{path}: no such file or folder")
            continue
        for f in found:
            if f.resolve() not in seen:
                seen.add(f.resolve())
                out.files.append((f, None))
    for m in manifests:
        try:
            table = read_manifest(m)
        except ArticleFileError as exc:
            out.errors.append(str(exc))
            continue
        for name, row in table.items():
            rows.setdefault(name, row)
            if not (m.parent / name).exists() and not any(f.name == name for f, _ in out.files):
                out.errors.append(f"{m}: row names {name!r}, which does not exist")
    out.files = [(f, rows.get(f.name)) for f, _ in out.files]
    return out
