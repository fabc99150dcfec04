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


KPI_TABLE = """<html><body><main><article><h1>Operating metrics</h1>
<p>Brindlewood Data publishes these unaudited operating metrics every quarter, in millions except where noted,
for investors who track the build-out of its leased campuses and the revenue they produce.</p>
<table>
{head}
<tr><td>Net sales (US$ millions)</td><td>88.0</td><td>97.5</td><td>112.3</td></tr>
<tr><td>Leased power, MW</td><td>310</td><td>355</td><td>402</td></tr>
<tr><td>Racks installed (thousands)</td><td>4.1</td><td>4.6</td><td>5.0</td></tr>
<tr><td>Gross margin</td><td>44%</td><td>45%</td><td>47%</td></tr>
<tr><td>Operating income</td><td>9.2</td><td>11.0</td><td>14.6</td></tr>
</table></article></main></body></html>"""


def test_first_row_of_bare_figures_is_a_row_not_a_header() -> None:
    header = "<tr><th>Quarter</th><th>Q2 FY26</th><th>Q3 FY26</th><th>Q4 FY26</th></tr>"
    for head in (f"<thead>{header}</thead>", header, header.replace("th>", "td>")):
        text = html_to_text(KPI_TABLE.format(head=head))
        assert "Net sales (US$ millions): 88.0 (Q2 FY26) | 97.5 (Q3 FY26) | 112.3 (Q4 FY26)" in text, head
        assert "Gross margin: 44% (Q2 FY26) | 45% (Q3 FY26) | 47% (Q4 FY26)" in text, head
        assert "112.3)" not in text.replace("112.3 (Q4 FY26)", ""), head


def test_label_unit_keeps_the_table_scale_off_its_row() -> None:
    text = html_to_text(KPI_TABLE.format(head="<tr><th>Quarter</th><th>Q2</th><th>Q3</th><th>Q4</th></tr>"))
    assert "Leased power, MW: 310 (Q2) | 355 (Q3) | 402 (Q4)" in text
    assert "Racks installed (thousands): 4.1 (Q2)" in text
    # A row without its own unit still takes the table's "in millions".
    assert "Operating income: $9.2 million (Q2)" in text


def test_deeply_nested_page_keeps_its_text() -> None:
    """Generated pages can nest hundreds of wrappers; libxml2's default limit of 256 dropped the
    article and everything after it without a word."""
    for depth in (300, 1500):
        html = (
            "<html><body>"
            + "<div>" * depth
            + "<p>Gross margin was 47% in the second quarter of 2026, the company said.</p>"
            + "</div>" * depth
            + "<p>Contracted capacity reached 1,200 MW at the end of the quarter, it said.</p>"
            + "</body></html>"
        )
        text = html_to_text(html)
        assert "Gross margin was 47%" in text, depth
        assert "Contracted capacity reached 1,200 MW" in text, depth


# A saved feed item is read as the poller reads it: each entry's title, then its text. A page parser
# takes CDATA for a comment and lost the summary's first paragraph (its headline figures).
RSS_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Brisa Cloud - News</title><ttl>15</ttl>
<item><title>Brisa Cloud Reports Third Quarter 2026 Results</title>
<description><![CDATA[<p><strong>Q3 revenue of $212.7 million, up 96% year over year; adjusted gross margin of
58%</strong></p><ul><li>Contracted power of 940 MW, with 175 MW active</li></ul>
<p>DENVER, Nov. 5, 2026 -- Brisa Cloud, Inc. today reported results for the third quarter ended September 30,
2026, a quarter in which it signed two new hyperscale leases and doubled its inference fleet.</p>
<p><a href="https://ir.example/q3">Read more &raquo;</a></p>]]></description></item></channel></rss>"""

ATOM_ENTRY = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Brisa Cloud</title>
<entry><title>Brisa Cloud raises its outlook</title><id>tag:brisa,2026:1</id>
<summary type="html">&lt;p&gt;Brisa Cloud now expects full-year 2026 revenue of $800 million to $820
million.&lt;/p&gt;</summary></entry></feed>"""


