"""The fuzz suite: random and hostile input through `Graph.ingest`, `extract`, `Graph.search`
and the `newsgraph` CLI, with the real spaCy pipeline (loaded once per process) and real
SQLite files.

Two profiles. The default runs within a minute as part of `make test`; the long one runs
fifty times the examples of every test (`fuzz_inputs.LONG_FACTOR`), about half an hour:

    python -m pytest -q tests/fuzz
    HYPOTHESIS_PROFILE=long python -m pytest -q tests/fuzz

The "fuzz" profile registered here is only applied by these tests (`fuzz_inputs.fuzz`), so
other tests keep their own settings. A failure prints the `@reproduce_failure` blob to replay it.
"""
from __future__ import annotations

from hypothesis import HealthCheck, Phase, settings

# Examples are whole batches through the real pipeline: no per-example deadline, generated
# batches may be large, and no explain phase (minutes of re-runs to annotate a failure).
settings.register_profile(
    "fuzz",
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
