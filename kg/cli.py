"""The ``kg`` command: a thin layer over the Python API.

Every ``KgError`` becomes one line on stderr and exit status 1. Progress goes to
stderr: a line that rewrites itself on a terminal, a line every few seconds
otherwise, and how long each phase took at the end.
"""
from __future__ import annotations

import logging
import signal
import sys
import threading
import time
import webbrowser
from pathlib import Path

import click

from .errors import KgError
from .formats import GraphFormat

_EXPORT_FORMATS = [f.value for f in GraphFormat]


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=_Group)
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", count=True, help="Log what each stage does (-vv for more).")
def main(verbose: int) -> None:
    """Turn Chinese regional-development text into a knowledge graph.

    Build a corpus from reports (kg build), add and remove reports (kg add,
    kg remove), then query it with SPARQL, export it or open it as an
    interactive network in the browser.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


class _Feedback:
    """Progress on stderr while a build runs, from a thread so slow phases report too."""

    EVERY = 5.0  # seconds between lines when stderr is not a terminal

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.phase, self.counts = "starting", {}
        self.start = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._drawn = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        self.phase = phase
        if total:
            self.counts[phase] = (done, total)

    def text(self) -> str:
        done, total = self.counts.get(self.phase, (0, 0))
        count = f" {done}/{total}" if total else ""
        return f"[{time.monotonic() - self.start:5.0f} s] {self.phase}{count}"

    def _run(self) -> None:
        last = time.monotonic()
        while not self._stop.wait(0.2):
            if self.tty:
                click.echo("\r\033[K" + self.text(), err=True, nl=False)
                self._drawn = True
            elif time.monotonic() - last >= self.EVERY:
                click.echo(self.text(), err=True)
                last = time.monotonic()

    def __enter__(self) -> "_Feedback":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        if self._drawn:
            click.echo("\r\033[K", err=True, nl=False)


def _phases(change) -> None:
    for note in change.notes:
        click.echo(note, err=True)
    phases = change.phases
    if phases is not None and phases.times:
        click.echo(f"took {sum(phases.times.values()):.1f} s: {phases.line()}", err=True)


def _workers_option(f):
    from .workers import default_workers
    return click.option("--workers", type=click.IntRange(min=1), default=default_workers, show_default="all cores",
                        help="Processes that read documents at once; the output is the same for any number.")(f)


def _graph_argument(f):
    return click.argument("graph", type=click.Path(path_type=Path))(f)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="The corpus folder to write (default: output/<name of the first input>).")
@click.option("--lexicon", multiple=True, type=click.Path(path_type=Path),
              help="A TSV of 'term<TAB>Category' lines to add your own names (repeatable).")
@click.option("--title", default="", help="Title shown on the HTML page.")
@click.option("--turtle/--no-turtle", default=None,
              help="Write graph.ttl at every change, or never (default: up to a million quads, about 600 "
                   "reports; kg export writes it on demand).")
@click.option("--page/--no-page", default=None,
              help="Write graph.html at every change, or never (default: as graph.ttl; kg view writes it "
                   "on demand).")
@_workers_option
def build(paths: tuple[Path, ...], out: Path | None, lexicon: tuple[Path, ...], title: str, turtle: bool | None,
          page: bool | None, workers: int) -> None:
    """Build a corpus folder from .txt files or folders of them.

    The folder holds the store (query it with kg query), graph.ttl and
    graph.html; a corpus already there is replaced, only once the new one is
    complete.

    Example: kg build examples/jinan-shizhong-2025.txt
    """
    from .corpus import Corpus
    from .files import writable_folder

    out = out or Path("output") / (paths[0].stem if paths[0].suffix else paths[0].name)
    writable_folder(out)  # a bad --out fails before any work
    with _Feedback() as feedback:
        _, change = Corpus.build(out, paths, lexicon=lexicon, title=title, progress=feedback, workers=workers,
                                 turtle=turtle, page=page)
    _phases(change)
    click.echo(f"{out}: {change.summary.line()}")


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_workers_option
def add(corpus: Path, paths: tuple[Path, ...], workers: int) -> None:
    """Add reports to a corpus: new files are added, changed ones replace their
    document, files the corpus holds already are skipped.

    Example: kg add output/shandong reports/2025/
    """
    from .corpus import Corpus

    c = Corpus.open(corpus)
    with _Feedback() as feedback:
        change = c.add(paths, progress=feedback, workers=workers)
    _phases(change)
    tail = f"; {change.summary.line()}" if change.summary else ""
    click.echo(f"{corpus}: {change.line()}{tail}")


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.argument("documents", nargs=-1, required=True)
def remove(corpus: Path, documents: tuple[str, ...]) -> None:
    """Remove documents from a corpus, with every node only they named.

    A document is named by its id, its path or file name (see kg documents).

    Example: kg remove output/shandong jinan-2024.txt
    """
    from .corpus import Corpus

    c = Corpus.open(corpus)
    with _Feedback() as feedback:
        change = c.remove(documents, progress=feedback)
    _phases(change)
    click.echo(f"{corpus}: {change.line()}; {change.summary.line()}")


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def documents(corpus: Path, fmt: str) -> None:
    """List the documents of a corpus: id, path and SHA-256.

    Example: kg documents output/shandong
    """
    from rdflib import Literal
    from rdflib.query import Result
    from rdflib.term import Variable

    from .knowledge import KnowledgeGraph
    from .query import format_result

    docs = KnowledgeGraph.load(corpus).documents()
    result = Result("SELECT")
    names = ["id", "path", "label", "sha256"]
    result.vars = [Variable(n) for n in names]
    result.bindings = [{Variable(n): Literal(getattr(d, n)) for n in names} for d in docs]
    click.echo(format_result(result, fmt), nl=False)


@main.command()
@_graph_argument
@click.argument("sparql", required=False)
@click.option("--file", "file_", type=click.File("r", encoding="utf-8"), help="Read the query from a .rq file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a saved query's $NAME (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the saved queries and exit.")
@click.option("--allow-network", is_flag=True,
              help="Let SERVICE send parts of the query to other endpoints (off: kg query never connects).")
def query(graph: Path, sparql: str | None, file_, params: tuple[str, ...], fmt: str, list_: bool,
          allow_network: bool) -> None:
    """Run SPARQL 1.1 (text, --file, or a saved query's NAME) over GRAPH: a corpus
    folder, or a graph file (.ttl, .nt, .trig, .nq, .jsonld).

    Queries see every document's graph and the corpus graph as one (GRAPH ?g
    selects a document). Prefixes kg:, res:, rdf:, rdfs:, skos:, prov:, xsd: and
    schema: are predeclared.

    Examples: kg query output/x targets;
    kg query output/x category --param category=Park
    """
    from .knowledge import KnowledgeGraph
    from .query import fill, format_result, saved_queries

    saved = saved_queries()
    if list_:
        for q in saved.values():
            extra = f"  (--param {', '.join(q.parameters)})" if q.parameters else ""
            click.echo(f"{q.name:22} {q.description}{extra}")
        return
    if file_ is not None:
        text = file_.read()
    elif sparql is None:
        raise click.UsageError("give a SPARQL query, --file Q.rq, or a saved query name (see --list)")
    elif sparql in saved:
        text = fill(saved[sparql], _params(params))
    else:
        text = sparql
    from .query import check_offline
    check_offline(text, allow_network=allow_network)  # before opening anything
    kgraph = KnowledgeGraph.load(graph)
    click.echo(format_result(kgraph.query(text, allow_network=allow_network), fmt), nl=False)


def _params(params: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep:
            raise click.BadParameter(f"expected NAME=VALUE, got {p!r}", param_hint="--param")
        out[name.strip()] = value
    return out


@main.command()
@_graph_argument
@click.option("--format", "fmt", type=click.Choice(_EXPORT_FORMATS), required=True)
@click.option("--document", "document", help="Only this document of a corpus (id, path or file name), "
                                             "with what the corpus knows about the things it names.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: standard output).")
def export(graph: Path, fmt: str, document: str | None, output: Path | None) -> None:
    """Export GRAPH as Turtle, N-Triples, TriG or N-Quads (each document a named
    graph), JSON-LD, GraphML (for Gephi) or CSV (one row per node).

    Examples: kg export output/x --format trig -o x.trig;
    kg export output/x --format nquads --document jinan-2024.txt
    """
    from .corpus import find_document
    from .export import write
    from .files import write_stream_atomic
    from .knowledge import KnowledgeGraph

    kgraph = KnowledgeGraph.load(graph)
    doc = find_document(document, kgraph.documents()).iri if document else None
    if output is None:
        out = click.get_binary_stream("stdout")
        write(kgraph, GraphFormat(fmt), out, document=doc)
        out.flush()
    else:
        write_stream_atomic(output, lambda fh: write(kgraph, GraphFormat(fmt), fh, document=doc))
        click.echo(f"wrote {output}", err=True)


@main.command()
@_graph_argument
@click.option("--region", help="Only what one region's reports name (a division's name or six-digit code).")
@click.option("--document", "document", help="Only what one document names (id, path or file name).")
@click.option("--category", help="Only one category (Hospital or 医院) and what it is related to.")
@click.option("--node", help="Only the things of one name and what they are related to.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The page to write (default: graph.html, or graph-<focus>.html for a focus, in the corpus folder).")
@click.option("--no-open", is_flag=True, help="Only write the page and print its path.")
def view(graph: Path, region: str | None, document: str | None, category: str | None, node: str | None,
         output: Path | None, no_open: bool) -> None:
    """(Re)write the interactive HTML page of GRAPH (a corpus folder or a graph file) and open it.

    A graph of more than 1,500 things is drawn as an overview of its most connected
    things, and the search box finds the others; --region, --document, --category or
    --node draw a part of it instead.

    Examples: kg view output/x; kg view output/x --region 济南市 --no-open
    """
    from .corpus import Corpus
    from .files import write_atomic
    from .knowledge import HTML_NAME, KnowledgeGraph
    from .views import Focus

    chosen = [(k, v) for k, v in (("region", region), ("document", document), ("category", category),
                                  ("node", node)) if v]
    if len(chosen) > 1:
        raise click.UsageError("give one of --region, --document, --category and --node")
    focus = Focus(*chosen[0]) if chosen else None
    if Corpus.is_corpus(graph) and focus is None and output is None:
        page = Corpus.open(graph).write_page()
    else:
        kgraph = KnowledgeGraph.load(graph)
        folder = graph if graph.is_dir() else graph.parent
        page = output or folder / (HTML_NAME if focus is None else f"graph-{focus.slug()}.html")
        write_atomic(page, kgraph.render(focus))
    click.echo(str(page))
    if not no_open:
        webbrowser.open(page.resolve().as_uri())


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
def serve(corpus: Path, port: int) -> None:
    """Serve CORPUS as a read-only SPARQL 1.1 endpoint on 127.0.0.1 until Ctrl-C.

    The first line printed is the query URL (GET or POST, SPARQL 1.1 Protocol;
    every document's graph and the corpus graph are the default graph). The
    endpoint shows the corpus as it was when it started. It runs the Oxigraph
    server (pip install oxigraph).

    Example: kg serve output/x --port 7878
    """
    from .corpus import Corpus
    from .share import endpoint

    c = Corpus.open(corpus)

    def stop(signum, frame):  # SIGTERM (kill, a service manager) stops the server as Ctrl-C does
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    with endpoint(c.store_path, port) as (url, proc):
        click.echo(url)
        sys.stdout.flush()
        click.echo(f"serving {corpus} read-only; Ctrl-C stops it", err=True)
        try:
            code = proc.wait()
        except KeyboardInterrupt:
            return
    if code:
        raise click.ClickException(f"the Oxigraph server stopped (exit status {code})")


@main.command()
@_graph_argument
@click.argument("url")
def push(graph: Path, url: str) -> None:
    """Upload every document's named graph and the corpus graph to a triple store, through
    the SPARQL 1.1 Graph Store HTTP Protocol (PUT, so a second push replaces the first).

    URL is the store's Graph Store endpoint: http://host:7878/store for Oxigraph,
    http://host:3030/DATASET/data for Fuseki. Credentials come from the environment:
    KG_PUSH_TOKEN (a bearer token), or KG_PUSH_USER and KG_PUSH_PASSWORD.

    Example: kg push output/x http://localhost:7878/store
    """
    from .knowledge import KnowledgeGraph
    from .share import ShareError, graphs_of, push as send

    kgraph = KnowledgeGraph.load(graph)
    graphs = graphs_of(kgraph.store.store)
    if not graphs:
        raise ShareError(f"{graph}: no named graphs to push (a corpus folder, or a TriG or N-Quads file)")
    with _Feedback() as feedback:
        done = send(kgraph.store.store, url, graphs, progress=lambda i, n: feedback("push", i, n))
    click.echo(f"{url}: {done.graphs} graphs, {done.triples:,} triples, in {done.requests} requests")


@main.command()
@_graph_argument
@click.option("--top", default=10, show_default=True, help="How many central entities to list.")
def stats(graph: Path, top: int) -> None:
    """Counts per class and relation, and the most central entities (degree centrality).

    Example: kg stats output/x
    """
    from .analyse import summary
    from .knowledge import KnowledgeGraph
    from .vocab import CATEGORIES

    s = summary(KnowledgeGraph.load(graph).store, top=top)
    click.echo(f"documents  {s.documents}\ntriples    {s.triples}\n")
    click.echo("class                count")
    for c, n in s.categories.items():
        if n:
            click.echo(f"{c:20} {n:5}  {CATEGORIES[c]}")
    click.echo("\nrelation             count")
    for p, n in s.relations.items():
        click.echo(f"{p:20} {n:5}")
    click.echo("\nmost central")
    for label, cat, score in s.central:
        click.echo(f"{score:7.4f}  {label}  ({cat})")


@main.command()
@_graph_argument
@click.option("--gold", required=True, type=click.Path(path_type=Path), help="Gold annotation (JSON).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def evaluate(graph: Path, gold: Path, fmt: str) -> None:
    """Score GRAPH against a hand annotation: P/R/F1 per category, targets, relations, evidence.

    The annotation is a JSON file in the format of tests/data/dev/*.json (see
    the README, "Checking kg on your own documents").

    Example: kg evaluate output/x --gold x.json
    """
    import json

    from .evaluate import evaluate as run, load_gold
    from .knowledge import KnowledgeGraph

    result = run(KnowledgeGraph.load(graph).graph, load_gold(gold))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(result.table(), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
