"""Which metric a number belongs to, from the words around it.

Every sentence is scanned once for *cues*: metric nouns ("gross margin",
"remaining performance obligations"), financing words ("term loan", "placing"),
concentration verbs ("accounted for"), share-price words, and *blockers* —
nouns of metrics outside the vocabulary ("net loss", "EBITDA", "per share",
"index") whose numbers must give no fact. A quantity takes the cue written
right after it ("a $400 million revolving credit facility") or else the
nearest one before it ("Revenue was $412.6 million").
"""

from __future__ import annotations

import re
from typing import Final, Literal

from rules.extraction.folding import CasePattern, Folded, Screened
from rules.extraction.lazy import OnFirstUse
from rules.extraction.prefix import guard
from rules.extraction.record import Record

# Patterns used inside functions, compiled once here.
_RE_AND_AGAINST_WHILE: Final = re.compile(r"[;]|, (?:and|against|while|with)\b")
#: The noun phrase after a figure whose state is written right after it: a partitive ("60 MW of the
#: leased capacity is already energized") or a qualified noun ("95 MW of pre-leased IT load in
#: service", "95 MW of contracted power that is now live"). The state is the figure's; a word inside
#: the noun phrase ("leased", "contracted") only says what kind of capacity it is.
_PARTITIVE: Final = re.compile(
    r"\s+of\s+(?:(?:the|this|that|our|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?:capacity|load|power|megawatts)\s+"
    r"(?=(?:(?:that|which)\s+)?(?:(?:is|are|was|were|has\s+been|have\s+been)\s+)?"
    r"(?:already\s+|now\s+|fully\s+|currently\s+)?"
    r"(?:active|on-?line|energi[sz]ed|operational|operating|live|(?:up\s+and\s+)?running|billing|"
    r"in\s+(?:commercial\s+)?(?:operation|service)|delivered|deployed|commissioned|handed\s+over|"
    r"placed\s+in\s+service|brought\s+on-?line|serving\s+(?:customers|clients|tenants))\b)",
    re.IGNORECASE,
)
#: Between a part and its whole: "450MW of the 600MW first phase".
_OF_THE_WHOLE: Final = re.compile(r"\s+of\s+(?:the|its|our|their|this|that)\s+", re.IGNORECASE)
#: The verb after a whole's noun phrase: "… of the 600MW first phase has been leased".
_WHOLE_VERB: Final = re.compile(r"[^,;:()]{0,50}?\b(?:is|are|was|were|has|have|had)\b", re.IGNORECASE)
_OF_WHICH: Final = re.compile(r"\b(?:of|in)\s+which\b", re.IGNORECASE)
#: The measure a power figure is counted in, written right after it (lower-cased): " of critical IT
#: capacity", " of gross power", " of IT load". It is no status: "402 MW of critical IT capacity in
#: operation and 1,135 MW of critical IT capacity under signed leases" reads each status as the one
#: written after its own figure's measure.
_MEASURE_AFTER: Final = re.compile(
    r" of (?:(?:critical|it|gross|net|leasable|billable|utility|data[\s-]cent(?:er|re)|compute|computing|"
    r"power|total)\s+){1,3}(?:capacity|load|power)\b"
)
_OF_WHICH_BEFORE: Final = re.compile(
    r"\bof\s+which\s+(?:approximately\s+|about\s+|roughly\s+|some\s+)?$", re.IGNORECASE
)

CueType = Literal[
    "revenue",
    "gross_margin",
    "operating_margin",
    "backlog",
    "contract",
    "financing",
    "concentration",
    "stock",
    "capacity",
    "block",
    "third_party",
]

