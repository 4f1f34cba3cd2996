"""Commands registered on `newsgraph.cli.main`."""
