from watcher.cli.main import run

run()
