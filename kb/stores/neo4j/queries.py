"""Every Cypher statement of the Neo4j backend (DDL lives in schema.py), in one place.

Every value is a parameter. Labels and relationship types are literals from the closed set in
schema.py; the only other text ever spliced in is a variable-length bound (`*..N`, which Cypher
cannot take as a parameter), generated below from integer constants. `$scope` is 1 when private
posts count and 0 when only public posts do.
"""
from __future__ import annotations

from kb.store import MAX_PATH_LENGTH

# ---- meta: version, schema and the write fence ----
INIT_META = """MERGE (m:Meta {key: 'kb'})
    ON CREATE SET m.generation = 0, m.instance = $instance, m.schema_version = $version,
                  m.writes_started = 0, m.open_writes = []
    RETURN m.schema_version AS version"""
GET_VERSION = "MATCH (m:Meta {key: 'kb'}) RETURN m.generation AS generation, m.instance AS instance"
# Taken first in every write transaction: the exclusive lock on the one Meta node serializes writers.
LOCK_META = "MATCH (m:Meta {key: 'kb'}) SET m.write_lock = true"
BUMP_GENERATION = "MATCH (m:Meta {key: 'kb'}) SET m.generation = m.generation + 1"
# The Store.meta record: one (:Meta) node per key, the key prefixed to keep it apart from 'kb'.
USER_META = """MATCH (m:Meta) WHERE m.key STARTS WITH $prefix
    RETURN substring(m.key, size($prefix)) AS key, m.value AS value ORDER BY key"""
SET_META = "UNWIND $rows AS row MERGE (m:Meta {key: row.key}) SET m.value = row.value"
DELETE_META = "UNWIND $keys AS key MATCH (m:Meta {key: key}) DELETE m"
# The write fence (fence.py): a counter of started writes and the writes still open, "token@ms".
_LIVE_WRITES = "[w IN coalesce(m.open_writes, []) WHERE toInteger(split(w, '@')[1]) > timestamp() - $stale_ms]"
FENCE = f"""MATCH (m:Meta {{key: 'kb'}})
    RETURN m.writes_started AS started, size({_LIVE_WRITES}) AS open"""
WRITE_STARTED = f"""MATCH (m:Meta {{key: 'kb'}})
    SET m.writes_started = m.writes_started + 1,
        m.open_writes = {_LIVE_WRITES} + [$token + '@' + toString(timestamp())]"""
WRITE_FINISHED = """MATCH (m:Meta {key: 'kb'})
    SET m.open_writes = [w IN coalesce(m.open_writes, []) WHERE NOT w STARTS WITH $token + '@']"""

# ---- writes: contributions ----
GRAPH_HASHES_FOR = "UNWIND $ids AS id MATCH (p:Post {id: id}) RETURN p.id AS id, p.graph_hash AS graph_hash"
ALL_GRAPH_HASHES = "MATCH (p:Post) RETURN p.id AS id, p.graph_hash AS graph_hash"
CONTRIBUTED_IDS = """UNWIND $ids AS id
    MATCH (:Post {id: id})-[:CONTRIBUTES]->(c)
    RETURN c.entity_id AS entity_id, c.event_id AS event_id, c.entity_ids AS entity_ids"""
DELETE_POSTS = """UNWIND $ids AS id
    MATCH (p:Post {id: id})
    CALL { WITH p MATCH (p)-[:CONTRIBUTES]->(c) DETACH DELETE c }
    DETACH DELETE p"""
WIPE = """MATCH (n:Post|Entity|Event|EntityContribution|MentionContribution|EventContribution|DanglingLink)
    DETACH DELETE n"""
INSERT_POSTS = """UNWIND $posts AS row
    CREATE (p:Post)
    SET p = row.post
    WITH p, row
    CALL { WITH p, row UNWIND row.entities AS c CREATE (p)-[:CONTRIBUTES]->(n:EntityContribution) SET n = c }
    CALL { WITH p, row UNWIND row.mentions AS c CREATE (p)-[:CONTRIBUTES]->(n:MentionContribution) SET n = c }
    CALL { WITH p, row UNWIND row.events AS c CREATE (p)-[:CONTRIBUTES]->(n:EventContribution) SET n = c }"""