# Order matters inside one alternation: longer phrases first so they win at the same position.
_CUES: Final[list[tuple[str, str]]] = [
    (
        "block",
        # An industry's figure is not the company's: "sector-wide gross margins averaging 45%".
        # A market's size or growth is no company fact either: "citing a market forecast of $400 billion",
        # "an industry projection of 30% annual growth", "industry revenue is forecast to reach".
        # A supplier's orders or order intake over a period (bookings): no agreement's value, and no
        # revenue either, though a revenue cue stands earlier in the sentence.
        r"orders|order\s+(?:intake|inflows?)|bookings|"
        r"(?:sector|industry|market)(?:[\s-]wide(?:\s+(?:gross|operating))?(?:\s+margins?)?|(?:['’]s)?\s+"
        r"(?:forecasts?|projections?|estimates?|outlook|sizing|revenues?|sales|spending|size))|"
        # A cash-flow line and a loss on paying debt off are no money raised: "Net cash provided by
        # financing activities was $1,262.7 million", "a loss on extinguishment of debt of $3.1 million".
        r"(?:financing|investing|operating)\s+activities|(?:gains?|loss(?:es)?)\s+on\s+(?:the\s+)?(?:early\s+)?"
        r"(?:extinguishment|retirement|redemption|repayment|settlement)(?:\s+of\s+(?:the\s+)?(?:debt|notes|loans?))?|"
        # Money still to be found is none raised: "a funding gap we estimate at $0.8 billion".
        r"(?:funding|financing|capital)\s+(?:gaps?|shortfalls?|needs|requirements?)|"
        # A site's "net operating income" (rent less its costs) is no operating margin of the company:
        # "site NOI margins of 85%", "net operating income margins of 80% to 85%".
        r"net\s+operating\s+income(?:\s+margins?)?|NOI(?:\s+margins?)?|"
        r"net\s+(?:income|loss(?:es)?|profit|margin|earnings|cash|debt|revenue\s+retention)|"
        r"adjusted\s+EBITDA(?:\s+margin)?|EBITDA(?:\s+margin)?|EBIT\b(?!\s+(?:\(operating\)\s+)?margins?)|earnings|EPS|per[\s-]share|a\s+share|"
        # Earnings per share by its kind of share, whose "share" is no share price: "GAAP earnings per
        # diluted share were $0.92, up 64% from a year ago", "$1.10 per basic and diluted share".
        r"per\s+(?:(?:basic|weighted[\s-]average)\s+(?:and|&)\s+)?(?:fully\s+)?(?:diluted|basic|common|ordinary)\s+"
        r"(?:common\s+|ordinary\s+)?shares?|per\s+(?:ADS|American\s+depositary\s+shares?)|"
        r"(?:free\s+|operating\s+)?cash(?:\s+flows?|\s+equivalents|\s+and)?|capital\s+expenditures?|capex|"
        r"costs?\s+of\s+(?:revenues?|sales|goods\s+sold)|(?:operating\s+)?expenses?|opex|costs?|interest|coupon|yield|price\s+targets?|target\s+price|"
        r"liquidity|dividends?|buy-?backs?|repurchases?|market\s+(?:cap\w*|value|share|size|opportunity)|"
        # What a deal would value a company at is no money raised: "an IPO that could value the company
        # at $28 billion", "a round valuing it at $19 billion".
        r"valuation|valu(?:e|es|ed|ing)\s+(?:the\s+(?:[\w-]+\s+){0,2}?(?:company|startup|business|group)|it)|post-money|pre-money|"
        # A market's revenue or profit split among its players, as an analyst sizes it: "the 2030 neocloud
        # revenue pool at ~$180bn", "a $95bn profit pool".
        r"(?:revenue|profit|margin|spend(?:ing)?)\s+pools?|"
        r"run[\s-]rate(?:\s+revenues?)?|ARR|annuali[sz]ed\s+revenue|annual\s+recurring\s+revenue|tax(?:es)?|index|indices|gauge|benchmark|stocks|sector|ETF|"
        r"S&P(?!\s+Global(?:\s+Market\s+Intelligence)?\s*(?::|data|consensus|estimates?|survey|poll)|\s+Capital\s+IQ)|Nasdaq\s+(?:Composite|100)|Dow|SOX|SPX|NDX|DJIA|Russell\s+[123]000|Stoxx|FTSE|DAX|Nikkei|Hang\s+Seng|volume|savings|impairment|charges?|goodwill|"
        r"total\s+debt|outstanding\s+(?:debt|borrowings)|debt\s+outstanding|fees?|compensation|"
        r"R&D|research\s+and\s+development|assets|enterprise\s+value|addressable|TAM|"
        r"net\s+proceeds\s+per|gross\s+profit(?!\s+(?:margin|ratio|as\s+a\s+percentage))|"
        # A balance of cash received before it is earned, not a period's revenue: "Deferred revenue was
        # $286.5 million", "$286.5 million of the prepayment remained in deferred revenue".
        r"deferred\s+revenues?|unearned\s+revenues?|"
        r"operating\s+(?:income|loss|profit)(?!\s+(?:margin|ratio|as\s+a\s+percentage))|"
        r"redemption\s+price|redeem|principal\s+amount\s+of\s+the\s+notes|discount|premium|exercise\s+price|"
        r"utili[sz]ation|efficiency|PUE|uptime|density|densities|throughput|power\s+usage|"
        r"power\s+(?:draw|consumption)|per\s+(?:port|rack|chassis|unit|GPU|chip|hour|year|month)|"
        r"headcount|employees|workforce|inventory|receivables|bookings\s+growth|capital\s+investment|"
        r"principal\s+payments?|repayments?|amorti[sz]ation(?:\s+payments?)?|"
        # Volumes sold, not revenue: a utility's "Energy sales to large-load customers are forecast to
        # grow 18%", "electricity sales rose 4%", "kWh sales", "unit sales" (not "energy sales revenue").
        r"(?:energy|electricity|electric|power|kwh|mwh|gwh|twh|unit|retail\s+electric(?:ity)?)\s+sales"
        r"(?!\s+(?:revenues?|receipts|income))|sales\s+volumes?",
    ),
    (
        "third_party",
        r"analysts?\s+(?:had\s+)?(?:expected|expect|estimated?|forecast|projected|polled|surveyed|anticipated|"
        r"pencill?ed\s+in|modell?ed|models?)|analysts?\s+(?:at|from|with)\b|pencill?(?:ed|ing)\s+in|"
        # A research firm's forecast: "Gareth Lowe of Stanmere Research estimates that …".
        r"(?:research|securities|analytics|advisors|advisory)\s+(?:estimates?|expects?|forecasts?|projects?|sees|models?)\b|"
        # An analyst or author speaking for their own model: "I had modeled", "most of us were at".
        r"I\s+(?:had\s+|have\s+)?modell?ed|most\s+of\s+us\s+(?:were|are|had|have)|"
        # A competitor speaking for itself: "Our largest listed peer reports … 2.4 GW under contract".
        r"(?:peers?|rivals?|competitors?)\s+(?:reports?|reported|says|said|disclosed|claims?|claimed|has|have|had|"
        r"operates|runs)\b|"
        r"(?:my|our)\s+(?:base|bull|bear)\s+case|whisper\s+numbers?|buy[\s-]side|"
        # "models" is a verb only before a metric ("Oyelaran models gross margin at 41%"): AI labs'
        # releases are full of the noun ("the maker of open-weight models").
        r"consensus|now\s+models|models(?=\s+(?:(?:the|its|fiscal|FY\S*|[1-4]Q\S*|Q[1-4]\S*|20\d\d|next|full[\s-]year|"
        r"(?:first|second|third|fourth)[\s-]quarter|calendar|quarterly|annual|non-GAAP|GAAP|adjusted)\s+)*"
        r"(?:gross|operating|revenue|sales|margin|capacity|growth|bookings|backlog)\b)|"
        r"Wall\s+Street|the\s+Street|FactSet|LSEG|Refinitiv|Visible\s+Alpha|"
        # S&P's data arm, not its rating agency ("S&P Global Ratings assigned … to the $500 million notes").
        r"S&P\s+(?:Global(?:\s+Market\s+Intelligence)?(?=\s*(?::|data|consensus|estimates?|survey|poll))|"
        r"Capital\s+IQ)|Zacks|Estimize|(?:polled|compiled)\s+by|"
        # The Street's figure attributed after it: "according to the average of 14 analysts polled by …",
        # "according to a survey of analysts", "according to consensus estimates".
        r"according\s+to\s+(?:(?:the|an?|average|mean|median|poll|survey|consensus|estimates?|of|\d+|several|"
        r"some|most)\s+)*(?:analysts|estimates)|(?:analyst|Street)\s+estimates?|estimates?\s+of\s+analysts|"
        # A preview's passive forecasts, whose forecaster is the Street: "X is expected to report revenue
        # of …" (not "… to report results next week"), "gross margin is seen at 48%", "revenue is
        # forecast by analysts to reach …".
        r"(?:is|are)\s+(?:expected|projected|forecast|anticipated|estimated)\s+to\s+(?:report|post)"
        r"(?=\s+(?:[\w-]+\s+){0,3}?(?:revenues?|sales|gross|operating|margins?|\$))|"
        r"(?:is|are)\s+(?:(?:now|widely|also)\s+)?seen\s+(?:at|around|near|coming\s+in|rising|falling|reaching|"
        r"hitting|growing|climbing|declining|landing|posting|reporting|generating|delivering)|"
        # "forecast by analysts to reach", "$88 million by analysts." (not "a result praised by analysts as").
        r"(?:expected|forecast|projected|estimated|anticipated|predicted)\s+by\s+(?:\d+\s+)?analysts|"
        r"by\s+(?:\d+\s+)?analysts(?=\s*(?:[.;,)]|$|polled|surveyed))|"
        # "Analysts are looking for revenue of", "Analysts, on average, expect", "Investors expect".
        r"analysts?,\s+on\s+average,|analysts?\s+(?:are|were)\s+(?:looking\s+for|calling\s+for|expecting|"
        r"forecasting|projecting|modell?ing|estimating|anticipating|penciling\s+in|pencilling\s+in)|"
        r"investors\s+(?:expect|are\s+expecting|are\s+looking\s+for|model|are\s+modell?ing)|"
        # The asker's or the market's model set before the company, in a question: "Some investors model
        # gross margin at 48%", "most models have revenue at …", "I have you at 48%" (not the company's).
        r"(?:some|many|most|other|several|a\s+few|a\s+lot\s+of)\s+(?:investors|people|folks|analysts)\s+"
        r"(?:model|have|put|are\s+at)|"
        r"(?:most|some|many)\s+models\s+(?:have|show|put|assume)|(?:I|we)\s+have\s+you\s+(?:at|doing|for)|"
        r"(?:(?:analysts?|street)['’]?s?\s+)?(?:average|mean|median)\s+(?:analyst\s+|street\s+)?"
        r"(?:estimates?|forecasts?|projections?)|"
        r"estimates\s+of|my\s+(?:own\s+)?(?:models?|estimates?|"
        r"forecasts?|numbers)|"
        # A note's own view: "we model", "we assume", "our estimates" (estimate periods such as
        # "FY27E" are found apart: a cue starting with a digit would slow the scan of every number).
        r"we\s+(?:now\s+)?(?:model|assume)|our\s+(?:own\s+)?(?:models?|estimates?|numbers|assumptions?)",
    ),
    # "GM" and "Op margin" are how newsletters and slides abbreviate them.
    # Synonyms in other reporting styles: "gross profit ratio", "gross profit as a percentage of revenue".
    (
        "gross_margin",
        r"gross\s+(?:profit\s+)?margins?|GMs?|gross\s+profit\s+ratio|"
        r"gross\s+profit\s+as\s+a\s+percentage\s+of\s+(?:total\s+)?(?:revenues?|net\s+sales|sales)",
    ),
    (
        "operating_margin",
        # EBIT is operating profit: "adjusted EBIT margin", "Operating (EBIT) margin".
        r"operating\s+(?:income\s+|profit\s+|\((?:EBIT|profit|income|loss)\)\s+)?margins?|"
        r"EBIT\s+(?:\(operating\)\s+)?margins?|op\.?\s+margins?|oper\.?\s+margins?|"
        r"operating\s+(?:profit|income|loss)\s+ratio|"
        r"(?:(?:income|loss|profit)\s+from\s+operations|operating\s+(?:income|loss|profit))\s+as\s+a\s+"
        r"percentage\s+of\s+(?:total\s+)?(?:revenues?|net\s+sales|sales)",
    ),
    (
        "backlog",
        r"remaining\s+performance\s+obligations?|c?RPOs?|backlogs?|order\s+book|"
        # A REIT's leases signed but not yet started: "signed-but-not-commenced leases … annualized rent".
        r"signed[\s-]but[\s-]not[\s-](?:yet[\s-])?commenced(?:\s+leases)?|"
        r"contracted\s+(?:future\s+)?(?:lease\s+)?revenues?|future\s+contracted\s+revenues?|"
        r"revenue\s+backlog|future\s+lease\s+revenues?",
    ),
    (
        "financing",
        r"convertible(?:\s+senior)?(?:\s+notes|\s+bonds|\s+debentures)?|initial\s+public\s+offering|IPO|"
        r"(?:(?:senior|sr\.)\s+)?(?:secured\s+|unsecured\s+)?(?:notes|bonds?|debentures)|"
        r"(?:revolving\s+)?credit\s+(?:facilit(?:y|ies)|agreement|line)|revolv(?:er|ing)(?:\s+commitments)?|"
        r"line\s+of\s+credit|(?:term\s+|construction\s+|bridge\s+|secured\s+|delayed[\s-]draw\s+)*loans?|"
        r"(?:construction|project\s+finance|acquisition|bridge|term\s+loan|delayed[\s-]draw(?:\s+term)?)\s+"
        r"facilit(?:y|ies)|"
        # A sale-leaseback is money raised on the company's own assets, whatever its verb ("took a
        # $2.0 billion sale-leaseback from an infrastructure fund").
        r"sale[\s-](?:and[\s-])?lease[\s-]?backs?|"
        r"lent|lends?|lending|borrow(?:ed|ing|ings)?|debt\s+(?:financing|facility|raise)|"
        r"(?:equity\s+)?(?:financing|funding)(?:\s+round)?|round\s+of\s+(?:funding|financing)|"
        r"series\s+[A-H]\b|private\s+placement|placing|(?:share|stock|equity)\s+(?:offering|sale|issuance)|"
        # Abbreviations of notes and flashes ("a $1.4B DDTL", "TLB", "RCF") and an Australian or UK
        # issuer's "institutional placement" of new shares.
        r"DDTLs?|TLB|RCF|(?:institutional|equity|share|capital)\s+placements?|"
        r"public\s+offering|offering|raised?|raises|raising|proceeds|warrants|PIPE|converts|"
        # The noun "convert", not the verb (see `extractor._CONVERT_NOUN`).
        r"convert(?=\s*(?:[(,.;:]|$|offering|notes?\b|issue\b|deal\b|due\b|priced\b|pricing\b))|"
        r"at[\s-]the[\s-]market(?:\s+(?:equity\s+)?(?:program|programme|offering|facility))?|ATM\s+(?:program|offering)|"
        # Vendor financing worded as deferred payment: "let Altamesa defer payment on up to $2.2 billion".
        r"defer(?:red)?\s+payments?(?:\s+(?:on|of|for))?|payment\s+deferrals?|vendor\s+financing|"
        r"extended\s+payment\s+terms|"
        r"(?:capital|equity)\s+raise|invest(?:ed|ment)\s+(?:of|from)|"
        r"(?:lending|loan|debt)\s+commitments|(?:project[\s-]level\s+)?(?:construction|project|acquisition|"
        r"term|senior|secured|bridge)\s+debt|"
        # "drew $140 million from its preferred equity facility", "a $140 million drawdown".
        # A customer's prepayment lent to its supplier and repaid in service credits.
        r"prepayment\s+facilit(?:y|ies)|"
        r"preferred\s+equity(?:\s+facilit(?:y|ies))?|equity\s+facilit(?:y|ies)|drew(?:\s+down)?|"
        r"drawn\s+down|drawdowns?|draw[\s-]?downs?",
    ),
    (
        "contract",
        r"total\s+contract\s+value|TCV|contracted\s+rent|(?:base|aggregate|annual|total)\s+rent|rents?|rental|(?:supply|capacity|master|services?|multi-year|"
        r"purchase|commercial|cloud|compute|lease)\s+(?:agreement|contract|deal)s?|agreements?|contracts?|"
        r"deals?|leases?|partnership|arrangement|purchase\s+orders?|valued\s+at|worth|"
        # One order is an agreement ("an order worth $300 million from Oracle"); "orders" and "order
        # intake" are a supplier's bookings over a period, a flow like revenue, not an agreement's value.
        r"order(?!\s+(?:intake|inflows?|bookings?|rates?|growth))|"
        # News words for an agreement: "a $3.4 billion supply pact with Meta", "a $900 million accord".
        r"pacts?|accords?|"
        r"commitments?\s+(?:from|by)|(?:will|agreed\s+to|committed\s+to)\s+pay|"
        # A customer's purchase commitment: "committed to purchase at least $3 billion of …".
        r"(?:committed|commitment|commitments|agreed|obligated)\s+to\s+(?:purchase|buy)",
    ),
    (
        "concentration",
        r"accounted\s+for|account\s+for|accounting\s+for|represented|represents?|representing|"
        r"comprised|made\s+up|contributed|concentration|that\s+share|its\s+share|their\s+share",
    ),
    (
        "stock",
        # "SHRS"/"SHS": a wire headline's shares ("*ORBITAL SILICON SHRS DOWN 9.7% IN POST-MKT TRADING").
        r"(?:shares?|shrs|shs)(?!\s+(?:outstanding|of\s+(?:common|class)))|stock(?:\s+price)?|"
        r"share\s+price",
    ),
    (
        "revenue",
        r"(?:total\s+|net\s+|core\s+|quarterly\s+|annual\s+)?(?:revenues?|net\s+sales|sales|top[\s-]line|"
        r"turnover|rev)",
    ),
]

