"""Posts in, one PostGraph per post out.

Stages, each a function with typed input and output (only `read` touches files, only
`pipeline` touches the store):

    read        discover .md/.markdown files, decode them, hash their bytes      -> RawPost
    parse       frontmatter (YAML/TOML/JSON) + markdown-it section tree          -> ParsedPost
    dates       a date grammar of our own (Korean and English, relative forms)
    entities    vocabulary (skills, organizations, roles) + context cues + links -> Sighting
    resolve     one post's sightings made consistent; the user's kb.yaml on top
    events      narrative sections and sentences, or one publication event       -> Event
    build       the PostGraph of one post
    pipeline    run_ingest(roots, store, config, on_progress) -> IngestReport (incremental)

Vocabularies are data files in ingest/data, loaded once per process.
"""
