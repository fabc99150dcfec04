"""One operational alert when a feed goes dark, one when it recovers, nothing in between."""

from __future__ import annotations

from sqlmodel import Session, col, select

from rules.source_health import judge_source_health
from state.models import Alert, Delivery, Feed
from watcher.app import make_app
from watcher.settings import load_settings
from watcher.source_health import check_source_health


def test_verdicts_follow_the_threshold() -> None:
    alerted = False
    verdicts = []
    outcomes = [False] * 7 + [True, True, False]
    failures = 0
    for ok in outcomes:
        failures = 0 if ok else failures + 1
        v = judge_source_health(
            succeeded=ok, consecutive_failures=failures, failure_alerted=alerted, threshold=5
        )
        alerted = v.failure_alerted
        verdicts.append(v.alert)
    assert verdicts == [None, None, None, None, "failing", None, None, "recovered", None, None]


def test_failing_feed_raises_one_alert_and_one_recovery(database_url: str) -> None:
    settings = load_settings(database_url=database_url, feed_failure_alert_after=3)
    with make_app(settings) as app, Session(app.engine) as session:
        feed = Feed(url="http://127.0.0.1:9/feed.xml")
        session.add(feed)
        session.commit()
        for poll in range(6):
            feed.consecutive_failures = poll + 1
            feed.last_error = "HTTP 500 Internal Server Error"
            check_source_health(app, session, feed, succeeded=False)
            session.commit()
        feed.consecutive_failures = 0
        check_source_health(app, session, feed, succeeded=True)
        check_source_health(app, session, feed, succeeded=True)
        session.commit()
        alerts = session.exec(select(Alert).order_by(col(Alert.id))).all()
        assert [a.kind for a in alerts] == ["operational", "operational"]
        assert "failed 3 polls in a row" in alerts[0].title
        assert "HTTP 500" in alerts[0].title
        assert alerts[0].source == feed.url
        assert alerts[1].title.startswith("Feed recovered")
        deliveries = session.exec(select(Delivery)).all()
        assert sorted(d.channel for d in deliveries) == ["console", "console"]
        assert all(d.status == "pending" for d in deliveries)


def test_polls_recorded_together_raise_and_clear_the_alert(database_url: str) -> None:
    """The poller's batched outcome writes: backoff, lease, validators and source health per feed."""
    from tests.feedserver import press_release, serving
    from watcher.poller import poll_once

    settings = load_settings(database_url=database_url, feed_failure_alert_after=2)
    with serving() as server, make_app(settings) as app:
        server.add_error("/down.xml", 500)
        good = server.add_feed("/good.xml")
        good.add_entry(press_release("Acme", 1))
        with Session(app.engine) as session:
            session.add(Feed(url=server.url("/down.xml")))
            session.add(Feed(url=server.url("/good.xml")))
            session.commit()
        for _ in range(3):
            summary = poll_once(app, force=True)
            assert (summary.failed, summary.feeds) == (1, 2)
        with Session(app.engine) as session:
            down, up = session.exec(select(Feed).order_by(col(Feed.id))).all()
            assert (down.consecutive_failures, down.failure_alerted, down.last_status) == (3, True, "error")
            assert down.last_error == "HTTP 500 Internal Server Error"
            assert (down.lease_owner, up.lease_owner) == (None, None)
            assert down.next_poll_at is not None
            assert down.last_polled_at is not None
            assert down.next_poll_at - down.last_polled_at == settings.poll_interval * 4  # 2**(3-1)
            assert (up.consecutive_failures, up.failure_alerted, up.last_status) == (0, False, "not_modified")
            assert up.etag is not None
            assert up.title == "Feed /good.xml"
        server.responses.pop("/down.xml")
        server.add_feed("/down.xml").add_entry(press_release("Bolt", 1))
        assert poll_once(app, force=True).failed == 0
        with Session(app.engine) as session:
            again = session.exec(select(Feed).order_by(col(Feed.id))).first()
            assert again is not None
            assert (again.consecutive_failures, again.failure_alerted, again.last_error) == (0, False, None)
            titles = [a.title for a in session.exec(select(Alert).order_by(col(Alert.id))).all()]
        assert [t.split(":")[0] for t in titles] == ["Feed failing", "Feed recovered"]
        assert "failed 2 polls in a row (HTTP 500" in titles[0]
