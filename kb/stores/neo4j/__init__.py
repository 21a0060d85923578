"""The Neo4j backend: `Neo4jStore.from_url("neo4j://host:7687")`."""
from kb.stores.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