# Matched against the lower-cased sentence without IGNORECASE: literal-first alternatives
# then fail on their first character, which makes the scan several times faster.
# A footnote marker fused to the noun ("adjusted gross margin2 of 52.1%", "Operating margin1:") is
# part of the cue: one digit with no further digit, letter or decimal after it.
_CUE_GROUPS: Final = [
    f"(?P<{name}_{i}>(?:{pattern.lower()})(?:[1-9](?!\\w|[.,]\\d))?(?!\\w))"
    for i, (name, pattern) in enumerate(_CUES)
]
#: The plain alternation, kept as the reference the scans are tested against.
_CUE_PLAIN: Final = "(?:" + "|".join(_CUE_GROUPS) + ")"
#: Each group behind its own three-character guard: a word the "block" vocabulary cannot start
#: with skips its hundred alternatives at once (a fifth off the cue scan).
_CUE_ALTERNATION: Final = "(?:" + "|".join(guard(group, depth=3) + group for group in _CUE_GROUPS) + ")"
#: The guard look-ahead (see `prefix.guard`) lets the scan skip words no cue starts with.
_CUE_GUARD: Final = guard(_CUE_ALTERNATION, depth=5)
_CUE_RE: Final = re.compile(r"(?<![a-z0-9_])(?=[a-z0-9])" + _CUE_GUARD + _CUE_ALTERNATION)
#: The same scan for ASCII text: there `\b` and `\w` under re.ASCII say exactly what the
#: look-behind and Unicode classes say, and the engine checks them with a table (10-15% faster).
_CUE_RE_ASCII: Final = re.compile(r"\b(?=[a-z0-9])" + _CUE_GUARD + _CUE_ALTERNATION, re.ASCII)
#: What `find_cues` runs: the scans above, each match led by the character before its cue (one no
#: cue word continues) over the text with a space put in front. A pattern that opens with a
#: character class lets `re` step over the letters inside words with a table look-up, where a
#: look-behind first started a match attempt at every character; the ASCII scan's groups also look
#: six characters ahead, not three, so a word enters only the vocabularies it can begin ("revenue"
#: no longer tries the financing words for "revolving"). Together a sixth off the cue scan. The
#: guards only state what a match must begin with: the cues found are the scans' above (tested).
#: Compiled on first use: the deeper guards take a tenth of a second to build.
_CUE_SEPARATOR: Final = r"[^a-z0-9_](?=[a-z0-9])"
_CUE_SCANS: Final[dict[str, re.Pattern[str]]] = {}


def _cue_scan(ascii_text: bool) -> re.Pattern[str]:
    """The separator-led cue scan (see `_CUE_SEPARATOR`), for ASCII text or any foldable text."""
    key = "ascii" if ascii_text else "unicode"
    scan = _CUE_SCANS.get(key)
    if scan is None:
        if ascii_text:
            deep = "(?:" + "|".join(guard(group, depth=6) + group for group in _CUE_GROUPS) + ")"
            scan = re.compile(_CUE_SEPARATOR + _CUE_GUARD + deep, re.ASCII)
        else:
            scan = re.compile(_CUE_SEPARATOR + _CUE_GUARD + _CUE_ALTERNATION)
        _CUE_SCANS[key] = scan
    return scan


_CUE_ANYCASE_SOURCE: Final = r"(?<![a-z0-9_])(?=[a-z0-9])" + _CUE_ALTERNATION


def _cue_re_anycase() -> re.Pattern[str]:
    """The IGNORECASE scan, for the rare text whose lower-cased form is no stand-in (see
    `folding`): compiled on first use, not at every import (`re` keeps it cached)."""
    return re.compile(_CUE_ANYCASE_SOURCE, re.IGNORECASE)


_GROUP_TYPE: Final[dict[str, CueType]] = {f"{name}_{i}": name for i, (name, _p) in enumerate(_CUES)}  # type: ignore[misc]

