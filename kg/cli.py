"""The ``kg`` command: a thin layer over the Python API.

Every ``KgError`` becomes one line on stderr and exit status 1.
"""
from __future__ import annotations

import logging
import sys
import webbrowser
from pathlib import Path

import click

from .errors import KgError
from .formats import GraphFormat
from .knowledge import HTML_NAME, KnowledgeGraph, write_atomic

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

    Build a graph from reports, then query it with SPARQL, export it or open
    it as an interactive network in the browser.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _graph_argument(f):
    return click.argument("graph", type=click.Path(path_type=Path))(f)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="Output folder (default: output/<name of the first input>).")
@click.option("--lexicon", multiple=True, type=click.Path(path_type=Path),
              help="A TSV of 'term<TAB>Category' lines to add your own names (repeatable).")
@click.option("--title", default="", help="Title shown on the HTML page.")
def build(paths: tuple[Path, ...], out: Path | None, lexicon: tuple[Path, ...], title: str) -> None:
    """Build DIR/graph.ttl and DIR/graph.html from .txt files or folders of them.

    Example: kg build examples/jinan-shizhong-2025.txt
    """
    from .pipeline import Pipeline
    from .read import find_sources

    pipeline = Pipeline(lexicon)
    out = out or Path("output") / (paths[0].stem if paths[0].suffix else paths[0].name)
    count = len(find_sources(paths))
    if count > 1 and sys.stderr.isatty():
        with click.progressbar(length=count, label="extracting", file=sys.stderr) as bar:
            graph = pipeline.build(paths, title=title, progress=lambda doc: bar.update(1))
    else:
        graph = pipeline.build(paths, title=title)
    graph.write(out)
    click.echo(f"{out}: {graph.summary().line()}")


@main.command()
@_graph_argument
@click.argument("sparql", required=False)
@click.option("--file", "file_", type=click.File("r", encoding="utf-8"), help="Read the query from a .rq file.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A value for a saved query's $NAME (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the saved queries and exit.")
def query(graph: Path, sparql: str | None, file_, params: tuple[str, ...], fmt: str, list_: bool) -> None:
    """Run SPARQL 1.1 (text, --file, or a saved query's NAME) over GRAPH.

    Prefixes kg:, res:, rdfs:, skos:, prov: and xsd: are predeclared.

    Examples: kg query output/x/graph.ttl targets;
    kg query output/x/graph.ttl category --param category=Park
    """
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
    kgraph = KnowledgeGraph.load(graph)
    click.echo(format_result(kgraph.query(text), fmt), nl=False)


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
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: standard output).")
def export(graph: Path, fmt: str, output: Path | None) -> None:
    """Export GRAPH as Turtle, N-Triples, JSON-LD, GraphML (for Gephi) or CSV (one row per node).

    Example: kg export output/x/graph.ttl --format graphml -o x.graphml
    """
    text = KnowledgeGraph.load(graph).serialize(GraphFormat(fmt))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)


@main.command()
@_graph_argument
@click.option("--no-open", is_flag=True, help="Only write the page and print its path.")
def view(graph: Path, no_open: bool) -> None:
    """(Re)write the interactive HTML page beside GRAPH and open it in the browser.

    Example: kg view output/x/graph.ttl
    """
    from .render import render_html

    kgraph = KnowledgeGraph.load(graph)
    folder = graph if graph.is_dir() else graph.parent
    page = folder / HTML_NAME
    write_atomic(page, render_html(kgraph))
    click.echo(str(page))
    if not no_open:
        webbrowser.open(page.resolve().as_uri())


@main.command()
@_graph_argument
@click.option("--top", default=10, show_default=True, help="How many central entities to list.")
def stats(graph: Path, top: int) -> None:
    """Counts per class and relation, and the most central entities (degree centrality).

    Example: kg stats output/x/graph.ttl
    """
    from .analyse import summary
    from .vocab import CATEGORIES

    s = summary(KnowledgeGraph.load(graph).graph, top=top)
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

    Example: kg evaluate output/x/graph.ttl --gold x.json
    """
    import json

    from .evaluate import evaluate as run, load_gold

    result = run(KnowledgeGraph.load(graph).graph, load_gold(gold))
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(result.table(), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
