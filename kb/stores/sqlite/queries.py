"""Every SQL statement of the SQLite backend (DDL lives with the migrations in schema.py).

Lists of ids travel as one JSON parameter read with `json_each`, so no statement is built from
data. `?scope` is 1 when private posts count and 0 when only public posts do.
"""
from __future__ import annotations

IDS = "(SELECT value FROM json_each(?))"

# ---- meta ----
GET_META = "SELECT value FROM meta WHERE key = ?"
BUMP_GENERATION = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'"
# the Store.meta record: its keys carry a prefix that keeps them apart from the ones above
USER_META = "SELECT substr(key, length(?) + 1) AS key, value FROM meta WHERE key >= ? AND key < ? ORDER BY key"
SET_META = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
DELETE_META = "DELETE FROM meta WHERE key = ?"

# ---- writes: contributions ----
POST_HASHES_FOR = f"SELECT id, graph_hash FROM posts WHERE id IN {IDS}"
ALL_POST_GRAPH_HASHES = "SELECT id, graph_hash FROM posts"
CLEAR_TEMP = "DELETE FROM temp.{table}"
TOUCH = "INSERT OR IGNORE INTO temp.{table} (id) VALUES (?)"
TOUCH_OLD_EVENTS = "INSERT OR IGNORE INTO temp.touched_events SELECT event_id FROM event_contrib WHERE post_id IN (SELECT id FROM temp.touched_posts)"
TOUCH_OLD_ENTITIES = (
    "INSERT OR IGNORE INTO temp.touched_entities SELECT entity_id FROM entity_contrib WHERE post_id IN (SELECT id FROM temp.touched_posts)",
    "INSERT OR IGNORE INTO temp.touched_entities SELECT entity_id FROM mentions WHERE post_id IN (SELECT id FROM temp.touched_posts)",
    "INSERT OR IGNORE INTO temp.touched_entities SELECT entity_id FROM event_links WHERE post_id IN (SELECT id FROM temp.touched_posts)",
)
DELETE_TOUCHED_POSTS = "DELETE FROM posts WHERE id IN (SELECT id FROM temp.touched_posts)"
# Entities that lose a contribution carrying aliases: only their alias unions are recomputed whole.
REALIAS_REMOVED = """INSERT OR IGNORE INTO temp.realias SELECT entity_id FROM entity_contrib
    WHERE post_id IN (SELECT id FROM temp.touched_posts) AND aliases != '[]'"""
# The touched posts' mentions per entity, counted out before the delete (-1) and in after (+1).
MENTIONS_COUNTED = """INSERT INTO temp.mention_delta SELECT entity_id, private, {sign} * COUNT(*) FROM mentions
    WHERE post_id IN (SELECT id FROM temp.touched_posts) GROUP BY entity_id, private"""
