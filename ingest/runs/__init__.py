"""Running ingests: folders to a store, incrementally (`pipeline`), in worker processes, on save (`watch`)."""
