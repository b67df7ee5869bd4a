"""Sharing: kg serve answers SPARQL over HTTP; kg push leaves one named graph per document
in a real Oxigraph server, where the same query gives the same rows."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.corpus import Corpus
from kg.share import free_port, oxigraph_server

from .conftest import DATA

KG = "https://w3id.org/kgcn/ontology#"
QUERY = (f"SELECT ?code (COUNT(DISTINCT ?i) AS ?targets) WHERE {{ ?r <{KG}divisionCode> ?code ; "
         f"<{KG}hasIndicator> ?i }} GROUP BY ?code ORDER BY ?code")


@pytest.fixture(scope="module")
def corpus(pipeline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("homonyms")
    Corpus.build(folder, [DATA / "homonyms"], pipeline=pipeline)
    return folder


def http_rows(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.load(response)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def local_rows(folder, query: str) -> list[dict]:
    r = CliRunner().invoke(main, ["query", str(folder), query, "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


@pytest.fixture()
def oxigraph(tmp_path):
    """A real Oxigraph server (read-write) on a free loopback port, stopped after the test."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_server(), "serve", "--location", str(tmp_path / "remote"),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    proc.terminate()
    proc.wait(10)


def test_push_leaves_one_named_graph_per_document(corpus, oxigraph):
    r = CliRunner().invoke(main, ["push", str(corpus), oxigraph + "/store"])
    assert r.exit_code == 0, r.output
    docs = Corpus.open(corpus).documents()
    graphs = {row["g"] for row in http_rows(oxigraph + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {d.iri for d in docs} | {"https://w3id.org/kgcn/resource/corpus"}
    remote = http_rows(oxigraph + "/query", QUERY)  # the server reads all graphs as one, as kg query does
    assert len(remote) >= 3
    assert remote == local_rows(corpus, QUERY)
    again = CliRunner().invoke(main, ["push", str(corpus), oxigraph + "/store"])  # a second push replaces
    assert again.exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert http_rows(oxigraph + "/query", count) == local_rows(corpus, count)


def test_serve_answers_sparql_over_http(corpus):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(corpus), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert url == f"http://127.0.0.1:{port}/query"
        assert http_rows(url, QUERY) == local_rows(corpus, QUERY)
        # the endpoint reads a snapshot: the corpus may change meanwhile
        Corpus.open(corpus).remove(["yantai-2024.txt"])
        assert http_rows(url, QUERY) != local_rows(corpus, QUERY)
        update = urllib.request.Request(url.replace("/query", "/update"), method="POST",
                                        data=b"update=DROP%20ALL",
                                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=10)
    finally:
        proc.terminate()
        proc.wait(20)
    assert proc.returncode == 0


def test_push_errors_are_one_line_and_credentials_come_from_the_environment(corpus, monkeypatch):
    seen = []

    class Store(BaseHTTPRequestHandler):
        def do_PUT(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            seen.append((self.path, self.headers.get("Authorization"), body))
            self.send_response(201 if len(seen) < 3 else 403)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Store)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/store"
    monkeypatch.setenv("KG_PUSH_TOKEN", "s3cret")
    try:
        r = CliRunner().invoke(main, ["push", str(corpus), url])
    finally:
        server.shutdown()
    assert r.exit_code == 1 and "HTTP 403" in r.output and len(r.output.strip().splitlines()) == 1
    assert all(auth == "Bearer s3cret" for _, auth, _ in seen)
    assert seen[0][0].startswith("/store?graph=https%3A%2F%2Fw3id.org%2Fkgcn%2Fresource%2Fdoc%2F")
    for bad in (f"http://127.0.0.1:{free_port()}/store", "ftp://host/store"):
        r = CliRunner().invoke(main, ["push", str(corpus), bad])
        assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1
