"""HTML pages to main text: boilerplate out, tables as labelled rows with their column headers."""

from __future__ import annotations

from watcher.htmltext import html_to_text

PAGE = """<!doctype html><html><head><title>Acme results</title>
<script>var data = {"revenue": "$999 million", "move": "+7.7%"};</script><style>p{}</style></head>
<body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/ir">Investors</a>
<a href="/careers">Careers (250 open roles)</a></nav></header>
<main><article>
<h1>Acme Compute Reports Second Quarter 2026 Results</h1>
<p>Acme Compute, Inc. today reported revenue of $120.5 million for the second quarter of 2026, a result that
reflects strong demand for its inference platform across all of its regions and customer segments.</p>
<table>
<caption>Key metrics</caption>
<thead><tr><th>Metric</th><th>Q2 2026</th><th>Q2 2025</th></tr></thead>
<tbody>
<tr><td>Gross margin</td><td>47%</td><td>40%</td></tr>
<tr><td>Operating margin</td><td>(4.8)%</td><td>(11.3)%</td></tr>
</tbody></table>
</article></main>
<aside class="related-news"><a href="/x">Acme signs 300 MW lease</a></aside>
<footer><p>All campuses use 100% renewable energy. &copy; 2026 Acme</p></footer>
</body></html>"""


def test_boilerplate_is_dropped() -> None:
    text = html_to_text(PAGE)
    assert "Acme Compute Reports Second Quarter 2026 Results" in text
    assert "$120.5 million" in text
    for noise in ("cookies", "Careers", "$999 million", "+7.7%", "300 MW", "100% renewable", "p{}"):
        assert noise not in text, noise


def test_table_rows_keep_label_and_column_header() -> None:
    text = html_to_text(PAGE)
    assert "Gross margin: 47% (Q2 2026) | 40% (Q2 2025)" in text
    assert "Operating margin: (4.8)% (Q2 2026) | (11.3)% (Q2 2025)" in text


def test_split_dollar_cells_multirow_headers_and_scale_note() -> None:
    page = """<html><body><main><article><h1>Results</h1>
<p>The following table summarizes our results for the periods shown, in millions, except percentages and
per share amounts, and should be read together with the discussion in this release.</p>
<table>
<tr><td></td><td colspan="2">Three Months Ended June 30,</td>
<td colspan="2">Six Months Ended June 30,</td></tr>
<tr><td></td><td>2026</td><td>2025</td><td>2026</td><td>2025</td></tr>
<tr><td>Revenue</td><td>$</td><td>284.7</td><td>$</td><td>160.8</td><td>$</td><td>521.9</td><td>$</td><td>301.2</td></tr>
</table></article></main></body></html>"""
    text = html_to_text(page)
    assert "$284.7 million (Three Months Ended June 30, 2026)" in text
    assert "$521.9 million (Six Months Ended June 30, 2026)" in text


def test_empty_and_broken_html_do_not_crash() -> None:
    assert html_to_text("") == ""
    assert isinstance(html_to_text("<html><body><p>unclosed <b>tags"), str)