#: Case-insensitive; run over the lower-cased sentence when the caller has it (see `folding`).
_STATUS_RE: Final = CasePattern(
    r"(?P<contracted>\b(?:contracted|under\s+contract|signed|sign|signs|committed|commitments?|leased|"
    r"leases?(?!\s+commencements?\b)|pre-?leased|leasing(?=\s+(?:targets?|guidance|goals?|outlook|forecasts?|plans?|activity|volumes?)\b)|secured|awarded|agreements?|contracts?|MSAs?|deals?|pacts?|reserved|sold|backlog|"
    # A firm order of power systems is capacity committed, whatever its first units' energization date:
    # "an initial firm order for 250 megawatts …, where the first systems are scheduled to be energized"
    # (a bare "ordered 500 MW of turbines" or "orders for chips" says less and stays unread).
    r"(?:firm|initial|binding|purchase)\s+(?:purchase\s+)?orders?(?=\s+(?:for|of|covering|totall?ing)\s)|"
    # A supply deal told by its verb: "OpenAI agreed to deploy 6 GW of Velantis accelerators", "a
    # strategic partnership to deploy 6 gigawatts of GPUs", "would supply Northlight AI with processors
    # totalling 4 gigawatts" (chips or systems supplied: "will supply the campus with 500 MW" is not).
    r"(?:agree(?:s|d)?|partnerships?)\s+to\s+(?:deploy|supply|provide|deliver|purchase|buy|procure)"
    # The figure is the verb's object ("agreed to deploy its software across 5 GW" is no deal for 5 GW).
    r"(?=\s+(?:(?:up\s+to|at\s+least|approximately|about|roughly|nearly|more\s+than|over|an?|another|"
    r"additional|the\s+first|a\s+further)\s+)*\d)|"
    r"suppl(?:y|ies|ying)\s+(?:[\w.&'’-]+\s+){1,4}?with(?=\s[^.;]{0,60}?\b(?:chips|gpus|processors|"
    r"accelerators|systems|compute|computing|servers)\b))\b)"
    r"|(?P<deployed>\b(?:active|online|on-line|energi[sz]ed|energi[sz]es?|energi[sz]ing|operational|operating|in\s+operation|"
    r"operated|operates|in[\s-]service|delivered|delivering|live|deployed|installed|commissioned|came\s+online|come\s+online|"
    r"commercial\s+operations?|placed\s+in\s+service|put\s+in(?:to)?\s+service|brought\s+on-?line|"
    r"billing|powered(?!\s+(?:land|shells?|acres|parcels?)\b)|handed\s+over|serving\s+(?:customers|clients|tenants)|ready[\s-]for[\s-]service|"
    # Power wired to the halls: "800 MW-1 GW connected power by end-2027", "of available capacity".
    r"connected|available\s+(?:power|capacity)|"
    # Leases begun are capacity handed over: "Commenced leases totaling 95 MW", "lease commencements of
    # 60 MW" (not "signed-but-not-commenced leases", the backlog).
    r"(?<![\w-])(?<!not\s)(?<!yet\s)commenced\s+leases?|lease\s+commencements?|"
    # Capacity standing built: "Built capacity of c.540MW", "420 MW of capacity built across three
    # campuses", "has built out 300 MW" (not "purpose-built", "to be built", "built to support up to 1
    # GW", a design ceiling, nor "once built out", a campus's full size).
    r"(?<![\w-])(?<!to\sbe\s)built\s+(?:(?:and\s+(?:operating|operational|energi[sz]ed)|out)\s+)?capacity|"
    r"(?<=capacity\s)built(?![\s-]+(?:to|for|on|by|with|around|in)\b)|"
    r"(?<![\w-])(?<!to\sbe\s)(?<!once\s)(?<!when\s)(?<!fully\s)(?<!if\s)(?<!until\s)(?<!upon\s)built[\s-]out|"
    # "its two facilities at full capacity (190 MW combined)": running flat out, not a site's ceiling
    # reached "once" or "when" it is full, nor one it "will be" at.
    r"(?<!once\s)(?<!when\s)(?<!until\s)(?<!will\sbe\s)(?<!upon\s)\bat\s+full\s+capacity|"
    # A start still to come is read as guidance: "is expected to begin operations in 2027".
    r"(?:begin|began|begun|begins|start|starts|started|commence|commences|commenced|enter|enters|entered)\s+"
    r"(?:commercial\s+)?operations?|(?:full|complete|final)\s+deployment|"
    # "expects to deliver 700 MW": a forecast of capacity handed over (a bare "to deliver" may be a
    # supplier's promise under a contract).
    r"(?:expects?|expected|expecting|plans?|planned|planning|aims?|aiming|targets?|targeting|intends?|"
    r"track|set|scheduled|slated|due)\s+to\s+deliver|"
    # A delivery date set for capacity: "the first 100 MW is scheduled for handover in Q4 2027" (read as
    # guidance by its tense), "due for delivery in 2028".
    r"(?:scheduled|slated|due|expected|planned|set|targeted|ready)\s+for\s+(?:(?:its|their|the)\s+)?"
    r"(?:handover|hand-over|delivery)|"
    # "212 MW of capacity running", "up and running": not a build "running behind" or "a running total".
    r"running(?![\s-]+(?:behind|ahead|late|early|short|out|low|over|under|total|tally|costs?|rate|"
    r"on\s+(?:time|schedule|track|budget))\b))\b)"
    # Capacity a deal adds "to be delivered in phases" is committed, not yet deployed (a forecast
    # "expected to be energized" stays deployed: it is read as guidance).
    r"|(?P<future>\bto(?<!expected\sto)(?<!scheduled\sto)(?<!is\sto)(?<!are\sto)\s+be\s+(?:delivered|deployed|"
    r"provided|made\s+available)\b|"
    # "With the expectation of delivering 168 MW" under a lease: a delivery promised, none made.
    r"\bexpectations?\s+of\s+delivering\b|"
    # "is delivering 180 MW to Vantor under previously announced agreements": a delivery under way
    # under deals already counted, capacity contracted, not a running total (the progressive alone,
    # "is delivering 180 MW", and the past "has delivered", stay deployed).
    r"\b(?:is|are)\s+(?:now\s+|currently\s+)?delivering\b(?=[^.;]{0,120}?\bunder\s+(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|contracts?|leases?)\b))"
    # A measure, not a status: deployed only when no status word is written near it.
    r"|(?P<weak>\bcritical\s+IT\s+load\b)"
    r"|(?P<blocked>\b(?:interconnection|pipeline|land|prospective|potential|planned\s+(?:sites?|campus)|"
    # Power still to build, at its clause's end: "1.1GW contracted vs ~340 live means ~760MW to build".
    r"(?<=w\s)(?:(?:left|still|yet)\s+)?to\s+build(?=\s*(?:[.;,!?]|$))|"
    # "an option to lease an additional 100 MW": capacity the customer may take, none signed.
    r"(?:options?|rights?)\s+to\s+(?:lease|contract|acquire|purchase|buy|take|add|expand|"
    # "rights to co-develop the next ~140 MW project": a project still to be built together, none signed.
    r"co-?develop|develop|co-?build|build)|"
    # "a right of first offer on up to 900 MW", "a ROFR over 300 MW": first call on capacity, none signed.
    r"rights?\s+of\s+first\s+(?:offer|refusal|negotiation)|rofos?|rofrs?|"
    r"options?|rack|racks|per\s+rack|chassis|draws?|consumption|generation\s+capacity|grid\s+requests?|"
    # A unit's size, not capacity: "deployed in 325 kW building blocks", "shipped as 2.5 MW modules".
    r"(?<=w\s)(?:building\s+blocks|blocks|modules|increments|pods|skids|containers)|"
    r"requests?|queue|applications?|exploring|evaluating|cluster\s+of\s+up\s+to|up\s+to\s+\d+\s*kW|"
    r"under\s+construction|under\s+development|in\s+development|(?:full\s+)?build[\s-]?out|proposed|"
    # A project's planned size, not capacity signed or running: "a 2.5 GW development pipeline",
    # "broke ground on a 340 MW facility", "halls that could support up to 90 MW".
    r"development|(?:broke|break|breaks|breaking)\s+ground|ground[\s-]?breaking|"
    # A grid schedule, not capacity signed or running: "(first 1.4 GW energisation from April 2027)".
    r"energi[sz]ations?\s+(?:from|starting|beginning|expected|scheduled|planned|targeted|due|slated)|"
    r"(?:could|can|would|might)\s+support|capable\s+of\s+supporting|(?:supports?|supporting)(?=\s+up\s+to)|"
    # A site's ceiling: "its maximum gross capacity of 244 MW".
    r"maximum\s+(?:(?:gross|total|site|power|potential)\s+)*capacity|gross\s+(?:site\s+|power\s+)?capacity)\b)"
    # Capacity still being negotiated: "in advanced talks over a lease for up to 500 MW", "a letter of
    # intent for a 200 MW lease". The lease or deal such words name is their object (`status_of_power`).
    r"|(?P<talks>\b(?:talks|discussions|negotiations?|negotiating|LOIs?|letters?\s+of\s+intent|MOUs?|"
    r"memorand(?:um|a)\s+of\s+understanding|term\s+sheets?|exclusivity|non-binding)\b)",
)

#: What a MW figure measures when it is the grid's side, written right after it:
#: "540 MW of new wind and solar generation", "85 MW of flexible load", "a 200 MW solar farm".
_GRID_SIDE_AFTER: Final = OnFirstUse(
    r"\s*(?:of\s+)?(?:(?:new|additional|contracted|installed|operating|renewable|clean|green|carbon[\s-]free|"
    r"zero[\s-]carbon|utility[\s-]scale|on-?shore|off-?shore|wind|solar|PV|photovoltaic|hydro(?:electric)?|"
    r"nuclear|geothermal|gas[\s-]fired|natural\s+gas|and|or)[\s,]+)*"
    r"(?:(?:wind|solar|PV|photovoltaic|hydro(?:electric)?|nuclear|geothermal|renewable)\s+(?:power\s+)?"
    r"(?:capacity|power|energy|generation|electricity|farms?|parks?|projects?|plants?|arrays?|portfolio)|"
    r"generation|generating\s+capacity|electricity\s+generation|(?:power\s+)?purchase\s+agreements?|PPAs?|"
    r"(?:gas|coal|oil|diesel)[\s-]fired\s+(?:power\s+)?(?:plants?|stations?|facilit(?:y|ies)|turbines?)|"
    r"(?:natural[\s-]gas|combined[\s-]cycle|peaker|power)\s+(?:plants?|stations?)|"
    r"(?:battery|energy)\s+storage|BESS|(?:flexible|curtailable|interruptible|controllable)\s+(?:load|demand)|"
    r"demand[\s-]response|(?:grid\s+)?interconnection)\b",
    re.IGNORECASE,
)
#: The same written before it, governing the figure: "11 power purchase agreements totalling 540 MW",
#: "an interconnection agreement for 1 GW", "grid connection agreements for a further 1.2GW", "we curtailed
#: 22 MW".
_GRID_SIDE_BEFORE: Final = OnFirstUse(
    r"\b(?:power\s+purchase\s+agreements?|V?PPAs?|demand[\s-]response(?:\s+\w+)?|interconnection|"
    r"grid[\s-]connections?"
    r"(?:\s+(?:agreements?|requests?|capacity|rights|approvals?|applications?))?|curtail(?:ed|ing|ment\s+of)|"
    r"(?:wind|solar|renewable\s+energy|generation)\s+(?:projects?|farms?|contracts?|agreements?)|"
    r"(?:battery|energy)\s+storage)"
    r"(?:\s+(?!(?:lease[sd]?|campus|data|energi[sz]ed|online|signed|contracted|active|operational|delivered|"
    # (A verb of its own starts another predicate: "holds a grid connection for its site and has 300 MW".)
    r"deployed|we|it|they|has|have|had)\b)[\w-]+){0,6}?\s+(?:up\s+to\s+|approximately\s+|about\s+|"
    r"roughly\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE,
)

