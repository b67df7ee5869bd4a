"""Sharing a corpus: a read-only SPARQL endpoint on this machine, and pushing every
graph to a triple store a team runs.

``serve`` runs the Oxigraph server (the ``oxigraph`` package's ``oxigraph
serve-read-only``), not a server of kg's own, on a checkpoint of the corpus's store:
a RocksDB checkpoint costs hard links only, and the server reads it while ``kg add``
goes on changing the corpus (the endpoint shows the corpus as it was when it started).

``push`` sends each document's named graph and the corpus graph through the SPARQL 1.1
Graph Store HTTP Protocol (``PUT URL?graph=IRI``), which Oxigraph, Fuseki, GraphDB and
Virtuoso implement, so pushing again replaces what an earlier push sent. Credentials
come from the environment (``KG_PUSH_TOKEN`` for a bearer token, ``KG_PUSH_USER`` and
``KG_PUSH_PASSWORD`` for basic authentication), never from the command line, where
other users of the machine could read them.
"""
from __future__ import annotations

import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Optional

import pyoxigraph as ox

from .errors import KgError
from .iri import CORPUS_GRAPH

_CHUNK = 8 << 20  # bytes of N-Triples per request: a bigger graph is sent as PUT then POSTs
_TIMEOUT = 120  # seconds a store may take to answer one request


class ShareError(KgError):
    """The endpoint cannot start, or a store refused a push."""


def oxigraph_server() -> str:
    """The ``oxigraph`` command: beside this Python (a virtual environment) or on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise ShareError("kg serve needs the Oxigraph server: pip install oxigraph")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def endpoint(store: Path, port: int = 0, timeout: float = 30.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """Serve a checkpoint of the store at ``store`` read-only on 127.0.0.1; yields the query
    URL and the server's process once it accepts connections, and stops both after."""
    port = port or free_port()
    snapshot = Path(tempfile.mkdtemp(prefix="kg-serve-")) / "store"
    try:
        ox.Store.read_only(str(store)).backup(str(snapshot))
        proc = subprocess.Popen([oxigraph_server(), "serve-read-only", "--location", str(snapshot),
                                 "--bind", f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", "60"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_for(port, proc, timeout)
            yield f"http://127.0.0.1:{port}/query", proc
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    except OSError as err:
        raise ShareError(f"cannot start the endpoint: {err.strerror or err}") from err
    finally:
        shutil.rmtree(snapshot.parent, ignore_errors=True)


def _wait_for(port: int, proc: subprocess.Popen, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            detail = (proc.stderr.read() or b"").decode("utf-8", "replace").strip().splitlines()
            raise ShareError(f"the Oxigraph server stopped: {detail[-1] if detail else 'no message'}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise ShareError(f"the Oxigraph server did not answer on port {port} within {timeout:.0f} s")


@dataclass
class Pushed:
    graphs: int = 0
    triples: int = 0
    requests: int = 0


def push(store: ox.Store, url: str, graphs: list[str], progress: Optional[Callable[[int, int], None]] = None,
         ) -> Pushed:
    """PUT each graph (IRIs in ``graphs``) to the Graph Store Protocol endpoint ``url``.
    Raises ``ShareError`` naming the graph and the store's answer on the first failure."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ShareError(f"{url}: not an http(s) URL of a Graph Store Protocol endpoint "
                         "(for Oxigraph: http://host:7878/store)")
    headers = {"Content-Type": "application/n-triples", **_credentials()}
    done = Pushed()
    for i, g in enumerate(graphs, 1):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
        done.triples += data.count(b"\n")
        for k, chunk in enumerate(_chunks(data)):
            _send(url, g, chunk, "PUT" if k == 0 else "POST", headers)
            done.requests += 1
        done.graphs += 1
        if progress is not None:
            progress(i, len(graphs))
    return done


def _chunks(data: bytes) -> Iterator[bytes]:
    """N-Triples in pieces of about _CHUNK bytes, cut at line ends; an empty graph is one piece."""
    start = 0
    while True:
        if len(data) - start <= _CHUNK:
            yield data[start:]
            return
        end = data.rindex(b"\n", start, start + _CHUNK) + 1
        yield data[start:end]
        start = end


def _send(url: str, graph: str, body: bytes, method: str, headers: dict) -> None:
    sep = "&" if urllib.parse.urlsplit(url).query else "?"
    target = f"{url}{sep}graph={urllib.parse.quote(graph, safe='')}"
    request = urllib.request.Request(target, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as err:
        answer = " ".join(err.read(300).decode("utf-8", "replace").split())
        raise ShareError(f"{url}: {method} of graph <{graph}> refused: HTTP {err.code} {err.reason}"
                         + (f" ({answer})" if answer else "")) from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ShareError(f"{url}: cannot reach the store ({reason})") from err


def _credentials() -> dict[str, str]:
    token = os.environ.get("KG_PUSH_TOKEN")
    if token:
        return {"Authorization": f"Bearer {token}"}
    user = os.environ.get("KG_PUSH_USER")
    if user:
        pair = f"{user}:{os.environ.get('KG_PUSH_PASSWORD', '')}".encode("utf-8")
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def graphs_of(store: ox.Store) -> list[str]:
    """The graphs a push sends: every document's, then the corpus graph."""
    names = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return [g for g in names if g != CORPUS_GRAPH] + ([CORPUS_GRAPH] if CORPUS_GRAPH in names else [])
