"""A delivery worker that stops dead between sending and recording (run as a subprocess).

`python -m tests.delivery.crash_worker` reads the usual WATCHER_* settings, runs
one delivery pass, and after the first successful send prints ``SENT <row id>``
and sleeps, so the test can SIGKILL it at exactly the moment an outbox must
survive: the message is out, the database does not know.
"""

from __future__ import annotations

import sys
import time

from state.deliveries import ClaimedDelivery
from watcher.app import make_app
from watcher.delivery import deliver_pending
from watcher.delivery.base import SendResult
from watcher.delivery.outbox import DeliveryRuntime, Pacer


def _stall(row: ClaimedDelivery, _result: SendResult) -> None:
    sys.stdout.write(f"SENT {row.id}\n")
    sys.stdout.flush()
    time.sleep(600)


def main() -> None:
    app = make_app()
    app.extras["delivery"] = DeliveryRuntime(settings=app.settings, pacer=Pacer(0.0), after_send=_stall)
    deliver_pending(app)
    sys.stdout.write("FINISHED\n")


if __name__ == "__main__":
    main()