#: Renewable power a company buys or owns, as the noun the figure completes: "bringing our contracted
#: renewable generation to 910 MW", "renewable energy supply of 300 MW" (not "renewable power for its
#: 300 MW campus", whose figure is the campus's).
_GENERATION_BEFORE: Final = OnFirstUse(
    r"\brenewable\s+(?:energy\s+|power\s+|electricity\s+)?(?:generation|generating\s+capacity|supply|energy|"
    r"power|electricity|resources|portfolio)(?:\s+capacity)?\s+(?:to|of|at|totall?ing|reached|was|is|"
    r"stood\s+at|(?:rose|grew|increased|climbed)\s+to)\s+(?:up\s+to\s+|approximately\s+|about\s+|"
    r"roughly\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE,
)


#: Words one of which every `_GRID_SIDE_AFTER` / `_GRID_SIDE_BEFORE` match holds, lower-cased
#: (some wider than the pattern's words: "purchase" for "purchase agreement", "response" for
#: "demand-response"). Substring tests: a regex alternation over the window cost 50,000
#: instructions a figure, more than the rest of `status_of_power`.
_GRID_WORDS: Final = (
    "generation", "generating", "ppa", "purchase", "wind", "solar", " pv", "photovolt", "hydro", "nuclear",
    "geotherm", "renewable", "storage", "bess", "flexible", "interruptible", "controllable", "response",
    "interconn", "curtail", "grid conn", "grid-conn", "fired", "plant", "station",
)  # fmt: skip


#: Power a site is entitled to or makes for itself, written right after the figure (lower-cased): "1.4
#: GW of secured grid power across its sites" (a utility's entitlement, not capacity leased or live),
#: "400MW of on-site gas turbines as bridge power" (generation equipment, not data-center capacity; a
#: supply of "behind-the-meter power" for data centers is still a deal for capacity).
_OWN_POWER_AFTER: Final = OnFirstUse(
    r" of (?:secured (?:grid |utility )?(?:power|electricity)\b|"
    r"(?:[\w-]+ ){0,2}?(?:on-?site|behind[\s-]the[\s-]meter|backup|back-up|bridge) "
    r"(?:[\w-]+ ){0,2}?(?:turbines?|generators?|gensets?|engines)\b)"
)
#: Generation a power company has contracted to data centers is its customers' capacity: "1.8 GW of
#: generation under contract with data-center customers" (not "540 MW of wind generation" it buys).
_GENERATION_FOR_DATA_CENTERS: Final = OnFirstUse(
    r" of generation (?:capacity )?under contract with (?:[\w-]+ ){0,2}?"
    r"(?:data[\s-]cent(?:er|re)|hyperscale(?:r)?|ai)s? (?:customers|clients|tenants|operators|companies)\b"
)


def _own_power(low: str, end: int) -> bool:
    """Is the MW figure ending at `end` power a site is entitled to or generates itself (see
    `_OWN_POWER_AFTER`)? A plain prefix screen first."""
    if not low.startswith(" of ", end):
        return False
    head = low[end : end + 60]
    if not (
        "secured" in head
        or "site" in head
        or "meter" in head
        or "backup" in head
        or "back-up" in head
        or "bridge" in head
    ):
        return False
    return _OWN_POWER_AFTER.compiled.match(low, end) is not None


def _may_be_grid_side(low: str, start: int, end: int) -> bool:
    """Cheap test before the grid-side patterns: one of their words near the figure."""
    window = low[max(0, start - 90) : end + 70]
    return any(word in window for word in _GRID_WORDS)


GROWTH_UP: Final = re.compile(
    r"\b(?:up|rose|rise|rising|grew|grow|growing|growth|increased?|increasing|higher|jumped|climbed|"
    r"surged|gained|expanded|advanced|improved|year[\s-](?:over|on)[\s-]year|y/y|yoy)\b",
    re.IGNORECASE,
)
#: Lower-cased words one of which every `GROWTH_UP` match holds (its "up" is too short for a
#: `Screened` pattern's word screen).
GROWTH_UP_WORDS: Final = (
    "up", "rose", "ris", "grew", "grow", "increas", "higher", "jumped", "climbed", "surged", "gained",
    "expanded", "advanced", "improved", "year", "y/y", "yoy",
)  # fmt: skip
GROWTH_DOWN: Final = Screened(
    re.compile(
        r"\b(?:down|fell|fall|falling|declined?|declining|decreased?|decreasing|lower|dropped|contracted|"
        r"shrank|slipped)\b",
        re.IGNORECASE,
    )
)
SEQUENTIAL: Final = Screened(
    re.compile(
        r"\b(?:sequential(?:ly)?|quarter[\s-](?:over|on)[\s-]quarter|q/q|qoq|month[\s-](?:over|on)[\s-]month|m/m|mom|"
        # "18% on the prior quarter", "versus the previous quarter".
        r"(?:from|on|versus|vs\.?|against|compared\s+(?:with|to)|relative\s+to)\s+the\s+(?:prior|previous|"
        r"preceding|last)\s+quarter|from\s+last\s+quarter|over\s+the\s+(?:prior|previous|preceding)\s+quarter|"
        # Against the half before: "up 21% half on half", "+9% h/h", "up 12% on the previous half".
        r"half[\s-](?:over|on)[\s-]half|h/h|hoh|(?:from|over|on)\s+the\s+(?:prior|previous|preceding|last)\s+half|"
        # "10% from the second quarter" in a third-quarter release: a quarter named with no year is the
        # one before ("from the fourth quarter of 2024", "… last year", "… a year ago" are not).
        r"from\s+the\s+(?:first|second|third|fourth)\s+quarter(?!\s*(?:of|last|a|in|the|prior|previous|fiscal|"
        r"FY\d*|20\d\d|year)\b|['’]))\b",
        re.IGNORECASE,
    )
)
MOVE_UP: Final = re.compile(
    r"\b(?:rose|rise|rises|rising|gained|gain|gains|jumped|jump|jumps|climbed|climb|surged|surge|soared|"
    r"rallied|added|up|higher|advanced|popped|spiked|increased|leapt|leaped|rebounded|risen)\b",
    re.IGNORECASE,
)
MOVE_DOWN: Final = Screened(
    re.compile(
        r"\b(?:fell|fall|falls|falling|dropped|drop|drops|declined|decline|slid|slide|slides|sank|sink|"
        r"tumbled|tumble|plunged|plunge|plummeted|lost|lose|down|lower|slumped|retreated|shed|eased|dipped|"
        r"sagged|skidded|cratered|decreased|fallen|sunk|slipped|slip|slips|slipping)\b",
        re.IGNORECASE,
    )
)
CUSTOMERISH: Final = Screened(
    re.compile(
        r"\b(?:customers?|clients?|tenants?|hyperscalers?|counterpart(?:y|ies)|largest|top\s+\w+|"
        r"Customer\s+[A-Z0-9]\b|buyers?|lessees?)\b"
    )
)
#: "of its total capacity", "of the total shares": a total of something other than revenue.
_NOT_REVENUE_TOTAL: Final = (
    r"(?!\s+(?:(?:available|installed|contracted|leased|power|compute|IT|critical)\s+)*(?:capacity|power|"
    r"megawatts|MW|GW|load|space|footprint|shares|stock|equity|stake|ownership|debt|assets|costs?|expenses|"
    r"spend(?:ing)?|capex|capital|investments?|output|hashrate|supply|fleet|units|headcount|workforce)\b)"
)
OF_REVENUE: Final = re.compile(
    r"\s*(?:of|of\s+the)\s+(?:(?:our|its|their|the|that|this|total|consolidated|net|company's|[A-Z][\w.&-]*(?:'s|’s|(?<=[sS])'|(?<=[sS])’)|"
    r"fiscal\s+\d{4}|\d{4}|[Ff][Yy]\s?'?\d{2,4}|first|second|third|fourth|full|year|quarterly|annual|[\w-]+-(?:quarter|year|half)|"
    # A period written before the noun: "of third quarter revenue", "of first half revenue", "of YTD".
    r"[Qq][1-4]|quarter|half|[Yy][Tt][Dd]|year[\s-]to[\s-]date|[Hh][12]|[1-4][Qq]|[12][Hh]|"
    # A period token with its year, or months of a year: "of 9M'26 revenue", "of 1H26", "of nine-month".
    r"(?:[1-9]M|[Qq][1-4]|[1-4][Qq]|[12][Hh]|[Hh][12])['’]?\d{2,4}|[1-9]M|[LT]TM|"
    r"(?:three|six|nine|twelve|\d{1,2})[\s-]months?|trailing[\s-]twelve[\s-]months?)\s+){0,4}"
    r"(?:revenues?|sales|net\s+sales|total\b" + _NOT_REVENUE_TOTAL + r"|rev\b|business\b)",
)


class Cue(Record):
    __slots__ = ("end", "start", "text", "type")

    type: CueType
    start: int
    end: int
    text: str

    def __init__(self, type: CueType, start: int, end: int, text: str) -> None:
        self.type = type
        self.start = start
        self.end = end
        self.text = text

    def _key(self) -> tuple[object, ...]:
        return (self.type, self.start, self.end, self.text)


