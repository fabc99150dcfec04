"""Money, percentage and power quantities as they are really written.

One compiled pattern finds *atoms* (`$193.4 million`, `(28)%`, `420MW`, a bare
`36` that may open a range); `find_quantities` then merges atoms into ranges
(`36%–38%`, `between $455 million and $470 million`, `45.5%, plus or minus 50
basis points`) and reads the bound words around them. Values are normalised the
way `spec/facts.md` says: dollars as plain numbers, power in MW, percent as points.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from rules.extraction.folding import CasePattern, may_end_with
from rules.extraction.prefix import guard
from rules.extraction.record import Record

# Patterns used inside functions, compiled once here.
#: The new value written before "from": "to $1.23 billion", "to between $470 million and …".
_RE_BTO_APPROXIMATELY_ABOUT: Final = re.compile(r"\bto\s+(?:approximately\s+|about\s+|between\s+)?[$\d(]")
_RE_MEGAWATT_GIGAWATT_KILOWATT: Final = re.compile(r"(?i)(megawatt|gigawatt|kilowatt|MW|GW|kW)")
_RE_TO_MILLION_BILLION: Final = re.compile(
    r"^\s*(?:[–—-]|to)\s*\S+(?:\s+(?:million|billion|percent))?\s+(?:previously|before|(?:earlier|prior)(?=\s*(?:[.,;)]|$))|"
    r"when\s+(?:we|it|they|the\s+company)\s+last\s+(?:reported|updated|spoke))\b"
)
_NUMBER_END: Final = re.compile(r"[\d%)]\s?$")
#: A percentage (and its "of revenue") right before a bracket, one space at most between: the bracket
#: holds the prior period's figure (aligned table columns put more space between).
_PRIOR_BRACKET_BEFORE: Final = re.compile(
    r"%(?:\s(?:of\s+(?:total\s+|net\s+)?(?:revenues?|sales)))?\s?$", re.IGNORECASE
)
#: A range right before "from": "31% to 33% from ", "$1.38-$1.42 billion from ".
_RANGE_THEN_FROM: Final = re.compile(
    r"\d\s*(?:%|percent|[mb]n?|million|billion|mw|gw)?\s*(?:to|[–—-])\s*(?:\$\s?)?\d[\d.,]*\s*"
    r"(?:%|percent|[mb]n?|million|billion|mw|gw)?\s*,?\s+(?:(?:up|down)\s+)?from\s+$",
    re.IGNORECASE,
)
_DASH_OR_TO: Final = re.compile(r"\s*(?:[–—-]|to)\s*")
#: An abbreviated scale a space after a number: " mn", " bn".
_SPACED_SCALE: Final = re.compile(r"\s(mn|bn|mln|bln)\b", re.IGNORECASE)

QUnit = Literal["usd", "percent", "mw"]
QBound = Literal["exact", "at_least", "at_most", "approx"]
AtomKind = Literal["usd", "percent", "mw", "bp", "pp", "bare"]

#: ".5" is a number, but the "." of "c.300MW" ("circa") is not a decimal point.
#: "48,2 %" and "EUR 214,6m" (a decimal comma, as European issuers write) come after the
#: thousands form, which needs three digits after each comma, so "1,250" stays 1250.
_NUM: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3},\d{1,2}(?![\d,])|\d+(?:\.\d+)?|(?<![A-Za-z])\.\d+"
_DECIMAL_COMMA: Final = re.compile(r"\d{1,3},\d{1,2}")
_WORDNUMS: Final = {
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "eleven": 11.0,
    "twelve": 12.0,
}
_WORDNUM: Final = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

SCALES: Final[dict[str, float]] = {
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mm": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}

# A spelled number takes only the written-out "percentage points" ("five percentage points");
# "pts", "pp" and "percent points" follow digits only ("5 pts"), as abbreviations do.
# Numbers are atomic groups `(?>…)` except in the bare alternative: a shorter reading of
# a number is always followed by a digit, "," or "." (it is a prefix of the longest one),
# which no unit can start with, so only the longest reading can succeed; not trying the
# others saves the engine from re-reading every digit run (e.g. the "2026" of "FY2026").
_ATOM_SOURCE: Final = (
    r"""
    (?P<usd>
        (?P<cur>(?<![A-Za-z])(?i:US\s?\$|U\.S\.\s?\$|USD\s?\$?)|\$)\s?
        (?P<mnum>(?>"""
    + _NUM
    + "|"
    + _WORDNUM
    + r"""))
        (?:\s?(?P<mscale>(?i:trillion|billion|million|thousand|bn|bln|mn|mln|tn))\b
          |(?P<mscale2>MM|mm|[MBKmbkT])(?![\w$]))?
      | (?P<mnum2>(?>"""
    + _NUM
    + "|"
    + _WORDNUM
    + r"""))[\s-]?(?P<mscale3>(?i:trillion|billion|million))
        (?:\s+|-)(?i:(?:US\s+|U\.S\.\s+)?dollars?)\b
    )
  | (?P<percent>
        \(\s?(?P<pparen>(?>"""
    + _NUM
    + r"""))\s?\)\s?(?:%|(?i:percent|per\s+cent)\b)
      | \(\s?(?P<pparen2>(?>"""
    + _NUM
    + r"""))\s?%\s?\)
      | (?P<pnum>(?>"""
    + _NUM
    + r"""))\s?(?:%|(?i:percent|per\s+cent|pct)\b)(?!\s?(?i:points?|pts?)\b)
    )
  | (?P<pp>(?P<ppnum>(?>"""
    + _NUM
    + "|"
    + _WORDNUM
    + r"""))\s?(?i:percentage[\s-]points?|(?:(?<=\d)|(?<=\d\s))(?:percent(?:age)?\s+points?|pts?|pp))\b)
  | (?P<bp>(?P<bpnum>(?>"""
    + _NUM
    + r"""))\s?(?i:basis[\s-]points?|bps|bp)\b)
  | (?P<mw>
        (?P<wnum>(?>"""
    + _NUM
    + "|"
    + _WORDNUM
    + r"""))[\s-]?
        (?P<wunit>(?i:megawatts?|gigawatts?|kilowatts?)(?![\s-]?(?i:hours?))|MW|GW|kW|KW|Mw)(?![\w])
    )
  | (?P<bare>(?<![\w.,])(?P<bnum>"""
    + _NUM
    + r""")(?:\s?(?P<bscale>(?i:trillion|billion|million)\b|(?<=\d)(?:bn|mn|[MBm])(?!\w)))?(?![\w%]))
    """
)


#: `_NUM` as the scans write it, the same readings in the same order, only quicker for `re` to
#: reject: the thousands and decimal-comma forms share their "ddd," (a run of one to three digits
#: followed by a comma can end at one place only, so trying the first form's every length before
#: the second's tries nothing the shared prefix misses), and the optional decimals are an
#: alternation with an empty branch (`(?:\.\d+|)` is `(?:\.\d+)?`, but `re` skips the branch on
#: its first character instead of entering a repeat).
_DECIMALS: Final = r"(?:\.\d+|)"
_NUM_SCAN: Final = (
    r"\d{1,3},(?:\d{3}(?:,\d{3})*" + _DECIMALS + r"|\d{1,2}(?![\d,]))"
    r"|\d+" + _DECIMALS + r"|(?<![A-Za-z])\.\d+"
)
#: `_NUM_SCAN` after its first character, which the digits scan has already read (`_digits_first`):
#: a digit, or the "." of ".5" (with the reference's look-behind moved back over it).
_NUM_REST: Final = (
    r"(?<=\d)(?:\d{0,2},(?:\d{3}(?:,\d{3})*" + _DECIMALS + r"|\d{1,2}(?![\d,]))|\d*" + _DECIMALS + r")"
    r"|(?<![A-Za-z]\.)(?<=\.)\d+"
)
#: The units after a number, behind a look-ahead for the first character one can start with
#: (optional space or hyphen, then "%" or the first letter of a unit; "\u212a", the Kelvin sign, is
#: a "k" to IGNORECASE): most numbers ("2026 revenue") fail it at once instead of in each alternative.
_UNITS_AFTER_NUMBER: Final = r"""(?=[\s-]?[%tTbBmMpPgGkK\u212a])(?:
        (?P<usd_n>[\s-]?(?P<mscale3>(?i:trillion|billion|million))(?:\s+|-)(?i:(?:US\s+|U\.S\.\s+)?dollars?)\b)
      | (?P<percent_n>\s?(?:%|(?i:percent|per\s+cent|pct)\b)(?!\s?(?i:points?|pts?)\b))
      | (?P<pp_n>\s?(?i:percentage[\s-]points?|percent(?:age)?\s+points?|pts?|pp)\b)
      | (?P<bp_n>\s?(?i:basis[\s-]points?|bps|bp)\b)
      | (?P<mw_n>[\s-]?
          (?P<wunit>(?i:megawatts?|gigawatts?|kilowatts?)(?![\s-]?(?i:hours?))|MW|GW|kW|KW|Mw)(?![\w]))
    )"""
#: A money amount's scale, then a bare number's ("|)" as in `_DECIMALS`).
_MONEY_SCALE: Final = r"""(?:\s?(?P<mscale>(?i:trillion|billion|million|thousand|bn|bln|mn|mln|tn))\b
          |(?P<mscale2>MM|mm|[MBKmbkT])(?![\w$])|)"""
#: The bare scale opens with a look-ahead for its first letter: most bare numbers ("2026 revenue") fail
#: it at once instead of in each alternative. (No other character matches these letters under
#: IGNORECASE, as the long s does "s".)
_BARE_SCALE: Final = (
    r"(?:(?=\s?[tTbBmM])\s?(?P<bscale>(?i:trillion|billion|million)\b|(?<=\d)(?:bn|mn|[MBm])(?!\w))|)"
)


#: `_ATOM_SOURCE` is the reference reading. The scans use `_factored(...)`, which finds the same
#: atoms with each number read once: a digit run is parsed by one atomic group and then the unit
#: alternatives are tried after it, where the reference re-parses the number in each of its five
#: alternatives (a quarter of the atom scan). The unit alternatives keep the reference's order,
#: and every number in them is atomic there too, so the first alternative to succeed is the same;
#: the bare alternative stays whole because its number may backtrack. Spelled numbers ("two
#: gigawatts") get their own branch, with the units the reference allows them.
def _factored(words: bool) -> str:
    """The atom pattern with its numbers read once; `words`: also spelled numbers."""
    spelled = "|" + _WORDNUM if words else ""
    source = (
        r"""
    (?P<usd>
        (?P<cur>(?<![A-Za-z])(?i:US\s?\$|U\.S\.\s?\$|USD\s?\$?)|\$)\s?
        (?P<mnum>(?>"""
        + _NUM_SCAN
        + spelled
        + r"""))
        """
        + _MONEY_SCALE
        + r"""
    )
  | (?P<percent>
        \(\s?(?P<pparen>(?>"""
        + _NUM_SCAN
        + r"""))\s?\)\s?(?:%|(?i:percent|per\s+cent)\b)
      | \(\s?(?P<pparen2>(?>"""
        + _NUM_SCAN
        + r"""))\s?%\s?\)
    )
  | (?P<n>(?>"""
        + _NUM_SCAN
        + r"""))"""
        + _UNITS_AFTER_NUMBER
    )
    source += (
        r"""
  | (?P<bare>(?<![\w.,])(?P<bnum>"""
        + _NUM_SCAN
        + r""")"""
        + _BARE_SCALE
        + r"""(?![\w%]))"""
    )
    if words:
        # After the bare branch, so that both patterns number their shared groups alike: no
        # spelled number starts where a bare one can.
        source += (
            r"""
  | (?P<w>(?>"""
            + _WORDNUM
            + r"""))(?:
        (?P<usd_w>[\s-]?(?P<wscale3>(?i:trillion|billion|million))(?:\s+|-)(?i:(?:US\s+|U\.S\.\s+)?dollars?)\b)
      | (?P<pp_w>\s?(?i:percentage[\s-]points?)\b)
      | (?P<mw_w>[\s-]?
          (?P<wunit2>(?i:megawatts?|gigawatts?|kilowatts?)(?![\s-]?(?i:hours?))|MW|GW|kW|KW|Mw)(?![\w]))
    )"""
        )
    return source + "\n"


#: `_factored(False)` with its first character read before the branches, as one class: `re` then
#: skips every position that cannot start an atom in a tight loop, where a leading look-ahead
#: costs a full match attempt at each (a third of the scan). Each branch first checks, looking
#: back, that the character read is one it starts with, and reads on from there; the groups are
#: the same, in the same order, but "n" and "bnum" lack the number's first character
#: (`find_atoms` puts it back). The branches cannot start with the same character (money with
#: "$" or "U", brackets with "(", numbers with a digit or "."), so their order is moot.
#: The money and bracket branches sit behind one look-back for "$", "U" or "(": a number (most
#: attempts) fails it once instead of each of their three look-backs (6% of the scan). `digit` is
#: the class of a number's first digit: `\d`, or `0-9` for the `re.ASCII` twin, where it means the
#: same and lets `re` test the whole leading class as one bitmap (6% of the scan).
def _digits_first(digit: str) -> str:
    """The digits-only atom pattern, its first character read before the branches."""
    return (
        "["
        + digit
        + r"""$(.U](?:
  (?<=[$U(])(?:
    (?P<usd>
        (?P<cur>(?<=\$)|(?<=U)(?<![A-Za-z]U)(?i:S\s?\$|\.S\.\s?\$|SD\s?\$?))\s?
        (?P<mnum>(?>"""
        + _NUM_SCAN
        + r"""))
        """
        + _MONEY_SCALE
        + r"""
    )
  | (?P<percent>
        (?<=\()\s?(?P<pparen>(?>"""
        + _NUM_SCAN
        + r"""))\s?\)\s?(?:%|(?i:percent|per\s+cent)\b)
      | (?<=\()\s?(?P<pparen2>(?>"""
        + _NUM_SCAN
        + r"""))\s?%\s?\)
    ))
  | (?P<n>(?>"""
        + _NUM_REST
        + r"""))"""
        + _UNITS_AFTER_NUMBER
        + r"""
  | (?P<bare>(?<![\w.,].)(?P<bnum>"""
        + _NUM_REST
        + r""")"""
        + _BARE_SCALE
        + r"""(?![\w%]))
)
"""
    )


#: A spelled number after its first two letters, which `_words_first` reads before it: each
#: alternative opens on its third letter (a class, on which `re` skips an alternative at once) and
#: checks the first two looking back. Spelled in classes: the pattern is for ASCII text only, where
#: `[eE]` is what IGNORECASE makes of "e". No two alternatives match at one place.
_SPELLED_TAIL: Final = (
    r"[eE](?<=[oO][nN].)"  # one
    r"|[oO](?<=[tT][wW].)"  # two
    r"|[eE][lL][vV][eE](?<=[tT][wW]....)"  # twelve
    r"|[rR][eE][eE](?<=[tT][hH]...)"  # three
    r"|[uU][rR](?<=[fF][oO]..)"  # four
    r"|[vV][eE](?<=[fF][iI]..)"  # five
    r"|[xX](?<=[sS][iI].)"  # six
    r"|[gG][hH][tT](?<=[eE][iI]...)"  # eight
    r"|[nN][eE](?<=[nN][iI]..)"  # nine
    r"|[vV][eE][nN](?<=[sS][eE]...)"  # seven
    r"|[nN](?<=[tT][eE].)"  # ten
    r"|[eE][vV][eE][nN](?<=[eE][lL]....)"  # eleven
)


#: `_factored(True)` for ASCII text the way `_digits_first` reads digits: its first character read
#: before the branches, as one class (the scan behind `prefix.guard` tried a match at every
#: position: 15.3 M instructions over the spelled-unit sentences of 300 KB of samples, now 7.4 M).
#: The class adds the first letters of the spelled numbers and a lower-case "u" ("usd 5", which
#: IGNORECASE reads). A letter goes past the figures' branches on one look-back and reaches the
#: spelled numbers' branch, which reads the second letter as a class (most letters go no further)
#: and leaves "w" its third letter on (`find_atoms` puts back the first two). The groups are
#: `_ATOM`'s, in the same order.
def _words_first() -> str:
    """The atom pattern with spelled numbers, for ASCII text, its first character read first."""
    return (
        r"""[0-9$(.UuoOtTfFsSeEnN](?:
  (?<=[$Uu(0-9.])(?:(?<=[$Uu(])(?:
    (?P<usd>
        (?P<cur>(?<=\$)|(?<=[Uu])(?<![A-Za-z][Uu])(?i:S\s?\$|\.S\.\s?\$|SD\s?\$?))\s?
        (?P<mnum>(?>"""
        + _NUM_SCAN
        + "|"
        + _WORDNUM
        + r"""))
        """
        + _MONEY_SCALE
        + r"""
    )
  | (?P<percent>
        (?<=\()\s?(?P<pparen>(?>"""
        + _NUM_SCAN
        + r"""))\s?\)\s?(?:%|(?i:percent|per\s+cent)\b)
      | (?<=\()\s?(?P<pparen2>(?>"""
        + _NUM_SCAN
        + r"""))\s?%\s?\)
    ))
  | (?P<n>(?>"""
        + _NUM_REST
        + r"""))"""
        + _UNITS_AFTER_NUMBER
        + r"""
  | (?P<bare>(?<![\w.,].)(?P<bnum>"""
        + _NUM_REST
        + r""")"""
        + _BARE_SCALE
        + r"""(?![\w%])))
  | [nNwWhHoOiIeElL](?P<w>"""
        + _SPELLED_TAIL
        + r""")(?:
        (?P<usd_w>[\s-]?(?P<wscale3>(?i:trillion|billion|million))(?:\s+|-)(?i:(?:US\s+|U\.S\.\s+)?dollars?)\b)
      | (?P<pp_w>\s?(?i:percentage[\s-]points?)\b)
      | (?P<mw_w>[\s-]?
          (?P<wunit2>(?i:megawatts?|gigawatts?|kilowatts?)(?![\s-]?(?i:hours?))|MW|GW|kW|KW|Mw)(?![\w]))
    )
)
"""
    )


_ATOM_WORDS_SOURCE: Final = _factored(True)
_ATOM_DIGITS_SOURCE: Final = _digits_first(r"\d")
#: With the `prefix.guard` look-ahead: most positions (letters, spaces) are rejected at once.
_ATOM: Final = re.compile(
    guard(_ATOM_WORDS_SOURCE, re.VERBOSE, 2) + "(?:" + _ATOM_WORDS_SOURCE + ")", re.VERBOSE
)
#: Without spelled-out numbers: much faster to scan, used when no "two gigawatts"-style words occur.
#: Its leading class lets the engine skip every position that cannot start an atom.
_ATOM_DIGITS: Final = re.compile(_ATOM_DIGITS_SOURCE, re.VERBOSE)
#: Both again for ASCII text, where re.ASCII classes mean the same and are checked faster, and where
#: the spelled numbers are read first-character-first too (`_words_first`).
_ATOM_ASCII: Final = re.compile(_words_first(), re.VERBOSE | re.ASCII)
_ATOM_DIGITS_ASCII: Final = re.compile(_digits_first("0-9"), re.VERBOSE | re.ASCII)
#: The reference alternative each branch of the factored patterns stands for.
ATOM_KIND: Final[dict[str, AtomKind]] = {
    "usd": "usd",
    "usd_n": "usd",
    "usd_w": "usd",
    "percent": "percent",
    "percent_n": "percent",
    "pp_n": "pp",
    "pp_w": "pp",
    "bp_n": "bp",
    "mw_n": "mw",
    "mw_w": "mw",
    "bare": "bare",
}

# Group numbers, the same in all four patterns for the groups they share.
_G_MNUM: Final = _ATOM.groupindex["mnum"]
_G_MSCALE: Final = _ATOM.groupindex["mscale"]
_G_MSCALE2: Final = _ATOM.groupindex["mscale2"]
_G_PPAREN: Final = _ATOM.groupindex["pparen"]
_G_PPAREN2: Final = _ATOM.groupindex["pparen2"]
_G_N: Final = _ATOM.groupindex["n"]
_G_MSCALE3: Final = _ATOM.groupindex["mscale3"]
_G_WUNIT: Final = _ATOM.groupindex["wunit"]
_G_W: Final = _ATOM.groupindex["w"]
_G_WSCALE3: Final = _ATOM.groupindex["wscale3"]
_G_WUNIT2: Final = _ATOM.groupindex["wunit2"]
assert _ATOM_ASCII.groupindex == _ATOM.groupindex
assert all(
    p.groupindex[k] == v
    for p in (_ATOM_DIGITS, _ATOM_DIGITS_ASCII)
    for k, v in _ATOM.groupindex.items()
    if k in p.groupindex
)
_G_BSCALE: Final = _ATOM.groupindex["bscale"]
_G_BNUM: Final = _ATOM.groupindex["bnum"]

_RANGE_SEP: Final = re.compile(r"\s*(?:[–—-]|to|through|and)\s*", re.IGNORECASE)
#: "…, plus or minus 50 basis points", "± $10 million", "+/- 2%"; with `resp`, one tolerance shared by
#: a list of figures: "73.9% and 74.5%, respectively, plus or minus 50 basis points".
_PLUS_MINUS: Final = re.compile(
    r",?\s*(?P<resp>respectively\s*,?\s*)?(?:plus\s+or\s+minus|plus\s*/\s*minus|\+/-|±|\+/−|give\s+or\s+take)\s*",
    re.IGNORECASE,
)
#: Between two figures of one list: "73.9%, 74.5%", "73.9% and 74.5%", "$4.3 billion, and $2.9 billion".
_LIST_LINK: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
#: The characters a `_RANGE_SEP` gap can start with after its spaces (IGNORECASE matches "t" and
#: "a" with their capitals only): a gap starting otherwise ("up from", a comma) skips the engine.
#: (An empty gap passes the `in` test and fails the pattern.)
_RANGE_SEP_FIRSTS: Final = "-–—tTaA"
#: Likewise for `_PLUS_MINUS` after its comma and spaces ("plus", "+/-", "±", "give", "respectively").
_PLUS_MINUS_FIRSTS: Final = "pP+±gGrR"
_SIGN_BEFORE: Final = CasePattern(r"(?:\b(?P<neg>negative|minus)|\b(?P<pos>positive|plus))\s+$")
_BETWEEN_BEFORE: Final = re.compile(
    r"\bbetween\s+(?:(?:negative|minus|positive|plus)\s+)?[-−]?$|\bbetween\s+$", re.IGNORECASE
)
_FROM_BEFORE: Final = re.compile(r"\bfrom\s+(?:(?:negative|minus)\s+)?$", re.IGNORECASE)
_RANGING_FROM: Final = re.compile(
    r"\brang(?:e|es|ed|ing)\s+from\s+(?:(?:negative|minus)\s+)?$", re.IGNORECASE
)

_AT_LEAST: Final = (
    r"more\s+than|over|in\s+excess\s+of|at\s+least|exceeding|upwards\s+of|greater\s+than|north\s+of|"
    r"no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum\s+of|above|beyond|surpassing|"
    r"stay\s+above|remain\s+above|exceed|exceeds|crossing|cross"
)
#: A threshold passed: "contracted power exceeded 2 gigawatts", "backlog topped $5 billion". The verb
#: bounds the figure but stays outside its span (readers of the words before it, such as a milestone
#: "crossed … for the first time", still see it).
_PASSED: Final = (
    r"(?:exceeded|surpassed|surpasses|surpass|topped|tops|topping|crossed|crosses|eclipsed)(?:\s+the)?"
)
_AT_MOST: Final = (
    r"up\s+to|less\s+than|under|at\s+most|no\s+more\s+than|not\s+more\s+than|below|as\s+much\s+as|"
    r"a\s+maximum\s+of|maximum\s+of|not\s+to\s+exceed|not\s+exceeding|as\s+high\s+as|as\s+many\s+as|"
    r"fewer\s+than|just\s+under|a\s+little\s+under"
)
_APPROX: Final = (
    r"approximately|approx\.?|about|around|roughly|nearly|almost|some|close\s+to|circa|"
    r"an\s+estimated|estimated|c\.|~|≈|just\s+over|just\s+above|a\s+little\s+over|in\s+the\s+region\s+of|"
    r"on\s+the\s+order\s+of|an\s+approximate|approximate"
)
_BOUND_BEFORE: Final = CasePattern(
    r"(?:(?P<least>\b(?:"
    + _AT_LEAST
    + r"))|(?P<passed>\b(?:"
    + _PASSED
    + r"))|(?P<most>\b(?:"
    + _AT_MOST
    + r"))|(?P<approx>(?:\b|(?=[~≈]))(?:"
    + _APPROX
    + r")))\s*(?:(?:negative|minus)\s+)?$",
)
#: The last word of every `_BOUND_BEFORE` match (see `folding.may_end_with`).
_BOUND_WORDS: Final[tuple[str, ...]] = (
    "than", "over", "of", "least", "exceeding", "above", "beyond", "surpassing", "exceed", "exceeds",
    "crossing", "cross", "exceeded", "surpassed", "surpasses", "surpass", "topped", "tops", "topping",
    "crossed", "crosses", "eclipsed", "the",
    "to", "under", "most", "below", "as", "approximately", "approx", "approx.", "about", "around",
    "roughly", "nearly", "almost", "some", "circa", "estimated", "c.", "~", "≈", "approximate",
    "negative", "minus",
)  # fmt: skip
#: `_BOUND_WORDS` by their last character (see `_may_bound_before`).
_BOUND_WORDS_BY_LAST: Final[dict[str, tuple[str, ...]]] = {
    last: tuple(w for w in _BOUND_WORDS if w[-1] == last) for last in {w[-1] for w in _BOUND_WORDS}
}
#: The bound words that end a bound phrase only after certain words, with those words (each written
#: after whitespace or `\b`, and followed by whitespace, in `_BOUND_BEFORE`): "in excess of",
#: "north of", "up to", "close to", "as much as", "exceeded the".
_BOUND_LEADS: Final[dict[str, tuple[tuple[str, ...], frozenset[str]]]] = {
    word: (leads, frozenset(leads))
    for word, leads in (
        ("of", ("excess", "upwards", "minimum", "north", "maximum", "region", "order")),
        ("to", ("up", "close")),
        ("as", ("much", "high", "many")),
        (
            "the",
            (
                "exceeded", "surpassed", "surpasses", "surpass", "topped", "tops", "topping", "crossed",
                "crosses", "eclipsed",
            ),
        ),
    )
}  # fmt: skip
_SIGN_WORDS: Final[tuple[str, ...]] = ("negative", "minus", "positive", "plus")
#: Words written after `\b` or whitespace in the pattern; "negative"/"minus" may follow a bound
#: word with no space (`\s*`) and "~", "≈" are no word characters.
_BOUND_WHOLE: Final = frozenset(_BOUND_WORDS) - {"negative", "minus", "~", "≈"}
_SIGN_WHOLE: Final = frozenset(_SIGN_WORDS)
#: Comparison signs written before a figure, with the bound each gives (`_bound`).
_BOUND_SIGNS: Final[tuple[tuple[str, QBound], ...]] = (
    (">=", "at_least"), ("≥", "at_least"), ("<=", "at_most"), ("≤", "at_most"), (">", "at_least"),
    ("<", "at_most"),
)  # fmt: skip
_BOUND_SIGN_TAILS: Final[tuple[str, ...]] = (
    ">=", ">= ", "≥", "≥ ", "<=", "<= ", "≤", "≤ ", ">", "> ", "<", "< ",
)  # fmt: skip
#: What before a lone ">" or "<" makes it an arrow or markup, not a comparison sign: "->", "=>", "<<".
_NOT_BEFORE_SIGN: Final = frozenset("-=<>–—")
_BOUND_AFTER: Final = re.compile(
    r"\s*(?:(?P<least>or\s+(?:more|greater|higher|above)|\+|plus\b(?!\s+or))|(?P<most>or\s+(?:less|lower|below|fewer)))",
)


class Atom(Record):
    """One number as written, before ranges are merged."""

    __slots__ = ("end", "kind", "scaled", "start", "value")

    kind: AtomKind
    value: float
    start: int
    end: int
    scaled: bool  # money with a scale word, or a unit that was given explicitly

    def __init__(self, kind: AtomKind, value: float, start: int, end: int, scaled: bool) -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.scaled = scaled

    def _key(self) -> tuple[object, ...]:
        return (self.kind, self.value, self.start, self.end, self.scaled)


class Quantity(Record):
    """A normalised single value or range with where it sits in the sentence.

    `foreign`: an amount in another dollar ("A$450 million", "S$1.2 billion") with no US-dollar
    translation beside it. It is read as any amount is (its words and its place in the sentence
    still shape the figures around it) but gives no fact: it is no US-dollar figure, as "AUD 450
    million" is none.
    """

    __slots__ = ("bound", "end", "foreign", "high", "is_range", "low", "start", "unit")

    unit: QUnit
    low: float
    high: float
    start: int
    end: int
    bound: QBound
    is_range: bool
    foreign: bool

    def __init__(
        self,
        unit: QUnit,
        low: float,
        high: float,
        start: int,
        end: int,
        bound: QBound,
        is_range: bool,
        foreign: bool = False,
    ) -> None:
        self.unit = unit
        self.low = low
        self.high = high
        self.start = start
        self.end = end
        self.bound = bound
        self.is_range = is_range
        self.foreign = foreign

    def _key(self) -> tuple[object, ...]:
        # (`foreign` follows from the text at `start`: two quantities of one sentence differ without it.)
        return (self.unit, self.low, self.high, self.start, self.end, self.bound, self.is_range)

    @property
    def value(self) -> float:
        return (self.low + self.high) / 2


def parse_number(raw: str) -> float:
    """`1,200.5` -> 1200.5; `48,2` -> 48.2; `two` -> 2.0 (the small word numbers the atom pattern allows)."""
    if "," not in raw and (raw[:1].isdigit() or raw[:1] == "."):
        return float(raw)  # the usual "193.4": no word to look up, no comma to remove
    word = _WORDNUMS.get(raw.lower())
    if word is not None:
        return word
    if "," in raw and _DECIMAL_COMMA.fullmatch(raw):
        return float(raw.replace(",", "."))
    return float(raw.replace(",", ""))


def _power_factor(unit: str) -> float:
    u = unit.lower()
    if u.startswith("g"):
        return 1000.0
    if u.startswith("k"):
        return 0.001
    return 1.0


def find_atoms(text: str, low: str | None = None) -> list[Atom]:
    """Every number-with-unit (and bare number) in `text`, left to right (`low`: `text.lower()`)."""
    atoms: list[Atom] = []
    if low is None:
        low = text.lower()
    # Spelled-out figures are read where a spelled unit calls for them ("two gigawatts", "five
    # percentage points", "twelve billion dollars"); a spelled figure before an abbreviation ("two
    # GW") is not, as writers put digits there (screening for it cost 0.5% of extraction).
    wordy = "watt" in low or "percentage" in low or "dollars" in low
    # All but the non-ASCII spelled-number scan read an atom's first character before its groups
    # (see `_digits_first`, `_words_first`).
    if text.isascii():
        pattern = _ATOM_ASCII if wordy else _ATOM_DIGITS_ASCII
        cut = True
    else:
        pattern = _ATOM if wordy else _ATOM_DIGITS
        cut = not wordy
    for m in pattern.finditer(text):
        # Each branch is one outer named group closed last, so `lastgroup` names the one that
        # matched; the groups it needs are read by number (cheaper than by name, or than building
        # the tuple of all of them).
        kind = m.lastgroup
        start, end = m.span()
        if kind == "percent_n":
            raw = _read_back(text, start, m[_G_N], cut)
            atoms.append(Atom("percent", parse_number(raw), start, end, True))
        elif kind == "bare":
            bscale = m[_G_BSCALE]
            factor = SCALES[bscale.lower()] if bscale else 1.0
            raw = _read_back(text, start, m[_G_BNUM], cut)
            atoms.append(Atom("bare", parse_number(raw) * factor, start, end, bool(bscale)))
        elif kind == "usd":
            raw = m[_G_MNUM]
            scale_word = m[_G_MSCALE] or m[_G_MSCALE2]
            if scale_word is None and raw.lower() in _WORDNUMS:
                continue  # "$ one" is not how money is written
            factor = SCALES[scale_word.lower()] if scale_word else 1.0
            atoms.append(Atom("usd", parse_number(raw) * factor, start, end, scale_word is not None))
        elif kind == "mw_n":
            raw = _read_back(text, start, m[_G_N], cut)
            value = parse_number(raw) * _power_factor(m[_G_WUNIT])
            atoms.append(Atom("mw", value, start, end, True))
        elif kind == "usd_n":
            raw = _read_back(text, start, m[_G_N], cut)
            atoms.append(Atom("usd", parse_number(raw) * SCALES[m[_G_MSCALE3].lower()], start, end, True))
        elif kind == "percent":
            paren = m[_G_PPAREN] or m[_G_PPAREN2]
            if m[_G_PPAREN2] is not None and _PRIOR_BRACKET_BEFORE.search(text, max(0, start - 24), start):
                # "Gross margin was 38.6% (34.9%)", "13.5% of revenue (4.6%)": the prior period's figure
                # in brackets after this one's, not an accounting negative (which reads "(3.0)%").
                atoms.append(Atom("percent", parse_number(paren), start, end, True))
                continue
            atoms.append(Atom("percent", -parse_number(paren), start, end, True))
        elif kind == "pp_n":
            raw = _read_back(text, start, m[_G_N], cut)
            atoms.append(Atom("pp", parse_number(raw), start, end, True))
        elif kind == "bp_n":
            raw = _read_back(text, start, m[_G_N], cut)
            atoms.append(Atom("bp", parse_number(raw), start, end, True))
        elif kind == "usd_w":
            raw = _spelled_back(text, start, m[_G_W], cut)
            atoms.append(Atom("usd", parse_number(raw) * SCALES[m[_G_WSCALE3].lower()], start, end, True))
        elif kind == "pp_w":
            atoms.append(Atom("pp", parse_number(_spelled_back(text, start, m[_G_W], cut)), start, end, True))
        elif kind == "mw_w":
            value = parse_number(_spelled_back(text, start, m[_G_W], cut)) * _power_factor(m[_G_WUNIT2])
            atoms.append(Atom("mw", value, start, end, True))
    return atoms


def _read_back(text: str, start: int, rest: str, cut: bool) -> str:
    """A number as written: with `cut`, its group lacks the first character (see `_digits_first`)."""
    return text[start] + rest if cut else rest


def _spelled_back(text: str, start: int, rest: str, cut: bool) -> str:
    """A spelled number as written: with `cut`, its group lacks the first two letters (`_words_first`)."""
    return text[start : start + 2] + rest if cut else rest


def _signed(text: str, atom: Atom) -> tuple[float, int]:
    """Apply a sign written before the atom ("negative 21%", "-6.4%"); return value and new start."""
    if atom.start > 0 and text[atom.start - 1].isspace():
        # (A sign word is followed by whitespace: no other atom needs the window.)
        before = text[max(0, atom.start - 12) : atom.start]
        m = _SIGN_BEFORE.search_str(before) if _may_sign_before(before) else None
        if m:
            start = atom.start - (len(before) - m.start())
            if m.group("neg"):
                return -abs(atom.value), start
            return abs(atom.value), start
    elif (
        atom.start > 0
        and text[atom.start - 1] in "-−"
        and (atom.start == 1 or not text[atom.start - 2].isalnum())
    ):
        # A leading minus written against the number; a range dash has a number before it.
        prev = text[max(0, atom.start - 3) : atom.start - 1]
        if not _NUMBER_END.search(prev):
            return -abs(atom.value), atom.start - 1
    return atom.value, atom.start


def _may_sign_before(before: str) -> bool:
    """Can `_SIGN_BEFORE` match `before`? False means surely not: a sign word and whitespace end it,
    and every sign word ends in "e" or "s" (on ASCII the only letters IGNORECASE matches them with;
    any other last character goes to `may_end_with`)."""
    if not before[-1:].isspace():
        return False
    k = len(before) - 2  # the last character before the trailing whitespace
    while k >= 0 and before[k].isspace():
        k -= 1
    if k < 0 or (ord(before[k]) < 128 and before[k] not in "eEsS"):
        return False
    return may_end_with(before, _SIGN_WORDS, True, _SIGN_WHOLE)


def _scale_like(first: Atom, second: Atom) -> float:
    """A range written `$855–$865 million` carries the second end's scale to the first."""
    if first.kind == "usd" and second.kind == "usd" and not first.scaled and second.scaled:
        for factor in (1e12, 1e9, 1e6, 1e3):
            if abs(second.value) >= factor:
                scaled = first.value * factor
                if scaled <= abs(second.value) * 1.0001 or first.value < 1000:
                    return scaled
    return first.value


def _bound(text: str, start: int, end: int, floor: int) -> tuple[QBound, int, int]:
    before = text[max(floor, start - 40) : start]
    if before[-1:] == "-" and before[-2:-1].isalpha():
        # "the over-180 MW load": a bound word hyphenated to the figure reads as one written apart
        # (a range's dash has a digit before it).
        before = before[:-1] + " "
    tail2 = before[-2:]
    if ("=" in tail2 or "≥" in tail2 or "≤" in tail2 or ">" in tail2 or "<" in tail2) and before.endswith(
        _BOUND_SIGN_TAILS
    ):
        # "Adj. gross margin >= 72%", "≤ 1.5x", "Target: >1 GW": a slide's comparison sign is the bound
        # word (each sign ends in "=", "≥", "≤", ">" or "<", a space at most after it: a cheap test
        # rules most out). An arrow ("200 -> 300 MW") or a doubled sign is no bound.
        tail = before.rstrip()
        for sign, sign_bound in _BOUND_SIGNS:
            if tail.endswith(sign):
                if len(sign) == 1 and tail[-2:-1] in _NOT_BEFORE_SIGN:
                    break
                return sign_bound, start - (len(before) - len(tail) + len(sign)), end
    m = _BOUND_BEFORE.search_str(before) if _may_bound_before(before) else None
    if m:
        new_start = start - (len(before) - m.start())
        if m.group("passed"):
            return "at_least", start, end
        if m.group("least"):
            return "at_least", new_start, end
        if m.group("most"):
            return "at_most", new_start, end
        return "approx", new_start, end
    stop = min(len(text), end + 14)
    after = _BOUND_AFTER.match(text, end, stop) if may_bound_after(text, end, stop) else None
    if after:
        return ("at_least" if after.group("least") else "at_most"), start, after.end()
    return "exact", start, end


def _may_bound_before(before: str) -> bool:
    """Can `_BOUND_BEFORE` match `before`? False means surely not.

    On ASCII text this is `may_end_with` written out over only the bound words ending in the
    window's last character (lower-cased, which on ASCII is what IGNORECASE does; the other words
    can end no match), and a window ending in "of", "to", "as" or "the" must also have one of the
    words that come before those in a bound phrase (`_BOUND_LEADS`): "revenue of", "grew to",
    "by the" end in a bound word but in no bound phrase, and were most of the windows searched.
    """
    if not before.isascii():
        return may_end_with(before, _BOUND_WORDS, False, _BOUND_WHOLE)
    stripped = before.rstrip()
    words = _BOUND_WORDS_BY_LAST.get(stripped[-1:].lower())
    if words is None:
        return False
    low = stripped[-20:].lower()
    for word in words:
        if not low.endswith(word):
            continue
        if word in _BOUND_WHOLE:
            k = len(stripped) - len(word) - 1
            if k >= 0 and (stripped[k].isalnum() or stripped[k] == "_"):
                continue  # "was" does not end with the word "as"
        lead = _BOUND_LEADS.get(word)
        if lead is None:
            return True
        # Only `word` itself among the bound words ends so: the phrase is a lead, space, `word`.
        return may_end_with(stripped[: len(stripped) - len(word)], lead[0], True, lead[1])
    return False


def may_bound_after(text: str, end: int, stop: int) -> bool:
    """Can `_BOUND_AFTER` match at `end`? After any spaces it starts with "o" ("or more"), "+" or
    "p" ("plus"); most figures are followed by none, and this says so without the engine."""
    return text[end:stop].lstrip()[:1] in ("o", "+", "p")


_UNIT_OF: Final[dict[str, QUnit]] = {"usd": "usd", "percent": "percent", "mw": "mw"}

#: Every money, percent or power atom contains one of these (lower-cased): "$", "USD",
#: "dollars", "%", "percent"/"per cent", "pct", "MW"/"GW"/"kW", "…watts".
_UNIT_HINTS: Final[tuple[str, ...]] = (
    "$", "%", "usd", "dollar", "cent", "pct", "watt", "mw", "gw", "kw", "illion",
)  # fmt: skip


def _may_have_unit(text: str, low: str) -> bool:
    """False when `text` surely has no quantity: most dated sentences skip the atom scan.

    Only numbers with a unit become quantities (a bare number only as one end of a
    range with one), so a sentence without any unit spelling has none. A long s
    ("ſ") can stand for "s" in IGNORECASE matches, so such text is always scanned.
    `low` is `text.lower()`.
    """
    return any(hint in low for hint in _UNIT_HINTS) or "ſ" in text


def _is_change_from(text: str, first: Atom, floor: int) -> bool:
    """`from $300 million to $750 million` is a change, not a range.

    It *is* a range when the new value was already given before `from`
    ("raised guidance to $1.23–$1.27 billion, from $1.12 billion to $1.17 billion
    previously"), or when `previously` follows.
    """
    before = text[max(floor, first.start - 20) : first.start]
    if not _FROM_BEFORE.search(before):
        return False
    if "rang" in before and _RANGING_FROM.search(before):
        # "a cost ranging from $9 to $11 million per MW": the ends of a range, no change.
        return False
    clause_start = max(floor, text.rfind(",", 0, first.start - 1) + 1, text.rfind(";", 0, first.start) + 1)
    earlier = text[max(0, clause_start - 120) : first.start]
    if _RE_BTO_APPROXIMATELY_ABOUT.search(earlier[:-20] if len(earlier) > 20 else ""):
        return False
    if _RANGE_THEN_FROM.search(text, max(0, first.start - 48), first.start):
        # "cut its outlook to 31% to 33% from 35% to 37%": the new range was given right before `from`.
        return False
    tail = text[first.end : first.end + 60]
    return not _RE_TO_MILLION_BILLION.search(tail)


_CHANGE_VERB_BEFORE: Final = re.compile(
    r"\b(?:increased|decreased|rose|grew|fell|declined|climbed|dropped|jumped|gained|expanded|added)\s+"
    r"(?:by\s+)?(?:(?:approximately|about|roughly|around|nearly|some|another|an\s+additional)\s+)?$",
    re.IGNORECASE,
)


def _is_change_then_level(text: str, first: Atom, second: Atom, floor: int) -> bool:
    """`increased $20.5 million to $120.0 million`, `grew approximately 600 megawatts to 2.2
    gigawatts`: the change, then the new level — not a range.

    "expects revenue to increase 10% to 12%" stays a range: only money or power whose ends are
    far apart.
    """
    if second.kind not in ("usd", "mw") or not _CHANGE_VERB_BEFORE.search(
        text[max(floor, first.start - 34) : first.start]
    ):
        return False
    if second.kind == "mw":
        # Power atoms are in megawatts already; a bare first end takes the second's unit.
        first_mw = first.value if first.kind == "mw" else first.value * _mw_factor(text, second)
        return first.kind in ("mw", "bare") and abs(second.value) > 1.5 * abs(first_mw)
    return abs(second.value) > 1.5 * abs(_scale_like(first, second))


#: "revenue … to 388.5 million." — spoken money with no currency word, after a money noun.
_MONEY_NOUN_BEFORE: Final = re.compile(
    r"\b(?:revenues?|sales|backlog|RPO|remaining\s+performance\s+obligations)"
    r"(?:,?\s+(?:grew|rose|increased|climbed|jumped|was\s+up|up|came\s+in|for\s+the\s+(?:quarter|year|period)|"
    r"in\s+the\s+(?:quarter|year|period)|year[\s-](?:on|over)[\s-]year|y/y|[\d.]+\s*(?:percent|per\s+cent|%)|by))*"
    r"\s+(?:was|were|is|of|to|at|reached|totaled|totalled|hit)\s+"
    r"(?:(?:about|approximately|roughly|around|nearly|almost|some|just\s+over|just\s+under)\s+)?$"
    # "We raised 1.2 billion in converts": money a company raised or borrowed.
    r"|\b(?:raised|borrowed|refinanced)\s+(?:(?:about|approximately|roughly|around|nearly|almost)\s+)?$",
    re.IGNORECASE,
)
_MONEY_END_AFTER: Final = re.compile(r"\s*(?:[.,;)]|$|(?:in|for|this|last|during)\b)")


def _money_without_currency(text: str, atom: Atom, floor: int) -> bool:
    """A bare "388.5 million" read as dollars: only right after a revenue/backlog noun and a
    linking word, and followed by the end of the clause (so "1.2 million users" is not money)."""
    if not text[atom.start : atom.end].rstrip()[-1:].isalpha():
        return False  # "680M" style short scales are only range ends
    del floor  # the noun may stand before an earlier figure ("revenue grew 73 percent … to 388.5 million")
    before = text[max(0, atom.start - 90) : atom.start]
    return bool(_MONEY_NOUN_BEFORE.search(before)) and bool(_MONEY_END_AFTER.match(text, atom.end))


def find_quantities(text: str, low: str | None = None) -> list[Quantity]:
    """All money, percent and power quantities in `text` (one sentence), ranges merged.

    `low` is `text.lower()` when the caller already has it.
    """
    if low is None:
        low = text.lower()
    if not _may_have_unit(text, low):
        return []
    atoms = find_atoms(text, low)
    out: list[Quantity] = []
    i = 0
    floor = 0
    n = len(atoms)
    #: Does some amount open with another dollar? Then `_without_translated` runs.
    local = False
    while i < n:
        a = atoms[i]
        nxt = atoms[i + 1] if i + 1 < n else None
        range_like = nxt is not None and nxt.kind in _UNIT_OF and a.kind in (nxt.kind, "bare")
        # A bare, bp or pp number is only read (with its sign) as one end of a range.
        a_val, a_start = _signed(text, a) if range_like or a.kind in _UNIT_OF else (a.value, a.start)
        # Does the amount open with another dollar ("A$1.9 billion", "HK$3.2 billion")?
        foreign = False
        if a.kind == "usd":
            prefix = _dollar_prefix(text, a)
            if prefix:
                foreign = text[a.start - prefix : a.start] not in _US_LETTERS
                local = local or foreign
                if a_start == a.start:
                    a_start -= prefix  # "A$1.9 billion" starts at its "A"
        # Range: A SEP B, with A possibly bare.
        if range_like and nxt is not None:
            b_val, b_start = _signed(text, nxt)
            # "A$780 million to A$840 million": the second end's currency letters are no gap.
            gap = text[a.end : b_start - _dollar_prefix(text, nxt)]
            sep = _RANGE_SEP.fullmatch(gap) if gap.lstrip()[:1] in _RANGE_SEP_FIRSTS else None
            if sep is not None:
                word = gap.strip().lower()
                between = _BETWEEN_BEFORE.search(text[max(floor, a_start - 12) : a_start])
                ok = word != "and" or between is not None
                if word == "through" and a.kind == "bare":
                    ok = False
                if ok and word in ("to", "through") and _is_change_from(text, a, floor):
                    ok = False
                if ok and word == "to" and _is_change_then_level(text, a, nxt, floor):
                    # "grew 600 MW to 2.2 GW": the change is no quantity of its own (read as one, it
                    # became a second, false balance); the new level is read next.
                    i += 1
                    continue
                if ok and a.kind == "bare":
                    ok = _bare_fits(a, nxt, b_val, text) and not _dated_year(text, a, floor)
                if ok:
                    first_val = _scale_like(a, nxt) if a.kind in ("usd", "bare") else a_val
                    if a.kind == "bare" and nxt.kind == "usd":
                        first_val = _scale_like(Atom("usd", a.value, a.start, a.end, a.scaled), nxt)
                    if a.kind == "bare" and nxt.kind == "mw":
                        first_val = a.value * _mw_factor(text, nxt)
                    if a_val < 0 and first_val > 0:
                        first_val = -first_val
                    lo, hi = sorted((first_val, b_val))
                    start = a_start
                    if between is not None:
                        start = a_start - (len(text[max(floor, a_start - 12) : a_start]) - between.start())
                    bound, start, end = _bound(text, start, nxt.end, floor)
                    out.append(Quantity(_UNIT_OF[nxt.kind], lo, hi, start, end, bound, True, foreign))
                    floor = end
                    i += 2
                    continue
        if (
            a.kind == "usd"
            and nxt is not None
            and nxt.kind == "bare"
            and not nxt.scaled
            and text.startswith((" mn", " bn", " mln", " bln", "\u00a0mn", "\u00a0bn"), nxt.end)
        ):
            # "US$880–920 mn": the range's abbreviated scale written apart from its second end (the
            # bare reading takes "920mn" only, as "920 m" is as likely metres).
            sm = _SPACED_SCALE.match(text, nxt.end)
            if sm is not None:
                nxt = Atom("bare", nxt.value * SCALES[sm.group(1).lower()], nxt.start, sm.end(), True)
        if (
            a.kind == "usd"
            and nxt is not None
            and nxt.kind == "bare"
            and nxt.scaled
            and _DASH_OR_TO.fullmatch(text[a.end : nxt.start])
            # "$855 to 865 million"; "$5.05 billion to 5.15 billion", each end with its own scale
            and (
                a.value * 1e6 <= nxt.value * 1.0001
                if not a.scaled
                else abs(a.value) <= abs(nxt.value) * 1.0001 and abs(nxt.value) <= abs(a.value) * 3
            )
        ):
            second = Atom("usd", nxt.value, nxt.start, nxt.end, True)
            first_val = _scale_like(a, second)
            bound, start, end = _bound(text, a_start, nxt.end, floor)
            out.append(Quantity("usd", first_val, nxt.value, start, end, bound, True, foreign))
            floor = end
            i += 2
            continue
        if a.kind == "bare" and a.scaled and _money_without_currency(text, a, floor):
            bound, start, end = _bound(text, a_start, a.end, floor)
            out.append(Quantity("usd", a_val, a_val, start, end, bound, False))
            floor = end
            i += 1
            continue
        if a.kind == "percent" and _vague_level(text, a_start, a.end):
            # "gross margins in the mid-70% range", "a high-30% tax rate": a region, no figure (as
            # "the high-30s" is none).
            i += 1
            continue
        if a.kind in ("usd", "percent", "mw"):
            # Plus or minus: "45.5%, plus or minus 50 basis points", "$335 million, ± $10 million",
            # "$24.5 billion, plus or minus 2%" (a percentage of an amount is relative to it).
            pm = _plus_minus(text, a.end, nxt.start) if nxt is not None else None
            if pm is not None and nxt is not None:
                tolerance = _pm_delta(a, nxt)
                if tolerance is not None:
                    delta = abs(a_val) * tolerance / 100 if _relative_tolerance(a, nxt) else tolerance
                    unit = _UNIT_OF[a.kind]
                    if pm.group("resp") is None:
                        bound, start, end = _bound(text, a_start, nxt.end, floor)
                        out.append(
                            Quantity(unit, a_val - delta, a_val + delta, start, end, bound, True, foreign)
                        )
                        floor = end
                        i += 2
                        continue
                    if _widen_list(text, out, a_start, unit, tolerance, _relative_tolerance(a, nxt)):
                        # "GAAP and non-GAAP gross margins of 73.9% and 74.5%, respectively, plus or minus
                        # 50 basis points": the tolerance is each figure's. Each keeps its own span, so
                        # "respectively" still follows the list (it pairs the figures with their bases).
                        bound, start, end = _bound(text, a_start, a.end, floor)
                        out.append(
                            Quantity(unit, a_val - delta, a_val + delta, start, end, bound, True, foreign)
                        )
                        floor = nxt.end
                        i += 2
                        continue
            bound, start, end = _bound(text, a_start, a.end, floor)
            out.append(Quantity(_UNIT_OF[a.kind], a_val, a_val, start, end, bound, False, foreign))
            floor = end
        elif text.startswith(" of ", a.end) and a.kind == "bare" and not a.scaled:
            part = _PARTITIVE_POWER.match(text, a.end)
            if part is not None:
                # "roughly 300 of those megawatts": a part of capacity named before, in its unit.
                bound, start, end = _bound(text, a_start, part.end(), floor)
                value = a_val * _power_factor(part.group("unit"))
                out.append(Quantity("mw", value, value, start, end, bound, False))
                floor = end
        i += 1
    if local and len(out) > 1:
        # (Only another dollar's amount is translated.)
        out = _without_translated(text, out)
    return out


#: The letters before "$" that still name the US dollar: "US$", "USD$".
_US_LETTERS: Final = ("US", "USD")


def _prefix_letters(text: str, dollar: int) -> int:
    """How many capitals name another dollar right before the "$" at `dollar` ("A$", "HK$", "NZ$"):
    one to three, starting a word; 0 if none."""
    k = dollar
    while k > 0 and dollar - k < 3 and "A" <= text[k - 1] <= "Z":
        k -= 1
    if k < dollar and (k == 0 or not text[k - 1].isalnum()):
        return dollar - k
    return 0


def _dollar_prefix(text: str, atom: Atom) -> int:
    """How many letters name another dollar before the atom's "$" ("A$", "C$", "HK$", "NZ$")."""
    if atom.kind != "usd" or text[atom.start : atom.start + 1] != "$":
        return 0
    return _prefix_letters(text, atom.start)


#: Between an amount and its US-dollar translation: "A$600 million (US$393 million)",
#: "C$84.6 million (approximately US$61.8 million)".
_TRANSLATION_OPEN: Final = re.compile(
    r"\s*\(\s*(?:(?:approximately|approx\.?|about|around|roughly|c\.|~|equivalent\s+to|or)\s*)?",
    re.IGNORECASE,
)
_US_DOLLAR: Final = re.compile(r"US\s?\$|U\.S\.\s?\$|USD", re.IGNORECASE)


def _without_translated(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """An amount in another dollar followed by its US-dollar translation in brackets is said
    twice: the US-dollar figure is the fact, and the local one would read as a second value.

    The figure takes the place of the whole "A$600 million (US$393 million)", so the words
    around it (the "facility" after the bracket) read as they would around one amount.
    """
    out: list[Quantity] = []
    skip = False
    for i, q in enumerate(quantities):
        if skip:
            skip = False
            continue
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if (
            nxt is not None
            and q.unit == "usd"
            and nxt.unit == "usd"
            and _local_dollar(text, q.start)
            and _TRANSLATION_OPEN.fullmatch(text, q.end, nxt.start)
            and _US_DOLLAR.search(text, nxt.start, nxt.end)
        ):
            close = _CLOSE_BRACKET.match(text, nxt.end)
            end = close.end() if close else nxt.end
            bound = nxt.bound if nxt.bound != "exact" else q.bound
            out.append(Quantity("usd", nxt.low, nxt.high, q.start, end, bound, nxt.is_range))
            skip = True
            continue
        if (
            nxt is not None
            and q.unit == "usd"
            and nxt.unit == "usd"
            and not _local_dollar(text, q.start)
            and _local_dollar(text, nxt.start)
            and _TRANSLATION_OPEN.fullmatch(text, q.end, nxt.start)
        ):
            # "$120 million (A$180 million)": the bracket says the same amount in another dollar.
            out.append(q)
            skip = True
            continue
        out.append(q)
    return out


_CLOSE_BRACKET: Final = re.compile(r"\s*\)")


def _local_dollar(text: str, start: int) -> bool:
    """Does the quantity at `start` open with another dollar ("A$", "C$", "S$", "HK$")?"""
    dollar = text.find("$", start, start + 40)
    if dollar < 0:
        return False
    letters = _prefix_letters(text, dollar)
    return (
        letters > 0 and dollar - letters >= start - 3 and text[dollar - letters : dollar] not in _US_LETTERS
    )


def _mw_factor(text: str, atom: Atom) -> float:
    unit = _RE_MEGAWATT_GIGAWATT_KILOWATT.search(text[atom.start : atom.end])
    return _power_factor(unit.group(1)) if unit else 1.0


#: "300 of those megawatts", "120 of our contracted MW": a unit with no figure of its own after the
#: determiner ("120 of the 400 MW" is two figures, read apart).
_PARTITIVE_POWER: Final = re.compile(
    r"\s+of\s+(?:those|these|the|its|our|their|that|them)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?P<unit>(?i:megawatts|gigawatts)|MW|GW)(?![\w])"
)
#: "paragraph 2 to $5.4 billion", "Phase 2 to 300 MW": a numbered thing, not one end of a range.
_NUMBERED_BEFORE: Final = re.compile(
    r"\b(?:paragraphs?|paras?\.?|items?|notes?|pages?|sections?|slides?|exhibits?|tables?|footnotes?|figures?|"
    r"fig\.|tiers?|phases?|stages?|buildings?|halls?|units?|steps?|chapters?|schedules?|parts?|articles?|"
    r"clauses?|levels?|no\.|nos\.|number|rounds?)\s*$|[#§]\s*$",
    re.IGNORECASE,
)


#: A year named as a period right before it: "its revenue outlook for 2026", "fiscal 2027".
_PERIOD_WORD_BEFORE: Final = re.compile(
    r"\b(?:for|in|during|by|end\s+of|fiscal|calendar|year|FY)\s*$", re.IGNORECASE
)


def _dated_year(text: str, bare: Atom, floor: int) -> bool:
    """Is the bare number a year the sentence dates something by ("raised its revenue outlook for 2026
    to $2.1 billion", "its capacity target for 2027 to 900 MW"), not a range's first end?"""
    written = text[bare.start : bare.end]
    if len(written) != 4 or not written.isdigit() or written[:2] not in ("19", "20"):
        return False
    return _PERIOD_WORD_BEFORE.search(text, max(floor, bare.start - 12), bare.start) is not None


def _bare_fits(bare: Atom, unit_atom: Atom, unit_val: float, text: str = "") -> bool:
    """A bare number opens a range only when it is of the same order as the other end."""
    if text and _NUMBERED_BEFORE.search(text, max(0, bare.start - 12), bare.start):
        return False
    if unit_atom.kind == "percent":
        return abs(bare.value) <= 100 and abs(bare.value) <= abs(unit_val) * 3 + 1
    if unit_atom.kind == "usd":
        if bare.scaled:
            # "5.05 billion to 5.15 billion US dollars": its own scale word, and the same order.
            return unit_atom.scaled and abs(unit_val) / 3 <= abs(bare.value) <= abs(unit_val) * 3
        return unit_atom.scaled and bare.value < 10000
    return bare.value < 100000


def _plus_minus(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_PLUS_MINUS` over all of text[start:end], or None. Its first character after an optional comma
    and spaces is screened first (`_PLUS_MINUS_FIRSTS`): most gaps between two figures fail there."""
    gap = text[start:end]
    # (Stripping every leading comma, not just one, only lets more gaps through to the pattern.)
    if gap.lstrip(",").lstrip()[:1] not in _PLUS_MINUS_FIRSTS:
        return None
    return _PLUS_MINUS.fullmatch(gap)


#: The words that place a percentage in a region of its decade: "mid-70%", "the low-to-mid 70% range".
_VAGUE_WORDS: Final[tuple[str, ...]] = ("low", "mid", "middle", "high", "upper")
#: A region's noun after the figure: "the high 30% range", "in the mid 70 percent area".
_REGION_AFTER: Final = re.compile(r"\s*(?:range|area|zone|band|region|territory)\b", re.IGNORECASE)


def _vague_level(text: str, start: int, end: int) -> bool:
    """Is the percentage at `start` a vague level, "mid-70%", "low-to-mid-40%", or "the high 30%
    range" (with a space, only before a region's noun: "a high 74% gross margin" is a figure)?"""
    sep = text[start - 1 : start]
    if sep not in ("-", " ", "\u2011"):
        return False
    word = text[max(0, start - 7) : start - 1].lower()
    if not word.endswith(_VAGUE_WORDS):
        return False
    k = start - 1 - len(next(w for w in _VAGUE_WORDS if word.endswith(w)))
    if k > 0 and text[k - 1].isalpha():
        return False  # "thigh", "Sumid": the word only ends so
    return sep != " " or _REGION_AFTER.match(text, end) is not None


def _relative_tolerance(base: Atom, delta: Atom) -> bool:
    """Is the tolerance a percentage of the figure ("$24.5 billion, plus or minus 2%", "500 MW ± 10%"),
    not points of it ("45%, plus or minus 2%" stays 43% to 47%)?"""
    return delta.kind == "percent" and base.kind in ("usd", "mw")


def _widen_list(
    text: str, out: list[Quantity], last_start: int, unit: QUnit, tolerance: float, relative: bool
) -> bool:
    """Give the figures listed right before the one at `last_start` ("73.9% and" of "73.9% and 74.5%,
    respectively, plus or minus 50 basis points") the tolerance written after the list: each single
    figure of `unit` joined to the next by a comma or "and" becomes a range about itself. False, and
    nothing changed, when no such figure comes right before (the list is the last figure alone)."""
    j = len(out) - 1
    link = last_start
    while j >= 0:
        q = out[j]
        if q.unit != unit or q.is_range or _LIST_LINK.fullmatch(text, q.end, link) is None:
            break
        delta = abs(q.low) * tolerance / 100 if relative else tolerance
        out[j] = Quantity(unit, q.low - delta, q.low + delta, q.start, q.end, q.bound, True, q.foreign)
        link = q.start
        j -= 1
    return j < len(out) - 1


def _pm_delta(base: Atom, delta: Atom) -> float | None:
    """The tolerance after a figure in the figure's unit; for a percentage of an amount or of power
    (`_relative_tolerance`), the percentage itself."""
    if base.kind == "percent":
        if delta.kind == "bp":
            return delta.value / 100.0
        if delta.kind in ("pp", "percent"):
            return delta.value
        return None
    if delta.kind == "percent" and base.kind in ("usd", "mw"):
        return delta.value
    if base.kind == "usd" and delta.kind == "usd":
        return delta.value
    if base.kind == "mw" and delta.kind == "mw":
        return delta.value
    return None


def format_money(value: float, style: str) -> str:
    """Write a dollar amount the ways disclosures do (used by tests and fixtures)."""
    if style == "plain":
        return f"${value:,.0f}"
    for word, factor, short in (("billion", 1e9, "B"), ("million", 1e6, "M")):
        if abs(value) >= factor:
            scaled = value / factor
            text = f"{scaled:.3f}".rstrip("0").rstrip(".")
            if style == "short":
                return f"${text}{short}"
            if style == "us":
                return f"US${text}{short}"
            if style == "usd":
                return f"USD {text} {word}"
            return f"${text} {word}"
    return f"${value:,.0f}"
