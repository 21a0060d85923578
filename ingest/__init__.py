"""Posts in, one PostGraph per post out. Read the packages in pipeline order:

    posts/      reading posts
        read         discover .md/.markdown files, decode them, hash their bytes      -> RawPost
        parse        frontmatter (YAML/TOML/JSON) + markdown-it section tree          -> ParsedPost
    language/   tools every stage shares: sentences and clauses, the date grammar, verb lexicons
    facts/      extracting facts: a ParsedPost in, entities and events out
        extractor    the interface any extractor implements, and the default one
        entities     vocabulary (skills, organizations, roles) + context cues + links -> Sighting
        events       narrative sections and sentences, or one publication event       -> Event
        resolve      one post's sightings made consistent; the user's kb.yaml on top
        build        the PostGraph of one post
    runs/       running ingests
        pipeline     run_ingest(roots, store, config, on_progress) -> IngestReport (incremental)
        parallel, writer, watch, posts_folder

Only `posts.read` touches post files, only `runs` touches the store. Vocabularies are data files
in ingest/data, loaded once per process.
"""
