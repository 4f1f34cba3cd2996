"""`newsgraph eval`: measure newsgraph's quality against annotated corpora in their native formats.

Scorers are imported inside the commands so that `newsgraph --help` stays fast.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from newsgraph.cli.app import main

# The name pairs `newsgraph eval names` scores by default: development, then held out (eval/names/README.md).
DEFAULT_NAME_PAIRS = ("eval/names/pairs.jsonl", "eval/names/heldout.jsonl")

# Every scorer prints a table or the same report as JSON.
format_option = click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
                             show_default=True)


def _report_data(report, show_errors: bool) -> dict:
    data = report.to_dict()
    if not show_errors:
        del data["errors"]
    return data


def _print_report(report, show_errors: bool, output_format: str) -> None:
    """Every scorer's report prints the same way: a table (or JSON), error counts, the errors."""
    if output_format == "json":
        click.echo(json.dumps(_report_data(report, show_errors), indent=2, ensure_ascii=False))
        return
    click.echo(report.format_table())
    counts = ", ".join(f"{kind} {n}" for kind, n in report.error_counts().items())
    click.echo(f"errors: {counts}")
    if show_errors:
        click.echo("")
        for error in report.errors:
            click.echo(error.describe())


@main.group("eval")
def eval_group() -> None:
    """Measure newsgraph's quality against annotated corpora.

    \b
    Example:
      newsgraph eval timex ../shared/data/tempeval3/train
    """


@eval_group.command("timex")
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE.tml...")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed, spurious or wrong time expression.")
@format_option
def eval_timex_command(paths: tuple[str, ...], show_errors: bool, output_format: str) -> None:
    """Score the time-expression recogniser on TimeML gold files, as TempEval-3 task A does.

    Directories are searched recursively for *.tml. Per file and overall (micro-averaged):
    strict and relaxed span P/R/F1, type and value accuracy over relaxed matches, and value F1
    (value accuracy x relaxed F1, the TempEval-3 ranking score).

    \b
    Examples:
      newsgraph eval timex ../shared/data/tempeval3/train
      newsgraph eval timex doc1.tml doc2.tml --errors
      newsgraph eval timex ../shared/data/tempeval3/train --format json > timex-eval.json
    """
    from newsgraph.eval.tempeval import evaluate_timex

    report = evaluate_timex([Path(p) for p in paths])
    _print_report(report, show_errors, output_format)


@eval_group.command("entities")
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE.xml...")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed, spurious, mistyped or mis-extended name.")
@format_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N files.")
@click.option("--baseline", type=click.Choice(["spacy"]), default=None,
              help="Replace newsgraph's mentions and coref stages by the bare spaCy model's entities "
                   "(PERSON/ORG/GPE/LOC/FAC, no corrections), to show what the corrections gain.")
def eval_entities_command(paths: tuple[str, ...], show_errors: bool, output_format: str, limit: int | None,
                          baseline: str | None) -> None:
    """Score entity mentions and in-document coreference on MEANTIME CAT XML gold files.

    Directories are searched recursively for *.xml. Named mentions of people, organizations
    and places: strict (same extent) and relaxed (overlapping) P/R/F1, untyped and typed,
    per file and per type; coreference of names and pronouns: pairwise link and B3 P/R/F1
    over the matched mentions. Only the sentences MEANTIME annotates are scored.

    \b
    Examples:
      newsgraph eval entities ../shared/data/meantime/intra-doc_annotation
      newsgraph eval entities doc1.xml doc2.xml --errors
      newsgraph eval entities ../shared/data/meantime/intra-doc_annotation --baseline spacy
      newsgraph eval entities ../shared/data/meantime/intra-doc_annotation --format json > entity-eval.json
    """
    from tqdm import tqdm

    from newsgraph.eval.entities import evaluate_entities, spacy_baseline_pipeline
    from newsgraph.eval.meantime import meantime_files

    total = sum(1 for _ in meantime_files(paths))
    pipeline = spacy_baseline_pipeline() if baseline == "spacy" else None
    with tqdm(total=min(total, limit or total), unit="doc", file=click.get_text_stream("stderr"),
              leave=False) as bar:
        report = evaluate_entities([Path(p) for p in paths], pipeline=pipeline, limit=limit, progress=bar.update)
    for failure in report.failed:
        click.echo(failure, err=True)
    _print_report(report, show_errors, output_format)


