"""kb: a personal knowledge base and career timeline built from Markdown posts."""

__version__ = "0.1.0"