def find_cues(sentence: str, low: str | None = None) -> list[Cue]:
    """Every metric, financing, concentration, stock and blocking cue in the sentence.

    `low` is `sentence.lower()` when the caller already has it.
    """
    out: list[Cue] = []
    if low is None:
        low = sentence.lower()
    ascii_text = sentence.isascii()
    if ascii_text or len(low) == len(sentence):
        # A match at i of " " + low is the cue at i of `low` led by its separator: its cue ends at
        # end - 1.
        for m in _cue_scan(ascii_text).finditer(" " + low):
            name = m.lastgroup
            if name is None:
                continue
            start, end = m.span()
            end -= 1
            out.append(Cue(_GROUP_TYPE[name], start, end, sentence[start:end]))
        return out
    for m in _cue_re_anycase().finditer(sentence):
        name = m.lastgroup
        if name is None:
            continue
        out.append(Cue(_GROUP_TYPE[name], m.start(), m.end(), sentence[m.start() : m.end()]))
    return out


def power_statuses(folded: Folded) -> list[tuple[int, int, str]]:
    """Every status word of a sentence: (start, end, kind), `future` read as `contracted`.

    One scan serves all of a sentence's power figures (`status_of_power`'s `statuses`).
    """
    out: list[tuple[int, int, str]] = []
    low = folded.low
    for m in _STATUS_RE.finditer(folded):
        kind = m.lastgroup
        if kind is not None:
            a = m.start()
            if kind in ("deployed", "contracted") and low.endswith(_NEGATIONS, max(0, a - 12), a):
                # "signed but not yet in operation": the status the figure has not reached.
                continue
            if kind == "contracted" and _denied(low, a):
                # "including projects that do not yet have a power agreement", "sites without a lease".
                continue
            if (
                kind == "deployed"
                and out
                and out[-1][2] == "contracted"
                and low.startswith("connected", a)
                and _CONNECTED_KIND.fullmatch(low, out[-1][1], a) is not None
                and _CONNECTED_NOUN.match(low, m.end()) is not None
            ):
                # "has secured grid-connected power of 3,010 MW", "contracted, grid connected capacity":
                # the kind of power that was secured, not power already wired up ("3,010 MW connected
                # and energised" stays deployed).
                continue
            if (
                kind == "deployed"
                and low.startswith("delivering", a)
                and _UNDER_WHICH_DELIVERING.search(low, max(0, a - 90), a)
            ):
                # "agreements under which Pellory is delivering 200 MW": a delivery under deals already
                # counted, capacity contracted (as "is delivering … under … agreements" is).
                kind = "future"
            out.append((a, m.end(), "contracted" if kind == "future" else kind))
    return out


#: Between a contract word and an attributive "connected": "secured grid-", "contracted, grid ", "signed
#: utility-" (lower-cased text; at most one word that says what the power is connected to).
_CONNECTED_KIND: Final = re.compile(r"[\s,]*(?:(?!and\b|or\b)[a-z]+[\s-])?")
#: The power noun an attributive "connected" modifies: "grid-connected power of", "connected capacity".
_CONNECTED_NOUN: Final = re.compile(r"\s+(?:power|capacity|load|supply|electricity|megawatts|mw|gw)\b")

_UNDER_WHICH_DELIVERING: Final = re.compile(
    r"\b(?:agreements?|contracts?|leases?)\s+under\s+which\s+(?:[\w.&'’-]+\s+){0,4}?(?:is|are)\s+"
    r"(?:now\s+|currently\s+)?$"
)


#: A contract word its clause denies: "do not yet have a power agreement", "without a signed lease",
#: "no offtake contract", "have yet to sign a lease" (lower-cased text, up to the word).
_DENIED_BEFORE: Final = OnFirstUse(
    r"(?:\bno|\bwithout|\black(?:s|ing)?|\bnot\s+(?:yet\s+)?(?:have|had|hold|secured|signed|got)|"
    r"n['’]t\s+(?:yet\s+)?(?:have|had|hold|secured|signed|got)|\byet\s+to\s+(?:sign|secure|obtain|execute|"
    r"reach|have))\s+(?:(?:a|an|any|the|their|its|signed|firm|binding|final|definitive|power|supply|"
    r"offtake|customer|tenant|long-term|electric|service)\s+){0,3}$"
)


def _denied(low: str, at: int) -> bool:
    """Is the contract word at `at` denied by its clause ("projects that do not yet have a power
    agreement")? The figure then has not been contracted."""
    window = low[max(0, at - 45) : at]
    # Every `_DENIED_BEFORE` match holds one of these (chained tests: no generator per word).
    if not ("no" in window or "without" in window or "lack" in window or "n't" in window or "n’t" in window):
        return "yet to" in window and _DENIED_BEFORE.compiled.search(low, max(0, at - 45), at) is not None
    return _DENIED_BEFORE.compiled.search(low, max(0, at - 45), at) is not None


#: Words that deny the status word after them.
_NEGATIONS: Final = ("not ", "not yet ", "yet to be ", "never ", "n't ", "n’t ", "n't yet ", "n’t yet ")

#: A site's own size written before its noun: "Halloran's 600 MW Brackett campus", "the 250 MW 'AI
#: Factory' site", "a 340 MW facility" (at most three name or kind words between, none a preposition,
#: article or verb: "200 MW across three sites" is no site's size). A name in quotes of any kind is
#: still a name ("its 200 MW “Helios” campus", "the 300 MW ‘AI Factory’"): typographic quotes are not
#: word characters, and a name they enclosed once ended the match, so the site's size read as capacity.
_SITE_AFTER: Final = re.compile(
    r"\s*(?:(?!(?:of|at|in|on|across|for|to|from|over|between|and|or|with|is|are|was|were|has|have|had|"
    r"the|its|our|their|a|an|per|each|into|under|by|this|that|which|who|will|would)\b)[\w'’‘\"“”&-]+\s+){0,3}?"
    r"[\"'‘“]?(?:campus(?:es)?|sites?|facilit(?:y|ies)|parks?|AI\s+factor(?:y|ies)|data\s+cent(?:er|re)s?"
    r"(?!\s+(?:capacity|load|power|space|demand|portfolio|leases?|contracts?|agreements?|deals?)\b))(?![\w-])",
    re.IGNORECASE,
)
#: The same written after its noun: "a campus with planned capacity of 900 MW", "three additional sites
#: totaling ~800 MW", "the Tessaly site, which has a potential load of 300 MW".
_SITE_BEFORE: Final = re.compile(
    r"\b(?:campus(?:es)?|sites?|facilit(?:y|ies)|parks?)\s*,?\s+(?:(?:which|that)\s+(?:has|have|will\s+have|"
    r"would\s+have)\s+|(?:with|of|having|featuring|offering|totall?ing|spanning|sized\s+at|rated\s+at)\s+)"
    r"(?:(?:an?|the)\s+)?(?:(?:planned|potential|total|full|ultimate|eventual|expected|targeted|maximum|"
    r"initial|combined|aggregate|power|IT|critical|gross|nameplate|design)\s+)*(?:(?:capacity|load|power)\s+)?"
    r"(?:of\s+)?$",
    re.IGNORECASE,
)
#: Lower-cased words one of which every `_SITE_AFTER` / `_SITE_BEFORE` match holds.
_SITE_WORDS: Final = ("campus", "site", "facilit", "park", "factor", "data cent")
#: Between a status word and the site it governs as its object: "leased its entire 500 MW campus",
#: "broke ground on a 340 MW facility", "a lease for the 300 MW site", "the lease covers the 200 MW
#: Ashby data center".
_SITE_OBJECT_GAP: Final = re.compile(
    r"\s+(?:(?:out|up|on|for|of|covers|covering|spans|spanning|includes|including)\s+)?(?:(?:the|its|our|their|his|her|an?|this|that|"
    r"[A-Z][\w.&-]*(?:'s|’s))\s+)?(?:(?:entire|whole|full|existing|first|second|third|new|flagship|"
    r"remaining)\s+)*(?:approximately\s+|about\s+|roughly\s+|nearly\s+|some\s+)?"
)
#: Where a site's own predicate ends: "the 600 MW campus, where Orbis leased its first hall".
#: (Also a deal the sentence goes on to name: "at its 1.1-gigawatt campus in Ohio, in a deal the company
#: valued at $11 billion" is the lease's deal, not the campus's status.)
_SITE_PREDICATE_STOP: Final = re.compile(
    r";|,\s+(?:and|against|while|with|where|but)\b|,\s+(?:in|under|as\s+part\s+of)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:deal|agreement|transaction|contract)\b"
)
#: An appositive after the site names something else: "a 340 MW facility near Harlow, its first leased site".
_APPOSITIVE: Final = re.compile(r",\s+(?:its|the|a|an|our|their|his|her)\s")
#: The figure's own predicate still to come: "Phase one (about 45 MW) is expected to begin operations",
#: "about 700 MW of that will be live" (a part of a whole just named).
_FUTURE_PREDICATE: Final = re.compile(
    r"\s*\)?\s*(?:of\s+(?:it|that|this|them|those|these)\s+)?(?:(?:is|are)\s+(?:now\s+|still\s+)?(?:expected|scheduled|slated|set|due|planned|on\s+track)\s+to|"
    r"will|should)\s+(?:be\s+)?",
    re.IGNORECASE,
)
#: A figure's own predicate or relative clause before a build status (lower-cased): " we have ", " it
#: currently has ", " that are ", " now " in "the 480 MW we have under construction" ("we had" is the
#: past: "energized the 260 MW we had under construction" was built since; "260 MW of the capacity under
#: construction" is a part of that capacity, with a status of its own).
_BUILDING_PREDICATE: Final = re.compile(
    r"(?:\s+of\s+(?!(?:the|this|that|these|those|our|its|their)\b)(?:[\w-]+\s+){0,2}?(?:capacity|power|load))?"
    r"(?:\s+(?:that|which))?"
    r"(?:\s+(?:we|it|they|the\s+company|[a-z][\w&.'’-]*))?(?:\s+(?:now|currently|still|also))?"
    r"(?:\s+(?:has|have|is|are))?(?:\s+(?:now|currently|still|already))?\s+"
)
#: The build statuses `_BUILDING_PREDICATE` reads (lower-cased).
_BUILDING_STARTS: Final = ("under construction", "under development", "in development")
_WORDS_ONLY: Final = re.compile(r"[a-z\s-]*")
#: A clause boundary a negotiation does not reach over.
_TALKS_STOP: Final = re.compile(r";|\.\s|,\s+(?:and|but|while|whereas|although|though)\b")
#: The noun a negotiation is about, not a deal closed: "talks over a lease for up to 500 MW".
_NEGOTIATED_OBJECTS: Final = frozenset(
    ("lease", "leases", "contract", "contracts", "agreement", "agreements", "deal", "deals", "msa", "msas",
     "commitment", "commitments")
)  # fmt: skip
#: A negotiation written after the figure it is about: "a 100 MW LOI", "a 200 MW lease under
#: negotiation", "300 MW in advanced talks".
_TALKS_AFTER_GAP: Final = re.compile(
    r"\s+(?:(?:of\s+)?(?:[\w-]+\s+){0,2}?(?:(?:is|are|was|were|remains?|still)\s+)*(?:under|in|subject\s+to|pending)\s+"
    r"(?:[\w-]+\s+){0,2}?)?",
    re.IGNORECASE,
)
#: Adjectives between a figure and the head of its noun phrase: "a 2.5 GW active development pipeline".
_NP_MODIFIERS: Final = re.compile(
    r"(?:\s+(?!(?:and|or|of|with|plus|but|while|in|at|across|to|for|from|by|is|are|was|were|after|before|since|as|"
    r"than|when|following|once|until|under|over|on|into|through|during|the|a|an|its|our|their|this|that|which|who|"
    r"has|have|had|be|been|will|would|can|could|not|also|now)\b)[a-z][a-z-]*){0,3}\s+"
)


