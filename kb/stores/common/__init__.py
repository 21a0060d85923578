"""Pure helpers shared by the store backends (no SQL, no Cypher)."""
