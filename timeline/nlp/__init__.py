"""The extraction pipeline: plain Python and spaCy, no Django imports."""
