"""The `watcher` command line: thin commands over service functions."""
