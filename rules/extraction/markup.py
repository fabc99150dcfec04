"""Markdown markup that hides words from the reader: `[Halden Ventures](https://…)`, `**Anthropic**`.

A newsletter or a README written in Markdown wraps names and figures in emphasis and links; read as
they are, "**Anthropic**" is no name ("with **Anthropic**" names no party) and a link's URL sits
between a name and its verb. `markup_cuts` finds the characters that only mark up (the brackets and
the URL of a link, the asterisks or underscores of strong emphasis); the extractor reads the text
without them, through the same offset map as spelled figures (`spoken.rewrite_spoken_both`), so
the evidence and its offsets stay those of the text as given.
"""

from __future__ import annotations

import re
from typing import Final

#: An inline link: "[anchor](https://example.com/x)", the anchor on one line, the target without
#: spaces (an image's "![alt](src)" is not one: its alt text is no part of the sentence).
_LINK: Final = re.compile(r"(?<!!)\[(?P<a>[^\[\]\n]{1,200})\](?P<t>\([^()\s]{1,500}\))")
#: Strong emphasis: "**Anthropic**", "__$600 million__", no space just inside the marks.
_STRONG: Final = re.compile(r"(?P<m>\*\*|__)(?=[^\s*_])(?P<body>[^\n]{1,300}?)(?<=[^\s*_])(?P=m)")


def markup_cuts(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that only mark up (see the module's docstring), in no particular order.

    A text without "](" or a doubled "*" or "_" has none: two literal scans decide most documents.
    """
    cuts: list[tuple[int, int]] = []
    if "](" in text:
        for m in _LINK.finditer(text):
            cuts.append((m.start(), m.start() + 1))
            cuts.append((m.end("a"), m.end()))
    if "**" in text or "__" in text:
        for m in _STRONG.finditer(text):
            cuts.append((m.start(), m.end("m")))
            cuts.append((m.end("body"), m.end()))
    return cuts