@eval_group.command("articles")
@click.argument("paths", nargs=-1, required=True, metavar="DIR|NAME.gold.json...")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed, split, mistyped or spurious entity, relation and event.")
@format_option
@click.option("--baseline", type=click.Choice(["spacy"]), default=None,
              help="Also score the bare spaCy model's entities (mentions and coref stages swapped by name "
                   "for the model's entities and one entity per name) and print them beside newsgraph's.")
def eval_articles_command(paths: tuple[str, ...], show_errors: bool, output_format: str,
                          baseline: str | None) -> None:
    """Score whole-article extraction against hand-written gold files.

    For each NAME.txt with a NAME.gold.json beside it (the shape of the team's sample gold:
    entities with every name the text uses, relations, events, must_not rules), run extraction
    and print entity recall, precision, F1, split and wrong-type counts, relation and event
    recall and precision, time accuracy and violations, and the places of the gold's `geo`
    geocoded within 25 km ("geo": correct/gold; "gwrong": given a point farther off), per
    article and overall (micro average). Directories are searched recursively for *.gold.json.

    \b
    Examples:
      newsgraph eval articles eval/articles/dev
      newsgraph eval articles eval/articles/dev --baseline spacy
      newsgraph eval articles eval/articles/dev --errors
      newsgraph eval articles eval/articles/heldout --format json > heldout.json
    """
    from newsgraph.eval.entities import spacy_baseline_pipeline
    from newsgraph.pipeline import Pipeline

    roots = [Path(p) for p in paths]
    report = _score_articles(roots, Pipeline())
    if baseline is None:
        _print_report(report, show_errors, output_format)
        return
    base = _score_articles(roots, spacy_baseline_pipeline())
    if output_format == "json":
        both = {"newsgraph": report.to_dict(), baseline: base.to_dict()}
        if not show_errors:
            for data in both.values():
                del data["errors"]
        click.echo(json.dumps(both, indent=2, ensure_ascii=False))
        return
    click.echo("newsgraph")
    _print_report(report, show_errors, output_format)
    click.echo(f"\nbaseline: {baseline}")
    _print_report(base, show_errors, output_format)
    ours, theirs = report.overall.figures(), base.overall.figures()
    click.echo(f"\nentity F1: newsgraph {ours['entity_f1']:.2f}, {baseline} {theirs['entity_f1']:.2f}, "
               f"difference {ours['entity_f1'] - theirs['entity_f1']:+.2f}; splits {ours['splits']} vs "
               f"{theirs['splits']}, wrong types {ours['wrong_types']} vs {theirs['wrong_types']}")


def _score_articles(roots: list[Path], pipeline):
    """The article report of one pipeline, with a progress bar on stderr."""
    from tqdm import tqdm

    from newsgraph.eval.articles import evaluate_articles, gold_articles, pipeline_extractor

    total = sum(1 for _ in gold_articles(roots))
    with tqdm(total=total, unit="article", file=click.get_text_stream("stderr"), leave=False) as bar:
        return evaluate_articles(roots, pipeline_extractor(pipeline), progress=bar.update)


@eval_group.command("meantime")
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE.xml...")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every missed, spurious or mis-extended event mention, every missed or spurious "
                   "participant and every wrong time link of newsgraph's detector.")