WIPE = (
    "DELETE FROM posts",
    "DELETE FROM event_view",
    "DELETE FROM link_view",
    "DELETE FROM entity_view",
    "DELETE FROM search_fts",
    "DELETE FROM search_doc",
)
INSERT_POST = """INSERT INTO posts (id, path, root, title, date, date_key, tags, categories, private,
    content_hash, language, body, graph_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_ENTITY_CONTRIB = """INSERT INTO entity_contrib (post_id, entity_id, type, name, aliases, category, private,
    post_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_MENTION = """INSERT INTO mentions (post_id, seq, entity_id, private, src_post_id, post, section, quote, start,
    "end", line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_EVENT_CONTRIB = """INSERT INTO event_contrib (post_id, event_id, title, kind, start, "end", sort_key, lo_key,
    hi_key, irregular, confidence, private, post_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_EVENT_LINK = "INSERT INTO event_links (post_id, event_id, entity_id, private) VALUES (?, ?, ?, ?)"
INSERT_EVENT_SOURCE = """INSERT INTO event_sources (post_id, event_id, seq, private, src_post_id, post, section, quote,
    start, "end", line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""

# ---- writes: aggregates of touched ids ----
TOUCHED_ENTITIES = "(SELECT id FROM temp.touched_entities)"
TOUCHED_EVENTS = "(SELECT id FROM temp.touched_events)"
SCOPES = "(SELECT 0 AS scope UNION ALL SELECT 1)"
SAVE_TOUCHED_ENTITIES = f"""INSERT INTO temp.old_entities SELECT scope, id, aliases, event_count, mention_count,
    first, last FROM entity_view WHERE scope IN (0, 1) AND id IN {TOUCHED_ENTITIES}"""
OLD_ENTITIES = "SELECT scope, id, aliases, event_count, mention_count, first, last FROM temp.old_entities"
DELETE_ENTITY_VIEW_TOUCHED = f"DELETE FROM entity_view WHERE scope IN (0, 1) AND id IN {TOUCHED_ENTITIES}"
TOUCHED_ENTITY_IDS = "SELECT id FROM temp.touched_entities"
# For every touched entity and scope, in one statement each (not four per entity): the earliest
# contribution (an index-ordered LIMIT 1 per entity), and every alias with its post's privacy.
FIRST_ENTITY_CONTRIBS = f"""SELECT t.id AS entity_id, s.scope, c.type, c.name, c.category
    FROM temp.touched_entities t CROSS JOIN {SCOPES} s
    CROSS JOIN entity_contrib c ON c.entity_id = t.id AND c.post_id = (
        SELECT f.post_id FROM entity_contrib f WHERE f.entity_id = t.id AND (s.scope = 1 OR f.private = 0)
        ORDER BY f.post_key, f.post_id LIMIT 1)"""
# Every alias of the entities named in temp.realias (a union over all their contributions), and
# the aliases the written posts bring (added to the unions already stored, for everything else).
ALL_ALIASES_OF_REALIASED = """SELECT DISTINCT c.entity_id, c.private, j.value AS alias
    FROM entity_contrib c, json_each(c.aliases) j
    WHERE c.entity_id IN (SELECT id FROM temp.realias) AND c.aliases != '[]'"""
ALIASES_WRITTEN = """SELECT DISTINCT c.entity_id, c.private, j.value AS alias
    FROM entity_contrib c, json_each(c.aliases) j
    WHERE c.post_id IN (SELECT id FROM temp.touched_posts) AND c.aliases != '[]'"""
REALIAS = "INSERT OR IGNORE INTO temp.realias (id) VALUES (?)"
REALIASED_IDS = "SELECT id FROM temp.realias"
INSERT_ENTITY_VIEW = """INSERT INTO entity_view (scope, id, type, name, aliases, category, search_key)
    VALUES (?, ?, ?, ?, ?, ?, ?)"""
TOUCH_EVENTS_OF_ENTITIES = f"INSERT OR IGNORE INTO temp.touched_events SELECT event_id FROM event_links WHERE entity_id IN {IDS}"
# Link rows of the touched events per entity, counted out before they are replaced and in after
# (with the dates they bring): entity totals move by the difference.
# Driven by the touched events (CROSS JOIN keeps that order): left to itself the planner scans the
# whole per-entity index to save the GROUP BY a sort.
_TOUCHED_LINKS = f"""(SELECT l.scope, l.entity_id, l.start, l.until FROM temp.touched_events t
    CROSS JOIN link_view l ON l.scope IN (0, 1) AND l.event_id = t.id)"""
LINKS_REMOVED = f"""INSERT INTO temp.link_delta SELECT scope, entity_id, -COUNT(*), 1, NULL, NULL FROM {_TOUCHED_LINKS}
    GROUP BY scope, entity_id"""
LINKS_ADDED = f"""INSERT INTO temp.link_delta SELECT scope, entity_id, COUNT(*), 0, MIN(start), MAX(until)
    FROM {_TOUCHED_LINKS} GROUP BY scope, entity_id"""
LINK_DELTAS = """SELECT scope, id, SUM(n), MAX(removed), MIN(first), MAX(last) FROM temp.link_delta
    GROUP BY scope, id"""
MENTION_DELTAS = "SELECT id, private, SUM(n) FROM temp.mention_delta GROUP BY id, private"
TOTALS_OF = f"""SELECT scope, id, event_count, mention_count, first, last FROM entity_view
    WHERE scope IN (0, 1) AND id IN {IDS}"""
SET_ENTITY_TOTALS = """UPDATE entity_view SET event_count = ?, mention_count = ?, first = ?, last = ?
    WHERE scope = ? AND id = ?"""
COUNT_ENTITY = """SELECT (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = :id AND (:scope = 1 OR m.private = 0)),
    COUNT(*), MIN(start), MAX(until) FROM link_view WHERE scope = :scope AND entity_id = :id"""
EVENT_CONTRIBS_TOUCHED = f"""SELECT event_id, title, kind, start, "end", sort_key, lo_key, hi_key, irregular,
    confidence, private FROM event_contrib
    WHERE event_id IN {TOUCHED_EVENTS} ORDER BY event_id, post_key, post_id"""
DELETE_EVENT_VIEW_TOUCHED = f"DELETE FROM event_view WHERE scope IN (0, 1) AND id IN {TOUCHED_EVENTS}"
INSERT_EVENT_VIEW = """INSERT INTO event_view (scope, id, title, kind, start, "end", until, sort_key, lo_key, hi_key,
    irregular, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
DELETE_LINK_VIEW_TOUCHED = f"DELETE FROM link_view WHERE scope IN (0, 1) AND event_id IN {TOUCHED_EVENTS}"
INSERT_LINK_VIEW_TOUCHED = f"""INSERT OR IGNORE INTO link_view (scope, event_id, entity_id, entity_type, sort_key, start,
        until)
    SELECT s.scope, l.event_id, l.entity_id, e.type, v.sort_key, v.start, v.until
    FROM event_links l CROSS JOIN {SCOPES} s
    JOIN entity_view e ON e.scope = s.scope AND e.id = l.entity_id
    JOIN event_view v ON v.scope = s.scope AND v.id = l.event_id
    WHERE l.event_id IN {TOUCHED_EVENTS} AND (s.scope = 1 OR l.private = 0)"""

# ---- writes: search documents ----
DELETE_FTS_DOCS = "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_doc WHERE kind = ? AND ref IN (SELECT id FROM temp.{table}))"
DELETE_DOCS = "DELETE FROM search_doc WHERE kind = ? AND ref IN (SELECT id FROM temp.{table})"
INSERT_DOC = "INSERT INTO search_doc (kind, ref, mask, title, body) VALUES (?, ?, ?, ?, ?)"
INDEX_DOCS = """INSERT INTO search_fts (rowid, title, body)
    SELECT id, kb_prepare(title), kb_prepare(body) FROM search_doc
    WHERE kind = ? AND ref IN (SELECT id FROM temp.{table})"""
TOUCHED_POST_DOCS = "SELECT id, title, body, private FROM posts WHERE id IN (SELECT id FROM temp.touched_posts)"
TOUCHED_EVENT_TITLES = f"SELECT scope, id, title FROM event_view WHERE scope IN (0, 1) AND id IN {TOUCHED_EVENTS}"
TOUCHED_EVENT_QUOTES = f"""SELECT event_id, quote, private FROM event_sources
    WHERE event_id IN {TOUCHED_EVENTS} ORDER BY event_id, post_id, seq"""
TOUCHED_ENTITY_DOCS = f"SELECT scope, id, name, aliases FROM entity_view WHERE scope IN (0, 1) AND id IN {TOUCHED_ENTITIES}"

# ---- reads: posts ----
POST_HASHES = "SELECT id, root, path, content_hash FROM posts"
POST_BY_ID = "SELECT * FROM posts WHERE id = ? AND (? = 1 OR private = 0)"
POSTS_PAGE = """SELECT * FROM posts WHERE (date_key, id) > (?, ?)
    ORDER BY date_key, id LIMIT ?"""
POSTS_PUBLIC_PAGE = """SELECT * FROM posts WHERE private = 0 AND (date_key, id) > (?, ?)
    ORDER BY date_key, id LIMIT ?"""
ALL_VISIBLE_POSTS = "SELECT * FROM posts WHERE ? = 1 OR private = 0"

# ---- reads: events ----
# Read as plain tuples by rows.event_from_values and rows.source_from_values (by position: a
# timeline page builds 50 events and their sources, and access by name was a fifth of that).
_EVENT = 'id, title, kind, start, "end", confidence'
_SOURCE = 'event_id, src_post_id, post, section, quote, start, "end", line'
EVENT_ROWS = f"SELECT {_EVENT} FROM event_view WHERE scope = ? AND id IN {IDS}"
ALL_EVENT_ROWS = f"SELECT {_EVENT} FROM event_view WHERE scope = ?"
EVENT_LINKS = f"SELECT event_id, entity_id FROM link_view WHERE scope = ? AND event_id IN {IDS}"
ALL_EVENT_LINKS = "SELECT event_id, entity_id FROM link_view WHERE scope = ?"
EVENT_SOURCES = f"SELECT {_SOURCE} FROM event_sources WHERE event_id IN {IDS} AND (? = 1 OR private = 0)"
ALL_EVENT_SOURCES = f"SELECT {_SOURCE} FROM event_sources WHERE ? = 1 OR private = 0"

# Timeline pieces, put together by reads.timeline; every value is a parameter. Three plans:
# driven by an entity's links (already in date order), by full-text matches, or by the view.
TIMELINE_BY_ENTITY = """SELECT l.event_id AS id, l.sort_key FROM link_view l
    CROSS JOIN event_view v ON v.scope = l.scope AND v.id = l.event_id{text}
    WHERE l.scope = ? AND l.entity_id = ?{filters}{after}
    ORDER BY l.sort_key, l.event_id LIMIT ?"""
TIMELINE_AFTER_LINK = " AND (l.sort_key, l.event_id) > (?, ?)"
TIMELINE_TEXT_JOIN = """ JOIN (SELECT DISTINCT d.ref AS id FROM search_fts f CROSS JOIN search_doc d ON d.id = f.rowid
    WHERE search_fts MATCH ? AND d.kind = 'event' AND (d.mask & ?) != 0) t ON t.id = l.event_id"""
TIMELINE_BY_TEXT = """SELECT v.id, v.sort_key FROM
    (SELECT DISTINCT d.ref AS id FROM search_fts f CROSS JOIN search_doc d ON d.id = f.rowid
     WHERE search_fts MATCH ? AND d.kind = 'event' AND (d.mask & ?) != 0) t
    CROSS JOIN event_view v ON v.scope = ? AND v.id = t.id
    WHERE 1{filters}{after}
    ORDER BY v.sort_key, v.id LIMIT ?"""
TIMELINE_BY_VIEW = """SELECT v.id, v.sort_key FROM event_view v WHERE v.scope = ?{filters}{after}
    ORDER BY v.sort_key, v.id LIMIT ?"""
# With a date filter: regular events are a bounded range of sort keys; irregular ones are few.
TIMELINE_BY_DATES = """SELECT v.id, v.sort_key FROM event_view v
    WHERE v.scope = ? AND v.irregular = 0 AND v.sort_key >= ? AND v.sort_key <= ? AND v.hi_key >= ?{filters}{after}
    UNION ALL
    SELECT v.id, v.sort_key FROM event_view v
    WHERE v.scope = ? AND v.irregular = 1 AND v.lo_key <= ? AND v.hi_key >= ?{irregular_filters}{after}
    ORDER BY 2, 1 LIMIT ?"""
TIMELINE_AFTER = " AND (v.sort_key, v.id) > (?, ?)"
TIMELINE_KIND = " AND v.kind = ?"
TIMELINE_KIND_UNINDEXED = " AND +v.kind = ?"  # keeps the planner on the small irregular index
TIMELINE_OVERLAPS = " AND v.hi_key >= ? AND v.lo_key <= ?"

# ---- reads: entities ----
ENTITY_ROW = "SELECT * FROM entity_view WHERE scope = ? AND id = ?"
ENTITY_ROWS = f"SELECT * FROM entity_view WHERE scope = ? AND id IN {IDS}"
ALL_ENTITY_ROWS = "SELECT * FROM entity_view WHERE scope = ?"
ENTITIES_SELECT = "SELECT * FROM entity_view e WHERE e.scope = ?"
ENTITIES_WHERE_TYPE = " AND e.type = ?"
ENTITIES_WHERE_TEXT = " AND instr(e.search_key, ?) > 0"
ENTITIES_WHERE_AFTER = " AND (e.event_count < ? OR (e.event_count = ? AND (e.name, e.id) > (?, ?)))"
ENTITIES_ORDER = " ORDER BY e.event_count DESC, e.name, e.id LIMIT ?"
ENTITY_EVENT_IDS = """SELECT event_id FROM link_view WHERE scope = ? AND entity_id = ?
    ORDER BY sort_key DESC, event_id DESC LIMIT ?"""
ENTITY_MENTIONS = "SELECT * FROM mentions WHERE entity_id = ? AND (? = 1 OR private = 0)"
ALL_VISIBLE_MENTIONS = """SELECT m.* FROM mentions m JOIN entity_view e ON e.scope = ? AND e.id = m.entity_id
    WHERE ? = 1 OR m.private = 0"""

# ---- reads: graph ----
ENTITY_EXISTS = "SELECT 1 FROM entity_view WHERE scope = ? AND id = ?"
EVENTS_OF_ENTITIES = f"SELECT entity_id, event_id FROM link_view WHERE scope = ? AND entity_id IN {IDS}"
# One entity's events in reverse timeline order, a page after a (sort_key, event_id) cursor: an
# index range scan, so a hub's newest events cost what a small entity's do.
NEWEST_EVENTS_OF_ENTITY = """SELECT sort_key, event_id FROM link_view
    WHERE scope = ? AND entity_id = ? AND (sort_key, event_id) < (?, ?)
    ORDER BY sort_key DESC, event_id DESC LIMIT ?"""
ENTITIES_OF_EVENTS = f"SELECT event_id, entity_id FROM link_view WHERE scope = ? AND event_id IN {IDS}"
ENTITY_LABELS = f"SELECT id, name, type FROM entity_view WHERE scope = ? AND id IN {IDS}"
FRONTIER_DEGREE = f"SELECT COALESCE(SUM(event_count), 0) FROM entity_view WHERE scope = ? AND id IN {IDS}"
# Does one event join a frontier entity (l1) to an entity the other side has reached (l2)? Driven
# by the frontier's links; `+` keeps l2 on its (scope, event_id) prefix with the reached set as a
# membership test, so a big reached set costs a lookup per row, not a seek per member.
FRONTIER_MEET = f"""SELECT l1.entity_id AS here, l1.event_id, l2.entity_id AS there
    FROM link_view l1 CROSS JOIN link_view l2 ON l2.scope = l1.scope AND l2.event_id = l1.event_id
    WHERE l1.scope = ? AND l1.entity_id IN {IDS} AND +l2.entity_id IN {IDS} LIMIT 1"""
EVENT_LABELS = f"SELECT id, title FROM event_view WHERE scope = ? AND id IN {IDS}"
RELATED_SKILLS = """SELECT e.*, r.weight, r.shared_first, r.shared_last FROM
    (SELECT l2.entity_id, COUNT(*) AS weight, MIN(l2.start) AS shared_first, MAX(l2.until) AS shared_last
     FROM link_view l1
     CROSS JOIN link_view l2 ON l2.scope = l1.scope AND l2.event_id = l1.event_id AND l2.entity_id != l1.entity_id
     WHERE l1.scope = ? AND l1.entity_id = ? AND l2.entity_type = 'skill'
     GROUP BY l2.entity_id) r
    JOIN entity_view e ON e.scope = ? AND e.id = r.entity_id
    ORDER BY r.weight DESC, e.name, e.id LIMIT ?"""

# ---- reads: search and stats ----
# bm25 ranks every match of a query with up to SEARCH_CANDIDATES of them. Beyond that bm25 is not
# used: FTS5 computes its IDF by walking every match of every phrase (~10 ms for a word in 89k of
# 100k documents, whatever the LIMIT), so such a query lists the documents whose title matches,
# then the rest, newest (highest rowid) first, both read straight off FTS5's doclists.
SEARCH_CANDIDATES = 2000
SEARCH_IS_COMMON = f"SELECT COUNT(*) > {SEARCH_CANDIDATES} FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT {SEARCH_CANDIDATES + 1})"
SEARCH = """SELECT d.kind, d.ref, d.title, d.body FROM
    (SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ?) f
    CROSS JOIN search_doc d ON d.id = f.rowid
    WHERE (d.mask & ?) != 0 ORDER BY f.rank, d.kind, d.ref LIMIT ?"""
_NEWEST_MATCHES = f"SELECT rowid, {{tier}} AS tier FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT {SEARCH_CANDIDATES}"
SEARCH_COMMON = f"""SELECT d.kind, d.ref, d.title, d.body FROM
    (SELECT rowid, MIN(tier) AS tier FROM (SELECT * FROM ({_NEWEST_MATCHES.format(tier=0)})
                                           UNION ALL SELECT * FROM ({_NEWEST_MATCHES.format(tier=1)}))
     GROUP BY rowid) f
    CROSS JOIN search_doc d ON d.id = f.rowid
    WHERE (d.mask & ?) != 0 ORDER BY f.tier, f.rowid DESC LIMIT ?"""
COUNT_POSTS = "SELECT COUNT(*) AS n, COALESCE(SUM(private), 0) AS private FROM posts WHERE ? = 1 OR private = 0"
EVENT_STATS = "SELECT COUNT(*) AS n, MIN(start) AS first, MAX(until) AS last FROM event_view WHERE scope = ?"
ENTITY_STATS = """SELECT type, COUNT(*) AS n, COALESCE(SUM(mention_count), 0) AS mentions
    FROM entity_view WHERE scope = ? GROUP BY type"""
