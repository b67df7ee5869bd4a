"""SPARQL on a corpus: saved queries across reports, and queries that never reach the network."""
from __future__ import annotations

import json
import socket
import threading

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import Corpus
from kg.errors import QueryError
from kg.query import check_offline, keywords

from .conftest import DATA


@pytest.fixture(scope="module")
def corpus(pipeline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("homonyms")
    Corpus.build(folder, [DATA / "homonyms"], pipeline=pipeline)
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def listener():
    """A TCP port on 127.0.0.1 that records every connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    sock.settimeout(0.2)
    seen, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            seen.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], seen
    stop.set()
    thread.join()
    sock.close()


def test_service_never_connects(corpus, listener):
    port, seen = listener
    for q in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
              f"select * {{ ?x a kg:Park . service silent <http://127.0.0.1:{port}/q> {{ ?x ?p ?o }} }}",
              f"# a comment\nSELECT * {{ SeRvIcE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"):
        r = run("query", corpus, q)
        assert r.exit_code == 1 and "SERVICE" in r.output and "--allow-network" in r.output
        assert len(r.output.strip().splitlines()) == 1
    assert seen == []


def test_allowed_network_errors_are_one_line_too(corpus):
    """With --allow-network the query is sent; a refused connection while rows are read is one line."""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    r = run("query", corpus, "--allow-network", f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/q> {{ ?s ?p ?o }} }}")
    assert r.exit_code == 1 and r.output.startswith("Error: SPARQL error") and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


@pytest.mark.parametrize("sparql,words", [
    ('SELECT ?service WHERE { ?service a kg:Park }', ["SELECT", "WHERE", "A"]),
    ('SELECT * WHERE { ?s rdfs:label "SERVICE <http://x/>" } # SERVICE', ["SELECT", "WHERE"]),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o . ?o ex:load ?z }", ["SELECT", "WHERE"]),
    ("SELECT * WHERE { ?s ?p '''LOAD\nSERVICE''' }", ["SELECT", "WHERE"]),
])
def test_keywords_skip_strings_iris_comments_and_names(sparql, words):
    assert keywords(sparql) == words
    check_offline(sparql)


@pytest.mark.parametrize("sparql,message", [
    ("LOAD <http://example.com/data.ttl>", "LOAD"),
    ("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }", "INSERT"),
    ("DROP ALL", "DROP"),
])
def test_updates_are_refused(corpus, sparql, message):
    with pytest.raises(QueryError, match=message):
        check_offline(sparql, allow_network=True)
    r = run("query", corpus, sparql)
    assert r.exit_code == 1 and message in r.output and len(r.output.strip().splitlines()) == 1


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { ?s ?p }",
    "SELECT (COUNT(*) AS ?n) FROM NAMED <http://nowhere/g> WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?x ?y HAVING",
    "SELECT ?x WHERE { BIND(1 AS ?x) BIND(2 AS ?x) }",
])
def test_query_errors_are_one_line(corpus, sparql):
    r = run("query", corpus, sparql)
    assert r.exit_code == 1 and "SPARQL" in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_from_named_selects_graphs(corpus):
    r = run("query", corpus, "SELECT (COUNT(*) AS ?n) FROM NAMED <https://w3id.org/kgcn/resource/corpus> "
                             "WHERE { GRAPH ?g { ?s a kg:Industry } }", "--format", "json")
    assert r.exit_code == 0 and int(json.loads(r.output)[0]["n"]) >= 5


def test_a_metric_across_regions_and_years(corpus):
    r = run("query", corpus, "metric", "--param", "metric=地区生产总值", "--format", "json")
    rows = json.loads(r.output)
    got = {(x["code"], x["year"], x["as_written"], x["document"]) for x in rows}
    assert ("370103", "2024", "6%左右", "jinan-shizhong-2024") in got
    assert ("370103", "2024", "6.3%", "jinan-shizhong-2025") in got  # the result, a year later
    assert ("370402", "2024", "5.5%", "zaozhuang-shizhong-2024") in got
    assert ("370600", "2024", "6%左右", "yantai-2024") in got


def test_regions_that_develop_an_industry(corpus):
    r = run("query", corpus, "developing", "--param", "industry=低空经济", "--format", "json")
    rows = {x["code"]: x for x in json.loads(r.output)}
    assert {"370103", "370600"} <= set(rows)
    assert rows["370103"]["documents"].count("jinan-shizhong") == 2


def test_one_regions_targets_in_two_years(corpus):
    r = run("query", corpus, "years", "--param", "region=市中区", "--param", "year1=2024", "--param", "year2=2025",
            "--format", "json")
    rows = {(x["code"], x["metric"]): x for x in json.loads(r.output)}
    jobs = rows[("370103", "新增城镇就业")]
    assert set(jobs["in_year1"].split("; ")) == {"1.5万人", "1.6万人"} and jobs["in_year2"] == "1.5万人以上"
    assert rows[("370402", "新增城镇就业")]["in_year1"] == "8000人"