# ---- writes: the views of touched ids ----
# Contributions carry their post's id, date key and privacy (copied at insert; a post's change
# replaces its contributions), so reads need no join back to the post.
ENTITY_CONTRIBUTIONS_FOR = """UNWIND $ids AS id
    MATCH (c:EntityContribution {entity_id: id})
    RETURN id, c.type AS type, c.name AS name, c.aliases AS aliases, c.category AS category,
           c.private AS private
    ORDER BY id, c.post_date_key, c.post_key"""
EVENT_CONTRIBUTIONS_FOR = """UNWIND $ids AS id
    MATCH (n:EventContribution {event_id: id})
    RETURN id, n {.title, .kind, .start, .end, .sort_key, .lo_key, .hi_key, .confidence, .entity_ids, .quotes} AS c,
           n.private AS private
    ORDER BY id, n.post_date_key, n.post_key"""
ENTITY_VIEW_KEYS = """UNWIND $ids AS id UNWIND [0, 1] AS scope
    MATCH (e:Entity {scope: scope, id: id}) RETURN e.scope AS scope, e.id AS id"""
EVENT_VIEW_KEYS = """UNWIND $ids AS id UNWIND [0, 1] AS scope
    MATCH (v:Event {scope: scope, id: id}) RETURN v.scope AS scope, v.id AS id"""
DELETE_ENTITY_VIEWS = "UNWIND $keys AS k MATCH (e:Entity {scope: k.scope, id: k.id}) DETACH DELETE e"
DELETE_EVENT_VIEWS = "UNWIND $keys AS k MATCH (v:Event {scope: k.scope, id: k.id}) DETACH DELETE v"
UPSERT_ENTITY_VIEWS = """UNWIND $rows AS row
    MERGE (e:Entity {scope: row.scope, id: row.id})
    SET e += row.props"""
DELETE_EVENT_LINKS = """UNWIND $keys AS k
    MATCH (:Event {scope: k.scope, id: k.id})-[r:INVOLVES]->()
    DELETE r"""
# Views new to the graph are created, the others updated. A link to an entity that has no view in
# the event's scope (no post of that scope defines it) is not made but kept as a (:DanglingLink),
# found by the entity's id when that entity appears.
_LINK_EVENT = """
    WITH v, row
    UNWIND row.entities AS entity_id
    OPTIONAL MATCH (e:Entity {scope: row.scope, id: entity_id})
    FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (v)-[:INVOLVES]->(e))
    FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
             CREATE (:DanglingLink {scope: row.scope, event_id: row.id, entity_id: entity_id}))"""
CREATE_EVENT_VIEWS = """UNWIND $rows AS row
    CREATE (v:Event {scope: row.scope, id: row.id})
    SET v += row.props""" + _LINK_EVENT
UPDATE_EVENT_VIEWS = """UNWIND $rows AS row
    MATCH (v:Event {scope: row.scope, id: row.id})
    SET v += row.props""" + _LINK_EVENT
DELETE_DANGLING_LINKS = "UNWIND $ids AS id MATCH (d:DanglingLink {event_id: id}) DELETE d"
# Events linked to entity views about to vanish: they keep those links as dangling ones.
EVENTS_LINKED_TO = """UNWIND $keys AS k
    MATCH (:Entity {scope: k.scope, id: k.id})<-[:INVOLVES]-(v:Event)
    RETURN DISTINCT v.id AS id"""
# Events whose links wait for an entity that just appeared in a scope.
EVENTS_WAITING_FOR = """UNWIND $keys AS k
    MATCH (d:DanglingLink {entity_id: k.id}) WHERE d.scope = k.scope
    RETURN DISTINCT d.event_id AS id"""
ENTITIES_LINKED_TO_EVENTS = """UNWIND $ids AS id UNWIND [0, 1] AS scope
    MATCH (:Event {scope: scope, id: id})-[:INVOLVES]->(e:Entity) RETURN DISTINCT e.id AS id"""
