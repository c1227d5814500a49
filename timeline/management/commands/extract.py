"""manage.py extract: what the pipeline finds in article files, as JSON, without touching a database."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.files import ArticleFileError, parse_date, read_article, read_manifest
from timeline.gazetteer import file_gazetteer
from timeline.nlp.extract import extract_texts
from timeline.nlp.pipeline import ModelMissing


class Command(BaseCommand):
    help = "Prints the temporal expressions, events and actors found in each file, as a JSON array."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--manifest", type=Path)
        parser.add_argument("--published", help="publication date for every file (YYYY-MM-DD)")
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, files, manifest=None, published=None, **options):
        try:
            rows = read_manifest(manifest) if manifest else {}
            overrides = {"published": published} if published else {}
            if published:
                parse_date(published, where="--published")
            articles = [read_article(f, manifest_row=rows.get(f.name), overrides=overrides) for f in files]
            results = extract_texts(((a.body, a.published) for a in articles), gazetteer=file_gazetteer())
            out = [{"file": a.name, **result.as_json()} for a, result in zip(articles, results, strict=True)]
        except (ArticleFileError, ModelMissing) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(json.dumps(out, ensure_ascii=False, indent=1))
