"""Extracting facts: one parsed post in, its entities and events out (see `extractor`)."""
