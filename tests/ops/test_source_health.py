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
