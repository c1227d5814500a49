"""The floor for ingest: bare spaCy ``nlp.pipe`` over the same texts, in a process of its own.

Run as ``.venv/bin/python bench/bare_spacy.py FOLDER``: loads the pipeline the project uses, streams
every ``*.txt`` of FOLDER through it, and prints one JSON line with the seconds each step took.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(folder: Path) -> None:
    started = time.perf_counter()
    from timeline.nlp.pipeline import load_nlp

    nlp = load_nlp()
    loaded = time.perf_counter()
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))]
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
    done = time.perf_counter()
    print(
        json.dumps(
            {"texts": len(texts), "tokens": tokens, "load_s": loaded - started, "pipe_s": done - loaded}
        )
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