UPDATE_ENTITY_COUNTS = """UNWIND $ids AS id UNWIND [0, 1] AS scope
    MATCH (e:Entity {scope: scope, id: id})
    CALL { WITH e
           OPTIONAL MATCH (e)<-[:INVOLVES]-(v:Event)
           RETURN count(v) AS events, min(v.start) AS first, max(coalesce(v.end, v.start)) AS last }
    SET e.event_count = events, e.first = first, e.last = last,
        e.mention_count = COUNT { MATCH (m:MentionContribution {entity_id: e.id})
                                  WHERE e.scope = 1 OR NOT m.private }"""

# ---- reads: posts ----
POST_HASHES = "MATCH (p:Post) RETURN p.id AS id, p.root AS root, p.path AS path, p.content_hash AS content_hash"
POST_BY_ID = "MATCH (p:Post {id: $id}) WHERE $scope = 1 OR NOT p.private RETURN p {.*} AS post"
POSTS_PAGE = """MATCH (p:Post)
    WHERE ($scope = 1 OR NOT p.private) AND (p.date_key > $key OR (p.date_key = $key AND p.id > $id))
    RETURN p {.*} AS post ORDER BY p.date_key, p.id LIMIT $limit"""
ALL_VISIBLE_POSTS = "MATCH (p:Post) WHERE $scope = 1 OR NOT p.private RETURN p {.*} AS post"

# ---- reads: events ----
# One row per event: the view, its visible entity links and every visible post's sources (JSON).
_EVENT_PROJECTION = """
    RETURN v {.id, .title, .kind, .start, .end, .confidence} AS event,
           COLLECT { MATCH (v)-[:INVOLVES]->(e:Entity) RETURN e.id } AS entities,
           COLLECT { MATCH (c:EventContribution {event_id: v.id})
                     WHERE v.scope = 1 OR NOT c.private RETURN c.sources } AS sources"""
EVENTS_BY_IDS = "UNWIND $ids AS id MATCH (v:Event {scope: $scope, id: id})" + _EVENT_PROJECTION
ALL_EVENTS = "MATCH (v:Event {scope: $scope})" + _EVENT_PROJECTION

# An event's `order_key` is its sort key and id in one string (sort keys have a fixed width), so
# the (scope, order_key) index yields events already in timeline order: a page stops after about
# `limit` events instead of sorting every event of the scope. (The planner uses the index's order
# only when ORDER BY names both of its properties.)
_TIMELINE_CONDITIONS = """
      AND v.order_key > $after
      AND ($kind IS NULL OR v.kind = $kind)
      AND ($lo IS NULL OR v.hi_key >= $lo)
      AND ($hi IS NULL OR v.lo_key <= $hi)
    WITH v ORDER BY v.scope, v.order_key LIMIT $limit"""
TIMELINE = "MATCH (v:Event {scope: $scope}) WHERE true" + _TIMELINE_CONDITIONS + _EVENT_PROJECTION
TIMELINE_BY_ENTITY = ("MATCH (:Entity {scope: $scope, id: $entity})<-[:INVOLVES]-(v:Event) WHERE true"
                      + _TIMELINE_CONDITIONS + _EVENT_PROJECTION)
TIMELINE_BY_TEXT = """CALL db.index.fulltext.queryNodes('kb_search', $lucene) YIELD node AS v
    WHERE v:Event AND v.scope = $scope
      AND ($entity IS NULL OR EXISTS { MATCH (v)-[:INVOLVES]->(:Entity {id: $entity}) })""" \
    + _TIMELINE_CONDITIONS + _EVENT_PROJECTION

# ---- reads: entities ----
ENTITY_BY_ID = "MATCH (e:Entity {scope: $scope, id: $id}) RETURN e {.*} AS entity"
ALL_ENTITIES = "MATCH (e:Entity {scope: $scope}) RETURN e {.*} AS entity"
ENTITIES_PAGE = """MATCH (e:Entity {scope: $scope})
    WHERE ($type IS NULL OR e.type = $type)
      AND ($needle IS NULL OR e.search_key CONTAINS $needle)
      AND ($after_count IS NULL OR e.event_count < $after_count
           OR (e.event_count = $after_count
               AND (e.name > $after_name OR (e.name = $after_name AND e.id > $after_id))))
    RETURN e {.*} AS entity ORDER BY e.event_count DESC, e.name, e.id LIMIT $limit"""