def _site_size(sentence: str, low: str, start: int, end: int) -> int:
    """Where the site noun ends when the figure is a site's own size, written before the noun
    ("the 600 MW Brackett campus") or after it ("a campus with planned capacity of 900 MW", then
    the figure's end); -1 otherwise."""
    window = low[end : end + 60]
    if any(word in window for word in _SITE_WORDS):
        m = _SITE_AFTER.match(sentence, end)
        if m is not None:
            return m.end()
    window = low[max(0, start - 80) : start]
    if any(word in window for word in _SITE_WORDS) and _SITE_BEFORE.search(
        sentence, max(0, start - 80), start
    ):
        return end
    return -1


def _site_status(
    sentence: str, start: int, end: int, site_end: int, found: list[tuple[int, int, str]], next_start: int
) -> str | None:
    """The status of a site's size: only the site's own, as its predicate ("The 300 MW campus, backed
    by a PPA, is fully leased") or as the verb whose object it is ("leased its entire 500 MW campus").

    A status elsewhere is about something at the site: "the GPUs will be deployed at the 600 MW
    campus", "the deal covers 180 MW at the 600 MW campus", "financing for the 250 MW site".
    """
    stop = _SITE_PREDICATE_STOP.search(sentence, site_end)
    limit = min(len(sentence), site_end + 120, stop.start() if stop else len(sentence))
    if next_start >= 0:
        limit = min(limit, next_start)
    for a, _b, kind in found:
        if end <= a < limit and not _APPOSITIVE.search(sentence, site_end, a):
            return "blocked" if kind == "talks" else kind
    if site_end == end:
        # "a campus with planned capacity of 900 MW": the figure is written after the noun.
        return None
    for _a, b, kind in reversed(found):
        if b <= start:
            if _SITE_OBJECT_GAP.fullmatch(sentence, b, start):
                return "blocked" if kind == "talks" else kind
            if (
                kind == "contracted"
                and _INCLUDED_SITE_FOR.fullmatch(sentence, b, start)
                and (_FOR_CUSTOMER.match(sentence, site_end))
            ):
                # "has 620 MW under contract, including a 200 MW campus for Anthropic": a part of the
                # power contracted, the site a customer's.
                return kind
            return None
    return None


#: Between a contracted figure's status and a site listed as a part of it: ", including a ".
_INCLUDED_SITE_FOR: Final = re.compile(
    r",\s+including\s+(?:an?|the|one|its)\s+(?:(?:approximately|about|roughly)\s+)?"
)
#: A customer the site is for, right after the site noun: " for Anthropic", " leased to Meta".
_FOR_CUSTOMER: Final = re.compile(r"\s+(?:for|leased\s+to|with)\s+[A-Z]")


def _negotiated(sentence: str, low: str, start: int, end: int, found: list[tuple[int, int, str]]) -> bool:
    """Is the figure capacity still under negotiation? A negotiation word ("talks", "letter of intent",
    "exclusivity") governs the figures of its clause after it, the lease or deal it names included,
    unless a status of their own comes between ("After months of talks, Corvane signed 200 MW")."""
    talks = [a for a, _b, kind in found if kind == "talks"]
    if not talks:
        return False
    for a, b, kind in found:
        if (
            kind in ("contracted", "deployed")
            and 0 <= a - end <= 30
            and low[a:b] not in _NEGOTIATED_OBJECTS
            and not _TALKS_STOP.search(sentence, end, a)
            and not any(0 <= t - b <= 20 and _WORDS_ONLY.fullmatch(low, b, t) for t in talks)
        ):
            # "We remain in discussions with several hyperscalers and today have 400 MW contracted": the
            # figure's own status written right after it (not "under a signed letter of intent").
            return False
    for a, b, kind in found:
        if kind != "talks":
            continue
        if b <= start:
            if start - b > 160 or _TALKS_STOP.search(sentence, b, start):
                continue
            if any(
                k in ("contracted", "deployed")
                and b <= a2
                and b2 <= start
                and low[a2:b2] not in _NEGOTIATED_OBJECTS
                for a2, b2, k in found
            ):
                continue
            return True
        if a >= end and a - end <= 40 and _TALKS_AFTER_GAP.fullmatch(sentence, end, a):
            return True
    return False


#: Lower-cased words one of which every `_FACTORY_BEFORE` / `_FACTORY_AFTER` match holds.
_FACTORY_WORDS: Final = ("manufactur", "production", "factory", "fabricat", "assembly", "output")
#: A maker's own output capacity, named before the figure: "double annual manufacturing capacity at its
#: two plants to 2 GW" (lower-cased text).
_FACTORY_BEFORE: Final = re.compile(
    r"\b(?:manufacturing|production|factory|fabrication|assembly|output)\s+capacity\b"
)
#: The same written after it: "2 GW of annual manufacturing capacity", "1.5 GW of yearly output",
#: "a 2 GW factory", "1.5 GW of fuel cells per year" (only beside one of `_FACTORY_WORDS`).
_FACTORY_AFTER: Final = re.compile(
    r"\s*(?:of\s+)?(?:(?:new|additional|annual|yearly|annuali[sz]ed|total|nameplate)\s+)*"
    r"(?:(?:manufacturing|production|factory|fabrication|assembly|output)\b|"
    r"(?:of\s+(?:[\w-]+\s+){1,3}?)?(?:/\s*|per\s+|a\s+)(?:year|yr|annum)\b|gigafactory\b)"
)
#: Where a clause ends between the maker's capacity and a figure.
_FACTORY_STOP: Final = re.compile(r";|\.\s|,\s+(?:and|but|while|whereas)\s")


def _factory_output(low: str, start: int, end: int, found: list[tuple[int, int, str]]) -> bool:
    """Is the MW figure a maker's production capacity ("plans to double annual manufacturing capacity
    to 2 GW by the end of 2026"), not data-center capacity, whatever deal its sentence names?"""
    window = low[max(0, start - 140) : end + 40]
    if not any(word in window for word in _FACTORY_WORDS):
        return False
    if _FACTORY_AFTER.match(low, end) is not None:
        return True
    last: re.Match[str] | None = None
    for m in _FACTORY_BEFORE.finditer(low, max(0, start - 140), start):
        last = m
    if last is None or _FACTORY_STOP.search(low, last.end(), start) is not None:
        return False
    # "production capacity of our partner, which has leased 300 MW": a status of its own between.
    return not any(last.end() <= a < start for a, _b, kind in found if kind != "weak")


#: A share of less than all of it just before a status word after a power figure: "(82% pre-leased)",
#: ", of which 60% is contracted", "— 94 per cent leased" (not "100%").
_SHARE_BEFORE_STATUS: Final = re.compile(
    r"(?<![\d.])(?!100\b)\d{1,2}(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s*(?:(?:is|are|was|were|has\s+been|"
    r"have\s+been)\s+)?(?:already\s+|currently\s+|now\s+)?$",
    re.IGNORECASE,
)


