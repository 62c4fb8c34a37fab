"""The catalog covers every topic of the source articles (a checked list, not a count) and is connected."""

import re

import pytest
import yaml
from justhtml import JustHTML

from atlas.relations import neighbours
from atlas.render.references_page import cited_sources
from conftest import ROOT, real_catalog

# Each topic the seed articles discuss, and the entry (or entry section) that covers it.
TOPICS = {
    "monolith": "monolith",
    "modular monolith": "modular-monolith",
    "microservices": "microservices",
    "serverless": "serverless",
    "event-driven architecture": "event-driven-architecture",
    "layered (n-tier) architecture": "layered-architecture",
    "hybrid architectures": "monolith-with-satellite-services",
    "CQRS": "cqrs",
    "event sourcing": "event-sourcing",
    "saga": "saga",
    "saga orchestration": "saga-orchestration",
    "saga choreography": "saga-choreography",
    "sharding": "sharding",
    "range sharding": "range-sharding",
    "hash sharding with consistent hashing": "hash-sharding",
    "directory sharding": "directory-sharding",
    "read replicas": "read-replicas",
    "caching": "caching",
    "cache-aside": "cache-aside",
    "read-through cache": "read-through-cache",
    "write-through cache": "write-through-cache",
    "write-behind cache": "write-behind-cache",
    "HTTP caching": "http-caching",
    "database per service": "database-per-service",
    "shared database": "shared-database",
    "transactional outbox": "transactional-outbox",
    "backend for frontend": "backend-for-frontend",
    "API gateway": "api-gateway",
    "REST": "rest",
    "GraphQL": "graphql",
    "gRPC": "grpc",
    "asynchronous messaging and background jobs": "queue-based-load-leveling",
    "publish-subscribe": "publish-subscribe",
    "API versioning and deprecation": "api-versioning",
    "circuit breaker": "circuit-breaker",
    "timeouts and retries with backoff": "retry-with-backoff",
    "bulkhead": "bulkhead",
    "rate limiting and throttling": "rate-limiting",
    "load balancing": "load-balancing",
    "stateless services and horizontal scaling": "stateless-services",
    "health checks and failover": "health-checks-and-failover",
    "graceful degradation": "graceful-degradation",
    "observability": "observability",
    "strangler fig": "strangler-fig",
    "anti-corruption layer": "anti-corruption-layer",
    "token-based authentication": "token-based-authentication",
    "role- and attribute-based authorization": "role-and-attribute-based-access-control",
}
CONCEPT_PAGES = [
    "concepts/cap-theorem.md",
    "concepts/dora-metrics.md",
    "concepts/conways-law.md",
    "guides/monolith-to-microservices.md",
]


@pytest.mark.parametrize("topic", sorted(TOPICS), ids=str)
def test_topic_has_an_entry(topic):
    assert TOPICS[topic] in real_catalog().entries, f"no entry patterns/{TOPICS[topic]}.yaml for '{topic}'"


@pytest.mark.parametrize("page", CONCEPT_PAGES)
def test_concept_page_is_in_the_menu_with_a_title_and_a_description(page):
    _, front, body = (ROOT / "docs" / page).read_text(encoding="utf-8").split("---\n", 2)
    front = yaml.safe_load(front)
    assert front["title"].strip() and front["description"].strip() and body.startswith("# ")
    assert re.search(
        rf"^ +- [^\n]+: {re.escape(page)}$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE
    ), f"{page} is not in the nav of mkdocs.yml"


def test_every_entry_has_two_neighbours_and_the_graph_is_connected():
    catalog = real_catalog()
    graph = {entry_id: neighbours(catalog, entry_id) for entry_id in catalog.entries}
    assert all(len(n) >= 2 for n in graph.values())
    start = next(iter(graph))
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node not in seen:
            seen.add(node)
            stack.extend(graph[node])
    assert seen == set(graph)


def test_migration_path_is_connected_by_evolution():
    kinds = {(e.id, r["type"], r["target"]) for e in real_catalog().entries.values() for r in e.data["relations"]}
    assert ("monolith", "evolves-into", "modular-monolith") in kinds
    assert ("modular-monolith", "evolves-into", "microservices") in kinds


def test_every_disagreement_shows_each_side_with_its_own_source():
    disagreements = [d for e in real_catalog().entries.values() for d in e.data.get("disagreements", [])]
    assert disagreements
    for d in disagreements:
        assert len({p["source"] for p in d["positions"]}) >= 2, d["id"]


def test_every_cited_source_is_on_the_references_page(built_site):
    catalog = real_catalog()
    html = (built_site / "references" / "index.html").read_text(encoding="utf-8")
    text = " ".join(JustHTML(html, sanitize=False).root.to_text(separator="", strip=False).split())
    for key in cited_sources(catalog):
        if key.startswith("seed:"):
            # Shown by title, never by the seed's file id (seeds are not sources a reader can open).
            seed = key.removeprefix("seed:")
            assert catalog.vocabulary["seeds"][seed]["title"] in text, key
            assert seed not in html, key
        else:
            assert f'href="{key}"' in html.replace("&amp;", "&"), key
