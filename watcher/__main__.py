# Guarded, import included: worker processes (watcher.cpuwork, started with
# "spawn") import the main module again, and must neither start a second CLI
# nor pay for loading it.
if __name__ == "__main__":
    from watcher.cli.main import run

    run()