ENTITY_EVENT_IDS = """MATCH (:Entity {scope: $scope, id: $id})<-[:INVOLVES]-(v:Event)
    RETURN v.id AS id ORDER BY v.sort_key DESC, v.id DESC LIMIT $limit"""
ENTITY_MENTIONS = """MATCH (m:MentionContribution {entity_id: $id})
    WHERE $scope = 1 OR NOT m.private RETURN m {.*} AS mention"""
ALL_VISIBLE_MENTIONS = """MATCH (m:MentionContribution)
    WHERE ($scope = 1 OR NOT m.private) AND EXISTS { MATCH (:Entity {scope: $scope, id: m.entity_id}) }
    RETURN m {.*} AS mention"""

# ---- reads: graph ----
ENTITY_EXISTS = "MATCH (e:Entity {scope: $scope, id: $id}) RETURN e.id AS id"
# One hop of a neighbourhood: the not yet seen events of the frontier, each with all its entities.
# The frontier's unseen events in reverse timeline order, as many as the node cap could take.
NEIGHBOR_HOP = """UNWIND $frontier AS id
    MATCH (:Entity {scope: $scope, id: id})<-[:INVOLVES]-(v:Event)
    WITH DISTINCT v
    WHERE NOT v.id IN $seen
    WITH v ORDER BY v.sort_key DESC, v.id DESC LIMIT $limit
    RETURN v.sort_key AS sort_key, v.id AS event_id, v.title AS title,
           COLLECT { MATCH (v)-[:INVOLVES]->(m:Entity) RETURN m.id } AS members"""
ENTITY_LABELS = """UNWIND $ids AS id
    MATCH (e:Entity {scope: $scope, id: id}) RETURN e.id AS id, e.name AS name, e.type AS type"""
ENTITY_LABEL = "MATCH (e:Entity {scope: $scope, id: $id}) RETURN e.name AS name, e.type AS type"
_SHORTEST_PATH = """OPTIONAL MATCH (a:Entity {scope: $scope, id: $from})
    OPTIONAL MATCH (b:Entity {scope: $scope, id: $to})
    OPTIONAL MATCH p = shortestPath((a)-[:INVOLVES*..%d]-(b))
    RETURN a IS NOT NULL AS has_from, b IS NOT NULL AS has_to,
           [n IN nodes(p) | {id: n.id, label: coalesce(n.name, n.title),
                             kind: CASE WHEN n:Event THEN 'event' ELSE n.type END}] AS nodes"""
# max_length (events crossed) -> the query; a path of n events has 2n relationships.
SHORTEST_PATH: dict[int, str] = {n: _SHORTEST_PATH % (2 * n) for n in range(1, MAX_PATH_LENGTH + 1)}
RELATED_SKILLS = """MATCH (s:Entity {scope: $scope, id: $id})<-[:INVOLVES]-(v:Event)-[:INVOLVES]->(o:Entity)
    WHERE o.type = 'skill' AND o <> s
    WITH o, count(v) AS weight, min(v.start) AS first, max(coalesce(v.end, v.start)) AS last
    RETURN o {.*} AS entity, weight, first, last
    ORDER BY weight DESC, o.name, o.id LIMIT $limit"""

# ---- reads: search and stats ----
SEARCH = """CALL db.index.fulltext.queryNodes('kb_search', $lucene) YIELD node, score
    WHERE (node:Post AND ($scope = 1 OR NOT node.private)) OR (NOT node:Post AND node.scope = $scope)
    WITH node, score,
         CASE WHEN node:Post THEN 'post' WHEN node:Event THEN 'event' ELSE 'entity' END AS kind
    RETURN kind, node.id AS id, node.title AS title, node.body AS body
    ORDER BY score DESC, kind, id LIMIT $limit"""
COUNT_POSTS = """MATCH (p:Post) WHERE $scope = 1 OR NOT p.private
    RETURN count(p) AS n, sum(CASE WHEN p.private THEN 1 ELSE 0 END) AS private"""
EVENT_STATS = """MATCH (v:Event {scope: $scope})
    RETURN count(v) AS n, min(v.start) AS first, max(coalesce(v.end, v.start)) AS last"""
ENTITY_STATS = """MATCH (e:Entity {scope: $scope})
    RETURN e.type AS type, count(e) AS n, sum(e.mention_count) AS mentions"""