def test_a_saved_rss_item_keeps_its_cdata_summary() -> None:
    text = html_to_text(RSS_ITEM)
    assert text.startswith("Brisa Cloud Reports Third Quarter 2026 Results")
    assert "Q3 revenue of $212.7 million, up 96% year over year" in text
    assert "Contracted power of 940 MW" in text
    assert "]]>" not in text
    assert "<p>" not in text
    assert "CDATA" not in text
    assert "Brisa Cloud - News" not in text  # the channel's own title is no part of the item


def test_an_atom_entry_with_escaped_html_reads_as_text() -> None:
    text = html_to_text(ATOM_ENTRY)
    assert "now expects full-year 2026 revenue of $800 million to $820 million." in " ".join(text.split())
    assert "<p>" not in text
    assert "&lt;" not in text


def test_an_html_page_mentioning_rss_is_still_a_page() -> None:
    page = "<html><body><p>Subscribe to our <rss> feed. Revenue was $5 million.</p></body></html>"
    assert "Revenue was $5 million." in html_to_text(page)


def test_inline_xbrl_numbers_stay_whole_and_its_header_stays_hidden() -> None:
    page = (
        '<html><body><div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:X">Brisa'
        "</ix:nonNumeric></ix:hidden><ix:resources>context 2026-06-30 999999</ix:resources></ix:header></div>"
        '<p>Revenue was $<ix:nonFraction name="us-gaap:Revenues" contextRef="c-1" scale="6">286.4'
        "</ix:nonFraction> million for the three months ended June 30, 2026, up 90% from the prior-year "
        "period, as new capacity came online across the Ohio and Georgia campuses.</p></body></html>"
    )
    text = html_to_text(page)
    assert "Revenue was $286.4 million for the three months ended June 30, 2026" in text
    assert "999999" not in text


def test_a_definition_list_reads_as_labelled_lines() -> None:
    page = (
        "<html><body><h1>Key metrics</h1><p>Selected operating and financial metrics of Brisa Cloud, "
        "updated each quarter; figures are unaudited and rounded.</p><dl>"
        "<dt>Revenue</dt><dd>$188.3M</dd><dt>Adjusted gross margin</dt><dd>41.7%</dd>"
        "<dt>Energized capacity</dt><dd>~415 MW</dd></dl></body></html>"
    )
    lines = html_to_text(page).splitlines()
    assert "Revenue: $188.3M" in lines
    assert "Adjusted gross margin: 41.7%" in lines
    assert "Energized capacity: ~415 MW" in lines


def test_a_filing_agents_bullet_table_reads_as_sentences() -> None:
    # <td>&nbsp;</td><td>·</td><td>sentence</td>: a list laid out as a table, as EDGAR exhibits print it.
    rows = "".join(
        f"<tr><td>&nbsp;</td><td><font style='font-family: Symbol'>&#183;</font></td><td>{s}</td></tr>"
        for s in (
            "Revenue was $412.6 million, an increase of 71% year over year.",
            "The Company ended the quarter with approximately 505 MW of active power.",
        )
    )
    text = html_to_text(
        f"<html><body><p>Third Quarter 2026 Highlights</p><table>{rows}</table></body></html>"
    )
    lines = text.splitlines()
    assert "Revenue was $412.6 million, an increase of 71% year over year." in lines
    assert "The Company ended the quarter with approximately 505 MW of active power." in lines
    assert "·" not in text


def test_a_row_with_an_empty_label_keeps_its_columns() -> None:
    # Only a bullet glyph makes leading cells layout: an empty first cell is a label-less row.
    page = (
        "<html><body><p>Revenue by quarter for Brisa Cloud, in millions of US dollars, unaudited.</p><table>"
        "<tr><th>Item</th><th>Q3 2026</th><th>Q3 2025</th></tr>"
        "<tr><td>Revenue</td><td>$120.0 million</td><td>$98.0 million</td></tr>"
        "<tr><td></td><td>$120.0 million</td><td>$98.0 million</td></tr></table></body></html>"
    )
    lines = html_to_text(page).splitlines()
    assert "$120.0 million (Q3 2026) | $98.0 million (Q3 2025)" in lines