#: The opening of an aside: ", including …", ", excluding …", ", which includes …".
_ASIDE_OPEN: Final = re.compile(r",\s+(?:including|excluding|which\s+(?:includes?|excludes?))\b")


def _in_aside(low: str, a: int, b: int, start: int) -> bool:
    """Is the status word at [a, b) inside a comma-closed aside, opened by "including" or the like,
    that ends before the figure at `start`?"""
    if low.find(",", b, start) < 0:
        return False
    opener = low.rfind(",", 0, a)
    return opener >= 0 and _ASIDE_OPEN.match(low, opener) is not None


#: A second object of a list after ", and", led by its figure: ", and 110 MW", ", and another 80 MW".
_NEXT_ITEM: Final = re.compile(
    r",\s+and\s+(?:(?:another|a\s+further|an\s+additional|approximately|about|roughly|nearly|some)\s+)?"
)


def status_of_power(
    sentence: str,
    start: int,
    end: int,
    folded: Folded | None = None,
    prev: tuple[int, int] | None = None,
    next_start: int = -1,
    statuses: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """`contracted`, `deployed`, `blocked` or None for a MW quantity at [start, end).

    The nearest status word wins, looking first inside the clause around the
    number, so "310 MW of active capacity, against contracted capacity of
    1.26 GW" reads each number with its own word.

    A status word between two power figures is shared out by the sentence's own
    pattern: where figures are written after their status ("energized 210 MW and
    contracted 640 MW"), it is the next figure's; where they are written before it
    ("356 MW in operation and 1,020 MW under signed leases"), the previous one's.
    `prev` is the previous power figure's span and `next_start` where the next begins.
    """
    low = folded.low if folded is not None else sentence.lower()
    if _own_power(low, end):
        return "blocked"
    if (
        _may_be_grid_side(low, start, end)
        and not (
            low.startswith(" of generation ", end) and _GENERATION_FOR_DATA_CENTERS.compiled.match(low, end)
        )
        and (
            _GRID_SIDE_AFTER.compiled.match(sentence, end)
            or _GRID_SIDE_BEFORE.compiled.search(sentence, max(0, start - 90), start)
            or _GENERATION_BEFORE.compiled.search(sentence, max(0, start - 90), start)
        )
    ):
        # "PPAs totalling 540 MW of wind and solar generation", "demand-response agreements covering
        # 85 MW of flexible load": power bought, generated or shed, not data-center capacity.
        return "blocked"
    left_bound = max(
        sentence.rfind(";", 0, start),
        sentence.rfind(", and ", 0, start),
        sentence.rfind(", against", 0, start),
        sentence.rfind(", compared", 0, start),
        sentence.rfind(", versus", 0, start),
        sentence.rfind(", vs", 0, start),
    )
    if statuses is None:
        statuses = power_statuses(folded if folded is not None else Folded.of(sentence))
    found: list[tuple[int, int, str]] = []
    weak = False
    for a, b, kind in statuses:
        if kind == "weak":
            weak = weak or abs(a - end) < 40 or abs(start - b) < 40
        else:
            found.append((a, b, kind))
    prev_end = prev[1] if prev is not None else -1
    # Evidence of the sentence's pattern, from status words no other figure competes for: the
    # previous figure's status written before it, this figure's before it, or this one's after it.
    prev_leads = prev is not None and any(0 <= prev[0] - b <= 30 and a > left_bound for a, b, _k in found)
    leads = (prev is None or prev_leads) and any(a >= prev_end and 0 <= start - b <= 30 for a, b, _k in found)
    # "1,135 MW of critical IT capacity under signed leases": the measure the figure is counted in is
    # no distance between the figure and its status (written without it, "1,135 MW under signed
    # leases", the status sits right after the figure).
    measure = _MEASURE_AFTER.match(low, end) if low.startswith(" of ", end) else None
    tail = measure.end() if measure is not None else end
    trails = any(
        0 <= a - (tail if a >= tail else end) <= 30 and (next_start < 0 or a < next_start)
        for a, _b, _k in found
    )
    # "360 MW under contract, of which 120 MW was delivered": the whole's status is not the part's.
    part_of = "which" in sentence[max(0, start - 20) : start] and _OF_WHICH_BEFORE.search(
        sentence, max(0, start - 20), start
    )
    best: tuple[int, str] | None = None
    # "60 MW of the leased capacity is already energized": the partitive's word is not the part's status.
    part = _PARTITIVE.match(sentence, end) if "of" in sentence[end : end + 4] else None
    # "the remaining 450MW of the 600MW first phase has been leased": the verb after the whole is the
    # part's; the whole takes no status from the part's clause.
    part_of_next = next_start >= 0 and _OF_THE_WHOLE.fullmatch(sentence, end, next_start) is not None
    whole_of_prev = prev is not None and _OF_THE_WHOLE.fullmatch(sentence, prev_end, start) is not None
    verb = -1
    if part_of_next or whole_of_prev:
        m = _WHOLE_VERB.match(sentence, end if whole_of_prev else next_start)
        verb = m.start() if m is not None else -1
    if not (part_of_next or whole_of_prev):
        site_end = _site_size(sentence, low, start, end)
        if site_end >= 0:
            return _site_status(sentence, start, end, site_end, found, next_start)
    if _negotiated(sentence, low, start, end, found):
        return "blocked"
    if _factory_output(low, start, end, found):
        return "blocked"
    for a, _b, kind in found:
        if kind == "deployed" and a >= end and _FUTURE_PREDICATE.fullmatch(sentence, end, a):
            # "Phase one of the build-out (about 45 MW) is expected to begin operations in 2027": the
            # figure's own predicate, over a word of the phrase it sits in.
            return "deployed"
        if (
            kind in ("blocked", "talks")
            and end < a <= end + 40
            and (next_start < 0 or a < next_start)
            and _NP_MODIFIERS.fullmatch(low, end, a)
        ):
            # "a 2.5 GW active development pipeline": the head of the figure's noun phrase, not an
            # adjective before it, says what the figure is.
            return "blocked"
        if (
            kind == "blocked"
            and end < a <= end + 40
            and (next_start < 0 or a < next_start)
            and low.startswith(_BUILDING_STARTS, a)
            and _BUILDING_PREDICATE.fullmatch(low, end, a) is not None
        ):
            # "to energize the 480 MW we have under construction": what the figure's own relative clause
            # says it is, over the verb whose object it is (it is still being built).
            return "blocked"
    # "contracted capacity, including buildings under construction, reached 540 MW": an aside between
    # the subject and its verb says what the figure counts, not what it is.
    asides = ("includ" in low or "exclud" in low) and low.find(",", 0, start) >= 0
    for a, b, kind in found:
        if part is not None and end <= a < part.end():
            continue
        if asides and b <= start and _in_aside(low, a, b, start):
            continue
        if verb >= 0 and (
            (part_of_next and next_start <= a < verb) or (whole_of_prev and (a < prev_end or a >= verb))
        ):
            continue
        if b <= start:
            distance = start - b
            if a < left_bound or part_of:
                distance += 200
            elif (
                prev is not None
                and a >= prev_end
                and trails
                and not prev_leads
                and not (prev_end < left_bound < a)
            ):
                # "356 MW in operation and 1,020 MW under signed leases": "in operation" is the 356's
                # (not a word in this figure's own clause: "…, and it expects to deliver the first 180 MW
                # of the lease").
                distance += 40
        elif a >= end:
            distance = a - (tail if a >= tail else end) + 5
            gap = sentence[end:a]
            if ("%" in gap or "cent" in gap) and _SHARE_BEFORE_STATUS.search(gap):
                # "412 MW (82% pre-leased)", "1,146 MW, 94 percent leased": the status is the share's;
                # only part of the figure has it.
                continue
            stop = _RE_AND_AGAINST_WHILE.search(gap)
            if "which" in gap and _OF_WHICH.search(gap):
                if 0 <= next_start <= a:
                    # "the 240 MW build, of which 150 MW is pre-leased": the part's status alone, never
                    # the whole's (which keeps a status of its own written before it, or none).
                    continue
                # "reaches 455MW, of which 182MW is in operation": the trailing status is the part's.
                distance += 200
            elif stop:
                distance += 200
            elif 0 <= next_start <= a and not (part_of_next and verb >= 0):
                # Past the next figure: its own word ("120 MW energized and 300 MW contracted").
                distance += 200
            elif next_start >= 0 and leads:
                # "Energized capacity reached 210 MW and contracted capacity 640 MW": the 640's word.
                distance += 40
        else:
            continue
        if kind == "talks":
            # A negotiation governs only as `_negotiated` reads it: "stood at 900 MW after discussions
            # concluded" keeps its status.
            continue
        if kind == "blocked" and distance > 60:
            continue
        if best is None or distance < best[0]:
            best = (distance, kind)
    if best is None or best[0] > 260:
        if weak:
            return "deployed"
        if (
            prev is not None
            and left_bound >= prev_end
            and (measure is not None or not low.startswith(" of ", end))
            and _NEXT_ITEM.fullmatch(low, left_bound, start)
        ):
            # "… included a 300 MW lease with Oracle at …, with a 15-year term, and 110 MW across two
            # campuses with an unnamed customer": the second object of the same verb shares its status.
            return status_of_power(sentence, prev[0], prev[1], folded, None, start, statuses)
        return None
    return best[1]
