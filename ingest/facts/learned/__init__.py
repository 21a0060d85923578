"""What kb learned from annotated career posts: a linear model that tells an event sentence from
commentary, its features, and the command that trains it (`python -m ingest.facts.learned.train`).

The weights ship as a data file (ingest/data/event_model.json); nothing is trained at ingest.
"""