@format_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N files.")
def eval_meantime_command(paths: tuple[str, ...], show_errors: bool, output_format: str, limit: int | None) -> None:
    """Score event mentions, their participants and their times on MEANTIME CAT XML gold files.

    Directories are searched recursively for *.xml. Event mentions: strict (same extent) and
    relaxed (overlapping) P/R/F1; participants: P/R/F1 of (event, participant) pairs against
    HAS_PARTICIPANT; time: accuracy of the time expression given to matched events that a TLINK
    ties to a time expression in the text. Per sub-corpus (the directory of a file) and overall,
    for newsgraph's detector and, beside it, the naive baseline (every verb an event, its
    subject and object its participants, the nearest time expression its time). Only the
    sentences MEANTIME annotates are scored.

    \b
    Examples:
      newsgraph eval meantime ../shared/data/meantime/intra-doc_annotation
      newsgraph eval meantime ../shared/data/meantime/intra-doc_annotation/corpus_gm --errors
      newsgraph eval meantime doc1.xml --limit 1 --format json > meantime-events.json
    """
    from tqdm import tqdm

    from newsgraph.eval.meantime import meantime_files
    from newsgraph.eval.meantime_events import evaluate_event_mentions

    total = sum(1 for _ in meantime_files(paths))
    with tqdm(total=min(total, limit or total), unit="doc", file=click.get_text_stream("stderr"),
              leave=False) as bar:
        report = evaluate_event_mentions([Path(p) for p in paths], limit=limit, progress=bar.update)
    for failure in report.failed:
        click.echo(failure, err=True)
    _print_report(report, show_errors, output_format)


@eval_group.command("names")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False), metavar="[FILE.jsonl...]")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every missed and spurious pair with its score.")
@format_option
def eval_names_command(paths: tuple[str, ...], show_errors: bool, output_format: str) -> None:
    """Score the cross-document name matcher on labelled name pairs (same / not same), one
    report per file; by default the development pairs and the held-out pairs of eval/names.

    \b
    Examples:
      newsgraph eval names
      newsgraph eval names eval/names/heldout.jsonl --errors
    """
    from newsgraph.eval.names import evaluate_names

    paths = paths or DEFAULT_NAME_PAIRS
    if len(paths) == 1:
        _print_report(evaluate_names(Path(paths[0])), show_errors, output_format)
    elif output_format == "json":
        reports = {path: _report_data(evaluate_names(Path(path)), show_errors) for path in paths}
        click.echo(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        for number, path in enumerate(paths):
            click.echo(f"{chr(10) if number else ''}== {path}")
            _print_report(evaluate_names(Path(path)), show_errors, output_format)


@eval_group.command("ecb")
@click.argument("path", type=click.Path(exists=True, file_okay=False), metavar="DIR")
@click.option("--errors", "show_errors", is_flag=True,
              help="Also list every gold cluster newsgraph split and every cluster it merged, with their mentions.")
@format_option
@click.option("--split", type=click.Choice(["test", "dev", "train"]), default="test", show_default=True,
              help="The topics to score: test 36-45, dev 2, 5, 12, 18, 21, 23, 34, 35, or train (the rest of 1-35).")
@click.option("--documents", "documents_by", type=click.Choice(["predicted", "subtopics", "topics"]),
              default="predicted", show_default=True,
              help="Group documents by newsgraph's own clustering of their texts, or by the gold subtopics or "
                   "topics of ECB+ (for comparison with published figures).")
def eval_ecb_command(path: str, show_errors: bool, output_format: str, split: str, documents_by: str) -> None:
    """Score cross-document event and entity coreference on ECB+ from gold mentions.

    DIR holds ECB+/<topic>/<topic>_<n>ecb[plus].xml and ECBplus_coreference_sentences.csv; only
    the validated sentences are scored, singletons included. Events are the ACTION_* and
    NEG_ACTION_* mentions; entities the participants, places and times. MUC, B3, CEAF-e and
    CoNLL F1 for newsgraph and, beside it, the same-head-lemma baseline in the same document
    clusters.

    \b
    Examples:
      newsgraph eval ecb ../shared/data/ecbplus
      newsgraph eval ecb ../shared/data/ecbplus --documents subtopics
      newsgraph eval ecb ../shared/data/ecbplus --split dev --errors
      newsgraph eval ecb ../shared/data/ecbplus --format json > ecb-eval.json
    """
    from newsgraph.eval.ecb_coref import evaluate_ecb
    from newsgraph.eval.ecbplus import DEV_TOPICS, TEST_TOPICS, TRAIN_TOPICS

    topics = {"test": TEST_TOPICS, "dev": DEV_TOPICS, "train": TRAIN_TOPICS}[split]
    _print_report(evaluate_ecb(Path(path), topics, documents_by), show_errors, output_format)
