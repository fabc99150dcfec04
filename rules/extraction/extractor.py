"""Text in, facts out: walks the segments of a document and reads each quantity.

Reading state carried across sentences (the period being talked about, an
outlook section, the party of the financing just described) lives in `_State`;
each sentence is then read on its own with the helpers in this package.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Final

from rules.extraction import spaced
from rules.extraction.columns import Pieces, read_columns
from rules.extraction.counterparties import (
    NAME_RUN,
    LeadWords,
    clean_name,
    document_company,
    first_of_pair,
    is_backer,
    is_generic,
    is_same_company,
    lead_actor,
    lender,
    name_at,
    names_in,
    party_after,
    slashed,
    subject_before,
)
from rules.extraction.defined import blank_defined_terms, is_role
from rules.extraction.folding import CasePattern, Folded, Screened, may_end_with
from rules.extraction.lazy import OnFirstUse
from rules.extraction.markup import markup_cuts
from rules.extraction.metrics import (
    CUSTOMERISH,
    GROWTH_DOWN,
    GROWTH_UP,
    GROWTH_UP_WORDS,
    MOVE_DOWN,
    MOVE_UP,
    OF_REVENUE,
    SEQUENTIAL,
    Cue,
    find_cues,
    power_statuses,
    status_of_power,
)
from rules.extraction.movers import DocumentNames, may_move, named_move, shares_owner
from rules.extraction.numbers import Quantity, find_quantities
from rules.extraction.pages import page_joins
from rules.extraction.periods import (
    CALENDAR_YEAR,
    FiscalCalendar,
    Mention,
    Period,
    deadline_period,
    find_mentions,
    fiscal_calendar,
    fiscal_year_of,
    resolve,
)
from rules.extraction.sentences import Segment, segment
from rules.extraction.shares import fund_weight, not_customer_share
from rules.extraction.speakers import Turns
from rules.extraction.spoken import Shifts, rewrite_spoken_both
from rules.extraction.stakes import (
    BOUGHT_ELSEWHERE,
    INVESTMENT_BY,
    SOLD,
    VERB_STEM,
    invested_in,
    investment_by,
    part_of_sum,
    shares_bought,
    shares_issued_by,
    stake_bought,
    sum_investor,
)
from rules.extraction.supposition import CUSTOMER, FIGURE, supposed
from rules.extraction.wraps import wrap_cuts
from rules.facts import METRIC_UNITS, Fact

#: The fact model's validator, called from this compiled module: `Fact(**fields)` runs
#: BaseModel's interpreted `__init__` frame per fact, which costs about as much as the validation.
_FACT_VALIDATOR: Final = Fact.__pydantic_validator__


def _whole(x: float) -> bool:
    """`x.is_integer()` (False for infinities and NaN too), as one native float operation: the method
    call boxes the float and looks the method up, for every value of every fact."""
    return x % 1.0 == 0.0


def _round6(x: float) -> float:
    return x if _whole(x) else round(x, 6)


def _new_fact(
    *,
    metric: str,
    kind: str,
    value: float,
    low: float,
    high: float,
    unit: str,
    bound: str,
    basis: str | None,
    period: str | None,
    company: str | None,
    counterparty: str | None,
    instrument: str | None,
    evidence: str,
    start: int,
    end: int,
) -> Fact:
    """The fact, validated as `Fact(**fields)` would validate it.

    Scaled figures carry binary noise ("$2.14bn" is 2.14 * 1e9 = 2140000000.0000002): rounded to
    six decimals, the JSON says 2140000000.0 as the text does. A single figure's three values are
    one number, rounded once (`round` to six places costs more than the rest of the fact).
    """
    low_r = _round6(low)
    high_r = high if _whole(high) else low_r if high == low else round(high, 6)
    value_r = (
        value if _whole(value) else low_r if value == low else high_r if value == high else round(value, 6)
    )
    fields = {
        "metric": metric,
        "kind": kind,
        "value": value_r,
        "low": low_r,
        "high": high_r,
        "unit": unit,
        "bound": bound,
        "basis": basis,
        "period": period,
        "company": company,
        "counterparty": counterparty,
        "instrument": instrument,
        "evidence": evidence,
        "start": start,
        "end": end,
    }
    fact: Fact = _FACT_VALIDATOR.validate_python(fields)
    return fact


# Patterns used inside functions, compiled once here.
#: A 20xx year: "\b20(\d\d)\b", its opening word boundary checked in a look-behind after the literal "20" so
#: that `re` finds each "20" with its literal search, not by trying the pattern at every position of a
#: document's top (the same matches, at the same positions).
_DATELINE_YEAR: Final = re.compile(r"20(?<=\b20)(\d\d)\b")
#: A year that names a law or a founding, not a reporting period: "Securities Exchange Act of 2002",
#: "Founded in 2012", "established in 2019", "in business since 2010", "since the Company's founding in
#: 2022", "from its inception in 2019". (Every branch opens with `\b` and one of the letters "aefios":
#: said once in front, a position inside a word or before another letter fails there, not in each branch
#: in turn.)
_NOT_PERIOD_YEAR: Final = re.compile(
    r"\b(?=(?i:[aefios]))(?i:act\s+of|(?:founded|established|incorporated|formed|organi[sz]ed|founding|inception|"
    r"formation)\s+in|since)\s+$"
)
_DIGIT: Final = re.compile(r"\d")
_RE_FROM_COMPARED_WITH: Final = re.compile(
    # "nearly double that of the second quarter", "higher than in the prior quarter": a compared period.
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|than(?:\s+(?:in|at|during))?|over|"
    r"(?:that|those|levels?)\s+(?:of|in|at|seen\s+in))\s+(?:the\s+|its\s+)?"
    # "an increase of 94% from the same period in 2025"
    r"(?:(?:same|comparable|corresponding|prior[\s-]year)\s+(?:period|quarter|half|months?)(?:\s+(?:of|in|last))?\s+)?$"
)
#: Every `_RE_FROM_COMPARED_WITH` match holds one of these (the pattern is case-sensitive): most
#: period phrases have none before them, and the substring tests spare them the engine.
_FROM_COMPARED_WORDS: Final[tuple[str, ...]] = (
    "from", "compared", "versus", "vs", "than", "over", "that", "those", "level",
)  # fmt: skip
#: The base the comparisons that follow are made against: "all comparisons are to the", "the comparisons
#: I'll give are against", "we compare with the".
_COMPARISONS_ARE_TO: Final = re.compile(
    r"\bcompar(?:isons?|e|ed|ing|atives?)\b[^.;:]{0,30}?\b(?:to|with|against|versus)\s+(?:the\s+|its\s+|our\s+)?$",
    re.IGNORECASE,
)
#: "up 57 % on H1 2025", "14 per cent on the first half of 2025": the period a change is measured on.
_PERCENT_ON: Final = re.compile(r"(?:%|\bper\s?cent|\bpercent)\s+on\s+(?:the\s+)?$")
_RE_BON_AN_NON: Final = Screened(
    re.compile(r"\bon\s+an?\s+(non[\s-]?GAAP|adjusted|GAAP)\s+basis", re.IGNORECASE)
)
_PIPE: Final = re.compile(r"\|")
_RE_END_ED_OF: Final = re.compile(r"\b(?:end(?:ed)?\s+(?:of\s+)?the|at\s+the\s+end)\b", re.IGNORECASE)
_RE_WERE_WAS_ACCOUNTED: Final = re.compile(
    r"\b(?:were|was|accounted\s+for|represented|comprised|made\s+up|at)\s+(?:approximately\s+|about\s+|roughly\s+)?$"
)
_RE_BOF_TOTAL_REVENUE: Final = re.compile(r"\bof\s+(?:total\s+)?(?:revenue|sales)")
_RE_LOWER: Final = re.compile(r"^\s*lower\b")
_RE_CUSTOMER_CLIENT_TENANT: Final = re.compile(r"\b(?:Customer|Client|Tenant)\s+[A-Z0-9]\b")
_RE_CUSTOMERS_CLIENTS_TENANTS: Final = CasePattern(r"\b(?:customers|clients|tenants|top\s+\w+|largest)\b")
_RE_WITH_TO_FROM: Final = LeadWords(re.compile(r"\b(?:with|to|from|by)\s+"), ("with", "to", "from", "by"))
_RE_HAS_SIGNED_AGREED: Final = re.compile(
    # "Tessaline took 240 megawatts at our Lorain site": the taker of capacity is the customer.
    r"\s*([A-Z][\w&.\- ]{1,40}?)\s+(?:has\s+)?"
    # "Drossel has contracted for 240 MW under a ten-year agreement": the taker of capacity.
    r"(?:signed|agreed|awarded|selected|will\s+pay|committed|took|taken|contracted\s+for)\b"
)
_RE_BWITH_AS_ADMINISTRATIVE: Final = Screened(
    re.compile(
        # (A hard-wrapped filing may break the name's line: "Mercantile Union\nBank, N.A.".)
        # "… with a syndicate of lenders for which Pemberton Ridge Capital acts as administrative agent".
        # "… with the lenders from time to time party thereto, Brightwater Bank, N.A., as administrative
        # agent".
        r"(?:\b(?:with|and|for\s+which)|\bthereto,)\s+(?P<n>[A-Z][\w&'’.\- ,\n]{1,60}?),?\s+(?:N\.A\.,?\s+)?"
        r"(?:(?:acts|serves|will\s+act|will\s+serve|is\s+acting|is\s+serving|acted|served)\s+)?"
        r"as\s+(?:administrative\s+)?agent"
    )
)
_RE_PREVIOUSLY: Final = re.compile(r"\W*(?:\S+\s+){0,4}previously\b")
#: After a figure, the forecast it was: "… it had forecast", "… range it gave in May", "… outlook issued
#: in May", "… the roughly 35% we indicated in March".
_RE_IT_WE_THEY: Final = re.compile(
    r"\s*(?:(?:range|outlook|forecast|guidance|target|view|projection)\s+)?(?:that\s+|which\s+)?"
    r"(?:(?:it|we|they|the\s+company|management)\s+(?:had\s+)?(?:previously\s+|initially\s+|originally\s+)?"
    r"(?:targeted|expected|forecast|guided|projected|anticipated|estimated|predicted|gave|issued|set|provided|"
    r"published|announced|called\s+for|promised|pledged|vowed|indicated|signall?ed|outlined|flagged)|"
    r"(?:given|issued|set|provided|published|announced)\s+(?:in|on|at|last|earlier)\b)",
    re.IGNORECASE,
)
#: The same promise written with the figure's noun between or in the passive: "the 250 MW of live
#: capacity it had pledged", "the 250 MW promised to investors in March" (a figure promised earlier
#: is that promise, not what the company has now). Run for capacity only, when the words after the
#: figure start as it does (`_PROMISE_STARTS`).
_PROMISED_EARLIER: Final = re.compile(
    r"\s*(?:of\s+(?:[\w-]+\s+){1,3}?(?:that\s+|which\s+)?(?:it|we|they|the\s+company|management)\s+(?:had\s+)?"
    r"(?:previously\s+|initially\s+|originally\s+)?(?:targeted|forecast|guided|projected|promised|pledged|vowed)|"
    r"(?:previously\s+|initially\s+|originally\s+|earlier\s+)?(?:promised|pledged|targeted|guided|forecast)\s+"
    r"(?:to\s+(?:investors|shareholders|analysts|the\s+market)|earlier|last|(?:in|on|at)\s+(?:the\s+|its\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|20\d\d|q[1-4]|(?:first|second|third|fourth)\s+quarter|"
    r"start|beginning|outset|ipo|listing|investor\s+day)))",
    re.IGNORECASE,
)
_PROMISE_STARTS: Final = (
    "of ", "promised", "pledged", "targeted", "guided", "forecast", "previously", "initially", "originally",
    "earlier",
)  # fmt: skip
_RE_THAT_ITS_THEIR: Final = re.compile(r"\b(?:that|its|their)\s+share", re.I)
_RE_OF: Final = re.compile(r"\s+of\s+")
_RE_OUTSTANDING_REPURCHASE_BUYBACK: Final = re.compile(r"\b(?:outstanding|repurchase|buyback|of\s+its)\b")
_RE_YEAR_OVER_ON: Final = re.compile(
    r"^\s*(?:year[\s-](?:over|on)[\s-]year|y/y|yoy|from\s+(?:a\s+year|the\s+(?:year|prior[\s-]year)))",
    re.IGNORECASE,
)
_RE_FY_DAY: Final = re.compile(r"(?:Q[1-4]|FY\d*|H[12]|\d.*|[A-Z][a-z]+day)")
_RE_THAT_ITS_THEIR_2: Final = re.compile(r"\b(?:that|its|their)\s+share", re.IGNORECASE)
_COMMA_OR_SEMI: Final = re.compile(r"[;,]")
_PERCENT_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?%")
#: A term between a figure and its deal noun: "$4.4 billion, 12-year lease", "$5.5 billion 15-year lease",
#: "$2 billion, five-year deal". A numeral term is dropped from the gap (its digits would end it).
_RE_YEAR_MULTI_YEAR: Final = re.compile(
    r"^(?:,?\s*\d{1,2}(?:\.\d)?-year\b|,\s*(?=(?:[\w]+-year|multi-?year|long-term)\b))"
)
_RE_CUSTOMERS_CLIENTS: Final = re.compile(r"\b(?:customers?|clients?)\b")
_RE_HIGHER_LOWER: Final = re.compile(r"^\s*(?:higher|lower)\b")
_RE_TO_OF_APPROXIMATELY: Final = re.compile(r"\b(?:to|of)\s+(?:approximately\s+)?\$")
_RE_TWO_THREE_BOTH: Final = re.compile(r"\b(?:two|three|both|these|leases|agreements)\b")
_RE_IT_THEY: Final = re.compile(r"\b(?:it|they)$", re.IGNORECASE)
_RE_BGROWTH: Final = re.compile(r"\bgrowth\b", re.IGNORECASE)
_RE_REVENUE_SALES: Final = re.compile(r"revenue|sales", re.I)
_RE_CUSTOMER_CLIENT: Final = re.compile(r"\b(?:Customer|Client)\s+[A-Z0-9]\b")
_GAP_PUNCT: Final = re.compile(r"[,;:.()\[\]|%$\d]")
#: A verb or a joint between a figure and a cue after it: the cue is no noun of the figure. A purpose
#: clause is one too: "increased its revolving credit facility to $2.5 billion to finance inventory".
_RE_WAS_WERE_IS: Final = re.compile(
    r"\b(?:was|were|is|are|rose|fell|grew|reached|totaled|totalled|increased|decreased|at|as|"
    r"after|before|than|which|that|while|compared|versus|vs|up|down|by|ahead|below|above|and|or|but|"
    r"to\s+(?:help\s+)?(?:financ|fund|pay|cover|support|build|buy|purchas|acquir|repay|refinanc|expand|develop|"
    r"construct|meet|accelerat)\w*)\b",
    re.IGNORECASE,
)

_GUIDE_SOURCE: Final = (
    r"\b(?:expects?|expected|expecting|anticipates?|anticipated|anticipating|guidance|guided|guides|guide|guiding|should\s+(?:reach|be|total|exceed|come|land|remain|end|finish|grow|improve)|"
    r"outlook|forecasts?|forecasted|forecasting|projects|projected|projecting|targets?|targeting|targeted|"
    r"aims?\s+(?:to|for)|plans?\s+to|intends?\s+to\s+(?!use\b)|looking\s+for|on\s+(?:track|course|pace)\s+to|poised\s+to|"
    r"confident\s+(?:of|that|in|about)|reiterat\w+|reaffirm\w+|sees|is\s+seeing\s+(?=revenue)|"
    # "For the first quarter, we see revenue of about $700 million": "we see" before the metric it
    # forecasts (not "we see strong demand", nor "as we saw revenue grow").
    r"(?<=\bwe\s)(?:now\s+|still\s+)?see\s+(?=(?:[\w'’-]+\s+){0,3}?(?:revenues?|sales|(?:gross\s+|operating\s+)?margins?)\b)|"
    # An aim in plain words: "We want to be at 500 megawatts live by the end of 2027", "a clear path to 400
    # MW live this year", "line of sight to".
    r"wants?\s+to\s+(?:be|reach|get|have|hit|exit|end|grow|double)|"
    r"(?:clear|visible|credible|defined)\s+path\s+to|line\s+of\s+sight\s+to|"
    # "For fiscal 2026 we're saying 33 to 35 percent": a company's forecast in spoken form.
    r"we(?:'re|’re|\s+are)\s+(?:now\s+)?saying|"
    # A forecast named by its noun: "the full-year revenue range is now …", "RAISES FY26 REVENUE VIEW TO",
    # "the new range works out to …" (not "a revenue range from … to …" of customers, nor "a new range of
    # products").
    r"(?:revenues?|sales|margins?|growth|full[\s-]year|annual|new|updated|revised|raised|narrowed|lowered)\s+"
    r"(?:view|range)\b(?!\s+(?:from|between)\b|\s+of\s+(?!approx|about|roughly|around)[a-z])|"
    # "We're raising full-year revenue to …", "lowering Q4 gross margin to …": a forecast changed (the
    # present only: "the deal lifted fiscal 2025 revenue to …" reports; "cutting fiscal 2026 costs
    # helped …" changes no figure "to" another).
    r"(?:rais(?:e|es|ing)|lift(?:s|ing)|boost(?:s|ing)|lower(?:s|ing)|cut(?:s|ting)|trim(?:s|ming)|"
    r"narrow(?:s|ing))\s+(?:(?:our|its|the|their)\s+)?(?:full[\s-]year|fiscal|fy\w*|annual|current[\s-]year|"
    r"(?:first|second|third|fourth)[\s-]quarter|q[1-4]\w*|[1-4]q\w*)(?=[^.;]{0,80}?\s(?:to|at)\s)|"
    # "Management projections presented at the investor day call for revenue of …": a plan's forecast.
    r"(?:projections?|business\s+plan|budget)\s+(?:[^.;]{1,80}?\s)?calls?\s+for|"
    # "in May it had called for $1.7 billion": a pronoun's forecast (an agreement that calls for
    # deliveries is no forecast).
    r"(?:(?<=\bit\s)|(?<=\bwe\s)|(?<=they\s)|(?<=had\s))called\s+for|"
    # "Proceeds will be used to serve its agreement with …": a purpose, not a forecast.
    # "we'll have roughly 500MW energized": the contracted "will" is the same forecast.
    r"(?:will|'ll|’ll)\s+(?:reach|be(?!\s+used\s+(?:to|for)\b)|exceed|grow|generate|total|come|land|remain|end|finish|"
    r"improve|have)|"
    r"(?:lets?|allows?|enables?)\s+us\s+(?:to\s+)?(?:bring|add|reach|deliver|build|grow|double)|predicts?|"
    # "We estimate third-quarter revenue of $410 million to $415 million": the company's own estimate (its
    # subject written: "beat estimates and revenue rose" is no estimate of anyone's).
    r"estimates?\s+(?=that|revenue)|(?:(?<=\bwe\s)|(?<=\bcompany\s)|(?<=\bmanagement\s))estimates?\s+"
    r"(?=(?:[\w-]+\s+){1,2}?(?:revenues?|sales)\b)|"
    # Reported speech: "said first-quarter gross margin would fall to between 22% and 24%".
    # "we'd grow revenue …": the contraction spelled out whole, which keeps the word screen.
    r"(?:would|we'd|we’d|they'd|they’d)\s+(?:be|fall|rise|reach|come\s+in|grow|decline|drop|improve|total|range|land|exceed|narrow|"
    r"widen))\b"
)
_GUIDE: Final = re.compile(_GUIDE_SOURCE, re.IGNORECASE)
#: Scanned over every sentence with a number: the lower-case form is several times faster.
_GUIDE_FOLDED: Final = CasePattern(_GUIDE_SOURCE, depth=5)
_GUIDE_AFTER: Final = Screened(
    re.compile(
        # "Full deployment of the 180 MW load is expected by the end of 2027": a date still to come.
        # (A deal "expected to close" is agreed: its closing is to come, not its amount.)
        r",?[^,;.]{0,60}?\b(?:(?:is|are)\s+(?:expected|scheduled|planned|set|slated|due|targeted|aimed)\s+"
        r"(?:to(?!\s+(?:close|complete|settle)\b)|for|by)|"
        # "1.8 GW live capacity targeted for 2030".
        r"expected\s+to(?!\s+(?:close|complete|settle)\b)|scheduled\s+for|planned\s+for|targeted\s+(?:for|by))\b",
        re.IGNORECASE,
    )
)
_WILL_AFTER: Final = re.compile(
    r"[^,;.]{0,40}?(?:\b(?:will|should|would|is\s+to|are\s+to)|'ll|’ll)\s+(?:be\s+|become\s+)?(?:handed|delivered|energi[sz]ed|"
    r"commissioned|completed|brought|placed|put|come|go|enter|start|begin|commence|"
    # A state still to reach: "roughly 1.2 gigawatts of it will be live by the end of this fiscal year".
    r"(?<=be\s)(?:live|on-?line|operational|in\s+(?:service|operation)))\b|"
    # The infinitive right after the figure: "an initial 180 MW to come online in 2027" (not "yet to
    # be energized", which denies a state, nor "to be delivered", a contract's schedule).
    r"\s+(?:(?:due|set|slated|scheduled|expected|planned)\s+)?to\s+(?:come\s+on-?line|go\s+live|"
    r"be\s+(?:energi[sz]ed|commissioned|brought\s+on-?line|placed\s+in(?:to)?\s+service|put\s+in(?:to)?\s+service|"
    r"handed\s+over)|begin\s+(?:commercial\s+)?operations?|enter\s+(?:commercial\s+)?(?:operation|service))\b|"
    # A schedule in the present tense, or a later phase after one: "the first 120 MW go live in the first
    # quarter of fiscal 2028", "with the remaining 200 MW following in 2028".
    r"\s+(?:go(?:es)?\s+live|comes?\s+on-?line|following|to\s+follow)\s+(?:in|by|during|from)\b",
    re.IGNORECASE,
)
_WILL_BEFORE: Final = re.compile(
    r"(?:\b(?:will|should)|'ll|’ll)\s+(?:be\s+|become\s+)?(?:handed\s+over|delivered|energi[sz]ed|commissioned|completed|"
    r"brought\s+online|"
    r"placed\s+in\s+service|come\s+online|go\s+live|(?<=be\s)(?:live|on-?line|operational|in\s+(?:service|operation)))\b"
    r"[^,;]{0,60}$",
    re.IGNORECASE,
)
_GUIDE_RESET: Final = CasePattern(
    r"\b(?:after|following|because|since|as\s+(?!of\b|much\b|many\b|well\b|high\b)|compared\s+with\s+actual|"
    r"reported|delivered)\b|;|"
    # "guided 4Q above the Street and, notably, now has 1.9GW under contract": a new statement of fact.
    r"\band(?:,\s+[^,.;]{1,30},)?\s+(?:(?:now|already|currently)\s+(?:has|have|had|is|are|was|were)|"
    r"(?:has|have|had)\s+(?:now\s+|already\s+)?(?:signed|contracted|energi[sz]ed|delivered|reported|secured|"
    r"closed|booked|added)|ended|closed)\b|"
    # "… the $251 million analysts had expected, and said 58% of its revenue …": a new statement.
    r",\s+and\s+(?:said|says|told|noted|disclosed)\b"
)
_COMPARATIVE: Final = CasePattern(
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst|\brelative\s+to|\bthan|"
    r"\b(?:well\s+|just\s+|far\s+)?(?:below|above|short\s+of|ahead\s+of)|\brather\s+than)\s+"
    r"(?:(?:its|the|a|our|their|prior|previous|earlier|initial|original)\s+)*"
    r"(?:(?:prior|previous|earlier|initial|original)\s+)?(?:(?:outlook|guidance|forecast|estimate|"
    r"range|expectations?|view)\s+(?:of\s+)?)?(?:approximately\s+|about\s+|roughly\s+)?$",
)
#: The last word of every `_COMPARATIVE` match (see `folding.may_end_with`).
_COMPARATIVE_WORDS: Final[tuple[str, ...]] = (
    "from", "with", "to", "versus", "vs", "vs.", "against", "than", "below", "above", "of", "its", "the",
    "a", "our", "their", "prior", "previous", "earlier", "initial", "original", "outlook", "guidance",
    "forecast", "estimate", "range", "expectation", "expectations", "view", "approximately", "about",
    "roughly",
)  # fmt: skip
#: Each of them follows whitespace or `\b` in `_COMPARATIVE`.
_COMPARATIVE_WHOLE: Final = frozenset(_COMPARATIVE_WORDS)
#: Every `_COMPARATIVE` match opens with one of these ("rather than" holds "than").
_COMPARATIVE_LEADS: Final[tuple[str, ...]] = (
    "from", "than", "compared", "versus", "vs", "against", "relative", "below", "above", "short", "ahead",
)  # fmt: skip
_OLD_GUIDANCE: Final = Screened(
    re.compile(
        r"\b(?:prior|previous|previously|earlier|initial|original|old)\s+(?:\w+\s+)?(?:outlook|guidance|forecast|"
        r"range|view|target)|^\W*previously\b|\bpreviously\b",
        re.IGNORECASE,
    )
)
_GUIDANCE_CHANGE: Final = re.compile(
    r"\b(?:rais|lower|cut|cutting|narrow|increas|reduc|revis|updat|trim|boost|lift|reiterat|reaffirm)\w*\b"
    # "raised its FY26 revenue guide to … from …": trade writing's noun "guide" is the guidance.
    r"[^.;]{0,60}\b(?:outlook|guidance|guide|forecast|target|range|view)|"
    # "FY27 revenue guide raised to $3.55-3.59bn (from $3.45-3.52bn)": the noun first.
    r"\b(?:outlook|guidance|guide|forecast|target|range)\s+(?:is\s+|was\s+|has\s+been\s+)?"
    r"(?:rais|lower|cut|narrow|increas|reduc|revis|updat|trim|boost|lift)\w*",
    re.IGNORECASE,
)
_BASIS: Final = Screened(
    re.compile(
        r"(?P<non>\bnon[\s-]?GAAP\b|\badjusted\b|\badj\.|\bADJ\b(?=\s+[A-Za-z])|\bcore\b|\bnon[\s-]?IFRS\b|\bunderlying\b|\bpro\s+forma\b)"
        r"|(?P<gaap>(?<![-\w])GAAP\b|\bIFRS\b|\breported\s+basis)",
        re.IGNORECASE,
    )
)
_BASIS_AFTER: Final = re.compile(
    r"\s?\(?\s?(?:(?P<non>non[\s-]?GAAP|adjusted|adj\.)|(?P<gaap>GAAP)(?![\w-]))", re.IGNORECASE
)
_SKIP_SECTION: Final = CasePattern(
    # "About Kestrel" (not "… MARGIN ABOUT 41%", a headline's approximate figure).
    r"forward[\s-]looking|safe\s+harbou?r|cautionary|about\s+(?!the\s+quarter)(?![\d$€£¥]|us\$)|conference\s+call|"
    r"webcast|contacts?$|media\s+contact|investor\s+contact|related\s+(?:news|articles|stories)|"
    r"non-gaap\s+financial\s+measures|use\s+of\s+non-gaap|signatures?$|"
    # A note's own or the Street's numbers: "Our estimates", "Consensus estimates", "Street model".
    r"(?:our|street|consensus|analysts?['’]?)\s+(?:estimates?|forecasts?|models?|projections?)|"
    # A label line over the Street's figures: "Consensus (FactSet):", "Street:", "Analyst consensus".
    r"^\W*(?:(?:the\s+)?street|wall\s+street|(?:analysts?['’]?\s+)?consensus|analysts?['’]?)(?:\s+(?:view|expectations?|"
    r"numbers|consensus))?\s*(?:\([^()]{1,30}\))?\s*:?\s*$|"
    r"estimates?\s+(?:vs\.?|versus|against)\s+(?:consensus|the\s+street)",
)
#: A data vendor's line over the consensus: "LSEG data:", "Visible Alpha consensus:", "S&P Global:"
#: (a colon, or a consensus word, is needed: a vendor's name alone may be a news byline). Apart from
#: `_SKIP_SECTION`, tried at a short heading's start only: as one of its branches it slowed every
#: heading's test.
_VENDOR_LABEL: Final = re.compile(
    r"^\W*(?:factset|lseg|refinitiv|visible\s+alpha|s&p(?:\s+global)?(?:\s+market\s+intelligence)?|"
    r"(?:s&p\s+)?capital\s+iq|bloomberg|zacks|estimize)(?:\s+(?:data|consensus|estimates?|survey|poll)\s*"
    r"(?:\([^()]{1,30}\))?\s*:?|\s*(?:\([^()]{1,30}\))?\s*:)\s*$",
    re.IGNORECASE,
)


_GUIDE_SECTION: Final = Screened(
    re.compile(
        r"\b(?:outlook|guidance|forecasts?|looking\s+ahead|expectations|targets|(?:long[\s-]term|financial)\s+target|"
        # A plan's figures: "FY27 framework", "Medium-term model", "Long-term financial framework".
        r"(?:(?:long|medium|mid)[\s-]term|multi[\s-]year|financial|fy\s?'?\d\d(?:\d\d)?|20\d\d)\s+"
        r"(?:financial\s+)?(?:framework|model))\b",
        re.IGNORECASE,
    )
)
#: A full stop inside a segment ends a clause, but not the one of a legal name's abbreviation: in
#: "a lease with Fluidline Cloud Ltd. for 168 MW" the party and its figure share a clause.
_FULL_STOP: Final = (
    r"\.(?<!\bInc\.)(?<!\bLtd\.)(?<!\bCorp\.)(?<!\bCo\.)(?<!\bPlc\.)"
    # The last letter of "L.P.", "L.L.C.", "N.A.", "S.A.", "N.V.".
    r"(?<!\bP\.)(?<!\bA\.)(?<!\bV\.)(?<!\bC\.)\s"
)
_CLAUSE_BREAK: Final = re.compile(r";|,\s+(?:and|but|while|whereas|against|with|as)\b|" + _FULL_STOP)
_DEFINITE: Final = re.compile(
    r"\bthe\s+(?:amendment|facility|agreement|loan|revolver|credit\s+agreement|borrowings?|revolving|"
    r"notes|offering|commitments?)\b|\bthis\s+(?:financing|facility|loan)\b",
    re.IGNORECASE,
)
#: A contract already named: "the agreement", "the Northwind lease", "the Services Agreement",
#: "The amendment", or a brief's "ASHGROVE AI - DEAL COVERS ...".
_CONTRACT_DEFINITE: Final = LeadWords(
    re.compile(
        r"(?:\b(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?|^\W*(?:[A-Z][\w.&]*\s+){1,4}[-–—]\s+)"
        r"(?:agreement|contract|deal|lease|partnership|arrangement|amendment|expansion|rent|MSA)\b(?!s)",
        re.IGNORECASE,
    ),
    ("the", "this", "that"),
    anchored=True,
)
_TOTALISH: Final = Screened(
    re.compile(r"\b(?:total|aggregate|portfolio|across|combined|overall|in\s+total)\b", re.IGNORECASE)
)
_PER_UNIT_AFTER: Final = re.compile(
    r"\s*(?:a|an|per|each|for\s+each)\s+(?:share|unit|chassis|month|year|hour|port|rack|GPU|chip|kWh|MWh|"
    r"megawatt|MW|square|sq|employee|user|seat|token|ton)|"
    # A price written with a slash: "$2.60–$3.20/hr", "$85/MWh", "$1.10 / GPU-hour", "$150/kW-month".
    r"\s?/\s?(?:hr|h|hour|GPU|mo|month|yr|year|kWh|MWh|kW|MW|sh|share|unit|user|seat|token|ton|sq|MMBtu)\b",
    re.IGNORECASE,
)
#: A unit price (not "a year earlier"): "from $11 million per MW", "$4 a share".
_PER_UNIT_COMPARED: Final = re.compile(
    r"\s*(?:a|an|per|each|for\s+each)\s+(?:share|unit|chassis|port|rack|GPU|chip|kWh|MWh|megawatt|MW|square|sq)\b",
    re.IGNORECASE,
)
_CONVERT_NOUN: Final = r"(?=\s*(?:[(,.;:]|$|offering|notes?\b|issue\b|deal\b|due\b|priced\b|pricing\b))"
#: Financing instruments by the words that name them, case-insensitive (see `folding.CasePattern`).
_INSTRUMENTS: Final[list[tuple[str, CasePattern]]] = [
    # The singular "convert" is the noun only before a bracket, a comma or an issue word ("$400M
    # convert (0.75%, due 2031)"); the verb has an object ("convert 100 MW to AI hosting").
    # "non-convertible debentures" are plain notes.
    ("convertible", CasePattern(r"(?<!non-)\b(?:convertible|converts\b|convert" + _CONVERT_NOUN + ")")),
    ("ipo", CasePattern(r"\b(?:IPO|initial\s+public\s+offering|went\s+public|public\s+listing)\b")),
    # "Convertible Notes Offering to $600M": the noun of a convertible is no plain note (closer to the
    # figure, it would outrank the adjective).
    (
        "notes",
        CasePattern(
            r"(?:(?<=non-convertible\s)|(?<!convertible\s))(?<!convertible\ssenior\s)\b(?:notes|bonds?|debentures)\b"
        ),
    ),
    (
        "credit_facility",
        CasePattern(
            r"\b(?:credit\s+(?:facilit|agreement|line)|revolv|line\s+of\s+credit|RCF\b|"
            r"(?:financing|debt|construction|project\s+finance|acquisition|bridge)\s+facilit)"
        ),
    ),
    (
        "loan",
        CasePattern(
            r"\b(?:loans?|lent|lends?|lending|borrow\w*|delayed[\s-]draw|DDTLs?|TL[AB]\b|venture\s+debt|"
            r"(?:construction|project|term|bridge|acquisition)\s+(?:debt|financing)|"
            # "raised $2.1 billion in a private credit deal": debt lent by a fund, a loan.
            r"private\s+credit\s+(?:deal|financing|transaction))\b"
        ),
    ),
    ("warrants", CasePattern(r"\bwarrants?\b")),
    # A sale-leaseback is its own kind of financing, not the loan a paragraph named before it.
    ("other", CasePattern(r"\bsale[\s-](?:and[\s-])?lease[\s-]?backs?\b")),
]
#: Equity words are case-sensitive ("PIPE", "Series B"); tried after the others.
_EQUITY: Final = Screened(
    re.compile(
        # ("Placing conditionally raised gross proceeds of …": a headline-style sentence opens with it.)
        r"\b(?:equity|[Pp]lacing|(?:private|institutional|share)\s+placement|(?:share|stock)\s+(?:offering|sale|issuance)|"
        r"[Ss]eries\s+[A-H]\b|funding\s+round|round\s+of\s+(?:funding|financing)|PIPE|ordinary\s+shares|"
        r"common\s+stock|investors?|venture(?!\s+debt)|[Aa]t[\s-][Tt]he[\s-][Mm]arket|ATM\s+[Pp]rogram|"
        r"issu(?:ed|ing|es?)\s+(?:[\d,.]+\s+(?:million\s+)?)?(?:new\s+)?"
        r"(?:ordinary\s+|common\s+)?shares)"
    )
)
#: Screened: most sentences hold none of its verbs, and the screen spares the subject's lazy
#: 60-character expansion at every word.
#: A backer named in apposition to its role, then its verb: "our sponsor, Thornbury Infrastructure
#: Partners, committed another $600 million of equity", "its parent, Halvard Group, lent …".
_APPOSITIVE_BACKER: Final = re.compile(
    r"\b(?:our|its|their|the\s+company['’]s)\s+(?:(?:lead|anchor|largest|existing|long-?time|financial|"
    r"strategic|majority)\s+)?(?:sponsor|parent|backer|investor|shareholder|owner|partner|lender)s?,\s+"
    r"(?P<n>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z&][\w&'’.\-]*|of|and))*),\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    r"(?:committed|invested|provided|lent|loaned|extended|contributed|agreed\s+to\s+(?:provide|lend|invest))\b"
)
_LENDER_SUBJECT: Final = Screened(
    re.compile(
        r"(?P<who>\b[\w&'’.\- ]{1,60}?)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
        r"(?:lent|loaned|agreed\s+to\s+(?:provide|lend|let)|provided|will\s+(?:also\s+)?(?:provide|lend)|extended|"
        r"committed\s+to\s+provide|invested|"
        # An investor's commitment of a sum: "Vantor Infrastructure Partners committed $300 million of
        # preferred equity" (not "committed to purchase", a customer's).
        r"committed(?=\s+(?:(?:up\s+to|about|approximately|roughly|another|an\s+additional)\s+)?(?:US\s?)?\$)|"
        # Vendor financing: "chipmaker Vellichor will let Altamesa defer payment on up to $2.2 billion".
        r"will\s+(?:let|allow)|lets|allows|"
        # A holder that bought its warrant from the issuer: "Corvex purchased from the Company … a warrant".
        r"purchased(?=[^.;]{0,80}\bwarrants?\b)|bought(?=[^.;]{0,80}\bwarrants?\b))\b"
    )
)


_HAS_DIGIT: Final = re.compile(r"\d")
#: "with X" / "to X" introducing a party; title case too ("Compute Deal With Meridian Labs").
_WITH_TO: Final = re.compile(r"\b(?i:with|to)\s+")
#: `_WITH_TO` for `party_after`, tried only at its words (see `LeadWords`).
_WITH_TO_WORDS: Final = LeadWords(_WITH_TO, ("with", "to"))
#: A figure a correction notice retracts: "was incorrectly stated as 43.1%", "misstated as $240 million".
_RETRACTED: Final = re.compile(
    r"\b(?:(?:incorrectly|erroneously|mistakenly|wrongly|inaccurately)\s+(?:stated|reported|listed|given|shown|"
    r"presented|printed)|mis(?:stated|reported|printed|quoted))\s+(?:as\s+|at\s+)?$",
    re.IGNORECASE,
)
_RETRACT_ENDS: Final = ("stated", "reported", "listed", "given", "shown", "presented", "printed", "quoted")


#: A correction's wrong figure after the thing it was said of: "misstated the capacity covered by the
#: agreement as 600 megawatts", "incorrectly said the agreement covered 600 megawatts" (no other figure,
#: no sentence or clause end between).
_RETRACTED_OBJECT: Final = OnFirstUse(
    r"\b(?:(?:incorrectly|erroneously|mistakenly|wrongly|inaccurately)\s+(?:stated|reported|said|wrote|"
    r"listed|gave|described|put|identified|quoted|referred\s+to|cited)|mis(?:stated|reported|printed|quoted|"
    r"described|characteri[sz]ed|identified))\b[^.;\d]{1,70}$",
    re.IGNORECASE,
)


def _retracted_object(r: _Reading, q: Quantity) -> bool:
    """Is the figure the wrong one a correction withdraws, its verb before the thing it was said of?"""
    return _RETRACTED_OBJECT.compiled.search(r.sentence, max(0, q.start - 90), q.start) is not None


def _may_retract(low_before: str) -> bool:
    """Cheap test before `_RETRACTED`: the words just before a figure end in a reporting verb."""
    tail = low_before.rstrip()
    if tail.endswith((" as", " at")):
        tail = tail[:-3].rstrip()
    return tail.endswith(_RETRACT_ENDS) and ("mis" in tail or "ly " in tail)


#: A restated figure's old value: "(previously reported: $168.5 million)", "(as originally reported, 34.7%)".
_SUPERSEDED_REPORT: Final = re.compile(
    r"\(\s*(?:as\s+)?(?:previously|originally|initially)\s+(?:reported|stated|published|disclosed)"
    r"(?:\s+as)?\s*[:,]?\s*(?:US\$|USD|\$)?\s*$",
    re.IGNORECASE,
)
#: The figure that replaces it: "the correct range is …" keeps the retracted figure's kind.
_CORRECTED: Final = re.compile(
    r"\bcorrect(?:ed)?\s+(?:\w+\s+){0,3}?(?:is|was|are|were|reads?|should\s+(?:read|be|have\s+been))\s+$",
    re.IGNORECASE,
)
#: "Revenue increased $132.7 million": the amount of a change, not the revenue.
_CHANGE_BEFORE: Final = re.compile(
    r"\b(?:increased|decreased|rose|grew|fell|declined|climbed|dropped|jumped|up|down|"
    r"(?:an?\s+)?(?:increase|decrease|decline|rise|growth)\s+of)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
#: "No other customer accounted for more than 10%": a threshold nobody reached.
_NEGATED: Final = re.compile(
    r"\b(?:no\s+(?:other\s+|single\s+|one\s+|individual\s+)*(?:customers?|clients?|tenants?|counterpart(?:y|ies)|"
    r"part(?:y|ies))|none\s+of|neither)\b|\b(?:did|does|do)\s+not\s+(?:account|represent|exceed)",
    re.IGNORECASE,
)
#: Customers sized by a reporting threshold, before it: "our only customers that each accounted for", "each
#: of which represented", "customers individually representing", "customers with", "tenants accounting
#: for", "Customers exceeding".
_THRESHOLD_CLASS: Final = re.compile(
    r"\b(?:each|individually|(?:customers|clients|tenants|counterparties|lessees|purchasers)\s+(?:that|who|which|"
    r"whose|with|accounting|representing|contributing|comprising|exceeding|generating|making\s+up)|"
    # "Please tell us whether any customer other than … accounted for 10% or more of revenue".
    r"any\s+(?:single\s+|other\s+|one\s+)?(?:customer|client|tenant|counterparty|lessee|purchaser))\b",
    re.IGNORECASE,
)


def _reporting_threshold(r: _Reading, q: Quantity, idx: int) -> bool:
    """Is the share the disclosure threshold under which customers are named, not a customer's share:
    "Microsoft and OpenAI were our only customers that each accounted for more than 10% of our revenue",
    "customers individually representing 10% or more of revenue"? Only the reporting thresholds (10%, and
    5%), as a floor ("more than", "at least", "or more"), after customers sized by it in the same clause
    ("Microsoft accounted for more than 40% of revenue", "Microsoft accounted for more than 10%" are
    shares)."""
    if q.bound != "at_least" or q.is_range or q.low not in (10.0, 5.0):
        return False
    floor = r.quantities[idx - 1].end if idx > 0 else 0
    return _THRESHOLD_CLASS.search(r.sentence, max(floor, q.start - 80), q.start) is not None


#: "(in thousands, except percentages)": unscaled dollar figures below are thousands.
_IN_THOUSANDS: Final = re.compile(r"\bin\s+thousands\b|\$\s?000s?\b|\bUSD\s?000\b", re.IGNORECASE)
_SCALE_WRITTEN: Final = re.compile(r"(?i:thousand|million|billion|trillion|bn|mn|mm)|\d\s?[KMBkmbT]\b")


@dataclass
class _State:
    company: str | None
    default_year: int | None
    #: The year of the document's own date near its top ("September 9, 2026"), if it shows one.
    dated_year: int | None = None
    #: The section's heading announces preliminary results of a period already over.
    preliminary: bool = False
    #: The period a trading update reports on, already over ("a trading update for the financial year
    #: ended 31 March 2026"): its forecast-worded figures are estimates of a result (`_estimate_of_ended`).
    closed_update: Period | None = None
    context: Period | None = None
    #: The period the current section's heading names ("Third Quarter 2026 Highlights"): it dates
    #: the section's balances too, which the document's context alone does not.
    heading_period: Period | None = None
    guidance_section: bool = False
    #: The skipped section was opened by a lead-in label ("Consensus (FactSet):"): the lines of figures
    #: under it are its own, though the segmenter reads them as headings.
    skip_lead: bool = False
    #: The outlook was opened by a title line the segmenter read as a sentence, not by a heading.
    outlook_title: bool = False
    #: The year a verbless lead-in opened the outlook with ("Turning to 2027."): forecasts after it
    #: are of that year, until the next heading.
    outlook_year: int | None = None
    #: The sentence last read again in the outlook's year (see `_outlook_period`): one per sentence.
    outlook_reading: _Reading | None = None
    #: The half-year last named ("In the first half of 2026, revenue rose"): a bare "the first half"
    #: after it is that one (see `_Reading._resolve`).
    last_half: Period | None = None
    skip_section: bool = False
    #: The skipped section is an "About <company>" paragraph: boilerplate, but its capacity figures
    #: ("620 MW under lease to customers and 260 MW in operation") are the company's own.
    about: bool = False
    #: The skipped section is a made-up example opened by a line the segmenter read as a sentence
    #: ("Hypothetical lease economics", "Illustrative example:"): see `_illustration_ends`.
    illustration: int = 0
    #: Under a pay heading ("2026 Annual Incentive Plan", "Performance Share Units"): a figure set as a
    #: goal, threshold or vesting condition there is a level for pay, not a result nor the outlook.
    pay_section: bool = False
    #: Under a heading over a deal's terms ("Transaction highlights", "Key lease terms:"): a MW figure
    #: with no status word of its own is the capacity the deal signs (see `_deal_term_capacity`).
    deal_terms: bool = False
    #: The skipped section is a "Non-GAAP Financial Measures" one, which defines measures: it ends at a
    #: table or at prose that reports figures (see `_ends_definitions`), not only at the next heading.
    skip_defs: bool = False
    paragraph: int = -1
    para_lender: str | None = None
    #: The lender named last in the document (not reset by paragraphs): "with the same lenders".
    last_lender: str | None = None
    #: Surnames of analysts the document has named ("said Kay Orsett, an analyst at Brill & Co"): a
    #: later "Orsett estimates …" is the analyst's view, not the company's figure.
    analysts: list[str] = field(default_factory=list)
    #: Did the sentence just read name an analyst? Its next sentence's "She estimates …" is the
    #: analyst's view (see `_pronoun_view`).
    analyst_just_named: bool = False
    #: The text being read (spelled figures rewritten): the sentence before a share whose subject is
    #: "it" is looked up there (see `_previous_sentence`).
    text: str = ""
    para_instrument: str | None = None
    #: The lines of business a paragraph names a revenue of (`_segment_revenue`), found when a figure
    #: first asks, and the paragraph they are of.
    para_lines: set[str] = field(default_factory=set)
    para_lines_of: int = -1
    #: The quarter still to come that a forecast sentence of the paragraph `forecast_quarter_of` named
    #: ("For the second quarter of fiscal 2027, we expect revenue of …"): the paragraph's next
    #: forecasts that name no period are of it too ("We expect gross margin of 64% to 65%.").
    forecast_quarter: Period | None = None
    forecast_quarter_of: int = -1
    #: The issuer's fiscal calendar, as the document's top states it (`fiscal_calendar`): it names the
    #: periods ended on a date ("three months ended August 31, 2025" of a year to May is 2026-Q1).
    calendar: FiscalCalendar = CALENDAR_YEAR
    contract_party: str | None = None
    #: The parties the document defines by role ('Alibaba Cloud (the "Customer")'), by role word;
    #: read from the whole text once, when a figure first refers to "the Customer" (`_defined_party`).
    defined_parties: dict[str, str] | None = None
    #: The party of each agreement the document gave a short name: 'a master colocation agreement (the
    #: “Fluidline MCA”) with Fluidline Cloud Ltd.' maps "Fluidline MCA" to "Fluidline Cloud".
    deal_parties: dict[str, str] = field(default_factory=dict)
    #: The agreements' short names the sentence being read defines (see `defined`).
    sentence_deals: list[tuple[str, int]] = field(default_factory=list)
    #: What the share-move reader has learnt of the document's names (see `movers.DocumentNames`).
    mover_names: DocumentNames = field(default_factory=DocumentNames)
    #: The last `lender` asked for and its answer (sentence, span, company, lender): a sentence's
    #: financing figures and its party reading often ask for the same span (see `_lender`).
    lender_memo: tuple[str, int, int, str | None, str | None] | None = None
    #: Without a legal name (`company` None), the story's likely subject (see `lead_actor`): read
    #: on the first deal figure, only to tell the company from the other party.
    lead: str | None = None
    lead_read: bool = False
    #: The basis a call or a letter states for all its margins ("Unless otherwise noted, margins
    #: discussed on this call are non-GAAP"): a margin with no basis word of its own takes it.
    margin_basis: str | None = None
    #: The margin the last sentence with figures reported ("Adjusted gross margin was 64%."): the
    #: next sentence's "On a GAAP basis it was 49%" restates it (see `_restates_margin`).
    prev_margin: str | None = None
    #: The last margin the sentence being read has reported so far.
    sentence_margin: str | None = None
    #: The kind of the revenue range the last sentence with figures gave ("We guided the full year to
    #: $2.55 billion to $2.65 billion of revenue."): the next sentence's bare range for another period
    #: is of revenue too (see `_carries_range`); and that of the sentence being read so far.
    prev_range: str | None = None
    sentence_range: str | None = None
    #: The current paragraph's sentences that name an agreement's party: counted only when a value
    #: refers back to the agreement (see `_carried_party`).
    para_deals: list[str] = field(default_factory=list)
    #: "… and Brackwater Bank, N.A., as administrative agent": the lender side of the document's facility.
    agent: str | None = None
    #: The document's period before a lead-in ("… outlook for the fourth quarter of fiscal 2027 is as
    #: follows:") or an outlook's heading ("Fourth Quarter Fiscal 2027 Outlook") named its list's: it
    #: is the context again when the list's section ends (see `_end_lead_period`). And the lead-in's
    #: paragraph (-1 for a heading, whose section only the next heading ends).
    lead_context: Period | None = None
    lead_paragraph: int = -1
    #: The document's period came from a forecast ("… after the company forecast fourth-quarter revenue
    #: below estimates"): the first period a later sentence reports for itself replaces it (see
    #: `_read_sentence`).
    forecast_context: bool = False
    #: The fiscal year the lead forecast, when a quarter of it then replaced it as the document's period
    #: (`_replace_forecast_context`): a forecast after it naming no period of its own is of that year.
    forecast_year: Period | None = None
    table_headers: list[str] = field(default_factory=list)
    #: What the column titles read under `table_headers` say: their period phrases and whether they
    #: name guidance (see `_header_mentions`).
    header_memo: tuple[list[str], dict[str, list[Mention]], dict[str, bool]] | None = None
    #: A table was read since the last heading: prose after it is out of a heading's outlook scope.
    rows_seen: bool = False
    #: Inside a table headed "(in thousands)": until a prose sentence ends.
    thousands: bool = False
    #: The document's title block states its scale ("Dollars in thousands"; see `_document_scale`):
    #: each table after prose is in that scale again, unless its own note says otherwise.
    doc_thousands: bool = False
    doc_millions: bool = False
    #: A space-aligned table (see `spaced`): its column titles, whether a data row followed them,
    #: the end of the last line read, and a "(US$ millions)" scale line above it.
    spaced_columns: list[spaced.Column] = field(default_factory=list)
    spaced_rows: bool = False
    spaced_line_end: int = -2
    #: The span of the last space-aligned data row read: the sentence reading of the same line
    #: dates its figures by their columns (see `_period_for`).
    spaced_row: tuple[int, int] = (-1, -1)
    #: A list of "Name   52%" lines under a title line of revenue shares ("% of Q3 2026 revenue"):
    #: the title's period and whether the rows are customers (see `_titled_share`); None elsewhere.
    share_title: tuple[Period | None, bool] | None = None
    #: Where the last block of stacked label / value / change lines ends (see `_read_stacked`): its
    #: segments were read with it.
    stack_end: int = 0
    #: A chart's rows of "2025   330" lines under a title that states the unit ("Active power (MW, end
    #: of period)"): the title's unit reading (see `_label_unit`); None elsewhere.
    chart_title: tuple[str, str, str, str] | None = None
    #: Is the document an analyst's note (its "2027E" is the analyst's estimate)? -1 until asked.
    research: int = -1
    #: The span of the lines last read as a list of shares or a chart's rows: their segments are not
    #: read again as headings or sentences ("Q3'26   520" dates no section).
    list_start: int = -1
    list_end: int = -1
    millions: bool = False
    #: Spans (in the text) of cells under a pay plan's goal columns ("Weight", "Threshold",
    #: "Target", "Maximum"): levels set for pay, not results; the sentence reading skips them.
    goal_cells: list[tuple[int, int]] = field(default_factory=list)
    #: "(in millions, except percentages)": no currency, so only cells written in dollars ("$882.4").
    bare_millions: bool = False
    #: Where the last prose line ends and starts: a table of customers after it is one of revenue
    #: shares when it says so ("The following customers each accounted for 10% or more of revenue:").
    #: Read only when a customer row needs it (see `_revenue_shares`).
    lead_start: int = 0
    lead_end: int = 0
    #: Where the last heading is: a table of companies may be titled by it ("Peer comparison:").
    heading_start: int = 0
    heading_end: int = 0
    #: The document is a rating agency's action ("we affirmed our 'B' issuer credit rating"): its
    #: "we forecast" is the agency's own view, not the company's guidance.
    agency: bool = False
    #: The author declares a short position in the company ("We and our clients hold short positions in
    #: …"): its "we" and "our" are the short seller, whose estimates are not the company's figures.
    short_author: bool = False
    #: A call transcript's speakers: is the floor an analyst's (see `speakers`)?
    turns: Turns = field(default_factory=Turns)
    #: The text as given and the offset map from the rewritten one (see `spoken`).
    source: str = ""
    #: The text the segments' offsets are in: `source`, or its rewrite when spoken figures were
    #: rewritten (`shifts`).
    reading_text: str = ""
    #: The text was read with its footnote markers blanked (`_unmarked`).
    marked: bool = False
    shifts: Shifts = field(default_factory=Shifts)
    #: The offset map of two-column blocks read column by column (see `columns`), applied after
    #: `shifts`: None when the text has no such block.
    columns: Pieces | None = None
    facts: list[Fact] = field(default_factory=list)


#: The title of a year's letter or report to its owners: "2025 Letter to Shareholders".
_ANNUAL_LETTER: Final = re.compile(
    r"\b(20\d\d)\s+(?:Annual\s+)?(?:Letter|Report)\s+to\s+(?:Our\s+)?(?:Shareholders|Stockholders|Investors|"
    r"Unitholders|Owners)\b",
    re.IGNORECASE,
)


#: Footnote markers a slide or a release glues to a word or a figure ("1,420 MW contracted¹",
#: "$17.3B²", "Revenue†"): each is read as a space, so the word and the figure stay whole.
_FOOTNOTE_MARKS: Final = "¹²³⁴⁵⁶⁷⁸⁹⁰†‡"


#: How an interview's turn labels open ("Q:", "A:", "Question:", "Answer:"): `Turns.line` reads them.
_TURN_OPENS: Final = frozenset(("Q:", "A:", "Qu", "An"))


def _unmarked(text: str) -> str:
    """`text` with its footnote markers blanked (same length, so every offset stays true).

    One `replace` per mark present: `str.translate` with a table looks every character of a
    non-ASCII text up in a dict, five times slower on a long document."""
    if text.isascii():
        return text
    for mark in _FOOTNOTE_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    if "\u2011" in text or "\u2010" in text:
        # "full‑year", "non‑GAAP" with a non-breaking or Unicode hyphen (typeset releases, filing agents):
        # the hyphen every pattern is written with.
        text = text.replace("\u2011", "-").replace("\u2010", "-")
    if "\u202f" in text or "\u2009" in text or "\u00a0" in text:
        # "1 400 MW" with a narrow no-break, thin or no-break space between the thousands (as
        # typeset releases print them): read as "1,400 MW", one character for one.
        text = _comma_spaced_thousands(text)
    return text


#: Thousands set apart by a narrow no-break, thin or no-break space: "1 400", "12 500 000".
_SPACED_THOUSANDS: Final = re.compile(r"(?<![\w.,])\d{1,3}(?:[\u202f\u2009\u00a0]\d{3})+(?![\d])")
#: Where such a number can be: a special space before three digits. A pattern that opens on a character
#: class is scanned by the engine's fast set test, where `_SPACED_THOUSANDS` (opening on a look-behind)
#: is tried at every position: HTML pages hold many no-break spaces, few of them in a number.
_SPACED_GROUP: Final = re.compile(r"[\u202f\u2009\u00a0]\d{3}")


def _comma_spaced_thousands(text: str) -> str:
    """`_SPACED_THOUSANDS.sub(_comma_thousands, text)`, trying the pattern only where a group can start."""
    parts: list[str] = []
    done = 0
    for g in _SPACED_GROUP.finditer(text):
        at = g.start()
        if at < done:
            continue  # (inside a number already rewritten)
        start = at
        while start > max(0, at - 3) and text[start - 1].isdecimal():
            start -= 1
        if start == at:
            continue
        m = _SPACED_THOUSANDS.match(text, start)
        if m is None:
            continue
        parts.append(text[done:start])
        parts.append(_comma_thousands(m))
        done = m.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _comma_thousands(m: re.Match[str]) -> str:
    return m.group().replace("\u202f", ",").replace("\u2009", ",").replace("\u00a0", ",")


#: An item of a movers roundup: a bullet that opens with a cashtag ("- $GRDX +14.2%: …").
_CASHTAG_ITEM: Final = re.compile(r"[ \t]*(?:[-•*]\s*)?\$[A-Z]{2,5}\b")
_CASHTAG: Final = re.compile(r"\$([A-Z]{2,5})\b")


def _ticker_roundup(text: str) -> bool:
    """A post of bullets about three or more tickers, each its own company and story: a period or
    year one item names says nothing of another's year-less "Q3".

    Each cashtag is found by its "$" (a literal the engine skips to) and its line checked for a
    bullet before it: a line-start pattern was tried at every position of the document."""
    tickers: set[str] = set()
    for m in _CASHTAG.finditer(text):
        head = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].lstrip(" \t")
        if head[:1] in ("-", "•", "*") and not head[1:].strip():
            tickers.add(m.group(1))
            if len(tickers) >= 3:
                return True
    return False


def extract_facts(text: str) -> list[Fact]:
    """Every fact the text states, in order of appearance (one per distinct statement)."""
    source = text
    text = _unmarked(text)
    columns: Pieces | None = None
    if "   " in text:
        # A PDF dump's two-column page, printed side by side, is read one column after the other.
        text, columns = read_columns(text)
    roundup = ("- $" in text or "• $" in text or "-  $" in text) and _ticker_roundup(text)
    doc = Folded.of(text)
    # The top's lower-cased form (for the calendar and the years) is cut from the document's when that
    # was lower-cased character by character (`fast`: one character for one, none of them changed by its
    # neighbours but a capital sigma, which the top then lacks): `str.lower` of a non-ASCII top walks the
    # Unicode tables again, twice.
    cut_low = doc.fast and text.find("Σ", 0, 6000) < 0
    company = document_company(text)
    calendar = (
        CALENDAR_YEAR
        if roundup
        else fiscal_calendar(doc.low[:3000] if cut_low else text[:3000].lower(), company)
    )
    default_year, dated_year = (
        (None, None) if roundup else _document_years(text, calendar, doc.low[:6000] if cut_low else None)
    )
    state = _State(company=company, default_year=default_year, dated_year=dated_year)
    state.source = source
    state.text = text
    state.marked = text is not source
    state.columns = columns
    state.calendar = calendar
    if "etter to" in text[:400] or "eport to" in text[:400]:
        # "2025 Letter to Shareholders": the letter speaks of that fiscal year.
        letter = _ANNUAL_LETTER.search(text, 0, 400)
        if letter:
            state.context = Period("FY", 0, int(letter.group(1)))
    state.agency = _rating_action(doc)
    if "short position" in doc.low:
        state.short_author = _SHORT_AUTHOR.search(text) is not None
    # A sentence cut by a PDF page's footer and header is read whole (see `pages`).
    breaks = page_joins(text) if "\f" in text else None
    # Markdown's link brackets and targets and its strong emphasis are read as absent (see `markup`).
    # (Each pair is looked for only where its first character occurs at all: a one-character scan is a
    # `memchr`, and most documents hold no "]", "*" or "_".)
    markup = (
        ("]" in text and "](" in text) or ("*" in text and "**" in text) or ("_" in text and "__" in text)
    )
    cuts = markup_cuts(text) if markup else None
    # Hyphenated line breaks, spaces between a figure and its scale and an SGML header (see `wraps`).
    wrapped, spaces, moved = wrap_cuts(text, doc.low)
    if wrapped:
        cuts = wrapped if cuts is None else cuts + wrapped
    if moved:
        breaks = moved if breaks is None else breaks + moved
    rewritten, rewritten_low, pairs = rewrite_spoken_both(text, doc.low, breaks, cuts, spaces)
    if pairs:
        state.shifts = Shifts(pairs)
        text = state.text = rewritten
        # Lower-casing is per character in a `fast` text unless a capital sigma's form depends on
        # its neighbours; then the rewritten text's lower-cased form is the rewritten lower-cased text.
        doc = Folded(text, rewritten_low, True) if doc.fast and "Σ" not in text else Folded.of(text)
    state.reading_text = text
    # Most documents state no "(in thousands)" scale: then no segment is checked for one.
    scaled_doc = (
        "thousand" in doc.low
        or "$000" in text
        or "$ 000" in text
        or "usd 000" in doc.low
        or "usd000" in doc.low
    )
    # Most documents hold no space-aligned table: then no segment is checked for one.
    spaced_doc = "   " in text
    for seg in segment(text):
        if seg.paragraph != state.paragraph:
            state.paragraph = seg.paragraph
            state.para_lender = None
            state.para_instrument = None
            if state.para_deals:
                state.para_deals.clear()
            line_end = text.find("\n", seg.start)
            state.turns.paragraph(text, seg.start, len(text) if line_end < 0 else line_end)
            if state.guidance_section and text[seg.start : seg.start + 1] in _QUOTE_OPENS:
                # A quoted paragraph after the outlook ("In May we signed … for 96 MW"): its own verbs
                # say whether it forecasts.
                state.guidance_section = False
            if (
                seg.start >= state.stack_end
                and seg.kind != "row"
                and 0 < line_end - seg.start <= _STACK_LABEL_MAX
                and _stack_label(text[seg.start : line_end])
            ):
                # "Revenue\n$731M\n+66% Y/Y": a slide's stacked label, value and change lines.
                state.stack_end = _read_stacked(text, seg, state)
        elif (
            seg.start
            and text[seg.start - 1] == "\n"
            and (
                text[seg.start : seg.start + 2] in _TURN_OPENS
                or (state.turns.interview and text[seg.start : seg.start + 1].isupper())
            )
        ):
            # "Q: …?\nA: We have 96 megawatts running": an interview's answer on the question's next line
            # ("Interviewer: …?\nRhea Santos: We did …" once a turn has asked).
            line_end = text.find("\n", seg.start)
            state.turns.line(text, seg.start, len(text) if line_end < 0 else line_end)
        if seg.start < state.stack_end:
            continue  # (read with its stacked block)
        if state.facts and text.startswith("The ", seg.start):
            _name_last_instrument(text, seg.start, state)
            if text.find(" by ", seg.start, min(seg.end, seg.start + 90)) >= 0:
                _party_of_named_deal(text, seg, state)
        if roundup and text[seg.start : seg.start + 1] in "$-•*" and _CASHTAG_ITEM.match(text, seg.start):
            # Each ticker's item is its own story: no period carries from the one before.
            state.context = None
        if state.thousands and seg.kind == "sentence" and text[seg.end - 1 : seg.end] in ".!?":
            state.thousands = False
        elif (
            state.doc_thousands
            and not state.thousands
            and not state.millions
            and not state.bare_millions
            and (seg.kind != "sentence" or text[seg.end - 1 : seg.end] not in ".!?")
        ):
            # "Dollars in thousands" atop a supplemental: every table below it is in thousands,
            # though prose between tables ends a table's own note.
            state.thousands = True
        if spaced_doc and seg.kind != "row":
            a, b = seg.start, seg.end
            if text.find("   ", seg.start, seg.end) >= 0:
                _read_spaced(text, seg, state)
                if state.list_start <= seg.start and seg.end <= state.list_end:
                    continue  # a titled list's items, read as such (`_titled_share`, `_chart_row`)
                if b - a > 100:
                    scale_at = doc.low.find("million", a, b)
                    if scale_at >= 0 and text.find("\n", a, b) >= 0:
                        # "2027   2028   2029" over "(in millions, except percentages)": the scale note's
                        # own line, which the segmenter joined to the column titles.
                        a = max(a, text.rfind("\n", a, scale_at) + 1)
                        line_end = text.find("\n", scale_at, b)
                        b = b if line_end < 0 else line_end
                    if scale_at >= 0 and b - a > 100:
                        # "($ in millions, except earnings per share)   Q3 FY27   Q2 FY27": the note
                        # shares its line with the column titles; its own cell is the note.
                        a, b = _cell_around(text, a, b, scale_at)
            elif seg.kind == "sentence" and text[seg.end - 1 : seg.end] in ".!?":
                # Prose ends a space-aligned table and its scale line.
                state.spaced_columns = []
                state.millions = state.doc_millions
                state.bare_millions = False
            if b - a <= 100 and text.find("(", a, b) >= 0 and doc.low.find("million", a, b) >= 0:
                if spaced.MILLIONS.search(text, a, b):
                    state.millions = True
                    # A table in millions under a document in thousands: this table is in millions.
                    state.thousands = False
                    if _document_scale(text, seg, state, doc.low):
                        state.doc_millions = True
                elif spaced.BARE_MILLIONS.search(text, a, b):
                    state.bare_millions = True
                    state.thousands = False
        if (
            scaled_doc
            and (
                doc.low.find("thousand", seg.start, seg.end) >= 0 or text.find("000", seg.start, seg.end) >= 0
            )
            and _IN_THOUSANDS.search(text, seg.start, seg.end)
        ):
            # "(in thousands, except percentages)": the table below it is in thousands.
            state.thousands = True
            if _document_scale(text, seg, state, doc.low):
                state.doc_thousands = True
                state.doc_millions = False
        if seg.kind == "heading" and _label_row(text, seg):
            _read_row(text, seg, state)  # "Leased Capacity (MW) 880" is a row, not a title
        elif seg.kind == "heading":
            state.rows_seen = False
            if not spaced_doc or text.find("   ", seg.start, seg.end) < 0:
                # (A space-aligned table's lines are read as headings too: they title nothing.)
                state.heading_start, state.heading_end = seg.start, seg.end
            _read_heading(doc, seg, state)
        elif seg.kind == "row" and _SLIDE_TITLE.match(text, seg.start, seg.end):
            # "Slide 14 | FY2026 guidance (updated)": a slide's title opens a section like a heading.
            _slide_title(text, seg, state)
        elif seg.kind == "row" and text.find(": ", seg.start, seg.end) >= 0 and _piped_items(text, seg) >= 0:
            # "Highlights: Revenue of $52.4 million, up 71% | Adjusted gross margin of 41.2% | …": the
            # title, then each clause as an item of its own.
            items = _piped_items(text, seg)
            head = Segment("sentence", seg.start, items - 1, seg.paragraph)
            _read_sentence(doc.slice(head.start, head.end), head, state)
            a = items
            while a < seg.end:
                b = text.find(" | ", a, seg.end)
                b = seg.end if b < 0 else b
                item = Segment("sentence", a, b, seg.paragraph, True)
                _read_sentence(doc.slice(a, b), item, state)
                a = b + 3
        elif seg.kind == "row" and _slide_line(text, seg):
            # "Adj. gross margin 42.6% | GAAP operating margin (2.1)%": a line of clauses, not a table row.
            bullet = _BULLET_MARK.match(text, seg.start, seg.end)
            line = seg if bullet is None else Segment("sentence", bullet.end(), seg.end, seg.paragraph, True)
            _read_sentence(doc.slice(line.start, line.end), line, state)
        elif seg.kind == "row":
            _read_row(text, seg, state)
            state.rows_seen = True
        else:
            state.table_headers = []
            if state.lead_context is not None and not seg.bullet and _ends_lead(text, seg, state):
                _end_lead_period(state)
            if state.illustration and _illustration_ends(text, seg, state):
                state.skip_section = False
                state.illustration = _NO_ILLUSTRATION
            mark = _note_mark(state, seg.start) if state.marked else ""
            if mark and _ILLUSTRATION.search(text, seg.start, seg.end):
                # "³ Illustration only; not a forecast": the footnote takes back its marked lines.
                _drop_noted(mark, seg.start, state)
                continue
            if (
                not seg.bullet
                and seg.end - seg.start <= 70
                and text[seg.end - 1] not in ".;,!?"
                and (
                    doc.low.find("illustrat", seg.start, seg.end) >= 0
                    or doc.low.find("hypothetic", seg.start, seg.end) >= 0
                )
                and _ILLUSTRATION.search(text, seg.start, seg.end) is not None
                and len(text[seg.start : seg.end].split()) <= 8
            ):
                # "Hypothetical lease economics", "Illustrative example:": a title the segmenter read as a
                # sentence opens a made-up example; nothing under it is the company's.
                state.skip_section = True
                state.about = False
                state.illustration = _LEAD_IN if text[seg.end - 1] == ":" else _TITLE
                continue
            if state.rows_seen:
                # An "Outlook" heading governs its table; the prose after the table is not outlook.
                state.rows_seen = False
                state.guidance_section = False
            if state.guidance_section and not seg.bullet and _results_title(text, seg):
                # "Fiscal 2026 at a glance" under a page titled "Financial Outlook": past results.
                state.guidance_section = False
            elif state.outlook_title and text[seg.end - 1] in ".!?" and seg.end - seg.start > 80:
                # Prose after the title's list: the title's outlook has ended.
                state.guidance_section = False
                state.outlook_title = False
            elif (
                not seg.bullet
                and seg.end - seg.start <= 100
                and text[seg.end - 1] not in ".;,!?:"
                and _GUIDE_SECTION.search(text, seg.start, seg.end) is not None
                and _guide_title(text[seg.start : seg.end])
            ):
                # "FY2026 guidance (updated)", "Fiscal 2026 guidance (updated November 5, 2026)": a title
                # the segmenter read as a sentence opens an outlook for the short lines under it, and
                # the period it names is theirs.
                state.guidance_section = True
                state.outlook_title = True
                # ("(updated November 5, 2026)": a date names no period; "(CY2028)" does.)
                title_line = text[seg.start : seg.end]
                _title_period(find_mentions(title_line), state, title_line)
            elif (
                text[seg.end - 1] == ":"
                and not seg.bullet
                and seg.end - seg.start <= 120
                and not state.guidance_section
                and _GUIDE_FOLDED.search(doc, seg.start, seg.end) is not None
            ):
                # "… today updated its outlook. Kestrel now expects:": a lead-in sentence that shares its
                # line with others opens an outlook for the list under it, as it does on a line of its
                # own (`_read_heading`); prose after the list ends it.
                state.guidance_section = True
                state.outlook_title = True
            if not seg.bullet:
                _deal_terms_title(text, doc.low, seg, state)
            if text[seg.end - 1] in ".!?:" and (not spaced_doc or text.find("   ", seg.start, seg.end) < 0):
                state.lead_start, state.lead_end = seg.start, seg.end
            if _label_row(text, seg):
                # "Contracted capacity (MW): 880": one table row written on its own line.
                _read_row(text, seg, state)
                continue
            title = (
                not seg.bullet
                and seg.end - seg.start <= 90
                and (text[seg.end - 1] not in _TITLE_END or _dated_title_end(text, seg))
                and _is_period_title(text, seg)
            )
            if text[seg.start] == "(" and _EDITOR_NOTE.match(text, seg.start, seg.end):
                # "(Corrects value of lease to $5.4 billion from $4.5 billion)": the wire's note on
                # its own edit; the story states the right figure, the note also the wrong one.
                continue
            _read_sentence(doc.slice(seg.start, seg.end), seg, state, title=title)
    return _dedup(state.facts)


def _deal_terms_title(text: str, low: str, seg: Segment, state: _State) -> None:
    """A short line the segmenter read as a sentence may title a deal's terms ("Transaction
    highlights", "Key terms of the lease:"): the lines under it are the deal's (`_State.deal_terms`).
    Prose after them ends the list: a long sentence with no label of its own ("Following the lease,
    Brenford has 528 MW …"), not a long term line ("Delivery: the first 80 MW is …")."""
    n = seg.end - seg.start
    if n <= 70 and text[seg.end - 1] not in ".;,!?" and len(text[seg.start : seg.end].split()) <= 8:
        window = low[seg.start : seg.end]
        if (
            "term" in window
            or "highlight" in window
            or "summary" in window
            or "overview" in window
            or "detail" in window
        ) and _DEAL_TERMS_HEADING.search(window) is not None:
            state.deal_terms = True
            return
    if state.deal_terms and n > 80 and text.find(":", seg.start, seg.start + 30) < 0:
        state.deal_terms = False


#: A scale note worded for the whole document: "All dollar amounts in thousands unless otherwise noted".
_SCALE_THROUGHOUT: Final = re.compile(
    r"\bunless\s+otherwise\b|\ball\s+(?:dollar\s+|monetary\s+|currency\s+)?(?:amounts|figures)\b|\bthroughout\b",
    re.IGNORECASE,
)
#: How far into a document its title block (name, report title, scale note) may reach.
_TITLE_BLOCK: Final = 1200


def _document_scale(text: str, seg: Segment, state: _State, low: str) -> bool:
    """Does the scale note in `seg` govern the whole document, not only the table below it?

    A supplemental or a filing states its scale once, in its title block before any figure ("Dollars
    in thousands, except per-share data") or worded for all of it ("All amounts in thousands unless
    otherwise noted"); a note directly over one table after figures were read is that table's."""
    if (
        low.find("otherwise", seg.start, seg.end) >= 0
        or low.find("all ", seg.start, seg.end) >= 0
        or low.find("throughout", seg.start, seg.end) >= 0
    ) and _SCALE_THROUGHOUT.search(text, seg.start, seg.end) is not None:
        return True
    return seg.start < _TITLE_BLOCK and not state.facts and not state.spaced_rows


#: A list item's mark at a line's start: "- ", "• ".
_BULLET_MARK: Final = re.compile(r"\s*[-•*–—▪·]\s+")
#: A figure with its unit in a clause of a slide line: "42.6%", "(2.1)%", "2.1 GW", "$301M".
_UNIT_FIGURE: Final = re.compile(
    r"\$\s?\d|\d\)?\s?%|\d\s?(?:MW|GW|[BMK]\b|bn\b|mn\b|million\b|billion\b|megawatts?\b|gigawatts?\b)"
)
#: A word of a clause: two letters in a row.
_WORD: Final = re.compile(r"[A-Za-z]{2}")


def _slide_line(text: str, seg: Segment) -> bool:
    """Is this "|" line a slide's clauses ("2.1 GW contracted | 640 MW energized (end of Q3'26)"), each
    a figure with its unit and its own words, rather than a table row ("Revenue | $120.0 million
    (Q3 2026)", "Gross margin: 47% | 40%")? The clauses are then read as one sentence, "|" between
    them like ";"."""
    if text[seg.start] == "|" or text[seg.end - 1] == "|" or text.find(": ", seg.start, seg.end) >= 0:
        return False
    parts = text[seg.start : seg.end].split(" | ")
    if len(parts) < 2:
        return False
    for part in parts:
        figure = _UNIT_FIGURE.search(part)
        if figure is None or not _WORD.search(part):
            return False
    return True


#: A label word of a clause (three letters or more), found to tell "Adjusted gross margin of 41.2%" from
#: a table cell's bare "$98.0 million (Q3 2025)".
_LABEL_WORD: Final = re.compile(r"[A-Za-z]{3,}")
#: Scale, unit and small words, which label nothing.
_NO_LABEL: Final = frozenset(
    ("million", "billion", "thousand", "megawatts", "gigawatts", "megawatt", "gigawatt", "and", "the", "for")
)


_BRACKETED: Final = re.compile(r"\([^()]*\)")


def _piped_items(text: str, seg: Segment) -> int:
    """Where the items of a "|" line led by a title start ("Third quarter 2026 highlights: Revenue of
    $52.4 million, up 71% year over year | Adjusted gross margin of 41.2% | Contracted capacity of 310
    MW"), or -1: the writer's "|" between clauses is a bullet, each clause an item with its own label.

    The title holds no amount (a year is fine) and is the line's only ": "; every item holds a figure
    with its unit and two label words outside brackets, so a table row ("Revenue: $120.0 million (Q3
    2026) | $98.0 million (Q3 2025)", "Customer A: 47% (Three Months Ended …) | 58% (…)") is none."""
    colon = text.find(": ", seg.start, seg.end)
    if colon < 0 or text[seg.start] == "|" or text[seg.end - 1] == "|":
        return -1
    if text.find(": ", colon + 2, seg.end) >= 0 or _UNIT_FIGURE.search(text, seg.start, colon) is not None:
        return -1
    parts = text[colon + 2 : seg.end].split(" | ")
    if len(parts) < 2:
        return -1
    for part in parts:
        if _UNIT_FIGURE.search(part) is None:
            return -1
        # (A bracket's words title a column, not the figure: "58% (Three Months Ended June 30, 2025)".)
        bare = _BRACKETED.sub(" ", part) if "(" in part else part
        labels = [w for w in _LABEL_WORD.findall(bare) if w.lower() not in _NO_LABEL]
        if len(labels) < 2:
            return -1
    return colon + 2


#: The longest label line of a slide's stacked figure ("Adj. operating margin(3)").
_STACK_LABEL_MAX: Final = 48
#: A footnote mark closing a stacked label: "(3)", "(a)", "*".
_STACK_NOTE: Final = re.compile(r"\s*(?:\(\d{1,2}\)|\([a-z]\)|\*{1,3})\s*$")
#: A stacked figure's value line: "$731M", "68.4%", "520 MW", "~1.6 GW", "(2.1)%".
_STACK_VALUE: Final = re.compile(
    r"[~≈>≥<≤]?\s?[+\-−]?\s?\(?(?:US)?\$?\s?\d[\d,]*(?:\.\d+)?\)?\s?"
    r"(?:%|[KMB]|bn|mn|million|billion|MW|GW|megawatts|gigawatts)?\+?"
)
#: A stacked figure's change line: "+66% Y/Y", "+150 bps Y/Y", "up 66% year over year", "(−4% Q/Q)".
_STACK_CHANGE: Final = re.compile(
    r"\(?(?:[+\-−]\s?|(?:up|down)\s+)\d[\d,]*(?:\.\d+)?\s?(?:%|bps|bp|pts?|ppts?|pp)"
    r"(?:\s+(?:y/y|yoy|y-o-y|year[\s-]over[\s-]year|q/q|qoq|sequentially|vs\.?\s[^\n]{1,25}))?\)?",
    re.IGNORECASE,
)
_POWER_VALUE: Final = re.compile(r"\d\s?(?:MW|GW|megawatts|gigawatts)\b")


def _stack_label(line: str) -> bool:
    """A slide's label line over its figure: a few words, no figure (a footnote mark aside), no
    sentence's end: "Revenue", "Adj. gross margin(3)", "Active power"."""
    label = line.strip()
    if len(label) < 3 or label[-1] in ".,;:!?|":
        return False
    if label[-1] in ")*":
        label = _STACK_NOTE.sub("", label)
    return not _HAS_DIGIT.search(label) and _WORD.search(label) is not None and len(label.split()) <= 6


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _stacked_groups(text: str, start: int) -> list[tuple[int, int, int, int]]:
    """The stacked figures of the paragraph at `start`, each a label line, a value line and maybe a
    change line ("Revenue" / "$731M" / "+66% Y/Y"): (label start, label end, value end, end) each.
    None unless every line of the paragraph is one of them, and each label names a metric (or its
    value is power: "Active power" / "520 MW").

    The first line is a label already: the caller (`extract_facts`, through `_read_stacked`) read the
    paragraph's first line with `_stack_label` before, and it is not asked again."""
    groups: list[tuple[int, int, int, int]] = []
    pos = start
    first = True
    while len(groups) < 8:
        label_end = _line_end(text, pos)
        if label_end >= len(text) or not (first or _stack_label(text[pos:label_end])):
            return []
        first = False
        value_end = _line_end(text, label_end + 1)
        value = text[label_end + 1 : value_end].strip()
        if _STACK_VALUE.fullmatch(value) is None:
            return []
        if not find_cues(text[pos:label_end]) and _POWER_VALUE.search(value) is None:
            return []
        end = value_end
        if value_end < len(text):
            change_end = _line_end(text, value_end + 1)
            if _STACK_CHANGE.fullmatch(text[value_end + 1 : change_end].strip()):
                end = change_end
        groups.append((pos, label_end, value_end, end))
        if end >= len(text) or not text[end + 1 : _line_end(text, end + 1)].strip():
            return groups  # the paragraph ends
        pos = end + 1
    return []


def _read_stacked(text: str, seg: Segment, state: _State) -> int:
    """Read a slide's stacked figures (`_stacked_groups`) as the sentences their lines say: "Revenue
    $731M, +66% Y/Y" (the line breaks read as a space and a comma). Where the block ends (its own
    segments are skipped), or 0 when the paragraph is no such block."""
    groups = _stacked_groups(text, seg.start)
    if not groups:
        return 0
    for a, label_end, value_end, b in groups:
        label = text[a:label_end]
        note = _STACK_NOTE.search(label) if label.rstrip()[-1:] in ")*" else None
        if note is not None:
            label = label[: note.start()] + " " * (len(label) - note.start())
        sentence = label + " " + text[label_end + 1 : value_end]
        if b > value_end:
            sentence += "," + text[value_end + 1 : b]
        known = len(state.facts)
        _read_sentence(Folded.of(sentence), Segment("sentence", a, b, seg.paragraph), state)
        for i in range(known, len(state.facts)):
            # The evidence is the lines as the slide prints them.
            evidence = _where(state, text[a:b], a, b)[0]
            state.facts[i] = state.facts[i].model_copy(update={"evidence": evidence})
    return groups[-1][3]


#: A verbless lead-in naming the year the outlook is about: "Turning to 2027.", "Now, looking ahead to
#: fiscal 2028:", "Moving on to our 2027 outlook."
_OUTLOOK_INTRO: Final = re.compile(
    r"(?:(?:and|so|now)\s*,?\s+)?(?:turning|moving|looking|shifting|on)\s+(?:now\s+|on\s+|ahead\s+|forward\s+)?to\s+"
    r"(?:our\s+|the\s+)?(?:outlook\s+for\s+|guidance\s+for\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?|full[\s-]year\s+)?"
    r"(?P<year>20\d\d)(?:\s+(?:outlook|guidance))?\s*[.:!—–-]?",
    re.IGNORECASE,
)
_EDITOR_NOTE: Final = re.compile(
    r"\(\s*(?:corrects|correcting|updates|updating|adds|refiles|recasts|changes|fixes|removes|clarifies|"
    r"rewrites|repeats|restores|deletes|inserts)\b[^()]*\)\s*$",
    re.IGNORECASE,
)


#: A sub-title announcing reported results: "Fiscal 2026 at a glance", "Third-quarter results".
_RESULTS_TITLE: Final = re.compile(
    r"\b(?:at\s+a\s+glance|results|highlights|recap|in\s+review|review\s+of|performance|reconciliations?|"
    r"(?:year|quarter|period)\s+(?:in\s+)?(?:review|summary)|what\s+we\s+(?:reported|delivered))\b",
    re.IGNORECASE,
)


_QUOTE_OPENS: Final = frozenset('"“«„')
_WAS_BRACKET: Final = re.compile(r"\((?:was|prior|prev\.?|previously)\s*$", re.IGNORECASE)
_HAS_UNIT: Final = re.compile(r"[$%€£¥]|\b(?:MW|GW|million|billion)\b")
_TITLE_END: Final = frozenset(".;,!?:\"')”’")
#: A period named in a line of its own: "Comparison of the Six Months Ended June 30, 2026 and 2025". (The
#: look-ahead holds the branches' first characters: under IGNORECASE `re` enters each branch to compare
#: its first letter, so a word start that opens none fails on one set test instead.)
_PERIOD_TITLE: Final = re.compile(
    r"\b(?=(?i:[1-4fhmqy]))(?:months|quarters?|years?|half|fiscal|FY|[1-4]Q|Q[1-4]|[12]H|H[12])\b",
    re.IGNORECASE,
)


#: A slide's title line: "Slide 14 | FY2026 guidance (updated)", "Page 3 — Outlook".
_SLIDE_TITLE: Final = re.compile(r"\s*\[?(?i:slide|page|chart)\s+\d{1,3}\s*[|:–—-]\s*(?P<title>[^|$%]*)$")


def _title_core(title: str) -> str:
    """A title without the note in brackets that closes it: "Fiscal 2026 guidance (updated November 5,
    2026)" is a three-word title; its note says when, not what."""
    title = title.rstrip()
    if title.endswith(")"):
        cut = title.rfind("(")
        if cut > 0:
            return title[:cut]
    return title


def _guide_title(line: str) -> bool:
    """A short title of an outlook's own ("FY2026 guidance (updated)"): six words at most, its closing
    note aside, and no figure with a unit outside that note (a headline states one)."""
    core = _title_core(line)
    return len(core) <= 60 and len(core.split()) <= 6 and not _HAS_UNIT.search(core)


def _slide_title(text: str, seg: Segment, state: _State) -> None:
    """A new slide is a new section: its title may open an outlook and name the period."""
    m = _SLIDE_TITLE.match(text, seg.start, seg.end)
    title = m.group("title") if m else ""
    state.rows_seen = False
    # "Slide 9 | Illustrative lease economics": a made-up example gives no facts.
    state.skip_section = _ILLUSTRATION.search(title) is not None
    state.about = False
    state.illustration = _NO_ILLUSTRATION
    state.pay_section = _pay_heading(title.lower())
    state.guidance_section = bool(_GUIDE_SECTION.search(title)) and len(_title_core(title).split()) <= 6
    state.outlook_title = state.guidance_section
    state.heading_period = None
    _end_lead_period(state)
    _title_period(find_mentions(title, None, -1, state.calendar), state, title)


#: A made-up example, in a title or opening a sentence: "Illustrative 100 MW lease", "Hypothetically, a
#: 200 MW campus would", "For illustration only:", "… (illustrative, not a forecast)".
_ILLUSTRATION: Final = re.compile(
    r"\b(?:illustrative|illustrations?|hypothetical(?:ly)?|not\s+a\s+forecast)\b", re.IGNORECASE
)
_ILLUSTRATION_SENTENCE: Final = re.compile(
    r"^\W*(?:illustrative(?:ly)?|illustration|hypothetical(?:ly)?|for\s+illustrati(?:on|ve)(?:\s+purposes)?)\b|"
    r"\b(?:(?:for|by\s+way\s+of)\s+illustrati(?:on|ve)\s+(?:purposes\s+)?only|illustrative\s+(?:only|purposes|"
    r"example|case|scenario|economics|model|math|lease|contract|deal|project|campus|site)|(?:an?|this|the)\s+"
    r"hypothetical)\b|"
    # A made-up case, told as what would follow for any such thing: "For example, a customer agreement for
    # 10 MW delivered in two phases of 5 MW would be included …" (not "For example, the 200 MW lease we
    # signed in March was …", a real one).
    r"^\W*(?:for\s+(?:example|instance)|as\s+an\s+example)\s*,?\s+(?:if\s+|suppose\s+|say\s+)?(?:an?|one)\s+"
    r"[^.;]*?\b(?:would|could|might)\b",
    re.IGNORECASE,
)


_NO_ILLUSTRATION: Final = 0
_TITLE: Final = 1
_LEAD_IN: Final = 2


def _illustration_ends(text: str, seg: Segment, state: _State) -> bool:
    """Where a made-up example opened by a sentence-like title ends: at the next title-like line (short,
    unpunctuated, no figure, not a list item), or, after a lead-in ending in ":", at the first line not
    in its list."""
    if not seg.bullet and state.illustration == _LEAD_IN:
        return True
    # A title has no figures: "100 MW lease" under "Hypothetical lease economics" is the example's own line.
    return (
        not seg.bullet
        and seg.end - seg.start <= 70
        and text[seg.end - 1] not in ".;,!?:"
        and _DIGIT.search(text, seg.start, seg.end) is None
    )


def _illustrative(f: Folded) -> bool:
    """Does the sentence mark itself a made-up example ("Illustrative example: a 100 MW lease would
    carry …", "Hypothetically, …", "… for illustration only", "For example, a 10 MW agreement would
    …")? Its figures are no facts."""
    return _ILLUSTRATION_SENTENCE.search(f.text) is not None


def _to_source(state: _State, pos: int) -> int:
    """The offset in the text as given of `pos` in the text read."""
    at = state.shifts.original(pos) if state.shifts else pos
    return state.columns.original(at) if state.columns is not None else at


def _note_mark(state: _State, start: int) -> str:
    """The footnote marker a line opens with ("³ Illustration only"), read in the text as given: the
    text read has its markers blanked (`_unmarked`), so the line starts after the blank."""
    at = _to_source(state, start)
    source = state.source
    i = at - 1
    while i >= 0 and source[i] == " ":
        i -= 1
    return source[i] if i >= 0 and source[i] in _FOOTNOTE_MARKS else ""


def _drop_noted(mark: str, start: int, state: _State) -> None:
    """A footnote that calls its marked lines illustrative ("³ Illustration only; not a forecast"):
    the facts read from lines with that marker (in the text as given) are dropped."""
    source = state.source
    state.facts = [
        f for f in state.facts if f.start < start - 3000 or mark not in source[f.start : f.end + 2]
    ]


def _dated_title_end(text: str, seg: Segment) -> bool:
    """A line ending in its months and year: "Third quarter (July–September 2026)"."""
    if text[seg.end - 1] != ")":
        return False
    at = text.rfind("(", seg.start, seg.end)
    return at > seg.start and _BRACKET_MONTHS_YEAR.fullmatch(text, at, seg.end) is not None


def _is_period_title(text: str, seg: Segment) -> bool:
    """A short unpunctuated line naming a period (a sub-title the segmenter read as a sentence)."""
    line = text[seg.start : seg.end]
    if line.endswith(")") and "(" in line:
        # "Third quarter (July–September 2026)": the months' dash is no agenda item's.
        dated = _BRACKET_MONTHS_YEAR.search(line)
        if dated and dated.end() == len(line):
            line = line[: dated.start()]
    if len(line.split()) > 14 or any(ch in line for ch in "$%|—–"):
        return False
    colon = line.find(":")
    if colon >= 0:
        # "Upcoming: Q1 FY2027 results" is an agenda item, not a section title; but a slide's title may
        # open with its period and a colon: "Q3 2026: another record quarter".
        head = line[:colon]
        return colon > 0 and ":" not in line[colon + 1 :] and _only_periods(head, find_mentions(head))
    return _PERIOD_TITLE.search(line) is not None


def _results_title(text: str, seg: Segment) -> bool:
    """A short unpunctuated line that names past results: it ends an outlook heading's scope."""
    end = seg.end
    if text[end - 1] == ")" and end - seg.start <= 130:
        # "Reconciliation of GAAP to Non-GAAP Measures (in millions, except percentages)": the title
        # without its table's scale note.
        note = text.rfind("(", seg.start, end)
        if note > seg.start and _SCALE_NOTE.match(text, note + 1, end):
            end = note
    if end - seg.start > 80 or text[end - 1] in ".;,!?:":
        return False
    line = text[seg.start : end]
    return len(line.split()) <= 8 and _RESULTS_TITLE.search(line) is not None and not _GUIDE.search(line)


#: The inside of a table's scale note: "in millions, except percentages", "$ in thousands", "unaudited".
_SCALE_NOTE: Final = re.compile(
    r"\s*(?:\$\s*)?(?:in\s+(?:thousands|millions|billions)|unaudited)\b", re.IGNORECASE
)


def _where(state: _State, text: str, start: int, end: int) -> tuple[str, int, int]:
    """Evidence and offsets of a fact in the text as given (spelled figures were rewritten)."""
    shifts = state.shifts
    if state.columns is not None:
        # A column block's sentence: the span of the text as given that holds all its lines (the
        # other column's text between them included).
        if shifts and end >= shifts.at[0]:
            start, end = (shifts.original(start - 1) + 1 if start else 0), shifts.original(end)
        start, end = state.columns.span(start, end)
        return state.source[start:end].strip(), start, end
    if not shifts or end < shifts.at[0]:
        if state.marked:
            # The evidence keeps the footnote markers the text was read without.
            return state.source[start:end].strip(), start, end
        return text.strip(), start, end
    i = bisect_right(shifts.at, start)
    opened = i > 0 and shifts.at[i - 1] == start  # markup cut right before the sentence ("**Pellworth")
    if not opened and (i == len(shifts.at) or shifts.at[i] > end):
        # No rewritten figure inside the sentence: its text is the original's, moved.
        moved = shifts.removed[i - 1] if i else 0
        return text.strip(), start + moved, end + moved
    # (The start mapped from the character before it: the markup that opens the sentence is its own.)
    start, end = (shifts.original(start - 1) + 1 if start else 0), shifts.original(end)
    return state.source[start:end].strip(), start, end


#: A later clause that a year opens about someone's past: "; in 2021 it was a four-person lab", ", and
#: in 2019 they had two sites". (A sentence that opens on the year, "In 2025 it had revenue of …", is
#: dated by it.)
_CLAUSE_YEAR_BEFORE: Final = re.compile(r"(?:;|,\s+and|,\s+when|,\s+while|\bbut)\s+(?:back\s+)?in\s+$")
_CLAUSE_YEAR_AFTER: Final = re.compile(
    r",?\s+(?:it|they|he|she)\s+(?:was|were|had|became|employed|operated|ran|served|counted)\b"
)


def _dates_another_clause(text: str, m: Mention) -> bool:
    """Does the year mention open a later clause about something else ("… of third quarter revenue; in
    2021 it was a four-person lab"), dating no quarter of the sentence?"""
    if m.kind != "FY" or m.year is None or text.find(" in ", max(0, m.start - 12), m.start + 4) < 0:
        return False
    at = text.find(str(m.year), m.start, m.end)
    return (
        at > 0
        and _CLAUSE_YEAR_BEFORE.search(text, max(0, at - 16), at) is not None
        and _CLAUSE_YEAR_AFTER.match(text, at + 4) is not None
    )


def _names_no_period(text: str, m: Mention) -> bool:
    """A year mention that names a law or a founding ("Act of 2002", "Founded in 2012") or a
    shareholder meeting ("Notice of 2027 Annual Meeting")."""
    at = text.find(str(m.year), m.start, m.end)
    if at >= 0 and _meeting_year(text, at + 4):
        return True
    return at > 0 and _NOT_PERIOD_YEAR.search(text, max(0, at - 20), at) is not None


#: The document's own date near its top: "September 9, 2026", "Oct. 8, 2026", "6 October 2026",
#: "2026-10-06"; a period-end date ("ended", "as of") is none. Read at each "20xx" of the top: the
#: month and day before it (`_DATE_BEFORE_YEAR`), or the ISO month and day after it.
_DATE_BEFORE_YEAR: Final = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?)\s+$"
)
_ISO_AFTER_YEAR: Final = re.compile(r"-[01]\d-[0-3]\d\b")
_PERIOD_END_DATE: Final = ("ended ", "ending ", "as of ", "through ", "since ", "until ", "as at ", "dated ")


def _document_date_year(low: str) -> int | None:
    """The year of the first date written in `low` (the document's top, lower-cased)."""
    for year in _DATELINE_YEAR.finditer(low):
        at = year.start()
        before = _DATE_BEFORE_YEAR.search(low, max(0, at - 20), at)
        if before is not None:
            if low.endswith(_PERIOD_END_DATE, max(0, before.start() - 9), before.start()):
                continue
            return int(year.group())
        if _ISO_AFTER_YEAR.match(low, year.end()):
            return int(year.group())
    return None


#: A deadline's year: "by the end of 2027", "by year-end 2027", "until 2028", "by YE2027".
_TARGET_YEAR: Final = re.compile(r"(?:by|before|until|through|thru)\s")


def _forward_year(head: str, m: Mention, dated: int | None) -> bool:
    """Is the dated phrase `m` a target or a time still to come, so no year the document reports in?

    "We still expect … 700 megawatts energized by the end of 2027" in a chat dated September 2026, or
    "online in the second half of 2027" in a story dated October 2026: a year after the document's
    own date, unless the issuer calls it a fiscal year ("fiscal 2027" reported in 2026 by a company
    whose year ends in January), names the future, not the period its undated quarters belong to.
    The later year must sit in a sentence that looks ahead: a date at the top may be older than the
    report (a base prospectus's), and "Q3 2026 revenue was …" under it still dates the report."""
    if _TARGET_YEAR.match(head, m.start) is not None:
        return True
    # "Delivery is expected to take place … between the fourth quarter of 2026 and the second quarter
    # of 2028": a schedule's span in a sentence that looks ahead, whatever its first year.
    lead = head[max(0, m.start - 70) : m.start].lower()
    span = lead.endswith(("between ", "between the ")) or (
        lead.endswith(("and ", "and the ")) and "between " in lead
    )
    if not span and (dated is None or m.year is None or m.year <= dated):
        return False
    phrase = head[m.start : m.end].lower()
    if "fiscal" in phrase or "fy" in phrase:
        return False
    start = max(head.rfind(". ", 0, m.start), head.rfind("\n", 0, m.start)) + 1
    stop = head.find(". ", m.end)
    sentence = head[start : stop if stop >= 0 else len(head)].lower()
    return any(w in sentence for w in _AHEAD_WORDS)


#: Words of a sentence that looks ahead (`_forward_year`).
_AHEAD_WORDS: Final = (
    "expect", "plan", "target", "will ", "aim", "anticipat", "goal", "schedul", "forecast", "outlook",
    "guid", "project", "intend", "should ", "on track", "by the end", "by year",
)  # fmt: skip


def _document_years(
    text: str, calendar: FiscalCalendar = CALENDAR_YEAR, head_low: str | None = None
) -> tuple[int | None, int | None]:
    """The first fiscal year the document names explicitly, else its dateline year; and the year of
    its own date near the top, if it shows one. `head_low` is `text[:6000].lower()` when the caller
    has it.

    A year named as a deadline or after the document's own date is skipped (see `_forward_year`): an
    undated "second quarter" in a September 2026 chat is 2026's even when "by the end of 2027" comes
    first among the years it names."""
    head = text[:6000]
    low = head.lower() if head_low is None else head_low
    dated = _document_date_year(low[:600])
    at = 0
    while True:
        # The phrases up to the first dated one, then on from it when it names no period ("Act of 2002").
        mentions = find_mentions(head, low, at, calendar)
        m = mentions[-1] if mentions else None
        if m is None or m.year is None or m.relative != "none":
            break
        if not _names_no_period(head, m) and not _forward_year(head, m, dated):
            return m.year, dated
        at = m.end
    if dated is not None:
        return dated, dated
    for year in _DATELINE_YEAR.finditer(head):
        # A 19xx year is never the dateline; a 20xx one after "Act of" or "Founded in" is none either.
        if not _NOT_PERIOD_YEAR.search(head, max(0, year.start() - 20), year.start()):
            return int("20" + year.group(1)), None
    return None, None


#: A column title of an outlook table that says which forecast, not of what: "Updated", "Prior (Aug. 6,
#: 2026)", "Current outlook", "Previous", "New", "Old", "Low", "High", "Midpoint".
_REVISION_TITLE: Final = re.compile(
    r"(?:updated|current|new|revised|latest|raised|lowered|reaffirmed|reiterated|prior|previous|old|original|"
    r"initial|earlier|low|high|mid-?point|range)(?:\s+(?:outlook|guidance|range|view|forecast|estimate|targets?))?"
    r"(?:\s*\([^()]{0,40}\))?",
    re.IGNORECASE,
)
#: Runs of spaces (or a tab, or a "|") between a table's column titles.
_TITLE_GAP: Final = re.compile(r"\s{2,}|\t|\s*\|\s*")


def _revision_titles(heading: str) -> bool:
    """Is this line two or more outlook column titles (`_REVISION_TITLE`) and nothing else?"""
    cells = [c for c in _TITLE_GAP.split(heading.strip()) if c]
    return len(cells) >= 2 and all(_REVISION_TITLE.fullmatch(c) for c in cells)


def _call_title(low: str, mentions: list[Mention], state: _State) -> bool:
    """ "Third Quarter Fiscal 2026 Earnings Conference Call - Edited Transcript" at the top of a call's
    transcript: the document's title, which dates what follows, not a release's section on how to join
    the call (that comes after the release's figures, whose period is set by then)."""
    return (
        bool(mentions)
        and state.context is None
        and not state.facts
        and "call" in low
        and ("earnings" in low or "results" in low or "transcript" in low)
    )


def _read_heading(doc: Folded, seg: Segment, state: _State) -> None:
    heading = doc.text[seg.start : seg.end]
    state.table_headers = []
    mentions = find_mentions(heading, None, -1, state.calendar)
    has_digit = _DIGIT.search(heading) is not None
    # A short "Revenue: $1.42-1.46B" line or a column-title line of periods ("Q3 2026   Full Year
    # 2026") is content of the section, not a new section: the outlook (or skipped) section goes on.
    content = has_digit and (
        _LABEL_FIGURE.match(heading) is not None
        or _only_periods(heading, mentions)
        or "   " in heading
        or (state.skip_section and state.skip_lead)
    )
    if not content and state.guidance_section and "  " in heading and _revision_titles(heading):
        # "Updated     Prior", "Current   Previous", "Low   High" under "Fiscal 2026 guidance": the
        # outlook table's column titles, not a new section; its rows (the superseded range too) are
        # forecasts still.
        return
    if not content:
        low = doc.low[seg.start : seg.end]
        state.pay_section = _pay_heading(low)
        # "Transaction highlights", "Key lease terms:": the list under it states the deal's terms.
        state.deal_terms = (
            len(heading) <= 80
            and (
                "term" in low
                or "highlight" in low
                or "summary" in low
                or "overview" in low
                or "detail" in low
            )
            and _DEAL_TERMS_HEADING.search(low) is not None
        )
        state.illustration = _NO_ILLUSTRATION
        # A made-up example, not the company's figures: "Illustrative 100 MW lease", "Hypothetical deal".
        illustrative = ("illustrat" in low or "hypothetic" in low or "not a forecast" in low) and (
            _ILLUSTRATION.search(heading) is not None
        )
        if (
            illustrative
            or (
                _SKIP_SECTION.search_str(heading)
                and not _metrics_and_measures(heading)
                and not _call_title(low, mentions, state)
            )
            or (len(heading) <= 70 and _VENDOR_LABEL.match(heading))
        ):
            state.skip_section = True
            state.about = low.startswith("about ")
            state.skip_lead = heading.rstrip().endswith(":")
            state.skip_defs = _definitions_only(heading) and not _GUIDE_SECTION.search(heading)
            state.guidance_section = False
            _end_lead_period(state)
            if state.skip_lead and illustrative:
                # "Illustrative example:" introduces a list; the prose after it is the company's again.
                state.illustration = _LEAD_IN
            return
        state.skip_section = False
        state.skip_defs = False
        state.heading_period = None
        # "Preliminary Estimated Results for the Three Months Ended September 30, 2026": a period over.
        state.preliminary = "prelim" in low and ("result" in low or " ended" in low)
        state.outlook_title = False
        state.outlook_year = None
        if heading.rstrip().endswith(":"):
            # "For the third quarter of 2026, Brightvane expects:" introduces a list.
            # (The lower-cased form stands in exactly for the IGNORECASE pattern, several times faster.)
            outlook = _GUIDE_FOLDED.search_str(heading) is not None
            if outlook:
                state.guidance_section = True
            elif state.guidance_section and _SPEAKER_TITLE.search(heading):
                # "CEO Aino Lehtikangas:" after the outlook: a quote that speaks for itself.
                state.guidance_section = False
        else:
            # (The word count first: a long heading needs no scan.)
            state.guidance_section = len(_title_core(heading).split()) <= 6 and bool(
                _GUIDE_SECTION.search(heading)
            )
            outlook = state.guidance_section
        if not outlook:
            # "Highlights" after "Fourth Quarter Fiscal 2027 Outlook" and its list: the document's own
            # period again ("Outlook details" goes on with the outlook's).
            _end_lead_period(state)
    elif state.skip_section and not (state.skip_defs and _only_periods(heading, mentions)):
        return
    # (The column titles of a reconciliation table under "Non-GAAP Financial Measures" date its rows.)
    before = state.context
    _title_period(mentions, state, heading)
    if (
        not content
        and state.guidance_section
        and before is not None
        and state.context != before
        and state.lead_context is None
    ):
        # "Fourth Quarter Fiscal 2027 Outlook": the period forecast, not the one the document reports;
        # the section ends at the next heading only. ("For the fourth quarter of 2026, Orrin expects:"
        # on a line of its own is a lead-in, whose list also ends at prose that reports.)
        state.lead_context = before
        state.lead_paragraph = seg.paragraph if heading.rstrip().endswith(":") else -1
    if has_digit:
        _read_sentence(doc.slice(seg.start, seg.end), seg, state, heading=True)


#: A verb that reports rather than forecasts: "represented", "was", "reached", "grew".
_REPORTING_VERB: Final = re.compile(
    r"\b(?:was|were|represented|accounted|reached|reported|grew|rose|increased|decreased|declined|totaled|"
    r"totalled|had|signed|closed|completed|delivered|energized|achieved)\b",
    re.IGNORECASE,
)


def _ends_lead(text: str, seg: Segment, state: _State) -> bool:
    """Does a line that is no bullet end the list a lead-in or an outlook heading dated? A short title
    of past results the segmenter read as a sentence ("Operating highlights") does, as a heading
    would; and, after a lead-in's list, prose that reports ("During the quarter, our largest customer
    represented 41% of revenue.") and forecasts nothing."""
    last = text[seg.end - 1]
    if last not in ".;,!?:" and seg.paragraph > max(state.lead_paragraph, 0):
        return _results_title(text, seg)
    return (
        state.lead_paragraph >= 0
        and seg.paragraph >= state.lead_paragraph + 2
        and last in ".!?"
        and _REPORTING_VERB.search(text, seg.start, seg.end) is not None
        and _GUIDE.search(text, seg.start, seg.end) is None
    )


def _end_lead_period(state: _State) -> None:
    """A lead-in's or an outlook heading's section has ended: the document's own period is the
    context again. "Sales to one direct customer represented approximately 21% of total revenue for
    the quarter" under "Highlights", after "… outlook for the fourth quarter of fiscal 2027 is as
    follows:" and its list, is of the quarter reported, not of the next."""
    if state.lead_context is not None:
        state.context = state.lead_context
        state.lead_context = None


#: A heading over a deal's terms (lower-cased): "Transaction highlights", "Key lease terms:", "Summary of
#: the agreement", "Deal overview". A MW figure listed under it with no status word of its own is the
#: capacity the deal signs ("Capacity: 168 MW of critical IT load"), not capacity running.
_DEAL_TERMS_HEADING: Final = re.compile(
    r"\b(?:(?:transaction|lease|leasing|agreement|contract|deal|msa|partnership|expansion)\s+"
    r"(?:highlights|terms|summary|overview|details)|"
    r"key\s+(?:(?:transaction|lease|leasing|deal|contract|agreement|commercial)\s+)?terms|"
    r"(?:summary|overview|details|terms|highlights)\s+of\s+(?:the\s+)?(?:new\s+)?(?:transaction|lease|"
    r"agreement|contract|deal|msa|partnership)s?)\b"
)
#: An executive's title in a speaker's line: "CEO Aino Lehtikangas:", "Comments from the CFO:".
_SPEAKER_TITLE: Final = re.compile(
    r"\b(?:CEO|CFO|COO|CTO|Chief\s+[A-Z]\w+\s+Officer|President|Chair(?:man|woman|person)?|Founder|"
    r"Managing\s+Director)\b"
)
#: A heading over the definitions of non-GAAP measures ("Non-GAAP Financial Measures", "Use of Non-GAAP
#: Financial Information", "Reconciliation of GAAP to Non-GAAP Financial Measures").
_DEFINITIONS_HEADING: Final = re.compile(
    r"non[\s-]?gaap\s+(?:financial\s+)?(?:measures?|information)|use\s+of\s+non[\s-]?gaap", re.IGNORECASE
)
#: A heading that names the figures it heads besides the measures' definitions: "Key Business Metrics
#: and Non-GAAP Financial Measures:", "Non-GAAP Financial Measures and Operating Data".
_METRICS_HEADING: Final = re.compile(r"\b(?:metrics|data|indicators|KPIs?)\b", re.IGNORECASE)


#: A heading that says it explains measures: "Definitions of Key Metrics and Non-GAAP Measures",
#: "Use of Non-GAAP Measures and Operating Metrics".
_EXPLAINING_HEADING: Final = re.compile(r"defin|\buse\s+of\b|explanation|descriptions?\b", re.IGNORECASE)


def _metrics_and_measures(heading: str) -> bool:
    """A heading over a block of key metrics that also names non-GAAP measures: it heads figures, not
    the measures' definitions (only a non-GAAP heading is asked: the other skipped ones stay so)."""
    return (
        _METRICS_HEADING.search(heading) is not None
        and _EXPLAINING_HEADING.search(heading) is None
        and _definitions_only(heading)
    )


def _definitions_only(heading: str) -> bool:
    """Is a skipped heading skipped only for naming non-GAAP measures ("Forward-Looking Statements and
    Non-GAAP Measures" is skipped for its statements too)?"""
    return (
        "GAAP" in heading.upper()
        and _DEFINITIONS_HEADING.search(heading) is not None
        and _SKIP_SECTION.search_str(_DEFINITIONS_HEADING.sub(" ", heading)) is None
    )


#: Words of a measure's definition or reconciliation note: "is defined as", "excludes", "we believe …
#: useful". A sentence with figures and none of these reports them.
_DEFINING_WORDS: Final = (
    "defin",
    "exclud",
    "calculat",
    "reconcil",
    "measure",
    "useful",
    "believe",
    "supplement",
    "comparab",
    "accordance",
    "adjusted for",
    "adjusts",
)


def _ends_definitions(low: str) -> bool:
    """Does a sentence with figures in a "Non-GAAP Financial Measures" section report them (so the
    section of definitions has ended), rather than define or reconcile a measure?"""
    return not any(w in low for w in _DEFINING_WORDS)


#: The months a yearless period heading spans, with their year: "Third quarter (July–September 2026)".
_MONTH_NAME: Final = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
_BRACKET_MONTHS_YEAR: Final = re.compile(
    r"\s*\((?:" + _MONTH_NAME + r"\s*[–—-]\s*)?(?P<last>" + _MONTH_NAME + r")\s+(?P<year>20\d\d)\)"
)


def _bracket_year(dated: re.Match[str], state: _State) -> int:
    """The year of a yearless period heading by the months it spans: the year they end in, or the
    issuer's fiscal year holding them ("First quarter (April–June 2026)" of a year to March 2027 is
    of fiscal 2027)."""
    return fiscal_year_of(dated.group("last"), int(dated.group("year")), state.calendar)


def _title_period(mentions: list[Mention], state: _State, title: str = "") -> None:
    """The first period a heading or slide title names becomes the context and dates its section."""
    for m in mentions:
        if m.relative == "none":
            if title and _names_no_period(title, m):
                continue
            context = state.context
            if m.year is None and m.kind is not None and title.find("(", m.end, m.end + 3) >= 0:
                dated = _BRACKET_MONTHS_YEAR.match(title, m.end)
                if dated:
                    context = Period(m.kind, m.number, _bracket_year(dated, state))
            period = resolve(m, context, state.default_year)
            if period:
                state.context = period
                state.heading_period = period
                return


#: What a year names in a proxy's title: "Notice of 2027 Annual Meeting", "2027 Proxy Statement".
_MEETING_AFTER: Final = (
    " Annual Meeting", " Annual General Meeting", " annual meeting", " ANNUAL MEETING", " Proxy Statement",
    " proxy statement", " PROXY STATEMENT", " AGM",
)  # fmt: skip


def _meeting_year(title: str, end: int) -> bool:
    """Is the year at `end` a shareholder meeting's or proxy statement's ("Notice of 2027 Annual
    Meeting and Proxy Statement")? The meeting is held after the fiscal year it reports on, so its
    year dates none of the figures."""
    return title.startswith(_MEETING_AFTER, end)


#: "Revenue: $1.42-1.46B", "Adj. gross margin: 43-45%": a label and its figure on a line of their own.
_LABEL_FIGURE: Final = re.compile(
    r"[^:]{1,60}:\s*(?:[~≈]|approx\.?|about|up\s+to|at\s+least)?\s*[-−]?(?:US)?[$€£¥]?\s?\d"
)
_PERIOD_LEFTOVER: Final = re.compile(r"[A-Za-z]{2,}")


def _only_periods(heading: str, mentions: list[Mention]) -> bool:
    """A line of nothing but period names: the column titles of a table."""
    if not mentions:
        return False
    rest = heading
    for m in reversed(mentions):
        rest = rest[: m.start] + " " + rest[m.end :]
    return _PERIOD_LEFTOVER.search(rest) is None


# --- sentences ---------------------------------------------------------------------------------


class _Reading:
    """One sentence with its quantities and cues; its period mentions are read on first use.

    Most sentences with numbers give no fact and do not start the document's
    period, so finding and resolving their period phrases is left until a fact
    needs a period. The context they resolve against is the one in force when
    the sentence was reached (the sentence itself changes it only at its end).
    """

    __slots__ = (
        "_breaks",
        "_context",
        "_mentions",
        "_statuses",
        "_year",
        "calendar",
        "comparative",
        "cues",
        "dated_year",
        "folded",
        "last_half",
        "offset",
        "quantities",
        "sentence",
    )

    def __init__(
        self,
        sentence: str,
        offset: int,
        quantities: list[Quantity],
        cues: list[Cue],
        comparative: list[bool],
        folded: Folded,
        context: Period | None = None,
        default_year: int | None = None,
        mentions: list[tuple[Mention, Period | None, bool]] | None = None,
    ) -> None:
        self.sentence = sentence
        self.offset = offset
        self.quantities = quantities
        self.cues = cues
        self.comparative = comparative
        self.folded = folded
        self._context = context
        self._year = default_year
        self._mentions = mentions
        #: The issuer's fiscal calendar (`_State.calendar`): it names periods ended on a date and
        #: "by 31 March 2027".
        self.calendar = CALENDAR_YEAR
        #: The half-year the text last named (`_State.last_half`) and the document's dated year.
        self.last_half: Period | None = None
        self.dated_year: int | None = None
        self._breaks: tuple[list[int], list[int]] | None = None
        self._statuses: list[tuple[int, int, str]] | None = None

    def power_statuses(self) -> list[tuple[int, int, str]]:
        """The sentence's capacity status words, scanned once for all its power figures."""
        if self._statuses is None:
            self._statuses = power_statuses(self.folded)
        return self._statuses

    def clause_breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the sentence's clause breaks: every figure asks for its clause, and
        one scan serves them all."""
        if self._breaks is None:
            starts: list[int] = []
            ends: list[int] = []
            for m in _CLAUSE_BREAK.finditer(self.sentence):
                starts.append(m.start())
                ends.append(m.end())
            self._breaks = (starts, ends)
        return self._breaks

    @property
    def mentions(self) -> list[tuple[Mention, Period | None, bool]]:
        """(mention, resolved period, comparative?) for each period phrase of the sentence."""
        if self._mentions is None:
            self._mentions = self._resolve()
        return self._mentions

    def _resolve(self) -> list[tuple[Mention, Period | None, bool]]:
        sentence, quantities = self.sentence, self.quantities
        mentions = find_mentions(sentence, self.folded.low, -1, self.calendar)
        resolved: list[tuple[Mention, Period | None, bool]] = []
        if not mentions:
            return resolved
        comparative = self.comparative
        comps = [_mention_comparative(sentence, m, quantities, comparative) for m in mentions]
        # "Full-year revenue …, up 71% from fiscal 2025": a compared year is not the sibling's year.
        sibling_year: int | None = None
        for i, x in enumerate(mentions):
            if (
                x.year is not None
                and x.relative == "none"
                and not comps[i]
                and not _names_no_period(sentence, x)
                and not _dates_another_clause(sentence, x)
            ):
                # ("… third quarter revenue, … since the Company's founding in 2022": a founding's year
                # dates no quarter.)
                sibling_year = x.year
                break
        for i, m in enumerate(mentions):
            comp = comps[i]
            ctx = self._context
            if m.year is None and sibling_year is not None and m.relative == "none" and m.kind is not None:
                ctx = Period(m.kind, m.number, sibling_year)
            elif (
                m.kind == "H"
                and m.year is None
                and m.relative == "none"
                and self.last_half is not None
                and self.last_half.number == m.number
                and (ctx is None or (ctx.kind == "FY" and ctx.year < self.last_half.year))
            ):
                # "In the first half of 2026, revenue rose 148% …. Adjusted gross margin was roughly 58%
                # in the first half": the half named before, though the story's first period (its
                # context) was full-year 2025. (Only a later year, and only over a year's context: a
                # quarterly report's "second half" is its own year's, whatever half it named before.)
                ctx = self.last_half
            elif (
                ctx is None
                and sibling_year is not None
                and m.relative == "current"
                and m.kind == "FY"
                and sentence.startswith(("by ", "at ", "before ", "until "), m.start)
            ):
                # "Halden Q3 2026: … 180 MW online by the end of the year": the year the sentence names
                # ("revenue this year" beside "by the end of 2027" is the writer's year, not named).
                ctx = Period("FY", 0, sibling_year)
            if m.relative == "deadline":
                # "by 31 March 2027": the fiscal year ending then, or no period phrase at all.
                period = deadline_period(m, self.calendar)
                if period is None:
                    continue
            else:
                period = resolve(m, ctx, self._year)
                if (
                    period is not None
                    and m.kind == "H"
                    and m.year is None
                    and m.relative == "none"
                    and not comp
                    and self.dated_year is not None
                    and period.year < self.dated_year
                    and any(
                        comps[k] and x.kind == "FY" and x.year == period.year and x.relative == "none"
                        for k, x in enumerate(mentions)
                    )
                ):
                    # "62% of revenue in the first half, down from 77% for full-year 2025" in a story
                    # dated 2026: a half set against a full year is of a later year, not of the year it
                    # is compared with (never a year after the document's date).
                    period = Period("H", period.number, period.year + 1)
            resolved.append((m, period, comp))
        return resolved


def _read_sentence(
    f: Folded, seg: Segment, state: _State, heading: bool = False, title: bool = False
) -> None:
    """Read one sentence (`f` is its text and lower-cased form)."""
    if "(" in f.text and ('"' in f.text or "“" in f.text or "'" in f.text or "‘" in f.text):
        # 'a colocation agreement (the "Colocation Agreement") with Fluidline Cloud Ltd. ("Fluidline")
        # for 168 MW': a filing's defined terms are read as absent (see `defined`).
        blanked = blank_defined_terms(f.text, f.low)
        if blanked is not None:
            f = Folded(blanked.text, blanked.low, f.fast)
            state.sentence_deals = blanked.deals
    sentence = f.text
    has_digit = _HAS_DIGIT.search(sentence) is not None
    if has_digit:
        quantities = find_quantities(sentence, f.low)
        if not quantities and len(sentence) <= 48 and " to " in f.low:
            intro = _OUTLOOK_INTRO.fullmatch(sentence)
            if intro is not None:
                # "Turning to 2027." (no verb, no figure): the forecasts that follow are that year's.
                state.outlook_year = int(intro.group("year"))
                return
    else:
        quantities = []
    if state.goal_cells and quantities:
        if len(state.goal_cells) > 16:
            # Sentences are read in order: the cells of lines already behind are done with (a long
            # proxy's pay tables would otherwise make every later figure scan all of them).
            state.goal_cells = [c for c in state.goal_cells if c[1] > seg.start]
        # A pay plan's goal levels in a space-aligned table (see `_spaced_line`): not results.
        quantities = [q for q in quantities if not _in_goal_cell(state, seg.start + q.start)]
    if quantities and ("“" in sentence or '"' in sentence) and any(w in f.low for w in _TALK_WORDS):
        titled = _talk_titles(sentence)
        if titled:
            # Keynote: “From 30 MW to 1 GW …”: a talk's title on an agenda states no one's figure.
            quantities = [q for q in quantities if not any(a <= q.start < b for a, b in titled)]
    wants_context = state.context is None or title or sentence.endswith(":")
    has_mentions = quantities or (
        wants_context and (has_digit or "quarter" in sentence or "year" in sentence)
    )
    comparative = [_is_comparative(sentence, q, quantities) for q in quantities]
    for i in range(1, len(quantities)):
        # "compared with 241 MW and 690 MW": the second of a compared pair is compared too.
        if comparative[i - 1] and not comparative[i] and quantities[i].unit == quantities[i - 1].unit:
            gap_and = _AND_NEXT.fullmatch(sentence, quantities[i - 1].end, quantities[i].start)
            comparative[i] = gap_and is not None
    if quantities and state.skip_defs and state.skip_section and _ends_definitions(f.low):
        # "Non-GAAP Financial Measures" then "Our backlog was $1.9 billion.": the section has ended.
        state.skip_section = state.skip_defs = False
    if state.skip_section and state.about and quantities:
        # (Not a portfolio's power, "1.3 GW of power capacity, including 360 MW under development".)
        # The company's "150 MW of active power and 620 MW of contracted power" is read only when the
        # document has stated no capacity of its own before (an IPO pricing, a financing release).
        own_power = -1  # unknown until a site-power figure asks
        kept: list[Quantity] = []
        for q in quantities:
            if q.unit != "mw":
                continue
            site = _SITE_POWER_AFTER.match(sentence, q.end)
            if site is not None:
                if own_power < 0:
                    own_power = int(any(x.metric.startswith("capacity") for x in state.facts))
                if own_power or _STATUS_POWER.search(site.group()) is None:
                    continue
            kept.append(q)
        quantities = kept
        reads = bool(quantities) and not sentence.rstrip().endswith("?")
    else:
        reads = bool(quantities) and not state.skip_section and not sentence.rstrip().endswith("?")
    if (
        reads
        and ("illustrat" in f.low or "hypothetic" in f.low or "example" in f.low or "instance" in f.low)
        and (_illustrative(f))
    ):
        # "Illustrative example: a 100 MW lease would carry ~$1.4B of contract value": made up.
        reads = False
    if not quantities and "margin" in f.low and any(w in f.low for w in _BASIS_SCOPE_WORDS):
        stated = _MARGIN_BASIS_STATED.search(f.low)
        if stated is not None:
            # "All margins are adjusted unless I say otherwise": the margins that follow share it.
            state.margin_basis = "gaap" if stated.group("b") == "gaap" else "non_gaap"
    cues = find_cues(sentence, f.low) if reads else []
    if cues and "fort" in f.low:
        # "Dallas-Fort Worth", "FORT WORTH": a city, not the "worth" of a deal's value.
        cues = [c for c in cues if not (c.text in ("Worth", "WORTH") and f.low.endswith(_FORT, 0, c.start))]
    turns = state.turns
    if turns.asking and not heading:
        if quantities:
            turns.quote([x.low for x in quantities if x.unit != "mw"])
            if any(x.unit == "mw" for x in quantities) and _MW_DEAL_ASKED.search(f.low) is not None:
                # "And on Anthropic itself, is that the 300-megawatt agreement?"
                turns.ask_deal(_asked_party(f.text, state))
        if _may_name_askable(f.low):
            # The metrics an asking turn names, questions included, for the answer's bare figures.
            _note_asked(f, cues if reads else None, state)
        elif (turns.asked or turns.previous) and len(sentence) < 90 and sentence.endswith("?"):
            _follow_up(f, state)
    facts_before = len(state.facts)
    reading = _Reading(
        sentence,
        seg.start,
        quantities,
        cues,
        comparative,
        f,
        state.context,
        state.default_year,
        None if has_mentions else [],
    )
    reading.calendar = state.calendar
    reading.last_half = state.last_half
    reading.dated_year = state.dated_year
    if reads:
        if state.thousands:
            reading.quantities = _thousands(sentence, quantities)
        elif state.millions or state.bare_millions:
            row_start, row_end = state.spaced_row
            if row_start <= seg.start < row_end:
                # "Revenue   $21,860   $19,694   $13,836" under "($ in millions, except earnings per
                # share)": every dollar cell of the row is in millions, not only the one `_spaced_row`
                # reads (each dated by its own column, see `_period_for`).
                reading.quantities = _scaled(sentence, quantities, 1e6)
        # (`_read_quantities` resets `sentence_margin` itself: set to None here, mypyc would take
        # the attribute for None after the call too and refuse the margin it recorded.)
        _read_quantities(reading, state)
        state.prev_margin = state.sentence_margin
        state.prev_range = state.sentence_range
    if turns.answering() and not heading:
        # An answer's sentence: what it named is what its next sentence's bare figure may be of.
        _note_said(f, reading, state, facts_before)
    _remember_parties(f, state)
    if state.closed_update is None and has_mentions and "trading" in f.low and _closed_update(f.low):
        for m, period, comp in reading.mentions:
            if period is not None and not comp and m.relative == "none":
                # "… provides a trading update for the financial year ended 31 March 2026 ("FY25/26")".
                state.closed_update = period
                break
    if "half" in f.low or "h1" in f.low or "h2" in f.low or "1h" in f.low or "2h" in f.low:
        for m, period, comp in reading.mentions:
            # (A bare half too, once read: "in the first half, down from 77% for full-year 2025" is 2026's.)
            if period is not None and not comp and m.kind == "H" and m.relative == "none":
                state.last_half = period
    # The document's reporting period is the first one it names; a list introduced by
    # "guidance for the fourth quarter of fiscal 2026:" reads its items in that period.
    if state.forecast_context and not title and state.context is not None:
        _replace_forecast_context(reading, state)
    elif state.context is None or title or sentence.rstrip().endswith(":"):
        first = state.context is None and not title
        for m, period, comp in reading.mentions:
            if (
                period is not None
                and not comp
                and m.relative == "none"
                and not _names_no_period(sentence, m)
                and (title or not _forward_year(sentence, m, state.dated_year))
            ):
                if title and m.year is None and m.kind is not None:
                    dated = _BRACKET_MONTHS_YEAR.match(sentence, m.end)
                    if dated:
                        period = Period(m.kind, m.number, _bracket_year(dated, state))
                elif (
                    not title
                    and state.context is not None
                    and period != state.context
                    and (state.guidance_section or _GUIDE.search(sentence) is not None)
                ):
                    # "… outlook for the fourth quarter of fiscal 2027 is as follows:": the period of
                    # the forecasts listed under it, not of the document (see `_end_lead_period`). (A
                    # lead-in of results, "Fourth-quarter highlights:", dates what follows.)
                    if state.lead_context is None:
                        state.lead_context = state.context
                    state.lead_paragraph = seg.paragraph
                state.context = period
                state.forecast_context = first and _guided_mention(sentence, m)
                break


def _guided_mention(sentence: str, m: Mention) -> bool:
    """Does a forecast word stand right before the period phrase ("forecast fourth-quarter revenue",
    "expects fourth-quarter 2026 revenue", "outlook for the fourth quarter")?"""
    return _GUIDE.search(sentence, max(0, m.start - 30), m.start) is not None


def _replace_forecast_context(r: _Reading, state: _State) -> None:
    """The document's period came from a forecast in its lead: the first earlier period a later sentence
    reports in its own words ("Revenue grew 40% to $2.1 billion in the first quarter of fiscal 2027")
    is the period of its results, and of the figures after it that name none ("Adjusted gross margin
    widened to 14.2%"); forecasts after it name the quarter to come as in any report."""
    ctx = state.context
    assert ctx is not None
    for m, period, comp in r.mentions:
        if (
            period is not None
            and not comp
            and m.relative == "none"
            and period.end_month < ctx.end_month
            and not _names_no_period(r.sentence, m)
            and not _forward_year(r.sentence, m, state.dated_year)
            and not _guided_mention(r.sentence, m)
        ):
            if ctx.kind == "FY" and period.kind != "FY" and period.year == ctx.year:
                # "… revised earnings forecasts for the fiscal year ending March 31, 2027" then "In the
                # first quarter of the fiscal year …, net sales rose 38.9%": "net sales are expected to
                # increase 36.2%" after it is still that year's forecast.
                state.forecast_year = ctx
            state.context = period
            state.forecast_context = False
            return


_AND_NEXT: Final = re.compile(r",?\s+and\s+")
_TALK_WORDS: Final = (
    "keynote", "panel", "case study", "workshop", "fireside", "debate", "session", "talk", "presentation",
    "webinar", "track", "lecture", "masterclass", "breakout", "roundtable", "titled", "called",
)  # fmt: skip
#: A label that a talk's quoted title follows: "Keynote: “…”", "Fireside chat – “…”", "a session titled
#: "…"" (not "said:", whose quote is someone's words).
_TALK_LABEL: Final = re.compile(
    r"\b(?:keynote(?:\s+address)?|panel(?:\s+discussion)?|case\s+study|workshop|fireside(?:\s+chat)?|debate|"
    r"(?:breakout\s+|plenary\s+)?session|talk|presentation|webinar|track|lecture|masterclass|roundtable|"
    r"(?:en)?titled|called)\s*[:–—-]?\s*$",
    re.IGNORECASE,
)
_QUOTED: Final = re.compile(r"“[^”]{3,200}”|\"[^\"]{3,200}\"")


def _talk_titles(sentence: str) -> list[tuple[int, int]]:
    """The spans of quoted talk titles in a sentence (see `_TALK_LABEL`)."""
    out = []
    for m in _QUOTED.finditer(sentence):
        if _TALK_LABEL.search(sentence, max(0, m.start() - 40), m.start()):
            out.append(m.span())
    return out


_FORT: Final = ("fort ", "fort-", "ft. ", "ft ")
#: "1.3 GW of power capacity", "800 MW of gross power": power a portfolio owns, not IT capacity.
_SITE_POWER_AFTER: Final = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}?power\b", re.IGNORECASE)
#: A status of power that makes it the company's capacity: "of active power", "of contracted power".
_STATUS_POWER: Final = re.compile(
    r"\b(?:active|contracted|operational|operating|energi[sz]ed|leased|committed|online|live|delivered)\b",
    re.IGNORECASE,
)
#: Words that make a basis statement cover what follows, not one figure (`_MARGIN_BASIS_STATED`).
_BASIS_SCOPE_WORDS: Final = (
    "otherwise", "unless", "discuss", "today", "this call", "throughout", "all margins",
)  # fmt: skip
#: "Unless otherwise noted, margins discussed on this call are non-GAAP", "All margins are adjusted
#: unless I say otherwise", "Margins discussed today are on a non-GAAP basis" (lower-cased sentence).
_MARGIN_BASIS_STATED: Final = re.compile(
    r"\bmargins\b[^.;]{0,60}?\b(?:are|will\s+be)\s+(?:(?:presented|stated|discussed|given|reported|"
    r"expressed|shown|quoted)\s+)?(?:(?:on|in)\s+(?:an?\s+)?)?(?P<b>non[\s-]?gaap|adjusted|gaap)\b"
)


def _in_goal_cell(state: _State, pos: int) -> bool:
    return any(a <= pos < b for a, b in state.goal_cells)


def _thousands(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """Dollar figures written with no scale, in a table stated "in thousands"."""
    return _scaled(sentence, quantities, 1000.0)


def _scaled(sentence: str, quantities: list[Quantity], scale: float) -> list[Quantity]:
    """Dollar figures written with no scale, times the scale their table states."""
    out = []
    for q in quantities:
        if q.unit == "usd" and not _SCALE_WRITTEN.search(sentence, q.start, q.end):
            q = Quantity(
                q.unit, q.low * scale, q.high * scale, q.start, q.end, q.bound, q.is_range, q.foreign
            )
        out.append(q)
    return out


#: "61.8% (H1 2025: 57.0%)", "(31 December 2025: 330 MW)": the bracketed figure is the prior period's.
_BRACKET_PRIOR: Final = re.compile(r"\(\s*[^():]{0,30}\d[^():]{0,10}:\s*(?:US\$|USD|S\$|EUR|€|£|\$)?\s*$")


def _is_comparative(sentence: str, q: Quantity, quantities: list[Quantity]) -> bool:
    before = sentence[max(0, q.start - 60) : q.start]
    if ":" in before[-8:] and _BRACKET_PRIOR.search(before):
        return True
    if not before[-1:].isspace():
        return False  # `_COMPARATIVE` ends in whitespace (as `may_end_with` below checks first)
    if before.isascii():
        # Most windows hold none of the words a comparison opens with (`_COMPARATIVE_LEADS`);
        # on ASCII text lower-casing is what IGNORECASE does, so the substring tests are exact.
        low = before.lower()
        if not any(word in low for word in _COMPARATIVE_LEADS):
            return False
    return (
        may_end_with(before, _COMPARATIVE_WORDS, True, _COMPARATIVE_WHOLE)
        and bool(_COMPARATIVE.search_str(before))
        and not (before.endswith("from ") and _RANGING_FROM_BEFORE.search(before))
        and not before.endswith(_SECOND_SOURCE)
    )


#: "… will come from Halvern Electric, …, and from a 300 MW gas-fired plant": a second source joined to a
#: first, no earlier value compared.
_SECOND_SOURCE: Final = ("and from a ", "and from an ", "and from the ", "or from a ", "or from an ")


def _contrasted_status(
    r: _Reading, q: Quantity, idx: int, own: str | None, compared: str | None, low_before: str
) -> bool:
    """A power figure after "against", "versus" or "compared with" whose own status word follows it
    ("against 1.6 GW under contract", "versus 300 MW energized") is another measure set beside the
    first, not its value at another time: it keeps its own status. Asked only of a compared power
    figure whose own reading differs from the one it would inherit."""
    if q.unit != "mw" or own is None or own == compared:
        return False
    tail = low_before[-30:]
    if not ("against" in tail or "versus" in tail or "vs" in tail or "compared" in tail):
        return False
    status = "contracted" if own == "capacity_contracted" else "deployed"
    nxt = next((o.start for o in r.quantities[idx + 1 :] if o.unit == "mw"), len(r.sentence))
    return any(kind == status and q.end <= a <= q.end + 30 and a < nxt for a, _b, kind in r.power_statuses())


#: "a cost ranging from $9 to $11 million": the range's own opening, no earlier value compared with.
_RANGING_FROM_BEFORE: Final = re.compile(r"\brang(?:e|es|ed|ing)\s+from\s+$", re.IGNORECASE)


def _mention_comparative(
    sentence: str, m: Mention, quantities: list[Quantity], comparative: list[bool]
) -> bool:
    if m.relative in ("year_ago", "prev_quarter", "prev_year"):
        return True
    # "312 MW (Q2 2026: 268 MW)", "(H1 2025: EUR 816m)": the bracket gives a comparison period.
    if (
        sentence[m.end : m.end + 2].lstrip().startswith(":")
        and "(" in sentence[max(0, m.start - 2) : m.start]
    ):
        return True
    # Fifty characters hold "compared with the corresponding period in " before the year.
    before = sentence[max(0, m.start - 50) : m.start]
    if any(word in before for word in _FROM_COMPARED_WORDS) and _RE_FROM_COMPARED_WITH.search(before):
        return True
    if before.endswith(("on ", "on the ")) and _PERCENT_ON.search(before):
        # "an increase of 46% on H1 FY26", "… of 46% on the six months ended 30 September 2025".
        return True
    if "ompar" in before and _COMPARISONS_ARE_TO.search(before):
        # "the comparisons I'll give are to the third quarter of fiscal 2025": the base of every
        # comparison, not the period being reported.
        return True
    # "…, compared with 36.9% in the third quarter of fiscal 2025": follows a comparative number.
    i = -1
    for j, q in enumerate(quantities):
        if q.end <= m.start:
            i = j
    if i >= 0 and comparative[i]:
        gap = sentence[quantities[i].end : m.start]
        if len(gap) < 40 and not _COMMA_OR_SEMI.search(gap):
            return True
    return False


def _clause_span(r: _Reading, q: Quantity, quantities: list[Quantity]) -> tuple[int, int]:
    sentence = r.sentence
    starts, ends = r.clause_breaks()
    # The last break ending before the figure, the first starting at or after its end.
    i = bisect_right(ends, q.start)
    left = ends[i - 1] if i else 0
    for other in quantities:
        if other.end <= q.start:
            left = max(left, other.end)
    j = bisect_left(starts, q.end)
    right = starts[j] if j < len(starts) else len(sentence)
    for other in quantities:
        if other.start >= q.end:
            right = min(right, other.start)
            break
    return left, right


def _read_quantities(r: _Reading, state: _State) -> None:
    state.sentence_margin = None
    state.sentence_range = None
    carried_range = False
    s = r.sentence
    guide_spans: list[tuple[int, int]] | None = None  # found when the first fact needs its kind
    last_conc_party: str | None = None
    #: Whose shares the sentence's last move was: "Quorvane shares rose as much as 9% before ending up 4%".
    move_owner: str | None = None
    metrics: list[tuple[str | None, Cue | None]] = []
    retracted_kind: str | None = None
    #: Does the sentence hold a pay plan's word (see `_pay_goal`), a peer group's? Found on its first metric.
    pay_words: bool | None = None
    peer_words = False
    revised_raise = False
    #: The last sum of money raised in the sentence (its index) and whether its parts have begun:
    #: "a $400 million investment by Vela, made up of $250 million of common stock and a $150 million
    #: loan" (see `stakes.part_of_sum`).
    deals: _Deals | None = None
    text = r.folded.low
    # Might a correction withdraw a figure (`_retracted_object`)? Each of its matches holds one of these.
    retracts = (
        "mis" in text or "rrectly" in text or "neously" in text or "wrongly" in text or "accurately" in text
    )
    # Might the sentence state a rule of thumb per unit of power (`_per_power_yield`), or size a market
    # (`_market_sized`)? Screened once a sentence.
    per_power = len(r.quantities) > 1 and ("every" in text or "each" in text or "per " in text)
    sizes_market = _may_size_market(text)
    tallied = ("count" in text or "tally" in text) and _deal_tally(text)
    for idx, q in enumerate(r.quantities):
        metric, cue = _metric_for(r, q, idx)
        if (
            state.deal_terms
            and q.unit == "mw"
            and metric in (None, "capacity_deployed")
            and _deal_term_capacity(r, q, idx, metric)
        ):
            # "Transaction highlights … Capacity: 168 MW of critical IT load": the lease's capacity.
            metric, cue = "capacity_contracted", None
        if q.unit == "usd" and metric in _DEAL_READ:
            if deals is None:
                deals = _Deals()
            deals.current = _deal_reading(r, q, idx, metric, state, deals)
            if deals.current[0]:
                metric, cue = (None, None) if deals.current[0] == _OTHER_STAKE else ("financing", None)
        if metric == "customer_concentration" and (
            not_customer_share(gap := s[r.quantities[idx - 1].end if idx else 0 : q.start], q.bound)
            or fund_weight(gap, s[q.end : q.end + 40])
        ):
            # "customers located outside the United States represented 9%", "our largest long, at 6.5%
            # of NAV": no customer's share.
            metric, cue = None, None
        elif (
            metric == "financing"
            and cue is not None
            and cue.end <= q.start
            and cue.text[:4].lower() == "rais"
            and _RAISED_PLAN.compiled.match(s, cue.end, q.start) is not None
        ):
            # "we have raised our five-year capital plan to $14.2 billion": a plan lifted, no money raised.
            metric, cue = None, None
        elif metric == "financing" and (_market_tally(r, q) or _order_book(r, q) or _proceeds_used(r, q)):
            # "Private-credit funds provided an estimated $38 billion of such loans": a market's total;
            # "orders for the notes topped $5 billion": investors' demand; "of which $96 million was used
            # to pay …": a use of the money raised, no second raise.
            metric, cue = None, None
        elif (
            metric == "financing"
            and text.find("valu", max(0, q.start - 70), q.start) >= 0
            and _VALUED_AT_BEFORE.search(s, max(0, q.start - 70), q.start) is not None
        ):
            # "The offering would value Kessel Compute at about $12 billion": what a deal prices the
            # company at, no money raised.
            metric, cue = None, None
        # The 60 characters before the figure, lower-cased ("" for a figure with no metric); the text
        # itself is sliced only where a pattern needs it (most figures need neither).
        low_before = r.folded.low[max(0, q.start - 60) : q.start] if metric is not None else ""
        if (_may_retract(low_before) and _RETRACTED.search(s[max(0, q.start - 60) : q.start])) or (
            retracts and metric is not None and _retracted_object(r, q)
        ):
            # A correction notice restating the wrong figure: not a fact, but the right one keeps its kind.
            if guide_spans is None:
                guide_spans = _guidance_positions(r.folded)
            retracted_kind = (
                "guidance"
                if _GUIDE.search(s, s.rfind(";", 0, q.start) + 1, q.start)
                else _kind(s, q, idx, r, guide_spans, state, r.comparative[idx])
            )
            metrics.append((None, None))
            continue
        if ("previously" in low_before or "originally" in low_before) and _SUPERSEDED_REPORT.search(
            s[max(0, q.start - 60) : q.start]
        ):
            # "revenue was $161.2 million (previously reported: $168.5 million)": the figure a
            # restatement replaced is no fact.
            metrics.append((None, None))
            continue
        comp = r.comparative[idx]
        if comp and q.unit == "usd" and _PER_UNIT_COMPARED.match(s, q.end):
            # "… down from $11 million per MW": a unit price compared, no total of the metric before it.
            comp = False
        if comp:
            # "…71% of revenue in the quarter, down from 84%": compared with the number before it.
            same = [m for o, m in zip(r.quantities[:idx], metrics, strict=False) if o.unit == q.unit]
            # "356 MW in operation and 1,020 MW under lease, compared with 241 MW and 690 MW": the
            # n-th compared figure answers the n-th stated one when the counts agree.
            stated = [
                m
                for o, m, c in zip(r.quantities[:idx], metrics, r.comparative, strict=False)
                if o.unit == q.unit and not c
            ]
            if len(stated) > 1:
                compared = [o.unit == q.unit and c for o, c in zip(r.quantities, r.comparative, strict=True)]
                nth = sum(1 for c in compared[:idx] if c)
                if sum(1 for c in compared if c) == len(stated) and len(same) == len(stated) + nth:
                    same = stated[: nth + 1]
            if (
                same
                and same[-1][0] is not None
                and _contrasted_status(r, q, idx, metric, same[-1][0], low_before)
            ):
                # "420 MW of active power, against 1.6 GW under contract": a figure set against another
                # with its own status after it keeps that status; a status no earlier figure had makes
                # it a second measure, not an earlier value of the first ("compared with 241 MW in
                # operation" after "356 MW in operation" is still that figure's earlier value).
                comp = any(m == metric for m, _c in same)
            elif same and same[-1][0] is not None and not _third_party_before(r, q):
                metric, cue = same[-1]
                if metric == "stock_move" and _BENCHMARK_AFTER.match(s, q.end):
                    # "up 38% year to date, against 19% for our coverage", "versus 4% for the index": the
                    # benchmark a move is set against, no move of the company's shares.
                    metric, cue = None, None
            elif same and not _reported_by_company_after(r, q):
                # (Not "…, compared with the $640 million in revenue the company reported for 2025" after
                # an analyst's figure: the company's own result, read by its own noun.)
                metric, cue = None, None
        if (
            metric is None
            and q.unit == "usd"
            and state.para_instrument in ("loan", "credit_facility")
            and "facility" in s
            and _FACILITY_SIZE.search(s, max(0, q.start - 40), q.start)
        ):
            # "… the delayed draw term loan from Carrow Bank. Total facility is $1.5B.": the size of
            # the facility the paragraph's financing drew on.
            metric, cue = "financing", None
            bare_facility = True
        else:
            bare_facility = False
        lender_facility = (
            metric is None and q.unit == "usd" and "facilit" in r.folded.low and _lender_facility(s, q)
        )
        if lender_facility:
            # "closed a $1.5 billion facility with Graymark Capital": a facility from a lender is credit.
            metric, cue = "financing", None
        if (
            metric is None
            and q.unit == "usd"
            and state.contract_party is not None
            and _party_term_payments(r, q, state.contract_party)
        ):
            # "Total committed payments by Meta over the initial term are expected to be approximately
            # $7.35 billion" after the Agreement with Meta: its value over the term.
            metric, cue = "contract_value", None
        if metric is None and q.unit == "percent" and _continues_move(r, q, metrics):
            metric, cue = "stock_move", None
        if metric is None and q.unit == "percent" and _revenue_increase_restated(r, q, state):
            metric, cue = "revenue_growth", None
        if (
            metric in _GAP_METRICS
            and idx
            and metrics[-1][0] == "customer_concentration"
            and _gapped_share(r, q, idx, metric)
        ):
            # "… accounted for 58% of revenue, and its top two customers for 81%": the verb left out;
            # "… accounted for 41%, 22% and 11% of revenue, respectively": a middle item of the list.
            metric, cue = metrics[-1]
        mover = None
        if (
            q.unit == "percent"
            and metric in (None, "revenue_growth", "stock_move")
            and may_move(s, q.start, q.end)
        ):
            # "Ashgrove Cloud (ASHG US) soared 22.5%": the company is the subject, no "shares" word.
            mover = named_move(s, q.start, q.end, r.cues, state.source, state.company, state.mover_names)
            if mover is not None and metric != "stock_move":
                metric, cue = "stock_move", None
        if (
            metric == "revenue"
            and cue is not None
            and ":" in s
            and _party_item_after(s, q, cue, state.company)
        ):
            # "… about $7 billion of revenue (Quorvane: 220 MW ~ $5.1B over ~12 years; …)": the item's
            # amount is the value of that party's agreement, not the revenue the sentence opened with.
            metric = "contract_value"
        if (
            metric is not None
            and "our" in s[max(0, q.start - 30) : q.start]
            and _OWN_ESTIMATE_BEFORE.search(s, max(0, q.start - 60), q.start)
        ):
            metric, cue = None, None
        if metric is not None and idx and per_power and _per_power_yield(r, q):
            # "every 1 GW of baseload contracted at $85–$100/MWh is worth roughly $0.8bn a year of
            # revenue": what a unit of power would earn, no amount of the company's.
            metric, cue = None, None
        if tallied and metric in ("contract_value", "financing", "capacity_contracted", "capacity_deployed"):
            # "the sector's sixth GPU-backed deal of more than $1 billion this year, taking the total to
            # roughly $14 billion, by our count": a tally of many parties' deals, none of them this one.
            metric, cue = None, None
        if metric not in (None, "stock_move") and sizes_market and _market_sized(r, q, state):
            # "We size the 2030 neocloud revenue pool at ~$180bn, at blended gross margins of 55–60%": a
            # market's figures, the margin too, none the company's.
            metric, cue = None, None
        if (
            metric is not None
            and ("my " in r.folded.low or "i bet" in r.folded.low or "i predict" in r.folded.low)
            and _MY_ARITHMETIC.search(s, 0, q.start)
        ):
            # "By my math, gross margin is something like 61%", "My bet: … crosses 1 GW": the writer's
            # own arithmetic or guess.
            metric, cue = None, None
        if (
            metric is not None
            and state.short_author
            and mover is None
            and _AUTHOR_BEFORE.search(s, s.rfind(". ", 0, q.start) + 1, q.start)
        ):
            # "Our site visits suggest no more than 40 MW is energized" in a short seller's report (but
            # "Since our first report, DGSI has fallen 38%" is the market's move, not the author's view).
            metric, cue = None, None
        answered = False
        answer_party: str | None = None
        answer_stop = 0
        if metric is None and state.turns.pending():
            asked, answer_party, answer_stop = _answered(r, q, state.turns)
            if asked is not None:
                # "Q: … full-year gross margin …? A: We're now comfortable at 60% to 61% for the year", "Q:
                # How much of your revenue is OpenAI? A: It was 46% last quarter.": the answer's bare figure
                # is of the metric the question (or the answer's sentence before) named.
                metric, cue, answered = asked, None, True
        if (
            metric is None
            and q.unit == "percent"
            and state.prev_margin is not None
            and not any(c.start < q.start for c in r.cues)
            and _restates_margin(r, q)
        ):
            # "Adjusted gross margin was 64%. On a GAAP basis it was 49%.": the margin carried by "it".
            metric, cue = state.prev_margin, None
        elif (
            metric is None
            and q.unit == "percent"
            and state.prev_margin is not None
            and _basis_right_after(r, q)
            and not any(c.start < q.start and c.type in _PERCENT_CUES for c in r.cues)
        ):
            # "… full-year gross margin of 44% to 46%. In the first quarter we did 42.3% GAAP, 43.1% on a
            # non-GAAP basis": a percentage with only a basis word is the margin just spoken of.
            metric, cue = state.prev_margin, None
        elif (
            metric is None
            and q.unit == "percent"
            and state.prev_margin is not None
            and _period_forecast_of_margin(r, q)
        ):
            # "Gross margin in the quarter was 34.5%. For fiscal 2026 we're saying 33 to 35 percent.":
            # the margin just spoken of, forecast for the period the sentence opens on.
            metric, cue = state.prev_margin, None
        elif metric is None and q.unit == "percent" and _pronoun_share(r, q, state):
            # "Same customer, Tom. They were 34% of revenue in the quarter.": the customer just named.
            metric, cue = "customer_concentration", None
        elif metric is None and q.unit == "usd" and state.prev_range is not None and _carries_range(r, q):
            # "We guided the full year to $2.55 billion to $2.65 billion of revenue. For the third quarter
            # we said $650 million to $670 million.": the range of another period, of the same metric.
            metric, cue = "revenue", None
            carried_range = True
        if (
            metric is not None
            and state.turns.analyst
            and _SPEAKER_BEFORE.search(s, _clause_span(r, q, [])[0], q.start)
        ):
            # "I'm modeling full-year gross margin around 58%" in an analyst's turn on a call (or under
            # a note's "Analyst:" byline): the speaker's own figure, in the figure's own clause.
            metric, cue = None, None
        # "If every signed lease were live, we would be at $3 billion": no fact (see `supposition`).
        supposition = supposed(s, r.folded.low, r.quantities, idx, metric) if metric is not None else 0
        if supposition == FIGURE:
            metric, cue = None, None
        if metric in _GOALABLE:
            if pay_words is None:
                # Once a sentence: a pay plan's words, a peer group's.
                pay_words = _pay_words(r.folded.low)
                peer_words = "peer" in r.folded.low
            if (
                pay_words or state.pay_section or r.folded.low.startswith(_GOAL_LEVEL_STARTS, q.end)
            ) and _pay_goal(r, q, state.pay_section, pay_words):
                # "a revenue goal of $950 million at threshold", "PSUs vest if revenue exceeds …": pay goals.
                metric, cue = None, None
            elif peer_words and _peer_statistic(r, q):
                # "Our 2026 peer group has median revenue of $2.3 billion": other companies' figure.
                metric, cue = None, None
        if metric in ("contract_value", "backlog") and (
            _syndicate_size(r, q, cue)
            or (
                metric == "contract_value"
                and _order_book(r, q)
                and ("deal" in r.folded.low or "offering" in r.folded.low or _BOND_BOOK.search(s) is not None)
            )
        ):
            # "The deal was launched at $1bn … on an order book above $5bn": a bond's launch size and
            # the investors' orders, not a contract or a backlog.
            metric, cue = None, None
        if metric in _DEAL_SIZED and (
            _equipment_purchase(r, q, state.company)
            or _backstop(r, q)
            or _potential_total(r, q)
            or _side_amount(r, q, metric)
        ):
            # Equipment the company buys, a guarantee of another's obligations, a total reachable only through
            # options, an unexercised greenshoe, a fee, money raised over a company's life: no contract value,
            # backlog or money raised.
            metric, cue = None, None
        elif metric in _MARGINS and _author_margin(r, q):
            # "That's a gross margin of about 40%": the writer's own arithmetic, no reported figure.
            metric, cue = None, None
        if metric is not None:
            if "est" in low_before[-12:] and _ESTIMATE_BEFORE.search(s, max(0, q.start - 14), q.start):
                # "ADJ GROSS MARGIN 46.7%, EST. 45.1%": the Street's estimate set beside the result.
                metric, cue = None, None
            elif (
                metric in _REVENUE_METRICS
                and cue is not None
                and cue.type == "revenue"
                and cue.text[:1] in _BARE_REVENUE_FIRST
                and _segment_revenue(r, q, idx, cue, state)
            ):
                # "Self-mining revenue was $57.4 million and HPC hosting revenue $12 million": one line
                # of business among others is no revenue of the company.
                metric, cue = None, None
        if revised_raise:
            revised_raise = False
            if q.unit == "usd" and metric in (None, "contract_value"):
                # "… but upsized the deal to $2.7 billion": the revised amount is still the raise's.
                metric, cue = "financing", None
        if metric == "financing" and _facility_term(r, q):
            # "includes a $150,000,000 sublimit for letters of credit", "may request increases in the
            # commitments by up to $500,000,000": a facility's term, no money raised.
            metric, cue = None, None
        if metric == "financing" and _raise_superseded(r, q, idx):
            # "had targeted raising $2.7bn in its IPO, but slashed that to $1.5bn": the old target is
            # no fact, the revised amount after it is.
            revised_raise = True
            metrics.append((None, None))
            continue
        if metric == "financing" and _financing_sought(r, q):
            # "Stratline was seeking as much as $6 billion in loans", "is in talks to raise up to $2
            # billion": money asked for, not raised or borrowed.
            metric, cue = None, None
        metrics.append((metric, cue))
        if metric is None or supposition == CUSTOMER or q.foreign:
            # A supposed customer's share is no fact, but still names the metric a compared share continues;
            # so does an amount in another dollar ("A$450 million", see `Quantity.foreign`).
            continue
        if guide_spans is None:
            guide_spans = _guidance_positions(r.folded)
        kind = _kind(s, q, idx, r, guide_spans, state, comp)
        growth_base = kind == "guidance" and metric == "revenue" and _growth_base(r, q)
        if growth_base:
            # "implies revenue growth of about 71% at the midpoint over fiscal 2026 revenue of $1.37
            # billion": the year the forecast grows from, a result.
            kind = "actual"
        if carried_range and state.prev_range == "guidance":
            # The same kind of statement as the range it continues.
            kind = "guidance"
        if kind == "guidance" and metric == "financing" and _priced_net_proceeds(r, q, state):
            # "… estimates that the net proceeds from the offering will be approximately $1.07 billion" in
            # the pricing release: the deal is priced, its proceeds no forecast.
            kind = "actual"
        if retracted_kind is not None and _CORRECTED.search(
            s[max(0, q.start - 60) : q.start] if low_before else ""
        ):
            kind = retracted_kind
        if (
            kind == "guidance"
            and not comp
            and metric in _FORECASTABLE
            and (state.preliminary or state.closed_update is not None or " ended " in r.folded.low)
            and _estimate_of_ended(r, q, idx, metric, state)
        ):
            # "Revenue is expected to be between $402 million and $418 million" under "Preliminary
            # Estimated Results for the Three Months Ended September 30, 2026": an estimate of a result.
            kind = "actual"
        dated, answer_period = False, None
        if answered:
            dated, answer_period, ahead = _answer_when(r, q, answer_stop, state)
            if kind == "actual" and (
                ahead if dated else _unfinished(_period_for(r, q, idx, metric, state, comp), state)
            ):
                # "… for the year", answered on a second-quarter call; "Q: What will revenue be this year?
                # A: North of $800 million.": a year still running is a forecast.
                kind = "guidance"
        if kind == "guidance" and (
            # "Not guidance, but I'd love to see us above 35% margin by 2028": the author disclaims it.
            "not guidance" in r.folded.low
            # "We forecast revenue of US$1.1 billion …" in a rating action: the agency's number.
            or (state.agency and _agency_view(s, q, guide_spans, state.company))
            # "…, wrote Dunmore analyst Lea Voss, who now sees 2026 revenue of $1.3 billion": the analyst's.
            or _analyst_forecast(r, q, guide_spans)
        ):
            continue
        if "reports that" in r.folded.low and _QUESTION_HEARSAY.search(s, 0, q.start) is not None:
            # "There were reports that your largest hyperscaler customer is now more than a fifth of
            # sales": an analyst's question repeating hearsay, no figure of the company's.
            continue
        if (
            metric != "stock_move"
            and (" partners" in r.folded.low or " securities" in r.folded.low or " research" in r.folded.low)
            and _broker_person_view(s, q)
        ):
            # "Harlan Pierce at Oakbridge Partners estimates the deal will add about $580 million of
            # annual revenue": a person at a broker estimates, an analyst though the word is unwritten (a
            # share price move in the same sentence is the reporter's).
            continue
        if state.analysts and _named_analyst_view(s, q, state.analysts):
            # "Orsett estimates the deal could lift revenue to $1.4 billion": the analyst's figure.
            continue
        if metric == "customer_concentration" and _NEGATED.search(
            s, r.quantities[idx - 1].end if idx > 0 else 0, q.start
        ):
            continue
        if metric == "customer_concentration" and _reporting_threshold(r, q, idx):
            continue
        if metric in ("stock_move", "contract_value"):
            kind = "actual"
        elif (
            metric == "financing"
            and kind == "guidance"
            and "proceeds" in r.folded.low
            and _EXPECTED_PROCEEDS.search(s, max(0, q.start - 80), q.start)
        ):
            # "Harrowgate expects net proceeds of about $410 million from the offering": the size of
            # a priced deal, money raised rather than a forecast.
            kind = "actual"
        elif (
            metric == "financing"
            and kind == "guidance"
            and "proceeds" in r.folded.low
            and _PROCEEDS_EXPECTED.search(s, max(0, q.start - 120), q.start)
            and _sale_just_made(r, state)
        ):
            # "… sold 54,945,055 shares …, for gross proceeds of approximately $500 million. Net proceeds
            # are expected to be approximately $487 million after placement agent fees": the net of a sale
            # already agreed, whose "expected" waits only on settlement (an offering still to be priced,
            # "intends to offer …", stays a forecast).
            kind = "actual"
        elif (
            metric == "backlog"
            and kind == "guidance"
            and not state.guidance_section
            and not any(a <= q.start < b for a, b in guide_spans)
        ):
            # "… annualized rent of $148.5 million, expected to commence through 2028": a balance
            # whose timing is forecast, not a forecast of the balance.
            kind = "actual"
        elif (
            kind == "actual"
            and not comp
            and metric in _FORECASTABLE
            and (_NEXT_PERIOD.match(s, q.end) or _leads_with_next_period(r, q))
        ):
            # "revenue growth of more than 50% next year": a figure for a period still to come.
            kind = "guidance"
        elif (
            kind == "actual"
            and not comp
            and metric in _FORECASTABLE
            and not dated
            and ("now" in low_before or (state.turns.questions and not state.turns.analyst))
            and _still_to_come(r, q, idx, metric, state)
        ):
            # "Full-year gross margin is now 41% to 43%", "For Q2, revenue of about $340 million" in the
            # CFO's answer on a first-quarter call: a period not yet reported, stated as it now stands.
            kind = "guidance"
        elif (
            kind == "actual"
            and not comp
            and metric in _FORECASTABLE
            and not dated
            and ("said" in low_before or "told" in low_before)  # (within 60 characters before)
            and _restated_forecast(r, q, idx, metric, state)
        ):
            # "On margin, we said 38% to 40% adjusted gross margin for the year" on a second-quarter
            # call: the forecast the company gave, restated.
            kind = "guidance"
        elif kind == "actual" and not comp and metric == "capacity_deployed" and _capacity_to_come(r, q):
            # "The new hall will provide an additional 140 MW …, with operations expected to begin in
            # 2027": capacity still to be built, a forecast.
            kind = "guidance"
        elif (
            kind == "actual"
            and not comp
            and metric == "customer_concentration"
            and ("will" in s or "would" in s or "ll " in s or " to " in low_before)
            and _FUTURE_SHARE_BEFORE.search(s, max(0, q.start - 60), q.start)
        ):
            # "Corbel would account for about a third of our revenue once the halls are live", "Vellix is
            # likely to account for about 40% of revenue by 2028": a share still to come.
            kind = "guidance"
        elif kind == "actual" and not comp and metric == "customer_concentration" and "next" in s:
            # "Halvard will account for about 30% of our revenue next year": a share still to come.
            share_of = OF_REVENUE.match(s, q.end)
            if share_of is not None and _NEXT_PERIOD.match(s, share_of.end()):
                kind = "guidance"
        if (state.analyst_just_named and _pronoun_view(s, q, kind)) or (
            kind == "guidance" and "analyst" in r.folded.low and _attribution_tail(s, q, kind, False)
        ):
            # "… an analyst at Brill. She estimates …", "Analysts at Orwell raised their targets. … should
            # recover to 38% next year, they wrote.", "…, the analysts wrote.": the analysts' figure (its
            # kind read in full first).
            continue
        low, high = q.low, q.high
        if mover is not None and cue is None:
            low, high = (-abs(q.high), -abs(q.low)) if mover.down else (q.low, q.high)
        elif metric == "stock_move":
            low, high = _signed_move(s, q, cue)
        elif (
            metric == "operating_margin"
            and cue is not None
            and cue.type == "block"
            and low > 0
            and cue.text.lower().endswith("loss")
        ):
            # "operating loss was $38.1 million, or 9.2% of revenue": a loss's share is a negative margin.
            low, high = -high, -low
        elif metric in ("operating_margin", "gross_margin") and low > 0 and _loss_of(s, q):
            # "GAAP operating margin was a loss of 3.2%": a negative margin.
            low, high = -high, -low
        elif metric == "revenue_growth" and cue is not None:
            between = s[cue.end : q.start] + " " + s[q.end : q.end + 12]
            if GROWTH_DOWN.search(between) and not GROWTH_UP.search(s[cue.end : q.start]) and low > 0:
                low, high = -high, -low
        if metric == "capacity_contracted" and q.low < 1 and "kw" in s[q.start : q.end].lower():
            continue
        if dated:
            period = answer_period  # the period the answer looks back on, or the question named
        else:
            period = _period_for(r, q, idx, metric, state, comp)
            if kind == "guidance" and not comp:
                period = _forecast_period(r, q, idx, metric, state, period)
            elif growth_base:
                # The year the base phrase names ("over fiscal 2026 revenue of"), read as a comparison's.
                period = next(
                    (p for m, p, _c in r.mentions if q.start - 40 <= m.start and m.end <= q.start), period
                )
        if metric == "revenue_growth" and r.folded.low.startswith(" growth ", q.end):
            over = _year_after_base(r, q, state)
            if over is not None:
                # "closer to 74% growth over fiscal 2026 revenue" on a fiscal 2027 call: the growth of the
                # year after the base, still running (a forecast) or over.
                kind, period = over
        if kind == "actual" and period is not None and not comp and _stated_for_later(r, q, period, state):
            # "Q2 non-GAAP operating margin is 17% to 18%." on a first-quarter call: a period still to
            # come, in the present tense, is a forecast.
            kind = "guidance"
        if state.spaced_columns and state.spaced_row[0] <= r.offset + q.start < state.spaced_row[1]:
            column = _figure_column(r, q, state)
            mark = _column_mark(column.title) if column is not None else ""
            if mark == "E" and _research_note(state):
                continue  # "2027E" in an analyst's model: the analyst's estimate, not the company's
            if mark:
                # "Revenue growth   128%   ~90%   35%+" under "FY2025A   FY2026E   Long-term": the
                # year's actual, its forecast, and a target no year dates, whatever the slide's title.
                kind = "actual" if mark == "A" else "guidance"
                period = None if mark == "L" or column is None else _column_period(column.title, state)
        if answered and metric == "capacity_contracted":
            counterparty = answer_party  # the party of the deal asked about
        elif answered and metric == "customer_concentration":
            counterparty = answer_party  # the customer asked about, or none for a named group
            if counterparty is None and _PRONOUN_SHARE.search(s, max(0, q.start - 40), q.start):
                # "Our biggest customer is Microsoft. They were about 38% of revenue", answering a
                # question on concentration that named nobody: the customer the answer just named.
                counterparty = _customer_named(_previous_sentence(state.text, r.offset), state.company)
        else:
            counterparty = _counterparty_for(r, q, idx, metric, state, cue, last_conc_party)
        if counterparty is not None and counterparty[:1] in "NA" and is_generic(counterparty):
            counterparty = None  # "New leases signed during the year": a row label's adjective, no party
        if (
            counterparty is None
            and metric == "contract_value"
            and state.turns.deal_party is not None
            and state.turns.answering()
        ):
            # "… is that the 300-megawatt agreement?" "… the total contract value is approximately $8.1
            # billion.": the value of the deal asked about.
            counterparty = state.turns.deal_party
        if metric == "customer_concentration":
            if counterparty is None and _verb_first_share(r, q):
                # "Represents less than 1% of revenue." with no customer named before it: nobody's share.
                continue
            if counterparty is None and comp:
                # "Hyperion represented 47% …, compared to 52% in the year-ago quarter": the same customer.
                counterparty = last_conc_party
            last_conc_party = counterparty
        if (
            metric == "contract_value"
            and state.company is None
            and "deals" in s
            and _anothers_tally(s, q, state)
        ):
            continue
        if counterparty is not None and " and " in counterparty and metric in _PAIRED_PARTY_METRICS:
            # "agreements with Vantor AI and Larkspur": one counterparty field, the first party.
            counterparty = first_of_pair(counterparty, state.company or state.lead)
        if bare_facility and counterparty is None:
            counterparty = state.para_lender
        instrument = _instrument_for(r, q, state) if metric == "financing" else None
        if lender_facility and instrument == "other":
            instrument = "credit_facility"
        if deals is not None and instrument is not None and q.unit == "usd":
            counterparty, instrument = deals.party(r, q, idx, (counterparty, instrument), state)
        if counterparty is None and instrument in ("loan", "credit_facility") and " agent" in r.folded.low:
            # "a credit agreement among the Company, the lenders party thereto and Halberd National Bank,
            # as administrative agent, providing for a $750 million term loan facility": the agent
            # stands for the unnamed lenders, as it does in the paragraphs after.
            counterparty = _sentence_agent(s, state.company)
        if counterparty is None and state.agent and instrument in ("loan", "credit_facility"):
            counterparty = state.agent
        if counterparty is None and metric == "financing" and "prepayment" in r.folded.low:
            # "Customer A … has also provided us a $350 million prepayment facility": the customer lends.
            lent = _CUSTOMER_LENT.search(s, 0, q.start)
            if lent is not None:
                counterparty = lent.group("c")
        basis = _basis_for(s, q, cue, metric)
        if basis is not None and "respectively" in r.folded.low:
            basis = _respective_basis(r, idx) or basis
        if basis is None and state.margin_basis is not None and metric in _MARGINS:
            basis = state.margin_basis
        if metric in ("capacity_contracted",) and counterparty and period and not _period_anchor(s):
            period = None
        owner = state.company
        if (
            metric == "capacity_contracted"
            and counterparty is not None
            and owner is not None
            and "suppl" in r.folded.low
            and _SUPPLY_BEFORE.compiled.search(s, max(0, q.start - 40), q.start) is not None
            and _utility_power(s, q, owner)
        ):
            # "Cascadia Plains … signed an agreement with Norbury to supply up to 900 MW of firm power":
            # a utility's power contracted to a developer: the capacity is the developer's, the utility
            # its counterparty.
            owner, counterparty = counterparty, owner
        if mover is not None:
            owner = mover.name
        elif deals is not None and deals.current[0] == _INVESTED_IN and metric == "financing":
            # "Harlow intends to invest up to $100 billion in OpenAI": OpenAI raises the money.
            owner = deals.investee
        elif metric == "stock_move":
            if cue is not None and cue.type == "stock":
                # "Quorvane shares were up 4% after hours" in a story about another company.
                nearby = state.source[max(0, r.offset - 3000) : r.offset + len(s) + 3000]
                owner = shares_owner(s, cue.start, nearby, state.company) or state.company
            elif move_owner is not None:
                owner = move_owner
        if metric == "stock_move":
            move_owner = owner
        # (The text as written: a sentence may be read with its defined terms blanked.)
        evidence, start, end = _where(
            state, state.text[r.offset : r.offset + len(s)], r.offset, r.offset + len(s)
        )
        state.facts.append(
            _new_fact(
                metric=metric,
                kind=kind,
                value=(low + high) / 2,
                low=low,
                high=high,
                unit=METRIC_UNITS[metric],
                bound=q.bound,
                basis=basis,
                period=period.label if period else None,
                company=owner,
                counterparty=counterparty,
                instrument=instrument,
                evidence=evidence,
                start=start,
                end=end,
            )
        )
        if metric == "financing" and instrument:
            state.para_instrument = instrument
        elif metric in _MARGINS:
            state.sentence_margin = metric
        elif metric == "revenue" and low < high:
            state.sentence_range = kind


#: Right before a valuation's figure: "would value Kessel Compute at about", "which values Kessel at".
_VALUED_AT_BEFORE: Final = re.compile(
    r"\bvalu(?:e|es|ed|ing)\s+(?:[\w&.'’-]+\s+){1,4}?at\s+(?:(?:about|around|approximately|roughly|nearly|"
    r"almost|up\s+to|as\s+much\s+as|more\s+than|over|some|at\s+least|between|least|much|as)\s+)*(?:US)?\$?\s*$",
    re.IGNORECASE,
)
#: What sizes a market rather than reports the company: "We size the 2030 … revenue pool at", "a revenue
#: pool", "the total addressable market", "TAM", "the market opportunity", "sizes the market for".
_MARKET_SIZING: Final = re.compile(
    r"\bsiz(?:e|es|ed|ing)\s+(?:the|this|that|an?|each|its|our)\s+(?:[\w/'’-]+\s+){0,4}?(?:market|pool|opportunity|"
    r"TAM|industry|sector|segment|spend(?:ing)?)s?\b|\b(?:revenue|profit|margin|spend(?:ing)?)\s+pools?\b|"
    r"\b(?:total\s+|serviceable\s+)?addressable\s+(?:market|opportunity|spend)\b|\b(?-i:TAM|SAM)\b|"
    r"\bmarket\s+(?:size|sizing|opportunity)\b",
    re.IGNORECASE,
)
#: How far (in characters) before a figure a market's sizing may stand: a clause or two.
_SIZING_REACH: Final = 180
#: Where a sizing's reach ends: a semicolon, or a clause of the company's own ("…, and we grew revenue").
_OWN_CLAUSE: Final = re.compile(r";|\b(?:we|our|us|its)\b", re.IGNORECASE)


#: A writer's tally of deals over a stretch of time: "by our count", "according to a tally by the
#: newsletter", with the stretch ("this year", "so far", "taking the total to") in the same sentence.
_TALLY: Final = re.compile(
    r"\bby\s+(?:our|my|its|their|one|a|the)\s+(?:own\s+)?(?:count|tally)\b|\baccording\s+to\s+(?:a|an|one|the|our)\s+"
    r"(?:[\w-]+\s+)?(?:count|tally)\b"
)
_TALLY_SPAN: Final = re.compile(
    r"\b(?:this|last|the\s+past|the\s+last)\s+(?:year|quarter|month|twelve\s+months|12\s+months)\b|\bso\s+far\b|"
    r"\byear[\s-]to[\s-]date\b|\btaking\s+the\s+total\b"
)


def _deal_tally(low: str) -> bool:
    """Is the (lower-cased) sentence a tally of deals over a stretch of time, by a writer's count?"""
    return _TALLY.search(low) is not None and _TALLY_SPAN.search(low) is not None


def _may_size_market(low: str) -> bool:
    """Cheap screen for `_MARKET_SIZING` on the lower-cased sentence."""
    return (
        "siz" in low
        or "pool" in low
        or "addressable" in low
        or "tam" in low
        or "sam" in low
        or ("market" in low and "opportunit" in low)
    )


def _market_sized(r: _Reading, q: Quantity, state: _State) -> bool:
    """Is the figure one of a market's an analyst or a company sizes, written after the sizing in the
    same clause chain? "We size the 2030 neocloud revenue pool at ~$180bn, at blended gross margins of
    55–60%": both. "Our TAM is $400 billion, and our revenue grew 60%": the growth is the company's."""
    if q.unit == "mw":
        return False  # ("… a large market opportunity, with 300 MW signed this quarter": the company's)
    s = r.sentence
    sizing = None
    for m in _MARKET_SIZING.finditer(s, max(0, q.start - _SIZING_REACH), q.start):
        sizing = m
    if sizing is None:
        return False
    # The sizing states a size: an amount right after it ("revenue pool at ~$180bn", "TAM of $400
    # billion") or right before it ("a $95bn profit pool"); "a large market opportunity, with 300 MW
    # signed" sizes nothing.
    a, b = sizing.span()
    if not any(o.unit == "usd" and (b <= o.start <= b + 40 or a - 15 <= o.end <= a) for o in r.quantities):
        return False
    if _OWN_CLAUSE.search(s, b, q.start) is not None:
        return False
    company = state.company
    return not (company and s.find(company.split()[0], b, q.start) >= 0)


def _sentence_agent(s: str, company: str | None) -> str | None:
    """The administrative agent the sentence names ("… and Halberd National Bank, as administrative
    agent"), when it is not the company."""
    agent = _RE_BWITH_AS_ADMINISTRATIVE.search(s)
    name = name_at(s, agent.start("n")) if agent is not None else None
    return name if name and not is_same_company(name, company) and not is_generic(name) else None


#: Electric power after a supplied figure: " of firm power", " of electricity", " of electric service".
_POWER_SUPPLIED: Final = OnFirstUse(
    r"\s+of\s+(?:(?:firm|reliable|electric|additional|new|baseload|24/7|round-the-clock)\s+)*"
    r"(?:power|electricity|electric\s+(?:service|load|supply)|energy)\b(?!\s+(?:capacity\s+)?(?:to|for)\s+"
    r"(?:run|power|operate)\b)",
    re.IGNORECASE,
)
#: The supplying verb before it: "to supply up to", "will supply", "supplying".
_SUPPLY_BEFORE: Final = OnFirstUse(
    r"\bsuppl(?:y|ies|ying|ied)\s+(?:(?:up\s+to|approximately|about|roughly|as\s+much\s+as|an\s+initial|"
    r"the\s+full)\s+)?$",
    re.IGNORECASE,
)
#: A power supplier's name: "Cascadia Plains Electric Company", "Volta Energy", "Ridge Power & Light".
_UTILITY_NAME: Final = OnFirstUse(r"\b(?:Electric|Energy|Power|Utilities|Utility|Edison|Light|Gas)\b")
_GRID_POWER_WORDS: Final = ("firm", "electric", "baseload", "24/7", "round-the-clock")


def _utility_power(s: str, q: Quantity, owner: str) -> bool:
    """Is the supplied figure electric power from a utility: a grid word ("firm power", "electricity")
    or a power company supplying it? A data-center operator's "supply 300 MW of power to Anthropic"
    is its own capacity leased."""
    m = _POWER_SUPPLIED.compiled.match(s, q.end)
    if m is None:
        return False
    phrase = m.group().lower()
    return any(w in phrase for w in _GRID_POWER_WORDS) or _UTILITY_NAME.compiled.search(owner) is not None


#: A bare facility named with its lender: " facility with Graymark Capital", " facility from Orme Bank".
_LENDER_FACILITY: Final = re.compile(
    r"\s+(?:(?:new|senior|secured|unsecured|committed|multi-year|[\w-]+-year)\s+)*facilit(?:y|ies)\s*,?\s+"
    r"(?:with|from|provided\s+by|arranged\s+by|led\s+by)\s+(?:[A-Z][\w&.'’-]*\s+){0,4}"
    r"(?:Bank|Banks|Capital|Credit|Lending|Lenders|Finance|Financial|Funding)\b|"
    r"\s+facilit(?:y|ies)\s+(?:with|from)\s+(?:a\s+)?(?:group|syndicate|club)\s+of\s+(?:[\w-]+\s+)?"
    r"(?:banks|lenders)\b"
)
#: The deal verb before the amount of such a facility: "closed a", "signed a new", "entered into a".
_FACILITY_VERB_BEFORE: Final = re.compile(
    r"\b(?:closed|signed|entered\s+into|secured|arranged|obtained|agreed|upsized|amended|put\s+in\s+place|"
    r"close|sign|secure|obtain)\s+(?:(?:a|an|the|its|our|their|new)\s+){1,2}(?:up\s+to\s+)?$"
)


def _lender_facility(s: str, q: Quantity) -> bool:
    """A dollar figure before a bare "facility" closed or signed with a named lender ("closed a $1.5
    billion facility with Graymark Capital"): money borrowed, though no loan or credit word is
    written. Both the deal verb and the lender's word are needed: "a $1.5 billion facility" alone is
    as likely a data center."""
    return (
        _LENDER_FACILITY.match(s, q.end) is not None
        and _FACILITY_VERB_BEFORE.search(s, max(0, q.start - 40), q.start) is not None
    )


#: A second subject whose verb is left out: ", and its top two customers for", ", and Vantor for".
#: "Total facility is", "the facility size was": a bare facility's size, read after a loan sentence.
_FACILITY_SIZE: Final = re.compile(
    r"\b(?:the|total|overall|entire|full)\s+facility(?:\s+size)?\s+(?:is|was|totals|totaled|totalled|"
    r"amounts\s+to|stands\s+at|comes\s+to)\s+(?:approximately\s+|about\s+|roughly\s+)?$",
    re.IGNORECASE,
)
#: A benchmark named after a compared move: " for our AI-infrastructure coverage", " for the index".
_BENCHMARK_AFTER: Final = re.compile(r"\s+(?:for|by|in|on)\s+(?:the|our|its|their|an?)\b", re.IGNORECASE)
#: A level a share (of revenue, or a price) may cross, before the figure: "to fall below ", "rise above ".
#: (The bound word is usually read into the figure: "below 35%" is `at_most`.)
_LEVEL_BEFORE: Final = re.compile(
    r"\b(?:fall|falls|fell|drop|drops|dropped|dip|dips|dipped|slip|slips|slipped|sink|sinks|sank|rise|rises|rose|"
    r"climb|climbs|climbed|stay|stays|remain|remains)\s+(?:to\s+)?(?:(?:below|above|beneath|under)\s+)?$"
)
_LEVEL_WORDS: Final = ("below", "above", "beneath", "under")
_LEVEL_ENDS: Final = ("below ", "above ", "beneath ", "under ")


def _level_crossed(r: _Reading, q: Quantity) -> bool:
    """ "to fall below 35%", "rise above 40%": a level crossed, neither a move nor a change by that much."""
    low = r.folded.low
    if not low.startswith(_LEVEL_WORDS, q.start) and not low.endswith(_LEVEL_ENDS, 0, q.start):
        return False
    return _LEVEL_BEFORE.search(low, max(0, q.start - 40), q.start) is not None


#: Before a revenue noun, a part of it: "share of revenue", "percentage of sales".
_SHARE_OF: Final = ("share of ", "percentage of ", "portion of ", "proportion of ")
#: "Stock is -11% AH": a signed figure linked to the stock by a bare verb.
_SIGNED_LINK: Final = re.compile(
    r"\s+(?:is|was|are|were|sits|sat|closed|trades|traded)(?:\s+(?:now|currently|trading|sitting))*\s+"
)


#: A group of customers may drop "for" too: ", and our four largest customers together about 70%".
#: The readings a share with its verb left out may have had before (see `_gapped_share`).
_GAP_METRICS: Final = frozenset((None, "revenue_growth"))


def _gapped_share(r: _Reading, q: Quantity, idx: int, metric: str | None) -> bool:
    """A share after a customer's share, with its verb left out or as the middle item of a list."""
    if q.unit != "percent":
        return False
    s, prev_end = r.sentence, r.quantities[idx - 1].end
    if _GAPPED_SHARE.search(s, prev_end, q.start):
        return True
    if metric is None and "respectively" in r.folded.low and _respective_pair_item(r, q, idx):
        return True
    return (
        metric is None
        and idx + 1 < len(r.quantities)
        and r.quantities[idx + 1].unit == "percent"
        and _LIST_COMMA.fullmatch(s, prev_end, q.start) is not None
        and _LIST_COMMA.fullmatch(s, q.end, r.quantities[idx + 1].start) is not None
    )


def _respective_pair_item(r: _Reading, q: Quantity, idx: int) -> bool:
    """A share in a second "respectively" list of the same sentence: "… accounted for 44% and 23% of
    revenue for the three months …, respectively, and 47% and 19% for the nine months then ended,
    respectively": its first item follows the first list's "respectively, and", its last item closes a
    two-item list that "respectively" ends."""
    s, low, prev_end = r.sentence, r.folded.low, r.quantities[idx - 1].end
    if low.endswith(("respectively, and ", "respectively; and "), prev_end, q.start):
        return True
    if _LIST_COMMA.fullmatch(s, prev_end, q.start) is None:
        return False
    resp = low.find("respectively", q.end)
    return resp >= 0 and (idx + 1 == len(r.quantities) or r.quantities[idx + 1].start > resp)


#: Between two items of a list of figures: ", ", ", and ", " and ".
_LIST_COMMA: Final = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
#: A named customer may drop "for" after "and" (", and Kestrel 22%", ", and Customer B, 22%") and after
#: a bare comma (", Kestrel for 22% and Marlow for 11%", ", Oracle 21% and Meta 11%"), though not a
#: metric's or a period's name (", Adjusted EBITDA 21%", ", Q3 21%").
_GAPPED_SHARE: Final = re.compile(
    r"(?:,?\s+and\s+(?:(?:its|the|our|their)\s+(?:[\w-]+\s+){0,3}?(?:customers?|clients?|tenants?)\s+"
    r"(?:(?:alone|together|combined|collectively|by\s+itself|on\s+its\s+own)\s+)?(?:for\s+)?|"
    r"(?!(?:Q[1-4]|H[12]|FY|20\d\d|GAAP)\b)(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*"
    r"(?:\s+(?:alone|by\s+itself|on\s+its\s+own))?(?:\s+for\s+|\s*,\s*|\s+))|"
    r",\s+(?!(?:Q[1-4]|H[12]|FY|20\d\d|GAAP)\b)(?:[A-Z][\w.&-]*\s+){1,3}for\s+|"
    r",\s+(?!(?:Q[1-4]|H[12]|FY|CY|20\d\d|GAAP|Non-GAAP|Adj\w*|EBITDA|Net|Gross|Operating|Total|Revenues?|"
    r"Sales|Free|Cash|Capex|Backlog|RPO|Up|Down|About|Approximately|Roughly|Some|Nearly|Almost|Over|Under|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?:[A-Z][\w.&-]*\s+){1,3})"
    r"(?:about\s+|approximately\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$"
)
_FORECASTABLE: Final = frozenset(("revenue", "revenue_growth", "gross_margin", "operating_margin"))
_DEAL_SIZED: Final = frozenset(("contract_value", "backlog", "financing"))
_MARGINS: Final = frozenset(("gross_margin", "operating_margin"))
_PAIRED_PARTY_METRICS: Final = frozenset(("contract_value", "capacity_contracted"))
_NEXT_PERIOD: Final = re.compile(
    r",?\s*(?:in\s+|for\s+|during\s+|over\s+)?(?:the\s+)?(?:next|coming|upcoming)\s+(?:fiscal\s+)?"
    r"(?:year|quarter|half|twelve\s+months|12\s+months)\b",
    re.IGNORECASE,
)


#: "For next year we've said revenue of …": the period still to come opens the sentence.
_LEADING_NEXT_PERIOD: Final = re.compile(
    r"\W*(?:for|in|over|during)\s+(?:the\s+)?(?:next|coming|upcoming)\s+(?:fiscal\s+)?"
    r"(?:year|quarter|half|twelve\s+months|12\s+months)\b",
    re.IGNORECASE,
)


def _leads_with_next_period(r: _Reading, q: Quantity) -> bool:
    """The sentence opens with a period to come and the figure's clause reports nothing past."""
    head = r.folded.low[:40]
    if "next" not in head and "coming" not in head:
        return False
    m = _LEADING_NEXT_PERIOD.match(r.sentence)
    if m is None or r.sentence.find(";", m.end(), q.start) >= 0:
        return False
    return _PAST_REPORT.search(r.folded, m.end(), q.start) is None


#: A deal's capacity dated by the period it was signed in: "350 MW signed with Oracle during the quarter".
_DURING_PERIOD: Final = re.compile(
    r"\b(?:during|in|within)\s+the\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|half)\b(?!\s+(?:of|ended|ending))"
)


def _period_anchor(s: str) -> bool:
    """Does the sentence tie a deal's capacity to a period: "at the end of the quarter", "signed
    during the quarter"? (A deal's capacity alone is of no period.)"""
    if _RE_END_ED_OF.search(s):
        return True
    low = s.lower()
    return ("during the" in low or "in the" in low or "within the" in low) and _DURING_PERIOD.search(
        low
    ) is not None


def _guidance_positions(f: Folded) -> list[tuple[int, int]]:
    """Spans of the sentence governed by a guidance word: from the word to the next reset."""
    spans: list[tuple[int, int]] = []
    for m in _GUIDE_FOLDED.finditer(f):
        if (
            f.text[m.end() : m.end() + 11].lower() == " to report "
            and f.text[m.start() : m.start() + 6].lower() == "expect"
            and "next" not in f.low
        ):
            # "Dorrance expects to report revenue of about $92 million for the second quarter": a
            # pre-announcement of a period already closed, whose figure is a (preliminary) result.
            continue
        if f.text[m.end() : m.end() + 3].lstrip()[:1] in (":", "—", "–"):
            # "Fiscal 2027 outlook: revenue of …; operating margin of …": the label governs the list.
            spans.append((m.start(), len(f.text)))
            continue
        reset = _GUIDE_RESET.search(f, m.end())
        end = reset.start() if reset else len(f.text)
        if (
            f.low[m.start() : m.end()] in _OUTLOOK_NOUNS
            and (
                " on " in f.low
                or " with " in f.low
                or " by " in f.low
                or " to " in f.low
                or " amid " in f.low
            )
            and (deal := _DEAL_AFTER_OUTLOOK.match(f.low, m.end())) is not None
        ):
            # "Raises Full-Year 2026 Outlook on New 250 MW Meta Agreement": the deal the outlook was
            # raised on is signed, no forecast ("Raises Outlook to $1.3 billion" is).
            end = min(end, deal.start("deal"))
        if m.start() > 8 and _GUIDE_REFERENCE.search(f.low, max(0, m.start() - 40), m.start()):
            # "came in at 53.1%, ahead of our guide, and GAAP gross margin was 49.6%": the forecast a
            # result is set against governs its own phrase ("above our outlook of …"), not the clause after.
            close = f.text.find(",", m.end(), end)
            if close >= 0:
                end = close
        if (
            m.start() > 6
            and f.text[m.start() - 1] == " "
            and _FIGURE_THEN_SUBJECT.search(f.text, max(0, m.start() - 60), m.start())
        ):
            # "short of the 230 MW it had targeted for that date, and that Microsoft accounted for 58%":
            # a forecast word in a clause that qualifies the figure before it governs that clause only.
            close = f.text.find(",", m.end(), end)
            if close >= 0:
                end = close
        opening = f.text.rfind(", wh", 0, m.start())
        if (
            opening >= 0
            and f.text.find(",", opening + 1, m.start()) < 0
            and _RELATIVE_OPEN.match(f.text, opening)
        ):
            # "The company, which has said it expects 150 MW by 2027, had 95 MW energized": the
            # relative clause's forecast ends with it.
            close = f.text.find(",", m.end(), end)
            if close >= 0:
                end = close
        spans.append((m.start(), end))
    return spans


_RELATIVE_OPEN: Final = re.compile(r",\s+wh(?:ich|o|ose)\b")
#: A deal concluded, leading the sentence whose "will be" is the state with it counted: "With the
#: Agreement,", "Following this lease,", "Including the new contracts,", "As a result of the award,"
#: (lower-cased; not "Upon completion of the acquisition,", a deal still to close).
_DEAL_COUNTED_LEAD: Final = re.compile(
    r"\W*(?:with|following|after|including|as\s+a\s+result\s+of|on\s+signing(?:\s+of)?)\s+(?:the|this|these|that)\s+"
    r"(?:new\s+|signed\s+)?(?:[\w-]+\s+){0,2}?(?:agreements?|contracts?|leases?|awards?|deals?|signings?|msas?)\s*,"
)
#: Every `_DEAL_COUNTED_LEAD` match opens with one of these (after no mark).
_DEAL_LEAD_WORDS: Final = ("with ", "following ", "after ", "including ", "as a result", "on signing")


def _deal_counted(r: _Reading, q: Quantity, guide_spans: list[tuple[int, int]]) -> bool:
    """Is the figure's forecast word only the "will" of a state once a concluded deal is counted ("With
    the Agreement, … will be 386MW"), with no date still to come ("… will be 900 MW by 2028")?"""
    low = r.folded.low
    if not all(low.startswith(("will", "'ll", "’ll"), a) for a, b in guide_spans if a <= q.start < b):
        return False
    if _DEAL_COUNTED_LEAD.match(low) is None:
        return False
    return not any(m.year is not None or m.relative == "deadline" for m, _p, _c in r.mentions)


#: Forecast nouns (`_GUIDE` matches, lower-cased) that a deal can be the reason for, written after them.
_OUTLOOK_NOUNS: Final = frozenset(
    ("outlook", "guidance", "forecast", "forecasts", "targets", "target", "guide")
)
#: A deal named as the reason a forecast changed, right after its noun (lower-cased): " on new 250 mw
#: meta agreement", " with a $7.4 billion contract", " on the back of its 300 mw lease". The figure is
#: the deal's and heads its noun phrase: "outlook with 1.3 gw under contract" is no deal named.
_DEAL_AFTER_OUTLOOK: Final = re.compile(
    r"(?:\s+(?:to|at|of)\s+(?:(?:approximately|about|roughly|around)\s+)?(?:us\$|\$|€|£)?\d[\d.,]*"
    r"(?:\s*(?:million|billion|bn|mn|[bm%]|percent))?(?:\s*(?:-|–|to)\s*(?:us\$|\$|€|£)?\d[\d.,]*"
    r"(?:\s*(?:million|billion|bn|mn|[bm%]|percent))?)?,?)?"
    r"(?P<deal>\s+(?:on|with|thanks\s+to|on\s+the\s+back\s+of|driven\s+by|fu?ell?ed\s+by|amid|upon)\s+)"
    r"(?:(?:the|a|an|its|their|new|recent|latest|signed|record|landmark|first|second|additional)\s+){0,3}"
    r"(?:us\$|\$|€|£)?\d[\d.,]*\s*(?:mw|gw|megawatts?|gigawatts?|million|billion|bn|mn|[bm])\b[\s-]*"
    r"(?:(?!(?:under|in|to|of|for|by|from|at|and|or)\b)[\w.&'’-]+\s+){0,3}?"
    r"(?:agreements?|contracts?|leases?|deals?|msas?|expansions?|awards?|wins?|pacts?|orders?)\b"
)
#: A figure, then the subject of a forecast word that qualifies it: "the 230 MW it had targeted", "the
#: $1.2 billion that we had forecast", "the 45% management originally expected".
_FIGURE_THEN_SUBJECT: Final = re.compile(
    r"\d(?:\s?(?:%|MW|GW|[mb]n|[MBK]|million|billion|megawatts|gigawatts|percent|per\s+cent))?\s+"
    r"(?:(?:that|which)\s+)?(?:it|we|they|he|she|the\s+company|management)\s+(?:(?:had|has|have|was|were|"
    r"previously|originally|initially|earlier|once)\s+){0,2}$",
    re.IGNORECASE,
)
#: The main verb after a closed relative clause: ", was", ", came in at", ", totaled".
_RELATIVE_THEN_VERB: Final = re.compile(
    r",\s+(?:was|were|is|are|came\s+in\s+at|stood\s+at|totaled|totalled|reached|rose\s+to|fell\s+to|"
    r"improved\s+to|declined\s+to|expanded\s+to|of)\s+(?:approximately\s+|about\s+|roughly\s+)?$",
    re.IGNORECASE,
)
#: A guidance word named as the yardstick of a result: "ahead of our guide", "in line with the outlook".
_GUIDE_REFERENCE: Final = re.compile(
    r"\b(?:ahead\s+of|above|below|short\s+of|beat|beating|beats|topped|exceeded|exceeding|missed|"
    r"in\s+line\s+with|within|(?:high|top|low|upper|lower)\s+end\s+of)\s+(?:(?:our|its|their|the|his|her|"
    r"prior|previous|earlier|original|own|company's|management's)\s+)*$"
)
#: A rating agency's own action on the issuer or its debt: the document speaks as the agency.
_RATING_ACTION: Final = re.compile(
    r"\b(?:assigned|affirmed|downgraded|upgraded|lowered|raised|placed|rates?)\s+"
    r"(?:its|our|the|a)\s+[^.;]{0,40}?\b(?:issuer|issue-level|corporate\s+family|long-term|credit)\s+(?:credit\s+)?rating",
    re.IGNORECASE,
)


def _rating_action(doc: Folded) -> bool:
    """Is the document a rating agency's action on the issuer or its debt?

    Only the few places where "rating" follows a space are tried ("operating" holds "rating"
    too): a scan of the whole document with the pattern costs more than reading a short release.
    """
    low = doc.low
    pos = low.find("rating")
    while pos >= 0:
        if pos > 0 and low[pos - 1].isspace():
            if not doc.fast:
                # The lower-cased text's offsets may not be the text's: the whole text is searched.
                return _RATING_ACTION.search(doc.text) is not None
            if _RATING_ACTION.search(doc.text, max(0, pos - 250), pos + 6) is not None:
                return True
        pos = low.find("rating", pos + 6)
    return False


#: The author's own short position, as its disclaimer states it: "Dunmore Research and its clients hold
#: short positions in …". Investors who "may hold short positions in our stock" (a risk factor) are not
#: the author.
_SHORT_AUTHOR: Final = re.compile(
    r"\b(?:we|clients)(?:\s+\w+){0,2}?\s+(?:hold|have|maintain)\s+(?:a\s+)?short\s+positions?\s+in\b",
    re.IGNORECASE,
)
#: The metrics an answer's bare figure may take from the question or from the answer's sentence before
#: it: a margin or a customer's share (percent), revenue (dollars).
_ASKABLE: Final = frozenset(("gross_margin", "operating_margin", "revenue", "customer_concentration"))
#: Only function, time, bound, modal and copula words before an answer's bare figure: "In May we said", "We're
#: now comfortable at", "It was", "This year we'll be", "We came in at", "Last quarter we did", "a bit over".
_BARE_BEFORE: Final = re.compile(
    r"(?:[\s,—–]|\b(?:in|on|at|to|for|of|the|a|we|i|it|they|that|there|you)(?:['’](?:re|ve|m|s|d|ll))?\b|"
    r"\b(?:is|are|was|were|be|been|being|will|would|should|gonna|going|now|still|back|earlier|then|said|say|"
    r"saying|think|believe|see|seeing|expect|expecting|comfortable|confident|sitting|looking|targeting|guiding|"
    r"guided|guide|call|like|around|about|roughly|approximately|between|somewhere|something|closer|so|and|yes|"
    r"no|yeah|sure|well|look|honestly|frankly|okay|ok|again|also|just|more|already|only|probably|likely|"
    r"did|came|ended|ending|finished|land|landing|landed|hit|number|figure|bit|little|touch|hair|shade|right|today|"
    r"currently|this|next|last|year|quarter|half|fiscal|full|calendar|q[1-4]|[1-4]q|h[12]|fy\s?['’]?\d{2,4}|"
    r"20\d\d|jan\w*|feb\w*|march|april|may|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*)\b)*"
)
#: What may follow it up to its clause's end: a period ("last quarter", "for the year", "in fiscal 2027"),
#: a basis ("on a non-GAAP basis"), "or so"; then the end, a comma, a semicolon or a joining word. Any other
#: word ("46% of our pipeline", "$95 million in free cash flow", "46% year over year") names another thing.
_ANSWER_AFTER: Final = re.compile(
    r"(?:[\s,-]+(?:in|for|during|through|by|at|this|next|last|the|a|fiscal|full|calendar|first|second|third|"
    r"fourth|quarter|year|half|period|q[1-4]|[1-4]q|h[12]|fy\s?['’]?\d{2,4}|20\d\d|so\s+far|to\s+date|"
    r"today|now|currently|right\s+now|these\s+days|nowadays|at\s+the\s+moment|again|or\s+so|give\s+or\s+take|"
    r"end|of|on|an?|non-gaap|gaap|adjusted|"
    r"basis|jan\w*|feb\w*|march|april|may|june|july|aug\w*|sept?\w*|oct\w*|nov\w*|dec\w*)\b)*"
    r"\s*(?:$|[.;:!?)—–]|,|\s+(?:and|but|so|which|because|though|although|if|when|while|as|or)\b|\s-\s)"
)
#: What may follow a bare forecast percentage (`_period_forecast_of_margin`): the end, a period ("for the
#: year", "in 2027"), a basis ("on a non-GAAP basis").
_BARE_AFTER: Final = re.compile(r"\s*(?:$|[,.;]|(?:for|in|on|this|next|by|and|or)\b)")
#: A wish, not a figure: "I'd like to be at 50%", "we would love to get to $1 billion".
_WISH_BEFORE: Final = re.compile(r"(?:['’]d|\bwould)\s+(?:like|love)\b")
#: A share of revenue asked about or spoken of: "How much of your revenue is OpenAI?", "what share of sales",
#: "half of revenue", "customer concentration", "how concentrated", "your largest customers", "how dependent
#: are you on Helix".
_SHARE_NAMED: Final = re.compile(
    r"\b(?:(?:share|percentage|percent|portion|proportion|part|much|half|third|fraction|chunk|slice)\s+of\s+"
    r"(?:(?:your|the|its|their|our|total|overall|this\s+year['’]s|the\s+year['’]s)\s+)?"
    r"(?:revenues?|sales|top[\s-]line)\b|%\s+of\s+(?:(?:your|the|its|their|our|total)\s+)?(?:revenues?|sales)\b|"
    r"concentrat\w*|(?:largest|biggest|top)\s+(?:(?:one|two|three|four|five|ten|\d{1,2})\s+)?"
    r"(?:customers?|clients?|tenants?)|(?:dependent|reliant)\s+(?:are\s+you\s+|is\s+\w+\s+)?on)"
)
#: Revenue of a part: "revenue from the Helix contract", "what sales will come from Ohio", "the campus's
#: revenue contribution": not the company's revenue (a share of it, if a customer is named).
_REVENUE_OF_PART: Final = re.compile(
    r"\b(?:revenues?|sales)\s+(?:[\w'’]+\s+){0,3}?from\s|\b(?:revenues?|sales)\s+contribution|"
    r"\bcontribut\w*\s+(?:[\w'’]+\s+){0,3}?(?:revenues?|sales)\b"
)
#: A share of what was just spoken of, asked of a customer the question names: "How much of that is Helix
#: Labs?" (after revenue was spoken of); without a name it may be a share of anything.
_SHARE_OF_THAT: Final = re.compile(r"\b(?:much|share|percentage|portion|part)\s+of\s+(?:that|it|this)\b")
#: The customers an answer's share is of, as its subject: "Our top five are", "the three largest customers
#: together were", "our largest tenant is" (a named group: no counterparty).
_SHARE_GROUP: Final = re.compile(
    r"\b(?:(?:our|the|my|its|their)\s+)?(?:(?:top|largest|biggest)(?:\s+(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|\d{1,2}))?(?:\s+(?:customers?|clients?|tenants?|accounts?))?|(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|\d{1,2})\s+(?:largest|biggest)\s+(?:customers?|clients?|tenants?))"
    r"(?:\s+(?:together|combined|collectively|overall))?"
)
#: Both margins under one noun ("gross and operating margins"): the cue reads only the second.
_GROSS_AND_OPERATING: Final = re.compile(
    r"\bgross\s+(?:and|&|or)\s+operating\b|\boperating\s+(?:and|&|or)\s+gross\b"
)
#: A period still to come a question names: "next year", "the coming quarter".
_NEXT_NAMED: Final = re.compile(r"\b(?:next|coming|upcoming)\s+(?:fiscal\s+)?(?P<k>year|quarter)\b")
#: A question's words before a name that are no part of it: "Is Corbel still …", "So Vantor …".
_ASK_LEADS: Final = frozenset(
    ("Is", "Was", "Are", "Were", "Does", "Did", "Do", "How", "What", "So", "And", "Has", "Have", "Can")
)


def _may_name_askable(low: str) -> bool:
    """Might the sentence name an askable metric (a margin, revenue, a customer's share), or a share of what
    was spoken of?"""
    return (
        "margin" in low
        or "revenue" in low
        or "sales" in low
        or "customer" in low
        or "client" in low
        or "tenant" in low
        or "concentrat" in low
        or "top line" in low
        or "much of" in low
        or "share of" in low
        or "dependent" in low
        or "reliant" in low
    )


def _askable_named(f: Folded, cues: list[Cue] | None) -> tuple[list[str], bool | None]:
    """The askable metrics a sentence names, and whether it names a share of revenue ("How much of your
    revenue is OpenAI?" asks a share, not revenue: its revenue noun is the share's); None for the revenue
    of a part ("revenue from the Helix contract"), neither the company's revenue nor, by itself, a share.
    `cues`: the sentence's, or None to find them only if a margin or revenue word is there."""
    low = f.low
    share: bool | None = (
        "revenue" in low
        or "sales" in low
        or "concentrat" in low
        or "largest" in low
        or "biggest" in low
        or "top" in low
        or "dependent" in low
        or "reliant" in low
    ) and _SHARE_NAMED.search(low) is not None
    if cues is None:
        nouns = "margin" in low or "revenue" in low or "sales" in low or "top line" in low
        cues = find_cues(f.text, low) if nouns else []
    if not share and ("from" in low or "contribut" in low) and _REVENUE_OF_PART.search(low) is not None:
        share = None  # "revenue from the Helix contract": no revenue of the company (see `_note_asked`)
    metrics: list[str] = []
    for c in cues:
        named = c.type in ("gross_margin", "operating_margin") or (
            c.type == "revenue" and share is not None and not share
        )
        if named and c.type not in metrics:
            metrics.append(c.type)
    if share:
        metrics.append("customer_concentration")
    if len(metrics) == 1 and "gross" in low and "operating" in low and _GROSS_AND_OPERATING.search(low):
        metrics.append("gross_margin" if metrics[0] == "operating_margin" else "operating_margin")
    return metrics, share


def _asked_party(sentence: str, state: _State) -> str | None:
    """The one customer a share question names ("How much of your revenue is OpenAI?"): a name that is
    not the question's first word, the person asked ("…, Dana?"), a speaker or the company."""
    found: str | None = None
    for start, end, name in names_in(sentence):
        if sentence.startswith(":", end):
            continue  # the speaker's label
        first, _sp, rest = name.partition(" ")
        if first in _ASK_LEADS and rest:
            name = rest
        elif sentence[:start].rstrip().endswith(":") or start == 0:
            tail = sentence[end - 2 : end + 2]
            if "'s" not in tail and "’s" not in tail:
                continue  # "How much …", "Margins …": the question's own first word ("OpenAI's share" is one)
        if sentence[:start].rstrip().endswith(",") and sentence[end:].strip() in ("?", ".", ""):
            continue  # "…, Dana?": the person asked
        if name in state.turns.speakers or is_same_company(name, state.company) or is_generic(name):
            continue
        if found is not None and found != name:
            return None  # two names: whose share is asked is not clear
        found = name
    return found


def _asked_when(f: Folded, state: _State) -> tuple[Period | None, str]:
    """The period a question names and how: ("next year") "next", ("this year") "current", ("last quarter")
    "prev_quarter", ("in Q3") "none"; "" for none."""
    low = f.low
    ctx = state.context
    if "next" in low or "coming" in low:
        nxt = _NEXT_NAMED.search(low)
        if nxt is not None:
            if ctx is None:
                return None, "next"
            if nxt.group("k") == "year":
                return Period("FY", 0, ctx.year + 1), "next"
            if ctx.kind == "Q":
                return Period("Q", ctx.number % 4 + 1, ctx.year + (ctx.number == 4)), "next"
            return None, "next"
    for m in find_mentions(f.text, low):
        if m.relative not in ("unlabelled", "deadline"):
            # ("this quarter" may be the one just reported or the one running: no forecast by itself.)
            relative = "current_quarter" if m.relative == "current" and m.kind == "Q" else m.relative
            return resolve(m, ctx, state.default_year), relative
    return None, ""


def _note_asked(f: Folded, cues: list[Cue] | None, state: _State) -> None:
    """Note the askable metrics (customer, period) an asking turn's sentence names."""
    metrics, share = _askable_named(f, cues)
    party = _asked_party(f.text, state) if share else None
    if share is None or (not share and " of " in f.low and _SHARE_OF_THAT.search(f.low) is not None):
        # "How much revenue comes from Helix Labs?", "How much of that is Helix Labs?" (of what the answer
        # before spoke of): a share of revenue when a customer is named.
        party = _asked_party(f.text, state)
        if party is not None:
            metrics = [*metrics, "customer_concentration"]
    if metrics:
        when, relative = _asked_when(f, state)
        state.turns.note(metrics, party)
        state.turns.date(when, relative, f.text.endswith("?"))


#: A follow-up question naming only a period: "And this year?", "What about next year?", "And for 2027?".
_FOLLOW_UP: Final = re.compile(r"(?:^|:\s+)(?:and|what\s+about|how\s+about|so)\b[^?.:]{0,40}\?$")


def _follow_up(f: Folded, state: _State) -> None:
    """A short question naming no metric: its period is that of the metric the turn named before ("Revenue
    was $410 million last year. What will it be this year?"); or, opening the turn, it asks again what the
    question before asked ("Interviewer: And this year?" after a question on revenue)."""
    turns = state.turns
    if not turns.asked and _FOLLOW_UP.search(f.low) is None:
        return
    when, relative = _asked_when(f, state)
    if relative:
        if not turns.asked:
            turns.follow()
        turns.date(when, relative, True)


def _note_said(f: Folded, r: _Reading, state: _State, facts_before: int) -> None:
    """Note what an answer's sentence stated (its askable facts) or named (an askable metric, no figure)."""
    metrics: list[str] = []
    party: str | None = None
    for i in range(facts_before, len(state.facts)):
        fact = state.facts[i]
        if fact.metric in _ASKABLE and fact.metric not in metrics:
            metrics.append(fact.metric)
            if fact.metric == "customer_concentration":
                party = fact.counterparty
    if not metrics and _may_name_askable(f.low):
        metrics = _askable_named(f, r.cues or None)[0]
    state.turns.say(metrics, party)


#: The previous sentence's figure as the subject: "it was", "the GAAP figure was", "that number came in at".
_RESTATED_SUBJECT: Final = re.compile(
    r"\b(?:it|that|the\s+(?:[\w-]+\s+){0,2}(?:figure|number|metric|measure|equivalent))\s+"
    r"(?:was|is|were|came\s+in(?:\s+at)?|stood\s+at|ran\s+at|would\s+(?:be|have\s+been))\s+"
    r"(?:(?:at|about|approximately|roughly|around|nearly|just\s+(?:over|under))\s+)?$"
)


def _carries_range(r: _Reading, q: Quantity) -> bool:
    """Is this dollar range, in a sentence that names no metric, the previous sentence's revenue range
    for another period? The sentence has no cue at all and names a period before the range ("For the
    third quarter we said $650 million to $670 million")."""
    if q.low >= q.high or r.cues or q is not r.quantities[0]:
        return False
    return any(m.start < q.start and not comp for m, _p, comp in r.mentions)


#: The company's forecast verb right before a bare percentage: "we're saying", "we expect", "we see".
_SAYS_FORECAST_BEFORE: Final = re.compile(
    r"\bwe(?:'re|’re|\s+are)?\s+(?:now\s+)?(?:saying|guiding(?:\s+to)?|guide(?:\s+to)?|expect(?:ing)?|"
    r"see|seeing|looking\s+(?:at|for)|targeting|target|forecast(?:ing)?)\s+"
    r"(?:(?:about|approximately|roughly|around|between)\s+)?$"
)


def _period_forecast_of_margin(r: _Reading, q: Quantity) -> bool:
    """A bare percentage (the sentence names no metric at all) said as the company's forecast for a
    period the sentence names first: "For fiscal 2026 we're saying 33 to 35 percent" after a margin.
    Without the period or the forecast verb a bare percentage may be anything else."""
    low = r.folded.low
    if "we" not in low or r.cues:
        return False
    if _SAYS_FORECAST_BEFORE.search(low, max(0, q.start - 40), q.start) is None:
        return False
    # Nothing after the figure names what it is of ("12% unit growth", "20% of our staff").
    if _BARE_AFTER.match(low, q.end) is None:
        return False
    return any(m.start < q.start and not comp for m, _p, comp in r.mentions)


def _restates_margin(r: _Reading, q: Quantity) -> bool:
    """A bare percentage whose subject is the previous sentence's figure ("it", "the GAAP figure")."""
    low = r.folded.low
    if "it " not in low and "th" not in low:
        return False
    return _RESTATED_SUBJECT.search(low, max(0, q.start - 60), q.start) is not None


#: Cue types that name what a percentage is of (a contract or a loan noun does not).
_PERCENT_CUES: Final = frozenset(
    ("gross_margin", "operating_margin", "revenue", "concentration", "stock", "block", "third_party")
)
#: A basis word right after a percentage: "42.3% GAAP", "43.1% on a non-GAAP basis", "41% (adjusted)".
_BASIS_RIGHT_AFTER: Final = re.compile(
    r"\s?\(?(?:non[\s-]?gaap|gaap|adjusted|adj\.)\b|\s+on\s+an?\s+(?:non[\s-]?gaap|gaap|adjusted)\s+basis"
)


def _basis_right_after(r: _Reading, q: Quantity) -> bool:
    low = r.folded.low
    return ("gaap" in low or "adj" in low) and _BASIS_RIGHT_AFTER.match(low, q.end) is not None


#: A pronoun subject with a copula before a share: "They were", "it was about".
_PRONOUN_COPULA: Final = re.compile(
    r"\b(?:they|it|she|he)\s+(?:were|was|are|is)\s+(?:(?:about|approximately|roughly|around|nearly|just\s+over|"
    r"just\s+under)\s+)?$"
)


def _pronoun_share(r: _Reading, q: Quantity, state: _State) -> bool:
    """ "They were 34% of revenue" after a sentence naming a customer ("Same customer, Tom."): that
    customer's share ("They accounted for" is read by its verb; a copula needs the customer named)."""
    low = r.folded.low
    window = low[max(0, q.start - 30) : q.start]
    if "they " not in window and "it " not in window and "he " not in window:
        return False
    if _PRONOUN_COPULA.search(window) is None or OF_REVENUE.match(r.sentence, q.end) is None:
        return False
    if CUSTOMERISH.search(r.sentence, 0, q.start):
        return True
    return CUSTOMERISH.search(_previous_sentence(state.text, r.offset)) is not None


def _answered(r: _Reading, q: Quantity, turns: Turns) -> tuple[str | None, str | None, int]:
    """The askable metric an answer's bare figure is of, the customer of a share, and where the figure's
    words end: the answer's previous sentence or else the question named exactly one metric of the figure's
    unit, and the figure has only function, time, bound, modal and copula words around it in its clause
    (a cue after a comma, ", so we're raising it", belongs to another clause). A share may have its
    customers as subject ("Our top five are around 85%") or the one the question named ("OpenAI was 46%")."""
    if q.unit == "mw" and "capacity_contracted" not in turns.asked:
        return None, None, 0
    fits = [m for m in turns.said if METRIC_UNITS[m] == q.unit]
    party = turns.said_party
    if not fits:
        fits = [m for m in turns.asked if METRIC_UNITS[m] == q.unit]
        party = turns.party
    if len(fits) != 1:
        return None, None, 0
    if len(turns.quoted) > 1 and q.low == q.high and q.low in turns.quoted:
        # "… operating margin of 20%? … is the hyperscaler still the 31%?" "And yes, 31% for the quarter.":
        # the answer confirms one of the question's numbers, not the metric the question or the sentence
        # before named.
        return None, None, 0
    metric = fits[0]
    s, low = r.sentence, r.folded.low
    end = q.end
    if metric == "customer_concentration":
        share = OF_REVENUE.match(s, q.end)
        if share is not None:
            end = share.end()  # "It was 46% of revenue last quarter"
    elif metric == "capacity_contracted":
        party = turns.deal_party  # "Is that the 300-megawatt agreement?" "It's 320 megawatts."
    else:
        party = None
    if any(c.start < q.end or (c.start >= end and s.find(",", end, c.start) < 0) for c in r.cues):
        return None, None, 0
    start = low.find(": ", 0, min(q.start, 80)) + 1  # after a speaker's label: "Lena Ortiz: Back in …"
    for o in r.quantities:
        if o.end <= q.start and (s.startswith((",", ";"), o.end) or low.startswith(" and ", o.end)):
            start = max(start, o.end)  # "It was 46%, and we did $410 million": the figure's own clause
    before = low[start : q.start]
    if metric == "customer_concentration" and party is not None:
        # "OpenAI was 46%", "Vantor was 41%" (Vantor AI asked about): the customer the question named.
        for name in (party.lower(), party.lower().partition(" ")[0]):
            if len(name) > 2 and name in before:
                before = before.replace(name, " it ")
                break
    if metric == "customer_concentration":
        grouped = "top" in before or "larg" in before or "bigg" in before
        group = _SHARE_GROUP.search(before) if grouped else None
        if group is not None:
            before = before[: group.start()] + " they " + before[group.end() :]
            party = None  # "Our top five are around 85%": a named group
    if "like" in before and _WISH_BEFORE.search(before):
        return None, None, 0  # "I'd like to be at 50%": a wish
    if _BARE_BEFORE.fullmatch(before) is None:
        return None, None, 0
    after = _ANSWER_AFTER.match(low, end)
    if after is None:
        return None, None, 0
    return metric, party, after.end()


def _answer_when(r: _Reading, q: Quantity, stop: int, state: _State) -> tuple[bool, Period | None, bool]:
    """The period of an answered figure: (dated, period, still to come). Not dated when the answer names a
    period of its own ("for the year", "next year"), read then as any sentence's. A period it only looks
    back on in the figure's words ("It was 46% last quarter") dates it (a comparison elsewhere would not);
    else the period the question named dates it. "Next year" is still to come; "this year" is too, unless
    the answer reports a past ("We did …") or the document reports the year's last quarter."""
    low = r.folded.low
    mentions = r.mentions
    if any(not comp for _m, _p, comp in mentions) or (
        ("next" in low or "coming" in low) and _NEXT_NAMED.search(low) is not None
    ):
        return False, None, False
    for m, period, _comp in mentions:
        if m.end <= q.start or q.end <= m.start < stop:
            return True, period, False
    turns = state.turns
    relative = turns.when_relative
    if not relative:
        return False, None, False
    when = turns.when
    if relative == "next":
        return True, when, True
    if relative in _LOOKING_BACK:
        return True, when, False
    past = _PAST_REPORT.search(r.folded, 0, q.start) is not None
    past = past or _FINITE_PAST.search(r.sentence, 0, q.start) is not None
    ctx = state.context
    if past or relative == "current_quarter":
        return True, when, False
    if relative == "current":
        return True, when, ctx is None or _unfinished(when, state)
    return True, when, when is not None and ctx is not None and when.end_month > ctx.end_month


#: "is now", "we're now at", "now stands at": the figure as it stands today, before it in its clause.
_NOW_BEFORE: Final = re.compile(r"\bnow\b")


def _still_to_come(r: _Reading, q: Quantity, idx: int, metric: str, state: _State) -> bool:
    """A figure of a period the document has not reported yet, in a clause that reports nothing past:
    "now" before it with a year or half still running ("Full-year gross margin is now 41% to 43%";
    "Revenue is now 40% of our total" names no such period and stays a result), or a verbless
    answer in a call about a quarter after the one it reports ("For Q2, revenue of about …")."""
    s = r.sentence
    left = max(_clause_span(r, q, r.quantities)[0], s.rfind(";", 0, q.start) + 1)
    if _PAST_REPORT.search(r.folded, left, q.start) is not None or _FINITE_PAST.search(s, left, q.start):
        return False
    now = _NOW_BEFORE.search(r.folded.low, max(left, q.start - 60), q.start) is not None
    if not now and not (state.turns.questions and not state.turns.analyst):
        return False
    period = _period_for(r, q, idx, metric, state, False)
    ctx = state.context
    if ctx is None:
        # No period in force: only "now" with a year named without its number in the figure's clause
        # ("Full-year …", "for the year"), the year being spoken of.
        return now and any(
            m.kind == "FY" and m.year is None and m.relative in ("none", "current") and m.start >= left
            for m, _p, _c in r.mentions
        )
    if any(m.relative in _LOOKING_BACK and m.start >= left for m, _p, _c in r.mentions):
        # "In Q4 last year, revenue of $90 million": a period looked back on.
        return False
    # A period ending after the one in force (a figure with no period of its own takes that one).
    return period is not None and period.end_month > ctx.end_month


_LOOKING_BACK: Final = frozenset(("prev_quarter", "year_ago", "prev_year"))
#: The company's own earlier word right before a figure: "we said", "we've said", "I told you".
_SAID_BEFORE: Final = OnFirstUse(
    r"\b(?:we|I)(?:'ve|’ve|\s+have|\s+had)?\s+(?:said|told\s+(?:you|investors|the\s+\w+))\b[^.;:,]{0,40}$",
    re.IGNORECASE,
)


def _restated_forecast(r: _Reading, q: Quantity, idx: int, metric: str, state: _State) -> bool:
    """ "we said 38% to 40% … for the year", "For the third quarter we said $650 million to $670
    million", a quarter into the year: the company's word on a period it has not reported is its
    forecast restated ("As we said, revenue was $612 million" of the quarter reported stays a result)."""
    s = r.sentence
    said = _SAID_BEFORE.compiled.search(s, max(0, q.start - 70), q.start)
    if said is None or _PAST_REPORT.search(r.folded, said.end(), q.start) is not None:
        return False
    period = _period_for(r, q, idx, metric, state, False)
    ctx = state.context
    return period is not None and ctx is not None and period.end_month > ctx.end_month


#: Past verbs `_PAST_REPORT` leaves out, which a spoken answer uses: "we did 42.3%", "we had", "we saw".
_FINITE_PAST: Final = re.compile(r"\b(?:did|had|saw|hit|made|got|came|went|booked|landed)\b", re.IGNORECASE)


def _unfinished(period: Period | None, state: _State) -> bool:
    """Is `period` a year or half still running at the document's reporting period (a quarter)?"""
    ctx = state.context
    if period is None or ctx is None or ctx.kind != "Q" or period.kind == "Q":
        return False
    if period.year != ctx.year:
        return period.year > ctx.year
    return ctx.number < 4 if period.kind == "FY" else ctx.number < 2 * period.number


#: "Our channel checks indicate", "we estimate", "we believe": the author's first person before a figure.
_AUTHOR_BEFORE: Final = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
#: The speaker's first person: "I'm modeling", "my number", "we have you at" (an analyst's own figure).
_SPEAKER_BEFORE: Final = re.compile(r"\bI\b|\b(?i:my|we|our|us)\b")
#: A pay plan's goal: "the annual incentive plan's revenue target of", "PSUs vest on cumulative revenue of",
#: "the Compensation Committee set a revenue goal of".
_PAY_PLAN_SOURCE: Final = (
    r"\b(?:incentive\s+(?:plan|program|compensation|awards?|goals?|metrics?|targets?|pool)|"
    r"bonus\s+(?:plan|pool|program|target)|PSUs?|STIP?|LTIP?|AIP|"
    r"RSUs?|performance\s+(?:share|stock)\s+units?|vest(?:s|ed|ing)?|payouts?|"
    r"compensation\s+committee|(?:pay|compensation)\s+(?:plan|program|goals?|targets?|metrics?))\b"
)
_PAY_PLAN_BEFORE: Final = re.compile(_PAY_PLAN_SOURCE + r"(?:[^.;]|\.\d){0,200}$", re.IGNORECASE)
#: The same named after the figure: "… exceeded the target of $1.05 billion, funding the bonus pool".
_PAY_PLAN_AFTER: Final = re.compile(
    r"(?:(?!,\s+(?:and|but|while|whereas|although)\b)[^.;]|\.\d){0,120}?" + _PAY_PLAN_SOURCE, re.IGNORECASE
)
#: The figure's own goal word, for a pay plan named after it: "the target of", "a threshold of".
_GOAL_WORD_BEFORE: Final = re.compile(
    r"\b(?:goals?|targets?|thresholds?|maximum|hurdles?)\b(?:\s+[\w-]+){0,3}?\s+(?:of|was|is|at|to)\s+"
    r"(?:(?:approximately|about|roughly|at\s+least)\s+)?$",
    re.IGNORECASE,
)


def _pay_words(low: str) -> bool:
    """Cheap screen for `_PAY_PLAN_SOURCE`: one of its commonest words, tested once a sentence (an `or`
    chain: a generator over a tuple costs more than the tests). "Performance share units" and "STI"
    alone pass only under a pay heading (`_State.pay_section`)."""
    return (
        "vest" in low
        or "incentive" in low
        or "bonus" in low
        or "compensation" in low
        or "payout" in low
        or "psu" in low
        or "rsu" in low
    )


#: A goal's level after the figure: "$950 million at threshold", "55% at target", "for maximum payout".
_GOAL_LEVEL_AFTER: Final = re.compile(
    r"\s*(?:\(\s*)?(?:at|for)\s+(?:the\s+)?(?:threshold|target|maximum|max|stretch|superior|entry)\b"
    r"(?!\s+(?:price|range|markets?|customers?|companies|compan(?:y|ies)['’]s)\b)",
    re.IGNORECASE,
)
#: Under a pay heading, the figure's own goal word: "The capacity goal was 400 MW", "earned if revenue
#: exceeds", "a threshold of 45%", "median revenue of the peer group".
_PAY_SECTION_GOAL_BEFORE: Final = re.compile(
    r"\b(?:goals?|targets?|thresholds?|maximum|minimum|hurdles?|objectives?|vest(?:s|ed|ing)?|earned|"
    r"earns?|payouts?|pays?\s+out|funds?\s+(?:at|if|when)|if|exceeds?|reaches)\b(?:[^.;]|\.\d){0,120}$",
    re.IGNORECASE,
)
_PAY_SECTION_WORDS: Final = (
    "goal", "target", "threshold", "maximum", "minimum", "hurdle", "objective", "vest", "earn", "payout",
    "pay", "fund", "if ", "exceed", "reach",
)  # fmt: skip
#: A heading over pay: "2026 Annual Incentive Plan", "Performance Share Units", "Compensation Discussion".
_PAY_HEADING: Final = re.compile(
    r"\b(?:incentive|compensation|bonus(?:es)?|performance[\s-]+(?:share|stock|based)|psus?|rsus?|"
    r"equity\s+awards?|(?:pay|payouts?)\b|cd&a|(?:named\s+)?executive\s+officers?)"
)


def _pay_heading(low: str) -> bool:
    """Is a (lower-cased) heading over pay ("2026 Annual Incentive Plan", "Performance Share Units")?"""
    return (
        "pay" in low
        or "compens" in low
        or "incentive" in low
        or "bonus" in low
        or "psu" in low
        or "rsu" in low
        or "performance" in low
        or "equity award" in low
        or "executive officer" in low
        or "cd&a" in low
    ) and _PAY_HEADING.search(low) is not None


#: A statistic of a peer group before the figure: "peer group has median revenue of", "the peers'
#: average gross margin of", "median of our peer companies".
_PEER_STATISTIC_BEFORE: Final = re.compile(
    r"\bpeers?(?:['’]|\s+(?:group|companies|set))?\b(?:[^.;]|\.\d){0,80}?\b(?:median|average|mean|percentile)\b"
    r"(?:[^.;]|\.\d){0,60}$|"
    r"\b(?:median|average|mean|percentile)\b(?:[^.;]|\.\d){0,60}?\bpeers?\b(?:[^.;]|\.\d){0,60}$",
    re.IGNORECASE,
)


def _peer_statistic(r: _Reading, q: Quantity) -> bool:
    """A peer group's median or average (a proxy's benchmark for pay), not the company's figure."""
    low = r.folded.low[max(0, q.start - 150) : q.start]
    if "peer" not in low or not ("median" in low or "average" in low or "mean" in low or "percentile" in low):
        return False
    return _PEER_STATISTIC_BEFORE.search(r.sentence, max(0, q.start - 150), q.start) is not None


def _pay_goal(r: _Reading, q: Quantity, pay_section: bool, pay_words: bool) -> bool:
    """A figure set as a goal for pay (an incentive plan, performance share units, a level "at
    threshold / target / maximum"), not a result nor the company's outlook.

    Under a pay heading the figure's own goal word is enough ("The capacity goal was 400 MW"): there
    a goal or a vesting condition is a level for pay, though the sentence names no plan. `pay_words`
    says whether the sentence holds a word of a pay plan at all (`_pay_words`).
    """
    s = r.sentence
    folded_low = r.folded.low
    if pay_words and _PAY_PLAN_BEFORE.search(s, max(0, q.start - 210), q.start):
        return True
    if (
        folded_low.startswith(_GOAL_LEVEL_STARTS, q.end)
        and _GOAL_LEVEL_AFTER.match(s, q.end) is not None
        and ("threshold" in folded_low or "maximum" in folded_low or "goal" in folded_low)
    ):
        # "a revenue goal of $950 million at threshold, $1.05 billion at target and $1.15 billion at
        # maximum": the levels of a goal, whichever plan sets it.
        return True
    low = folded_low[max(0, q.start - 130) : q.start]
    if pay_section:
        return any(w in low for w in _PAY_SECTION_WORDS) and (
            _PAY_SECTION_GOAL_BEFORE.search(s, max(0, q.start - 130), q.start) is not None
        )
    # "Revenue of $1.08 billion exceeded the target of $1.05 billion, funding the bonus pool at 140%".
    return (
        pay_words
        and ("goal" in low or "target" in low or "threshold" in low or "maximum" in low or "hurdle" in low)
        and _GOAL_WORD_BEFORE.search(s, max(0, q.start - 60), q.start) is not None
        and _PAY_PLAN_AFTER.match(s, q.end) is not None
    )


#: The metrics a pay plan sets goals in (revenue, margins, capacity) and a peer group is compared by.
_GOALABLE: Final = frozenset(
    (
        "revenue",
        "revenue_growth",
        "gross_margin",
        "operating_margin",
        "capacity_contracted",
        "capacity_deployed",
    )
)
#: How a goal's level after the figure starts (see `_GOAL_LEVEL_AFTER`): one `startswith` a figure.
_GOAL_LEVEL_STARTS: Final = (" at ", " for ", " (at ", " (for ")


#: A bond deal's size as the syndicate reports it: "the deal was launched at", "the issue was upsized to".
_LAUNCH_SIZE_BEFORE: Final = re.compile(
    r"\b(?:deal|offering|issue|notes|bonds?|tranche)\s+(?:was\s+|were\s+|is\s+|has\s+been\s+)?"
    r"(?:initially\s+)?(?:launched|marketed|upsized|downsized|increased|sized)\s+(?:at|to|from)\s+"
    r"(?:an?\s+)?(?:initial\s+)?$",
    re.IGNORECASE,
)
#: Investors' orders for a bond: "an order book that peaked above", "books closed at".
_BOND_BOOK: Final = re.compile(
    r"\b(?:launched|priced|pricing|upsized|oversubscribed|tranche|coupon|notes|bonds?|new\s+issue)\b",
    re.IGNORECASE,
)


def _syndicate_size(r: _Reading, q: Quantity, cue: Cue | None) -> bool:
    """A bond deal's launch size or its order book, read as a contract or a backlog by their nouns."""
    low = r.folded.low
    lo = max(0, q.start - 60)
    named = low.find("deal", lo, q.start) >= 0 or low.find("offering", lo, q.start) >= 0 or "issue" in low
    if named and _LAUNCH_SIZE_BEFORE.search(r.sentence, lo, q.start):
        return True
    return (
        cue is not None
        and cue.type == "backlog"
        and "order book" in cue.text.lower()
        and _BOND_BOOK.search(r.sentence) is not None
    )


#: "We forecast …", "our base case": the first person who governs a forecast.
_FIRST_PERSON_BEFORE: Final = re.compile(r"\b(?:we|our)\s+(?:\w+\s+)?$", re.IGNORECASE)


#: An analyst as the subject of the forecast verb after it: "Dunmore analyst Lea Voss, who now",
#: "The analyst also", "Strategist Mia Lund said she".
_ANALYST_SUBJECT: Final = re.compile(
    r"\b(?i:analysts?|strategists?|economists?)(?:\s+(?:[A-Z][\w.'’-]*|at|of|with|from))*"
    r"(?:,\s+(?:who|which))?(?:\s+(?i:said|says|added|noted)\s+(?:he|she|they))?"
    r"(?:\s+(?i:now|also|still|currently|then))?\s+$"
)


def _analyst_forecast(r: _Reading, q: Quantity, guide_spans: list[tuple[int, int]]) -> bool:
    """The forecast verb that governs the figure has an analyst as its subject."""
    low = r.folded.low
    if "analyst" not in low and "strategist" not in low and "economist" not in low:
        return False
    governing = [a for a, b in guide_spans if a <= q.start < b]
    return (
        bool(governing)
        and _ANALYST_SUBJECT.search(r.sentence, max(0, governing[-1] - 90), governing[-1]) is not None
    )


def _agency_view(s: str, q: Quantity, guide_spans: list[tuple[int, int]], company: str | None) -> bool:
    """In a rating agency's release, a forecast the agency ("we", "our") speaks is its own.

    So is one whose expectation the agency states inside a forecast span ("The stable outlook reflects
    our expectation that Tolvane will energize at least 350 MW": the outlook is the rating's), and one
    a named party other than the company expects of the company ("Brantwell expects Tolvane to …").
    The company's own forecast it quotes stays ("we note that Tolvane guides to …").
    """
    governing = [a for a, b in guide_spans if a <= q.start < b]
    if not governing:
        return False
    start = governing[-1]
    if _FIRST_PERSON_BEFORE.search(s, max(0, start - 16), start) is not None:
        return True
    own = _AGENCY_EXPECTS.search(s, max(0, start - 16), q.start)
    if own is not None and _COMPANY_VIEW.search(s, own.end(), q.start) is None:
        return True
    if company is None:
        return False
    named = _NAMED_EXPECTS.search(s, max(0, start - 60), q.start)
    if named is None or _COMPANY_VIEW.search(s, named.end(), q.start) is not None:
        return False
    first = company.split()[0].lower()
    return named.group("who").lower() != first and named.group("whom").lower() == first


#: The agency's own expectation: "our expectation that", "we expect", "we forecast", "our base case".
_AGENCY_EXPECTS: Final = re.compile(
    r"\b(?:we|our|us)\s+(?:\w+\s+){0,2}?(?:expectations?|expects?|forecasts?|projections?|projects?|assum\w+|"
    r"base[\s-]case|estimates?|believe|anticipat\w+|view)\b",
    re.IGNORECASE,
)
#: "<Party> expects <Company> to": the expecter and the subject of the forecast.
_NAMED_EXPECTS: Final = re.compile(
    r"\b(?P<who>[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*)*\s+(?:now\s+|also\s+|still\s+)?(?:expects?|forecasts?|"
    r"projects?|anticipates?|assumes?|believes?)\s+(?:that\s+)?(?P<whom>[A-Z][\w&'’.-]*)"
)
#: The company's own forecast quoted by the agency: "Tolvane guides to", "management expects".
_COMPANY_VIEW: Final = re.compile(
    r"\b(?:guid(?:e|es|ed|ing|ance)|management|company['’]s|the\s+company\s+(?:expects|forecasts|projects|plans|targets))\b",
    re.IGNORECASE,
)


#: Words of a forecast beside preliminary results: "looking ahead", "next quarter", "our outlook".
_AHEAD_OF_RESULTS: Final = ("ahead", "next", "outlook", "guidance", "coming", "future", "forward")
#: The same beside a trading update, whose results are often "ahead of market expectations".
_AHEAD_OF_UPDATE: Final = ("looking ahead", "next", "outlook", "guidance", "coming", "future", "forward")
#: A trading update on a period already over: "a trading update for the financial year ended 31 March
#: 2026", "trading statement for the six months ended", "pre-close trading update for the year to".
_CLOSED_UPDATE_WORDS: Final = ("trading update", "trading statement", "pre-close", "update on trading")
_CLOSED_UPDATE_ENDS: Final = (" ended ", " months to ", " year to ")


def _closed_update(low: str) -> bool:
    """Does the sentence announce a trading update on a period already over (see `_State.closed_update`)?"""
    return any(w in low for w in _CLOSED_UPDATE_WORDS) and any(w in low for w in _CLOSED_UPDATE_ENDS)


def _estimate_of_ended(r: _Reading, q: Quantity, idx: int, metric: str, state: _State) -> bool:
    """Is a forecast-worded figure an estimate of a period already over: the one a "Preliminary …
    Results" heading names (or none named in the sentence), or one the sentence itself says "ended"
    ("revenue for the quarter ended September 30, 2026 is expected to be …"; "ending" is still to come),
    or the one a trading update reports on ("FY25/26 revenue expected to be not less than US$186m" in a
    trading update for the year ended 31 March 2026), outside its outlook?"""
    low = r.folded.low
    if (
        state.closed_update is not None
        and not state.guidance_section
        and not any(w in low for w in _AHEAD_OF_UPDATE)
    ):
        period = _period_for(r, q, idx, metric, state, False)
        if period is None or period == state.closed_update:
            return True
    if any(w in low for w in _AHEAD_OF_RESULTS):
        # "Looking ahead, we expect gross margin of 45%" under the preliminary results: a forecast.
        return False
    period = _period_for(r, q, idx, metric, state, False)
    if state.preliminary and (period is None or period == state.heading_period):
        return True
    return period is not None and any(
        p == period and not c and " ended " in r.sentence[m.start : m.end] for m, p, c in r.mentions
    )


def _kind(
    s: str,
    q: Quantity,
    idx: int,
    r: _Reading,
    guide_spans: list[tuple[int, int]],
    state: _State,
    comp: bool,
) -> str:
    if state.guidance_section and _WAS_BRACKET.search(s, max(0, q.start - 10), q.start):
        # "Revenue: $1.42-1.46B (was $1.35-1.40B)" under an outlook title: the guidance it replaces.
        return "guidance"
    # Every forecast noun `_guide_noun_after` reads is a guidance word too: no span, no noun.
    if guide_spans and _guide_noun_after(r, q, comp):
        # "margin of 61.2%, above the 58-60% guide", "topped its $80 million outlook": the yardstick a
        # result is set against is the forecast the noun after it names, never a second result.
        return "guidance"
    in_span = any(a <= q.start < b for a, b in guide_spans)
    if in_span and "committed" in s and _COMMITTED_BEFORE.search(s, max(0, q.start - 40), q.start):
        # "expected to provide up to $585 million, including a fully committed $250 million PIPE": the
        # committed part is already secured.
        return "actual"
    if (
        in_span
        and q.unit == "mw"
        and r.folded.low.find("which", max(0, q.start - 70), q.start) >= 0
        and _AGREED_RELATIVE.search(s, max(0, q.start - 70), q.start) is not None
    ):
        # "That power will come from Halvern Electric, which has agreed to supply up to 1.1 GW": the
        # relative clause reports an agreement already made, whatever the main clause forecasts.
        return "actual"
    if in_span and not comp and _reported_apart(r, q, guide_spans):
        # "Vantis reiterated its revenue guidance of $3.2 billion while disclosing that 560 MW was
        # energized": the forecast's clause has ended, the figure's own clause reports.
        return "actual"
    if (
        in_span
        and q.unit == "mw"
        and r.folded.low.startswith(_DEAL_LEAD_WORDS)
        and _deal_counted(r, q, guide_spans)
    ):
        # "With the Agreement, the group's total contracted power will be 386MW, of which 142MW is in
        # operation": the power once a deal the text reports as concluded is counted, no forecast.
        return "actual"
    guided = in_span or (state.guidance_section and not _reported_here(r, q))
    if not guided:
        after = _GUIDE_AFTER.match(s, q.end, q.end + 80)
        nxt = r.quantities[idx + 1].start if idx + 1 < len(r.quantities) else len(s)
        # "300 MW is energized and 500 MW is scheduled for 2027": the cue is the next figure's.
        guided = after is not None and after.end() <= nxt
        if not guided and nxt < len(s) and _AND_NEXT.fullmatch(s, q.end, nxt):
            # "revenue of US$3.0–3.5 billion and 1.8 GW live capacity targeted for 2030": a participle
            # after the second of two figures joined by "and" is both figures' ("$300 million and 500 MW
            # is scheduled for 2027", a verb, is the second's only).
            second = r.quantities[idx + 1]
            shared = _GUIDE_AFTER.match(s, second.end, second.end + 80)
            after_second = r.quantities[idx + 2].start if idx + 2 < len(r.quantities) else len(s)
            if shared is not None and shared.end() <= after_second:
                words = s[second.end : shared.end()].split()
                guided = "is" not in words and "are" not in words
        if not guided and s.find(" by ", q.end, q.end + 60) >= 0:
            # "at least 72% by FY30": a fiscal year still to reach (the past is written "in FY24";
            # "reached 400 MW by fiscal 2025" is a year already reached, no target).
            by_fy = _BY_FY_AFTER.match(s, q.end, q.end + 80)
            guided = by_fy is not None and by_fy.end() <= nxt and not _BY_FY_PAST.search(s, 0, q.start)
        if not guided and q.unit == "mw":
            # "Of this, 40MW will be handed over in the fourth quarter": a delivery still to come.
            after = _WILL_AFTER.match(s, q.end, q.end + 60)
            guided = after is not None and after.end() <= nxt
            if not guided and ("will" in s or "should" in s or "'ll" in s or "’ll" in s):
                # "Capacity will be delivered in three phases of 100 MW each".
                guided = _WILL_BEFORE.search(s, _clause_span(r, q, r.quantities)[0], q.start) is not None
    if not guided:
        if (
            _RE_IT_WE_THEY.match(s, q.end, q.end + 60)
            or (
                q.unit == "mw"
                and r.folded.low[q.end : q.end + 24].lstrip().startswith(_PROMISE_STARTS)
                and _PROMISED_EARLIER.match(s, q.end, q.end + 70)
            )
        ) and s[q.end : q.end + 60].lstrip()[:1] not in (",", ";"):
            # "Revenue of $1.9 billion topped the $1.7 billion to $1.8 billion range it gave in May": a
            # figure named as the company's earlier forecast is guidance wherever it stands.
            return "guidance"
        return "actual"
    if comp:
        tail = s[q.end : q.end + 40]
        before = s[max(0, q.start - 80) : q.start]
        if (
            _OLD_GUIDANCE.search(before)
            or _RE_PREVIOUSLY.match(tail)
            or ("last" in tail and _LAST_REPORTED.match(tail) is not None)
            or _RE_IT_WE_THEY.match(tail) is not None
            or _GUIDANCE_CHANGE.search(s[: q.start])
            or _COMPARED_WITH_GUIDE.search(before) is not None
            or (
                q.high > q.low
                and idx > 0
                and r.quantities[idx - 1].high > r.quantities[idx - 1].low
                and _RANGE_FROM_BEFORE.search(before) is not None
            )
        ):
            # "expects fiscal 2027 revenue of US$2.05bn-US$2.15bn, up from US$1.85bn-US$1.95bn": a range
            # set against a forecast range is the forecast it replaces (a result is never a range).
            return "guidance"
        return "actual"
    return "guidance"


#: A bare "up from" right before a superseded range (`_kind`).
_RANGE_FROM_BEFORE: Final = re.compile(r"\b(?:up|down)\s+from\s+(?:approximately\s+|about\s+|roughly\s+)?$")


#: A superseded outlook's own words after it: "up from 30% to 35% when we last reported".
_LAST_REPORTED: Final = re.compile(
    r"\W*(?:\S+\s+){0,4}when\s+(?:we|it|they|the\s+company)\s+last\s+(?:reported|updated|spoke)\b"
)
#: A fiscal year still to reach after a figure: "72% by FY30", "$3 billion by the end of fiscal 2029".
_BY_FY_AFTER: Final = re.compile(
    r"[^,;.]{0,40}?\bby\s+(?:the\s+end\s+of\s+)?(?:FY\s?'?\d\d(?:\d\d)?|fiscal\s+(?:year\s+)?20\d\d)\b",
    re.IGNORECASE,
)
#: A past-tense verb before a figure "by FY30" (`_kind`): the year was reached, not aimed at.
_BY_FY_PAST: Final = re.compile(
    r"\b(?:reached|hit|had|was|were|achieved|ended|exited|delivered|grew|rose|increased|totaled|totalled)\b",
    re.IGNORECASE,
)


#: "will provide an additional 140 MW", "will add 60 MW": capacity a hall or a site is still to bring.
_WILL_ADD_BEFORE: Final = re.compile(
    r"(?:\b(?:will|should)|'ll|’ll)\s+(?:(?:also|now|eventually|ultimately|initially)\s+)?"
    # "will use the money to bring 150 MW online": the purpose of a raise is the same promise.
    r"(?:use\s+(?:the|its|our|their|this|that|these|part\s+of\s+the)\s+(?:new\s+)?"
    r"(?:money|proceeds|funds|funding|capital|cash|financing|raise)\s+to\s+)?"
    r"(?:provide|add|deliver|bring|supply|offer)\b[^,;]{0,60}$",
    re.IGNORECASE,
)
#: "…, with operations expected to begin in 2027": the capacity's start is still to come.
_START_LATER_AFTER: Final = re.compile(
    r"[^;.]{0,80}?\b(?:operations?|service|energi[sz]ation|deliver(?:y|ies))\s+(?:is\s+|are\s+)?"
    r"(?:expected|scheduled|slated|set|planned|due)\s+to\s+(?:begin|start|commence)\b",
    re.IGNORECASE,
)
#: A result set against the forecast named before the figure: "ahead of guidance of", "compared with
#: our outlook of", "versus the guided range of" (not "compared with 41% last year").
_COMPARED_WITH_GUIDE: Final = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|against|relative\s+to|than|below|above|short\s+of|ahead\s+of|"
    r"in\s+line\s+with|within|beat(?:ing)?|exceed(?:ed|ing)?|topp(?:ed|ing))\s+"
    r"(?:(?:its|the|a|an|our|their|company(?:'s|’s)|management(?:'s|’s)|prior|previous|earlier|initial|original|"
    r"full[\s-]year|quarterly)\s+)*(?:guidance|guide|outlook|forecast|target|guided\s+range|guidance\s+range)"
    r"(?:\s+(?:range\s+)?(?:of|for\s+[\w\s-]{1,25}?\s+of))?\s+(?:approximately\s+|about\s+|roughly\s+)?$",
    re.IGNORECASE,
)
#: The forecast noun a compared figure modifies: "vs. the 55-57% guide", "above the $80 million
#: outlook", "against its 30% full-year target".
_GUIDE_NOUN_AFTER: Final = re.compile(
    r"\s+(?:(?:full[\s-]year|annual|quarterly|fiscal|prior|previous|original|initial|company|"
    r"management)\s+)?(?:guide|guidance|guided\s+range|outlook|forecast|target|view)\b",
    re.IGNORECASE,
)


def _capacity_to_come(r: _Reading, q: Quantity) -> bool:
    """Is the deployed capacity one still to come, by a "will provide" before it or an operations
    start still expected after it?"""
    s = r.sentence
    low = r.folded.low
    if ("will" in low or "should" in low or "ll " in low) and _WILL_ADD_BEFORE.search(
        s, _clause_span(r, q, r.quantities)[0], q.start
    ):
        return True
    return ("to begin" in low or "to start" in low or "to commence" in low) and _START_LATER_AFTER.match(
        s, q.end, q.end + 160
    ) is not None


def _guide_noun_after(r: _Reading, q: Quantity, comp: bool) -> bool:
    """The figure, set against a result (`comp`, or "topped", "beat"), is the modifier of a forecast
    noun right after it."""
    if _GUIDE_NOUN_AFTER.match(r.sentence, q.end) is None:  # anchored: fails at the first word
        return False
    return comp or _GUIDE_REFERENCE.search(r.folded.low, max(0, q.start - 40), q.start) is not None


#: A clause joined after a forecast's: "…, and", "while", "; ", "and said".
_JOINED_CLAUSE: Final = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s|\s(?:while|whereas)\s|\sand\s+(?:said|says|noted|added|disclosed|reported)\s",
    re.IGNORECASE,
)
#: A relative clause that reports an agreement made, right before a figure: ", which has agreed to supply".
_AGREED_RELATIVE: Final = re.compile(
    r",\s+(?:which|who)\s+(?:has|have|had)\s+(?:already\s+)?(?:agreed|signed|contracted|committed)\s+to\s+"
    r"[a-z]+\s+(?:(?:up\s+to|approximately|about|roughly|an?\s+(?:additional|further|initial))\s+)?$",
    re.IGNORECASE,
)
#: A finite verb of a report: "had climbed to", "was energized", "stood at".
_PAST_FINITE: Final = re.compile(
    r"\b(?:was|were|had|has\s+been|have\s+been|stood|rose|grew|climbed|reached|totall?ed|ended|came\s+in|"
    r"jumped|increased|fell|declined|dropped)\b",
    re.IGNORECASE,
)
#: A present-tense report dated now: "and we have 420 MW in service today".
_PRESENT_NOW: Final = re.compile(
    r"\b(?:is|are|has|have|stands|sits)\b(?=[^,;]*\b(?:today|now|currently|at\s+present)\b)|"
    r"\b(?:today|now|currently|at\s+present)\b(?=[^,;]*\b(?:is|are|has|have|stands|sits)\b)",
    re.IGNORECASE,
)
#: The verb right after a figure that is its clause's subject: "560 MW was energized".
_SUBJECT_FIGURE_VERB: Final = re.compile(
    r"\s*(?:of\s+[\w\s-]{1,30}?)?(?:was|were|had|has|have|is|are)\s+(?:now\s+|already\s+|been\s+)*"
    r"(?!expected|projected|forecast|scheduled|planned|due|set|targeted|to\b)",
    re.IGNORECASE,
)
#: A forecast or a supposition inside the joined clause keeps it forward-looking.
_CLAUSE_FORWARD: Final = CasePattern(r"\b(?:would|could|might|may|promised|pledged|called\s+for)\b")


def _reported_apart(r: _Reading, q: Quantity, guide_spans: list[tuple[int, int]]) -> bool:
    """The figure sits in a clause joined after the forecast's, whose own finite verb reports a past
    fact ("…, and said contracted capacity had climbed to 780 MW", "… while disclosing that 560 MW
    was energized"), with no forecast word of its own."""
    s = r.sentence
    governing = max(a for a, b in guide_spans if a <= q.start < b)
    joins = list(_JOINED_CLAUSE.finditer(s, governing, q.start))
    if not joins:
        return False
    start = joins[-1].end()
    if any(start <= o.start < q.start for o in r.quantities):
        return False
    end = len(s)
    for stop in (",", ";"):
        at = s.find(stop, q.end)
        if 0 <= at < end:
            end = at
    if _FORWARD.search(r.folded, start, end) or _CLAUSE_FORWARD.search(r.folded, start, end):
        return False
    return (
        _PAST_FINITE.search(s, start, q.start) is not None
        or _SUBJECT_FIGURE_VERB.match(s, q.end, end) is not None
        or _PRESENT_NOW.search(s, start, end) is not None
    )


#: "will account for roughly", "would represent about": a customer's share still to come ("would have
#: accounted for" is a counterfactual's past, and stays out).
_FUTURE_SHARE_BEFORE: Final = re.compile(
    r"(?:\b(?:will|would)|'ll|’ll|\b(?:is|are)\s+(?:(?:now|still|also)\s+)?(?:likely|set|poised|expected|"
    r"projected|forecast|on\s+track|on\s+course|due|going)\s+to)\s+(?:(?:likely|probably|then|eventually|soon)\s+)?"
    r"(?:account\s+for|represent|make\s+up|comprise|contribute)\s+[^,;.\d]{0,25}$",
    re.IGNORECASE,
)
#: "expects gross proceeds of approximately", "expects net proceeds from the offering to be".
_EXPECTED_PROCEEDS: Final = re.compile(
    r"\bexpects?\s+(?:aggregate\s+|total\s+)?(?:gross|net)\s+proceeds\s+(?:to\s+(?:us|it)\s+)?"
    r"(?:from\s+(?:the|this|its)\s+(?:[\w-]+\s+){0,3}?offering\s+)?(?:of|to\s+be|will\s+be)\s+"
    r"(?:approximately\s+|about\s+|roughly\s+|around\s+)?$",
    re.IGNORECASE,
)
#: The passive and the receiving forms of expected proceeds: "Net proceeds are expected to be", "the net
#: proceeds from the offering are estimated at", "expects to receive net proceeds of", and the estimate's
#: clause: "Orrinth estimates that the net proceeds from the offering will be".
_PROCEEDS_EXPECTED: Final = re.compile(
    r"\b(?:(?:(?:estimates?|expects?|anticipates?|believes?)\s+that\s+(?:the\s+)?)?"
    r"(?:aggregate\s+|total\s+)?(?:gross|net)\s+proceeds\s+(?:to\s+(?:us|it|the\s+company|[A-Z][\w&.'’-]*)\s+)?"
    r"(?:(?:from|of)\s+(?:the|this|its|such)\s+(?:[\w-]+\s+){0,3}?(?:offering|placement|sale|issuance|transaction)\s+)?"
    r"(?:(?:are|is)\s+(?:currently\s+)?(?:expected|estimated|anticipated)\s+(?:to\s+(?:be|total|amount\s+to)|at)|"
    r"(?:will|would)\s+(?:be|total|amount\s+to))|"
    r"expects?\s+to\s+receive\s+(?:aggregate\s+|total\s+)?(?:gross\s+|net\s+)?proceeds\s+(?:of|totall?ing))\s+"
    r"(?:approximately\s+|about\s+|roughly\s+|around\s+)?$",
    re.IGNORECASE,
)
#: A sale not yet made: "proposed offering", "intends to offer", "plans to sell", "has launched".
_SALE_TO_COME: Final = re.compile(
    r"\b(?:proposed|intends?\s+to|plans?\s+to|proposes?\s+to|launch(?:ed|es)?|commenc(?:ed|es)|subject\s+to\s+"
    r"market)\b",
    re.IGNORECASE,
)


def _sale_just_made(r: _Reading, state: _State) -> bool:
    """Was money raised read as an actual amount in the sentence or the few before it (within the
    paragraph's reach), from a sale not still to come?"""
    for f in reversed(state.facts[-6:]):
        if f.end < r.offset - 600:
            return False
        if f.metric == "financing":
            return f.kind == "actual" and _SALE_TO_COME.search(f.evidence) is None
    return False


#: "including a fully committed $250 million PIPE": an amount already secured inside a forecast.
_COMMITTED_BEFORE: Final = re.compile(
    r"\b(?:a|an|the|including|with|of\s+which)\s+(?:fully\s+|firmly\s+|already\s+)?committed\s+$",
    re.IGNORECASE,
)


#: A verb of reported results: under an "Outlook" heading, "Revenue was $3.6 billion" is still an actual.
_PAST_REPORT: Final = CasePattern(
    r"\b(?:was|were|reported|delivered|exited|achieved|ended|closed|grew|rose|increased|generated|recorded|"
    r"posted|totaled|totalled|came\s+in|finished)\b"
)


def _reported_here(r: _Reading, q: Quantity) -> bool:
    """A past-tense report in the figure's own clause, with no forward-looking word in the sentence."""
    left = r.sentence.rfind(";", 0, q.start) + 1
    return _PAST_REPORT.search(r.folded, left, q.start) is not None and not _FORWARD.search(r.folded)


_FORWARD: Final = CasePattern(
    r"(?:\b(?:will|expect\w*|anticipat\w*|should|guid\w*|outlook|forecast\w*|target\w*|project\w*|plan\w*|"
    r"intend\w*|estimat\w*|next|upcoming|remain\w*|continu\w*)|'ll|’ll)\b"
)


#: A period leading the noun after a figure: " of Q2 ", " in fiscal 2026 ", " of FY26 ", " of 2Q25 ".
_GAP_PERIOD: Final = re.compile(
    r"\s+(?:of|in)\s+(?:(?:the\s+)?(?:fiscal\s+|FY\s?)?(?:Q[1-4]|H[12](?!\d)|[1-4]Q)(?:\s*(?:FY)?\s?'?\d{2,4})?|"
    r"(?:fiscal\s+|FY\s?'?|calendar\s+)?(?:20)?\d{2})\s+$",
    re.IGNORECASE,
)


#: A maturity year alone between a figure and its notes: " 2031 " in "$500M 2031 notes".
_MATURITY_GAP: Final = re.compile(r"\s+20\d\d\s+$")
#: A deal's size in power right before its noun (up to two words between, none "of"): ", 200 MW " in
#: "$4.1 billion, 200 MW agreement", " 240-megawatt " in "$2.3 billion from the 240-megawatt lease"
#: ("$50 million from 200 MW of leases" is revenue from capacity, not a deal's value).
_POWER_MODIFIER_GAP: Final = re.compile(
    r",?\s*(?:~|approximately\s+|about\s+|roughly\s+|up\s+to\s+)?\d[\d,.]*\s*-?\s*(?:MW|GW|megawatts?|"
    r"gigawatts?)\b,?(?=(?:\s+(?!of\b)[\w-]+){0,2}\s*$)",
    re.IGNORECASE,
)


#: An amount in another currency in brackets right after a dollar figure: "US$252.7 million (KRW 350
#: billion) of green bonds" (see `_past_converted`).
_CONVERTED_AFTER: Final = re.compile(r"\s?\([^()\d]{0,20}\d[^()]{0,25}\)")


def _past_converted(s: str, q: Quantity) -> int:
    """Where the noun phrase of a dollar figure goes on, past a conversion in brackets: "KRW 350
    billion (US$252.7 million) of green bonds" (the figure is the bracket's whole content) and
    "US$252.7 million (KRW 350 billion) of green bonds" (the other currency's amount follows it)
    name the bonds as "US$252.7 million of green bonds" does."""
    end = q.end
    if q.unit != "usd":
        return end
    if q.start and s[q.start - 1] == "(" and s.startswith(")", end):
        return end + 1
    if "(" in s[end : end + 2]:
        m = _CONVERTED_AFTER.match(s, end)
        if m is not None:
            return m.end()
    return end


def _nearest_cues(r: _Reading, q: Quantity) -> tuple[Cue | None, Cue | None]:
    """The cue written just after the quantity (same noun phrase) and the nearest one before it."""
    right: Cue | None = None
    left: Cue | None = None
    begin = -1
    for c in r.cues:
        if c.end <= q.start:
            left = c
        elif c.start >= q.end and right is None:
            if begin < 0:
                begin = _past_converted(r.sentence, q)
            gap = _PERCENT_NUMBER.sub("", r.sentence[begin : c.start])
            gap = _RE_YEAR_MULTI_YEAR.sub(" ", gap)
            if (
                c.type in ("revenue", "backlog")
                and len(gap) <= 45
                and _GAP_PUNCT.search(gap)
                and _GAP_PERIOD.match(gap)
            ):
                # "$212 million of Q2 revenue", "$1.2 billion in fiscal 2026 revenue": the period leads the
                # noun ("$212 million of 2026 notes" are notes due then, no money raised).
                gap = " "
            elif c.type == "financing" and _MATURITY_GAP.match(gap):
                # "$500M 2031 notes", "$1.0B 2031 sr. notes priced": the maturity year names the
                # issue just raised (with "of", "$212 million of 2026 notes" are notes outstanding).
                gap = " "
            elif c.type == "contract" and ("W" in gap or "watt" in gap) and _POWER_MODIFIER_GAP.search(gap):
                # "a $4.1 billion, 200 MW agreement with OpenAI", "$2.3 billion from the 240 MW lease":
                # the deal's size in power is a second modifier of the same noun, not another figure's.
                gap = _POWER_MODIFIER_GAP.sub(" ", gap)
            if len(gap) <= 45 and not _GAP_PUNCT.search(gap) and not _RE_WAS_WERE_IS.search(gap):
                right = c
            else:
                break
    if left is not None and r.sentence.find(", wh", 0, left.start) >= 0:
        left = _before_relative(r, q, left)
    return right, left


#: A customer signed to a deal: "has signed Microsoft to a 300MW lease".
_SIGNED_NAME: Final = re.compile(r"\bsigned\s+(?=[A-Z])")
_TO_A_DEAL: Final = re.compile(
    r"\s+to\s+(?:an?|its|the)\s+(?:[\w$.,-]+\s+){0,3}?(?:lease|agreement|contract|deal)\b", re.IGNORECASE
)


def _signed_to_deal(sentence: str, company: str | None) -> str | None:
    """The customer of "… has signed Microsoft to a 300MW lease", when it is not the company."""
    for m in _SIGNED_NAME.finditer(sentence):
        name = name_at(sentence, m.end())
        if not name or is_same_company(name, company) or is_generic(name):
            continue
        at = sentence.find(name, m.end())
        if at >= 0 and _TO_A_DEAL.match(sentence, at + len(name)):
            return name
    return None


#: A question on a deal's power (lower-cased): "the 300-megawatt agreement", "300 MW lease".
_MW_DEAL_ASKED: Final = re.compile(
    r"(?:megawatts?|gigawatts?|mw|gw)\b[\s-]*(?:[a-z-]+\s+){0,2}(?:agreements?|contracts?|leases?|deals?)\b"
)
#: The estimated net proceeds of an offering, before the amount: "the net proceeds from the offering will
#: be approximately", "net proceeds from this offering are expected to be".
_NET_PROCEEDS_BEFORE: Final = re.compile(
    r"\bnet\s+proceeds\s+(?:from|of)\s+(?:the|this)\s+offering\s+(?:will\s+be|are\s+expected\s+to\s+be|"
    r"to\s+be)\s+(?:approximately\s+|about\s+|roughly\s+)?$",
    re.IGNORECASE,
)


def _priced_net_proceeds(r: _Reading, q: Quantity, state: _State) -> bool:
    """Are these an offering's estimated net proceeds in a text that reports the offering priced?"""
    if r.folded.low.find("net proceeds", max(0, q.start - 70), q.start) < 0:
        return False
    if _NET_PROCEEDS_BEFORE.search(r.sentence, max(0, q.start - 70), q.start) is None:
        return False
    # ("Priced", "PRICING OF": the letters after the first are enough.)
    return state.text.find("riced", 0, r.offset) >= 0 or state.text.find("ricing of", 0, r.offset) >= 0


#: "growth over fiscal 2026 revenue", "growth on last year's revenue", "growth from 2025 revenue" after a
#: percentage (lower-cased): the base year's revenue the growth is measured on.
_GROWTH_OVER_BASE: Final = re.compile(
    r" growth (?:over|on|from|versus|vs\.?) (?:the )?(?:(?:fiscal |fy)?(?:20)?\d\d|last year['’]s|"
    r"the prior year['’]s|prior[\s-]year|last[\s-]year|(?:the )?previous year['’]s) (?:total )?$"
)


def _growth_over_revenue(r: _Reading, q: Quantity) -> Cue | None:
    """The revenue cue of "N% growth over fiscal 2026 revenue" (the base year's revenue named right after
    the growth), else None."""
    cue = next((c for c in r.cues if c.type == "revenue" and q.end < c.start <= q.end + 45), None)
    if cue is None or _GROWTH_OVER_BASE.fullmatch(r.folded.low, q.end, cue.start) is None:
        return None
    return cue


def _year_after_base(r: _Reading, q: Quantity, state: _State) -> tuple[str, Period] | None:
    """For "N% growth over fiscal 2026 revenue": the year after the base year named, and whether it is
    still running in the document's period (guidance) or over (actual); None without a named base year."""
    cue = _growth_over_revenue(r, q)
    if cue is None:
        return None
    base = next(
        (p for m, p, _c in r.mentions if p is not None and p.kind == "FY" and q.end <= m.start < cue.start),
        None,
    )
    if base is None:
        return None
    year = Period("FY", 0, base.year + 1)
    ctx = state.context
    running = ctx is not None and ctx.kind != "FY" and ctx.year == year.year
    return ("guidance" if running else "actual"), year


#: A name, then an appositive of its role as a customer: "Microsoft, the anchor tenant at Midland, ".
_NAME_THE_ROLE: Final = re.compile(
    r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3},\s+the\s+(?:[\w-]+\s+){0,3}(?:tenant|customer|client)\b[^,;]{0,50},\s"
)
#: Between a deal's first measure and its second: " and covering about ", " and spanning ", " and for ".
_SAME_DEAL_AND: Final = re.compile(
    r",?\s+and\s+(?:covering|covers|spanning|spans|totaling|totalling|for)\s+"
    r"(?:(?:about|approximately|roughly|up\s+to|some|nearly)\s+)?"
)


def _deal_party_before(r: _Reading, k: int, company: str | None) -> str | None:
    """The party named with a deal before the k-th figure, in its clause: "an agreement with Meta worth
    $3.1 billion"."""
    s = r.sentence
    left = _clause_span(r, r.quantities[k], r.quantities)[0]
    found = None
    for m in _RE_WITH_TO_FROM.finditer(s, left, r.quantities[k].start):
        name = name_at(s, m.end())
        if name and not is_same_company(name, company) and not is_backer(s, m.end()):
            found = name
    if found is None or _AGREEMENT_WITH.search(s, left, r.quantities[k].start) is None:
        return None
    return found


def _before_unit_of_other(r: _Reading, q: Quantity, left: Cue) -> Cue | None:
    """The cue before `left` when `left` ("per share") is the unit of another amount written right before
    it; `left` itself otherwise."""
    if not any(o is not q and o.end <= left.start <= o.end + 1 for o in r.quantities):
        return left
    return next((c for c in reversed(r.cues) if c.end <= left.start), None)


def _before_relative(r: _Reading, q: Quantity, left: Cue) -> Cue | None:
    """ "Adjusted gross margin, which excludes stock-based compensation, was 64.0%": the noun before a
    relative clause names the figure after it, not the clause's own words."""
    s = r.sentence
    opening = s.rfind(", wh", 0, left.start)
    close = s.find(",", left.end, q.start)
    if (
        close < 0
        or s.find(",", opening + 1, left.start) >= 0
        or not _RELATIVE_OPEN.match(s, opening)
        or not _RELATIVE_THEN_VERB.match(s, close, q.start)
        or any(opening < o.start < q.start for o in r.quantities)
    ):
        return left
    return next((c for c in reversed(r.cues) if c.end <= opening), None)


#: "By my math", "on my numbers", "my back-of-the-envelope estimate puts": a writer's own arithmetic.
_MY_ARITHMETIC: Final = re.compile(
    r"\b(?:by|on|per|from|in)\s+my\s+(?:own\s+)?(?:math|maths|count|calculations?|reckoning|numbers|"
    r"arithmetic|estimates?|back[\s-]of[\s-]the[\s-]envelope)\b|"
    r"\bmy\s+(?:own\s+)?(?:[\w-]+\s+)?(?:math|maths|calculations?|arithmetic|estimates?)\s+(?:says?|puts?|suggests?|shows?|"
    r"implies|gives?)\b|"
    # "My bet, for what it's worth: Pellworth crosses 1 GW contracted by next summer": a guess.
    r"\bmy\s+(?:own\s+|early\s+|bold\s+|(?:20\d\d|next[\s-]year)\s+)?(?:bet|guess|prediction|hunch|wager)s?\b|"
    r"\bI\s+(?:bet|predict|wager)\b",
    re.IGNORECASE,
)
#: "beat our $590m", "above our 40.0%": the note's own estimate set against the company's figure.
_OWN_ESTIMATE_BEFORE: Final = re.compile(
    r"\b(?:beat|beats|beating|topped|tops|missed|misses|above|below|ahead\s+of|short\s+of|vs\.?|versus|than|"
    r"against)\s+(?:our|my)\s+(?:(?:own\s+)?(?:estimate|forecast|model|number)s?\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
#: "FY27 guidance lifted to $1.10-1.15bn": a dollar outlook with no metric noun is the revenue outlook.
_OUTLOOK_MONEY_BEFORE: Final = re.compile(
    r"\b(?:outlook|guidance|guide|forecast)(?:\s+(?:is\s+|was\s+)?(?:raised|lifted|increased|boosted|cut|lowered|"
    r"reduced|trimmed|narrowed|reiterated|maintained|now|set))?(?:\s+(?:to|of|at)|\s*:)\s*"
    r"(?:approximately\s+|about\s+|~)?$",
    re.IGNORECASE,
)


def _may_be_outlook(low: str) -> bool:
    """Cheap test before `_OUTLOOK_MONEY_BEFORE`: an outlook noun somewhere in the sentence."""
    return "outlook" in low or "guid" in low or "forecast" in low


def _added_to_revenue(r: _Reading, q: Quantity, revenue: Cue) -> bool:
    """ "add about $300 million to annual revenue": an amount added to the revenue noun after it."""
    start = max(0, q.start - 40)
    return (
        r.folded.low.find("add", start, q.start) >= 0
        and _ADD_BEFORE.search(r.sentence, start, q.start) is not None
        and _TO_REVENUE_AFTER.match(r.sentence, q.end, revenue.end) is not None
    )


#: "could add about", "will add an incremental": the verb of an increment before its amount.
_ADD_BEFORE: Final = re.compile(
    r"\badd(?:s|ed|ing)?\s+(?:an?\s+(?:additional|incremental|further)\s+)?(?:approximately\s+|about\s+|roughly\s+|"
    r"around\s+|some\s+|up\s+to\s+|more\s+than\s+|over\s+|nearly\s+|as\s+much\s+as\s+)?$",
    re.IGNORECASE,
)
#: "… to annual revenue", "… a year to revenue", "… to Halvern's revenue": where the increment goes.
_TO_REVENUE_AFTER: Final = re.compile(
    r"\s+(?:(?:a|per)\s+year\s+|annually\s+|of\s+\w+\s+)?to\s+(?:[\w'’-]+\s+){0,3}?(?:revenues?|sales|top[\s-]line)",
    re.IGNORECASE,
)
_CHANGE_IN_BEFORE: Final = re.compile(
    r"\b(?:increases?|decreases?|rise|declines?|growth|change|improvement|drop|reduction|shortfall)\s+in\s+"
    r"(?:(?:our|its|the|total|net|quarterly|annual)\s+)*$",
    re.IGNORECASE,
)
_DIFFERENCE_AFTER: Final = re.compile(r"\s*(?:higher|lower|more|less)\b(?!\s+than\s+expected)", re.IGNORECASE)
#: A measure of its own named right before a dollar figure after the revenue's: "with hardware profit(2)
#: of", "and a mining margin of" ("gross profit" and "operating income" are cues of their own).
_OTHER_MEASURE_BEFORE: Final = re.compile(
    r"\b(?:profits?|margins?|contributions?|surplus)\s*(?:\(\d\)|\d)?\s*(?:of|was|were|is|at|totall?ed|"
    r"amounted\s+to|came\s+in\s+at|reached|:)\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+|~)?$",
    re.IGNORECASE,
)
#: A beat or a miss after a second amount: "about $60mn above the top end of its own range", "$12 million
#: ahead of consensus", "$5 million short of the midpoint of guidance".
_BEAT_AFTER: Final = re.compile(
    r"\s+(?:above|below|ahead\s+of|short\s+of|shy\s+of|over|under|better\s+than|worse\s+than|beyond)\s+"
    r"(?:(?:the|its|our|their|his|her|own|prior|previous|guided|initial|original|company(?:'s|’s)|"
    r"management(?:'s|’s)|street(?:'s|’s)?|analysts?(?:'|’|'s|’s)?)\s+)*"
    r"(?:(?:top|high|upper|low|lower|bottom)[\s-]end|mid-?point|guidance|guide|consensus|estimates?|"
    r"expectations?|outlook|forecast|range|street|target)\b",
    re.IGNORECASE,
)
#: A customer's share of revenue in dollars, its verb right before the figure: "which accounted for
#: $245.3 million of our revenue", "represented approximately $80 million of revenue".
_SHARE_VERB_GAP: Final = re.compile(
    r"\s+(?:(?:approximately|about|roughly|nearly|some|almost|over|more\s+than|less\s+than|just\s+over|"
    r"just\s+under)\s+)?"
)

#: Between a customer's dollars and the revenue they are part of: " of our ", " of total " (the value
#: of leases "represent about $4.1 billion in revenue" over their term is no one's part of a whole).
_OF_WHOLE: Final = re.compile(
    r"\s+of\s+(?:(?:our|its|their|the|total|net|consolidated|company(?:'s|’s)|group(?:'s|’s))\s+)*",
    re.IGNORECASE,
)


def _second_amount(r: _Reading, q: Quantity, cue: Cue, left: Cue | None) -> bool:
    """Is a dollar figure under a revenue cue the amount of another measure? A profit or margin named
    before it, or a beat after it, once the revenue's own figure is written ("Bitcoin mining revenue of
    $38.7 million, with hardware profit of $21.0 million"); a customer's share of revenue in dollars
    ("Microsoft, which accounted for $245.3 million of our revenue")."""
    s = r.sentence
    if (
        left is not None
        and left.type == "concentration"
        and cue.start >= q.end
        and _SHARE_VERB_GAP.fullmatch(s, left.end, q.start) is not None
        and _OF_WHOLE.fullmatch(s, q.end, cue.start) is not None
    ):
        return True
    if cue.end > q.start or not any(
        o.unit == "usd" and cue.end <= o.start and o.end <= q.start for o in r.quantities
    ):
        return False
    low = r.folded.low
    if ("profit" in low or "margin" in low or "contribution" in low or "surplus" in low) and (
        _OTHER_MEASURE_BEFORE.search(s, max(cue.end, q.start - 40), q.start) is not None
    ):
        return True
    return _BEAT_AFTER.match(s, q.end) is not None


_MILESTONE_BEFORE: Final = re.compile(
    r"\b(?:crossed|passed|surpassed|topped|exceeded|broke|broken|hit|reached|cleared)\s+(?:through\s+|the\s+)?"
    r"(?:(?:more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
#: A condition's dollar thresholds: "(vest) as cumulative payments reach $1 billion, $2 billion and".
_THRESHOLD_BEFORE: Final = re.compile(
    r"\b(?:as|when|once|if|until|upon)\s+(?:[^.;]|\.\d){0,80}?(?P<v>\b(?:reach(?:es)?|exceeds?|surpass(?:es)?|"
    r"hits?|cross(?:es)?|tops?)\s+(?:more\s+than\s+)?)?(?:(?:US\$|USD\s?|\$)\s?[\d.,]+\s*"
    r"(?:million|billion|bn|m|[MB])?(?:,\s*|,?\s+and\s+|,?\s+or\s+))*$",
    re.IGNORECASE,
)
_THRESHOLD_VERB: Final = re.compile(r"(?:exceeds?|surpass(?:es)?|tops?|cross(?:es)?)\b", re.IGNORECASE)


def _threshold(s: str, q: Quantity) -> bool:
    """A dollar figure a condition must reach ("as cumulative payments reach $1 billion, $2 billion")."""
    m = _THRESHOLD_BEFORE.search(s, max(0, q.start - 160), q.start)
    if m is None:
        return False
    # The verb is before the figure ("reach $1 billion") or read into it ("exceeds $500 million").
    return m.group("v") is not None or _THRESHOLD_VERB.match(s, q.start) is not None


#: A deal's size in power right before its noun: "the new 300 MW " in "with the new 300 MW lease".
_POWER_BEFORE_NOUN: Final = re.compile(
    r"(?:~|approximately\s+|about\s+|roughly\s+|up\s+to\s+)?\d[\d,.]*\s*-?\s*(?:MW|GW|megawatts?|"
    r"gigawatts?),?\s+$",
    re.IGNORECASE,
)
#: An amount told as a part of the backlog before it: "The backlog includes $2.3 billion from …",
#: "RPO of $9.8 billion, including a $4.1 billion agreement", "…, of which $3 billion relates to …".
_PART_OF_BEFORE: Final = re.compile(r"\b(?:includ(?:es|ed|ing)|of\s+which|comprising)\b", re.IGNORECASE)
#: "now with this deal", "after the new contract": the agreement that changed the figure's balance.
_WITH_THIS_BEFORE: Final = re.compile(
    r"\b(?:with|after|including|from|"
    # "raised its revenue outlook to $1.3 billion on a new lease with Meta": what lifted the outlook.
    r"on|following|thanks\s+to|driven\s+by|helped\s+by|due\s+to|because\s+of)\s+"
    r"(?:this|that|the|these|our|its|their|an?)\s+(?:new\s+|latest\s+)?$",
    re.IGNORECASE,
)
#: "all-stock transaction valued at", "a cash deal": the noun of a purchase, as M&A news writes it.
_MA_DEAL: Final = re.compile(r"\b(?:transaction|deal)\b", re.IGNORECASE)
_ACQUISITION: Final = re.compile(
    r"\b(?:acquir(?:e|es|ed|ing)|acquisition|merger|merge|takeover)\b", re.IGNORECASE
)


def _purchase_price(s: str, cue: Cue) -> bool:
    """Is the deal noun before the figure a purchase ("to acquire Tamsin in a cash deal valued at"),
    the buying verb in the same clause?"""
    deals = list(_MA_DEAL.finditer(s, max(0, cue.start - 40), cue.end))
    if not deals:
        return False
    at = deals[-1].start()
    buys = list(_ACQUISITION.finditer(s, max(0, at - 90), at))
    return bool(buys) and not _COMMA_OR_SEMI.search(s, buys[-1].end(), at)


#: "a tax abatement", "an incentive package", "state grants" written just before "valued at" / "worth".
_PUBLIC_AID_BEFORE: Final = re.compile(
    r"\b(?:abatements?|incentives?|grants?|subsid(?:y|ies)|tax\s+credits?|rebates?|tax\s+exemptions?)"
    r"(?:\s+(?:package|programs?|agreements?))?,?\s+$",
    re.IGNORECASE,
)
#: An award of pay before "valued at": "a grant of restricted stock units", "options", "a retention bonus"
#: (no agreement, contract or order named between).
_PAY_AWARD_BEFORE: Final = re.compile(
    r"\b(?:grants?|awards?|restricted\s+stock|RSUs?|PSUs?|stock\s+options?|options|performance\s+(?:share|stock)\s+units|"
    r"bonus|compensation|pay\s+package)\b(?:(?!agreement|contract|deal|lease|order)[^.;]){0,60}$",
    re.IGNORECASE,
)
_PAY_AWARD_WORDS: Final = (
    "grant",
    "award",
    "restricted",
    "rsu",
    "psu",
    "option",
    "bonus",
    "compensation",
    "pay ",
)
_PUBLIC_AID_WORDS: Final = ("abatement", "incentive", "grant", "subsid", "tax credit", "rebate", "exemption")
#: Between "committed to purchase" and its amount: nothing, or a bound ("at least") the figure may not hold.
_PURCHASE_GAP: Final = re.compile(
    r"\s+(?:(?:at\s+least|a\s+minimum\s+of|up\s+to|an\s+additional|a\s+further|approximately|about|roughly)\s+)?",
    re.IGNORECASE,
)
#: A purchase of securities, not of products: "… $200 million of its common stock".
_SECURITIES_AFTER: Final = re.compile(
    r"\s+(?:of|in)\s+(?:(?:the|its|our|their|company's|new|additional)\s+)*(?:(?-i:[A-Z][\w&.'’-]*)\s+){0,3}?"
    r"(?:common|class|ordinary|preferred|"
    r"shares|stock|notes|bonds|debentures|units|warrants|convertible|senior|equity|securities)\b",
    re.IGNORECASE,
)
_UPFRONT_AFTER: Final = re.compile(r"\s*(?:up[\s-]?front|in\s+advance)\b", re.IGNORECASE)
#: "prepaid", "an advance payment of", "deposited": a payment in advance named before the amount.
_PREPAID_BEFORE: Final = re.compile(
    r"\b(?:prepa(?:id|ys?|ying)|prepayments?\s+of|(?:advance|up[\s-]?front)\s+payments?\s+of|deposit(?:ed|s)?"
    r"(?:\s+of)?|advanced)\s+(?:(?:approximately|about|roughly|an?\s+(?:additional|further))\s+)?$",
    re.IGNORECASE,
)
#: The same with the amount in brackets after the payment's noun: "a 25% prepayment (c. US$650 mn)",
#: "an upfront payment equal to 20% of the contract value ($520 million)".
_PREPAID_BRACKET: Final = re.compile(
    r"\b(?:prepayments?|(?:advance|up[\s-]?front)\s+payments?|deposits?)(?:\s+(?:of|equal\s+to)\s+"
    r"\d{1,3}(?:\.\d+)?\s*%(?:\s+of\s+the\s+(?:total\s+)?(?:contract\s+)?(?:value|total|price))?)?\s*\(\s*$",
    re.IGNORECASE,
)
#: The same named after it: "a $300 million prepayment", "$300 million in advance payments".
_PREPAID_AFTER: Final = re.compile(
    r"\s+(?:in\s+)?(?:prepayments?|(?:advance|up[\s-]?front)\s+payments?|deposits?)\b", re.IGNORECASE
)


#: From "fees" to the figure: " payable by Lumora over the initial term are expected to be approximately ".
_TERM_FEES: Final = re.compile(
    r"\s+payable\b[^.;$]{0,60}?\b(?:over|during|for)\s+(?:the|its)\s+(?:[\w-]+\s+)?term\b[^.;$\d]{0,50}$",
    re.IGNORECASE,
)


#: A named party's payments over an agreement's term before the amount: "Total committed payments by Meta
#: over the initial term are expected to be", "aggregate fees payable by Orrin under the Agreement of".
_PARTY_TERM_PAYMENTS: Final = re.compile(
    r"\b(?:payments|fees|consideration)\s+(?:payable\s+|to\s+be\s+paid\s+|due\s+)?(?:by|from)\s+"
    r"(?P<payer>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:over|during|under|for)\s+(?:the|its)\s+"
    r"(?:(?:initial|full|base|entire|[\w-]+-year)\s+)?(?:term|agreement|contract)\b[^.;$\d]{0,50}$"
)


def _party_term_payments(r: _Reading, q: Quantity, party: str) -> bool:
    """Is the amount what the party of the agreement named before pays over its term
    (`_PARTY_TERM_PAYMENTS`)? With no such agreement, "fees payable by Orvik over the initial term" may
    be anyone's."""
    low = r.folded.low
    lo = max(0, q.start - 150)
    if (low.find("payments", lo, q.start) < 0 and low.find("fees", lo, q.start) < 0) or (
        low.find("term", lo, q.start) < 0 and low.find("agreement", lo, q.start) < 0
    ):
        return False
    m = _PARTY_TERM_PAYMENTS.search(r.sentence, lo, q.start)
    if m is None:
        return False
    payer = m.group("payer")
    return payer in party or is_same_company(payer, party)


def _term_fees(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """The fees a customer pays over an agreement's term, the agreement named earlier in the sentence."""
    return (
        r.folded.low.find("payable", cue.end, q.start) >= 0
        and _TERM_FEES.match(r.sentence, cue.end, q.start) is not None
        and any(c.type == "contract" and c.end <= cue.start for c in r.cues)
    )


def _prepaid(r: _Reading, q: Quantity) -> bool:
    """Is the amount a payment in advance under an agreement (by the word before or after it)?"""
    low = r.folded.low
    window = low[max(0, q.start - 80) : q.end + 30]
    if (
        "prepa" not in window
        and "payment" not in window
        and "deposit" not in window
        and "advance" not in window
    ):
        return False
    return (
        _PREPAID_BEFORE.search(r.sentence, max(0, q.start - 40), q.start) is not None
        or _PREPAID_AFTER.match(r.sentence, q.end) is not None
        or (
            "(" in r.sentence[max(0, q.start - 3) : q.start]
            and _PREPAID_BRACKET.search(r.sentence, max(0, q.start - 80), q.start) is not None
        )
    )


_REPAY_BEFORE: Final = Screened(
    re.compile(
        r"\b(?:repay|repaid|repaying|repayment\s+of|pay\s+down|paid\s+down|paying\s+down|redeem|redeemed|redeeming|"
        r"retire|retired|prepay|prepaid)\s+(?:in\s+full\s+)?"
        # "Repaid the remaining $42 million outstanding", "to repay the entire outstanding $120 million".
        r"(?:(?:the|all|approximately|about|its|our|their|remaining|outstanding|entire|full|aggregate|total|"
        r"principal|balance|amount|of|an?)\s+)*$",
        re.IGNORECASE,
    )
)
#: A term of a facility that is no money raised, written right after the figure: "a $150,000,000
#: sublimit for letters of credit", "a $50 million swingline sub-limit", "$25 million letter of credit
#: sub-facility", or "… of which may be used for letters of credit".
_SUBLIMIT_AFTER: Final = re.compile(
    r"\s+(?:[\w-]+\s+){0,4}?(?:sub-?\s?limits?|sub-?facilit(?:y|ies)|swing[\s-]?line\s+(?:loans?|sub))\b|"
    r"\s+(?:of\s+which\s+)?(?:(?:may|can|will|is|are)\s+(?:be\s+)?)?(?:available|used|usable|utili[sz]ed|reserved)\s+"
    r"for\s+(?:the\s+)?(?:issuance\s+of\s+)?(?:standby\s+)?(?:letters?\s+of\s+credit|swing[\s-]?line)",
    re.IGNORECASE,
)
#: The same written before it: "a sublimit for letters of credit of up to $150 million", "swingline
#: loans not to exceed $50 million" (no other figure between).
_SUBLIMIT_BEFORE: Final = re.compile(
    r"\b(?:sub-?\s?limits?|sub-?facilit(?:y|ies)|swing[\s-]?line(?:\s+(?:loans?|facility|commitments?))?)\b"
    r"[^.;$\d]{0,50}$",
    re.IGNORECASE,
)
#: An uncommitted increase the borrower may ask for (an accordion), written before its ceiling: "may
#: request increases in the commitments … by up to $500,000,000", "an accordion feature of up to $250
#: million", "has the option to upsize the facility by $300 million", "expandable to $1.5 billion".
_ACCORDION_BEFORE: Final = re.compile(
    r"\b(?:accordion|uncommitted|"
    r"(?:may|can|could|(?:will\s+be\s+|is\s+|are\s+)?(?:able|permitted|entitled)\s+to|(?:the\s+|an\s+)?(?:option|right|"
    # (An aside may stand between: "may, subject to lender consent, request increases".)
    r"ability)\s+to)(?:\s*,[^,;]{1,50},)?\s+(?:request\s+(?:an?\s+|to\s+)?|elect\s+to\s+|seek\s+(?:to\s+)?|further\s+)?"
    r"(?:increases?|upsize|expand|enlarge|add)|"
    r"(?:may|can|could)\s+(?:be\s+)?(?:further\s+)?(?:increased|upsized|expanded|enlarged)|"
    r"expandable|upsizable|increas(?:e)?able)\b[^.;]{0,100}$",
    re.IGNORECASE,
)
#: An accordion already used: "exercised the accordion, adding $200 million of commitments".
_ACCORDION_USED: Final = re.compile(
    r"\b(?:exercis(?:ed|es|ing)|activated|triggered|added|adding|upsized|obtained|secured|closed|received|"
    r"drew|increased)\b",
    re.IGNORECASE,
)
#: Screens for `_facility_term`: one of these is in every match of its patterns.
_FACILITY_TERM_WORDS: Final = (
    "sub", "swing", "letter", "accordion", "uncommitted", "increas", "upsiz", "expand", "enlarg", " add",
)  # fmt: skip


def _facility_term(r: _Reading, q: Quantity) -> bool:
    """Is the amount a term of a facility rather than money raised: a letter-of-credit or swingline
    sublimit ("includes a $150,000,000 sublimit for letters of credit") or the ceiling of an uncommitted
    increase, an accordion ("may request increases in the commitments by up to $500,000,000")? An
    accordion already exercised ("exercised the accordion, adding $200 million of commitments") and a
    facility upsized ("upsized the facility by $250 million") are money raised."""
    low = r.folded.low
    lo = max(0, q.start - 140)
    if not any(low.find(w, lo, q.end + 80) >= 0 for w in _FACILITY_TERM_WORDS):
        return False
    s = r.sentence
    if _SUBLIMIT_AFTER.match(s, q.end) or _SUBLIMIT_BEFORE.search(s, max(0, q.start - 70), q.start):
        return True
    m = _ACCORDION_BEFORE.search(s, lo, q.start)
    return m is not None and _ACCORDION_USED.search(s, m.start(), q.start) is None


_ORDER_TOTAL: Final = re.compile(
    r"\borders\s+(?:were|was|totaled|totalled|reached|rose|grew|increased|came\s+in|hit)\b|"
    r"\b(?:record|total|quarterly|new|net)\s+orders\b",
    re.IGNORECASE,
)
#: "sold 1,150 BTC during the month for proceeds of $124.6 million": an asset sold, not securities.
_ASSET_SALE: Final = re.compile(
    r"\b(?:sold|sale\s+of|selling|disposed\s+of|disposal\s+of)\s+(?!(?:(?:approximately|about|an\s+aggregate\s+of)\s+)?"
    r"(?:[\d,.]+\s+(?:million\s+|billion\s+)?)?(?:of\s+)?(?:our\s+|its\s+|new\s+)?(?:shares|stock|notes|bonds|debentures|units|"
    r"warrants|equity|common|preferred|ordinary|class|series|convertible|senior|\$|US\$|USD))",
    re.IGNORECASE,
)
_PROCEEDS_USE: Final = re.compile(
    r"\s+of\s+(?:the|its|our|such|these)\s+(?:net\s+|gross\s+)?proceeds\b", re.IGNORECASE
)
_USE_TO: Final = re.compile(
    r"\s+(?:will\s+be\s+used\s+)?(?:to|for)\s+(?:repay|redeem|repurchase|fund|pay|purchase|settle|retire|prepay)\b",
    re.IGNORECASE,
)
_USE_OF_PROCEEDS: Final = re.compile(
    r"\b(?:use|used|using|apply|applied)\b[^;]{0,80}?\bproceeds\b|\bproceeds\b[^;]{0,60}?\b(?:use|used|apply)\b|"
    # "It intends to use about $120 million to pay for …, about $300 million to repay …": the money to
    # be used is the figure itself (no raising verb in between).
    r"\b(?:use|uses|used|using|apply|applies|applied|allocate[sd]?|earmark(?:s|ed)?|devote[sd]?|set\s+aside)\b"
    r"(?:(?!\b(?:rais|borrow|issu|sell|sold|offer)\w*)[^;]){0,120}$",
    re.IGNORECASE,
)
_COVENANT_BEFORE: Final = re.compile(
    r"\b(?:default\w*|cross[\s-]default|accelerat\w*)\s+(?:on|under|of|in)\b[^.;]{0,60}$", re.IGNORECASE
)
#: "would reduce our annual revenue by", "could lower backlog by up to": what a change would do, no amount.
_SENSITIVITY_BEFORE: Final = re.compile(
    r"\b(?:would|could|might|may)\s+(?:have\s+)?(?:(?:increase|decrease|reduce|raise|change)d?|lower(?:ed)?)\b"
    r"[^.;]{0,100}\bby\s+(?:approximately\s+|about\s+|roughly\s+|up\s+to\s+|as\s+much\s+as\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)
#: Also a spending plan raised: "2026 capex raised to ~$3B", "capital expenditure budget was raised to".
_OUTLOOK_NOUN_BEFORE: Final = re.compile(
    r"\b(?:outlook|guidance|guide|forecast|targets?|estimates?|view|capex|capital\s+(?:expenditures?|spending)|"
    r"(?:spending|capex|investment)\s+(?:plan|budget)|budget)\s+(?:is\s+|was\s+|were\s+|are\s+|has\s+been\s+)?$",
    re.IGNORECASE,
)


#: "we'd grow revenue more than 65%", "expect to increase total revenue by 30%": the verb comes first.
_GROW_BEFORE: Final = re.compile(
    r"\b(?:grow|grows|grew|growing|increase|increases|increased|increasing|expand|expands|expanded|expanding)\s+"
    r"(?:(?:our|its|their|the|company's)\s+)?$",
    re.IGNORECASE,
)
_BY_ONLY: Final = re.compile(r"\s*(?:by\s+)?")
#: The dash after a leading figure, then at most the company's name: "+14% — Pellucid ", "−22% – Corvid's ".
#: After "stock": the market's own nouns ("stock market", "stock indexes", "stock futures").
_MARKET_NOUNS: Final = (" market", " index", " indexes", " indices", " futures", " exchange", " averages")
#: A preposition of circumstance between a move and a blocking word after it: "in the", "amid a",
#: "on concerns about".
_CIRCUMSTANCE_GAP: Final = re.compile(
    r"\b(?:in|amid|amidst|during|alongside|with|on|despite|following|to|over|for)\s+"
    r"(?:(?:an?|the|this|that|today's|today’s|a\s+broad)\s+)?"
    r"(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
_FIGURE_FIRST_GAP: Final = re.compile(r"\s*[—–-]\s*(?:[A-Z][\w.&-]*(?:'s|’s)?\s+){0,3}")
_WITH_VOLUME: Final = re.compile(
    r"[^.;,]{0,40}?\bwith\s+an?\s+(?:total\s+|aggregate\s+)?volume", re.IGNORECASE
)


_SEGMENT_SUBJECT: Final = Screened(
    re.compile(
        r"\b(?:end[\s-]markets?|segments?|divisions?|product\s+(?:lines?|categor\w+)|geograph\w*|regions?|"
        r"business\s+(?:lines?|units?)|verticals?|international|(?:North|South)\s+America|Europe|EMEA|APAC|Asia)\b",
        re.IGNORECASE,
    )
)


#: An aside that describes the noun before it: "The order backlog, meaning contracted but not yet
#: recognised revenue, stood at", "Our lease backlog, reflecting minimum rents under signed contracts,
#: was", "Gross margin, excluding depreciation costs, was".
_DEFINING: Final = re.compile(
    r",\s+(?:meaning|i\.e\.,?|that\s+is,|defined\s+as|namely|representing|reflecting|consisting\s+of|"
    r"comprising|made\s+up\s+of|excluding|including|net\s+of)\s",
    re.IGNORECASE,
)


#: A customer named by letter lending to the company: "Customer A, …, has also provided us".
_CUSTOMER_LENT: Final = re.compile(
    r"\b(?P<c>(?:Customer|Client)\s+[A-Z0-9])\b[^;.]{0,120}?\b(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
    r"(?:provided|lent|loaned|extended|made|granted)\s+(?:us|the\s+company)\b"
)
#: A trailing participle saying who rents live power: ", mostly leased to two smaller GPU clouds".
_LEASED_TAIL: Final = re.compile(
    r",\s+(?:(?:mostly|mainly|largely|primarily|partly|all|fully|nearly\s+all|substantially\s+all|much\s+of\s+it|"
    r"most\s+of\s+it)\s+)?(?:leased|contracted|rented|let)\s+to\b",
    re.IGNORECASE,
)
#: A live-capacity head noun right before the figure, in its clause: "operational HPC capacity remains
#: about", "energized capacity of", "active power stands at".
_LIVE_HEAD_BEFORE: Final = re.compile(
    r"\b(?:operational|operating|energi[sz]ed|live|active|in[\s-]service|online|on-line)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:capacity|power|load|footprint)\s+(?:(?:remains?|stands?|stood|is|was|were|of|at|totall?ed|reached|"
    r"now|still)\s+){0,3}(?:about|approximately|roughly|around|nearly|some|over|more\s+than)?\s*$",
    re.IGNORECASE,
)
#: Money the company must still find: "will need to raise", "has yet to raise", "must raise".
_NEED_TO_RAISE: Final = re.compile(
    r"\b(?:needs?|needed|needing|must|(?:has|have|had)\s+(?:yet\s+)?to|yet\s+to|still\s+to)\s+(?:still\s+)?(?:to\s+)?$",
    re.IGNORECASE,
)
#: The head noun's own phrase ends in a preposition before the contract word: "Remaining performance
#: obligations under our HPC leases totaled", "backlog from signed contracts was".
_HEAD_OF_CONTRACT: Final = re.compile(
    r"\s+(?:under|from|on|for|in|tied\s+to|related\s+to|attributable\s+to)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
#: Collateral named before the contract word: "secured by GPUs and the customer contracts they serve".
_COLLATERAL_BEFORE: Final = re.compile(
    r"\b(?:secured|backed|collaterali[sz]ed)\s+by\b[^;.$]{0,60}$", re.IGNORECASE
)
#: A deal word whose modifier names debt: "a private credit deal", "a debt deal", "a financing agreement".
_DEBT_DEAL_BEFORE: Final = re.compile(r"\b(?:credit|debt|loan|lending|financing|funding)\s+$", re.IGNORECASE)


def _head_over_contract(r: _Reading, q: Quantity, cue: Cue) -> Cue:
    """A contract word to the figure's left that only qualifies another noun: the noun heading its
    phrase names the figure ("Remaining performance obligations under our leases totaled $8 billion"
    is backlog), and contracts pledged as collateral ("a term loan, secured by GPUs and the customer
    contracts they serve; $800 million had been drawn") leave the loan before them."""
    s = r.sentence
    low = r.folded.low
    if "secured by" in low or "backed by" in low or "collaterali" in low:
        marker = _COLLATERAL_BEFORE.search(s, max(0, cue.start - 70), cue.start)
        if marker is not None:
            head = next((c for c in reversed(r.cues) if c.end <= marker.start()), None)
            if head is not None and head.type == "financing":
                return head
    head = next((c for c in reversed(r.cues) if c.end <= cue.start), None)
    if (
        head is not None
        and head.type == "backlog"
        and cue.start - head.end < 50
        and _HEAD_OF_CONTRACT.match(s[head.end : cue.start]) is not None
    ):
        return head
    return cue


def _debt_deal(s: str, cue: Cue) -> bool:
    """ "raised $2.1 billion in a private credit deal": the deal's modifier names debt, no customer's."""
    return cue.text.lower() in ("deal", "deals", "agreement", "transaction") and (
        _DEBT_DEAL_BEFORE.search(s, max(0, cue.start - 12), cue.start) is not None
    )


def _defined_head(r: _Reading, cue: Cue, q: Quantity, usable: tuple[str, ...]) -> Cue:
    """The noun an aside describes, not the aside's own words, names the figure after the aside.

    The aside is opened by a comma and a describing word (`_DEFINING`) and closed by a comma, or
    written in brackets ("Backlog (future minimum payments under signed leases) was"), and holds no
    figure of its own: "Revenue from Vela, representing 46% of the total, was" is left alone.
    """
    s = r.sentence
    comma = s.rfind(",", 0, cue.start)
    bracket = s.rfind("(", 0, cue.start)
    if bracket > comma and s.find(")", bracket, cue.start) < 0 and s.find(")", cue.end, q.start) >= 0:
        opening = bracket
        head = next((c for c in reversed(r.cues) if c.end <= opening), None)
        if head is None or not s[head.end : opening].isspace():
            return cue
    elif comma >= 0 and _DEFINING.match(s, comma) and s.find(",", cue.end, q.start) >= 0:
        opening = comma
        head = next((c for c in reversed(r.cues) if c.end <= opening), None)
        if head is None or s.find(",", head.end, opening) >= 0:
            return cue
    else:
        return cue
    if head.type not in usable or any(opening < o.start < q.start for o in r.quantities):
        return cue
    return head


#: "Corvex purchased from the Company, for $25 million in cash, a warrant …" and "Corvex bought a
#: warrant to buy 2,000,000 shares for $25 million": the price a holder paid the issuer for its warrant.
_WARRANT_PRICE_BEFORE: Final = re.compile(
    r"\b(?:purchased|bought|acquired)\b(?P<w>\s+(?:a|the|one)\s+warrants?\b)?[^.;$]{0,80}?\bfor\s+"
    r"(?:approximately\s+|about\s+)?$",
    re.IGNORECASE,
)
_WARRANT_PRICE_AFTER: Final = re.compile(
    r"\s*(?:in\s+cash\s*)?,?\s+(?:a|the|one)\s+warrants?\b", re.IGNORECASE
)


def _warrant_bought(s: str, q: Quantity) -> bool:
    """The figure is what a buyer paid the issuer for a warrant, the warrant named before or right
    after it."""
    before = _WARRANT_PRICE_BEFORE.search(s, max(0, q.start - 120), q.start)
    return before is not None and (
        before.group("w") is not None or _WARRANT_PRICE_AFTER.match(s, q.end) is not None
    )


#: The nouns that may head a percentage's aside (`_defined_head`).
_PERCENT_HEADS: Final = ("gross_margin", "operating_margin", "revenue", "stock", "block")


# --- figures that are not the company's reported amount -----------------------------------------

#: The words just before "worth" / "valued at" that make it a predicate or an appositive:
#: "Corvane … is now worth", "Tallis, valued at", "Pellworth (now worth": it says what its subject is worth.
_VALUE_PREDICATE: Final = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|becomes?|became)|['’]s|[,(—–])\s*"
    r"(?:(?:now|currently|still|already|reportedly|recently|once|then|last|collectively|together|itself|"
    r"most\s+recently)\s+)*$",
    re.IGNORECASE,
)
#: A clause that opens with a pronoun: "It is worth about $2 billion" speaks of the last sentence's thing.
_PRONOUN_OPENING: Final = re.compile(
    r"\W*(?:(?:and|but|so)\s+)?(?:it|this|that|they|these|those)\b(?!\s+(?:company|startup|firm|business))",
    re.IGNORECASE,
)
#: Agreement nouns the contract cues do not hold: "The award is worth $1.1 billion".
_AGREEMENT_WORDS: Final = ("award", "pact", "expansion", "extension", "renewal", "msa", "sow")


def _company_worth(r: _Reading, cue: Cue) -> bool:
    """ "Corvane, which listed in May and is now worth about $38bn": "worth" / "valued at" as a predicate
    of a subject that is no agreement says what a company is worth (a market value), not a contract's.

    The clause back to the sentence start (or a semicolon) names no agreement: "The agreement, signed in
    March, is valued at $2 billion" and "an agreement with Quillon Labs, an AI lab, valued at $2.1 billion"
    keep their contract value, and so does a clause whose subject is a pronoun ("It is worth …").
    """
    s = r.sentence
    if _VALUE_PREDICATE.search(s, max(0, cue.start - 40), cue.start) is None:
        return False
    begin = s.rfind(";", 0, cue.start) + 1
    if _PRONOUN_OPENING.match(s, begin):
        return False
    if any(c.type == "contract" and begin <= c.start < cue.start for c in r.cues):
        return False
    low = r.folded.low
    return not any(low.find(word, begin, cue.start) >= 0 for word in _AGREEMENT_WORDS)


_WORTH_WORDS: Final = ("valued at", "worth")


#: A change written before the figure: "backlog up $14 billion", "an increase of $2.1 billion".
#: `_CHANGE_BEFORE` (revenue's) also serves backlog and contract values.
#: … or after it: "a $2.1 billion increase in backlog", "a $3 billion sequential rise".
_CHANGE_AFTER: Final = Screened(
    re.compile(
        r"\s+(?:(?:sequential|quarterly|annual|year[\s-]over[\s-]year|quarter[\s-]over[\s-]quarter|net)\s+)?"
        r"(?:increase|decrease|rise|jump|gain|decline|drop|reduction|addition)s?\s+(?:in|to|of|from)\b",
        re.IGNORECASE,
    )
)
#: A signed change in a bracket: "(−$2.0B q/q)", "(-$300M YoY)"; a "+" before the dollar is always one.
_SIGNED_CHANGE_AFTER: Final = re.compile(
    r"\s*(?:q/q|y/y|qoq|yoy|sequentially|seq\.?|vs\.?|versus|from|over|compared)\b", re.IGNORECASE
)


def _a_change(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """The figure is the change of a balance or a period's amount, not its level: "revenue backlog
    $41.2B (+$14B q/q)", "RPO rose $9 billion", "a $2.1 billion increase in backlog"."""
    s = r.sentence
    sign = s[max(0, q.start - 3) : q.start].rstrip()
    if sign.endswith("+"):
        return True
    if q.low < 0 and sign.endswith("("):
        return _SIGNED_CHANGE_AFTER.match(s, q.end) is not None
    if (
        cue.type != "revenue"
        and cue.end <= q.start
        and _CHANGE_BEFORE.search(s, max(cue.end, q.start - 50), q.start)
    ):
        return True
    return _CHANGE_AFTER.match(s, q.end, q.end + 60) is not None


#: Between a revenue noun and the deal it came from: "revenue from the", "revenues recognized under
#: the Colocation", "revenue earned pursuant to our".
_FROM_DEAL_GAP: Final = OnFirstUse(
    r"\s+(?:(?:recogni[sz]ed|earned|generated|derived|attributable)\s+)?(?:from|under|pursuant\s+to|to)\s+"
    r"(?:the|this|that|our|its|their|each|such)\s+(?:[\w'’-]+\s+){0,3}?",
    re.IGNORECASE,
)
#: Between a figure and the deal it was earned under: "$12 million under the", "$18 million from our".
_UNDER_DEAL_AFTER: Final = OnFirstUse(
    r"\s+(?:under|from|pursuant\s+to)\s+(?:the|this|that|our|its|their|each|such)\s+(?:[\w'’-]+\s+){0,3}?",
    re.IGNORECASE,
)
#: Between a revenue noun and its figure in one phrase: "revenue of", "revenues were", "revenue totaling".
_REVENUE_TO_FIGURE: Final = OnFirstUse(
    r"\s*(?:of|was|were|totall?ed|totall?ing|amounted\s+to|is|are|reached)?\s*", re.IGNORECASE
)
#: A recognition verb: revenue earned in a period, not a deal's value.
_RECOGNISED: Final = OnFirstUse(
    r"\b(?:recogni[sz]ed|recorded|earned|generated|booked|reported)\b", re.IGNORECASE
)


def _revenue_under_deal(r: _Reading, q: Quantity, cue: Cue, left: Cue | None) -> Cue | None:
    """The revenue cue of a figure whose deal noun only says where the revenue came from: "Revenue from
    the agreement in the quarter was $18 million" (the deal noun nearest before the figure), "the
    Company recognized revenue of $12 million under the Agreement during the quarter" (the deal noun
    after it). A period or a recognition verb makes it revenue earned; without either ("revenue from
    the agreement is expected to be $5.6 billion") the deal's value stays."""
    s = r.sentence
    revenue: Cue | None = None
    if cue.end <= q.start:
        revenue = next(
            (
                c
                for c in reversed(r.cues)
                if c.type == "revenue"
                and c.end <= cue.start
                and _FROM_DEAL_GAP.compiled.fullmatch(s, c.end, cue.start)
            ),
            None,
        )
    elif (
        left is not None
        and left.type == "revenue"
        and q.start - left.end <= 30
        and _REVENUE_TO_FIGURE.compiled.fullmatch(s, left.end, q.start) is not None
        and _UNDER_DEAL_AFTER.compiled.fullmatch(s, q.end, cue.start) is not None
    ):
        revenue = left
    if revenue is None:
        return None
    if _RECOGNISED.compiled.search(s, 0, q.start) is not None:
        return revenue
    return revenue if any(not c for _m, _p, c in r.mentions) else None


#: Between a whole and its part: "…, including", "…, of which", "…, which included".
_PART_GAP: Final = OnFirstUse(
    r",?\s*(?:including|of\s+which|which\s+(?:included|includes))\s+", re.IGNORECASE
)


def _part_from_deal(r: _Reading, q: Quantity, idx: int, deal: Cue) -> bool:
    """Is the figure the part of an amount before it that came from a named deal ("$96.1 million,
    including $14.2 million from the Ketterby Lease")?"""
    if idx == 0:
        return False
    s = r.sentence
    before = r.quantities[idx - 1]
    return (
        before.unit == "usd"
        and _PART_GAP.compiled.fullmatch(s, before.end, q.start) is not None
        and _UNDER_DEAL_AFTER.compiled.fullmatch(s, q.end, deal.start) is not None
    )


#: A multi-year total runs over a count of years: "over five years", "over 15-year terms".
_YEAR_COUNT: Final = (
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|twenty[\s-]five|thirty)"
)
#: … or over a contract's term: "over its initial term", "over the life of the lease". Not past another
#: figure (but past a bracketed translation of this one) or a semicolon, where another statement starts;
#: "up 40% over the prior year" names one year, no term.
_OVER_TERM_AFTER: Final = Screened(
    re.compile(
        r"\)?(?:[^.;\d()]|\([^()]{0,40}\)){0,80}?\bover\s+(?:(?:the|its|their|a|an|each)\s+)?(?:(?:next|initial|remaining|full|"
        r"entire|first|following|coming|combined|base|contract|lease|agreement['’]s)\s+)*"
        r"(?:" + _YEAR_COUNT + r"[\s-]+years?\b|(?:[\w-]+\s+)?(?:terms?|life|lives|tenor)\b|"
        r"(?:a\s+)?period\s+of\s+" + _YEAR_COUNT + r"\s+years)",
        re.IGNORECASE,
    )
)
#: A contract's term written before the figure: "Over the 20-year term, the agreement …", "over its
#: life", "over 15 years".
_OVER_TERM_BEFORE: Final = OnFirstUse(
    r"\bover\s+(?:(?:the|its|their|a|an)\s+)?(?:(?:initial|full|entire|remaining|base|contract|lease|"
    r"agreement['’]s)\s+)*(?:" + _YEAR_COUNT + r"[\s-]+years?\b(?:\s+(?:terms?|life|tenor))?|"
    r"(?:terms?|life|tenor)\b)",
    re.IGNORECASE,
)
#: A contract's term right after the revenue noun: "revenue over the initial term", "revenue over the
#: life of the Lease" (not "revenue over the next five years", a forecast).
_REVENUE_OVER_TERM: Final = OnFirstUse(
    r"\s+over\s+(?:the|its|their)\s+(?:(?:initial|full|entire|remaining|base|contract|lease|agreement['’]s|"
    r"[\w-]+-year)\s+)*(?:terms?|life|tenor)\b",
    re.IGNORECASE,
)
#: Revenue a set of leases or contracts is expected to bring in over their terms: "total anticipated
#: lease revenue", "anticipated contracted lease revenue", "expected contract revenue".
_ANTICIPATED_CONTRACT_REVENUE: Final = re.compile(
    r"\b(?:anticipated|expected|estimated|projected)\s+(?:(?:contracted|future|total|aggregate)\s+)*"
    r"(?:(?:lease|rental|contract(?:ed)?)\s+)?(?:revenues?|income)?\s*$",
    re.IGNORECASE,
)


def _contract_total(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """Revenue or contracted revenue summed over contract terms, the value of signed contracts:
    "$6.4 billion in revenue over five years", "anticipated lease revenue now stands at $9 billion".
    A backlog is recognised over its contracts' terms too: only "anticipated" makes it a contracts' sum."""
    s = r.sentence
    if cue.type == "revenue" and _OVER_TERM_AFTER.match(s, q.end, q.end + 160) is not None:
        # "… rise to $15 billion and $22 billion over the following two years": one level per year, no sum.
        return not _FOLLOWING_YEARS.match(s, q.end) or not any(
            o.end <= q.start and _LIST_JOIN.fullmatch(s, o.end, q.start) for o in r.quantities
        )
    low = r.folded.low
    if (
        cue.type == "revenue"
        and cue.end <= q.start
        and low.startswith(" over ", cue.end)
        and not any(cue.end <= o.start < q.start for o in r.quantities)
        and _REVENUE_OVER_TERM.compiled.match(s, cue.end) is not None
    ):
        # "Total contract revenue over the initial term is expected to be approximately $5.4 billion":
        # the revenue of a contract's whole term, written before its figure.
        return True
    if cue.type == "revenue" and cue.start >= q.end and "over " in low:
        # "Over the 20-year term, the agreement is expected to represent approximately $7 billion in
        # revenue to Cascadia Plains": the term written first, the agreement the figure's subject.
        term = _OVER_TERM_BEFORE.compiled.search(s, 0, q.start)
        if (
            term is not None
            and not any(term.end() <= o.start < q.start for o in r.quantities)
            and _DEAL_NOUN.search(s, 0, q.start) is not None
        ):
            return True
    if (
        cue.type == "revenue"
        and low.startswith("contract ", max(0, cue.start - 9))
        and _one_contract_revenue(r, q, cue)
    ):
        return True
    lo = max(0, cue.start - 45)
    if low.find("ated", lo, cue.end) < 0 and low.find("ected", lo, cue.end) < 0:
        return False
    if cue.type == "revenue" and low.find("lease", lo, cue.end) < 0 and low.find("contract", lo, cue.end) < 0:
        # "Expected revenue for 2027 is $1 billion": a period's forecast, no contracts' sum.
        return False
    return _ANTICIPATED_CONTRACT_REVENUE.search(s, lo, cue.end) is not None


#: A named agreement's revenue summed whole: "total contract revenue", "aggregate contract revenue",
#: "expected contract revenue" (the noun "revenue" is the cue, written right after this).
_CONTRACT_REVENUE_HEAD: Final = OnFirstUse(
    r"\b(?:total|aggregate|expected|estimated|anticipated|projected)\s+contract\s+$", re.IGNORECASE
)


def _one_contract_revenue(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """ "The Agreement represents total contract revenue of approximately $3.7 billion", "…, representing
    total contract revenue of $3.7 billion": an agreement named before, its revenue summed whole, is
    its value. Not a period's ("total contract revenue for the quarter was $50 million"), nor a sum
    over many ("… across all of our customers"), nor one with no agreement named."""
    s = r.sentence
    head = _CONTRACT_REVENUE_HEAD.compiled.search(s, max(0, cue.start - 40), cue.start)
    if head is None:
        return False
    if _DEAL_NOUN.search(s, 0, head.start()) is None and (
        cue.end > q.start or _DEAL_NOUN.search(s, cue.end, q.start) is None
    ):
        return False
    if _MANY_DEALS.search(s, 0, head.start()) is not None or _MANY_DEALS.search(s, cue.end) is not None:
        return False
    # A period written from the noun on dates the revenue ("total contract revenue for the quarter was");
    # one before it dates the signing ("During the quarter, the Company entered into …, representing …").
    hi = max(_clause_span(r, q, [])[1], cue.end)
    return not any(head.start() <= m.start < hi for m, _p, _c in r.mentions)


#: "$3.1 billion in contracted revenue", "$2.8 billion of total contracted revenue": the figure first.
_IN_CONTRACTED: Final = re.compile(r"\s+(?:in|of)\s+(?:(?:total|additional|new|future|long-term)\s+)?", re.I)
#: Between a noun and its amount: "contracted revenue of $1.4 billion", "… totaling $2.8 billion".
_OF_AMOUNT: Final = OnFirstUse(r"\s+(?:of|totall?ing|amounting\s+to)\s+", re.IGNORECASE)
#: What ties a deal's contracted revenue to the deal named before it: "…, with contracted revenue of",
#: "representing total contracted revenue of", "The Lease carries contracted revenue of".
_DEAL_LINK_BEFORE: Final = OnFirstUse(
    r"\b(?:with|representing|represents?|carr(?:y|ies|ying)|providing|provides?)\s+"
    r"(?:(?:total|aggregate|expected|estimated|anticipated)\s+)?$",
    re.IGNORECASE,
)
#: The deal the sentence is about, before the figure.
_DEAL_NOUN: Final = re.compile(
    r"\b(?:agreements?|contracts?|leases?|deals?|partnerships?|joint\s+venture|collaboration|arrangements?|"
    r"pacts?|accords?|JV)\b",
    re.IGNORECASE,
)
#: A sum over many deals is the backlog it reads as: "across its portfolio", "combined".
_MANY_DEALS: Final = re.compile(r"\b(?:portfolio|combined|aggregate|all\s+of\s+(?:its|our|the))\b", re.I)


def _deal_revenue(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """A deal's value worded as the revenue it contracts: "signed two agreements with Vantor AI that
    lock in $3.1 billion in contracted revenue", "The lease represents roughly $2.8 billion in total
    contracted revenue". The figure comes first and a deal is named before it; a company's contracted
    revenue ("now has $3.1 billion in contracted revenue", "brings contracted revenue to $11 billion")
    stays its backlog."""
    text = cue.text.lower()
    if not text.startswith(("contracted", "future contracted")):
        return False
    s = r.sentence
    if cue.end <= q.start:
        # The noun first, as a filing writes it after the deal: "a lease with Ketterby Cloud for 75 MW,
        # with contracted revenue of approximately $1.4 billion", "…, representing total contracted
        # revenue of $2.8 billion" (not "our contracted revenue of", "brings contracted revenue to").
        if (
            _OF_AMOUNT.compiled.fullmatch(s, cue.end, q.start) is None
            or _DEAL_LINK_BEFORE.compiled.search(s, max(0, cue.start - 40), cue.start) is None
            or _DEAL_NOUN.search(s, 0, cue.start) is None
        ):
            return False
    elif _IN_CONTRACTED.fullmatch(s, q.end, cue.start) is None or _DEAL_NOUN.search(s, 0, q.start) is None:
        return False
    if any(c.type == "backlog" and c is not cue for c in r.cues):
        return False
    return _MANY_DEALS.search(s) is None


#: A yearly amount: "annual revenue", "$0.9 billion a year", "per annum".
_PER_YEAR: Final = re.compile(
    r"\b(?:annual(?:ly|ized|ised)?|yearly|per\s+(?:year|annum)|a\s+year|each\s+year|every\s+year)\b"
)


def _per_year(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """Is the revenue stated per year, in or around the figure's noun phrase?"""
    low = r.folded.low
    lo = max(0, min(q.start, cue.start) - 25)
    hi = max(q.end, cue.end) + 25
    if low.find("ann", lo, hi) < 0 and low.find("year", lo, hi) < 0:
        return False
    return _PER_YEAR.search(low, lo, hi) is not None


def _yearly_rent(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """Is the rent stated per year ("annual rent", "$90 million a year"), right at the figure or its cue?"""
    low = r.folded.low
    lo = max(0, min(q.start, cue.start) - 15)
    hi = max(q.end, cue.end) + 12
    if low.find("ann", lo, hi) < 0 and low.find("year", lo, hi) < 0:
        return False
    return _PER_YEAR.search(low, lo, hi) is not None


#: "worth of" after a figure measures what follows: "$4.2 billion worth of servers".
_WORTH_OF: Final = re.compile(r"\s+of\b", re.IGNORECASE)
#: Equipment a company buys to run its business (capital spending), never a customer's contract.
_EQUIPMENT: Final = (
    r"(?:servers?|GPUs?|chips?|accelerators?|(?:networking|network)\s+(?:gear|equipment|switches)|gear|"
    r"equipment|hardware|racks?|switches|processors|machines|turbines|generators|transformers|"
    r"(?:GPU|server|compute|computing|accelerator|AI)\s+(?:systems|clusters?|capacity))"
)
_EQUIPMENT_WORDS: Final = (
    "server", "gpu", "chip", "accelerator", "gear", "equipment", "hardware", "rack", "switches", "processor",
    "machine", "turbine", "generator", "transformer", "system", "cluster", "capacity",
)  # fmt: skip
_BUY: Final = r"(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing)|acquir(?:e|es|ed|ing)|procur(?:e|es|ed|ing))"
#: "agreed with Stelmark to buy the servers and networking gear for about $4.2 billion".
_BUY_EQUIPMENT_FOR: Final = re.compile(
    r"\b" + _BUY + r"\b[^.;$]{0,80}?\b" + _EQUIPMENT + r"\b[^.;$]{0,60}?\bfor\s+$", re.IGNORECASE
)
#: "buy $4.2 billion of GPUs", "spend $3 billion on servers", "invest $2 billion in accelerators".
_BUY_BEFORE: Final = re.compile(
    r"\b(?:" + _BUY + r"|spend|spends|spent|spending|invest|invests|invested|investing)\s+"
    r"(?:(?:an?\s+)?(?:additional|further|another|extra)\s+)?$",
    re.IGNORECASE,
)
_EQUIPMENT_AFTER: Final = re.compile(
    r"\s+(?:worth\s+)?(?:of|on|in)\s+(?:(?:new|additional|more|the|its|their|[\w-]+)\s+){0,3}?"
    + _EQUIPMENT
    + r"\b",
    re.IGNORECASE,
)
#: The company is the seller: "… of our GPUs", "from us", "from the Company".
_SOLD_BY_US: Final = re.compile(
    r"\bour\s+(?:[\w-]+\s+){0,2}?" + _EQUIPMENT + r"|\bfrom\s+(?:us|the\s+company)\b", re.IGNORECASE
)
_CUSTOMER_WORDS: Final = ("customer", "client", "tenant")


def _equipment_purchase(r: _Reading, q: Quantity, company: str | None) -> bool:
    """The figure is the price of equipment the company buys ("Halvorsen agreed with Stelmark Systems to
    buy the servers and networking gear for about $4.2 billion", "we will spend $3 billion on GPUs"):
    capital spending, no contract value nor financing.

    A customer buying the company's products keeps its contract: the buyer is a customer or another
    party than the company, or the products are the company's ("… of our accelerators", "… from us",
    "… of Quenby accelerator cards" in Quenby's release, or, with no company known, any maker's name
    before the products).
    """
    low = r.folded.low
    lo = max(0, q.start - 180)
    window = low[lo : q.end + 80]
    if not any(word in window for word in _EQUIPMENT_WORDS):
        return False
    s = r.sentence
    verb = _BUY_EQUIPMENT_FOR.search(s, lo, q.start) if low.endswith("for ", 0, q.start) else None
    if verb is None:
        verb = _BUY_BEFORE.search(s, max(0, q.start - 40), q.start)
        if verb is None or _EQUIPMENT_AFTER.match(s, q.end) is None:
            return False
    begin = verb.start()
    end = min(len(s), q.end + 80)
    if _SOLD_BY_US.search(s, begin, end):
        return False
    subject = low[s.rfind(";", 0, begin) + 1 : begin]
    if any(word in subject for word in _CUSTOMER_WORDS):
        return False
    if company is None:
        return _BRANDED_EQUIPMENT.search(s, begin, end) is None
    first = company.lower().split()[0]
    if low.find(first, begin, end) >= 0:
        # "… to buy $5 billion of Vellichor accelerators" in Vellichor's release: the company sells.
        return False
    # The company (or "we", "it") is the buyer; another party buying is the company's customer.
    return first in subject or _OWN_SUBJECT.search(subject) is not None


#: A maker's name before the products: "of Quenby accelerator cards", "Vellichor's GPUs".
_BRANDED_EQUIPMENT: Final = re.compile(
    r"\b(?:of|from)\s+(?:the\s+)?[A-Z][a-z][\w&.-]*(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?i:" + _EQUIPMENT + r")"
)
_OWN_SUBJECT: Final = re.compile(r"\b(?:we|it|the\s+company|management)\b")


#: "will backstop $1.2 billion of …", "guarantees $800 million of the lessee's obligations",
#: "a guarantee of $500 million", "backing up $1.2 billion of X's lease obligations": a promise to pay
#: someone else's obligations if they do not.
_BACKSTOP_BEFORE: Final = re.compile(
    r"\b(?:(?P<b>backstop(?:s|ped|ping)?)|guarantee(?:s|d)?|guaranteeing|guarant(?:y|ies)|back(?:s|ing)?\s+up|"
    r"stand(?:s|ing)?\s+behind)\s+(?P<n>(?:of|for)\s+)?(?:up\s+to\s+)?$",
    re.IGNORECASE,
)
_OBLIGATION_AFTER: Final = re.compile(
    r"\s+(?:of|in)\s+(?:[\w'’.&-]+\s+){0,4}?(?:obligations?|debt|loans?|leases?|rent|borrowings|notes|bonds|"
    r"liabilities|financing)\b",
    re.IGNORECASE,
)
#: "a $1.2 billion backstop", "a $500 million loan guarantee".
_BACKSTOP_AFTER: Final = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:backstop|guarantee|guaranty)\b(?!\s+(?:fee|fees))", re.IGNORECASE
)


def _backstop(r: _Reading, q: Quantity) -> bool:
    """The figure is an amount someone guarantees or backstops (another party's lease obligations, debt):
    no money lent to the company and no contract's value. A guaranteed minimum ("guarantees a minimum of
    $2 billion in payments") is the contract's own term."""
    low = r.folded.low
    if (
        low.find("back") < 0  # also "backstop"
        and low.find("guarant") < 0
        and low.find("behind") < 0
    ):
        return False
    s = r.sentence
    if _BACKSTOP_AFTER.match(s, q.end):
        return True
    before = _BACKSTOP_BEFORE.search(s, max(0, q.start - 30), q.start)
    if before is None or "minimum" in low[before.start() : q.end]:
        return False
    return (
        before.group("b") is not None
        or before.group("n") is not None
        or _OBLIGATION_AFTER.match(s, q.end) is not None
    )


#: The initial purchasers' or underwriters' option on more securities, not (yet) sold: "an option for initial
#: purchasers to buy an additional $90 million", "may purchase up to an additional $90 million".
_EXTRA_OPTION_BEFORE: Final = re.compile(
    r"\b(?:options?|rights?|may|can|could|might)\b[^$;.]{0,60}?\b(?:buy|purchase|acquire|subscribe\s+for)\s+"
    r"(?:up\s+to\s+)?(?:an?\s+)?(?:additional|further|extra)\s+(?:aggregate\s+principal\s+amount\s+of\s+)?$"
    r"|\b(?:greenshoe|green\s+shoe|over-?allotment)(?:\s+option)?\s+(?:of|for|worth|covering)\s+(?:up\s+to\s+)?$",
    re.IGNORECASE,
)
#: "a $90 million greenshoe option", "$90 million over-allotment".
_EXTRA_OPTION_AFTER: Final = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:greenshoe|green\s+shoe|over-?allotment)\b", re.IGNORECASE
)
#: The option taken up: "from the full exercise of the initial purchasers' option", "which was exercised".
_OPTION_EXERCISED: Final = re.compile(
    r"(?<!\bif\s)(?<!\bupon\s)(?<!\bon\s)(?<!\bshould\s)\b(?:(?:full|partial)\s+)?exercise\s+(?:in\s+full\s+)?of|"
    r"(?<!\bif\s)(?<!\bwhen\s)(?<!\bbe\s)\bexercised\b",
    re.IGNORECASE,
)
#: "will pay $25 million to its leasing broker", "$12 million in advisory fees", "a break fee of $200 million"
_FEE_AFTER: Final = re.compile(
    r"\s+(?:(?:in|of)\s+)?(?:[\w-]+\s+){0,2}?(?:fees?|commissions?)(?![\w-])"
    r"|\s+(?:to|for)\s+(?:(?:its|the|their|our|a|an|his|her)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:brokers?|brokerage|advis[eo]rs?|bankers?|arrangers?|consultants?|placement\s+agents?|finders?)\b",
    re.IGNORECASE,
)
_FEE_BEFORE: Final = re.compile(
    r"\b(?:fees?|commissions?)\s+(?:of|totall?ing|worth|amounting\s+to)\s+(?:up\s+to\s+|about\s+|approximately\s+|"
    r"roughly\s+|some\s+)?$",
    re.IGNORECASE,
)
#: Money raised over a company's life, no one financing: "has raised about $2.6 billion since it was founded",
#: "… over its history" (not "to date", which also closes one financing's running total).
_LIFETIME_AFTER: Final = re.compile(
    r"\s+(?:(?:in|of)\s+(?:total\s+)?(?:[\w-]+\s+)?(?:funding|capital|equity|financing|debt|investment)\s+)?"
    r"(?:since\s+(?:(?:it|the\s+company)\s+was\s+(?:founded|formed|launched|started|created)|(?:its\s+)?(?:founding|"
    r"inception|formation|launch|creation)|being\s+founded|(?:it|the\s+company)\s+(?:started|launched|began))|"
    r"over\s+its\s+(?:history|lifetime|life)|in\s+its\s+(?:history|lifetime))\b",
    re.IGNORECASE,
)
#: "bringing its total funding to $2.6 billion", "total funding raised to date of $2.6 billion".
_LIFETIME_BEFORE: Final = re.compile(
    r"\b(?:total|cumulative|overall|lifetime)\s+(?:funding|capital\s+raised|amount\s+raised|equity\s+raised)"
    r"(?:\s+(?:raised\s+)?(?:to\s+date|so\s+far))?\s+(?:to|of|at|is|was|stands\s+at|reached)\s+"
    r"(?:about\s+|approximately\s+|roughly\s+|more\s+than\s+|over\s+|nearly\s+|some\s+)?$",
    re.IGNORECASE,
)
_LIFETIME_WORDS: Final = ("since", "history", "lifetime", "total funding", "cumulative", "overall funding")


def _side_amount(r: _Reading, q: Quantity, metric: str) -> bool:
    """An amount beside a deal that is none of its size: the underwriters' unexercised option on more
    securities (a greenshoe), a fee paid to a broker or adviser, or the money a company has raised over
    its life ("has raised about $2.6 billion since it was founded") rather than in one financing."""
    low = r.folded.low
    s = r.sentence
    extra = "additional" in low or "further" in low or "extra" in low or "shoe" in low or "allot" in low
    if (
        metric == "financing"
        and extra
        and (
            _EXTRA_OPTION_BEFORE.search(s, max(0, q.start - 110), q.start) is not None
            or _EXTRA_OPTION_AFTER.match(s, q.end) is not None
        )
        and (low.find("exercise") < 0 or _OPTION_EXERCISED.search(s) is None)
    ):
        return True
    fee = "fee" in low or "commission" in low or "broker" in low or "advis" in low or "banker" in low
    if fee and (
        _FEE_AFTER.match(s, q.end) is not None
        or _FEE_BEFORE.search(s, max(0, q.start - 40), q.start) is not None
    ):
        return True
    if metric == "financing" and any(low.find(w) >= 0 for w in _LIFETIME_WORDS):
        return (
            _LIFETIME_AFTER.match(s, q.end) is not None
            or _LIFETIME_BEFORE.search(s, max(0, q.start - 60), q.start) is not None
        )
    return False


#: "raise" whose object is no money: "could raise the total to", "raised its stake to", "raise prices by".
_RAISE_OBJECT: Final = re.compile(
    r"\s+(?:(?:the|its|our|their|his|her|this|that)\s+)?(?:[\w'’-]+\s+){0,3}?(?:total|value|amount|stake|"
    r"holdings?|ownership|guidance|outlook|forecasts?|targets?|estimates?|prices?|pricing|rates?|dividends?|"
    r"bid|offer|cap|ceiling|limit|size|count|figure|sum|valuation|payout)"
    r"(?:\s+(?:in|of|on|for)\s+[\w'’-]+(?:\s+[\w'’-]+){0,2})?\s+(?:to|by|from)\s+$",
    re.IGNORECASE,
)
#: A total reachable only if options are taken up or things go well: "with potential to reach",
#: "could raise the total to", "could be worth up to", "has the option to grow to".
_POTENTIAL_BEFORE: Final = re.compile(
    # "with extension options up to $7.4 billion": what options would add, not signed.
    r"\b(?:(?:renewal|extension|expansion)\s+options?(?:\s+(?:of|worth|for|totall?ing|valued\s+at))?|"
    r"(?:potential(?:ly)?|possibility|options?|ability|room|path)\s+(?:to\s+)?"
    r"(?:reach|rise|grow|increase|expand|climb|exceed|total|top)(?:\s+to)?|"
    r"(?:could|might|may|can)\s+(?:potentially\s+|eventually\s+|ultimately\s+|further\s+)?"
    r"(?:(?:reach|total|top|exceed|be\s+worth|be\s+valued\s+at|amount\s+to|add\s+up\s+to|rise\s+to|"
    r"grow\s+to|climb\s+to|expand\s+to|increase\s+to)|"
    r"(?:raise|lift|bring|take|push|increase|expand|grow|boost|extend)\s+(?:the|its|their|that|this)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:total|value|amount|size|figure|sum|contract|deal|agreement|lease)\s+to))\s+$",
    re.IGNORECASE,
)
#: "… $7.4 billion including all renewal options", "(assuming all extensions are exercised)".
_WITH_OPTIONS_AFTER: Final = re.compile(
    r"\s*,?\s*\(?(?:including|assuming|if|should)\s+(?:all\s+|the\s+|its\s+|their\s+|both\s+)?"
    r"(?:(?:renewal|extension|expansion|purchase|optional)\s+)?(?:options?|extensions?|renewals?)\b",
    re.IGNORECASE,
)
_POTENTIAL_WORDS: Final = (
    "potential", "could", "might", "may ", "can ", "option", "possib", "ability", "room",
)  # fmt: skip


#: A raise's amount revised later in its sentence, up to the new amount: "had targeted raising $2.7bn in
#: its IPO, but slashed that to $1.5bn", "… but cut the target to $1.5 billion", "… ; it has since reduced
#: the offering to $1.5 billion".
_RAISE_REVISED: Final = re.compile(
    r"\b(?:cut|cuts|cutting|slash(?:ed|es|ing)?|reduc(?:ed|es|ing)|lower(?:ed|s|ing)|trimm(?:ed|ing)|pared|"
    r"scaled\s+back|downsiz(?:ed|es|ing)|upsiz(?:ed|es|ing)|increas(?:ed|es|ing)|boost(?:ed|s|ing)|"
    r"lift(?:ed|s|ing)|revis(?:ed|es|ing))\s+(?:(?:that|it|this)\b|(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:target|goal|size|amount|offering|deal|ipo|listing|raise|fundraising|sale|issue|float)\b)"
    r"(?:\s+(?:of\s+)?(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,2}?)?\s*(?:to|at)\s+"
    r"(?:about\s+|around\s+|approximately\s+|roughly\s+|just\s+|only\s+)?(?:US)?$",
    re.IGNORECASE,
)
#: A raise planned, then a smaller or larger one done: "planned to raise $2.7 billion, but raised only
#: $1.5 billion" (with the plan's word before the first amount, `_RAISE_PLANNED`).
_RAISE_DONE_INSTEAD: Final = re.compile(
    r",?\s+(?:but|and)\s+(?:(?:it|the\s+company|they)\s+)?(?:\w+\s+)?(?:raised|sold|priced|fetched|secured)\s+"
    r"(?:only\s+|just\s+|instead\s+)?(?:about\s+|around\s+|approximately\s+)?(?:US)?$",
    re.IGNORECASE,
)
_RAISE_PLANNED: Final = re.compile(
    r"\b(?:plann(?:ed|ing)|aim(?:ed|ing)?|target(?:ed|ing)|sought|seek(?:ing)?|hop(?:ed|ing)|look(?:ed|ing)|"
    r"intend(?:ed|ing)|wanted|expected|originally|initially)\b",
    re.IGNORECASE,
)
#: Words one of which every `_RAISE_REVISED` / `_RAISE_DONE_INSTEAD` match holds (one scan of the
#: lower-cased gap between the two amounts).
_REVISION_SCREEN: Final = re.compile(
    r"cut|slash|reduc|lower|trim|pared|scaled|downsiz|upsiz|increas|boost|lift|revis|raised|sold|priced|fetched|"
    r"secured"
)


#: A raise only sought, written right before its amount (lower-cased): "was seeking as much as", "seeks
#: to raise up to", "is in talks with lenders to borrow about", "looking to raise" (not "plans to raise",
#: a company's own forecast, read as guidance).
_SOUGHT_BEFORE: Final = re.compile(
    r"\b(?:seek(?:s|ing)?|sought|looking|hop(?:es|ing)|(?:in|entered|entering)\s+(?:advanced\s+|early\s+|preliminary\s+)?"
    r"(?:talks|discussions|negotiations)(?:\s+with(?:\s+[\w&'’.-]+){1,6}?)?(?=\s+to\s))"
    r"(?:\s+to\s+(?:raise|borrow|secure|obtain|arrange|get))?\s+(?:(?:as\s+much\s+as|up\s+to|about|approximately|"
    r"roughly|around|some|nearly|a\s+further|an\s+additional|another|more\s+than|at\s+least)\s+)*(?:us)?\$?\s*$"
)
#: Words one of which every `_SOUGHT_BEFORE` match holds.
_SOUGHT_WORDS: Final = ("seek", "sought", "looking", "hop", "talks", "discussions", "negotiations")


def _financing_sought(r: _Reading, q: Quantity) -> bool:
    """Is the financing amount one only sought ("was seeking as much as $6 billion in loans", "is in
    talks to raise up to $2 billion")? No money was raised or borrowed."""
    low = r.folded.low
    a = max(0, q.start - 90)
    window = low[a : q.start]
    if not any(w in window for w in _SOUGHT_WORDS):
        return False
    return _SOUGHT_BEFORE.search(low, a, q.start) is not None


def _raise_superseded(r: _Reading, q: Quantity, idx: int) -> bool:
    """A raise's first amount that the same sentence revises to the next one: a target given up, no
    fact (the new amount is the fact)."""
    if idx + 1 >= len(r.quantities):
        return False
    nxt = r.quantities[idx + 1]
    if nxt.unit != "usd":
        return False
    if _REVISION_SCREEN.search(r.folded.low, q.end, nxt.start) is None:
        return False
    s = r.sentence
    if _RAISE_REVISED.search(s, q.end, nxt.start):
        return True
    return (
        _RAISE_DONE_INSTEAD.search(s, q.end, nxt.start) is not None
        and _RAISE_PLANNED.search(s, max(0, q.start - 50), q.start) is not None
    )


#: An estimate's label written right before its figure: "EST. 45.1%", "vs. est $191M", "(consensus est:".
_ESTIMATE_BEFORE: Final = re.compile(r"\b(?i:est|ests|estimate)\.?\s*:?\s*$")
#: Words that name a line of business, written before "revenue" ("self-mining revenue", "HPC hosting
#: revenue") or after "revenue from" ("revenue from colocation services"). "segment" and "division"
#: say it outright.
_LINE_WORDS: Final = frozenset(
    ("mining", "bitcoin", "btc", "crypto", "cryptocurrency", "hosting", "colocation", "colo", "cloud", "hpc",
     "gpu", "compute", "inference", "services", "service", "product", "products", "hardware", "software",
     "subscription", "subscriptions", "licensing", "leasing", "rental", "power", "energy", "electricity",
     "datacenter", "center", "centre", "managed", "consulting", "infrastructure", "networking", "storage",
     "platform", "support", "maintenance", "equipment", "engineering", "construction", "fiber",
     "connectivity", "interconnection", "wholesale", "retail", "enterprise", "government", "systems",
     "solutions", "advertising", "marketplace", "saas", "iaas", "segment", "division")
)  # fmt: skip
_REVENUE_METRICS: Final = frozenset(("revenue", "revenue_growth"))
#: First letters of a bare revenue noun ("revenue", "sales"), not "total revenue" or "net sales".
_BARE_REVENUE_FIRST: Final = frozenset("rRsS")
#: A revenue of the whole: "total revenue", "consolidated revenues", "Group revenue".
_WHOLE_WORDS: Final = frozenset(("total", "consolidated", "group", "overall", "combined", "aggregate"))
#: "revenue from colocation services", "revenues in the HPC segment": up to three words after.
_LINE_AFTER: Final = re.compile(
    r"\s+(?:from|in)\s+(?:the\s+|our\s+|its\s+|their\s+)?([A-Za-z][\w/&-]*(?:\s+[A-Za-z][\w/&-]*){0,2})"
)
#: Every revenue a paragraph names by its line: "<line> revenue(s)/sales", "revenue(s) from/in <line>".
_LINE_SCAN: Final = re.compile(
    # Each branch starts at a word boundary, so positions inside words fail on one check (the scan
    # had cost 2% of extraction on news text).
    r"(?i:\b([A-Za-z][\w/&-]*)\s+(?:revenues?|sales)\b|\b(?:revenues?|sales)\s+(?:from|in)\s+"
    r"(?:the\s+|our\s+|its\s+|their\s+)?([A-Za-z][\w/&-]*(?:\s+[A-Za-z][\w/&-]*){0,2}))"
)


def _line_word(word: str, before: str) -> str | None:
    """The line of business `word` names (`before` is the word or text before it), or None."""
    key = word.lower().rsplit("-", 1)[-1]
    if key in ("center", "centre"):
        return "datacenter" if before.rstrip().lower().endswith("data") else None
    return key if key in _LINE_WORDS else None


def _line_after(words: str) -> str | None:
    """The line of business named in the words after "revenue from": "segment" or "division" if
    written, else the first line word."""
    found = None
    for word in words.split():
        key = _line_word(word, "")
        if key in ("segment", "division"):
            return key
        if found is None:
            found = key
    return found


def _line_of_cue(s: str, low: str, cue: Cue) -> str | None:
    """The line of business a revenue noun is written with, or None (a bare or a whole revenue). The
    word right before it (a letter first, no punctuation after it) is sliced at the last space: a
    regex search per revenue cost more."""
    pos = cue.start
    if pos > 2 and s[pos - 1] == " ":
        start = s.rfind(" ", max(0, pos - 40), pos - 1) + 1
        word = s[start : pos - 1]
        if word and word[0].isalpha() and word[-1].isalnum():
            key = _line_word(word, s[max(0, start - 8) : start])
            if key is not None:
                return key
    if not (low.startswith(" from ", cue.end) or low.startswith(" in ", cue.end)):
        return None
    after = _LINE_AFTER.match(s, cue.end)
    return _line_after(after.group(1)) if after is not None else None


def _whole_before(s: str, pos: int) -> bool:
    """ "total", "consolidated" or "Group" written right before a revenue noun."""
    if pos < 2 or s[pos - 1] != " ":
        return False
    start = s.rfind(" ", max(0, pos - 20), pos - 1) + 1
    return s[start : pos - 1].lower() in _WHOLE_WORDS


def _paragraph_lines(state: _State, pos: int) -> set[str]:
    """The lines of business (and "total" for a whole) whose revenue the paragraph around `pos` names."""
    if state.para_lines_of == state.paragraph:
        return state.para_lines
    text = state.reading_text
    lines: set[str] = set()
    if text:
        # The paragraph ends at blank lines (as `sentences.segment` reads them), at most 2,000
        # characters either side.
        start = text.rfind("\n\n", max(0, pos - 2000), pos)
        if start < 0:
            start = max(0, pos - 2000)
        end = text.find("\n\n", pos, pos + 2000)
        if end < 0:
            end = min(len(text), pos + 2000)
        for m in _LINE_SCAN.finditer(text, start, end):
            word = m.group(1)
            if word is not None:
                if word.lower() in _WHOLE_WORDS:
                    lines.add("total")
                    continue
                key = _line_word(word, text[max(0, m.start() - 8) : m.start()])
            else:
                key = _line_after(m.group(2))
            if key is not None:
                lines.add(key)
    state.para_lines = lines
    state.para_lines_of = state.paragraph
    return lines


def _segment_revenue(r: _Reading, q: Quantity, idx: int, cue: Cue, state: _State) -> bool:
    """A revenue named for one line of business among others: "segment", or a sentence or paragraph
    that names two or more lines, or a line beside the total. A company's sole or core line, named
    alone ("AI cloud revenue was $57.4 million"), keeps its fact."""
    s = r.sentence
    if cue.start >= q.end:
        # "Total revenue of $78.2 million included AI cloud revenue …": the revenue noun written
        # before the figure is its own.
        floor = r.quantities[idx - 1].end if idx else 0
        own = next(
            (c for c in reversed(r.cues) if c.type == "revenue" and floor <= c.start and c.end <= q.start),
            None,
        )
        if own is not None:
            cue = own
    low = r.folded.low
    key = _line_of_cue(s, low, cue)
    if key is None:
        return False
    if key in ("segment", "division"):
        return True
    lines = {key}
    for other in r.cues:
        if other is cue or other.type != "revenue":
            continue
        other_key = _line_of_cue(s, low, other)
        if other_key is not None:
            lines.add(other_key)
        elif other.text.split()[0].lower() in _WHOLE_WORDS or _whole_before(s, other.start):
            lines.add("total")
    if len(lines) >= 2:
        return True
    return len(_paragraph_lines(state, r.offset + cue.start) | lines) >= 2


def _potential_total(r: _Reading, q: Quantity) -> bool:
    """A contract, backlog or financing total the text offers as possible, not signed: "Deal Anchors
    ~$3.1 Billion in Contracted Revenue, with Potential to Reach $7.4 Billion", "renewal options that
    could raise the total to about $7.4 billion"."""
    low = r.folded.low
    lo = max(0, q.start - 90)
    if any(low.find(word, lo, q.start) >= 0 for word in _POTENTIAL_WORDS) and _POTENTIAL_BEFORE.search(
        r.sentence, lo, q.start
    ):
        return True
    if all(low.find(word, q.end, q.end + 60) < 0 for word in ("option", "extension", "renewal")):
        return False
    return _WITH_OPTIONS_AFTER.match(r.sentence, q.end) is not None


#: The writer's own sum: "That's a gross margin of about 40%" opening a sentence after the figures it
#: is worked from, "which implies an operating margin of", "works out to a 38% margin". Not "our
#: guidance implies …", the company's own outlook.
_AUTHOR_MARGIN_BEFORE: Final = re.compile(
    r"(?:^\W*(?:(?:so|and|but|well|ok|okay)\W+)?(?:that['’]s|that\s+is|this\s+is)|"
    r"(?<!guidance\s)(?<!outlook\s)(?<!forecast\s)\b(?:implies|implying|an\s+implied|(?:works?|working)\s+out\s+to|"
    r"equates?\s+to|translates?\s+(?:in)?to))\s+(?:(?:an?|the)\s+)?"
    r"(?P<noun>(?:[\w-]+\s+){0,3}?margins?\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_AUTHOR_MARGIN_WORDS: Final = (
    "that's", "that’s", "that is", "this is", "impl", "out to", "equat", "translat",
)  # fmt: skip
_SAID: Final = re.compile(r"\b(?:said|says|told)\b")
_MARGIN_AFTER: Final = re.compile(
    r"\s*(?:(?:gross|operating|op\.?|EBIT|contribution)\s+)?margins?\b", re.IGNORECASE
)


def _author_margin(r: _Reading, q: Quantity) -> bool:
    """A margin the writer works out from other figures ("$5.8 billion for servers. $9.7 billion in
    revenue over five years. That's a gross margin of about 40%"), no figure the company reported."""
    low = r.folded.low
    lo = 0 if q.start < 120 else q.start - 120
    if not any(low.find(word, lo, q.start) >= 0 for word in _AUTHOR_MARGIN_WORDS):
        return False
    m = _AUTHOR_MARGIN_BEFORE.search(r.sentence, lo, q.start)
    if m is None or (m.group("noun") is not None and _SAID.search(low) is not None):
        # "That's a gross margin of 47%, the CFO said": the company's own figure, reported.
        return False
    # The margin noun is written between the verb and the figure, or right after the figure.
    return m.group("noun") is not None or _MARGIN_AFTER.match(r.sentence, q.end) is not None


#: A list item's own label, after a separator and right before its figure: ", EBITDA $702M",
#: "; Debt: $3.1B", "| FCF $410M", "Revenue by customer: Ardent $300M".
_ITEM_LABEL: Final = re.compile(
    r"(?:[,;:|•·]|\b(?:vs\.?|versus)(?:\s+actuals?)?)\s*"
    r"(?P<label>[A-Za-z][\w&'’./-]*(?:\s+[A-Za-z(][\w&'’./()-]*){0,2}?)\s*:?\s*\(?\s*$",
    re.IGNORECASE,
)
#: Label words that qualify the same metric, or are no label: "GAAP", "Q3", "full-year", "up", "of".
_NOT_OWN_LABEL: Final = frozenset(
    (
        # words of prose, not of a label
        "of", "in", "from", "to", "at", "by", "for", "with", "on", "and", "or", "but", "was", "were",
        "is", "are", "be", "been", "has", "have", "had", "up", "down", "rose", "fell", "grew",
        "increased", "decreased", "rising", "including", "includes", "included", "compared", "versus",
        "vs", "vs.", "than", "over", "under", "the", "a", "an", "its", "our", "their", "which", "that",
        "while", "plus", "minus", "after", "before", "reaching", "reached", "totaling", "totalling",
        "totaled", "totalled", "worth", "valued", "representing", "only", "just", "also", "another",
        "additional", "further", "alone", "each", "both", "it", "we", "they", "said", "says",
        # an amount said again in another way: "a S$1.2 billion loan, that's about US$900 million"
        "that's", "that’s", "about", "approximately", "roughly", "around", "nearly", "almost", "equivalent",
        # periods
        "quarter", "quarterly", "year", "annual", "annually", "full-year", "full", "fiscal", "month",
        "months", "ytd", "ttm", "ltm", "prior", "previous", "last", "next", "current", "this",
        "sequential", "sequentially", "yoy", "y/y", "q/q", "qoq", "growth", "h1", "h2", "1h", "2h",
        "fy",
        # basis and scope of the same metric
        "gaap", "non-gaap", "adjusted", "adj.", "adj", "core", "reported", "ifrs", "underlying",
        "organic", "pro", "forma", "constant", "currency", "total", "consolidated", "midpoint", "low",
        "high", "range",
        # the outlook of the same metric
        "guidance", "guide", "outlook", "forecast", "target", "actual", "actuals",
    )
)  # fmt: skip


def _own_label(r: _Reading, q: Quantity, idx: int, left: Cue) -> bool:
    """In a list of labelled figures, the figure's own label is outside the vocabulary: "Revenue $1.26B,
    FCF $410M, Debt $3.1B" gives FCF and debt no revenue; "EPS ($0.06), EBITDA $611M" no earlier label's
    metric either. A period, basis or outlook word ("Revenue $1.26B, FY $4.8B", "GAAP 43%") qualifies the
    metric before it and keeps it."""
    s = r.sentence
    floor = max(left.end, r.quantities[idx - 1].end) if idx else left.end
    if q.start - floor > 60:
        return False
    gap = s[floor : q.start]
    if not any(sep in gap for sep in (",", ";", ":", "|", "•", "·", "vs")):
        return False
    m = _ITEM_LABEL.search(s, floor, q.start)
    if m is None:
        return False
    words = m.group("label").lower().replace("(", " ").replace(")", " ").split()
    return not any(w in _NOT_OWN_LABEL or any(ch.isdigit() for ch in w) for w in words)


#: Words a contract still to be signed is written with (cheap screen for `_unsigned_contract`).
_UNSIGNED_WORDS: Final = (
    "could", "would", "might", "may ", "once", "if ", "until", "unless", "await", "yet to", "no tenant",
    "no customer", "without a", "not signed", "not yet signed", "before a",
)  # fmt: skip
#: The nouns (and the verb "sign") a contract is named by; "contracted", "leased" state a status.
_CONTRACT_NOUNS: Final = frozenset(
    ("contract", "contracts", "lease", "leases", "deal", "deals", "agreement", "agreements", "msa", "msas",
     "sign", "signs")
)  # fmt: skip
#: A modal before the contract noun: "could carry a contract", "would sign a lease for", "may add deals".
_MODAL_BEFORE: Final = re.compile(r"\b(?:could|would|might|(?-i:may))\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
#: A tenant not yet signed: "once a tenant is signed", "until an anchor customer signs", "awaiting a
#: tenant", "has yet to sign a customer", "no tenant has been signed".
_PENDING_TENANT: Final = re.compile(
    r"\b(?:once|if|when|until|unless|before|after)\s+(?:(?:an?|the|its|our|their|any)\s+)?(?:[\w-]+\s+)?"
    r"(?:tenants?|customers?|lessees?|clients?|anchors?|users?|buyers?)\s+(?:(?:is|are|has\s+been|have\s+been|gets?|"
    r"can\s+be|will\s+be)\s+)?(?:signed|secured|found|identified|lands?|landed|signs?|commits?|committed)\b|"
    r"\bawait(?:s|ing)?\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:tenant|customer|lessee|anchor)|"
    r"\b(?:yet\s+to|has\s+not|have\s+not|hasn['’]t|haven['’]t)\s+(?:yet\s+)?(?:sign|signed|secure|secured|find|found|"
    r"land|landed)\s+(?:an?\s+|any\s+)?(?:tenant|customer|lessee)|"
    r"\b(?:no|without\s+an?)\s+(?:signed\s+)?(?:tenant|customer|lessee)s?\b",
    re.IGNORECASE,
)


def _unsigned_contract(r: _Reading, q: Quantity) -> bool:
    """Is the contract a MW figure is read with one still to be signed? "The 300 MW campus could carry a
    contract once a tenant is signed", "we could sign leases for 150 MW": no capacity is contracted.

    The status word nearest the figure decides: a contract noun (or "sign") after a modal, or in the
    same clause as a tenant still to come. "Contracted", "leased" and "signed" state the figure's own
    status and are left alone ("would bring contracted capacity to 800 MW").
    """
    best: tuple[int, int, int] | None = None
    for a, b, kind in r.power_statuses():
        if kind != "contracted":
            continue
        distance = a - q.end if a >= q.end else q.start - b
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, a, b)
    if best is None:
        return False
    _d, a, b = best
    low = r.folded.low
    word = low[a:b]
    if (word not in _CONTRACT_NOUNS and word != "signed") or not any(w in low for w in _UNSIGNED_WORDS):
        return False
    s = r.sentence
    if word in ("signed", "sign", "signs"):
        # The status word is the pending phrase's own verb: "… once a tenant is signed".
        pending = _PENDING_TENANT.search(s, max(0, a - 80), min(len(s), b + 10))
        if pending is not None and pending.start() <= a < pending.end():
            return True
    if word not in _CONTRACT_NOUNS:
        return False
    if _MODAL_BEFORE.search(s, max(0, a - 50), a):
        return True
    pending = _PENDING_TENANT.search(s, b, min(len(s), b + 90))
    return pending is not None and _CLAUSE_END.search(s, b, pending.start()) is None


_CLAUSE_END: Final = re.compile(r"[;]|\.\s")


def _shared_noun(r: _Reading, q: Quantity, idx: int) -> Cue | None:
    """ "Signed $2B and $8.1B-$9.3B contracts": two amounts joined by "and" before one noun share
    it, so the first takes the cue written right after the second (asked only when the first has no
    cue of its own on either side)."""
    nxt = r.quantities[idx + 1]
    if nxt.unit != q.unit or not _AND_JOIN.fullmatch(r.sentence, q.end, nxt.start):
        return None
    return _nearest_cues(r, nxt)[0]


#: Two amounts joined by "and" only ("$2B and $8B contracts"), not a comma list.
_AND_JOIN: Final = re.compile(r"\s+and\s+")
#: One of these words is in every `_SENSITIVITY_BEFORE` match (with "by").
_MODALS: Final = ("would", "could", "might", "may")
#: The word every `_CHANGE_BEFORE` match ends with, before its spaces.
_CHANGE_LAST_WORDS: Final = (
    "increased", "decreased", "rose", "grew", "fell", "declined", "climbed", "dropped", "jumped", "up",
    "down", "of", "by",
)  # fmt: skip


def _may_hold(r: _Reading, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Can a case-insensitive pattern, every match of which holds one of `words` (lower-case), match
    in the sentence's [start, end)? False: surely not. `str.find` over the lower-cased sentence costs
    a fraction of an IGNORECASE scan, which tries each of its words at each position; where lower-
    casing is no exact stand-in (`Folded.fast` false) the pattern decides."""
    f = r.folded
    if not f.fast:
        return True
    low = f.low
    return any(low.find(word, start, end) >= 0 for word in words)


def _may_be_per_unit(r: _Reading, q: Quantity) -> bool:
    """Cheap test before `_PER_UNIT_AFTER`: the first word after the figure ("a", "an", "per",
    "each", "for each") opens with one of four letters."""
    f = r.folded
    head = f.low[q.end : q.end + 8].lstrip()
    return not f.fast or not head or head[0] in "apef/"


#: A class of customers or sites sized by a threshold, right before the power figure (lower-cased):
#: "data centers above", "loads larger than", "customers with contracted demand above", "any new load
#: of more than" (the comparison may be the figure's own bound: "above 75 MW").
_CLASS_THRESHOLD: Final = re.compile(
    r"\b(?:data\s+cent(?:er|re)s|(?:large\s+)?loads|customers|facilities|users|consumers|projects|sites|"
    r"campuses|tenants|applicants|requests|(?:any|each|every|all|no)\s+(?:new\s+|large\s+|single\s+)?"
    r"(?:data\s+cent(?:er|re)|load|customer|facility|user|consumer|project|site|campus|tenant|applicant|"
    r"request)s?)"
    r"(?:\s+with\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}?(?:demand|loads?|capacity|usage|consumption|"
    r"requirements?)(?:\s+of)?)?"
    r"(?:\s+(?:that\s+(?:are|is)|are|is|that\s+exceed|of))?"
    r"(?P<cmp>\s+(?:above|over|exceeding|in\s+excess\s+of|(?:larger|greater|bigger|more|less|smaller)\s+than|"
    r"at\s+least|at\s+or\s+above|below|under|up\s+to))?\s*$"
)
#: Every class noun of `_CLASS_THRESHOLD` holds one of these, for its screen.
_CLASS_STEMS: Final = (
    "cent", "load", "custom", "facilit", "user", "consum", "project", "site", "campus", "tenant", "applic",
    "request",
)  # fmt: skip
#: The comparison words `_CLASS_THRESHOLD` may end with, for its screen.
_THRESHOLD_WORDS: Final = ("above", "over", "exceed", "excess", "than", "least", "below", "under", "up to")


def _class_threshold(r: _Reading, q: Quantity) -> bool:
    """A power figure that sizes a class of customers in a rule or tariff ("requiring data centers
    above 75 MW to pay …", "Loads larger than 100 MW must sign contracts", "customers with contracted
    demand above 75 MW") is a condition, no one's capacity. Needs a comparison word: "data centers
    of 75 MW" is no threshold."""
    bounded = q.bound in ("at_least", "at_most")
    lo = max(0, q.start - 70)
    low = r.folded.low
    if not bounded:
        tail = low[max(lo, q.start - 22) : q.start]
        if not any(w in tail for w in _THRESHOLD_WORDS):
            return False
    window = low[lo : q.start]
    if not any(w in window for w in _CLASS_STEMS):
        return False
    m = _CLASS_THRESHOLD.search(low, lo, q.start)
    return m is not None and (bounded or m.group("cmp") is not None)


#: An amount named as a deposit: "a $180 million security deposit", "$25 million in cash deposits".
_DEPOSIT_AFTER: Final = OnFirstUse(
    r"\s+(?:in\s+|of\s+)?(?:(?:security|cash|refundable|non-refundable|customer|collateral|performance|"
    r"interconnection|escrow)\s+)?deposits?\b",
    re.IGNORECASE,
)

#: Before an amount that divides another figure: "per US$1 million of revenue", "for every $1 of sales".
_DENOMINATOR_BEFORE: Final = ("per ", "for every ", "for each ", " every ")
_DEPOSIT_BEFORE: Final = OnFirstUse(
    r"\bdeposits?\s+(?:of|were|was|are|is|totall?ed|amounted\s+to|stood\s+at|reached)\s+"
    r"(?:(?:approximately|about|roughly|nearly)\s+)?$",
    re.IGNORECASE,
)


#: A capacity label opening a term-sheet line: "Capacity:", "Critical IT load:", "Leased power -".
_CAPACITY_LABEL: Final = re.compile(
    r"\s*(?:[-•*–—]\s*)?(?:(?:total|critical|it|leased|lease|gross|contracted|power|initial)\s+){0,3}"
    r"(?:capacity|load|power|size|megawatts)\s*[:–—-]\s"
)


def _deal_term_capacity(r: _Reading, q: Quantity, idx: int, metric: str | None) -> bool:
    """Under a deal's terms (`_State.deal_terms`), is the MW figure one with no status word of its
    own: read as deployed only for the measure "critical IT load" beside it, or given nothing on a
    line its label names ("Capacity: 200 MW")? Then it is the capacity the deal signs. A status
    written near it keeps its reading: "Delivery: the initial 72 MW is expected to be delivered …"."""
    if metric is None and _CAPACITY_LABEL.match(r.folded.low) is None:
        return False
    if metric is None and (_third_party_before(r, q, after=False) or _class_threshold(r, q)):
        return False
    statuses = [x for x in r.power_statuses() if x[2] != "weak"]
    prev = next(((o.start, o.end) for o in reversed(r.quantities[:idx]) if o.unit == "mw"), None)
    nxt = next((o.start for o in r.quantities[idx + 1 :] if o.unit == "mw"), -1)
    return status_of_power(r.sentence, q.start, q.end, r.folded, prev, nxt, statuses) is None


#: Right before a power figure, lower-cased: it is a unit a price or a yield is set per, not an amount:
#: "every 1 GW", "for each 100 MW", "per 1 GW of".
_PER_POWER_BEFORE: Final = re.compile(
    r"\b(?:(?:every|per|for\s+each)\s+(?:additional\s+|incremental\s+|new\s+)?|each\s+(?:additional|incremental)\s+)$|"
    # "Each 100 MW of live capacity adds roughly US$180 million": opening the sentence (", each 100 MW"
    # after a list of sites is each one's size).
    r"^\W*each\s+$"
)


def _per_power_yield(r: _Reading, q: Quantity) -> bool:
    """Does the figure follow, in the same clause, a unit of power a rule of thumb is stated per
    (`_PER_POWER_BEFORE`)? "Each additional 100 MW adds roughly $150 million of annual revenue"."""
    low = r.folded.low
    for o in r.quantities:
        if o.start >= q.start:
            return False
        if (
            o.unit == "mw"
            and _PER_POWER_BEFORE.search(low, max(0, o.start - 22), o.start) is not None
            and low.find(";", o.end, q.start) < 0
            and low.find(". ", o.end, q.start) < 0
        ):
            return True
    return False


#: A part of a delivery schedule, written before the figure: "delivery in four phases of 60 MW each",
#: "handed over in tranches of about 40 MW".
_TRANCHE_BEFORE: Final = re.compile(
    r"\b(?:phases|tranches|stages|instal(?:l)?ments|increments|blocks)\s+of\s+"
    r"(?:(?:approximately|about|roughly|around|up\s+to|c\.|~)\s*)?$",
    re.IGNORECASE,
)
#: The same written after it: "to be delivered in three 50 MW phases" (not "60 MW phases of the campus
#: are leased", which names what was signed).
_TRANCHE_AFTER: Final = re.compile(
    r"\s+(?:phases|tranches|stages|instal(?:l)?ments)\b(?!\s+(?:of\s+(?:the|its|our|their)|(?:is|are|was|were|has|"
    r"have)\s+(?:been\s+)?(?:fully\s+)?(?:leased|contracted|signed|committed)))",
    re.IGNORECASE,
)
_TRANCHE_WORDS: Final = ("phases", "tranches", "stages", "instal", "increments", "blocks")


def _delivery_tranche(r: _Reading, q: Quantity) -> bool:
    """Is the contracted power figure one tranche of a delivery schedule ("The Lease provides for delivery
    in four phases of 60 MW each")? A schedule of the capacity already contracted, not more of it. A
    single phase that was signed ("a lease for the 60 MW first phase") is left alone."""
    low = r.folded.low
    if not any(low.find(w, max(0, q.start - 40), q.end + 20) >= 0 for w in _TRANCHE_WORDS):
        return False
    s = r.sentence
    return _TRANCHE_BEFORE.search(s, max(0, q.start - 40), q.start) is not None or (
        _TRANCHE_AFTER.match(s, q.end) is not None
    )


#: A buyback's verb right before its amount (lower-cased): "repurchased", "bought back approximately".
_BUYBACK_BEFORE: Final = re.compile(
    r"\b(?:repurchas\w*|(?:bought|buy|buys|buying)\s+back)\s+(?:(?:about|approximately|roughly|another|"
    r"an\s+additional|up\s+to|some|nearly)\s+)?(?:us)?\$?\s*$"
)


#: A sale of the company's securities after "sales": "sales of common stock", "the sale of 4,000,000 shares".
_SECURITIES_SOLD_AFTER: Final = re.compile(
    r"\s+of\s+(?:[\w,.-]+\s+){0,4}?(?:stock|shares|units|securities|ADSs|depositary)\b", re.IGNORECASE
)
#: A backlog's level straight before its amount: "a backlog of", "backlog stood at", "RPO was".
_BACKLOG_LEVEL_GAP: Final = re.compile(
    r"\s*(?:of|at|was|were|is|totall?ed|totall?ing|stood\s+at|reached|amounted\s+to)\s*", re.IGNORECASE
)
#: The measure named after an amount: "$1.02 billion of annualized rent", "… in contracted revenue".
_MEASURE_GAP: Final = re.compile(r"\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


def _measure_of_left(s: str, q: Quantity, left: Cue, right: Cue) -> bool:
    """Does the cue after an amount only measure the one before it? "raised $310 million through
    sales of common stock" (a sale of stock is money raised, no revenue), "a backlog of $1.02 billion
    of annualized rent" (the backlog counted in rent)."""
    if left.type == "financing" and right.type == "revenue":
        sold = _SECURITIES_SOLD_AFTER.match(s, right.end)
        return right.text.lower() in ("sales", "sale") and sold is not None
    return (
        left.type == "backlog"
        and right.type in ("contract", "revenue")
        and q.start - left.end <= 16
        and _BACKLOG_LEVEL_GAP.fullmatch(s, left.end, q.start) is not None
        and _MEASURE_GAP.fullmatch(s, q.end, right.start) is not None
    )


def _metric_for(r: _Reading, q: Quantity, idx: int) -> tuple[str | None, Cue | None]:
    s = r.sentence
    right, left = _nearest_cues(r, q)
    if q.unit == "mw":
        if _third_party_before(r, q, after=False):
            return None, None
        if _class_threshold(r, q):
            return None, None
        if q.start >= 4 and _PER_POWER_BEFORE.search(r.folded.low, max(0, q.start - 22), q.start):
            # "every 1 GW of baseload contracted at $85/MWh is worth …": a unit of a rule of thumb.
            return None, None
        if s.startswith(" order", q.end) and _POWER_ORDER_AFTER.match(s, q.end) is not None:
            # "including a 300 MW order from Oracle, and … had delivered 210 MW": the order's size, which
            # borrows no status from another clause's verb.
            return None, None
        prev = next(((o.start, o.end) for o in reversed(r.quantities[:idx]) if o.unit == "mw"), None)
        nxt = next((o.start for o in r.quantities[idx + 1 :] if o.unit == "mw"), -1)
        status = status_of_power(s, q.start, q.end, r.folded, prev, nxt, r.power_statuses())
        if status == "contracted":
            if _unsigned_contract(r, q) or _delivery_tranche(r, q):
                return None, None
            if (
                s.startswith(",", q.end)
                and _LEASED_TAIL.match(s, q.end) is not None
                and _LIVE_HEAD_BEFORE.search(s, max(0, q.start - 60), q.start) is not None
            ):
                # "its operational HPC capacity remains about 110 MW, mostly leased to two smaller GPU
                # clouds": the head noun says live; the participle after the comma only says who uses it.
                return "capacity_deployed", None
            return "capacity_contracted", None
        if status == "deployed":
            return "capacity_deployed", None
        return None, None
    if q.unit == "usd":
        if (q.high < 10000 and not q.is_range and q.high == q.low) or (
            _may_be_per_unit(r, q) and _PER_UNIT_AFTER.match(s, q.end)
        ):
            return None, None
        if r.folded.low.endswith(_DENOMINATOR_BEFORE, max(0, q.start - 12), q.start):
            # "41 tonnes CO2e per US$1 million of revenue": an intensity's denominator, no amount.
            return None, None
        low30 = max(0, q.start - 30)
        if (
            r.folded.low.find("repurchas", low30, q.start) >= 0
            or r.folded.low.find(" back ", low30, q.start) >= 0
        ) and _BUYBACK_BEFORE.search(r.folded.low, low30, q.start) is not None:
            # "…, and repurchased $150 million of its shares": a buyback pays money out, never raises it
            # (nor is it any other metric's amount).
            return None, None
        if "deposit" in r.folded.low and (
            _DEPOSIT_AFTER.compiled.match(s, q.end) is not None
            or _DEPOSIT_BEFORE.compiled.search(s, max(0, q.start - 40), q.start) is not None
        ):
            # "Norbury will provide a $180 million security deposit": collateral held, no metric.
            return None, None
        usable = ("revenue", "backlog", "contract", "financing", "block", "third_party")
        if left is not None and left.type == "block" and left.text.lower() == "per share":
            # "in a private placement at $38.40 per share, for an aggregate purchase price of approximately
            # $250 million": the per-share price's unit is no noun of the sum after it.
            left = _before_unit_of_other(r, q, left)
        if right is None and left is None and idx + 1 < len(r.quantities):
            right = _shared_noun(r, q, idx)
        if right is not None and right.text.lower() == "worth" and _WORTH_OF.match(s, right.end):
            # "$4.2 billion worth of servers": the measure names no agreement; what follows "of" does.
            right = next((c for c in r.cues if c.start >= right.end and c.start - right.end < 30), None)
        if (
            right is not None
            and right.type == "block"
            and right.text.lower() == "coupon"
            and r.folded.low[max(0, right.start - 5) : right.start] in ("zero-", "zero ", "zero‑")
        ):
            # "$750 million of zero-coupon convertible notes": the kind of note, no coupon rate.
            right = next((c for c in r.cues if c.start >= right.end and c.start - right.end < 30), None)
        if right is not None and right.type == "stock":
            # "$250 million of our common stock in a private placement": the sale is the financing.
            sold = next((c for c in r.cues if c.start >= right.end and c.start - right.end < 30), None)
            if sold is not None and sold.type == "financing":
                right = sold
        cue: Cue | None = right if right is not None and right.type in usable else left
        if cue is right and left is not None and right is not None and _measure_of_left(s, q, left, right):
            # "raised $310 million through sales of common stock", "a backlog of $1.02 billion of
            # annualized rent": the noun after the amount is the measure of the one before it.
            cue = left
        if (cue is None or cue.type == "block") and "warrant" in r.folded.low and _warrant_bought(s, q):
            # "… purchased from the Company, for $25 million in cash, a warrant": money raised.
            return "financing", None
        if (
            cue is right
            and right is not None
            and right.type == "contract"
            and left is not None
            and left.type in ("backlog", "revenue")
        ):
            # "… with the new 300 MW lease": the deal's size in power is no part of the words before it.
            deal_at = right.start
            if "W" in s[max(0, deal_at - 12) : deal_at] or "watt" in s[max(0, deal_at - 12) : deal_at]:
                sized = _POWER_BEFORE_NOUN.search(s, max(0, deal_at - 30), deal_at)
                deal_at = sized.start() if sized is not None else deal_at
            if _WITH_THIS_BEFORE.search(s, max(0, deal_at - 30), deal_at) and not (
                left.type == "backlog" and _PART_OF_BEFORE.search(s, left.end, q.start)
            ):
                # "Backlog's about $7 billion now with this deal": the deal is what lifted the backlog
                # ("The backlog includes $2.3 billion from the lease with Oracle" is the lease's part).
                cue = left
        if cue is not None and cue is left and cue.type == "contract":
            cue = _head_over_contract(r, q, cue)
        elif cue is not None and cue is right and cue.type == "contract" and _debt_deal(s, cue):
            cue = Cue("financing", cue.start, cue.end, cue.text)
        if (
            cue is not None
            and cue is left
            and (s.find(",", cue.end, q.start) >= 0 or s.find(")", cue.end, q.start) >= 0)
        ):
            # Only when something closes between the cue and the figure: "Backlog, reflecting …, was".
            cue = _defined_head(r, cue, q, usable)
        if cue is not None and cue.type == "contract" and "revenue" in r.folded.low:
            # "Revenue from the agreement in the quarter was $18 million", "recognized revenue of $12
            # million under the Agreement during the quarter": revenue a deal brought in, not its value.
            earned = _revenue_under_deal(r, q, cue, left)
            if earned is not None:
                cue = earned
            elif (
                cue is right
                and left is not None
                and left.type == "revenue"
                and _part_from_deal(r, q, idx, cue)
            ):
                # "Revenue for the quarter was $96.1 million, including $14.2 million from the Ketterby
                # Lease": a part of the period's revenue, neither the revenue nor the lease's value.
                return None, None
        if cue is not None and cue.type == "block" and cue.text.lower() == "volume":
            # "placed a Schuldschein loan with a volume of EUR 250 million": the loan's size, no trading.
            loan = next((c for c in reversed(r.cues) if c.end <= cue.start), None)
            if loan is not None and loan.type == "financing" and _WITH_VOLUME.fullmatch(s, loan.end, cue.end):
                cue = loan
        if (
            cue is not None
            and cue.type == "financing"
            and cue.text[:4].lower() == "rais"
            and _OUTLOOK_NOUN_BEFORE.search(s, max(0, cue.start - 30), cue.start)
        ):
            # "FY26 outlook raised to …", "capex raised to": the outlook or budget was raised, no money was.
            cue = None
        if (
            cue is not None
            and cue.type == "financing"
            and cue.text[:4].lower() == "rais"
            and _NEED_TO_RAISE.search(s, max(0, cue.start - 24), cue.start) is not None
        ):
            # "will need to raise 'at least another $2 billion' for the rest of the build": money still to
            # find, none raised.
            return None, None
        if (
            cue is not None
            and cue.type == "financing"
            and cue.text[:4].lower() == "rais"
            and _RAISE_OBJECT.match(s, cue.end, q.start)
        ):
            # "renewal options that could raise the total to $7.4 billion": the object raised is no money.
            cue = next((c for c in reversed(r.cues) if c.end <= cue.start), None)
        if (
            cue is None
            and not any(q.end <= c.start < q.end + 60 for c in r.cues)
            and _may_be_outlook(r.folded.low)
            and _OUTLOOK_MONEY_BEFORE.search(s, max(0, q.start - 50), q.start)
        ):
            return "revenue", cue
        if cue is None:
            return None, None
        folded_low = r.folded.low
        if cue.type == "block" and cue.text.lower() == "fees" and _term_fees(r, q, cue):
            # "the Capacity Agreement … and the aggregate fees payable by Lumora over the initial term
            # are expected to be approximately $6.1 billion": the agreement's value over its term.
            return "contract_value", cue
        if ("vest" in folded_low or "tranche" in folded_low or "cumulative" in folded_low) and _threshold(
            s, q
        ):
            # "warrants vest as cumulative payments under the agreement reach $1 billion, $2 billion …":
            # the thresholds of a condition, not amounts paid.
            return None, None
        if "first time" in s and _MILESTONE_BEFORE.search(s, max(0, q.start - 30), q.start):
            # "We crossed a billion dollars of quarterly revenue for the first time": a milestone passed.
            return None, None
        if (
            cue.type == "contract"
            and cue.text.lower() in ("transaction", "deal", "valued at")
            and ("acqui" in folded_low or "merg" in folded_low or "takeover" in folded_low)
            and _purchase_price(s, cue)
        ):
            # "… to acquire Tamsin Networks in an all-stock transaction valued at $2.1 billion": a
            # purchase price, not a customer agreement.
            return None, None
        if cue.type == "contract" and cue.text.lower() in ("valued at", "worth"):
            if any(w in folded_low for w in _PUBLIC_AID_WORDS) and _PUBLIC_AID_BEFORE.search(
                s, max(0, cue.start - 40), cue.start
            ):
                # "The county approved a property tax abatement valued at $45 million": public aid to the
                # project, not an agreement with a customer.
                return None, None
            if any(w in folded_low for w in _PAY_AWARD_WORDS) and _PAY_AWARD_BEFORE.search(
                s, max(0, cue.start - 70), cue.start
            ):
                # "a sign-on grant of restricted stock units valued at $4.5 million": pay, no agreement.
                return None, None
        worth = cue if cue.text.lower() in _WORTH_WORDS else left
        if (
            worth is not None
            and worth.text.lower() in _WORTH_WORDS
            and (worth is cue or q.start - worth.end <= 2)
            and _company_worth(r, worth)
        ):
            # "Corvane, which listed in May and is now worth about $38bn", "The startup was valued at
            # $5.5 billion in its latest funding round": a company's value, no contract, no money raised.
            return None, None
        if (
            cue.type == "contract"
            and cue.text.endswith(("purchase", "buy"))
            and (
                cue.end > q.start
                or not _PURCHASE_GAP.fullmatch(s, cue.end, q.start)
                or _SECURITIES_AFTER.match(s, q.end)
            )
        ):
            # "committed to purchase at least $3.2 billion of optical engines" is a purchase commitment;
            # "agreed to purchase $200 million of common stock" and "agreed to buy Kelso for $1 billion"
            # are not.
            return None, None
        if cue.type == "contract" and (_UPFRONT_AFTER.match(s, q.end) or _prepaid(r, q)):
            # "will pay $1.5 billion up front", "under which it prepaid $300 million", "a $300 million
            # prepayment": a payment in advance, not the value of the agreement.
            return None, None
        if cue.type == "financing" and _REPAY_BEFORE.search(s, max(0, q.start - 40), q.start):
            # "to repay $300 million outstanding under its revolving credit facility": money paid back.
            return None, None
        if cue.type == "contract" and cue.end <= q.start and "rent" in cue.text.lower():
            # "Signed-but-not-commenced leases represent annualized rent of $148.5 million": the
            # clause's subject is the backlog, the rent only its measure.
            clause_left = _clause_span(r, q, r.quantities)[0]
            backlog_cue = next(
                (c for c in r.cues if c.type == "backlog" and clause_left <= c.start < cue.start), None
            )
            if backlog_cue is not None:
                return "backlog", backlog_cue
        if cue.type == "contract" and "rent" in cue.text.lower() and _yearly_rent(r, q, cue):
            # "~$90M annual rent", "rent of $90 million a year": one year's rent, not the lease's value.
            return None, None
        if cue.type == "contract" and cue.text.lower() == "orders" and _ORDER_TOTAL.search(s):
            # "Data-center orders were a record $1.6 billion": the period's bookings, no one contract.
            return None, None
        if cue.type == "financing" and (
            (cue.text.lower() == "proceeds" and _ASSET_SALE.search(s, 0, q.start))
            or _PROCEEDS_USE.match(s, q.end)
            or (_USE_TO.match(s, q.end) and _USE_OF_PROCEEDS.search(s, 0, q.start))
            or ("default" in s and _COVENANT_BEFORE.search(s, max(0, q.start - 80), q.start))
        ):
            # "to use $118.4 million of the net proceeds to pay …", "… and $400 million to repay …",
            # "plans to use about $75 million to pay down borrowings under its bridge loan",
            # "if we default on other indebtedness of more than $75 million": where money goes, or
            # a covenant's threshold, not money raised.
            return None, None
        if (
            cue.type in ("financing", "revenue", "backlog", "contract")
            and _may_hold(r, max(0, q.start - 120), q.start, ("by",))
            and _may_hold(r, max(0, q.start - 120), q.start, _MODALS)
            and _SENSITIVITY_BEFORE.search(s, max(0, q.start - 120), q.start)
        ):
            # "would increase or decrease the net proceeds to us by approximately $40.1 million",
            # "would reduce our annual revenue by more than $60 million", "higher power prices could
            # lower backlog by about $90 million": a sensitivity, no amount.
            return None, None
        if right is not None and right.type in ("block", "third_party"):
            return None, None
        if _third_party_before(r, q):
            return None, None
        if cue is left and _own_label(r, q, idx, cue):
            # "Revenue $1.26B, FCF $410M": the figure's own label is no metric of the vocabulary.
            return None, None
        if cue.type in ("revenue", "backlog", "contract") and _a_change(r, q, cue):
            # "revenue backlog $41.2B (+$14B q/q)", "up $14 billion sequentially": a change, not a level.
            return None, None
        if cue.type == "revenue":
            if (
                cue.end < q.start
                and may_end_with(s[cue.end : q.start], _CHANGE_LAST_WORDS, space=True)
                and _CHANGE_BEFORE.search(s, cue.end, q.start)
            ):
                return None, None
            if s.find(" in ", max(0, cue.start - 40), cue.start) >= 0 and _CHANGE_IN_BEFORE.search(
                s, max(0, cue.start - 40), cue.start
            ):
                # "The increase in revenue of $98.1 million": the change, not the revenue.
                return None, None
            if _DIFFERENCE_AFTER.match(s, q.end):
                # "revenue would have been $5 million higher": a difference, not the revenue.
                return None, None
            if _second_amount(r, q, cue, left):
                # "mining revenue of $38.7 million, with hardware profit of $21.0 million", "revenue of
                # $1.42bn and about $60mn above the top end of its range", "Microsoft, which accounted
                # for $245.3 million of our revenue": another measure's amount, not the period's revenue.
                return None, None
            if cue.start > q.end and _added_to_revenue(r, q, cue):
                # "the lease could add about $300 million to annual revenue": an increment, no level.
                return None, None
            if _contract_total(r, q, cue):
                # "$6.4 billion in revenue over five years", "total anticipated lease revenue ≈ $9 billion":
                # the value of signed contracts over their terms, no period's revenue.
                if _per_year(r, q, cue):
                    # "$0.9 billion in annual revenue over 15 years": one year's share, no total.
                    return None, None
                return "contract_value", cue
            if left is not None and left.type == "third_party":
                return None, None
            if cue.end <= q.start and _unit_price_before(r, q):
                # "revenue was $85.5 million, as it mined 812 bitcoin at an average realized price of
                # $105,300 per coin": a unit's price, not the revenue.
                return None, None
            return "revenue", cue
        if cue.type == "backlog":
            if _contract_total(r, q, cue) or _deal_revenue(r, q, cue):
                # "Total anticipated contracted lease revenue now stands at approximately $9 billion",
                # "a lease with Vantor that locks in $3.1 billion in contracted revenue".
                return "contract_value", cue
            return "backlog", cue
        if cue.type == "contract":
            return "contract_value", cue
        if cue.type == "financing":
            if cue.end <= q.start and "proceeds" in cue.text.lower() and _spent_from_proceeds(r, q, cue):
                return None, None
            return "financing", cue
        if cue.type in ("concentration", "stock") and left is not None:
            # "…represented 73% of our remaining performance obligations of $2.37 billion"
            prior = [c for c in r.cues if c.end <= q.start and c.type in ("backlog", "revenue", "contract")]
            if prior and q.start - prior[-1].end < 12:
                return {"backlog": "backlog", "revenue": "revenue", "contract": "contract_value"}[
                    prior[-1].type
                ], prior[-1]
        return None, None
    # percent
    if _third_party_before(r, q):
        return None, None
    if left is not None and (s.find(",", left.end, q.start) >= 0 or s.find(")", left.end, q.start) >= 0):
        # "Gross margin, excluding depreciation costs, was 45%": the margin, not the costs.
        left = _defined_head(r, left, q, _PERCENT_HEADS)
    if right is not None and right.type in ("gross_margin", "operating_margin"):
        return right.type, right
    if right is not None and right.type == "revenue" and _growth_noun_phrase(s, q, right):
        # "The 38% year-over-year revenue jump", "a 38% YoY rise in revenue": the figure is the growth.
        return "revenue_growth", right
    if right is None and r.folded.low.startswith(" growth ", q.end):
        base = _growth_over_revenue(r, q)
        if base is not None:
            # "closer to 74% growth over fiscal 2026 revenue of $1.315 billion": growth on the year's revenue.
            return "revenue_growth", base
    if (
        right is not None
        and right.type == "stock"
        and q.start <= 3
        and (q.low < 0 or "+" in s[: q.start + 1])
        and _FIGURE_FIRST_GAP.fullmatch(s, q.end, right.start)
    ):
        # "+14% — Pellucid shares on Thursday": a list item led by the signed move, no verb.
        return "stock_move", right
    if right is not None and right.type == "stock" and _move_noun_phrase(s, q, right):
        # "notes the fall of approximately 34% in the Company's share price": the move as a noun.
        return "stock_move", right
    if right is not None and right.type in ("block", "financing", "third_party", "backlog"):
        if (
            right.type != "block"
            or left is None
            or left.type != "stock"
            or _CIRCUMSTANCE_GAP.search(s, q.end, right.start) is None
        ):
            return None, None
        # "The stock closed -2.8% on Monday amid a sector rout", "shares fell 4% in heavy volume",
        # "… on concerns about capex": the circumstance of the company's own move, not the label of
        # the figure (as in "a 4% dividend yield").
        right = None
    of_revenue = OF_REVENUE.match(s, q.end)
    capitals = False
    if of_revenue is None and s.startswith(" OF ", q.end) and r.folded.fast:
        # "LARGEST CUSTOMER NOVI LABS WAS 52% OF REVENUE": a headline in capitals, read lower-cased.
        of_revenue = OF_REVENUE.match(r.folded.low, q.end)
        capitals = of_revenue is not None
    if of_revenue and left is not None and left.type == "block":
        margin = _profit_share(r, q, idx, left)
        if margin is not None:
            return margin, left
    if of_revenue and left is not None and left.type in ("block", "third_party"):
        ends = r.clause_breaks()[1]
        at = bisect_right(ends, q.start)
        if at and left.end <= ends[at - 1]:
            # "… the $251 million analysts had expected, and said 58% of its revenue came from a single
            # customer": the analysts' clause has ended; the share is the company's own.
            left = None
    if of_revenue and (left is None or left.type not in ("block", "third_party")):
        floor = r.quantities[idx - 1].end if idx > 0 else 0
        subject = r.folded.low[floor : q.start] if capitals else s[floor : q.start]
        if (_SEGMENT_SUBJECT.search(subject) or (not floor and _LINE_SUBJECT.match(subject))) and not (
            CUSTOMERISH.search(subject)
        ):
            # "Data center end-market revenue was 83% of total revenue", "Data center was about 40% of
            # revenue two years ago": a segment's share, no customer.
            return None, None
        if left is not None and left.type == "concentration" and _segment_share_of_total(r, subject, floor):
            # "Cloud segment revenue soared 28% to $7.2 billion, now accounting for about 48% of total sales".
            return None, None
        if (
            CUSTOMERISH.search(subject)
            or _has_party(subject)
            or (left is not None and left.type == "concentration")
        ):
            return "customer_concentration", left
        # "60% of revenue came from our largest customer" / "was derived from Orinoco".
        source = _CAME_FROM.match(s, of_revenue.end())
        if source and CUSTOMERISH.search(s, source.end(), source.end() + 40):
            return "customer_concentration", left
        return None, None
    floor = r.quantities[idx - 1].end if idx > 0 else 0
    subject = s[floor : q.start]
    if CUSTOMERISH.search(subject) and _RE_WERE_WAS_ACCOUNTED.search(subject):
        return "customer_concentration", left
    if left is None:
        return None, None
    if left.type in ("gross_margin", "operating_margin"):
        return left.type, left
    if left.type == "concentration" and (
        _GROWTH_AFTER.match(s, q.end) or _growth_on_corresponding_period(s, left.end, q)
    ):
        # "Sales: $52 million in Q2, representing 38% YOY growth": the revenue's growth, no share.
        revenue = next((c for c in reversed(r.cues) if c.end <= left.start and c.type == "revenue"), None)
        if revenue is not None and left.start - revenue.end < 80:
            return "revenue_growth", revenue
    if left.type == "concentration":
        floor = r.quantities[idx - 1].end if idx > 0 else 0
        subject = s[max(0, floor - 0) : q.start]
        if left.text.lower().endswith("share") and _RE_THAT_ITS_THEIR.search(left.text):
            if _share_of_no_customer(r, idx, left):
                return None, None
            return "customer_concentration", left
        whole_before = s[: q.start]
        customer_subject = (
            CUSTOMERISH.search(subject)
            or _has_party(subject)
            or (CUSTOMERISH.search(whole_before) and _RE_CUSTOMERS_CLIENTS.search(whole_before))
        )
        not_revenue = (_RE_OF.match(s[q.end : q.end + 10]) and not OF_REVENUE.match(s, q.end)) or (
            ("stake" in r.folded.low or "interest" in r.folded.low or "ownership" in r.folded.low)
            and _STAKE_AFTER.match(s, q.end) is not None
        )
        if not_revenue and customer_subject and _revenue_it(r, q, left):
            not_revenue = False  # "revenue of $96.5 million …, with Mistral AI accounting for 52% of it"
        segment_only = _SEGMENT_SUBJECT.search(subject) and not CUSTOMERISH.search(subject)
        if customer_subject and not not_revenue and not segment_only:
            return "customer_concentration", left
        return None, None
    if left.type == "stock":
        if r.folded.low.startswith(_MARKET_NOUNS, left.end):
            # "The stock market fell 3%", "stock indexes slid 2%": the market's move, no company's.
            return None, None
        between = s[left.end : q.start]
        after = s[q.end : q.end + 12]
        if _level_crossed(r, q):
            # "We expect Ostrava's share to fall below 35%": a level a share may cross, no move.
            return None, None
        if len(between) < 90 and (
            MOVE_UP.search(between)
            or MOVE_DOWN.search(between)
            or _RE_HIGHER_LOWER.match(after)
            or between.rstrip().endswith("+")
            or (
                s[q.start : q.start + 1] in "-−+" and (not between.strip() or _SIGNED_LINK.fullmatch(between))
            )
        ):
            if _RE_OUTSTANDING_REPURCHASE_BUYBACK.search(between):
                return None, None
            return "stock_move", left
        return None, None
    if left.type == "revenue":
        between = s[left.end : q.start]
        after = s[q.end : q.end + 50]
        if r.folded.low.endswith(_SHARE_OF, 0, left.start) and _level_crossed(r, q):
            # "We expect the customer's share of revenue to fall below 35%": a customer's share, no growth.
            floor = r.quantities[idx - 1].end if idx > 0 else 0
            subject = s[floor : left.start]
            if CUSTOMERISH.search(subject) or _has_party(subject):
                return "customer_concentration", left
            return None, None
        if _sequential_growth(r, q, idx, left):
            return None, None
        if _compound_rate(s, between, q):
            return None, None
        if " " in between and _other_noun_change(between):
            return None, None
        if ("higher" in after[:9] or "lower" in after[:8]) and _modifies_other_noun(after):
            return None, None
        if _RE_BOF_TOTAL_REVENUE.search(after[:20]):
            return None, None
        up_between = (
            _may_hold(r, left.end, q.start, GROWTH_UP_WORDS) and GROWTH_UP.search(between) is not None
        )
        if (
            up_between
            or GROWTH_DOWN.search(between)
            or (q.start - left.end < 60 and _PAREN_SIGN.search(between))
            or (_may_hold(r, q.end, q.end + 25, GROWTH_UP_WORDS) and GROWTH_UP.search(after[:25]))
            or _RE_YEAR_OVER_ON.search(after)
            or (_BY_ONLY.fullmatch(between) and _GROW_BEFORE.search(s, max(0, left.start - 30), left.start))
        ):
            if (
                _RE_TO_OF_APPROXIMATELY.search(between[-30:])
                and not up_between
                and not _PAREN_SIGN.search(between)
                and not _GROWTH_AFTER.match(s, q.end)
                and not _year_ago_after(r, q)
            ):
                return None, None
            return "revenue_growth", left
        return None, None
    return None, None


#: A year-ago comparator right after a percentage: "down 4.1% from a year earlier", "(4.1)% versus the
#: prior year", "lower 6% than a year ago", "down 3% from last year's quarter".
_YEAR_AGO_CMP: Final = re.compile(
    r"\s*(?:from|versus|vs\.?|compared\s+(?:with|to)|against|on|over|than)\s+(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|"
    r"(?:the\s+)?(?:prior|previous|preceding|last)[\s-]year\b|(?:the\s+)?year[\s-](?:ago|earlier)\b)",
    re.IGNORECASE,
)


def _year_ago_after(r: _Reading, q: Quantity) -> bool:
    """Is the percentage compared with a year before, written right after it ("revenue of $287.5
    million, down (4.1)% from a year earlier")? Then it is the revenue's change, not another amount's."""
    return (
        r.folded.low.find("year", q.end, q.end + 40) >= 0
        and _YEAR_AGO_CMP.match(r.sentence, q.end) is not None
    )


#: A year-over-year marker right after a percentage: "310% YoY", "310% y/y", "310% year over year".
_YOY_RIGHT_AFTER: Final = re.compile(r"\s*\(?(?:year[\s-](?:over|on)[\s-]year|y/y|yoy)\b", re.IGNORECASE)


def _stated_for_later(r: _Reading, q: Quantity, period: Period, state: _State) -> bool:
    """Is the figure stated with "is"/"are" right before it for a period its own sentence names that
    ends after the document's period ("Q2 non-GAAP operating margin is 17% to 18%." in a call on the
    first quarter)? A result of that period cannot be out yet."""
    ctx = state.context
    s = r.sentence
    if ctx is None or period.end_month <= ctx.end_month or period.kind == "FY":
        return False
    if not s.endswith((" is ", " are "), max(0, q.start - 5), q.start):
        return False
    return any(p == period and not c and m.end <= q.start for m, p, c in r.mentions)


def _loss_of(s: str, q: Quantity) -> bool:
    """Is the margin written as "a loss of 3.2%" (or "a loss of approximately 3.2%")?"""
    at = s.rfind("loss of ", max(0, q.start - 30), q.start)
    if at < 0:
        return False
    gap = s[at + 8 : q.start].strip().lower()
    return gap in ("", "approximately", "about", "roughly", "nearly", "around")


def _compound_rate(s: str, between: str, q: Quantity) -> bool:
    """A compound annual growth rate is multi-year, no year-over-year growth: "implies a compound annual
    growth rate of roughly 50%", "at a 45% CAGR", "a 40% compound annual rate"."""
    after = s[q.end : q.end + 12]
    return "ompound" in between or "CAGR" in between or "ompound" in after or "CAGR" in after


def _sequential_growth(r: _Reading, q: Quantity, idx: int, left: Cue) -> bool:
    """The revenue change is against the previous quarter, so no year-over-year growth: "up 35% QoQ",
    "rose sequentially by 35%". Summaries pair the two ("up 310% YoY and 35% QoQ", "up 35% sequentially
    and 310% year over year"): a marker belongs to its own figure, so a figure marked year over year is
    growth whatever its neighbour says, the words after it stop at the next percentage, and a sequential word
    after an earlier percentage is that percentage's."""
    s = r.sentence
    if _YOY_RIGHT_AFTER.match(s, q.end):
        return False
    nxt = next((o.start for o in r.quantities[idx + 1 :] if o.unit == "percent"), len(s))
    if SEQUENTIAL.search(s, q.end, min(q.end + 30, nxt)):
        return True
    after = r.folded.low[q.end : min(q.end + 40, nxt)]
    if ("q" in after or "h" in after) and _against_previous_quarter(r, q, nxt):
        return True
    start = left.end
    for o in r.quantities[:idx]:
        if o.unit == "percent" and o.start >= left.end:
            return False
    return SEQUENTIAL.search(s, start, q.start) is not None


#: The quarter a change is measured against, named right after the figure: "up 11% from Q2", "up 58% on
#: Q4 FY26", "up 9% versus the June quarter", "up 212% on the September quarter last year". `rest` is
#: what follows the quarter's name, up to the clause's end.
#: A half named the same way is the half before: "21 per cent higher than H1 FY26" in a report of H2
#: FY26, "up 14% on the first half".
_AGAINST_QUARTER: Final = re.compile(
    r"\s*,?\s*(?:(?:(?:per\s?cent|percent|%)\s+)?(?:higher|lower|more|less|greater|above|below|up|down)\s+"
    r"(?:than|on|from|over|versus|vs\.?|compared\s+(?:with|to))|from|on|over|versus|vs\.?|compared\s+(?:with|to)|"
    r"against|relative\s+to)\s+(?:the\s+)?"
    r"(?:(?:fiscal\s+)?(?P<label>F?Q[1-4]|F?[1-4]Q|H[12]|[12]H)\b|(?:March|June|September|Sept|December)\s+quarter\b|"
    r"(?P<half>first|second)\s+half\b)"
    r"(?P<rest>[^,;()]{0,24})",
    re.IGNORECASE,
)
#: After a quarter's name, the words that make it a year's ago: "… last year", "… a year ago", "… of
#: 2025", "… of fiscal 2026", "… 2025", "… FY26", "… of the prior year".
_YEAR_AGO_AFTER: Final = re.compile(
    r"\s*(?:of\s+|in\s+)?(?:(?:the\s+)?(?:last|prior|previous|preceding)[\s-](?:fiscal\s+)?year|a\s+year\s+(?:ago|earlier|"
    r"before)|(?:the\s+)?year[\s-]ago|(?:fiscal\s+|calendar\s+)?20\d\d|fiscal|FY|F\d|['’]?\d\d\b)",
    re.IGNORECASE,
)


def _against_previous_quarter(r: _Reading, q: Quantity, nxt: int) -> bool:
    """Is the change after `q` measured against the quarter before the reported one, named by its label
    or month ("up 11% from Q2", "up 9% versus the June quarter", "up 58% on Q4 FY26" in a report of Q1
    FY27)? Such growth is sequential, no year-over-year growth. A quarter of a year ago ("on the
    September quarter last year", "from Q3 2025" in a report of Q3 2026) is not, nor a quarter whose
    year is stated when the reported quarter is unknown."""
    s = r.sentence
    m = _AGAINST_QUARTER.match(s, q.end, min(q.end + 60, nxt))
    if m is None:
        return False
    label = m.group("label")
    dated = _YEAR_AGO_AFTER.match(m.group("rest")) is not None
    half = m.group("half")
    if label is None and half is None:
        # "the June quarter": the quarter before, unless a year follows it.
        return not dated
    start = m.start("label") if label is not None else m.start("half")
    end = m.end("label") if label is not None else m.end("half")
    kind = "H" if half is not None or "H" in label.upper() else "Q"
    per_year = 2 if kind == "H" else 4
    current: Period | None = None
    named: Period | None = None
    for mention, period, comp in r.mentions:
        if period is None or mention.kind != kind:
            continue
        if start <= mention.start < end:
            named = period if mention.year is not None else None
        elif mention.end <= q.start and not comp and mention.relative == "none" and current is None:
            current = period
    if current is None and r._context is not None and r._context.kind == kind:
        current = r._context
    if named is not None:
        # "on Q4 FY26" beside "Q1 FY27", "higher than H1 FY26" beside "H2 FY26": the period right
        # before the reported one.
        return (
            current is not None
            and (current.year * per_year + current.number) - (named.year * per_year + named.number) == 1
        )
    if dated:
        return False
    # "from Q2", "on the first half" with no year: the period before, unless it is the reported one's
    # own number.
    if half is not None:
        number = 1 if half.lower() == "first" else 2
    else:
        number = int(label.upper().replace("F", "").replace("Q", "").replace("H", ""))
    return current is None or current.number != number


#: A clause of its own about another noun's change, ending at the figure: "fell as units mined declined",
#: "while hashprice dropped by", "with power costs up".
_OTHER_CHANGE: Final = re.compile(
    r"\b(?:as|while|whereas|because|since|amid|though|although|with)\s+(?P<subj>(?:[\w'’-]+\s+){1,4}?)"
    r"(?:was\s+|were\s+)?(?:rose|rising|grew|growing|increased|increasing|jumped|climbed|surged|gained|"
    r"fell|falling|declined|declining|decreased|decreasing|dropped|dropping|slipped|shrank|slid|plunged|"
    r"up|down|higher|lower)(?:\s+by)?\s*$",
    re.IGNORECASE,
)


#: A change written as a comparative before another noun: "a 70% higher average coin price", "a 12% lower
#: power cost" (not "12% higher than a year ago", "12% higher year over year").
_HIGHER_NOUN_AFTER: Final = re.compile(
    r"\s+(?:higher|lower)\s+(?!(?:than|on|in|at|versus|vs|compared|from|to|year|sequentially|quarter|this|"
    r"last|for|over|and|or|with|as)\b)(?P<noun>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})"
)


def _modifies_other_noun(after: str) -> bool:
    """The percentage is a comparative of another noun written after it ("revenue rose, partly offset by a
    70% higher average coin price"), not revenue's growth ("a 30% higher revenue base" still is)."""
    m = _HIGHER_NOUN_AFTER.match(after)
    return m is not None and _RE_REVENUE_SALES.search(m.group("noun")) is None


def _other_noun_change(between: str) -> bool:
    """The percentage after a revenue cue is the change of another noun in its own clause: "Hosting revenue
    fell as units mined declined 40%" gives no revenue growth; "fell as revenue from hosting declined 40%"
    still speaks of revenue."""
    m = _OTHER_CHANGE.search(between)
    return m is not None and _RE_REVENUE_SALES.search(m.group("subj")) is None


#: A holding, not a share of revenue: "a 6 percent pro forma stake", "a 9% equity interest in".
_STAKE_AFTER: Final = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:stake|(?:equity|economic|ownership|voting)\s+interest|ownership|interest\s+in)\b",
    re.IGNORECASE,
)
#: A line of business as the subject of a revenue figure: "cloud unit revenue", "hosting business sales".
_LINE_REVENUE: Final = re.compile(
    r"\b(?:unit|arm|business)(?:['’]s)?\s+(?:revenues?|sales|turnover)\b", re.IGNORECASE
)
#: A participle or relative linking a share back to the sentence's subject: ", now accounting for".
_SHARE_LINK: Final = re.compile(
    r"^\W*(?:(?:now|thus|alone|together|which|that|and)\s+)*(?:account(?:ing|s|ed)?|represent(?:ing|s|ed)?|"
    r"mak(?:ing|es)\s+up|made\s+up|comprising|comprises|contribut(?:ing|es|ed))\b",
    re.IGNORECASE,
)


def _segment_share_of_total(r: _Reading, subject: str, floor: int) -> bool:
    """The share's clause only links back to the sentence's subject (", now accounting for about 48% of total
    sales"), and that subject is a business line's revenue, no customer: "Cloud segment revenue soared 28% to
    $7.2 billion, now accounting for about 48% of total sales" is the segment's weight, no concentration."""
    if not floor or CUSTOMERISH.search(subject) or not _SHARE_LINK.match(subject):
        return False
    head = r.sentence[:floor]
    return (
        _SEGMENT_SUBJECT.search(head) is not None
        or _LINE_REVENUE.search(head) is not None
        or _LINE_NAMED_REVENUE.match(head) is not None
    ) and (CUSTOMERISH.search(head) is None)


#: A line of business named by common nouns before its revenue, at the sentence's start: "Data center
#: revenue", "Power and cooling sales", "Hosting revenue" (a customer's name is a proper noun: "Orrin
#: revenue" is not read so).
_LINE_NAMED_REVENUE: Final = re.compile(
    r"\W*(?:[A-Z][a-z]+(?:[\s-]+(?:and\s+|&\s+)?[a-z][\w-]*){1,3}|[A-Z][a-z]+ing)\s+(?:revenues?|sales)\b"
)
#: A line of business as the whole subject of a share of revenue: "Data center was about 40% of revenue",
#: "Our hosting business represented 58%".
_LINE_SUBJECT: Final = re.compile(
    r"\W*(?:(?:the|our|its|their)\s+)?(?:data[\s-]cent(?:er|re)s?|cloud|hosting|mining|networking|storage|"
    r"compute|gaming|automotive|industrial|enterprise|consumer|hpc|software|hardware|services|products?|"
    r"colocation|interconnect(?:ion)?|power\s+(?:systems|equipment))(?:\s+(?:business|segment|unit|group|"
    r"line|arm|products?|solutions|revenues?|sales))?\s+(?:alone\s+|now\s+|then\s+)?(?:was|were|is|are|made\s+up|"
    r"makes\s+up|accounted\s+for|accounts\s+for|represented|represents|contributed)\b",
    re.IGNORECASE,
)


#: A profit line whose share of revenue is its margin: "operating loss", "gross profit".
_PROFIT_LINE: Final = re.compile(
    r"(?:(?P<gross>gross)\s+profit|operating\s+(?:income|loss|profit)|EBIT)", re.IGNORECASE
)
#: From a profit line to its share of revenue, the amount in any currency: ") was EUR 14.2 million (EUR
#: 3.0 million), or ", " of SEK 310m, or ".
_AMOUNT_OR_SHARE: Final = re.compile(
    r"\)?(?:\s*\([^()]{1,12}\))?\s+(?:was|were|of|totall?ed|amounted\s+to|came\s+in\s+at|reached|(?:rose|fell|increased|decreased|"
    r"grew|declined)\s+to)\s+(?:[A-Z]{1,3}\$|US\$|\$|€|£|¥|[A-Z]{3}\s?)[\d.,]+\s*"
    r"(?:million|billion|thousand|bn|mn|m|k)?(?:\s*\([^()]{1,30}\))?,?\s+or\s+"
    r"(?:approximately\s+|about\s+|roughly\s+|negative\s+|minus\s+)?",
    re.IGNORECASE,
)
#: Between the profit's amount and its share: "$38.1 million, or (9.2)% of revenue".
_OR_SHARE: Final = re.compile(r",?\s+or\s+(?:approximately\s+|about\s+|roughly\s+|negative\s+|minus\s+)?")


_YOY: Final = r"(?:year[\s-](?:over|on)[\s-]year|y/y|yoy)"
_GROWTH_NOUN: Final = r"(?:growth|increase|rise|gain|jump|climb|surge|expansion)"
#: Right after a percentage: "38% YoY", "38% year-over-year increase", "38% growth".
_GROWTH_AFTER: Final = re.compile(r"\s*(?:" + _YOY + r"\b|" + _GROWTH_NOUN + r"\b)", re.IGNORECASE)
#: Between a percentage and the revenue noun after it: "38% year-over-year revenue" (then a growth
#: noun) or "38% YoY rise in revenue".
_GROWTH_BEFORE_REVENUE: Final = re.compile(
    r"\s*(?:" + _YOY + r"\s+)?(?:" + _GROWTH_NOUN + r"\s+in\s+)?", re.IGNORECASE
)
_GROWTH_NOUN_AFTER: Final = re.compile(r"\s+" + _GROWTH_NOUN + r"\b", re.IGNORECASE)
#: A year-over-year comparison said in full after a percentage: "41.3% as compared with the
#: corresponding period in 2025", "38% over the same period last year".
_CORRESPONDING_PERIOD_AFTER: Final = re.compile(
    r",?\s*(?:as\s+)?(?:compared\s+(?:with|to)|from|over|versus|vs\.?)\s+(?:the\s+)?"
    r"(?:same|corresponding|comparable|prior[\s-]year)\s+(?:period|quarter|half|six\s+months|nine\s+months)\b",
    re.IGNORECASE,
)
#: A change noun before the percentage: "representing an increase of 41.3%".
_CHANGE_NOUN_OF: Final = re.compile(
    r"\b(?:an?\s+)?(?:increase|growth|rise|gain|jump|climb|expansion)\s+of\s+(?:approximately\s+|about\s+)?$",
    re.IGNORECASE,
)


def _growth_on_corresponding_period(s: str, floor: int, q: Quantity) -> bool:
    """ "revenue of $538 million, representing an increase of 41.3% as compared with the corresponding
    period in 2025": a change noun before the percentage and the prior year's period after it make it
    the revenue's growth; the same percentage without the change noun could be a share."""
    if "period" not in s and "quarter" not in s and "half" not in s and "months" not in s:
        return False
    return bool(_CORRESPONDING_PERIOD_AFTER.match(s, q.end)) and bool(
        _CHANGE_NOUN_OF.search(s, max(floor, q.start - 40), q.start)
    )


def _growth_noun_phrase(s: str, q: Quantity, revenue: Cue) -> bool:
    """ "The 38% year-over-year revenue jump", "a 38% rise in revenue": the percentage leads a noun
    phrase of revenue growth (not "a 12% sequential revenue increase", nor "a 38% revenue share")."""
    gap = _GROWTH_BEFORE_REVENUE.fullmatch(s, q.end, revenue.start)
    if gap is None or SEQUENTIAL.search(s, revenue.end, revenue.end + 40):
        return False
    if gap.group().rstrip().lower().endswith(" in"):
        return True
    return _GROWTH_NOUN_AFTER.match(s, revenue.end) is not None


def _profit_share(r: _Reading, q: Quantity, idx: int, left: Cue) -> str | None:
    """ "GAAP operating loss was $38.1 million, or (9.2)% of revenue": the profit line's share of
    revenue, written right after its amount, is its margin."""
    profit = _PROFIT_LINE.fullmatch(left.text)
    if profit is None:
        return None
    margin = "gross_margin" if profit.group("gross") else "operating_margin"
    amount = r.quantities[idx - 1] if idx > 0 else None
    if (
        amount is not None
        and amount.unit == "usd"
        and amount.start >= left.end
        and not any(left.end <= o.start < amount.start for o in r.quantities)
        and _OR_SHARE.fullmatch(r.sentence, amount.end, q.start) is not None
    ):
        return margin
    if _AMOUNT_OR_SHARE.fullmatch(r.sentence, left.end, q.start):
        # "Operating profit (EBIT) was EUR 14.2 million (EUR 3.0 million), or 13.5% of revenue": an amount
        # in another currency (no figure of ours) with its prior one in brackets.
        return margin
    return None


def _continues_move(r: _Reading, q: Quantity, metrics: list[tuple[str | None, Cue | None]]) -> bool:
    """ "…rose as much as 12% … to end the session up 4.5%": a second move of the same shares."""
    if not any(m == "stock_move" for m, _c in metrics):
        return False
    left = _nearest_cues(r, q)[1]
    if left is not None and left.type == "block":
        return False
    before = r.sentence[max(0, q.start - 16) : q.start]
    return bool(MOVE_UP.search(before) or MOVE_DOWN.search(before))


#: Before a consensus cue after the company's figure, the words that set the figure against it: "above
#: the", "versus analysts'", "while" ("…, while analysts expect 43%": the analysts' own clause).
_AGAINST_CONSENSUS: Final = re.compile(
    r"\b(?:above|below|ahead\s+of|short\s+of|than|versus|vs\.?|against|compared\s+(?:with|to)|beat|beating|beats|"
    r"missed|missing|misses|topped|topping|tops|while|whereas|but|in\s+line\s+with|matching|matched)\s+(?:the\s+)?"
    r"(?:(?:average|mean|median)\s+)?(?:(?:analysts?|street|wall\s+street)(?:['’]s?|s['’])?\s+)?$",
    re.IGNORECASE,
)


#: A flash's estimate tag right before the figure, after a comma or "vs.": ", EST. $80.1M", "VS. EST
#: 44%", "STREET EST. 4.0%", ", ESTIMATE 40.0%" (not "Best", "West", "Korrin, est. 2015, …").
_EST_TAG: Final = re.compile(
    r"(?:^|[,;(]|\bvs\.?|\bversus|\bstreet|\bconsensus)\s*(?i:est\.?|estimate)\s*:?\s*$", re.IGNORECASE
)
#: The tag after the figure: "$79.4M VS. $77.0M EST.", "44% estimate)".
#: (Not the tag of the next figure: "REV $82.4M EST. $80.1M" labels the $80.1M.)
_EST_TAG_AFTER: Final = re.compile(r"\s*(?i:est\.?|estimate)(?!\.?\s*(?:US)?\$|\.?\s*\d)(?=\s*(?:$|[,;.)]))")


def _estimate_tag(r: _Reading, q: Quantity) -> bool:
    """ "3Q REV $82.4M, EST. $80.1M": a flash's tag for the Street's estimate, not the company's."""
    low = r.folded.low
    if low.find("est", max(0, q.start - 24), q.start) >= 0 and _EST_TAG.search(
        r.sentence, max(0, q.start - 24), q.start
    ):
        return True
    return _EST_TAG_AFTER.match(r.sentence, q.end) is not None


#: An analyst's estimate period: "FY27E", "4Q26E", "2027E", "CY28E".
_ESTIMATE_PERIOD: Final = re.compile(
    r"\b(?:(?:FY|CY|[1-4]Q|Q[1-4]|[12]H|H[12](?!\d))\s?'?\d{2}(?:\d{2})?|20\d\d)E\b"
)


def _digit_then_e(s: str, start: int, end: int) -> bool:
    """Does s[start:end] hold a digit followed by "E"? Every `_ESTIMATE_PERIOD` match does, and
    finding "E" is far cheaper than the pattern's attempt at every position."""
    end = min(end, len(s))
    i = s.find("E", start + 1, end)
    while i >= 0:
        if s[i - 1].isdigit():  # (`isdigit` takes every `\d` digit, and more)
            return True
        i = s.find("E", i + 1, end)
    return False


def _estimate_period_before(r: _Reading, q: Quantity) -> bool:
    """ "Our FY27E revenue goes to $3.41bn": an estimate period in the figure's own clause."""
    s = r.sentence
    if _digit_then_e(s, q.end, q.end + 30) and _ESTIMATE_PERIOD.search(s, q.end, q.end + 30):
        # "… gross margin of 44% in FY28E": the estimate period written right after the figure.
        return True
    if not _digit_then_e(s, 0, q.start):
        return False
    starts = [m.start() for m in _ESTIMATE_PERIOD.finditer(s, 0, q.start)]
    return bool(starts) and starts[-1] >= _clause_span(r, q, [])[0]


def _third_party_before(r: _Reading, q: Quantity, after: bool = True) -> bool:
    """An analyst's model or the consensus, not the company: "Oyelaran now models … 41%".

    With `after`, also a consensus named right after the figure ("$612M, a hair above the
    Street"); capacity is not compared with the Street, and a cue after it is likely part of
    a name ("150 MW signed with Tidewater Models").
    """
    if "E" in r.sentence and _estimate_period_before(r, q):
        return True
    if r.folded.low.find("est", max(0, q.start - 24), q.end + 12) >= 0 and _estimate_tag(r, q):
        return True
    if _trailing_estimate(r, q):
        return True
    if "estimate" in r.folded.low and _own_estimate_noun(r, q):
        return True
    if not any(c.type == "third_party" for c in r.cues):
        return False
    if _reported_by_company_after(r, q):
        # "Analysts estimate the deal could add $900 million a year, compared with the $640 million in
        # revenue the company reported for 2025": the figure's own clause makes it the company's result.
        return False
    if r.folded.low.find(", which ", max(0, q.start - 40), q.start) >= 0 and _WHICH_WAS_BEFORE.search(
        r.sentence, max(0, q.start - 40), q.start
    ):
        # "…, roughly doubling Cairnfield's revenue, which was $694 million last year": a past result in
        # the figure's own relative clause, no estimate.
        return False
    left, _right = _clause_span(r, q, [])
    for c in r.cues:
        if c.type != "third_party":
            continue
        if c.end <= q.start and _actuals_between(r, c.end, q.start):
            continue
        if left <= c.start < q.start:
            return True
        if (
            c.start < 16
            and c.end < q.start
            and _LABEL_COLON.match(r.sentence, c.end)
            and _label_governs(r, c, q)
        ):
            # "Consensus: revenue $81.0M, adj. gross margin 44.1%, 2Q revenue guide $90.5M": a label
            # opening the sentence titles its whole list (an abbreviation's dot ends no clause).
            return True
        if (
            c.start < 16
            and c.end <= q.start
            and not any(o.end <= c.start for o in r.quantities)
            and (
                not _SUBJECT_CHANGE.search(r.sentence, c.end, q.start)
                or (
                    _THIRD_PARTY_LABEL.match(r.sentence, c.end) is not None
                    and _OWN_REPORT.search(r.sentence, c.end, q.start) is None
                )
            )
        ):
            # "Analysts at Ridley estimate …, and see gross margin reaching 45%": the sentence's
            # subject is the third party, and it speaks for every clause until another subject.
            # "Estimates (LSEG): revenue $1.1B; gross margin 40%": a label line's source governs
            # every item of its list.
            return True
        if not after:
            continue
        # "$612M, a hair above the Street": the company's figure set against the consensus.
        if (
            0 <= c.start - q.end <= 30
            and not any(q.end <= o.start < c.start for o in r.quantities)
            and r.sentence.find(";", q.end, c.start) < 0
            and not _AGAINST_CONSENSUS.search(r.sentence, max(0, c.start - 34), c.start)
            and not (_COMMA_ONLY.fullmatch(r.sentence, q.end, c.start) and _labels_next(r, c))
        ):
            # (Not when the cue labels a figure of its own: "REV $82.4M, CONSENSUS $80.1M".)
            return True
    return False


#: A past result in the figure's own relative clause after its noun: "revenue, which was", "sales, which
#: totaled".
_WHICH_WAS_BEFORE: Final = re.compile(
    r"\b(?:revenues?|sales),\s+which\s+(?:was|were|totall?ed|came\s+to|came\s+in\s+at|reached|amounted\s+to)\s+$",
    re.IGNORECASE,
)
#: The figure's own relative clause says the company reported it: "the $640 million in revenue the
#: company reported for 2025", "from the $870 million it reported", "the $1.3 billion of revenue that
#: Marrowind posted in 2025" (an analysts' sentence setting their forecast against the company's result).
_REPORTED_BY_COMPANY_AFTER: Final = re.compile(
    r"(?:\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}?(?:revenues?|sales|bookings))?\s+(?:that\s+|which\s+)?"
    r"(?P<who>(?i:the\s+company|it|management)|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+"
    r"(?:(?:had|has|already|just)\s+)?(?i:reported|posted|recorded|booked|generated|logged|earned|brought\s+in)\b"
)
#: Every `_REPORTED_BY_COMPANY_AFTER` match holds one of these (lower-cased).
_REPORTED_WORDS: Final = (
    "reported", "posted", "recorded", "booked", "generated", "logged", "earned", "brought"
)  # fmt: skip


def _reported_by_company_after(r: _Reading, q: Quantity) -> bool:
    """Is the figure the company's own result by a relative clause right after it
    (`_REPORTED_BY_COMPANY_AFTER`) whose subject is no third party ("the $2.0 billion LSEG reported")?"""
    window = r.folded.low[q.end : q.end + 70]
    if not any(w in window for w in _REPORTED_WORDS):
        return False
    m = _REPORTED_BY_COMPANY_AFTER.match(r.sentence, q.end)
    return m is not None and not any(
        c.type == "third_party" and m.start("who") <= c.start < m.end() for c in r.cues
    )


#: An estimate attributed at the sentence's end: "…, analysts estimate.", "…, Bernstein analysts
#: reckon.", "…, according to analysts' estimates." (not "…, the company estimates.": its own figure).
_TRAILING_ESTIMATE: Final = re.compile(
    r"(?:,|\s[-–—])\s+(?:(?:according\s+to|by|on)\s+(?:the\s+|some\s+|most\s+|several\s+)?"
    r"(?:analysts?['’]?|street|consensus|brokers?['’]?)(?:\s+(?:estimates?|forecasts?|calculations?|models?|"
    r"math|reckoning))?|"
    r"(?:(?:some|most|several|many|other|the)\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}(?i:analysts?|strategists?|"
    r"economists?|brokers?)\s+(?:now\s+|also\s+)?(?:estimated?|estimates|calculated?|calculates|reckons?|"
    r"reckoned|figured?|figures|believed?|believes|think|thinks|thought|projected?|projects|forecasts?|"
    r"expected?|expects|guess(?:es|ed)?|suspected?|suspects))"
    r"\s*[.!?\"”’)]*\s*$"
)
#: The writer's own estimate as the figure's noun: "We lower our CY2027 revenue estimate to $8.9bn from
#: $9.3bn", "my full-year margin estimate is 41%" (a company speaks of its outlook or guidance; "we
#: estimate third-quarter revenue of …" is the verb, and "our estimated revenue" a preliminary result).
_OWN_ESTIMATE_NOUN: Final = re.compile(
    r"\b(?:our|my)\s+(?:[\w'’/.-]+\s+){0,4}?estimates?\s+(?:(?:now\s+)?(?:to|of|at|for|from|is|are|was|were|"
    r"stands?|goes|go|moves?|sits?|remains?)\b|:)",
    re.IGNORECASE,
)
#: Every `_TRAILING_ESTIMATE` match holds one of these.
_TRAILING_WORDS: Final = ("analyst", "strategist", "economist", "broker", "street", "consensus")


def _own_estimate_noun(r: _Reading, q: Quantity) -> bool:
    """Is the figure the writer's own estimate, named by its noun in the figure's clause?"""
    left = _clause_span(r, q, [])[0]
    low = r.folded.low
    if low.find("our ", left, q.start) < 0 and low.find("my ", left, q.start) < 0:
        return False
    return _OWN_ESTIMATE_NOUN.search(r.sentence, left, q.start) is not None


def _trailing_estimate(r: _Reading, q: Quantity) -> bool:
    """Does the sentence end by attributing its figures to analysts ("Northlight accounted for less than
    5% of Altamira's sales in the first half, analysts estimate.")? The attribution covers the figure's
    clause run: none after a ";" between them."""
    low = r.folded.low
    if not any(w in low for w in _TRAILING_WORDS):
        return False
    tail = max(q.end, len(low) - 90)
    m = _TRAILING_ESTIMATE.search(r.sentence, tail)
    return m is not None and m.start() >= q.end and r.sentence.find(";", q.end, m.start()) < 0


#: Where a list under a "Consensus:" label gives way to the company's own words: "; Brisa reported",
#: "the company said", a new sentence ("adj. gross margin" ends none).
_LABEL_LIST_END: Final = re.compile(
    r";|\b(?:the\s+company|management|it|they)\s+(?:said|says|reported|expects|guided|forecast)\b|"
    r"(?<!\badj)(?<!\bapprox)(?<!\bincl)(?<!\bexcl)(?<!\bvs)(?<!\best)(?<!\bop)(?<!\boper)[.!?]\s+(?-i:[A-Z][a-z])",
    re.IGNORECASE,
)


#: The colon after a label, with the source in brackets: "Consensus:", "Consensus (FactSet):".
_LABEL_COLON: Final = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?:")


def _label_governs(r: _Reading, c: Cue, q: Quantity) -> bool:
    """Does a third-party label opening the sentence ("Consensus:") still title the figure at `q`?"""
    return _LABEL_LIST_END.search(r.sentence, c.end, q.start) is None


_COMMA_ONLY: Final = re.compile(r"\s*,\s*")


def _labels_next(r: _Reading, c: Cue) -> bool:
    """Is a third-party cue the label of the figure right after it ("consensus estimate of $80.1M")?"""
    for o in r.quantities:
        if o.start >= c.end:
            gap = r.sentence[c.end : o.start]
            return len(gap) <= 16 and "," not in gap and ";" not in gap
    return False


#: The rest of a label naming the Street's source, up to its colon: "LSEG data:", "Visible Alpha
#: consensus:", "Estimates (FactSet):" (after the cue).
_THIRD_PARTY_LABEL: Final = re.compile(r"[\w\s&'’-]{0,25}\)?\s*:\s")
#: A later item of such a list where the company speaks for itself: "; Korrin Labs reported revenue of".
_OWN_REPORT: Final = re.compile(
    r";\s+(?:(?i:the\s+company|management|it|they)|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s+"
    r"(?i:said|says|reported|reports|posted|announced|delivered|guided|expects)\b"
)
#: "Consensus: revenue $1.18B … vs actual revenue $1.26B", "Street: … | Actual: …": the figures after the
#: marker are the company's results set against the consensus.
_ACTUALS_MARKER: Final = re.compile(
    r"\b(?:(?:vs\.?|versus|against|compared\s+(?:with|to))\s+(?:the\s+)?actuals?\b|actuals?\s*:)",
    re.IGNORECASE,
)


def _actuals_between(r: _Reading, start: int, end: int) -> bool:
    """The company's own figures after a third party's words: "… vs actual revenue $1.26B", or the
    company's target named in the analyst's sentence ("we assume 700 MW, ahead of the company's target
    of at least 650 MW")."""
    low = r.folded.low
    window = max(start, end - 50)
    if (low.find("company", window, end) >= 0 or low.find("management", window, end) >= 0) and (
        _COMPANY_OWN_BEFORE.search(r.sentence, window, end) is not None
    ):
        return True
    if low.find("actual", start, end) < 0:
        return False
    return _ACTUALS_MARKER.search(r.sentence, start, end) is not None


#: "the company's target of", "management's own guidance for", "company guidance of": the company's figure.
_COMPANY_OWN_BEFORE: Final = re.compile(
    r"\b(?:the\s+company(?:'s|’s)|management(?:'s|’s)|company)\s+(?:own\s+)?(?:[\w-]+\s+)?"
    r"(?:targets?|guidance|goals?|outlook|forecast|plan)\s+(?:of|for|is|was|at|to)\s+"
    r"(?:[\"“'‘]\s*)?(?:approximately\s+|about\s+|roughly\s+|at\s+least\s+|more\s+than\s+|up\s+to\s+)?$",
    re.IGNORECASE,
)


#: A new subject or a contrast: "…, but the company said", "; Qorvath expects", "while management".
_SUBJECT_CHANGE: Final = re.compile(
    r";|,\s+(?:but|while|whereas|although|though|yet)\b|\b(?:the\s+company|management|it|they)\s+"
    r"(?:said|says|reported|expects|guided|forecast)\b|[.:]\s",
    re.IGNORECASE,
)


def _has_party(text: str) -> bool:
    return bool(_RE_CUSTOMER_CLIENT_TENANT.search(text)) or any(
        not _common(n) for _s, _e, n in names_in(text)
    )


def _common(name: str) -> bool:
    return name.lower() in {"gaap", "non-gaap", "in", "for", "during", "as", "sales", "revenue"} or bool(
        _RE_FY_DAY.fullmatch(name)
    )


#: A move written as a noun before its figure: "the fall of approximately 34%", "a 12% rise" aside.
_MOVE_NOUN_BEFORE: Final = re.compile(
    r"\b(?:fall|decline|drop|slide|rise|increase|gain|jump|climb|surge)\s+of\s+"
    r"(?:(?:approximately|about|around|roughly|some|nearly|almost|more\s+than|over|c\.|circa)\s+)?$",
    re.IGNORECASE,
)
#: What lies between such a figure and its share price: "in the Company's", "in Kestrel's", "in its".
_MOVE_NOUN_GAP: Final = re.compile(
    r"\s+in\s+(?:the\s+)?(?:(?:Company|Group|company|group)['’]s\s+|its\s+|our\s+|the\s+|"
    r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['’]s?\s+)?(?:ordinary\s+)?"
)


def _move_noun_phrase(s: str, q: Quantity, right: Cue) -> bool:
    """Is the figure a share-price move written as a noun ("the fall of approximately 34% in the
    Company's share price", "the recent rise of 12% in its share price")?"""
    if q.start < 8 or right.start - q.end > 40 or s.find(" of ", max(0, q.start - 30), q.start) < 0:
        return False
    noun = right.text.lower()
    if noun == "share" and not s.startswith(" price", right.end):
        return False  # "an increase of 5% in its share of the market"
    return (
        _MOVE_NOUN_BEFORE.search(s, max(0, q.start - 40), q.start) is not None
        and _MOVE_NOUN_GAP.fullmatch(s, q.end, right.start) is not None
    )


def _share_of_no_customer(r: _Reading, idx: int, left: Cue) -> bool:
    """Does "that share" point back to a share of revenue the sentence gave before it that is no
    customer's ("AI hosting was 43% of our revenue, and … line of sight to that share passing 70%")?"""
    for j in range(idx - 1, -1, -1):
        p = r.quantities[j]
        if p.end > left.start or p.unit != "percent":
            continue
        if OF_REVENUE.match(r.sentence, p.end) is None:
            return False
        if _metric_for(r, p, j)[0] != "customer_concentration":
            return True
        return not_customer_share(r.sentence[r.quantities[j - 1].end if j else 0 : p.start], p.bound)
    return False


#: A price right before an amount (lower-cased): "at an average realized price of", "selling price was".
_UNIT_PRICE_BEFORE: Final = re.compile(
    r"\b(?:average|realized|realised|selling|unit|spot|market|sale)\s+price\s+(?:of|was|is|at)\s+"
    r"(?:(?:approximately|about|roughly|around|nearly)\s+)?(?:us)?\$?\s*$"
)


def _unit_price_before(r: _Reading, q: Quantity) -> bool:
    """Is the amount a unit's price: "an average realized price of $105,300", "selling price was $4,200"?"""
    low = r.folded.low
    at = max(0, q.start - 50)
    return low.find("price", at, q.start) >= 0 and _UNIT_PRICE_BEFORE.search(low, at, q.start) is not None


#: A power figure that sizes an order of equipment: "a 300 MW order from Oracle", "a 1 GW order for".
_POWER_ORDER_AFTER: Final = re.compile(r" orders?(?:\s+(?:from|by|for|with|of)\b|\s*[,.;)]|$)")


#: Between "proceeds" and an amount spent out of them: "for", "to fund", "to pay for the" (lower-cased).
_PROCEEDS_SPENT_GAP: Final = re.compile(
    r"\s+(?:of\s+the\s+(?:offering|notes|sale|issue)\s+)?(?:for|to\s+(?:fund|pay(?:\s+for)?|repay|"
    r"purchase|buy|finance|cover|enter\s+into))\s+(?:the\s+)?(?:cost\s+of\s+)?(?:(?:approximately|about|"
    r"roughly|up\s+to)\s+)?(?:us)?$"
)


def _spent_from_proceeds(r: _Reading, q: Quantity, cue: Cue) -> bool:
    """Is the amount after "proceeds" money the company will spend out of them ("TO USE PART OF
    PROCEEDS FOR $55M CAPPED CALLS", "will use part of the net proceeds to fund $55 million of capped
    call transactions"), not money raised? A use verb must lead the proceeds."""
    low = r.folded.low
    if q.start - cue.end > 40 or low.find("use", max(0, cue.start - 40), cue.start) < 0:
        return False
    return _PROCEEDS_SPENT_GAP.fullmatch(low, cue.end, q.start) is not None


#: A share "of it" / "of that" closing its clause: the pronoun stands for the noun before it.
_OF_IT: Final = re.compile(r"\s+of\s+(?:it|that)(?=\s*(?:[.,;)]|$))")


def _revenue_it(r: _Reading, q: Quantity, left: Cue) -> bool:
    """Is the "it" of "accounting for 52% of it" the revenue the sentence named before the share
    ("reported revenue of $96.5 million …, with Mistral AI accounting for 52% of it")?"""
    if _OF_IT.match(r.sentence, q.end) is None:
        return False
    revenue = next((c for c in reversed(r.cues) if c.end <= left.start and c.type == "revenue"), None)
    return revenue is not None and not any(
        c.type != "revenue" and revenue.end <= c.start and c.end <= left.start and c.type != "third_party"
        for c in r.cues
    )


def _signed_move(s: str, q: Quantity, cue: Cue | None) -> tuple[float, float]:
    # (A cue after the figure, "the fall of 34% in the share price": the words before it say the sign.)
    start = cue.end if cue and cue.end <= q.start else max(0, q.start - 60)
    between = s[start : q.start]
    after = s[q.end : q.end + 12]
    down = MOVE_DOWN.search(between) or _RE_LOWER.match(after)
    up = MOVE_UP.search(between)
    if down and (not up or down.start() > up.start()):
        return -abs(q.high), -abs(q.low)
    return q.low, q.high


def _period_for(r: _Reading, q: Quantity, idx: int, metric: str, state: _State, comp: bool) -> Period | None:
    if metric in ("financing", "contract_value", "stock_move"):
        return None
    s = r.sentence
    if comp:
        nxt = r.quantities[idx + 1].start if idx + 1 < len(r.quantities) else len(s)
        bracket = s.rfind("(", max(0, q.start - 45), q.start)
        for m, period, _c in r.mentions:
            if q.end <= m.start < nxt and m.start - q.end < 60:
                return period
            if 0 <= bracket <= m.start and m.end <= q.start:
                # "(H1 2025: 57.0%)": the period written in the bracket before the figure.
                return period
        return None
    low = r.folded.low
    if idx and "year" in low and ("following" in low or "next" in low or "subsequent" in low):
        successive = _successive_year(r, q, idx)
        if successive is not _NOT_SUCCESSIVE:
            return successive
    if r.folded.low.find("respectively", q.end) >= 0:
        paired, period = _respective_period(r, idx)
        if paired:
            return period
        if "three and " in low:
            paired, period = _three_and_more_months(r, idx, state)
            if paired:
                return period
    best: tuple[float, Period | None] | None = None
    semi_left = s.rfind(";", 0, q.start)
    semi_right = s.find(";", q.end)
    semi_right = len(s) if semi_right < 0 else semi_right
    breaks: list[int] | None = None
    for m, period, mcomp in r.mentions:
        if mcomp:
            continue
        if m.end <= q.start:
            if m.relative == "deadline":
                continue  # "200 MW live by 31 March 2027 and 500 MW …": a deadline dates the figure before it
            distance = float(q.start - m.end)
            if m.start < semi_left:
                distance += 500
            else:
                if breaks is None:
                    breaks = r.clause_breaks()[0]
                at = bisect_left(breaks, m.end)
                if at < len(breaks) and breaks[at] < q.start:
                    # "Revenue for fiscal Q2 2027 rose 28%, and management guided 31% growth for fiscal
                    # Q3": a period of an earlier clause yields to one in the figure's own.
                    distance += 80
        elif m.start >= q.end:
            between = [o for o in r.quantities if q.end <= o.start and o.end <= m.start]
            if between and not _listed_with(r, q, between) and not _growth_to_level(r, q, between):
                continue
            if not between and _names_next_figure(r, q, m):
                # "fiscal 2027 revenue of $9 billion and fiscal 2028 revenue of $15 billion": the second
                # period leads the next figure's own noun, not this one's.
                continue
            distance = (m.start - q.end) * 1.2
            if m.start > semi_right:
                continue
            if _OTHER_CLAUSE.search(s, q.end, m.start):
                # "Contracted power increased to 2.4 GW, but guidance for 2026 was cut": another
                # clause's period.
                continue
            if (
                m.start - q.end > 30
                and ("that " in low[q.end : m.start] or "which " in low[q.end : m.start])
                and _EVENT_CLAUSE_BEFORE.search(low, max(q.end, m.start - 60), m.start) is not None
            ):
                # "122%, … driven by new leases … that commenced in the first half of 2026": when the
                # leases began, not the period the figure is of.
                continue
            if s.startswith(("by ", "before ", "until "), m.start):
                # "plans to have 180 MW online … by the end of the year": a deadline dates the figure
                # before it over a period written earlier (the report's "Q3 2026").
                distance *= 0.25
            elif (
                m.start - q.end <= 25
                and s.endswith("for ", q.end, m.start)
                and s.find(",", q.end, m.start) < 0
            ):
                # "we've locked for the second quarter, we're now at 41% to 43% non-GAAP for the year": the
                # period right after the figure's own words is its own.
                distance *= 0.5
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, period)
    if best is not None:
        return best[1]
    row_start, row_end = state.spaced_row
    if row_start <= r.offset + q.start < row_end:
        # "Gross margin   44.8%   41.5%" under "Six months ended June 30," over "2026   2025": the
        # period of the column the figure sits in (none under "Nine months ended …", which names a
        # period with no label, rather than the document's).
        column = _figure_column(r, q, state)
        dated = _column_period(column.title, state) if column is not None else None
        if dated is not None or (column is not None and find_mentions(column.title)):
            return dated
    if metric in ("capacity_contracted", "capacity_deployed", "backlog"):
        return state.heading_period
    return state.context


def _figure_column(r: _Reading, q: Quantity, state: _State) -> spaced.Column | None:
    """The column of the space-aligned row just read (`_State.spaced_row`) that a figure sits under."""
    row_start = state.spaced_row[0]
    return spaced.column_of(
        state.spaced_columns, r.offset + q.start - row_start, r.offset + q.end - row_start
    )


#: A relative clause dating an event, right before a period phrase after the figure (lower-cased):
#: "… new leases that commenced in", "… contracts which were signed during".
_EVENT_CLAUSE_BEFORE: Final = re.compile(
    r"\b(?:that|which)\s+(?:(?:had|have|has|were|was)\s+)?(?:commenced|began|begun|started|signed|executed|closed|"
    r"went\s+live|came\s+online|entered\s+into)\s+(?:in|during)\s+(?:the\s+)?$"
)


#: Between a growth rate and the level it grows to: "grow 60% to $9 billion this fiscal year", "an
#: increase of $305.1 million, or 186%, to $468.9 million for the year ended December 31, 2025".
_TO_LEVEL: Final = re.compile(
    r",?\s+(?:to|at)\s+(?:(?:about|approximately|roughly|around|nearly|some|more\s+than|over)\s+)?",
    re.IGNORECASE,
)
#: A period phrase leading a metric noun, the next figure's: "and fiscal 2028 revenue of".
_LEADS_NOUN: Final = re.compile(
    r"(?:['’]s)?\s+(?:(?:adjusted|reported|GAAP|non-GAAP|consolidated|group|company-wide|cloud|hosting)\s+)?",
    re.IGNORECASE,
)
#: Between a figure and the next list item's leading period: " and ", ", ", "; and the ".
_NEXT_ITEM: Final = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)(?:(?:the|its|our)\s+)?", re.IGNORECASE
)
#: Between an item's metric noun and its figure: "revenue of $15 billion", "gross margin at 40%".
_NOUN_TO_FIGURE: Final = re.compile(
    r"\s*(?:of|at|was|is|were|to|:|came\s+in\s+at|guidance\s+of|(?:is\s+)?expected\s+at)?\s*", re.IGNORECASE
)
#: "… and then rise to $15 billion and $22 billion over the following two years".
_FOLLOWING_YEARS: Final = re.compile(
    r"\s+(?:over|in|for|during)\s+(?:each\s+of\s+)?the\s+(?:following|next|subsequent|ensuing)\s+"
    r"(?P<n>two|three|four|five|[2-5])\s+(?:fiscal\s+)?years\b",
    re.IGNORECASE,
)
#: The join between two items of one list: "52% and 47%", "48.7%, 44.1% and 39.0%", "$9 billion and then
#: $15 billion", "Borrowdale, Kestrel Labs and Marlow".
_LIST_JOIN: Final = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:then\s+)?)", re.IGNORECASE)
_COUNT_WORD: Final = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
#: A figure that takes none of the successive years (see `_successive_year`).
_NOT_SUCCESSIVE: Final = Period("FY", 0, 0)


def _growth_to_level(r: _Reading, q: Quantity, between: list[Quantity]) -> bool:
    """A growth rate and the one level it grows to share the period after them: "expect revenue to grow
    60% to $9 billion this fiscal year" dates the 60% too."""
    return (
        len(between) == 1
        and q.unit == "percent"
        and between[0].unit == "usd"
        and _TO_LEVEL.fullmatch(r.sentence, q.end, between[0].start) is not None
    )


def _names_next_figure(r: _Reading, q: Quantity, m: Mention) -> bool:
    """Does the period phrase at `m` (after `q`, no figure between) open the next item of a list, leading
    that item's metric noun and figure? "fiscal 2027 revenue of $9 billion and fiscal 2028 revenue of
    $15 billion", not "38% of full-year revenue, and our top five customers about 77%"."""
    s = r.sentence
    if _NEXT_ITEM.fullmatch(s, q.end, m.start) is None:
        return False
    for c in r.cues:
        if c.start >= m.end:
            if c.start - m.end > 12 or _LEADS_NOUN.fullmatch(s, m.end, c.start) is None:
                return False
            nxt = next((o for o in r.quantities if o.start >= c.end), None)
            return nxt is not None and _NOUN_TO_FIGURE.fullmatch(s, c.end, nxt.start) is not None
    return False


def _successive_year(r: _Reading, q: Quantity, idx: int) -> Period | None:
    """Yearly targets listed after the year they follow: "grow to $9 billion this fiscal year and then rise
    to $15 billion and $22 billion over the following two years" gives the n-th listed figure the n-th year
    after the one named before the list (none when the counts differ or that year is not named).
    `_NOT_SUCCESSIVE` when the figure is in no such list."""
    quantities = r.quantities
    s = r.sentence
    last = idx
    while last + 1 < len(quantities) and _LIST_JOIN.fullmatch(
        s, quantities[last].end, quantities[last + 1].start
    ):
        last += 1
    years = _FOLLOWING_YEARS.match(s, quantities[last].end)
    if years is None:
        return _NOT_SUCCESSIVE
    first = idx
    while first > 0 and _LIST_JOIN.fullmatch(s, quantities[first - 1].end, quantities[first].start):
        first -= 1
    if any(o.unit != q.unit for o in quantities[first : last + 1]):
        return _NOT_SUCCESSIVE
    if last - first + 1 != _COUNT_WORD[years.group("n").lower()]:
        return None
    base = None
    for m, period, mcomp in r.mentions:
        if m.end <= quantities[first].start and not mcomp and period is not None:
            base = period
    if base is None or base.kind != "FY":
        return None
    return Period("FY", 0, base.year + idx - first + 1)


def _figure_run(r: _Reading, idx: int) -> tuple[int, int]:
    """The first and last index of the list of figures (one unit) that the figure at `idx` is in."""
    qs, s = r.quantities, r.sentence
    unit = qs[idx].unit
    lo = idx
    while lo > 0 and qs[lo - 1].unit == unit and _LIST_JOIN.fullmatch(s, qs[lo - 1].end, qs[lo].start):
        lo -= 1
    hi = idx
    while (
        hi + 1 < len(qs) and qs[hi + 1].unit == unit and _LIST_JOIN.fullmatch(s, qs[hi].end, qs[hi + 1].start)
    ):
        hi += 1
    return lo, hi


def _respective_basis(r: _Reading, idx: int) -> str | None:
    """ "GAAP and non-GAAP gross margins were 73.6% and 74.2%, respectively": the k-th figure of a list
    takes the k-th basis of a list as long written before the figures (basis words joined by commas or
    "and", of two bases at least). None when the sentence pairs no such lists (one basis word before
    "73.6% and 74.2%" is both figures', and `_basis_for` reads it)."""
    lo, hi = _figure_run(r, idx)
    if hi == lo:
        return None
    qs, s = r.quantities, r.sentence
    resp = r.folded.low.find("respectively", qs[hi].end)
    if resp < 0 or len(_listed_periods(r, qs[hi].end, resp)) == hi - lo + 1:
        # ("… 73.6% and 71.2% in the third and second quarters, respectively" pairs them with periods.)
        return None
    start = max(qs[lo - 1].end if lo else 0, s.rfind(";", 0, qs[lo].start) + 1)
    chain: list[str] = []
    prev_end = start
    for m in _BASIS.finditer(s, start, qs[lo].start):
        if chain and _LIST_JOIN.fullmatch(s, prev_end, m.start()) is None:
            chain = []  # "GAAP and non-GAAP" is one list; a basis word further off starts another
        chain.append("non_gaap" if m.group("non") else "gaap")
        prev_end = m.end()
    if len(chain) != hi - lo + 1 or len(set(chain)) < 2:
        return None
    return chain[idx - lo]


def _respective_period(r: _Reading, idx: int) -> tuple[bool, Period | None]:
    """ "52% and 47% … for the year ended December 31, 2025 and the six months ended June 30, 2026,
    respectively": the k-th figure of a list takes the k-th period of a list as long, written after
    the figures (before "respectively") or before them ("for the fourth quarter and full year 2025
    was $355.0 million and $1.21 billion, respectively")."""
    lo, hi = _figure_run(r, idx)
    if hi == lo:
        return False, None
    qs = r.quantities
    resp = r.folded.low.find("respectively", qs[hi].end)
    if resp < 0:
        return False, None
    after = _listed_periods(r, qs[hi].end, resp)
    if len(after) == hi - lo + 1:
        return True, after[idx - lo]
    if (
        hi - lo == 1
        and len(after) == 1
        and after[0].kind == "H"
        and r.folded.low.find("three and six", qs[hi].end, resp) >= 0
    ):
        # "29.7% and 27.4% for the three and six months ended June 30, 2026, respectively": the
        # quarter that ends the half, then the half.
        half = after[0]
        return True, (Period("Q", half.number * 2, half.year) if idx == lo else half)
    before = _listed_periods(r, 0, qs[lo].start)
    if not after and len(before) == hi - lo + 1:
        return True, before[idx - lo]
    return False, None


#: Two periods ended on one date, in a list after the figures (lower-cased): "for the three and nine
#: months ended September 30, 2026, respectively".
_THREE_AND_MORE: Final = re.compile(
    r"\bthree\s+and\s+(six|nine)[\s-]months?\s+(?:periods?\s+)?(?:then\s+)?ended\s+"
)


def _three_and_more_months(r: _Reading, idx: int, state: _State) -> tuple[bool, Period | None]:
    """ "Revenue was $203.7 million and $531.2 million for the three and nine months ended September 30,
    2026, respectively": the first of two figures is the three months' (the quarter ended on that date),
    the second the six months' (a half) or the nine months' (no period in the vocabulary)."""
    lo, hi = _figure_run(r, idx)
    if hi != lo + 1:
        return False, None
    qs, low = r.quantities, r.folded.low
    resp = low.find("respectively", qs[hi].end)
    m = _THREE_AND_MORE.search(low, qs[hi].end, resp)
    if m is None:
        return False, None
    date = r.sentence[m.end() : m.end() + 40]
    found = find_mentions("three months ended " + date, None, -1, state.calendar)
    if not found or found[0].start != 0 or found[0].kind != "Q" or found[0].year is None:
        return False, None
    if idx == lo:
        return True, Period("Q", found[0].number, found[0].year)
    if m.group(1) == "nine":
        return True, None
    half = find_mentions("six months ended " + date, None, -1, state.calendar)
    if half and half[0].start == 0 and half[0].kind == "H" and half[0].year is not None:
        return True, Period("H", half[0].number, half[0].year)
    return False, None


#: A further year of a list after a period phrase: ", 2024 and 2023" after "years ended December 31,
#: 2025" or "fiscal 2025"; each is the same kind of period in that year.
_NEXT_LISTED_YEAR: Final = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(20\d\d)\b(?!\s*(?:%|percent|million|billion|mw|gw|,\d|\.\d))",
    re.IGNORECASE,
)
#: A bare list of years, which no period phrase reads ("for 2025 and 2024" names no one year).
_YEAR_LIST_START: Final = re.compile(
    r"\b(?:in|for|during|of)\s+(?:the\s+)?(?:(?:fiscal|calendar)\s+(?:years?\s+)?|years?\s+)?(20\d\d)"
    r"(?=(?:\s*,\s*(?:and\s+)?|\s+and\s+)20\d\d\b)",
    re.IGNORECASE,
)


def _listed_periods(r: _Reading, start: int, end: int) -> list[Period]:
    """The periods a list between `start` and `end` names, in order: each period phrase, and the further
    years listed after it ("For the six months ended June 30, 2026 and the years ended December 31,
    2025, 2024 and 2023" is four periods; "for 2025, 2024 and 2023" three)."""
    s = r.sentence
    found: list[tuple[int, Period]] = []
    taken: list[tuple[int, int]] = []
    for m, p, comp in r.mentions:
        if comp or m.relative != "none" or p is None or not start <= m.start < end:
            continue
        found.append((m.start, p))
        taken.append((m.start, m.end))
        _add_listed_years(s, m.end, end, p, found)
    if "20" in s[start:end]:
        for y in _YEAR_LIST_START.finditer(s, start, end):
            if any(a <= y.start(1) < b for a, b in taken):
                continue
            first = Period("FY", 0, int(y.group(1)))
            found.append((y.start(1), first))
            _add_listed_years(s, y.end(), end, first, found)
    found.sort(key=lambda x: x[0])
    return [p for _at, p in found]


def _add_listed_years(s: str, pos: int, end: int, period: Period, found: list[tuple[int, Period]]) -> None:
    """Append the years listed right after a period phrase ending at `pos`, as periods of its kind."""
    nxt = _NEXT_LISTED_YEAR.match(s, pos, end)
    while nxt is not None:
        found.append((nxt.start(1), Period(period.kind, period.number, int(nxt.group(1)))))
        nxt = _NEXT_LISTED_YEAR.match(s, nxt.end(), end)


def _quarter_to_come(r: _Reading, period: Period, ctx: Period) -> Period:
    """A forecast for the first quarter named without its year ("For the first quarter, we expect …")
    in a fourth quarter's report is of the next year: the quarter still to come. (Other quarters are
    left alone: "third-quarter revenue is expected to be …" in a report dated by the fourth quarter's
    outlook is a preliminary result of the same year.)"""
    if period.number != 1 or ctx.kind != "Q" or ctx.number != 4:
        return period
    if any(p == period and m.year is None and m.relative == "none" for m, p, _c in r.mentions):
        return Period("Q", period.number, period.year + 1)
    return period


def _forecast_period(
    r: _Reading, q: Quantity, idx: int, metric: str, state: _State, period: Period | None
) -> Period | None:
    """The period of a forecast: of the year an outlook opened with, if any; the first quarter still
    to come. A next year's forecast in the last quarter's (or year's) report opens that outlook."""
    if state.outlook_year is not None:
        return _outlook_period(r, q, idx, metric, state)
    if period is None:
        return None
    ctx = state.context
    if (
        state.forecast_year is not None
        and period == ctx
        and period.kind != "FY"
        and period.year == state.forecast_year.year
        and not any(not comp and m.relative == "none" for m, _p, comp in r.mentions)
    ):
        return state.forecast_year  # (see `_State.forecast_year`)
    if state.forecast_quarter_of == state.paragraph and state.forecast_quarter is not None:
        if not any(
            not comp and not (m.relative == "current" and m.kind == "Q") for m, _p, comp in r.mentions
        ):
            # The forecast quarter an earlier sentence of the paragraph named, and "the quarter" after it:
            # "… expects fourth-quarter revenue of $3.6 billion to $3.9 billion. It said it expects an
            # adjusted gross margin of about 9% for the quarter."
            return state.forecast_quarter
        state.forecast_quarter = None
    if ctx is None or period.year != ctx.year + (period.kind == "FY"):
        _remember_forecast_quarter(r, period, ctx, state)
        return period
    if period.kind == "Q":
        ahead = _quarter_to_come(r, period, ctx)
        _remember_forecast_quarter(r, ahead, ctx, state)
        return ahead
    if period.kind == "FY" and (ctx.kind == "FY" or ctx.number == (4 if ctx.kind == "Q" else 2)):
        # "For 2027, we expect revenue of …" in the last quarter's report: the forecasts after it are
        # of 2027 too ("We expect gross margin of …", "For the first quarter, …").
        state.outlook_year = period.year
    return period


def _remember_forecast_quarter(r: _Reading, period: Period, ctx: Period | None, state: _State) -> None:
    """Keep a forecast's quarter, named by the sentence and not the one reported, for the rest of the
    paragraph (see `_State.forecast_quarter`)."""
    if period.kind == "Q" and period != ctx and any(p == period for _m, p, comp in r.mentions if not comp):
        state.forecast_quarter, state.forecast_quarter_of = period, state.paragraph


def _outlook_period(r: _Reading, q: Quantity, idx: int, metric: str, state: _State) -> Period | None:
    """A forecast after "Turning to 2027.": its own yearless period phrase ("For the first quarter")
    is of that year, and with none it is the year itself (not the quarter being reported)."""
    assert state.outlook_year is not None
    outlook = Period("FY", 0, state.outlook_year)
    if not any(not comp for _m, _p, comp in r.mentions):
        return outlook
    again = state.outlook_reading
    if again is None or again.offset != r.offset or again._context != outlook:
        again = state.outlook_reading = _Reading(
            r.sentence, r.offset, r.quantities, r.cues, r.comparative, r.folded, outlook, state.default_year
        )
        again.calendar = state.calendar
    dated = _period_for(again, q, idx, metric, state, False)
    if dated is not None and any(dated == p for _m, p, comp in again.mentions if not comp):
        return dated
    return outlook  # no phrase of the sentence dates the figure: not the document's period either


#: A contrast or a relative clause after a figure: its period phrases are the clause's own.
_OTHER_CLAUSE: Final = re.compile(r",\s+(?:but|while|whereas|although|though|which|where)\b")
#: The gap between two items of one list of figures: ", and Customer B for", " and operating margin".
_LIST_GAP: Final = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+)?[^%$.;:()]{0,30}")
#: A comparison or a verb of its own: the next figure is no item of the same list.
_LIST_GAP_STOP: Final = re.compile(
    r"\b(?:compared|versus|vs|from|against|while|whereas|prior|previous|last|up|down|ago|was|were|is|are)\b",
    re.IGNORECASE,
)


def _listed_with(r: _Reading, q: Quantity, between: list[Quantity]) -> bool:
    """Are the figures between `q` and a period phrase after them items of one list with it, so that
    the phrase dates them all? "Customer A accounted for 46% and Customer B for 21% of revenue for
    the six months ended June 30, 2026" (but not "44% in the quarter, down from 47% a year ago")."""
    prev = q
    for o in between:
        if o.unit != q.unit or r.comparative[r.quantities.index(o)]:
            return False
        gap = _LIST_GAP.fullmatch(r.sentence, prev.end, o.start)
        if gap is None or _LIST_GAP_STOP.search(r.sentence, prev.end, o.start):
            return False
        prev = o
    return True


_CAME_FROM: Final = re.compile(
    r"[^.;]{0,30}?\b(?:came|comes|was\s+derived|were\s+derived|is\s+derived|derived|was\s+attributable|"
    r"is\s+attributable|attributable|was\s+generated|generated)\s+(?:from|to|by)\s+"
)
#: "Revenue: USD 2.1 billion (+58%)": a signed figure in brackets after the revenue is its growth.
_PAREN_SIGN: Final = re.compile(r"\(\s*\+\s*$")
#: "a capacity agreement under which Anthropic will take 600MW".
_UNDER_WHICH: Final = Screened(re.compile(r"\b(?:under\s+which|whereby|pursuant\s+to\s+which)\s+(?=[A-Z])"))
_PARTY_LABEL: Final = re.compile(
    r"\b(?i:counterparty|customer|tenant|client|lessee|offtaker|buyer)\s*:\s*(?=[A-Z])"
)
#: "… customer, OpenAI, …" and "… customer, xAI, …" (a name may start lower-case before a capital).
_APPOSITIVE: Final = LeadWords(
    # "Top tenant (Arvo Systems): 44%": a slide brackets the name.
    re.compile(
        # "Our largest customer, which is Oracle, was about 22%": the relative clause names it too.
        r"\b(?i:customer|client|tenant|lessee|counterparty)\s*(?:,\s+(?:(?:which|who)\s+(?:is|was)\s+)?|\(\s*)"
        r"(?=[A-Z]|[a-z]{1,2}[A-Z])"
    ),
    ("customer", "client", "tenant", "lessee", "counterparty"),
)
_NAME_THEN_OUR: Final = re.compile(
    r"(?:^\s*|\bthat\s+|,\s+|\bwhile\s+|\bfrom\s+)(?P<n>(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*),\s+"
    r"(?:our|its|their|the\s+company's)\s"
)
#: A customer named in a relative clause: ", which analysts identify as Amazon,", ", which is Orrin Labs,".
_IDENTIFIED_AS: Final = re.compile(
    r"(?:,|\bbut)\s+(?:which|who)\s+(?:(?:[\w-]+\s+){0,3}?(?:identif(?:y|ies|ied)|names?|named|believed?\s+to\s+be|"
    r"understood\s+to\s+be)\s+(?:it\s+)?(?:as\s+)?|(?:is|was)\s+)(?=[A-Z])"
)
#: The customer as the subject of a linking verb: "Microsoft remained Halbrook's largest tenant".
_NAME_REMAINED: Final = re.compile(
    r"\W*(?P<n>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+(?:remained|remains|was|is|became|has\s+been|"
    r"continued\s+to\s+be)\s+(?:(?:[A-Z][\w&.'’-]*['’]s|our|its|their|the\s+company['’]s)\s+)?"
    r"(?:single\s+)?(?:largest|biggest|top|main|leading)\b"
)
#: One of these is in every `_NAME_THEN_OUR` match (a screen).
_OUR_WORDS: Final = ("our", "its", "their", "company's")
#: A signer set off by commas: ", Cobalt Mesa, signed", "Brindle Labs, our newest customer, signed".
_SET_OFF_SIGNER: Final = re.compile(
    # (A name may start lower-case before a capital: "The new tenant is xAI, which has signed for 180MW".)
    r"(?:^\s*|,\s+|\b(?:is|was)\s+)(?P<n>(?:[A-Z][\w&.'’-]*\s+){0,4}(?:[A-Z]|[a-z]{1,2}[A-Z])[\w&.'’-]*),\s+"
    r"(?:(?:our|its|their|the|a|an)\s[^,;]{1,50},\s+)?"
    # "That customer is Vellum Research, the San Diego AI lab, which in July signed …".
    r"(?:(?:which|who)\s+(?:[^,;]{1,30}?\s+)?)?(?:has\s+|have\s+)?"
    r"(?:signed|agreed|awarded|committed|will\s+pay|entered\s+into)\b"
)


def _signer(s: str, company: str | None) -> str | None:
    """The party that signed, set off by commas ("the largest of them, Cobalt Mesa, signed …",
    "Vellum Research, the San Diego AI lab, which in July signed …") or the subject of its clause
    ("During fiscal 2026, Customer A entered into …"), when it is not the company."""
    for pattern in (_SET_OFF_SIGNER, _CLAUSE_SIGNER):
        m = pattern.search(s)
        if m is None:
            continue
        at = m.start("n")
        coded = _RE_CUSTOMER_CLIENT_TENANT.match(s, at)
        name = coded.group() if coded else name_at(s, at)
        if name and not is_same_company(name, company) and not is_generic(name):
            return name
    return None


def _story_lead(state: _State) -> str | None:
    """The story's likely subject, read once (see `lead_actor`)."""
    if not state.lead_read:
        state.lead_read = True
        state.lead = lead_actor(state.source)
    return state.lead


#: The signing verb whose object is the figure (lower-cased, right before it): "has signed for",
#: "contracted for approximately" (not "signed a lease for 300 MW with X", whose "with" names the party).
_SIGNED_FOR_BEFORE: Final = re.compile(
    r"\b(?:signed|contracted|committed)\s+for\s+(?:(?:approximately|about|roughly|up\s+to|another|a\s+further|"
    r"an\s+additional)\s+)?$"
)
#: The signer as the subject of its clause: "During fiscal 2026, Customer A entered into a … agreement".
_CLAUSE_SIGNER: Final = re.compile(
    r"(?:^\s*|,\s+|\bthat\s+)(?P<n>(?:[A-Z][\w&.'’-]*\s+){0,4}[A-Z][\w&.'’-]*)\s+(?:(?:has|have|had)\s+)?"
    r"(?:also\s+)?(?:signed|entered\s+into|agreed\s+to|committed\s+to)\b"
)
_SIGNER_VERBS: Final = ("signed", "agreed", "awarded", "committed", "will pay", "entered into")
_AGREEMENT_WITH: Final = re.compile(
    r"\b(?:agreement|contract|deal|lease|partnership|arrangement|pact|accord)s?\s+(?:with\s+|w/\s*)[A-Z]",
    re.IGNORECASE,
)


#: The figure's own deal and its party: "$3.2 billion agreement with", "$4.4 billion, 12-year lease
#: agreement with", "$2 billion cloud-services contract with".
_OWN_DEAL_WITH: Final = re.compile(
    # Not a deal joined on after the figure's: "…, with total contract revenue of $3.7 billion, and a
    # separate lease with Ostrel".
    r",?\s*(?:(?:\d{1,2}-year|[\w]+-year|multi-?year|long-term|(?!(?:and|or|but|plus|while)\s)[a-z][\w-]*|"
    # The deal's size in power: "a $4.1 billion, 200 MW agreement with OpenAI".
    r"(?:~|approximately\s+|about\s+|roughly\s+|up\s+to\s+)?\d[\d,.]*\s*-?\s*(?i:MW|GW|megawatts?|gigawatts?),?)\s+){0,3}?"
    r"(?i:agreements?|contracts?|deals?|leases?|partnerships?|arrangements?|pacts?|accords?)\s+(?:with\s+|w/\s*)"
)


#: Two companies announcing a deal together, at the sentence's (or the dateline's) start: "Velantis
#: Corporation (NASDAQ: VLTS) and OpenAI today announced", "Velantis and OpenAI Announce Strategic
#: Partnership", "Orbis and Kestrel have agreed".
_JOINT_ANNOUNCERS: Final = re.compile(
    r"(?:^|\s[-–—]{1,2}\s)\s*(?P<a>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)(?:,?\s*\([^()]{1,40}\))?,?\s+"
    r"and\s+(?P<b>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}?)(?:,?\s*\([^()]{1,40}\))?,?\s+"
    r"(?:today\s+|jointly\s+|have\s+|has\s+)*(?i:announced|announce|signed|sign|entered|enter|agreed|agree|"
    r"unveiled|unveil)\b"
)
#: A name between a deal's figure and its noun: " Meta Agreement", " Microsoft lease", "-year Oracle
#: contract" (a party named with "with" after the noun is `_OWN_DEAL_WITH`'s).
_NAMED_DEAL: Final = re.compile(
    r"(?:[\s,-]+(?i:new|first|second|initial|multi-?year|long-term|\d{1,2}-year|[a-z]+-year))*\s+"
    r"(?P<n>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}?)\s+"
    r"(?i:agreements?|contracts?|deals?|leases?|msas?|expansions?|pacts?)\b(?!\s+(?:with|w/)\b)"
)
#: Every `_NAMED_DEAL` match holds one of these (lower-cased), for its screen.
_DEAL_WORDS: Final = ("agreement", "contract", "deal", "lease", "msa", "expansion", "pact")
#: Words of a deal's kind, not of a party, in Title Case headlines: "168 MW Critical IT Lease".
_DEAL_KIND_WORDS: Final = frozenset(
    ("critical", "it", "ai", "hpc", "gpu", "cloud", "colocation", "data", "center", "centre", "compute",
     "computing", "lease", "power", "capacity", "supply", "master", "services", "service", "hosting",
     "hyperscale", "hyperscaler", "inference", "training", "campus", "strategic", "new", "definitive",
     "firm", "binding", "build-to-suit", "take-or-pay", "infrastructure", "customer", "tenant", "anchor",
     "initial", "expansion", "renewal", "agreement", "contract", "msa", "offtake", "construction", "gpus",
     "wholesale", "retail", "managed", "bare-metal", "dedicated", "multi-year", "long-term", "the", "a")
)  # fmt: skip


def _totalish(s: str, q: Quantity) -> bool:
    """A portfolio total ("total contracted capacity"), not one deal ("total contract value")."""
    lo = max(0, q.start - 40)
    return any(_ONE_DEAL_TOTAL.match(s, m.start()) is None for m in _TOTALISH.finditer(s, lo, q.end + 30))


#: The total of one deal: "total contract value", "total contracted rent of" a lease, "total lease value",
#: and as filings word it, "total contract revenue", "aggregate contract value", "total consideration".
_ONE_DEAL_TOTAL: Final = re.compile(
    r"(?:total|aggregate)\s+(?:contract(?:ed)?\s+(?:value|rent|revenues?|consideration)|(?:lease\s+)?(?:rent|value)|"
    r"consideration)\b",
    re.IGNORECASE,
)


#: A party defined by its role in a filing: 'Alibaba Cloud (the "Customer")', 'Vela AI Inc. ("Tenant")'.
_DEFINED_PARTY: Final = re.compile(
    r"([A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|of|and|&))*?)(?:,\s+(?:Inc|LLC|Ltd|L\.P)\.?)?\s*"
    r"\(\s*(?:the\s+)?[\"“'‘](Customer|Client|Tenant|Lessee|Purchaser|Buyer|Offtaker|Landlord|Lessor)[\"”'’]\s*\)"
)
#: The roles a filing defines its parties by (a screen for `_DEFINED_ROLE_REF`).
_DEFINED_ROLES: Final = (
    "Customer", "Client", "Tenant", "Lessee", "Purchaser", "Buyer", "Offtaker", "Landlord", "Lessor",
)  # fmt: skip
#: A reference to a defined role: "the Customer", "the Tenant's".
_DEFINED_ROLE_REF: Final = re.compile(
    r"\b[Tt]he\s+(Customer|Client|Tenant|Lessee|Purchaser|Buyer|Offtaker|Landlord|Lessor)\b"
)


def _defined_party(state: _State, subject: str) -> str | None:
    """The named party a capitalised role in the figure's subject ("the Customer") was defined as
    earlier in the document. The document is read for definitions once, on the first such reference."""
    ref = _DEFINED_ROLE_REF.search(subject)
    if ref is None:
        return None
    if state.defined_parties is None:
        state.defined_parties = {}
        if "(" in state.text:
            for m in _DEFINED_PARTY.finditer(state.text):
                name = name_at(state.text, m.start(1))
                if name:
                    state.defined_parties.setdefault(m.group(2), name)
    return state.defined_parties.get(ref.group(1))


def _party_of_earlier_figure(
    r: _Reading, q: Quantity, floor: int, company: str | None, party_words: LeadWords
) -> str | None:
    """The party of the agreement an earlier figure of the sentence belongs to, for a value that
    follows it with no other party between: "a colocation agreement with Fluidline Cloud, Inc. for
    168 MW, with total contract revenue of $3.7 billion", "Tessaly's agreement with Fluidline covers
    168 MW and carries a total contract value of $3.7 billion". Not past a semicolon, nor when a name
    stands between the figures ("… for 168 MW and Ostrel signed a $1 billion lease")."""
    s = r.sentence
    start = s.rfind(";", 0, q.start) + 1
    if start >= floor or s.find(";", floor, q.start) >= 0 or _AGREEMENT_WITH.search(s, start, floor) is None:
        return None
    if any(not is_generic(n) for _a, _b, n in names_in(s[floor : q.start])):
        return None
    found = None
    for m in party_words.finditer(s, start, floor):
        name = name_at(s, m.end())
        if name and not is_same_company(name, company) and not is_backer(s, m.end()):
            found = name
    return found


#: A party's name as the modifier of a deal noun: "The Meta agreement", "our Oracle lease", "the OpenAI
#: supply deal".
_NAME_MODIFIED_DEAL: Final = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir|[Tt]his|[Tt]hat)\s+(?P<n>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+"
    r"(?i:(?:(?:framework|supply|master|services?|capacity|cloud|compute|hosting|colocation|purchase|"
    r"multi-year|[\w-]+-year)\s+)*(?:agreement|contract|deal|lease|partnership|order|MSA|pact)s?)\b"
)
#: One of these is before the figure in every `_NAME_MODIFIED_DEAL` match that matters (a screen).
_DEAL_NOUN_SCREEN: Final = ("greement", "ontract", "deal", "lease", "artnership", "order", "MSA", "pact")
#: Words of an agreement's own title, no party ("the Master Services Agreement", "the Credit Agreement").
_DEAL_TITLE_WORDS: Final = frozenset(
    (
        "master", "services", "service", "supply", "capacity", "framework", "credit", "lease", "hosting",
        "colocation", "purchase", "cloud", "compute", "definitive", "amended", "restated", "new", "initial",
        "company", "agreement", "loan", "facility", "merger", "transaction", "order", "form", "sale",
    )
)  # fmt: skip


def _name_modified_deal(s: str, q: Quantity, company: str | None) -> str | None:
    """The party named as a deal noun's modifier before the figure ("The Meta agreement is worth about
    $1.1 billion"), not a word of the agreement's own title nor the company."""
    if not any(s.find(w, 0, q.start) >= 0 for w in _DEAL_NOUN_SCREEN):
        return None
    found: str | None = None
    for m in _NAME_MODIFIED_DEAL.finditer(s, 0, q.start):
        name = m.group("n")
        if any(w.lower() in _DEAL_TITLE_WORDS for w in name.split()):
            continue
        if is_same_company(name, company) or is_generic(name):
            continue
        found = name
    return found


def _named_deal_party(s: str, q: Quantity, state: _State) -> str | None:
    """The party of an agreement the sentence calls by its defined short name ("the Fluidline MCA",
    "the Colocation Agreement"): the name written last before the figure, else the first after it; of
    names at one place the longest ("the Credit Agreement" is not "the Agreement")."""
    best: tuple[int, int, str] | None = None  # (distance from the figure, -length, party)
    for term, party in state.deal_parties.items():
        for ref in (f"the {term}", f"The {term}"):
            at = s.rfind(ref, 0, q.start)
            if at >= 0:
                distance = q.start - at
            else:
                after = s.find(ref, q.end)
                if after < 0:
                    continue
                distance = len(s) + after - q.end  # any name before the figure is nearer
            if best is None or (distance, -len(term)) < (best[0], best[1]):
                best = (distance, -len(term), party)
    return best[2] if best is not None else None


#: An unnamed party in a figure's own clause: "110 MW across two campuses with an investment-grade
#: hyperscale customer", "… with a customer it did not name".
_UNNAMED_PARTY_AFTER: Final = re.compile(
    r"[^,;]{0,60}?\bwith\s+(?:an?|one|another)\s+(?:[a-z][\w-]*\s+){0,4}?(?:customer|tenant|hyperscaler|client|"
    r"counterparty|buyer|lessee|cloud\s+provider)s?\b"
)


def _counterparty_for(
    r: _Reading,
    q: Quantity,
    idx: int,
    metric: str,
    state: _State,
    cue: Cue | None,
    last_conc_party: str | None,
) -> str | None:
    s = r.sentence
    company = state.company
    if company is None and metric in ("contract_value", "capacity_contracted"):
        if not state.lead_read:
            state.lead_read = True
            state.lead = lead_actor(state.source)
        company = state.lead
    floor = r.quantities[idx - 1].end if idx > 0 else 0
    if (
        idx > 0
        and metric in ("capacity_contracted", "contract_value")
        and s.find(" with a", q.end, q.end + 60) >= 0
        and _UNNAMED_PARTY_AFTER.match(s, q.end) is not None
    ):
        # "… a 300 MW lease with Oracle, and 110 MW with an unnamed customer": the second figure's own
        # party is unnamed; it takes no party from the figure before it.
        return None
    if metric == "customer_concentration":
        if cue is not None and _RE_THAT_ITS_THEIR_2.search(cue.text):
            return last_conc_party
        if _verb_first_share(r, q):
            # "Represents 22% of total revenue." under a line naming the customer: the verb is no name.
            return _label_line_party(_previous_sentence(state.text, r.offset), company)
        if "respectively" in s:
            # "Customer A and Customer B accounted for 38% and 17% …, respectively".
            first_share = next((o.start for o in r.quantities if o.unit == "percent"), q.start)
            parties = _RE_CUSTOMER_CLIENT_TENANT.findall(s, 0, first_share)
            k = sum(1 for o in r.quantities[:idx] if o.unit == "percent")
            shares = sum(1 for o in r.quantities if o.unit == "percent")
            k = _respective_slot(k, len(parties), shares)
            if len(parties) >= 2 and k < len(parties):
                return str(parties[k])
            named = _respective_names(s[:first_share], company)
            if len(named) >= 2 and shares % len(named) == 0:
                # "Borrowdale and Kestrel Labs accounted for 41% and 22% of revenue, respectively".
                return named[_respective_slot(k, len(named), shares)]
            if len(named) == 1 and shares >= 2 and not r.comparative[idx]:
                # "Borrowdale accounted for 41% and 38% of revenue in 2026 and 2025, respectively": one
                # customer's shares in several periods.
                return named[0]
        after_rank = _rank_named_after(r, q, company)
        if after_rank is not None:
            return after_rank
        if idx > 0 and ", " in s[floor : q.start]:
            superlative = _SUPERLATIVE_APPOSITIVE.search(s, floor, q.start)
            if superlative is not None:
                # "Two customers were 52% of revenue; the largest, Amazon Web Services, was 31%".
                name = name_at(s, superlative.end())
                if name and not is_same_company(name, company) and not is_generic(name):
                    return name
        if idx > 0 and r.quantities[idx - 1].unit == "percent" and _figure_run(r, idx)[0] < idx:
            # "Mirelle AI accounted for 52% and 47% of revenue for …": the list's shares are one party's.
            return _counterparty_for(r, r.quantities[idx - 1], idx - 1, metric, state, cue, last_conc_party)
        subject = s[floor : q.start]
        colon = subject.rfind(": ")
        if colon >= 0 and any(True for _n in names_in(subject[colon + 2 :])):
            # "…, a concentration risk: Vellum already accounts for 48%": the clause after the colon
            # names its own subject ("Ostrava AI: 44% of revenue" keeps the name before it).
            floor += colon + 2
            subject = subject[colon + 2 :]
        if "he " in subject and ("Customer" in subject or "Client" in subject or "Tenant" in subject):
            defined = _defined_party(state, subject)
            if defined is not None and not is_same_company(defined, company):
                # 'Revenue from the Customer accounted for 22%' after 'Alibaba Cloud (the "Customer")'.
                return defined
        named = (
            _RE_CUSTOMER_CLIENT_TENANT.findall(subject)
            if "Customer" in subject or "Client" in subject or "Tenant" in subject
            else []
        )
        if named:
            return str(named[-1])
        if not subject.strip(" ,~") or subject.rstrip().endswith((".", ":")):
            # The party is named after the figure: "… of revenue came from Orinoco Labs".
            source = _CAME_FROM.search(s, q.end)
            if source:
                name = name_at(s, source.end())
                appositive = None if name else _APPOSITIVE.search(s, source.end(), source.end() + 60)
                if appositive:
                    name = name_at(s, appositive.end())
                return name if name and not is_same_company(name, company) else None
        if ", the " in subject and subject[:1].isupper():
            role = _NAME_THE_ROLE.match(subject)
            if role is not None:
                # "Microsoft, the anchor tenant at Midland, accounted for 29%": the name the appositive
                # describes, not a site in it.
                name = name_at(subject, 0)
                if name and not is_same_company(name, company) and not is_generic(name):
                    return name
        if _RE_CUSTOMERS_CLIENTS_TENANTS.search_str(subject):
            # "Our largest customer, Kitewing AI, Inc., accounted for …" and "Orbis, our largest
            # customer, accounted for …": the appositive names it.
            appositive = _APPOSITIVE.search(subject)
            # The name set off before "our"/"its"/"their"/"the company's" is looked for only without
            # an appositive, and only in a subject holding one of those words.
            named_first = (
                _NAME_THEN_OUR.search(subject)
                if appositive is None and any(w in subject for w in _OUR_WORDS)
                else None
            )
            at = appositive.end() if appositive else named_first.start("n") if named_first else -1
            if at < 0 and ("which" in subject or "who" in subject):
                # "Lumetra's largest customer, which analysts identify as Amazon, accounted for 47%".
                identified = _IDENTIFIED_AS.search(subject)
                at = identified.end() if identified else -1
            if at < 0 and subject[:1].isupper():
                # "Microsoft remained Halbrook's largest tenant by revenue and accounted for 31%".
                remained = _NAME_REMAINED.match(subject)
                at = remained.start("n") if remained else -1
            if at >= 0:
                name = name_at(subject, at)
                if name and not is_same_company(name, company):
                    return name
            elif "(" in s[q.end :]:
                # "Top customer: 39% of 9M'26 revenue (OpenAI)": a slide brackets the name after the share.
                bracketed = _bracketed_party(s, q, company)
                if bracketed is not None:
                    return bracketed
            return _named_group(subject, company)
        found = subject_before(s, q.start, company, floor)
        if found is None and "(" in s[q.end :]:
            # "Top customer: 39% of 9M'26 revenue (OpenAI)": a slide brackets the name after the share.
            found = _bracketed_party(s, q, company)
        if found is None and _PRONOUN_SHARE.search(subject):
            # "Our largest tenant is Vela Labs. In 2026 it accounted for 44% of revenue": the customer
            # the sentence before named.
            found = _customer_named(_previous_sentence(state.text, r.offset), company)
        if found is None and "from" in s[q.end :]:
            # "…, and said 58% of its revenue came from a single customer, Brandt Robotics".
            found = _source_named_after(s, q, company)
        return found
    if metric in ("contract_value", "capacity_contracted"):
        left = _clause_span(r, q, r.quantities)[0]
        if "signed " in s and s.find("signed ", 0, q.start) >= 0:
            signed_to = _signed_to_deal(s[: q.end + 40], company)
            if signed_to is not None:
                # "Allerton Edge has signed Microsoft to a 300MW lease".
                return signed_to
        if metric == "capacity_contracted" and s.startswith(" with ", q.end):
            # "including 280 MW with Oracle … and 190 MW with Meta": each figure's own party after it.
            own_party = name_at(s, q.end + 6)
            if own_party and not is_same_company(own_party, company) and not is_generic(own_party):
                return own_party
        if idx > 0 and _SAME_DEAL_AND.fullmatch(s, r.quantities[idx - 1].end, q.start):
            # "an agreement with Meta worth $3.1 billion and covering about 240 MW": the deal's second
            # measure, whose party is named before its first.
            earlier = _deal_party_before(r, idx - 1, company)
            if earlier is not None:
                return earlier
        if s.find(" with ", q.end, q.end + 60) >= 0 or s.find(" w/", q.end, q.end + 60) >= 0:
            own = _OWN_DEAL_WITH.match(s, q.end)
            if own is not None:
                # "… access to Zephyr's X9 chips, delivered via a $3.2 billion agreement with Tarnell
                # Systems": the figure's own deal names its party, whatever was named before it.
                name = name_at(s, own.end())
                if name and not is_same_company(name, company) and not is_generic(name):
                    return name
        window = r.folded.low[q.end : q.end + 70]
        if any(word in window for word in _DEAL_WORDS):
            deal_named = _NAMED_DEAL.match(s, q.end)
            if deal_named is not None:
                # "New 250 MW Meta Agreement", "a $4.1 billion Microsoft contract": the name between the
                # figure and its deal noun is the deal's party ("168 MW Critical IT Lease" names none).
                name = clean_name(deal_named.group("n"))
                if (
                    name
                    and not any(w.lower() in _DEAL_KIND_WORDS for w in name.split())
                    and not is_same_company(name, company)
                    and not is_generic(name)
                ):
                    return name
        if " and " in s[: q.start] and ("announc" in r.folded.low or "agree" in r.folded.low):
            joint = _JOINT_ANNOUNCERS.search(s, 0, q.start)
            if joint is not None:
                # "Velantis and OpenAI today announced a multi-year agreement to deploy 6 gigawatts": of
                # the two that announce the deal together, the one that is not the company.
                one, other = clean_name(joint.group("a")), clean_name(joint.group("b"))
                if one and other:
                    if is_same_company(one, company) and not is_same_company(other, company):
                        return other
                    if is_same_company(other, company) and not is_same_company(one, company):
                        return one
        # "Our agreement with Kitewing AI, which covers 330 megawatts … across three sites": a party
        # written before the figure in the same clause beats the totals test.
        found = None
        party_words = slashed(_RE_WITH_TO_FROM) if "w/" in s else _RE_WITH_TO_FROM
        for m in party_words.finditer(s, max(floor, left), q.start):
            name = name_at(s, m.end())
            if name and not is_same_company(name, company) and not is_backer(s, m.end()):
                found = name
        if found and _AGREEMENT_WITH.search(s, max(0, q.start - 120), q.start):
            return found
        if found is None and metric == "contract_value" and idx > 0:
            found = _party_of_earlier_figure(r, q, floor, company, party_words)
            if found is not None:
                return found
        owner = _agreement_owner(s, q, company)
        if owner is not None:
            return owner
        if (
            q.start > 12
            and _SIGNED_FOR_BEFORE.search(r.folded.low, max(0, q.start - 40), q.start) is not None
        ):
            # "The new tenant is xAI, which has signed for 180MW across two further halls": the signer of
            # the figure's own verb, whatever the figure spans.
            name = _signer(s[: q.start], company)
            if name:
                return name
        if _totalish(s, q):
            whole = _WHOLLY_LEASED_TO.search(s, q.end, _next_start(r, idx)) if "to " in s[q.end :] else None
            if whole is not None:
                # "phases which together total 220 MW … and are fully leased to Meta": one tenant for all.
                name = name_at(s, whole.end())
                if name and not is_same_company(name, company) and not is_generic(name):
                    return name
            return _carried_party(s, q, state) if metric == "contract_value" else None
        found = _payer(s, cue, company) or _given_to(s, company)
        if found:
            return found
        under = _UNDER_WHICH.search(s, 0, q.start)
        if under:
            # "a contract under which Quorra will rent 480 MW from us": the renter is the party.
            name = name_at(s, under.end())
            if name and not is_same_company(name, company):
                return name
        found = None
        for m in party_words.finditer(s[floor : q.start]):
            name = name_at(s, floor + m.end())
            if name and not is_same_company(name, company) and not is_backer(s, floor + m.end()):
                found = name
        if found:
            return found
        # A backer or an investor beside the deal is not its other party: "Kestrel Signs $3B Deal, With
        # Google Taking 8% Stake", "the lease is backstopped by Google".
        found = party_after(
            s,
            q.end,
            len(s) if idx + 1 >= len(r.quantities) else r.quantities[idx + 1].start,
            company,
            no_backers=True,
        )
        if found:
            return found
        found = party_after(s, 0, q.start, company, _WITH_TO_WORDS, no_backers=True)
        if found:
            return found
        under = _UNDER_WHICH.search(s)
        if under:
            name = name_at(s, under.end())
            if name and not is_same_company(name, company):
                return name
        if any(role in s for role in _DEFINED_ROLES) and _DEFINED_ROLE_REF.search(s, 0, q.start) is not None:
            defined = _defined_party(state, s[: q.start])
            if defined is not None and not is_same_company(defined, company):
                # 'Under the Agreement, the Customer has contracted for 220 MW' after 'Stannard AI, Inc.
                # (the "Customer")'.
                return defined
        signing = _signing_party(s, company)
        if signing is not None:
            return signing
        subj = _RE_HAS_SIGNED_AGREED.match(s)
        if subj:
            name = name_at(s, subj.start(1))
            if name and not is_same_company(name, company):
                return name
        if (", " in s or " that " in s) and any(w in s for w in _SIGNER_VERBS):
            # ("… said Monday that Google has signed a 15-year lease for 540 megawatts": the customer as
            # the subject of a reported clause.)
            name = _signer(s[: q.start], company)
            if name:
                return name
        label = _PARTY_LABEL.search(s) if ":" in s else None
        if label:
            # "Deal terms: …; counterparty: Aster Labs".
            name = name_at(s, label.end())
            if name and not is_same_company(name, company):
                return name
        if state.deal_parties and "the " in r.folded.low:
            deal_party = _named_deal_party(s, q, state)
            if deal_party is not None and not is_same_company(deal_party, company):
                # "We expect the Fluidline MCA to generate approximately $3.7 billion …": the party of
                # the agreement that short name was given to.
                return deal_party
        modifier = _name_modified_deal(s, q, company)
        if modifier is not None:
            # "The Meta agreement is worth about $1.1 billion": the party named as the deal's modifier
            # (in full when it was named before: "the Pellucid lease" after "a lease with Pellucid Systems").
            known = state.contract_party
            return known if known is not None and known.startswith(modifier) else modifier
        if _CONTRACT_DEFINITE.search(s) and not _RE_TWO_THREE_BOTH.search(s):
            return state.contract_party
        return _carried_party(s, q, state) if metric == "contract_value" else None
    if metric == "capacity_deployed":
        # "60 MW … is already energized and was handed to Microsoft at signing".
        nxt = len(s) if idx + 1 >= len(r.quantities) else r.quantities[idx + 1].start
        return party_after(s, q.end, nxt, company, _HANDED_TO) if "to " in s[q.end : nxt] else None
    if metric == "financing":
        left, right = _clause_span(r, q, r.quantities)
        found = _own_lender_after(r, q, idx, right, company)
        if found is None:
            found = _lender(state, s, left, right, company)
        if found is None and "sold " in s and _SOLD_BEFORE.search(s, max(0, q.start - 30), q.start):
            # "sold $650 million of preferred equity to the Alder Point pension fund": the buyer.
            to = _TO_BUYER_AFTER.match(s, q.end, right)
            name = name_at(s, to.end()) if to is not None else None
            if name and not is_same_company(name, company) and not is_generic(name):
                found = name
        if found is None and ("-backed" in s or "-led" in s or "-funded" in s or "-arranged" in s):
            backed = _BACKED_LENDER.match(s, q.end)
            name = clean_name(backed.group("n")) if backed is not None else None
            if name and not is_same_company(name, company) and not is_generic(name) and not _collateral(name):
                # "a separate ~$300 million Larkspur-backed facility": the backer lends (a "GPU-backed
                # loan" names its collateral; a lender named after it comes first).
                return name
        if found is None and ", " in s[left : q.start]:
            backer = _APPOSITIVE_BACKER.search(s, left, q.start)
            name = clean_name(backer.group("n")) if backer is not None else None
            if name and not is_same_company(name, company) and not is_generic(name):
                # "our sponsor, Thornbury Infrastructure Partners, committed another $600 million".
                return name
        if found is None:
            clause_start = left
            sub = _LENDER_SUBJECT.search(s[:right])
            if sub:
                who = sub.group("who").strip()
                if _RE_IT_THEY.search(who):
                    first = _RE_CUSTOMER_CLIENT.search(s)
                    if first:
                        return first.group()
                    names = [n for _a, _b, n in names_in(s) if not is_same_company(n, company)]
                    return names[0] if names else None
                name = subject_before(s, sub.end("who"), company, sub.start("who"))
                if name:
                    return name
            del clause_start
        if found is None and (len(r.quantities) == 1 or sum(1 for o in r.quantities if not o.foreign) == 1):
            # The sentence's one amount (an amount in another dollar is none: "a S$1.2 billion loan,
            # that's about US$900 million, with Straits Union Bank").
            found = _lender(state, s, 0, len(s), company)
        if (
            found is None
            and idx + 1 < len(r.quantities)
            and r.quantities[idx + 1].unit == "usd"
            and _DRAWN_FROM.fullmatch(s, q.end, r.quantities[idx + 1].start)
        ):
            # "drew $140 million from its $4 billion preferred equity facility with Larkspur Capital": the
            # facility's lender, named after its size, lent the amount drawn.
            found = _lender(state, s, left, _clause_span(r, r.quantities[idx + 1], r.quantities)[1], company)
        if (
            found is None
            and state.para_lender is not None
            and (_DEFINITE.search(s) or s.lstrip().startswith("The "))
            and not _own_offering(r, q, state)
        ):
            found = state.para_lender
        if found is None and state.last_lender is not None and "same " in r.folded.low:
            same = _SAME_LENDERS.search(r.folded.low, left, right)
            if same is not None:
                # "a $300 million revolver with the same lenders": the lenders named before.
                found = state.last_lender
        if found is None and "(" in s[q.end : right]:
            # "$500M term loan (Aug. 2026; Sable Harbor Capital)": a slide brackets the lender after the date.
            found = _bracketed_party(s, q, company)
        if found is None and " agent" in s and q.start > 0:
            # "entered into a Credit Agreement with the lenders party thereto and Halden Trust Bank, N.A.,
            # as administrative agent, providing for a $900,000,000 revolving facility and a $300,000,000
            # term loan": the agent, named before both amounts, stands for the lenders of each (a
            # hard-wrapped filing read by sentences puts them in one sentence).
            agent = _RE_BWITH_AS_ADMINISTRATIVE.search(s, 0, q.start)
            name = name_at(s, agent.start("n")) if agent is not None else None
            if name and not is_same_company(name, company):
                found = name
        return found
    return None


#: A superlative set off before its name: "the largest, Amazon Web Services, was 31%".
_SUPERLATIVE_APPOSITIVE: Final = re.compile(
    r"\b(?:the\s+)?(?:largest|biggest|second[\s-]largest|next[\s-]largest)\s*,\s+(?-i:(?=[A-Z]))",
    re.IGNORECASE,
)
#: The whole of a total let to one tenant: "are fully leased to", "100% leased to", "entirely contracted to".
_WHOLLY_LEASED_TO: Final = re.compile(
    r"\b(?:fully|entirely|wholly|100%|all)\s+(?:pre-?)?(?:leased|let|contracted|committed)\s+to\s+(?=[A-Z])"
)
#: What a bracket after a figure holds before its last ";"-part when that part is a party: a date, a
#: tenor ("Aug. 2026; Sable Harbor Capital").
_BRACKET_AFTER: Final = re.compile(r"[^()\n.;]{0,60}?\((?P<in>[^()\n]{2,80})\)")
_MONTH_WORD: Final = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$|(?:q[1-4]|h[12]|fy)\b", re.IGNORECASE
)


def _bracketed_party(s: str, q: Quantity, company: str | None) -> str | None:
    """The party a slide line brackets after a figure's phrase: the bracket's last ";"-part, when it is
    a name and nothing else ("(OpenAI)", "(Aug. 2026; Sable Harbor Capital)"; not "(Mar. 2026)",
    "(NASDAQ: QRST)" nor "(unchanged)")."""
    m = _BRACKET_AFTER.match(s, q.end)
    if m is None:
        return None
    part = m.group("in").rsplit(";", 1)[-1].strip()
    name = name_at(part, 0)
    if not name or name != part or _MONTH_WORD.match(name) or _common(name):
        return None
    if is_same_company(name, company) or is_generic(name):
        return None
    return name


def _next_start(r: _Reading, idx: int) -> int:
    """Where the figure after the idx-th starts (the sentence's end after the last)."""
    return len(r.sentence) if idx + 1 >= len(r.quantities) else r.quantities[idx + 1].start


def _own_lender_after(r: _Reading, q: Quantity, idx: int, right: int, company: str | None) -> str | None:
    """A second amount's own party after it, when the first amount's lender stands between them: "a
    $2.2 billion construction loan led by Greyhaven Capital …, on top of $650 million of preferred
    equity it sold to the Alder Point pension fund"."""
    if idx == 0 or r.quantities[idx - 1].unit != "usd":
        return None
    s = r.sentence
    if _RE_LED_BY_FROM.search(s, r.quantities[idx - 1].end, q.start) is None:
        return None
    return lender(s, q.end, right, company)


#: "sold", "has sold" right before an amount of stock or notes.
_SOLD_BEFORE: Final = re.compile(r"\bsold\s+(?:an?\s+(?:additional|further)\s+)?$")
#: The buyer after the amount sold: " of preferred equity to the ".
_TO_BUYER_AFTER: Final = re.compile(r"[^.;,]{0,60}?\bto\s+(?:the\s+)?(?=[A-Z])")
#: A lender's word between two amounts: "led by", "from", "provided by".
_RE_LED_BY_FROM: Final = re.compile(r"\b(?:led|arranged|provided|funded|backed)\s+by\b|\bfrom\s+[A-Z]")
#: The lender written as the facility's modifier, right after the figure: "$300 million Larkspur-backed
#: facility", "$1 billion Harwick-led term loan", "$200 million in a Larkspur-led funding round".
_BACKED_LENDER: Final = re.compile(
    r"(?:\s+(?:of|in|from|via|through|under))?(?:\s+(?:an?|the|its|new|separate))*\s+"
    r"(?P<n>[A-Z][\w&.]*(?:[ \t]+[A-Z][\w&.]*){0,2})-(?:backed|led|funded|arranged)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:facility|facilities|loans?|financing|credit|debt|notes|round)\b"
)


#: What secures a loan, written where a backer could be: "GPU-backed", "Bitcoin-backed".
_COLLATERAL_WORDS: Final = frozenset(
    [
        "asset",
        "assets",
        "equipment",
        "receivables",
        "bitcoin",
        "mortgage",
        "revenue",
        "lease",
        "hardware",
        "chip",
    ]
)


def _collateral(name: str) -> bool:
    """Is the backed-by name a kind of collateral (an acronym such as "GPU", or a common noun)?"""
    return (name.isupper() and len(name) <= 4) or name.lower() in _COLLATERAL_WORDS


#: Between an amount drawn and the size of the facility it was drawn from: " from its ", " under the ".
_DRAWN_FROM: Final = re.compile(
    r"\s+(?:(?:in|of)\s+(?:[\w-]+\s+){0,3}?)?(?:from|under|against|out\s+of)\s+(?:(?:its|the|their|our|an?|"
    r"existing|new|upsized|committed)\s+)+",
    re.IGNORECASE,
)


#: The pronoun subject of a share: "it accounted for", "it alone represented".
_PRONOUN_SHARE: Final = re.compile(
    # ("Our biggest customer is Microsoft. They were about 38% of revenue": a company spoken of as "they".)
    r"\b(?i:it|they)\s+(?:alone\s+|again\s+|also\s+)?(?:accounted\s+for|represented|made\s+up|contributed|comprised|"
    r"generated|was|were|is|are)\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+|some\s+|over\s+|more\s+than\s+)?$"
)
#: Lenders named before and referred back to: "with the same lenders", "from the same bank group".
_SAME_LENDERS: Final = re.compile(
    r"\b(?:with|from|by|provided\s+by|arranged\s+by)\s+the\s+same\s+(?:group\s+of\s+|syndicate\s+of\s+)?"
    r"(?:lenders?|banks?|bank\s+group|lending\s+group|arrangers?|syndicate|institutions?)\b"
)


#: What `_deal_reading` found: nothing, equity a buyer takes in the company, a part of a sum raised,
#: a sum named by its investor ("a $400 million investment by Vela"), or the company's stake in another.
_NO_DEAL: Final[tuple[int, str | None]] = (0, None)
_STAKE_SOLD: Final = 1
_PART: Final = 2
_INVESTMENT: Final = 3
_OTHER_STAKE: Final = 4
#: Shares of the company bought for a stated price ("purchased … shares of our Series F convertible
#: preferred stock …, for an aggregate purchase price of"): equity, whatever the class of share.
_SHARES_SOLD: Final = 5
#: Money another company named raises from its investor: "Harlow intends to invest up to $100 billion
#: in OpenAI" (the fact's company is the investee, `_Deals.investee`).
_INVESTED_IN: Final = 6
#: The metrics a dollar figure may have when an equity purchase or a part of a sum re-reads it.
_DEAL_READ: Final = frozenset((None, "contract_value", "financing"))


class _Deals:
    """A sentence's money raised so far: the last sum (its index), whether its parts have begun, and
    what the current dollar figure was read as (`_deal_reading`), with its investor."""

    __slots__ = ("current", "in_parts", "investee", "whole")

    def __init__(self) -> None:
        self.whole = -1
        self.in_parts = False
        self.current: tuple[int, str | None] = _NO_DEAL
        #: The company that raises the current figure when it is not the document's (`_INVESTED_IN`).
        self.investee: str | None = None

    def party(
        self, r: _Reading, q: Quantity, idx: int, found: tuple[str | None, str], state: _State
    ) -> tuple[str | None, str]:
        """The party and instrument of the money raised the current figure states (`found`: as read
        without the deal); a sum that is no part of another opens the sentence's parts."""
        kind, investor = self.current
        counterparty, instrument = found
        if kind == _PART:
            # Each part of a sum names its own instrument, written after it; the sum's investor is its party.
            return investor or counterparty, _part_instrument(r, q, idx) or instrument
        self.whole, self.in_parts = idx, False
        if kind == _STAKE_SOLD:
            return investor or counterparty, instrument if instrument == "convertible" else "equity"
        if kind in (_SHARES_SOLD, _INVESTED_IN):
            return investor or counterparty, "equity"
        if counterparty is None:
            # "a $400 million investment by Vela": the investor named right after the sum.
            counterparty = investor or sum_investor(r.sentence, q.end, state.company)
        return counterparty, instrument


def _deal_reading(
    r: _Reading, q: Quantity, idx: int, metric: str | None, state: _State, deals: _Deals
) -> tuple[int, str | None]:
    """A dollar figure read as equity bought from the company, a part of a sum raised, or a sum
    named by its investor (each with the investor), or as the company's own stake in another."""
    s = r.sentence
    if deals.whole >= 0 and metric != "contract_value":
        whole_end = r.quantities[deals.whole].end
        if part_of_sum(s, whole_end, r.quantities[idx - 1].end, q.start, not deals.in_parts):
            deals.in_parts = True
            return _PART, sum_investor(s, whole_end, state.company)
    low = r.folded.low
    if (
        metric in (None, "financing")
        and ("share" in low or "units" in low)
        and (
            "price" in low
            or "proceeds" in low
            or "consideration" in low
            or "subscription" in low
            or "investment" in low
        )
    ):
        buyer = shares_bought(s, q.start, q.end, state.company)
        if buyer is not None:
            # "ASC purchased 9,259,260 shares of our Series F preferred stock …, for an aggregate purchase
            # price of $250.0 million": equity the company sold, its buyer the party.
            return _SHARES_SOLD, buyer
    if VERB_STEM.search(low, max(0, q.start - 30), q.start) is not None:
        stake, investor = stake_bought(s, q.start, q.end, state.company)
        if stake == SOLD:
            # "Vela will take a $180 million stake in Halvern": equity the company sells to its buyer.
            return _STAKE_SOLD, investor
        if stake == BOUGHT_ELSEWHERE:
            # "Halvern will buy a $50 million stake in Ostrava Power": its own investment.
            return _OTHER_STAKE, None
        window = low[max(0, q.start - 60) : q.end + 60]
        pair = invested_in(s, q.start, q.end, state.company) if "invest" in window else None
        if pair is None and ("stock" in window or "shares" in window):
            # "Glenmoor agreed to purchase $300 million of Tarrow Compute common stock": the same, told
            # as a purchase of the issuer's shares.
            pair = shares_issued_by(s, q.start, q.end, state.company)
        if pair is not None:
            # "Harlow intends to invest up to $100 billion in OpenAI": money OpenAI raises (the fact's
            # company), its investor the party.
            deals.investee = pair[1]
            return _INVESTED_IN, pair[0]
    if metric is None and INVESTMENT_BY.match(s, q.end) is not None:
        investor = investment_by(s, q.end, state.company)
        if investor is not None:
            # "a $500 million investment by Vela, made up of …": money put into the company.
            return _INVESTMENT, investor
    return _NO_DEAL


def _part_instrument(r: _Reading, q: Quantity, idx: int) -> str | None:
    """The instrument a part of a sum names between its amount and the next amount: "$250 million of
    common stock purchased at …" is equity, "a $150 million unsecured loan to …" a loan."""
    stop = r.quantities[idx + 1].start if idx + 1 < len(r.quantities) else len(r.sentence)
    best: tuple[int, str] | None = None
    for name, pattern in _INSTRUMENTS:
        m = pattern.search(r.folded, q.end, stop)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    m2 = _EQUITY.search(r.sentence, q.end, stop)
    if m2 is not None and (best is None or m2.start() < best[0]):
        best = (m2.start(), "equity")
    return best[1] if best is not None else None


def _respective_slot(k: int, parties: int, shares: int) -> int:
    """The party of the k-th share when the sentence gives one list of shares per period ("44% and 23%
    …, respectively, and 47% and 19% for the nine months …, respectively"): the k-th share of each list
    is the k-th party's."""
    if parties >= 2 and k >= parties and shares % parties == 0:
        return k % parties
    return k


def _respective_names(subject: str, company: str | None) -> list[str]:
    """The parties listed before "… respectively" ("Borrowdale, Kestrel Labs and Marlow"), one each."""
    out: list[str] = []
    for _a, _b, name in names_in(subject):
        for part in _LIST_JOIN.split(name):
            part = part.strip()
            if part and part[0].isupper() and not is_same_company(part, company) and not is_generic(part):
                out.append(part)
    return out


#: The securities a company sells itself: notes, convertibles, shares, warrants.
_OWN_SECURITIES: Final = frozenset(["notes", "convertible", "equity", "ipo", "warrants"])


def _own_offering(r: _Reading, q: Quantity, state: _State) -> bool:
    """Is the figure the company's own offering of securities, which the paragraph's lender or
    partner did not buy unless the sentence refers back to that financing ("the notes", "the
    offering")? "… a lease with Quillfeather. The company also plans to sell $400 million of senior
    notes": nobody named bought the notes."""
    return _instrument_for(r, q, state) in _OWN_SECURITIES and _DEFINITE.search(r.sentence) is None


#: "Quorvane's amended leases now span …", "(Quorvane: 220 MW ~ $5.1B over ~12 years; …)": the name
#: that owns the agreements, or labels a list item of them.
_OWNED_AGREEMENT: Final = Screened(
    re.compile(
        r"(?:^|(?<=[\s(\[,;]))(?P<n>(?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)(?:'s|’s)\s+(?:[a-z][\w\-]*\s+){0,3}?"
        r"(?:leases?|contracts?|agreements?|deals?|commitments?|orders?)\b"
    )
)
_AGREEMENT_WORD: Final = re.compile(r"\b(?i:agreement|contract|deal|lease|partnership|pact|accord)s?\b")
_PARTY_ITEM_LABEL: Final = re.compile(r"[(;]\s*(?P<n>(?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)\s*:\s")
#: The subject of "X will pay", "X has committed to pay".
_PAYER_BEFORE: Final = re.compile(
    r"(?P<n>(?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)(?:\s+(?:has|have|had|is|are|also|now|already))*\s+$"
)
#: "supply Mistral Forge with …", "give Palisade Robotics access to …", "offer Palisade Robotics
#: dedicated clusters": the customer is the indirect object.
_GIVE_VERB: Final = Screened(
    re.compile(
        r"\b(?:(?P<with>provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)|furnish(?:es|ed|ing)?)|"
        r"g(?:ive|ives|ave|iven|iving)|offer(?:s|ed|ing)?|grant(?:s|ed|ing)?)\s+(?=[A-Z])"
    )
)
#: After the indirect object: the thing given. A preposition or a verb there ("provide Blackridge GPUs
#: to …", "offer Blackridge GPUs worth …") makes the name the thing, not the receiver.
_SECOND_OBJECT: Final = re.compile(
    r"\s+(?!(?:to|for|in|at|on|from|by|under|as|and|or|worth|valued|totaling|totalling|across|through|over|of|"
    r"is|are|was|were|will|that|which|who|whose|into|via|per)\b)[a-z]"
)


def _agreement_owner(s: str, q: Quantity, company: str | None) -> str | None:
    """The party that owns the figure's agreements ("Quorvane's leases now cover 220 MW") or labels
    its list item ("(Quorvane: 220 MW ~ $5.1B …; …)")."""
    if "’s" in s or "'s" in s:
        owned = None
        for m in _OWNED_AGREEMENT.finditer(s, 0, q.start):
            owned = m
        if owned is not None and s.find(";", owned.end(), q.start) < 0:
            name = name_at(s, owned.start("n"))
            if name and not is_same_company(name, company) and not is_generic(name):
                return name
    if ":" in s:
        return _item_label(s, q, company)
    return None


def _item_label(s: str, q: Quantity, company: str | None) -> str | None:
    """The name a bracketed or semicolon list item opens with, when the figure is in that item, the
    item states a term and the list is one of agreements: "(Quorvane: 220 MW ~ $5.1B over ~12 years;
    hyperscaler lease: …)". A site labels its capacity the same way ("(Abilene: 200 MW; …)") but
    states no term."""
    start = max(s.rfind("(", 0, q.start), s.rfind(";", 0, q.start))
    if start < 0:
        return None
    label = _PARTY_ITEM_LABEL.match(s, start)
    if label is None or label.end() > q.start:
        return None
    stop = min((i for i in (s.find(";", q.end), s.find(")", q.end)) if i >= 0), default=len(s))
    item = s[label.end() : stop]
    if ("year" not in item and "yr" not in item) or not _AGREEMENT_WORD.search(s):
        return None
    name = name_at(s, label.start("n"))
    if name is None or name != label.group("n") or is_same_company(name, company) or is_generic(name):
        return None
    if find_cues(name) or find_mentions(name):
        # "(Revenue: …", "(Q3 2026: …": a metric or a period labels the item, no party.
        return None
    return name


def _party_item_after(s: str, q: Quantity, cue: Cue, company: str | None) -> bool:
    """Is the figure in a list item a party labels, opened after the cue that named its metric?"""
    start = max(s.rfind("(", 0, q.start), s.rfind(";", 0, q.start))
    return start >= cue.end and _item_label(s, q, company) is not None


def _payer(s: str, cue: Cue | None, company: str | None) -> str | None:
    """ "As of March 31, Quorvane has committed to pay the Company up to $2.7 billion": the payer."""
    if cue is None or cue.type != "contract" or not cue.text.endswith(" pay"):
        return None
    subject = _PAYER_BEFORE.search(s, max(0, cue.start - 80), cue.start)
    if subject is None:
        return None
    name = name_at(s, subject.start("n"))
    return name if name and not is_same_company(name, company) and not is_generic(name) else None


def _given_to(s: str, company: str | None) -> str | None:
    """The receiver of provide, supply, give or offer: "Corriden will supply Mistral Forge with …"."""
    for m in _GIVE_VERB.finditer(s):
        run = NAME_RUN.match(s, m.end())
        if run is None:
            continue
        after = s[run.end() : run.end() + 10]
        if m.group("with") is not None:
            ok = after.startswith((" with ", " access "))
        else:
            ok = _SECOND_OBJECT.match(s, run.end()) is not None
        if not ok:
            continue
        name = name_at(s, m.end())
        if name and not is_same_company(name, company) and not is_generic(name):
            return name
    return None


#: "our two largest customers, Vela Compute and Orbis Labs," and "Vela Compute and Orbis Labs, our two
#: largest customers,": a group of customers and the names that make it up.
_GROUP_THEN_NAMES: Final = re.compile(r"\b(?i:customers|clients|tenants|lessees)\s*,\s+(?=[A-Z])")
_NAMES_THEN_GROUP: Final = re.compile(
    r"(?:^\s*|,\s+|\bthat\s+|\bwhile\s+)(?P<n>[A-Z][^,;:()]{1,80}?(?:,\s+[A-Z][^,;:()]{1,60}?)*),\s+"
    r"(?:our|its|their|the\s+company's)\s+(?:\w+\s+){0,3}?(?i:customers|clients|tenants|lessees)\s*,"
)
_LIST_SEPARATOR: Final = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


#: Words closing a list of names that make it one group: "Oracle and Microsoft together".
_TOGETHER_ENDS: Final = ("together", "combined", "jointly", "collectively")


def _named_group(subject: str, company: str | None) -> str | None:
    """The names of a customer group written beside it, as written ("Vela Compute and Orbis Labs"),
    when every item of the list is a name: "our two largest customers, both hyperscalers," names none."""
    if "," not in subject:
        return None
    group = _GROUP_THEN_NAMES.search(subject)
    if group is not None:
        close = subject.rfind(",")
        listed = subject[group.end() : close] if close > group.end() else ""
    else:
        before = _NAMES_THEN_GROUP.search(subject)
        listed = before.group("n") if before is not None else ""
    listed = listed.strip()
    if listed.endswith(_TOGETHER_ENDS):
        words = listed.split()
        if len(words) > 1 and words[-1] in _TOGETHER_ENDS:
            # "our top two tenants, Oracle and Microsoft together, were 61%": the pair, as one group (the
            # word may open a wrapped line).
            listed = listed[: len(listed) - len(words[-1])].rstrip()
    parts = _LIST_SEPARATOR.split(listed)
    if len(parts) < 2:
        return None
    for part in parts:
        name = name_at(part, 0)
        if name is None or name != part or is_same_company(name, company) or is_generic(name):
            return None
    return listed.strip()


def _source_named_after(s: str, q: Quantity, company: str | None) -> str | None:
    """The customer a share of revenue "came from", named after it or in its appositive."""
    share_of = OF_REVENUE.match(s, q.end)
    source = _CAME_FROM.match(s, share_of.end()) if share_of else None
    if source is None:
        return None
    name = name_at(s, source.end())
    appositive = None if name else _APPOSITIVE.search(s, source.end(), source.end() + 60)
    if appositive:
        name = name_at(s, appositive.end())
    return name if name and not is_same_company(name, company) else None


_HANDED_TO: Final = LeadWords(
    re.compile(r"\b(?:handed(?:\s+over)?|delivered|leased|turned\s+over)\s+to\s+"),
    ("handed", "delivered", "leased", "turned"),
)
_CREDIT_RE: Final = CasePattern(r"\b(?:credit|loan|revolv|lender|borrow|facility)")
#: The words that name an agreement, written whole (see `_names_a_contract`).
_CONTRACT_WORDS: Final = ("agreement", "contract", "deal", "lease", "partnership")
_CONTRACT_RE: Final = CasePattern(r"\b(?:" + "|".join(_CONTRACT_WORDS) + r")\b")


def _names_a_contract(f: Folded) -> bool:
    """`_CONTRACT_RE.search(f)`: one of `_CONTRACT_WORDS` written whole. On lower-cased text it is
    found with `str.find` and its two neighbours looked at; the pattern would be tried at every word
    of every sentence that holds one of the words inside another ("leases", "dealer")."""
    if not f.fast:
        return _CONTRACT_RE.search(f) is not None
    low = f.low
    for word in _CONTRACT_WORDS:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _word_char(low[at - 1])) and (end == len(low) or not _word_char(low[end])):
                return True
            at = low.find(word, at + 1)
    return False


def _word_char(ch: str) -> bool:
    """What `\\w` matches (so what `\\b` tells apart)."""
    return ch.isalnum() or ch == "_"


#: "… (the "Company") and Corvex AI, Inc. ("Corvex") entered into": the other signer, after "and".
_JOINT_SIGNERS: Final = re.compile(
    r"\band\s+(?P<n>[A-Z][\w&'’.,\- ]{1,60}?)\s*(?:\([^()]{1,40}\)\s*)?(?:have\s+|has\s+)?entered\s+into\b"
)
#: The parties an agreement is made between, written after it: "a Capacity Agreement by and between the
#: Company and Stannard AI, Inc.", "a lease agreement between Velmora and Halden Systems LLC".
_BETWEEN_PARTIES: Final = OnFirstUse(
    r"\b(?:agreements?|contracts?|leases?|MSA|amendment)\s+(?:(?:is|was)\s+(?:made|entered\s+into)\s+)?"
    r"(?:(?:dated|effective)\s+(?:as\s+of\s+)?[\w ,]{4,30}?\s+)?"
    r"(?:by\s+and\s+)?(?:between|among)\s+",
    re.IGNORECASE,
)
#: Where the list of parties ends: "… and Stannard AI, Inc. for 220 MW", "…, pursuant to which".
_PARTIES_END: Final = OnFirstUse(
    r"\s(?:for|pursuant|providing|under|whereby|which|that|to|on|dated|effective)\b|[;:]|" + _FULL_STOP
)


def _signing_party(s: str, company: str | None) -> str | None:
    """The signing party that is not the company: of two joint signers ("Tolland Grid, Inc. and Corvex
    AI, Inc. entered into", "Halden Systems LLC and Velmora Compute Corp. (the company) entered into")
    or of the parties an agreement is made between ("by and between the Company and Stannard AI, Inc.").
    The company is known by its name or, blanked to "the Company", by not being named."""
    if "entered into" in s and " and " in s:
        joint = _JOINT_SIGNERS.search(s)
        if joint is not None:
            second = name_at(s, joint.start("n"))
            if second is not None and not is_same_company(second, company) and not is_generic(second):
                return second
            if second is not None:
                # The company signs second: the name before "and" is the other party's.
                first = [n for _a, _b, n in names_in(s[: joint.start()]) if not is_generic(n)]
                if first and not is_same_company(first[-1], company):
                    return first[-1]
    if "etween" not in s and "mong" not in s:
        return None
    between = _BETWEEN_PARTIES.compiled.search(s)
    if between is None:
        return None
    stop = _PARTIES_END.compiled.search(s, between.end(), between.end() + 240)
    end = stop.start() if stop is not None else min(len(s), between.end() + 240)
    for a, _b, name in names_in(s[between.end() : end]):
        if (
            not is_same_company(name, company)
            and not is_generic(name)
            and not is_role(name)
            and not _ROLE_AFTER_NAME.compiled.match(s, between.end() + a + len(name))
        ):
            return name
    return None


#: A name set off by its role in a list of parties: "Halberd National Bank, as administrative agent".
_ROLE_AFTER_NAME: Final = OnFirstUse(
    r"[^;]{0,16}?,?\s+as\s+(?:\w+\s+){0,2}(?:agent|trustee|arranger)\b", re.I
)


#: A site's facility: "its Sable Run facility", "a data center facility" (a credit facility is "the
#: Facility", "a bridge facility", "the Revolving Credit Facility").
_SITE_FACILITY: Final = re.compile(
    r"(?:\b[A-Z][a-z][\w'’-]*|\bdata[\s-]cent(?:er|re)|\b(?:colocation|hosting|manufacturing|mining|production|"
    r"storage|research))\s+facilit"
)


def _lender(state: _State, s: str, start: int, end: int, company: str | None) -> str | None:
    """`lender(s, start, end, company)`, answered again without a scan when the last question was the
    same (the same sentence object, span and company): a single financing figure asks for its clause
    and then its whole sentence, and `_remember_parties` asks for the whole sentence once more."""
    memo = state.lender_memo
    if memo is not None and memo[0] is s and memo[1] == start and memo[2] == end and memo[3] == company:
        return memo[4]
    found = lender(s, start, end, company)
    state.lender_memo = (s, start, end, company, found)
    return found


def _remember_parties(f: Folded, state: _State) -> None:
    """Names a later sentence may refer back to ("the amendment", "the agreement").

    Runs on every sentence, so plain substring tests on the lower-cased text rule
    out most sentences before any pattern is tried.
    """
    sentence = f.text
    company = state.company
    low = f.low
    state.analyst_just_named = "analyst" in low and (
        _remember_analysts(sentence, state) or _ANALYSTS_SUBJECT.match(sentence) is not None
    )
    credit = "credit" in low or "loan" in low or "revolv" in low or "lend" in low or "borrow" in low
    facility = "facility" in low
    if not credit and f.fast and facility and low.count("facilit") == len(_SITE_FACILITY.findall(sentence)):
        # "… a lease with Quillfeather at its Sable Run facility": a site, no lender.
        pass
    elif (not f.fast or credit or facility) and _CREDIT_RE.search(f):
        agent = _RE_BWITH_AS_ADMINISTRATIVE.search(sentence)
        name = (
            name_at(sentence, agent.start("n"))
            if agent
            else _lender(state, sentence, 0, len(sentence), company)
        )
        if name and not is_same_company(name, company):
            state.para_lender = name
            state.last_lender = name
            if agent:
                # The agent of "the Credit Agreement" stands for its lenders in every later paragraph.
                state.agent = name
    if _names_a_contract(f):
        party = party_after(sentence, 0, len(sentence), company, _WITH_TO_WORDS)
        under = None if party else _UNDER_WHICH.search(sentence)
        if under:
            party = name_at(sentence, under.end())
            party = None if party is None or is_same_company(party, company) else party
        if party is None and " and " in sentence:
            # "Tolland Grid, Inc. (the "Company") and Corvex AI, Inc. ("Corvex") entered into a Master
            # Services Agreement", "a Capacity Agreement by and between the Company and Stannard AI, Inc.":
            # the signing party that is not the company.
            party = _signing_party(sentence, company)
        if party is None and "signed " in sentence:
            # "Allerton Edge has signed Microsoft to a 300MW lease": the customer signed to the deal.
            party = _signed_to_deal(sentence, company if company is not None else _story_lead(state))
        if party is None and any(w in sentence for w in _SIGNER_VERBS):
            # "That customer is Vellum Research, …, which in July signed a 15-year lease": the signer,
            # when it is not the company (or, with no legal name, the story's lead).
            party = _signer(sentence, company if company is not None else _story_lead(state))
        if party:
            state.contract_party = party
            state.para_deals.append(sentence)
            for term, end in state.sentence_deals:
                # "an agreement (the "Selmont Agreement") with Selmont Systems LLC and a separate agreement
                # (the "Kinvara Agreement") with Kinvara AI Corp.": each name's own "with" first.
                own = party_after(sentence, end, min(len(sentence), end + 12), company, _WITH_TO_WORDS)
                state.deal_parties[term] = own or party
    elif "signed" in low and " is " in low and _NEW_PARTY_IS.search(low) is not None:
        # "The new tenant is xAI, which has signed for 180MW": a signing named without its agreement's
        # noun; the next sentence's "the deal" or "the lease" is this one.
        party = _signer(sentence, company if company is not None else _story_lead(state))
        if party:
            state.contract_party = party
            state.para_deals.append(sentence)
    state.sentence_deals = []


#: A new party named as the subject's complement (lower-cased): "the new tenant is", "our latest
#: customer is".
_NEW_PARTY_IS: Final = re.compile(
    r"\b(?:new|newest|latest|second|third|fourth|fifth|next|additional)\s+(?:anchor\s+)?"
    r"(?:tenant|customer|client|lessee|offtaker)\s+is\s"
)


#: An analyst's name: "Kay Orsett, an analyst at Brill & Co", "analyst Kay Orsett", "Brill analyst Kay
#: Orsett". Two or three capitalised words: a person's name, not a firm's single word.
_ANALYST_NAMED: Final = re.compile(
    r"(?P<a>\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2}),\s+(?:an?\s+|the\s+)?(?:senior\s+|lead\s+|"
    r"equity\s+|research\s+|sell-side\s+)?analyst\b|"
    r"\b(?i:analyst)\s+(?P<b>[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z][\w'’-]*){1,2})"
)
#: Analysts as the subject a sentence opens with: "Analysts at Orwell Capital raised …", "Two Brill analysts
#: said …", "The analysts expect …" (a later "they" is theirs).
_ANALYSTS_SUBJECT: Final = re.compile(
    r"\W{0,3}(?:(?:[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Oo]ther|[Tt]wo|[Tt]hree)\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}?"
    r"(?:[Aa]nalysts|ANALYSTS)\b"
)
#: A named analyst's own view: "Orsett estimates", "Orsett also sees", "Orsett's model", and in the past
#: tense of a story's report: "Castellano estimated that each gigawatt could bring …".
_ANALYST_VIEW_AFTER: Final = re.compile(
    r"(?:(?:'s|’s)\s+(?:model|estimates?|forecasts?|numbers|math|view)\b|\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:estimates?|sees|expects?|forecasts?|projects?|models?|predicts?|calculates?|reckons|thinks|believes|"
    r"figures|assumes|pencils\s+in|puts|values?|estimated|expected|forecasted|projected|modell?ed|predicted|"
    r"calculated|reckoned|thought|believed|figured|assumed|pencill?ed\s+in|valued)\b)"
)


#: A person's pronoun as a clause's subject: "She estimates …", "…, and he now sees …", "They expect …".
_PERSON_PRONOUN: Final = re.compile(
    r"(?:^|(?<=[;:,(]\s)|(?<=\band\s)|(?<=\bbut\s))(?:[Ss]he|[Hh]e|[Tt]hey)\b"
)
#: What an analyst says in a note, after the pronoun: "she wrote that", "they said", "he noted".
_ANALYST_SAID_AFTER: Final = re.compile(
    r"\s+(?:also\s+|then\s+)?(?:wrote|writes|said|says|noted|notes|added|adds|argued|argues|told\s+(?:clients|"
    r"investors))\b"
)
#: An attribution at the sentence's end by a pronoun or by analysts: "…, they wrote.", "…, she said in a
#: note to clients.", "…, they estimate.", "…, the analysts wrote." (`view`: the analysts' own estimate,
#: whatever its tense; `named`: analysts, not a pronoun).
_ATTRIBUTION_TAIL: Final = re.compile(
    r"(?:,|\s[-–—])\s+(?:they|he|she|(?P<named>(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+){0,3}analysts?))\s+"
    r"(?:also\s+|now\s+)?(?:(?P<view>estimated?|estimates|expect(?:s|ed)?|"
    r"forecasts?|forecasted|projected?|projects|reckon(?:s|ed)?|calculated?|calculates|believed?|believes|"
    r"think|thinks|thought|assumed?|assumes)|wrote|write|writes|said|say|says|noted|note|notes|added|argued|"
    r"told\s+(?:clients|investors))\b(?:\s+(?:in|on|to)\s+[^,;.!?]{0,40})?\s*[.!?\"”’)]*\s*$"
)


def _pronoun_view(s: str, q: Quantity, kind: str) -> bool:
    """Right after a sentence that named an analyst (or analysts), the figure is in "her", "his" or
    "their" view: "… said Priya Lund, an analyst at Coldstream. She estimates Vela could account for more
    than 40% of revenue by 2028.", "…, they estimate." A forecast they only report ("she wrote that
    margin should reach 12%", "…, they wrote.") is theirs too; a result they restate stays the company's.
    (A chief executive's "she expects sales to triple" after no analyst is the company's.)"""
    for m in _PERSON_PRONOUN.finditer(s, 0, q.start):
        if s.find(";", m.end(), q.start) >= 0:
            continue
        if _ANALYST_VIEW_AFTER.match(s, m.end()) or (
            kind == "guidance" and _ANALYST_SAID_AFTER.match(s, m.end())
        ):
            return True
    return _attribution_tail(s, q, kind, True)


def _attribution_tail(s: str, q: Quantity, kind: str, pronoun: bool) -> bool:
    """Does the sentence end by attributing the figure's clause to analysts (`_ATTRIBUTION_TAIL`), by
    "they", "he" or "she" when `pronoun` (the sentence before named them), by "the analysts" always? A
    forecast they report is theirs; only a view verb makes a result theirs too."""
    tail = max(q.end, len(s) - 110)
    if (
        not (
            pronoun
            and (s.find(" they ", tail) >= 0 or s.find(" he ", tail) >= 0 or s.find("she ", tail) >= 0)
        )
        and s.find("analyst", tail) < 0
    ):
        return False
    m = _ATTRIBUTION_TAIL.search(s, tail)
    return (
        m is not None
        and (pronoun or m.group("named") is not None)
        and s.find(";", q.end, m.start()) < 0
        and (kind == "guidance" or m.group("view") is not None)
    )


#: Hearsay put to the company in a question: "There were reports that your largest customer is …".
_QUESTION_HEARSAY: Final = re.compile(
    r"\b(?i:there)\s+(?:were|have\s+been|are|was)\s+(?:some\s+|press\s+|media\s+)?reports\s+that\s+(?:[^;]{0,80}?\s)?"
    r"(?:your|you)\b"
)
#: A person at a broker or research house with a view verb: "Harlan Pierce at Oakbridge Partners
#: estimates", "Mia Lund of Tarn Securities expects".
_BROKER_PERSON_VIEW: Final = re.compile(
    r"\b[A-Z][a-z][\w'’-]*(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w'’-]*\s+(?:at|of|with|from)\s+(?:[A-Z][\w&'’.-]*\s+){0,3}?"
    r"(?:Partners|Securities|Research)(?:\s+\([A-Z]+\))?\s+(?:also\s+|now\s+|still\s+)?(?:estimates?|expects?|sees|"
    r"forecasts?|projects?|models?|thinks|believes|reckons|calculates|figures|predicts|estimated|expected|"
    r"forecasted|projected|modell?ed|thought|believed|reckoned|calculated|figured|predicted)\b"
)


def _broker_person_view(s: str, q: Quantity) -> bool:
    """The figure is the view of a person at a broker named with a view verb before it, in the same
    clause run (no ";" between)."""
    return any(s.find(";", m.end(), q.start) < 0 for m in _BROKER_PERSON_VIEW.finditer(s, 0, q.start))


def _named_analyst_view(s: str, q: Quantity, analysts: list[str]) -> bool:
    """The figure is in the view of an analyst the document named before ("Orsett sees 2027 revenue of
    $1.4 billion"), in the same sentence and clause run (no ";" between)."""
    for surname in analysts:
        at = s.find(surname)
        while 0 <= at < q.start:
            end = at + len(surname)
            if (
                (at == 0 or not s[at - 1].isalnum())
                and _ANALYST_VIEW_AFTER.match(s, end)
                and s.find(";", end, q.start) < 0
            ):
                return True
            at = s.find(surname, end)
    return False


#: "Our largest customer is", "The company's anchor tenant remains": a customer named as such.
#: "Our largest customer is", "The company's anchor tenant remains": a customer named as such. The
#: pattern starts at the ranking word (a determiner first would try every word of the sentence).
_CUSTOMER_IS: Final = re.compile(
    r"\b(?:(?:single\s+)?largest|biggest|anchor|main|principal|primary|top)\s+(?:customer|tenant|client)\s+"
    r"(?:is|was|remains|has\s+been)\s+",
    re.IGNORECASE,
)
#: The ranking words of `_CUSTOMER_IS` and `_IS_CUSTOMER` before their noun, as a screen.
_CUSTOMER_RANK: Final = re.compile(
    r"(?:largest|biggest|anchor|main|principal|primary|top)\s+(?:customer|tenant|client)\b"
)
#: "Vela Labs is our largest customer": the name before it.
_IS_CUSTOMER: Final = re.compile(
    r"\b(?:is|was|remains|has\s+been)\s+(?:our|its|the\s+company(?:'s|’s))\s+(?:(?:single\s+)?largest|biggest|"
    r"anchor|main|principal|primary|top)\s+(?:customer|tenant|client)\b",
    re.IGNORECASE,
)


#: A share whose sentence opens on its verb, with no subject: "Represents 22% of total revenue.",
#: "*  Accounted for less than 1%." (a footnote's or a table cell's mark before it).
_VERB_FIRST: Final = re.compile(
    r"[\W\d]{0,6}(?:represent(?:s|ed)?|account(?:s|ed)\s+for|compris(?:es|ed)|contribut(?:es|ed)|"
    r"made\s+up|makes\s+up|generat(?:es|ed))\s",
    re.IGNORECASE,
)


def _verb_first_share(r: _Reading, q: Quantity) -> bool:
    """Is the share the first figure of a sentence that opens on the share's verb?"""
    return q is r.quantities[0] and _VERB_FIRST.match(r.sentence) is not None and q.start < 60


def _label_line_party(line: str, company: str | None) -> str | None:
    """The customer a short line before a verb-first share names ("Microsoft Corporation",
    "Top customer: Vela Labs"), or one named as the largest."""
    found = _customer_named(line, company)
    if found is not None or len(line.strip()) > 80:
        return found
    best: str | None = None
    for _s, _e, name in names_in(line):
        if not is_same_company(name, company) and not is_generic(name):
            best = name
    return best


#: A sentence opened by the change it reports, up to its percentage (lower-cased): "the increase of
#: $111.9 million, or 122%", "the increase in revenue of 122%", "this increase of approximately 38%".
_INCREASE_SUBJECT: Final = re.compile(
    r"\W*(?:the|this|that)\s+(?:(?:year[\s-](?:over|on)[\s-]year|yoy|period[\s-]over[\s-]period)\s+)?"
    r"(?:increase|growth|rise)(?P<noun>\s+in\s+(?:(?:total|net|consolidated)\s+)?(?:revenues?|sales))?\s+"
    r"(?:of|was)\s+(?:approximately\s+|about\s+|roughly\s+)?(?:\$\s?[\d.,]+\s*(?:million|billion|thousand|"
    r"[mbk])?\s*,?\s+or\s+(?:approximately\s+|about\s+|roughly\s+)?)?"
)
#: The opening of a sentence that reports revenue (lower-cased): "revenue was", "total revenue for".
_REVENUE_OPENING: Final = re.compile(
    r"\W*(?:revenue\.\s+)?(?:(?:total|net|consolidated)\s+)?(?:revenues?|sales)\s+(?:was|were|(?:increased|grew|rose)\s+to|"
    r"for\s+the\s+(?:three|six|nine|twelve)\s+months|totall?ed|of)\b"
)


def _revenue_increase_restated(r: _Reading, q: Quantity, state: _State) -> bool:
    """Is the percentage the revenue's growth, told by a sentence opened by "the increase" ("The
    increase of $111.9 million, or 122%, for the three-month period was driven by …")? It names revenue
    itself ("The increase in revenue of 122%"), or the sentence before reports revenue ("Revenue was
    $203.7 million …"). The change of another line ("Operating expenses were …") is none."""
    low = r.folded.low
    if (
        q.start > 70
        or q.start < 8
        or (low.find("increase", 0, 20) < 0 and low.find("growth", 0, 20) < 0 and low.find("rise", 0, 20) < 0)
    ):
        return False
    m = _INCREASE_SUBJECT.match(low)
    if m is None or m.end() != q.start:
        return False
    if m.group("noun") is not None:
        return True
    return _REVENUE_OPENING.match(_previous_sentence(state.text, r.offset).lower()) is not None


#: The customer a share is of, written after it with its rank and name: "48% for its largest customer,
#: Microsoft," "31% from our top client, Vela Labs".
_RANK_NAMED_AFTER: Final = re.compile(
    r"\s+(?:of\s+(?:total\s+|net\s+)?(?:revenues?|sales)\s+)?(?:for|from|at)\s+(?:its|our|their|the)\s+"
    r"(?:single\s+)?(?:largest|biggest|top|main|anchor|leading)\s+(?:customer|client|tenant)\s*,\s+"
    r"(?:(?:which|who)\s+(?:is|was)\s+)?",
    re.IGNORECASE,
)


def _rank_named_after(r: _Reading, q: Quantity, company: str | None) -> str | None:
    """The customer named after a share with its rank ("compared with 48% for its largest customer,
    Microsoft, in fiscal 2026"), or None."""
    low = r.folded.low
    window = low[q.end : q.end + 60]
    if "customer" not in window and "client" not in window and "tenant" not in window:
        return None
    m = _RANK_NAMED_AFTER.match(r.sentence, q.end)
    if m is None:
        return None
    name = name_at(r.sentence, m.end())
    return name if name and not is_same_company(name, company) and not is_generic(name) else None


#: The revenue a forecast's growth is measured from, written right before its amount (lower-cased):
#: "growth of about 71% over fiscal 2026 revenue of", "up 30% from 2025 revenue of approximately".
_GROWTH_BASE_BEFORE: Final = re.compile(
    r"\d\s*%[^.;]{0,40}?\s(?:over|from|on|versus|vs\.?|compared\s+(?:with|to)|relative\s+to)\s+"
    r"(?:(?:its|our|the\s+company['’]s)\s+)?(?:(?:fiscal|calendar|full[\s-]year)\s+(?:year\s+)?)?(?:20\d\d|fy\s?\d{2,4})\s+"
    r"(?:total\s+|reported\s+)?revenues?\s+(?:of\s+)?(?:(?:about|approximately|roughly|around|nearly)\s+)?(?:us)?\$?\s*$"
)


def _growth_base(r: _Reading, q: Quantity) -> bool:
    """Is the revenue amount the base a forecast growth rate is measured from ("implies revenue growth
    of about 71% … over fiscal 2026 revenue of $1.37 billion")? A year's result, not a forecast."""
    low = r.folded.low
    a = max(0, q.start - 90)
    if low.find("revenue", a, q.start) < 0 or low.find("%", a, q.start) < 0:
        return False
    return _GROWTH_BASE_BEFORE.search(low, a, q.start) is not None


def _previous_sentence(text: str, offset: int) -> str:
    """The sentence right before the one starting at `offset` (its last 240 characters at most)."""
    before = text[max(0, offset - 240) : offset].rstrip()
    cut = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
    return before[cut + 1 :]


def _customer_named(sentence: str, company: str | None) -> str | None:
    """The customer a sentence names as its largest ("Our largest tenant is Vela Labs.")."""
    if _CUSTOMER_RANK.search(sentence.lower()) is None:
        return None
    m = _CUSTOMER_IS.search(sentence)
    name = name_at(sentence, m.end()) if m else None
    if name is None:
        m = _IS_CUSTOMER.search(sentence)
        if m is not None:
            name = subject_before(sentence, m.start(), company, 0)
    return None if name is None or is_same_company(name, company) else name


def _remember_analysts(sentence: str, state: _State) -> bool:
    """The analysts a sentence names: their later "estimates" are their own. Whether it named one."""
    named = False
    for m in _ANALYST_NAMED.finditer(sentence):
        surname = (m.group("a") or m.group("b")).split()[-1]
        if is_same_company(surname, state.company):
            continue
        named = True
        if surname not in state.analysts:
            state.analysts.append(surname)
    return named


def _only_party(sentences: list[str], company: str | None) -> str | None:
    """The one party the sentences' agreements name ("with X", "to Y"); None if they name several."""
    party: str | None = None
    for sentence in sentences:
        for m in _WITH_TO.finditer(sentence):
            name = name_at(sentence, m.end())
            if not name or is_same_company(name, company) or is_generic(name):
                continue
            if party is None:
                party = name
            elif not is_same_company(name, party):
                return None
    return party


#: A value that refers back to one agreement: "Aggregate contract value is expected to be …", "Total
#: contract value: ~$2B", "the value of the lease".
_VALUE_BACKREF: Final = Screened(
    re.compile(
        r"\b(?:(?:total|aggregate|overall|estimated|expected|initial)\s+)?contract\s+value\b|"
        # As filings word it: "total contract revenue", "aggregate contract revenue", "total consideration".
        r"\b(?:total|aggregate|expected|estimated)\s+(?:contract\s+revenues?|consideration)\b|"
        r"\bvalue\s+of\s+(?:the|this|that)\s+(?:agreement|contract|deal|lease|MSA)\b|"
        r"\b(?:the|this|that)\s+(?:agreement|contract|deal|lease|MSA)(?:'s|’s)?\s+(?:total\s+|aggregate\s+)?value\b|"
        # The agreement's payments over its term or under it: "Aggregate base rent over the initial term
        # is expected to be approximately $5.3 billion", "payments under the contract total $2.1 billion",
        # "rent payable over the life of the Lease".
        r"\b(?:rent|rents|payments?|fees|consideration)\s+(?:payable\s+|due\s+)?(?:over|during|for)\s+(?:the\s+)?"
        r"(?:(?:initial|full|entire|remaining|base|primary|committed|(?:[\w-]+)[\s-]year)\s+)?(?:lease\s+)?"
        r"(?:term|life|tenor)\b|"
        r"\b(?:payments?|rent|rents|fees|revenue|consideration|amounts?)\s+(?:payable\s+|due\s+)?under\s+(?:the|this|that)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:agreement|contract|deal|lease|MSA)\b",
        re.IGNORECASE,
    )
)
#: Words of a sum over several agreements: "across our leases", "all customers", "to date".
_MANY_AGREEMENTS: Final = re.compile(
    r"\b(?:across|portfolio|all|combined|cumulative|to\s+date|leases|agreements|contracts|deals|customers|"
    r"tenants|clients)\b",
    re.IGNORECASE,
)


def _carried_party(s: str, q: Quantity, state: _State) -> str | None:
    """The party of the agreement the paragraph just named, for a value that refers back to it
    ("… signed a ten-year lease with Vela Labs for 90 MW. Total contract value is $1.2 billion.")
    when the paragraph's agreements name that one party only."""
    if not state.para_deals or (
        "value" not in s
        and "rent" not in s
        and "under" not in s
        and "pay" not in s
        and "revenue" not in s
        and "consideration" not in s
    ):
        return None
    if _MANY_AGREEMENTS.search(s):
        return None
    if _VALUE_BACKREF.search(s, max(0, q.start - 100), q.start) is None:
        # The noun after the figure: "7 years, ~$4.2B total contract value."
        after = _VALUE_BACKREF.search(s, q.end, q.end + 40)
        if after is None or after.start() > q.end + 2:
            return None
    return _only_party(state.para_deals, state.company)


#: What "raised" lifts when it is no money raised: "raised our five-year capital plan to", "raised its
#: capex budget by", "raised the dividend to" (not "raised the size of the offering to").
_RAISED_PLAN: Final = OnFirstUse(
    r"\s+(?:(?:our|its|the|their|this\s+year['’]s|its\s+own)\s+)?(?:[\w-]+\s+){0,3}?(?:plan|budget|program|"
    r"programme|guidance|outlook|forecast|target|estimate|view|dividend|price|rate|fee|rent|ceiling|cap|"
    r"limit|allocation|spending|spend|capex|expenditure|payout|buyback|repurchase\s+authori[sz]ation)s?\b",
    re.IGNORECASE,
)
#: Many loans or deals summed over a market: "$38 billion of such loans", "$9 billion in similar deals".
_SUCH_TALLY: Final = OnFirstUse(
    r"\s+(?:worth\s+)?(?:of|in|across)\s+(?:such|these|those|similar|comparable|all)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:loans|deals|financings|facilities|transactions|bonds|notes|debt|lending|borrowings|raises|rounds)\b",
    re.IGNORECASE,
)
#: A class of lenders or borrowers as the subject: "Private-credit funds provided", "Banks have lent",
#: "Data-center developers raised" (a market's total, not one company's deal).
_CLASS_SUBJECT: Final = OnFirstUse(
    r"\W*(?:[A-Z][\w-]*\s+)?(?:[\w-]+\s+){0,2}?(?i:funds|lenders|banks|investors|companies|developers|"
    r"operators|issuers|borrowers|firms|managers|insurers|startups|providers|neoclouds|hyperscalers)\s+(?:have\s+|had\s+)?(?:collectively\s+)?"
    r"(?:provided|lent|raised|issued|borrowed|committed|deployed|extended|arranged|underwrote|financed|"
    r"poured|invested|sold)\b",
)


#: A market's figure besides its class subject: "an estimated", "according to data", "up 70% from a
#: year earlier" ("Existing lenders provided $200 million of incremental term loans" names no market).
_MARKET_WORDS: Final = (
    "estimated", "according to", "data", "combined", "collectively", "in total", "industry", "market",
    "sector", "globally", "worldwide", "year earlier", "year ago", "record",
)  # fmt: skip


def _market_tally(r: _Reading, q: Quantity) -> bool:
    """Is a sum of money raised a market's total rather than one company's deal: "of such loans"
    after it, or a class of lenders or borrowers ("Private-credit funds provided") as the subject?"""
    s = r.sentence
    low = r.folded.low
    if (
        "such" in low or "similar" in low or "these" in low or "comparable" in low
    ) and _SUCH_TALLY.compiled.match(s, q.end):
        return True
    if _CLASS_SUBJECT.compiled.match(s, 0, q.start) is None or not any(w in low for w in _MARKET_WORDS):
        return False
    # "Lenders provided a $2 billion loan to Orrin": one deal ("a"), not a market's sum.
    return not low[max(0, q.start - 3) : q.start].endswith(("a ", "an ")) or low.endswith(
        "estimated ", 0, q.start
    )


#: Investors' demand before a figure in its clause: "orders for the notes topped", "demand for the
#: offering exceeded", "the order book peaked above", "bids totaled".
_ORDER_BOOK_BEFORE: Final = OnFirstUse(
    r"\b(?:orders|order\s+books?|books|demand|bids|indications\s+of\s+interest)\s+(?:for\s+[^.;,$]{0,40}?)?"
    r"(?:(?:has|have|had)\s+)?(?:topped|exceeded|surpassed|reached|totall?ed|peaked|hit|came\s+in|"
    r"amounted|stood|swelled|grew|rose|climbed)\b[^.;$]{0,25}$",
    re.IGNORECASE,
)


def _order_book(r: _Reading, q: Quantity) -> bool:
    """Is a sum read as money raised the investors' orders for the deal ("Demand for the offering
    exceeded $5 billion")? The issuer raises the deal's size, not its order book."""
    low = r.folded.low
    lo = max(0, q.start - 90)
    if (
        low.find("order", lo, q.start) < 0
        and low.find("demand", lo, q.start) < 0
        and low.find("books", lo, q.start) < 0
        and low.find("bids", lo, q.start) < 0
        and low.find("indications", lo, q.start) < 0
    ):
        return False
    return _ORDER_BOOK_BEFORE.compiled.search(r.sentence, lo, q.start) is not None


#: A use of the money raised after "of which" or "including": "of which $96 million was used to pay",
#: "… will be applied to repay".
_USED_AFTER: Final = OnFirstUse(
    r"\s+(?:was|were|is|will\s+be|has\s+been|are)\s+(?:being\s+)?(?:used|applied|spent|allocated|paid|"
    r"earmarked|set\s+aside)\b",
    re.IGNORECASE,
)


def _proceeds_used(r: _Reading, q: Quantity) -> bool:
    """ "Net proceeds were approximately $978 million, of which $96 million was used to pay the cost of
    capped call transactions": the part after "of which" is a use of the proceeds, no money raised."""
    return (
        q.start >= 9
        and r.folded.low.endswith("of which ", 0, q.start)
        and _USED_AFTER.compiled.match(r.sentence, q.end) is not None
    )


def _anothers_tally(s: str, q: Quantity, state: _State) -> bool:
    """ "Halcyon Labs has signed as much as $900 billion of deals to buy chips" in a story about
    Quorvex: the tally of another company's many deals, in which the story's company (its lead
    actor, `lead_actor`) takes no part, is no contract of the story's company."""
    if _DEALS_TALLY.match(s, q.end) is None:
        return False
    lead = state.lead
    subject = name_at(s, len(s) - len(s.lstrip()))
    if lead is None or subject is None or is_same_company(subject, lead):
        return False
    return s.find(lead.split()[0]) < 0


#: Many deals summed: "$900 billion of deals", "$40 billion worth of chip deals", "$12 billion in deals".
_DEALS_TALLY: Final = re.compile(r"\s+(?:worth\s+)?(?:of|in)\s+(?:[\w-]+\s+){0,2}?deals\b")


def _name_last_instrument(text: str, start: int, state: _State) -> None:
    """ "… has secured $1.2 billion in funding. The debt facility runs for 36 months.": a sentence
    that opens by naming the instrument, right after a financing whose own sentence named none
    (`other`), names that financing's instrument (facts.md: a debt facility is a credit facility)."""
    last = state.facts[-1]
    # (The fact's offsets are in the text as given, the sentence's in the text read.)
    at = _to_source(state, start)
    if last.metric != "financing" or last.instrument != "other" or not 0 <= at - last.end <= 3:
        return
    m = _NAMED_INSTRUMENT_OPENING.match(text, start)
    if m is not None:
        kind = "loan" if m.group("k").lower().endswith("loan") else "credit_facility"
        state.facts[-1] = last.model_copy(update={"instrument": kind})


#: A sentence opening on a deal named before and its other party: "The Series C was led by Halden Park
#: Capital and Ostrava Growth", "The term loan was arranged by Marchetti Securities", "The vendor
#: financing line, provided by NVIDIA, …".
_DEAL_LED_BY: Final = re.compile(
    r"The\s+(?:new\s+|upsized\s+|\d{4}\s+)?(?P<deal>(?:[\w-]+\s+){0,3}?(?:Series\s+[A-H]\d?|round|loan|"
    r"facility|notes|line|offering|placement|financing|debt))\s*,?\s+(?:(?:was|were|is|has\s+been|had\s+been)\s+)?"
    r"(?:co-)?(?:led|arranged|provided|anchored|syndicated|structured|extended|made)\s+by\s+"
    r"(?P<party>[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and(?=\s+[A-Z])))*)"
)


def _party_of_named_deal(text: str, seg: Segment, state: _State) -> None:
    """ "… a $1.35 billion Series C equity round, a $2.45 billion term loan, … The Series C was led by
    Halden Park Capital and Ostrava Growth.": a later sentence naming a deal's other party gives it to
    the financing amounts read before whose sentence named that deal, of its instrument, with no party."""
    m = _DEAL_LED_BY.match(text, seg.start, seg.end)
    if m is None:
        return
    deal = m.group("deal")
    kind = _deal_instrument(deal)
    if kind in ("notes", "convertible") or "offering" in deal.lower():
        # "The notes offering was led by …": the bookrunners sell the securities; no party of the deal.
        return
    party = m.group("party").rstrip(".,")
    if _common(party) or (state.company is not None and party.startswith(state.company)):
        return
    needle = " ".join(deal.lower().split())
    target: float | None = None
    for i in range(len(state.facts) - 1, -1, -1):
        f = state.facts[i]
        if f.metric != "financing" or f.counterparty is not None or f.instrument != kind:
            continue
        if needle not in " ".join(f.evidence.lower().split()):
            continue
        if target is None:
            target = f.low
        if f.low == target:
            state.facts[i] = f.model_copy(update={"counterparty": party})


def _deal_instrument(deal: str) -> str:
    """The instrument a deal's name says (as `_instrument_for` reads it in a sentence)."""
    low = deal.lower()
    if "convertible" in low:
        return "convertible"
    if "notes" in low or "bond" in low:
        return "notes"
    if "revolv" in low or "credit" in low:
        return "credit_facility"
    if "loan" in low or "delayed" in low or "term" in low:
        return "loan"
    if "series" in low or "round" in low or "placement" in low or "equity" in low:
        return "equity"
    return "other"


#: A sentence opening on the instrument just raised: "The debt facility …", "The new term loan …".
_NAMED_INSTRUMENT_OPENING: Final = re.compile(
    r"The\s+(?:new\s+)?(?P<k>(?:debt|credit|loan|revolving\s+credit)\s+facility|(?:term\s+)?loan)\b"
)


def _instrument_for(r: _Reading, q: Quantity, state: _State) -> str:
    s = r.sentence
    left, right = _clause_span(r, q, r.quantities)
    before = [o for o in r.quantities if o.end <= q.start]
    q_start = q.start
    if before and before[-1].unit == "usd" and _TO_GAP.fullmatch(s, before[-1].end, q.start):
        # "increased the revolving commitments from $600.0 million to $950.0 million": the new amount
        # shares the old one's clause and its instrument word, as near as the old one is.
        left = _clause_span(r, before[-1], r.quantities)[0]
        q_start = before[-1].start
    lo = max(0, left - 10)
    best: tuple[int, str] | None = None
    hi = min(len(s), right + 60)
    # The whole sentence is searched, the figure's own clause first: "we are offering 4,000,000
    # shares of our common stock, and we expect gross proceeds of $250 million" is an equity sale.
    found = [(name, m) for name, pattern in _INSTRUMENTS for m in pattern.finditer(r.folded)]
    found += [("equity", m) for m in _EQUITY.finditer(s)]
    source = _SOLD_SOURCE_AFTER.match(s, q.end) if " of " in s[q.end : q.end + 60] else None
    if source is not None:
        # "… under the Revolving Credit Facility and $412.5 million of net proceeds from the sale of common
        # stock under our at-the-market offering program": what the amount came from is its own.
        stop = next((o.start for o in r.quantities if o.start >= source.end()), len(s))
        own = [
            (m.start(), name) for name, m in found if source.end() <= m.start() < min(stop, source.end() + 50)
        ]
        if own:
            return min(own)[1]
    claimed = False
    # Only a figure with its own financing noun ("$250 million in GPU financing") gives up another amount's
    # instrument word: "… term loan with Pemworth, and we drew $500 million of it" is a draw on that loan.
    own_noun = len(r.quantities) > 1 and any(
        c.type == "financing" and q.end <= c.start < q.end + 25 for c in r.cues
    )
    # "a term loan facility of up to $2.25 billion … and a revolving credit facility of $350 million": a
    # word after " and " that opens the next amount's item is that amount's.
    next_usd = (
        next((o.start for o in r.quantities if o.start >= q.end and o.unit == "usd"), -1)
        if len(r.quantities) > 1
        else -1
    )
    item = _list_item(r, q) if next_usd >= 0 or q is not r.quantities[0] else None
    for name, m in found:
        if own_noun and _claimed_instrument(r, q, m.start(), m.end()):
            claimed = True
            continue
        if item is not None and not item[0] <= m.start() < item[1] and _items_amount(r, q, m.start()):
            # "a $1.35 billion Series C equity round, a $2.45 billion term loan, and a vendor financing
            # line of up to $750 million": each listed amount's instrument is its own item's word.
            claimed = True
            continue
        distance = abs(m.start() - q.end) if m.start() >= q.end else q_start - m.end()
        if q.end <= m.start() < next_usd and s.find(" and ", q.end, m.start()) >= 0:
            distance += 100
        if m.start() >= right:
            distance += 100
        if m.start() < lo or m.start() >= hi:
            distance += 200
        if best is None or distance < best[0]:
            best = (distance, name)
    if best is not None:
        return best[1]
    if (
        not claimed
        and state.para_instrument is None
        and ("the offering" in r.folded.low or "this offering" in r.folded.low)
        and _IPO_NAMED.search(state.text, max(0, r.offset - 1500), r.offset) is not None
    ):
        # "… announced the pricing of its upsized initial public offering of 42,000,000 shares …
        # Stonehaven expects gross proceeds from the offering of approximately $1.134 billion": the
        # offering named before is the IPO.
        return "ipo"
    if claimed or (state.para_instrument and _OWN_KIND_OF_FINANCING.match(s, q.end)):
        # "… convertible notes and secured $250 million in GPU financing": the other deal's word is
        # not this one's, nor is the paragraph's last instrument ("Secured $50 million in equipment
        # financing" under a bullet on a preferred equity draw).
        return "other"
    if state.para_instrument:
        return state.para_instrument
    return "other"


_TO_GAP: Final = re.compile(r"\s+to\s+", re.IGNORECASE)
#: An initial public offering named before a sentence that speaks of "the offering".
_IPO_NAMED: Final = re.compile(r"\b(?:IPO|[Ii]nitial\s+[Pp]ublic\s+[Oo]ffering)\b")
#: What an amount's proceeds came from, right after it: " of net proceeds from the sale of ", " from the
#: issuance of ".
_SOLD_SOURCE_AFTER: Final = re.compile(
    r"\s+(?:(?:of|in)\s+(?:net\s+|gross\s+|cash\s+)?proceeds\s+)?(?:from|of)\s+(?:the\s+|our\s+|its\s+)?"
    r"(?:sales?|issuances?|offerings?|placements?)\s+of\s+",
    re.IGNORECASE,
)
#: A figure's own kind of financing, named by what it pays for: "$50 million in equipment financing".
_OWN_KIND_OF_FINANCING: Final = re.compile(
    r"\s+(?:in|of)\s+(?:new\s+|additional\s+)?(?:equipment|GPU|hardware|server|vendor|asset-backed|"
    r"receivables|inventory|compute)\s+(?:financing|funding)\b",
    re.IGNORECASE,
)
#: A new predicate or clause between two amounts: "; it also secured", "and secured", ". Separately".
_NEW_PREDICATE: Final = re.compile(
    r";|\.\s|\band\s+(?:also\s+|then\s+|separately\s+|later\s+)?(?:[a-z]+ed|took|drew|won|got|sold|"
    r"raised|closed|secured|obtained|issued|signed|priced|struck|landed|drew\s+down)\b|"
    r",\s+(?:and\s+|while\s+)?(?:it|we|they|the\s+company)\s|"
    # "issued $1B of convertible notes, secured $400M in GPU financing": a list of past predicates.
    r",\s+(?:and\s+)?(?:[a-z]+ed|took|drew|won|got|sold)\s+(?:(?:about|approximately|roughly|another|an\s+additional)\s+)?~?$",
    re.IGNORECASE,
)


#: Where an item of a list of deals opens: ": a ", ", a ", ", and an ", "; and a ", " and $400 million".
_ITEM_OPEN: Final = re.compile(
    r"[,;:]\s+(?:and\s+|plus\s+|as\s+well\s+as\s+)?(?:an?|another|one)\s+|,?\s+and\s+(?:an?\s+)?(?=(?:US)?\$)",
    re.IGNORECASE,
)


def _list_item(r: _Reading, q: Quantity) -> tuple[int, int] | None:
    """The span of the list item ("…, a $2.45 billion term loan, …") the amount `q` is in, in a list of
    amounts joined by "and"; None when the amount is in no such list ("…, a $750 million facility with
    Brell Bank" is an appositive)."""
    s = r.sentence
    usd = [o for o in r.quantities if o.unit == "usd"]
    if len(usd) < 2 or s.find(" and ", usd[0].end, usd[-1].start) < 0:
        return None
    if s.find(", a", q.end) < 0 and s.find(": a", 0, q.start) < 0 and s.find(", a", 0, q.start) < 0:
        return None
    prev_end = max((o.end for o in usd if o.end <= q.start), default=0)
    start = -1
    # (Searched up to the amounts' ends: " and $400 million" opens an item by looking at its "$".)
    for m in _ITEM_OPEN.finditer(s, prev_end, q.end):
        if m.end() <= q.start:
            start = m.end()
    nxt = min((o.end for o in usd if o.start >= q.end), default=len(s))
    after = _ITEM_OPEN.search(s, q.end, nxt)
    if start < 0 and after is None:
        return None
    return (max(start, 0), len(s) if after is None else after.start())


def _items_amount(r: _Reading, q: Quantity, at: int) -> bool:
    """Does the word at `at` lie in a list item (see `_list_item`) that holds an amount of its own? The
    list's first item has no opening of its own: it runs from the sentence's start."""
    s = r.sentence
    opening = 0
    for m in _ITEM_OPEN.finditer(s, 0, at):
        opening = m.end()
    closing = _ITEM_OPEN.search(s, at)
    end = len(s) if closing is None else closing.start()
    return any(o is not q and o.unit == "usd" and opening <= o.start < end for o in r.quantities)


def _claimed_instrument(r: _Reading, q: Quantity, a: int, b: int) -> bool:
    """Is the instrument word at [a, b) another amount's, in a predicate of its own? "issued $750 million
    of convertible notes and secured $250 million in GPU financing": "notes" names the first amount only."""
    s = r.sentence
    for o in r.quantities:
        if o is q or o.unit != "usd":
            continue
        if o.end <= a and b <= q.start and _NEW_PREDICATE.search(s, b, q.start):
            return True
        if q.end <= o.start and o.end <= a and _NEW_PREDICATE.search(s, q.end, o.start):
            return True
    return False


_STATUTORY: Final = ("statutory ", "Statutory ", "STATUTORY ")


def _basis_for(s: str, q: Quantity, cue: Cue | None, metric: str) -> str | None:
    if metric not in ("gross_margin", "operating_margin", "revenue", "revenue_growth"):
        return None
    phrase = _basis_phrase(s, q) if "basis" in s else None
    if phrase is not None and (cue is None or phrase.start() >= cue.end or phrase.start() >= q.end):
        # The figure's own phrase, written after it or between its metric's noun and it.
        return "gaap" if phrase.group(1).upper() == "GAAP" else "non_gaap"
    if cue is not None:
        if cue.end < q.start and s.find("ccepted accounting", cue.end, q.start) >= 0:
            # "gross margin under generally accepted accounting principles was 39.1%": GAAP spelled out.
            return "gaap"
        window = s[max(0, cue.start - 22) : cue.end]
        found = None
        for m in _BASIS.finditer(window):
            found = "non_gaap" if m.group("non") else "gaap"
        if found:
            if metric in ("revenue", "revenue_growth") and found == "non_gaap" and "core" in window.lower():
                return None
            return found
        if s.endswith(_STATUTORY, max(0, cue.start - 10), cue.start):
            # "Statutory operating margin of 21.6 per cent": UK and Australian issuers' word for the
            # accounts prepared under the accounting standards (IFRS, AAS), the GAAP figure.
            return "gaap"
        if s.endswith(("reported ", "Reported "), max(0, cue.start - 9), cue.start) and any(
            m.group("non") for m in _BASIS.finditer(s)
        ):
            # "Adjusted gross margin 36.8 %; reported gross margin 31.2 %": the reported one beside an
            # adjusted one is the GAAP (or IFRS) figure.
            return "gaap"
        if _under_gaap_between(s, cue, q):
            return "gaap"
    # "(3.2)% GAAP": the basis written right after the figure.
    tail = s[q.end : q.end + 14].lower()
    after = _BASIS_AFTER.match(s, q.end) if "gaap" in tail or "adj" in tail else None
    if after:
        return "non_gaap" if after.group("non") else "gaap"
    # "…on a GAAP basis; the adj. number … was 48.9%": the nearest basis word in the figure's own clause.
    clause = s.rfind(";", 0, q.start) + 1
    if clause > 0 or cue is None:
        # (A figure with no metric noun of its own, "The GAAP figure was 15%", has its basis word
        # in the clause before it too.)
        nearest = None
        for m in _BASIS.finditer(s, clause, q.start):
            nearest = "non_gaap" if m.group("non") else "gaap"
        if nearest is not None:
            return nearest
    if phrase is None:
        phrase = _RE_BON_AN_NON.search(s)
    if phrase is not None:
        return "gaap" if phrase.group(1).upper() == "GAAP" else "non_gaap"
    return None


def _under_gaap_between(s: str, cue: Cue, q: Quantity) -> bool:
    """The basis named between the metric's noun and its figure: "operating margin as reported under
    GAAP was 14.9%" ("under GAAP", "under U.S. GAAP"), with no other figure between them."""
    if not cue.end < q.start <= cue.end + 40:
        return False
    at = s.find("under ", cue.end, q.start)
    if at < 0:
        return False
    tail = s[at + 6 : q.start]
    return tail.startswith(("GAAP", "U.S. GAAP", "US GAAP")) and not any(c.isdigit() for c in tail)


#: "… was 9.8% on a GAAP basis": the basis phrase written right after the figure.
_BASIS_PHRASE_AFTER: Final = re.compile(
    r",?\s+on\s+an?\s+(non[\s-]?GAAP|adjusted|GAAP)\s+basis\b", re.IGNORECASE
)


def _basis_phrase(s: str, q: Quantity) -> re.Match[str] | None:
    """The figure's own "on a … basis" phrase: written right after it ("9.8% on a GAAP basis and
    15.1% on a non-GAAP basis"), else the nearest one before it that is not another figure's own
    ("On a GAAP basis it was 9.8%, and on an adjusted basis 15.1%")."""
    own = _BASIS_PHRASE_AFTER.match(s, q.end)
    if own is not None:
        return own
    nearest = None
    for m in _RE_BON_AN_NON.finditer(s, 0, q.start):
        if s[max(0, m.start() - 3) : m.start()].rstrip(" ,")[-1:] not in _FIGURE_ENDS:
            nearest = m
    return nearest


_FIGURE_ENDS: Final = frozenset("0123456789%")


# --- table rows --------------------------------------------------------------------------------

_CHANGE_HEADER: Final = re.compile(
    r"\b(?:change|growth|y/y|yoy|year[\s-]over[\s-]year)\b|%\s*chg", re.IGNORECASE
)
_HEADER_PAREN: Final = re.compile(r"\s*\((?P<h>[^()]*)\)\s*$")


#: Where a row label states its unit: "Capacity (MW)", "Revenue ($ millions)", "Capacity, MW",
#: "Top customer as % of revenue".
_LABEL_UNIT: Final = re.compile(
    r"\s*\((?P<p>[^()]{1,40})\)|,\s*(?P<c>[^,()]{1,40})$|\s+as\s+(?:a\s+)?(?P<a>(?:%|percent(?:age)?)\s+of\s+[^,()]{1,30})$"
)
#: "(MW)", "(in GW)", and with the balance date after it: "(MW, period end)", "(MW, at year-end)".
_UNIT_POWER: Final = re.compile(
    r"(?:in\s+)?(?P<u>MW|GW|megawatts?|gigawatts?)"
    r"(?:\s*,\s*(?:at\s+|as\s+of\s+)?(?:(?:period|quarter|year|fiscal[\s-]year)[\s-]end|end\s+of\s+(?:the\s+)?period))?",
    re.IGNORECASE,
)
_UNIT_PERCENT: Final = re.compile(
    r"(?:in\s+)?(?:%|percent(?:age)?)(?P<of>\s+of\s+(?:total\s+)?(?:net\s+)?(?:revenues?|sales))?",
    re.IGNORECASE,
)
_UNIT_MONEY: Final = re.compile(
    r"(?:in\s+)?(?P<cur>US\$|USD|U\.S\.\s?\$|\$)?\s*(?:in\s+)?"
    # "(US$ billion)", "(US$ million)": a singular scale word too.
    r"(?P<scale>thousands?|millions?|billions?|000s?|mm|mn|m|bn|b|k)?"
    r"(?:\s+of\s+(?P<cur2>US\$|USD|U\.S\.\s+dollars|US\s+dollars|dollars))?",
    re.IGNORECASE,
)
_SCALE_WORD: Final = {"thousands": " thousand", "000": " thousand", "000s": " thousand", "k": " thousand"}
_SCALE_WORD.update({"millions": " million", "m": " million", "mm": " million", "mn": " million"})
_SCALE_WORD.update({"billions": " billion", "b": " billion", "bn": " billion"})
_SCALE_WORD.update({"thousand": " thousand", "million": " million", "billion": " billion"})
#: A cell that is only a figure, its unit left to the row label: "880", "201.4", "(3.9)", "$5.3".
_BARE_FIGURE: Final = re.compile(
    r"(?P<neg>[(\-−])?\s*(?P<usd>\$)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\)?(?P<pct>\s?%)?"
)
#: A range of bare figures: "1,190 – 1,210", "36-38", "13 to 15".
_BARE_RANGE: Final = re.compile(
    r"\$?(?P<a>\d[\d,]*(?:\.\d+)?)%?\s*(?:-|–|—|to)\s*\$?(?P<b>\d[\d,]*(?:\.\d+)?)%?"
)
#: A label unit makes these rows no more a metric than they were: per-unit amounts, costs, deferrals,
#: and the expense line "Sales and marketing" (its "Sales" is no revenue).
_LABEL_NOT_METRIC: Final = re.compile(
    r"\b(?:per|deferred|unearned|costs?|expenses?|marketing)\b", re.IGNORECASE
)
#: How a line that may be a lone table row ends: a figure, a percent or a column title in brackets.
_ROW_ENDS: Final = frozenset("0123456789%)")
#: A bare figure ending a label's cell, with an optional column title after it: " 201.4 (Q4 2025)";
#: or a range of two: " $288.0 - $302.0". The look-ahead is the first characters the figure can open
#: with: at any other space `re` skips the optional range's repeat and the figure's steps, which made this
#: short search the costliest test of a line.
_TRAILING_FIGURE: Final = re.compile(
    r"\s(?=[\d$(\-−])(?P<f>(?:\$?\d[\d,]*(?:\.\d+)?%?\s*(?:-|–|—|to)\s*)?\(?[-−]?\$?\d[\d,]*(?:\.\d+)?\)?%?)"
    r"(?:\s*\([^()]*\))?\s*\.?$"
)
#: A column titled only by a year: "2025", "FY2026".
_BARE_YEAR: Final = re.compile(r"(?:FY\s?)?(?:19|20)\d\d")
#: A column title that closes with its year: "% of revenue (2025)", "Share of sales 2026".
_CLOSING_YEAR: Final = re.compile(r"[a-z%]\s+\(?(?:FY\s?)?(?:19|20)\d\d\)?$")
_YEAR_TITLE_ENDS: Final = frozenset("0123456789)")
_LABEL_SCALE: Final = {"": 1.0, " thousand": 1e3, " million": 1e6, " billion": 1e9}

#: A table row about one customer or the largest ones: "Customer A", "Client 2", "Largest customer",
#: "Top three customers", "Ten largest tenants".
_CUSTOMER_ROW: Final = re.compile(
    r"(?:Customer|Client|Tenant)\s+[A-Z0-9]|(?i:(?:our\s+)?(?:the\s+)?(?:largest|biggest|top|single\s+largest|"
    r"(?:two|three|four|five|ten|\d{1,2})\s+largest|top\s+(?:two|three|four|five|ten|\d{1,2}))\s+"
    r"(?:customers?|clients?|tenants?))"
)
_CUSTOMER_NAMED: Final = re.compile(r"(?:Customer|Client|Tenant)\s+[A-Z0-9]")


def _label_unit(label: str) -> tuple[str, str, str, str] | None:
    """The unit a row label states for its bare figures: (unit, scale word, label without it, suffix).

    "Contracted capacity (MW)" gives ("mw", "", "Contracted capacity", ""); "Revenue (in thousands
    of US$)" gives ("usd", " thousand", "Revenue", ""); "Largest customer, % of revenue" gives
    ("percent", "", "Largest customer", " of revenue"). A scale with no currency ("(in millions)")
    is dollars only on a revenue or backlog row; a non-dollar currency is no unit here.
    """
    for m in _LABEL_UNIT.finditer(label):
        raw = (m.group("p") or m.group("c") or m.group("a") or "").strip()
        core = (label[: m.start()] + label[m.end() :]).strip(" ,:")
        if not core or _LABEL_NOT_METRIC.search(core):
            return None
        pm = _UNIT_POWER.fullmatch(raw)
        if pm:
            return ("mw", " GW" if pm.group("u").lower().startswith("g") else " MW", core, "")
        pc = _UNIT_PERCENT.fullmatch(raw)
        if pc:
            suffix = ""
            low = label.lower().replace("tenant", "customer")
            if pc.group("of") or (_RE_CUSTOMERS_CLIENTS.search(low) and _RE_REVENUE_SALES.search(low)):
                suffix = " of revenue"
            return ("percent", "", core, suffix)
        mm = _UNIT_MONEY.fullmatch(raw)
        if mm and (mm.group("cur") or mm.group("cur2") or mm.group("scale")):
            scale = (mm.group("scale") or "").lower()
            dollars = bool(mm.group("cur") or mm.group("cur2"))
            core_low = core.lower()
            # "(in millions)" alone: dollars on a revenue or backlog row, a count anywhere else.
            moneyish = len(scale) > 3 and (_RE_REVENUE_SALES.search(core_low) or "backlog" in core_low)
            if dollars or moneyish:
                return ("usd", _SCALE_WORD.get(scale, ""), core, "")
    lead = _LEADING_POWER_UNIT.match(label)
    if lead is not None and not _LABEL_NOT_METRIC.search(label):
        # "MW energized (year-end)", "GW under contract": the unit leads the label.
        return ("mw", f" {lead.group('u')}", label, "")
    return None


#: A row label that opens with its power unit: "MW energized", "GW contracted (year-end)".
_LEADING_POWER_UNIT: Final = re.compile(r"(?P<u>MW|GW)\s+(?=[a-z])")


def _with_label_unit(cell: str, unit: tuple[str, str, str, str]) -> str | None:
    """The row's sentence for one bare cell under a label that states the unit (see `_label_unit`)."""
    kind, scale, core, suffix = unit
    cell = cell.rstrip(" .")
    rm = _BARE_RANGE.fullmatch(cell)
    if rm is not None:
        # "1,190 – 1,210" under "Revenue ($ millions)": a range, both ends in the label's unit.
        low, high = _unit_text(kind, scale, "", rm.group("a")), _unit_text(kind, scale, "", rm.group("b"))
        return f"{core}: {low} to {high}{suffix}"
    m = _BARE_FIGURE.fullmatch(cell)
    if m is None or (m.group("pct") and kind != "percent") or (m.group("usd") and kind != "usd"):
        return None
    return f"{core}: {_unit_text(kind, scale, '-' if m.group('neg') else '', m.group('n'))}{suffix}"


#: A column title that ends with its power unit: "Contracted MW", "Energized GW".
_TITLE_POWER_UNIT: Final = re.compile(r"(?P<core>.*?[a-z].*?)\s+(?P<u>MW|GW)")


def _title_sentence(title: str, cell: str) -> str:
    """A cell read under its column title, the title stating the metric and maybe the unit: "2,050"
    under "Contracted MW" or "Contracted (MW)" reads "Contracted: 2,050 MW"; "$233.0M" under "Latest
    quarter revenue" reads "Latest quarter revenue: $233.0M"."""
    unit = None
    if "(" in title or "," in title:
        unit = _label_unit(title)
    elif title.endswith(("MW", "GW")):
        tm = _TITLE_POWER_UNIT.fullmatch(title)
        if tm is not None:
            unit = ("mw", f" {tm.group('u')}", tm.group("core"), "")
    if unit is not None:
        read = _with_label_unit(cell, unit)
        if read is not None:
            return read
        title = unit[2]
    return f"{title}: {cell}"


def _unit_text(kind: str, scale: str, sign: str, number: str) -> str:
    if kind == "usd":
        return f"{sign}${number}{scale}"
    if kind == "percent":
        return f"{sign}{number}%"
    return f"{sign}{number}{scale}"


def _unit_ends_label(label: str) -> bool:
    """A label that ends with its unit ("Revenue ($ millions)", "Capacity, MW"), so a figure right
    after it is the row's value, not a number inside a sentence ("Capacity (MW) at Site 2 was 880")."""
    label = label.strip()
    if "   " in label or ("," in label and _HAS_DIGIT.search(label[label.rfind(",") :])):
        return False  # a space-aligned line, or a figure after the last comma
    if not (label.endswith(")") or ("," in label and len(label.split()) <= 6)):
        return False
    return _label_unit(label) is not None


def _label_row(text: str, seg: Segment) -> bool:
    """Is this short line a label that states its unit, a colon or a space, then a bare figure?"""
    if seg.end - seg.start > 120 or seg.end - seg.start < 4:
        return False
    last = text[seg.end - 1]
    if (last if last != "." else text[seg.end - 2]) not in _ROW_ENDS:
        return False  # most sentences end in a word and a full stop
    colon = text.find(": ", seg.start, seg.end)
    if colon < 0:
        if text.find(",", seg.start, seg.end) < 0 and text.find(")", seg.start, seg.end) < 0:
            # A label that states its unit ends with ")" or holds a comma (`_unit_ends_label`), and the
            # label is part of the line: a line with neither ("Non-GAAP gross margin was 44.8%.") is no
            # such row, told without the figure's search.
            return False
        tm = _TRAILING_FIGURE.search(text, max(seg.start, seg.end - 40), seg.end)
        return (
            tm is not None
            and not _BARE_YEAR.fullmatch(tm.group("f"))  # "Revenue ($ millions) 2026" titles a column
            and _unit_ends_label(text[seg.start : tm.start()])
        )
    if not _BARE_FIGURE.match(text, colon + 2, seg.end):
        return False
    rest = text[colon + 2 : seg.end].rstrip(" .")
    hm = _HEADER_PAREN.search(rest)
    figure = rest[: hm.start()] if hm and hm.start() > 0 else rest
    if not _BARE_FIGURE.fullmatch(figure) and not _BARE_RANGE.fullmatch(figure):
        return False  # prose after the colon is read as a sentence
    label = text[seg.start : colon]
    return ("(" in label or "," in label or " as " in label) and _label_unit(label) is not None


def _header_memo(state: _State) -> tuple[list[str], dict[str, list[Mention]], dict[str, bool]]:
    """What the column titles of the table being read say, kept until its titles change: every row of
    a table asks again about the same titles."""
    memo = state.header_memo
    if memo is None or memo[0] is not state.table_headers:
        memo = state.header_memo = (state.table_headers, {}, {})
    return memo


def _header_mentions(state: _State, header: str) -> list[Mention]:
    """`find_mentions(header)`, once per column title (the lists are only read, never changed)."""
    mentions = _header_memo(state)[1]
    found = mentions.get(header)
    if found is None:
        found = mentions[header] = find_mentions(header, None, -1, state.calendar)
    return found


def _header_guides(state: _State, header: str) -> bool:
    """Does the column title name guidance (`_GUIDE_FOLDED`)? Once per column title."""
    guides = _header_memo(state)[2]
    found = guides.get(header)
    if found is None:
        found = guides[header] = _GUIDE_FOLDED.search_str(header) is not None
    return found


def _header_titles(row: str, cells: list[tuple[int, int]]) -> list[str]:
    """A Markdown table's column titles, the blank one over the row labels kept: "| | Q4 2026 | Full
    Year 2026 |" titles the first figure's column "Q4 2026", not "Full Year 2026"."""
    titles = [row[a:b].strip() for a, b in cells]
    opening = row.find("|")
    if opening >= 0 and not row[:opening].strip() and cells:
        second = row.find("|", opening + 1)
        if second >= 0 and not row[opening + 1 : second].strip() and cells[0][0] > second:
            titles.insert(0, "")
    return titles


def _read_row(text: str, seg: Segment, state: _State) -> None:
    row = text[seg.start : seg.end]
    cells = _cells(row)
    if not cells:
        return
    label_start, label_end = cells[0]
    label = row[label_start:label_end].strip()
    value_cells = cells[1:]
    if ":" in label and not value_cells:
        return
    if not any(c.isdigit() for c in row):
        if value_cells and row.lstrip().startswith("|") and _title_row(row, cells):
            # "| Company | Contracted MW | Energized MW |": a Markdown table's titles, no figure in them.
            state.table_headers = _header_titles(row, cells)
        return
    party = _row_party(label, state)
    unit = (
        _label_unit(label)
        if party is None
        and ("(" in label or "," in label or " as " in label or label.startswith(("MW ", "GW ")))
        else None
    )
    has_values = any(find_quantities(row[a:b]) for a, b in value_cells) or (
        (unit is not None or party is not None)
        and any(
            _BARE_FIGURE.match(row[a:b].strip()) and not _BARE_YEAR.fullmatch(row[a:b].strip())
            for a, b in value_cells
        )
    )
    if not has_values and party is None and unit is None and row.endswith(")") and not state.skip_section:
        # "Brantwell Compute: 1,250 (Contracted power (MW)) | 11.4 (RPO ($bn))": a converted HTML row
        # of a table of companies, bare figures under titles that state the unit.
        entity = _entity_row(label, [row[a:b] for a, b in value_cells], state)
        if entity is not None:
            _read_cells(row, seg.start, seg.end, label, None, entity[1], state, entity[0])
            return
    if not has_values:
        # A header row: remember the column titles for the rows below.
        state.table_headers = _header_titles(row, cells)
        if state.guidance_section and _year_ago_titles(state.table_headers, state):
            # "| Metric | Q3 FY2031 | Q3 FY2030 |" after an outlook's paragraphs: results, not guidance.
            state.guidance_section = False
            state.outlook_title = False
        return
    if state.skip_section:
        if not state.skip_defs:
            return
        # A table under "Non-GAAP Financial Measures" reconciles reported figures: the definitions end.
        state.skip_section = state.skip_defs = False
    items: list[tuple[str, str, bool]] = []  # cell, column title, one end of a paired range
    for col, (a, b) in enumerate(value_cells, start=1):
        cell = row[a:b]
        header = ""
        hm = _HEADER_PAREN.search(cell)
        if hm and cell[: hm.start()].strip() and not find_quantities(hm.group("h")):
            header = hm.group("h")
            cell_value = cell[: hm.start()]
        else:
            cell_value = cell
            if col < len(state.table_headers):
                header = state.table_headers[col]
        items.append((cell_value.strip(), header, False))
    if party is None and unit is None and not state.table_headers and "(" in row:
        party = _titled_party(label, items, state)
    if party is not None:
        if party[0] == _TOTAL:
            party, items = _sum_row(state.table_headers[0], label, items)
        if party is not None:
            _read_cells(row, seg.start, seg.end, label, None, items, state, party)
        return
    _read_cells(row, seg.start, seg.end, label, unit, _paired_ranges(items), state)


#: The first column's title of a table whose rows are companies, or customers: "Company", "Operator",
#: "Peer", "Customer", "Tenant".
_ENTITY_TITLE: Final = re.compile(
    r"(?P<co>compan(?:y|ies)|operators?|developers?|issuers?|names?|providers?|peers?|tickers?|"
    r"neoclouds?|firms?|borrowers?)|(?P<party>customers?|clients?|tenants?|lessees?|offtakers?|counterpart(?:y|ies))",
    re.IGNORECASE,
)
#: A row of a table of companies that sums or compares them: no company's own figure.
_TOTAL_LABEL: Final = re.compile(
    r"(?:total|sum|average|avg\.?|median|mean|combined|all|others?|aggregate|peer\s+group|industry)\b.*",
    re.IGNORECASE,
)
#: `_row_party`'s role for a total row of a table of companies.
_TOTAL: Final = "total"
#: A Markdown table's rule under its titles: "|---|:---:|".
_MD_RULE: Final = re.compile(r"[\s|:\-–—=]+")


def _title_row(row: str, cells: list[tuple[int, int]]) -> bool:
    """Is this digit-less row a table's titles: every cell a few words, not a Markdown rule?"""
    if _MD_RULE.fullmatch(row):
        return False
    return all(0 < len(row[a:b].strip()) <= 40 for a, b in cells)


def _row_party(label: str, state: _State) -> tuple[str, str] | None:
    """(role, name) when the row of the table being read is one company's ("company") or one customer's
    ("party"), its figures named by the column titles: the first title says so ("| Company | Contracted
    MW |"). A total row of such a table gives the role `_TOTAL`. None for a table of metrics."""
    headers = state.table_headers
    if len(headers) < 2 or not label:
        return None
    m = _ENTITY_TITLE.fullmatch(headers[0].strip(" *_"))
    if m is None:
        if not headers[0].strip(" *_") and len(headers) > 2 and any(_unit_title(h) for h in headers[1:]):
            # "| | Contracted power (MW) | RPO ($bn) |": no first title, metrics over the columns.
            return _titled_party(label, [("", h, False) for h in headers[1:]], state, True)
        return None
    if _TOTAL_LABEL.fullmatch(label):
        return (_TOTAL, label)
    if m.group("party") and "(" in label and _GROUP_LABEL.search(label):
        return (_TOTAL, label)  # "Enterprise and network (14 leases)": many customers, none named
    return ("company" if m.group("co") else "party", _bare_name(label))


#: A total row's label that sums every row above it: "Total", "Total signed in 3Q26", "Combined".
_SUM_LABEL: Final = re.compile(r"(?:total|combined|aggregate)\b", re.IGNORECASE)
#: `_sum_row`'s role for the total row of a table of customers (tenants, lessees): its figures are
#: the company's own, with no counterparty.
_SUM: Final = "sum"
#: A row label that counts what it groups: "Enterprise and network (14 leases)", "Others (6 customers)".
_GROUP_LABEL: Final = re.compile(r"\(\d[\d,]*\s+[a-z]+s\)")
#: Words of a column title that only say a tenant's row gives power capacity: "MW", "Critical IT load
#: (MW)", "Leased MW", "Capacity (GW)".
_POWER_TITLE_WORDS: Final = frozenset(
    ("mw", "gw", "it", "critical", "load", "capacity", "leased", "signed", "contracted", "committed", "power")
)


def _sum_row(
    first_title: str, label: str, items: list[tuple[str, str, bool]]
) -> tuple[tuple[str, str] | None, list[tuple[str, str, bool]]]:
    """A total row of a table: nobody's in a table of companies (the sum of several companies'
    figures), but the company's own in a table of its customers or leases ("Total signed in 3Q26 ...
    201.6" under "MW"), read only in its power columns (the other totals are rents and terms)."""
    m = _ENTITY_TITLE.fullmatch(first_title.strip(" *_"))
    if m is None or not m.group("party") or not _SUM_LABEL.match(label):
        return None, items  # (a group, "Others" or "Average" row is no total of the company's)
    return (_SUM, label), [item for item in items if _power_title(item[1]) is not None]


def _power_title(title: str) -> str | None:
    """The unit ("MW"/"GW") of a column title that names nothing but a tenant's power capacity, else
    None: "MW", "Leased MW", "Critical IT load (MW)"; not "Energized MW" nor "Rent ($/kW-mo)"."""
    low = title.lower()
    if "mw" not in low and "gw" not in low:
        return None
    words = low.replace("(", " ").replace(")", " ").split()
    if not words or any(w not in _POWER_TITLE_WORDS for w in words):
        return None
    return "GW" if "gw" in words else "MW" if "mw" in words else None


#: A row label that reads as a name: "Pellworth Digital", "Amazon Web Services", "Bank of Ostrava".
_NAME_LABEL: Final = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z0-9][\w.&'’-]*|&|of|and|de)){0,4}")
#: Words of a row label that name a part of a company, not a company: a site, a segment, a region.
_PART_LABEL: Final = re.compile(
    r"\b(?:campus|site|facility|building|phase|park|hall|center|centre|segment|services|products|solutions|"
    r"region|division|unit|north|south|east|west|americas|europe|asia|emea|apac|total|other|quarter|year|"
    r"fiscal|revenue|margin|capacity|backlog)\b",
    re.IGNORECASE,
)


def _titled_party(
    label: str, items: list[tuple[str, str, bool]], state: _State, metric_titles: bool = False
) -> tuple[str, str] | None:
    """A converted HTML row ("Pellworth Digital: 1,180 (Contracted MW) | 395 (Energized MW)") keeps
    its column titles in brackets but not the first column's: its label is a company's (or a
    customer's) when it reads as a name, every cell has a title, and the prose line leading into the
    table speaks of companies (or customers). With `metric_titles` (titles that state units, see
    `_entity_row`) it is only ever a company's."""
    if not items or any(not h for _c, h, _p in items) or not _NAME_LABEL.fullmatch(label):
        return None
    if _PART_LABEL.search(label) or find_cues(label):
        return None
    lead = state.reading_text[state.lead_start : state.lead_end].lower()
    if "compan" in lead or "peer" in lead or "operator" in lead or "provider" in lead or "developer" in lead:
        return ("company", label)
    if metric_titles:
        # The lead-in's whole paragraph ("... as disclosed by each company. Growth is year over year.")
        # and the heading over it.
        text = state.reading_text
        para = text.rfind("\n", max(0, state.lead_start - 400), state.lead_start) + 1
        heading = text[state.heading_start : state.heading_end]
        lead = f"{text[para : state.lead_end]} {heading}".lower()
        if any(w in lead for w in _COMPANY_LEAD_WORDS):
            return ("company", label)
        return None
    if "customer" in lead or "tenant" in lead or "client" in lead:
        return ("party", label)
    return None


#: Words of the prose line or heading over a table of companies whose titles state units.
_COMPANY_LEAD_WORDS: Final = (
    "compan",
    "peer",
    "operator",
    "provider",
    "developer",
    "neocloud",
    "rival",
    "competitor",
)


def _revenue_title_period(items: list[tuple[str, str, bool]], state: _State) -> Period | None:
    """The period a row's revenue column names in its title ("Q3 2026 revenue ($m)"), if any."""
    for _cell, title, _paired in items:
        if "revenue" in title.lower() and not _CHANGE_HEADER.search(title):
            for m in _header_mentions(state, title):
                period = resolve(m, state.context, state.default_year)
                if period:
                    return period
    return None


def _unit_title(title: str) -> bool:
    """Does a column title state a metric and its unit ("Contracted power (MW)", "RPO ($bn)", "Gross
    margin (%)", "Contracted MW"), as the titles over a table of companies do?"""
    if title.endswith(("MW", "GW")):
        return _TITLE_POWER_UNIT.fullmatch(title) is not None
    return title.endswith(")") and _label_unit(title) is not None


def _entity_row(
    label: str, cells: list[str], state: _State
) -> tuple[tuple[str, str], list[tuple[str, str, bool]]] | None:
    """(party, items) of a converted HTML row of a table of companies whose cells are bare figures,
    each with its column title in brackets, the title stating the metric and its unit ("1,250
    (Contracted power (MW))", "689.0 (Q3 2026 revenue ($m))", "118 (Revenue growth (%))"); None for
    any other row. The label must read as a company's name (see `_titled_party`)."""
    if len(cells) < 2:
        return None
    items: list[tuple[str, str, bool]] = []
    for cell in cells:
        split = _bracketed_title(cell.strip())
        if split is None:
            return None
        value, title = split
        if not (_BARE_FIGURE.fullmatch(value) or _BARE_RANGE.fullmatch(value)) or _BARE_YEAR.fullmatch(value):
            return None
        items.append((value, title, False))
    if not any(_unit_title(t) for _v, t, _p in items):
        return None
    party = _titled_party(label, items, state, True)
    return None if party is None else (party, items)


def _bracketed_title(cell: str) -> tuple[str, str] | None:
    """(figure, title) of a cell that closes with its column title in brackets, which may hold a
    bracket of its own: "1,250 (Contracted power (MW))" gives ("1,250", "Contracted power (MW)")."""
    if not cell.endswith(")"):
        return None
    depth = 0
    for i in range(len(cell) - 1, -1, -1):
        ch = cell[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                value, title = cell[:i].strip(), cell[i + 1 : -1].strip()
                return (value, title) if value and title and not _HAS_DIGIT.search(title[-1:]) else None
    return None


def _bare_name(label: str) -> str:
    """A row label as a name, without Markdown's emphasis or a ticker after it: "**Ambrel** (AMBL)"."""
    name = label.strip(" *_")
    cut = name.find(" (")
    return name[:cut] if cut > 0 else name


#: A column title naming one end of a forecast's range: "Low", "Q4 2026 High", "Full Year 2026 - Low end".
_RANGE_END: Final = re.compile(r"(?P<p>.*?)[\s,:(–—-]*\b(?P<e>low|high)(?:\s+end)?\)?\s*", re.IGNORECASE)
#: A column of a range's midpoint, which restates the range it sits beside.
_MIDPOINT_TITLE: Final = re.compile(r"\bmid-?\s?point\b", re.IGNORECASE)


def _range_end(title: str) -> tuple[str, bool] | None:
    """(the title without its end word, whether it is the low end) of a range's end column, else None."""
    low = title.lower()
    if "low" not in low and "high" not in low:
        return None
    m = _RANGE_END.fullmatch(title)
    if m is None:
        return None
    return m.group("p").strip(), m.group("e").lower() == "low"


def _paired_ranges(items: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """A row's cells with each Low cell and the High cell right after it, under the same title, joined
    into one range: an outlook table prints a forecast's two ends in two columns ("Q4 2026" over
    "Low  High"), and each end alone is no figure the company gave. A midpoint column beside the
    pairs restates them and is left out. Rows without such titles are returned as they are."""
    if not any("low" in h.lower() for _c, h, _p in items):
        return items
    out: list[tuple[str, str, bool]] = []
    paired = False
    i = 0
    while i < len(items):
        cell, title, _p = items[i]
        low_end = _range_end(title)
        if low_end is not None and low_end[1] and i + 1 < len(items):
            high_cell, high_title, _hp = items[i + 1]
            high_end = _range_end(high_title)
            joined = _joined_range(cell, high_cell)
            if high_end is not None and not high_end[1] and high_end[0] == low_end[0] and joined:
                out.append((joined, low_end[0], True))
                paired = True
                i += 2
                continue
        out.append(items[i])
        i += 1
    if not paired:
        return items
    return [item for item in out if item[2] or not _MIDPOINT_TITLE.search(item[1])]


def _joined_range(low: str, high: str) -> str | None:
    """Two cells as one range ("44.0%" and "45.5%" as "44.0% to 45.5%"): figures of one kind, low first."""
    a, b = _BARE_FIGURE.fullmatch(low.rstrip(" .")), _BARE_FIGURE.fullmatch(high.rstrip(" ."))
    if a is None or b is None or bool(a.group("pct")) != bool(b.group("pct")):
        return None
    return f"{low} to {high}"


def _read_cells(
    row: str,
    start: int,
    end: int,
    label: str,
    unit: tuple[str, str, str, str] | None,
    items: list[tuple[str, str, bool]],
    state: _State,
    party: tuple[str, str] | None = None,
) -> None:
    """The facts of one table row: each (cell, column title, paired) item read with the row's label.

    A paired item is a Low and a High cell joined into one range (see `_paired_ranges`): a forecast.
    A row that is one company's or customer's (`party`, see `_row_party`) reads each cell with its
    column title instead, which names the metric ("Contracted MW"); the label is then the company,
    or the customer whose share of revenue the cell is.
    """
    label_guide: bool | None = None  # does the label name guidance? (asked on the first cell that needs it)
    for cell_value, header, paired in items:
        if party is not None:
            if not header:
                continue
            power = _power_title(header) if party[0] != "company" else None
            if power is not None and _BARE_FIGURE.fullmatch(cell_value):
                # A bare "MW" column of a table of tenants or leases: the capacity each one signed for.
                sentence = f"Contracted capacity of {cell_value} {power}"
            else:
                sentence = _title_sentence(header, cell_value)
            if party[0] == "party" and "%" in cell_value and _RE_REVENUE_SALES.search(header.lower()):
                sentence = f"{party[1]} accounted for {cell_value.rstrip(' %')}% of revenue"
        else:
            sentence = f"{label} {cell_value}"
        if unit is not None:
            sentence = _with_label_unit(cell_value, unit) or sentence
        quantities = find_quantities(sentence)
        if state.thousands:
            quantities = _thousands(sentence, quantities)
        if len(quantities) != 1 or quantities[0].foreign:
            continue  # (an amount in another dollar, "A$5.3 million", is no US-dollar figure)
        q = quantities[0]
        reading = _Reading(
            sentence, start, quantities, find_cues(sentence), [False], Folded.of(sentence), mentions=[]
        )
        metric, cue = _metric_for(reading, q, 0)
        if metric is None and q.unit == "percent":
            growth = _RE_REVENUE_SALES.search(label) and (
                _RE_BGROWTH.search(label) or _CHANGE_HEADER.search(header)
            )
            metric = "revenue_growth" if growth else None
        if metric is None and q.unit == "percent" and _CUSTOMER_ROW.fullmatch(label):
            # "Customer A: 46% (2025) | 38% (2024)" under a lead-in or title about shares of revenue.
            revenue_title = _RE_REVENUE_SALES.search(header.lower()) and "receivable" not in header.lower()
            if revenue_title or _revenue_shares(state.reading_text, state):
                metric = "customer_concentration"
        if metric is None and q.unit == "usd":
            continue
        if metric is None:
            continue
        # "FY2025A   FY2026E   Long-term": the column says whether its figure is actual or a forecast.
        mark = _column_mark(header) if party is None else ""
        if mark == "E" and _research_note(state):
            continue  # (an analyst's estimate, see `_spaced_row`)
        period = None
        mentions = _header_mentions(state, header) if not mark else []
        for m in mentions:
            period = resolve(m, state.context, state.default_year)
            if period:
                break
        if mark and mark != "L":
            period = _column_period(header, state)
        if (
            period is None
            and header[-1:] in _YEAR_TITLE_ENDS
            and (_BARE_YEAR.fullmatch(header) or _CLOSING_YEAR.search(header))
            and (state.context is None or state.context.kind == "FY")
        ):
            # A column titled only "2025", or closing with its year ("% of revenue (2025)"), with no
            # quarter in force: that fiscal year.
            period = Period("FY", 0, int(header.rstrip(")")[-4:]))
        if period is None and metric not in ("financing", "contract_value", "stock_move") and mark != "L":
            # (A company's row in a table of companies is of no period the document's text names.)
            period = None if party is not None and party[0] == "company" else state.context
            if metric == "revenue_growth" and party is not None and party[0] == "company":
                # "118 (Revenue growth (%))" beside "689.0 (Q3 2026 revenue ($m))": that revenue's period.
                period = _revenue_title_period(items, state)
        if metric in ("financing", "contract_value", "stock_move"):
            period = None
        guided = mark != "A" and (
            mark != "" or paired or state.guidance_section or _header_guides(state, header)
        )
        if not guided and mark != "A":
            if label_guide is None:
                # The row's label is one for all its cells: scanned once.
                label_guide = _GUIDE_FOLDED.search_str(label) is not None
            guided = label_guide
        evidence, ev_start, ev_end = _where(state, row, start, end)
        basis = _basis_for(sentence, q, cue, metric)
        state.facts.append(
            _new_fact(
                metric=metric,
                kind="guidance" if guided else "actual",
                value=q.value,
                low=q.low,
                high=q.high,
                unit=METRIC_UNITS[metric],
                bound=q.bound,
                basis=basis,
                period=period.label if period else None,
                company=party[1] if party is not None and party[0] == "company" else state.company,
                counterparty=label
                if metric == "customer_concentration" and _CUSTOMER_NAMED.fullmatch(label)
                else party[1]
                if party is not None
                and party[0] == "party"
                and metric in ("customer_concentration", "capacity_contracted", "contract_value")
                else None,
                instrument=None,
                evidence=evidence,
                start=ev_start,
                end=ev_end,
            )
        )


_SCENARIO: Final = re.compile(
    r"\b(?P<guide>forecast|outlook|guidance|plan|target|projection|estimate)s?\b|\b(?:results?|actual)\b",
    re.IGNORECASE,
)
_SUPERSEDED: Final = re.compile(r"\b(?:previous|prior|initial|original|reference|old)\b", re.IGNORECASE)
_NON_USD: Final = re.compile(
    r"JPY|EUR|GBP|RMB|CNY|INR|KRW|CHF|SGD|S\$|A\$|C\$|€|¥|£|\byen\b|\beuros?\b", re.IGNORECASE
)
_FIGURE_NUMBER: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _revenue_shares(text: str, state: _State) -> bool:
    """Does the last prose line lead into a table of customers' shares of revenue (not receivables)?"""
    low = text[state.lead_start : state.lead_end].lower()
    if "%" not in low and "percent" not in low:
        return False
    if "revenue" not in low and "sales" not in low:
        return False
    if "customer" not in low and "client" not in low and "tenant" not in low:
        return False
    return all(w not in low for w in ("receivable", "purchase", "supplier", "vendor", "located"))


def _read_spaced(text: str, seg: Segment, state: _State) -> None:
    """The raw lines of a segment that holds space-aligned columns (see `spaced`)."""
    line_start = text.rfind("\n", 0, seg.start) + 1
    while line_start < seg.end:
        nl = text.find("\n", line_start)
        line_end = len(text) if nl < 0 else nl
        if line_end > state.spaced_line_end:
            _spaced_line(text, line_start, line_end, state)
        line_start = line_end + 1


def _spaced_line(text: str, line_start: int, line_end: int, state: _State) -> None:
    line = text[line_start:line_end]
    follows = line_start == state.spaced_line_end + 1
    state.spaced_line_end = line_end
    # (A list of shares, or a chart's rows, goes on only line by line: any other line ends it.)
    share_title, state.share_title = state.share_title, None
    chart_title, state.chart_title = state.chart_title, None
    if spaced.is_rule(line):
        return
    cs = spaced.cells(line)
    if len(cs) < 2:
        return
    if (
        len(cs) == 2
        and (not follows or chart_title is not None)
        and cs[0][0] <= 4
        and _CHART_PERIOD.fullmatch(cs[0][2])
        and _CHART_VALUE.fullmatch(cs[1][2])
        and not _BARE_YEAR.fullmatch(cs[1][2])
    ):
        if not follows:
            chart_title = _chart_title_above(text, line_start)
        if chart_title is not None:
            state.chart_title = chart_title
            _listed_line(line_start, line_end, follows, state)
            _chart_row(text, line_start, line_end, cs, chart_title, state)
            return
    if len(cs) == 2 and cs[1][2].endswith("%") and (not follows or share_title is not None):
        if not follows:
            share_title = _share_title_above(text, line_start, state)
        if share_title is not None:
            state.share_title = share_title
            _listed_line(line_start, line_end, follows, state)
            _titled_share(text, line_start, line_end, cs, share_title, state)
            return
    if spaced.is_years(cs):
        # "2025   2024   2023" under an indented "Year Ended December 31," line: each year its column.
        fresh = state.spaced_rows or not follows
        columns = [] if fresh else state.spaced_columns
        state.spaced_columns = spaced.merge_header(columns or _title_above(text, line_start), cs)
        state.spaced_rows = False
        return
    figures = [spaced.is_figure(c[2]) for c in cs]
    if not any(figures):
        if state.spaced_columns and _unit_cells(cs):
            _unit_row(line_start, line_end, state)
            return
        if "   " not in line or any(
            len(c[2]) > 40 and (i or len(c[2]) > 90 or _SCALE_CELL.fullmatch(c[2]) is None)
            for i, c in enumerate(cs)
        ):
            # (A long first cell may be the table's scale note: "($ in millions, except earnings per
            # share)   Q3 FY27   Q2 FY27   Q3 FY26" titles the columns all the same.)
            return
        # A header line: a title written over two lines is joined.
        fresh = state.spaced_rows or not follows
        columns = [] if fresh else state.spaced_columns
        state.spaced_columns = spaced.merge_header(columns or _title_above(text, line_start), cs)
        state.spaced_rows = False
        return
    if state.spaced_columns and _rent_columns(state.spaced_columns):
        # "Annualized Rent" over a lease table: a rent a year (or a month) is no contract's value, nor
        # any other fact; the sentence reading of the row skips those cells.
        kept_cells = []
        for cell, fig in zip(cs, figures, strict=True):
            col = spaced.column_of(state.spaced_columns, cell[0], cell[1]) if fig else None
            if col is not None and _RATE_RENT_COLUMN.search(col.title):
                state.goal_cells.append((line_start + cell[0], line_start + cell[1]))
            else:
                kept_cells.append(cell)
        if len(kept_cells) < len(cs):
            cs = kept_cells
            figures = [spaced.is_figure(c[2]) for c in cs]
            if len(cs) < 2:
                return
    if figures[0] or not state.spaced_columns:
        return
    first = state.spaced_columns[0]
    if first.start < cs[0][1] and _ENTITY_TITLE.fullmatch(first.title):
        # "Company   Contracted MW   Energized MW" over "Pellworth Digital   1,180   395": a row per company.
        if not state.skip_section:
            _spaced_entities(text, line_start, line_end, cs, state)
        return
    if (
        cs[0][1] <= first.start
        and len(state.spaced_columns) >= 2
        and all(figures[1:])
        and not state.skip_section
        and any(_unit_title(c.title) for c in state.spaced_columns)
    ):
        # "                Contracted (MW)   Backlog ($bn)" over "Vessel Park AI   640   4.1": no title over
        # the labels, a metric and unit over each column: a row per company when the lead-in says so.
        party = _titled_party(cs[0][2], [("", c.title, False) for c in state.spaced_columns], state, True)
        if party is not None:
            _spaced_unit_entities(text, line_start, line_end, cs, party, state)
            return
    if not all(figures[1:]):
        # "Revenue ($ in millions)   $288.0 - $302.0": a range in a cell is no figure of `spaced`.
        if any(_BARE_RANGE.fullmatch(c[2]) for c in cs[1:]) and not state.skip_section:
            _spaced_ranges(text, line_start, line_end, cs, state)
        elif _unit_cells(cs):
            _unit_row(line_start, line_end, state)
        return
    if (
        state.guidance_section
        and not state.spaced_rows
        and _year_ago_titles([c.title for c in state.spaced_columns], state)
    ):
        # "Q2 FY2027   Q2 FY2026" after an outlook's paragraphs: a period beside its year-ago one is a
        # table of results (a reconciliation), never of guidance; the outlook has ended.
        state.guidance_section = False
        state.outlook_title = False
    state.spaced_rows = True
    state.spaced_row = (line_start, line_end)
    if state.skip_defs and state.skip_section:
        # A table under "Non-GAAP Financial Measures" reconciles reported figures: the definitions end.
        state.skip_section = state.skip_defs = False
    goals = _goal_table(state.spaced_columns)
    if goals:
        # "Measure   Weight   Threshold   Target   Maximum   2025 Actual": only the actual is a result,
        # and the row reading alone reads it (the header's "Target" is no outlook of the sentence).
        kept = [cs[0]]
        for cell in cs[1:]:
            state.goal_cells.append((line_start + cell[0], line_start + cell[1]))
            col = spaced.column_of(state.spaced_columns, cell[0], cell[1])
            if col is None or not _GOAL_COLUMN.search(col.title):
                kept.append(cell)
        cs = kept
    if state.skip_section:
        return
    if any(_range_end(c.title) for c in state.spaced_columns) and _spaced_ranges(
        text, line_start, line_end, cs, state
    ):
        return
    _spaced_row(text, line_start, line_end, cs, state, goals=goals)


def _cell_around(text: str, a: int, b: int, at: int) -> tuple[int, int]:
    """The space-aligned cell of text[a:b] that holds position `at` (cells part at runs of spaces)."""
    gap = text.rfind("   ", a, at)
    cell_end = text.find("   ", at, b)
    return (a if gap < 0 else gap + 3), (b if cell_end < 0 else cell_end)


#: A table's scale note as a header line's first cell, where a row's label stands: "($ in millions,
#: except earnings per share)", "(US$ in thousands, except per-share data)", "(in millions)".
_SCALE_CELL: Final = re.compile(
    r"\((?:[^()]*?\s)?(?:in\s+)?(?:thousands|millions|billions)\b[^()]{0,60}\)", re.IGNORECASE
)


def _title_above(text: str, line_start: int) -> list[spaced.Column]:
    """The one indented title on the line right above a table's first header line, which spans the
    columns under it: "Year Ended December 31," over "2025   2024", "Six Months Ended" over "June 30,
    2026   Year Ended December 31,". No title when that line is anything else."""
    above_end = line_start - 1
    if above_end <= 0:
        return []
    above = text[text.rfind("\n", 0, above_end) + 1 : above_end]
    if not above.startswith("    "):
        return []
    above_cells = spaced.cells(above)
    if len(above_cells) != 1 or len(above_cells[0][2]) >= 61 or spaced.is_figure(above_cells[0][2]):
        return []
    a_start, a_end, a_text = above_cells[0]
    return [spaced.Column(a_start, a_end, a_text)]


#: Words of a row label that name a line of business, a place or a group, not one customer: "AI Cloud",
#: "Colocation", "United States", "Rest of world", "Hyperscalers", "All other".
_NOT_CUSTOMER_WORDS: Final = frozenset(
    (
        "ai", "cloud", "colocation", "hosting", "mining", "bitcoin", "hpc", "compute", "gpu", "inference",
        "training", "hardware", "software", "services", "products", "product", "licenses", "licensing",
        "subscription", "subscriptions", "support", "leasing", "lease", "power", "energy", "data", "center",
        "centers", "managed", "infrastructure", "enterprise", "enterprises", "government", "public", "sector",
        "consulting", "networking", "storage", "segment", "other", "others", "all", "remaining", "total",
        "hyperscalers", "hyperscale", "neoclouds", "labs", "sovereigns", "startups", "customers", "clients",
        "tenants", "united", "states", "u.s.", "us", "usa", "canada", "mexico", "norway", "nordics", "europe",
        "asia", "americas", "america", "emea", "apac", "international", "domestic", "north", "south", "east",
        "west", "middle", "latin", "pacific", "rest", "of", "the", "world", "china", "japan", "india", "uk",
        "kingdom", "germany", "france", "countries", "region", "regions", "and",
    )
)  # fmt: skip


#: Words of an income statement's line, which a table "as a percentage of revenue" lists in title case:
#: "Cost of Revenue", "Gross Profit", "Sales and Marketing", "Operating Loss".
_STATEMENT_WORDS: Final = frozenset(
    (
        "cost", "costs", "profit", "loss", "losses", "income", "expense", "expenses", "research",
        "development", "marketing", "administrative", "depreciation", "amortization", "compensation",
        "interest", "tax", "taxes", "ebitda", "margin", "revenue", "revenues", "sales", "operating", "gross",
        "net", "provision",
    )
)  # fmt: skip


def _customer_name(label: str) -> str | None:
    """The customer a table row's label names ("Microsoft Corporation", 'Aleph Sovereign Cloud, Ltd.
    ("ASC")' as "Aleph Sovereign Cloud"), or None for a label that reads as no company's name: a line
    of business, a place, a group or a total ("AI Cloud", "United States", "All other")."""
    if not label[:1].isupper() or _HAS_DIGIT.search(label):
        return None
    cut = label.find(" (")
    name = clean_name(label[:cut] if cut > 0 else label)
    if name is None or _NAME_LABEL.fullmatch(name) is None:
        return None
    words = [w.lower() for w in name.split()]
    if all(w in _NOT_CUSTOMER_WORDS for w in words) or any(w in _STATEMENT_WORDS for w in words):
        return None
    return name


#: A title line over a list of revenue shares: "% of Q3 2026 revenue", "Share of revenue, FY2025",
#: "Top customers (% of total revenue)", "Revenue concentration", "Revenue by customer (2026)".
_SHARE_TITLE: Final = re.compile(
    r"[^%$\d]{0,40}?(?:%|percent(?:age)?|share|portion|proportion)\s+of\s+(?:[^%$]{0,30}?\s)?(?:total\s+|net\s+)?"
    r"(?:revenues?|sales)\b[^%$]{0,40}|"
    r"[^%$\d]{0,40}?\b(?:revenues?|sales)\s+(?:share|concentration|mix|by\s+customer)\b[^%$]{0,40}|"
    r"[^%$\d]{0,40}?\bcustomer\s+concentration\b[^%$]{0,40}",
    re.IGNORECASE,
)
#: Words that say the rows are customers, in a share list's title or the lines before it.
_CUSTOMER_CONTEXT: Final = ("customer", "client", "tenant", "counterpart", "offtaker", "lessee")
#: A company's legal form closing a row label: "Meta Platforms, Inc.", "Harwick Corporation".
_LEGAL_FORM: Final = re.compile(
    r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|plc|PLC|N\.V|S\.A|AG|GmbH|SE|Co|Company)\.?"
    r"(?:\s*\([^()]*\))?$"
)
#: A split of revenue by something other than customers: "% of revenue by segment", "Revenue mix by
#: region", "Sales by product line".
_SPLIT_TITLE: Final = re.compile(
    r"\b(?:segments?|products?|regions?|regional|geograph\w*|countr\w+|business(?:es)?|markets?|services?|"
    r"lines?|types?|categor\w+|channels?|industr\w+|verticals?|sites?|campus(?:es)?)\b"
)
#: How far back a share list's title looks for words that say the rows are customers: the slide or
#: section title above it ("Diversified customer base").
_CUSTOMER_CONTEXT_REACH: Final = 600


def _share_title_above(text: str, line_start: int, state: _State) -> tuple[Period | None, bool] | None:
    """A title of revenue shares (`_SHARE_TITLE`) on the line right above a list's first "Name   52%"
    line: its period (or the section's), and whether the title or the few lines before it speak of
    customers. None when the line above is no such title."""
    above_end = line_start - 1
    if above_end <= 0:
        return None
    above_start = text.rfind("\n", 0, above_end) + 1
    title = text[above_start:above_end].strip()
    low = title.lower()
    if not title or len(title) > 80 or "   " in title:
        return None
    if "revenue" not in low and "sales" not in low:
        return None
    if _SHARE_TITLE.fullmatch(title) is None:
        return None
    period: Period | None = None
    for m in find_mentions(title):
        period = resolve(m, state.context, state.default_year)
        if period is not None:
            break
    if any(w in low for w in _CUSTOMER_CONTEXT):
        customers = True
    elif _SPLIT_TITLE.search(low):
        customers = False  # "% of revenue by segment": the rows are lines of business, not customers
    else:
        before = text[max(0, above_start - _CUSTOMER_CONTEXT_REACH) : above_start].lower()
        customers = any(w in before for w in _CUSTOMER_CONTEXT) or not _SPLIT_TITLE.search(before)
    return period or state.context, customers


def _titled_share(
    text: str,
    line_start: int,
    line_end: int,
    cs: list[tuple[int, int, str]],
    share_title: tuple[Period | None, bool],
    state: _State,
) -> None:
    """One "Microsoft    52%" line of a list under a title of revenue shares ("% of Q3 2026 revenue"):
    the customer's share of revenue, of the title's period. A row is a customer's when it reads as
    one ("Customer A", "Largest customer") or as a company's name that the list's title or the lines
    before it say are customers, or that carries its legal form ("Harwick Corporation"); a line of
    business, a place or a total ("AI Cloud", "United States", "All other") is none."""
    label = cs[0][2]
    value = _figure_value(cs[1][2])
    if value is None or state.skip_section:
        return
    period, customers = share_title
    if _CUSTOMER_ROW.fullmatch(label):
        party = label if _CUSTOMER_NAMED.fullmatch(label) else None
    else:
        party = _customer_name(label)
        if party is None or not (customers or _LEGAL_FORM.search(label)):
            return
    if cs[1][2].startswith(("(", "-", "−")):
        return
    state.goal_cells.append((line_start + cs[1][0], line_start + cs[1][1]))
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    evidence, start, end = _where(state, text[first:last], first, last)
    state.facts.append(
        _new_fact(
            metric="customer_concentration",
            kind="actual",
            value=value,
            low=value,
            high=value,
            unit="percent",
            bound="exact",
            basis=None,
            period=period.label if period else None,
            company=state.company,
            counterparty=party,
            instrument=None,
            evidence=evidence,
            start=start,
            end=end,
        )
    )


#: A chart row's period label: "2025", "2026E", "FY2027E", "Q3'26", "3Q26", "H2 2027".
_CHART_PERIOD: Final = re.compile(
    r"(?:(?:FY|CY)\s?'?)?(?:19|20)\d\d[EFP]?|(?:FY|CY)\s?'?\d\d[EFP]?|"
    r"(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\s?'?(?:(?:19|20)\d\d|\d\d)[EFP]?|(?:Q[1-4]|H[12])\s+(?:FY\s?)?(?:19|20)\d\d[EFP]?"
)
#: A chart row's bare value: "330", "~1,050", ">2,000", "1.2".
_CHART_VALUE: Final = re.compile(r"[~≈>≥<≤]?\s?\d[\d,]*(?:\.\d+)?\+?")
#: The two digits of a year or a quarter's year in a chart's period label: "2026E", "Q3'26", "FY27".
_CHART_YEAR: Final = re.compile(r"(?:(?:19|20)(\d\d)|'?(\d\d))[EFP]?$")
#: An analyst's note: its "2027E" is the analyst's estimate, not the company's forecast.
_RESEARCH_NOTE: Final = re.compile(
    r"\bprice\s+target|\b(?:our|we)\s+(?:estimates?|model|forecast)\b|\b(?:overweight|underweight|outperform|"
    r"underperform|equal[\s-]weight)\b|\b(?:buy|sell|hold|neutral)\s+rating\b|\binitiat\w*\s+coverage\b",
    re.IGNORECASE,
)


def _listed_line(line_start: int, line_end: int, follows: bool, state: _State) -> None:
    """Note a line read as an item of a titled list (a chart's row, a customer's share)."""
    if not follows or state.list_end < 0:
        state.list_start = line_start
    state.list_end = line_end


def _chart_title_above(text: str, line_start: int) -> tuple[str, str, str, str] | None:
    """The unit a chart's title states on the line right above its first "2025   330" row: "Active
    power (MW, end of period)" gives megawatts of active power. None for a title with no unit ("Active
    power") or another line."""
    above_end = line_start - 1
    if above_end <= 0:
        return None
    title = text[text.rfind("\n", 0, above_end) + 1 : above_end].strip()
    if not title or len(title) > 70 or "   " in title or title[-1] in ".;:!?":
        return None
    if "(" not in title and "," not in title and not title.startswith(("MW ", "GW ")):
        return None
    return _label_unit(title)


def _research_note(state: _State) -> bool:
    """Is the document an analyst's note (`_RESEARCH_NOTE`)? Searched once, when a chart first asks."""
    if state.research < 0:
        state.research = 1 if state.analysts or _RESEARCH_NOTE.search(state.text) else 0
    return state.research == 1


def _chart_row(
    text: str,
    line_start: int,
    line_end: int,
    cs: list[tuple[int, int, str]],
    unit: tuple[str, str, str, str],
    state: _State,
) -> None:
    """One row of a chart whose unit only its title states: "2025   330" under "Active power (MW, end of
    period)" is 330 MW of active power in fiscal 2025. A row marked as an estimate ("2026E   ~640") in the
    company's own deck is its forecast for that year, as is a year after the document's own; an analyst's
    note's estimates are none of the company's."""
    if state.skip_section:
        return
    label, cell = cs[0][2], cs[1][2]
    estimate = label[-1] in "EFP"
    if estimate and _research_note(state):
        return
    year_m = _CHART_YEAR.search(label)
    if year_m is None:
        return
    year = 2000 + int(year_m.group(1) or year_m.group(2))
    quarter = _CHART_QUARTER.search(label)
    if quarter is not None:
        digits = quarter.group(1) or quarter.group(2)
        period = Period("H" if "H" in quarter.group() else "Q", int(digits), year)
    else:
        period = Period("FY", 0, year)
    sentence = _with_label_unit(cell.lstrip("~≈>≥<≤ ").rstrip("+"), unit)
    if sentence is None:
        return
    quantities = find_quantities(sentence)
    if len(quantities) != 1:
        return
    q = quantities[0]
    reading = _Reading(
        sentence, line_start, quantities, find_cues(sentence), [False], Folded.of(sentence), mentions=[]
    )
    metric, _cue = _metric_for(reading, q, 0)
    if metric is None or METRIC_UNITS[metric] != q.unit or metric in ("contract_value", "financing"):
        return  # (a deal's or a raise's size is no level a year has)
    mark = cell[:1]
    bound = (
        "approx"
        if mark in "~≈"
        else "at_least"
        if mark in ">≥" or cell.endswith("+")
        else "at_most"
        if mark in "<≤"
        else q.bound
    )
    ahead = state.dated_year is not None and year > state.dated_year
    state.goal_cells.append((line_start + cs[1][0], line_start + cs[1][1]))
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    evidence, start, end = _where(state, text[first:last], first, last)
    state.facts.append(
        _new_fact(
            metric=metric,
            kind="guidance" if estimate or ahead else "actual",
            value=q.value,
            low=q.low,
            high=q.high,
            unit=METRIC_UNITS[metric],
            bound=bound,
            basis=_basis_for(sentence, q, _cue, metric),
            period=period.label,
            company=state.company,
            counterparty=None,
            instrument=None,
            evidence=evidence,
            start=start,
            end=end,
        )
    )


#: The quarter or half of a chart's period label: "Q3'26", "3Q26", "H2 2027".
_CHART_QUARTER: Final = re.compile(r"^(?:[QH]([1-4])|([1-4])[QH])")


def _unit_cells(cs: list[tuple[int, int, str]]) -> bool:
    """A row label then two or more cells, each a figure written with its unit ("$800 million - $840
    million", "~640 MW", "19% - 21%"), which `spaced` does not take for bare figures."""
    return (
        len(cs) >= 3
        and _UNIT_FIGURE.search(cs[0][2]) is None
        and all(_UNIT_FIGURE.search(c[2]) for c in cs[1:])
    )


def _unit_row(line_start: int, line_end: int, state: _State) -> None:
    """A data row of figures with their units (`_unit_cells`) under column titles: "Revenue   $800
    million - $840 million   $2.53 billion - $2.57 billion" under "Q4 2026   Full Year 2026". The
    sentence reading of the line dates each figure by its own column (see `_period_for`), not every
    one by the first title's period; and the row is no column title."""
    state.spaced_rows = True
    state.spaced_row = (line_start, line_end)


#: A footnote mark closing a row label: "Non-GAAP gross margin (1)", "Adjusted EBITDA (a)".
_LABEL_NOTE: Final = re.compile(r"\s*\((?:\d|[a-z])\)$|\s*\*{1,3}$")


def _spaced_ranges(
    text: str, line_start: int, line_end: int, cs: list[tuple[int, int, str]], state: _State
) -> bool:
    """A space-aligned row whose figures are ranges: cells under paired Low and High columns
    (`_paired_ranges`) or one cell holding both ends ("$288.0 - $302.0"). Read with the row label's
    unit, or the table's "(in millions)" line; the sentence reading of the line, which would take
    each end as a figure of its own, skips its cells. False when the row holds no range."""
    items: list[tuple[str, str, bool]] = []
    for start, end, cell in cs[1:]:
        col = spaced.column_of(state.spaced_columns, start, end)
        items.append((cell, col.title if col else "", False))
    paired = _paired_ranges(items)
    if paired is items and not any(_BARE_RANGE.fullmatch(c) for c, _t, _p in items):
        return False
    label = _LABEL_NOTE.sub("", cs[0][2]) if cs[0][2].endswith((")", "*")) else cs[0][2]
    unit = (
        _label_unit(label)
        if "(" in label or "," in label or " as " in label or label.startswith(("MW ", "GW "))
        else None
    )
    if unit is None and state.millions:
        # Bare amounts under "(US$ millions)": dollars in millions.
        paired = [(_in_millions(c), t, p) for c, t, p in paired]
    for start, end, _cell in cs[1:]:
        state.goal_cells.append((line_start + start, line_start + end))
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    _read_cells(text[first:last], first, last, label, unit, paired, state)
    return True


def _spaced_entities(
    text: str, line_start: int, line_end: int, cs: list[tuple[int, int, str]], state: _State
) -> None:
    """A space-aligned row of a table of companies (or customers): each cell read under its column's
    title, the row label the company (see `_row_party`); the sentence reading skips the line's cells."""
    state.spaced_rows = True
    label = cs[0][2]
    m = _ENTITY_TITLE.fullmatch(state.spaced_columns[0].title)
    if m is None or (_TOTAL_LABEL.fullmatch(label) and not m.group("party")):
        return
    items: list[tuple[str, str, bool]] = []
    for start, end, cell in cs[1:]:
        if not _HAS_DIGIT.search(cell):
            continue
        col = spaced.column_of(state.spaced_columns, start, end)
        if col is None or col is state.spaced_columns[0]:
            continue
        items.append((cell, col.title, False))
        state.goal_cells.append((line_start + start, line_start + end))
    if not items:
        return
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    party: tuple[str, str] | None = ("company" if m.group("co") else "party", _bare_name(label))
    if _TOTAL_LABEL.fullmatch(label):
        party, items = _sum_row(state.spaced_columns[0].title, label, items)
    elif m.group("party") and "(" in label and _GROUP_LABEL.search(label):
        party = None  # "Enterprise and network (14 leases)": many customers, none named
    if party is not None and items:
        _read_cells(text[first:last], first, last, label, None, items, state, party)


def _spaced_unit_entities(
    text: str,
    line_start: int,
    line_end: int,
    cs: list[tuple[int, int, str]],
    party: tuple[str, str],
    state: _State,
) -> None:
    """A space-aligned row of a table of companies with no title over its labels (see `_spaced_line`):
    each cell read under its column's title, the row label the company."""
    state.spaced_rows = True
    items: list[tuple[str, str, bool]] = []
    for start, end, cell in cs[1:]:
        col = spaced.column_of(state.spaced_columns, start, end)
        if col is None:
            continue
        items.append((cell, col.title, False))
        state.goal_cells.append((line_start + start, line_start + end))
    if not items:
        return
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    _read_cells(text[first:last], first, last, cs[0][2], None, items, state, party)


def _in_millions(cell: str) -> str:
    """A bare amount or range of amounts written in dollars of millions: "288.0 to 302.0" as "$288.0
    million to $302.0 million"; a percentage stays as it is."""
    if "%" in cell:
        return cell
    m = _BARE_RANGE.fullmatch(cell)
    if m is not None:
        return f"${m.group('a')} million to ${m.group('b')} million"
    f = _BARE_FIGURE.fullmatch(cell)
    if f is None:
        return cell
    return f"{'-' if f.group('neg') else ''}${f.group('n')} million"


#: A lease table's column of a rent rate: "Annualized Rent", "Annual Base Rent ($000)", "ABR", "Monthly
#: rent", "Rent per kW". A total over a lease's term ("Total contracted rent") is its value, not a rate.
_RATE_RENT_COLUMN: Final = re.compile(
    r"^(?!.*\b(?:total|contract(?:ed)?|lifetime|aggregate)\b).*(?:\b(?:annual(?:i[sz]ed)?|yearly|monthly|run[\s-]rate)"
    r"\b.*\brents?\b|\brents?\b.*(?:\bper\b|/)\s*(?:year|yr|annum|month|mo|kw|mw)\b|\b(?:ABR|MRR)\b)",
    re.IGNORECASE,
)


def _rent_columns(columns: list[spaced.Column]) -> bool:
    """Does a column title name a rent rate (`_RATE_RENT_COLUMN`)? A substring screen first."""
    return any(
        ("rent" in c.title.lower() or "ABR" in c.title or "MRR" in c.title)
        and _RATE_RENT_COLUMN.search(c.title)
        for c in columns
    )


#: A column title of an outlook table: "Q4 FY2031 Outlook", "Low", "High", "Midpoint", "Range".
_GUIDE_COLUMN: Final = re.compile(
    r"\b(?:outlook|guidance|guide|forecasts?|expected|expects?|estimates?|targets?|low|high|mid-?point|range)\b",
    re.IGNORECASE,
)


#: A column of part of a fiscal year that names the year: "9M FY26", "YTD 2026", "Nine months FY2026".
_PART_YEAR_TITLE: Final = re.compile(r"\b(?:[1-9]M|nine|YTD|year[\s-]to[\s-]date)\b", re.IGNORECASE)


def _years_then_interims(dated: list[tuple[Period, float, str]]) -> bool:
    """Columns of two or more full years, then of two or more interim periods (or the other way
    round), as a prospectus's summary table prints them; no column of part of a year titled as one."""
    kinds = [p.kind == "FY" for p, _v, _t in dated]
    if sum(kinds) < 2 or len(kinds) - sum(kinds) < 2:
        return False
    if any(full and _PART_YEAR_TITLE.search(t) for (_p, _v, t), full in zip(dated, kinds, strict=True)):
        return False
    # One run of each: the kind changes once along the row.
    return sum(1 for i in range(1, len(kinds)) if kinds[i] != kinds[i - 1]) == 1


def _year_ago_titles(titles: list[str], state: _State) -> bool:
    """Do two column titles name the same quarter, half or fiscal year of different years, and none
    an outlook ("Q4 FY2031 Outlook   Q4 FY2030 Actual" is an outlook set beside last year)?"""
    years: dict[tuple[str, int], int] = {}
    found = False
    for title in titles:
        if _GUIDE_COLUMN.search(title) or _column_mark(title) in ("E", "L", "T"):
            # ("FY2025A   FY2026E   Long-term": a year's actuals set beside the outlook.)
            return False
        period = _column_period(title, state) if _DIGIT.search(title) else None
        if period is None:
            continue
        key = (period.kind, period.number)
        if years.setdefault(key, period.year) != period.year:
            found = True
    return found


#: A column of a pay plan's goal table that holds a level set for pay, not a result.
_GOAL_COLUMN: Final = re.compile(
    r"\b(?:weight(?:ing)?|threshold|target|maximum|minimum|max|min|goal|stretch|payout|entry)\b",
    re.IGNORECASE,
)
#: A column only a pay plan's goal table has: "Weight", "Threshold", "Maximum", "Payout".
_GOAL_TABLE_COLUMN: Final = re.compile(r"\b(?:weight(?:ing)?|threshold|maximum|payout)\b", re.IGNORECASE)


def _goal_table(columns: list[spaced.Column]) -> bool:
    """Do the column titles set goals for pay ("Weight … Threshold … Target … Maximum … Actual")?"""
    return any(_GOAL_TABLE_COLUMN.search(c.title) for c in columns) and any(
        not _GOAL_COLUMN.search(c.title) for c in columns[1:]
    )


#: A column titled by a bare year and what its figures are: "2025 Actual", "2025 Results".
_YEAR_RESULT_TITLE: Final = re.compile(r"(?:FY\s?)?((?:19|20)\d\d)\s+(?i:actuals?|results?)")


def _column_period(title: str, state: _State) -> Period | None:
    """The period a space-aligned column's title names, if any ("FY2025A" and "2026E" name 2025 and
    2026: the mark says only whether the column is actual or estimated, see `_column_mark`)."""
    marked = _MARKED_COLUMN.search(title) if title[-1:] in _MARKS else None
    if marked is not None:
        title = title[: marked.end("p")]
    mention = next(iter(find_mentions(title, None, -1, state.calendar)), None)
    if mention is not None:
        return resolve(mention, state.context, state.default_year)
    if marked is not None and marked.group("y") is not None:
        return Period("FY", 0, int(marked.group("y")))  # "2025A": the bare year
    year = _YEAR_RESULT_TITLE.fullmatch(title)
    if year is None and _may_be_year_goal(title):
        # "2028 target", "Ambition 2030": that year's.
        goal = _YEAR_GOAL_COLUMN.fullmatch(title)
        return Period("FY", 0, int(goal.group("y") or goal.group("y2"))) if goal is not None else None
    return Period("FY", 0, int(year.group(1))) if year else None


#: The marks a deck or a model sets after a column's period: "A" actual, "E" estimate, "F" forecast, "P"
#: projected ("FY2025A   FY2026E", "Q3'26A", "2027F").
_MARKS: Final = frozenset("AEFP")
#: A column title that is a period with such a mark, alone or after words ("Fiscal year 2025A"); `y` is a
#: bare year, which `find_mentions` reads as no period.
_MARKED_COLUMN: Final = re.compile(
    r"(?:^|\s)(?P<p>(?P<y>(?:19|20)\d\d)|(?:FY|CY)\s?'?(?:(?:19|20)\d\d|\d\d)|"
    r"(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\s?'?(?:(?:19|20)\d\d|\d\d)|(?:Q[1-4]|H[12])\s+(?:FY\s?)?(?:19|20)\d\d)"
    r"(?P<m>[AEFP])$"
)
#: A column of long-term targets, which no fiscal year dates: "Long-term", "Long-term target", "LT
#: targets", "Medium-term model", "Mid-term goal".
_LONG_TERM_COLUMN: Final = re.compile(
    r"(?:(?:long|medium|mid)[\s-]?term|LT|MT)(?:\s+(?:financial|targets?|goals?|model|framework|aspirations?|"
    r"outlook|ambitions?)){0,2}",
    re.IGNORECASE,
)


def _may_be_year_goal(title: str) -> bool:
    """Cheap screen for `_YEAR_GOAL_COLUMN`: a title that opens or closes with a year."""
    return title[:1] == "2" or title[-1:].isdigit() or title[:2] in ("FY", "CY")


#: A column of a year's target, named by its goal word ("2028 target", "2030 ambition", "Target 2028",
#: "FY2027 goal"): a forecast of that year whoever's document it is in (an analyst's note quotes the
#: company's targets too).
_YEAR_GOAL_COLUMN: Final = re.compile(
    r"(?:(?:FY|CY)\s?)?(?P<y>20\d\d)\s+(?:(?i:targets?|ambitions?|goals?|aspirations?|objectives?|plan|"
    r"guidance|outlook))|(?i:targets?|ambitions?|goals?|aspirations?|objectives?|plan|guidance|outlook)\s+"
    r"(?:(?:FY|CY)\s?)?(?P<y2>20\d\d)"
)


def _column_mark(title: str) -> str:
    """What a column's title says its figures are: "A" actual ("FY2025A"), "E" a forecast ("FY2026E",
    "2027F", "2026P"), "T" a year's target ("2028 target", "2030 ambition"), "L" a long-term target with
    no period ("Long-term", "LT target"); "" otherwise."""
    if title[-1:] in _MARKS:
        marked = _MARKED_COLUMN.search(title)
        if marked is not None:
            return "A" if marked.group("m") == "A" else "E"
    if _may_be_year_goal(title) and _YEAR_GOAL_COLUMN.fullmatch(title):
        return "T"
    if ("term" in title or "Term" in title or "LT" in title or "MT" in title) and _LONG_TERM_COLUMN.fullmatch(
        title
    ):
        return "L"
    return ""


def _figure_value(cell: str) -> float | None:
    m = _FIGURE_NUMBER.search(cell)
    if m is None:
        return None
    value = float(m.group().replace(",", ""))
    if cell.startswith(("-", "−", "(")) or (cell[0] == "$" and cell[1:].lstrip().startswith(("-", "−", "("))):
        value = -value
    return value


def _spaced_row(
    text: str,
    line_start: int,
    line_end: int,
    cs: list[tuple[int, int, str]],
    state: _State,
    *,
    goals: bool = False,
) -> None:
    label = cs[0][2]
    label_cues = [c.type for c in find_cues(label)]
    scenario = _SCENARIO.search(label)
    found: list[tuple[str, float, str]] = []  # metric, value, column title
    customer: str | None = None  # the customer a row of named customers' shares is of
    unit = (
        _label_unit(label)
        if "(" in label or "," in label or " as " in label or label.startswith(("MW ", "GW "))
        else None
    )
    if unit is not None and (unit[0] != "usd" or not (label_cues and label_cues[0] == "revenue")):
        # "Contracted capacity (MW)   880   745": the latest period's cell, its unit from the label.
        _spaced_label_unit(line_start, cs, unit, state, found)
    elif (
        label_cues
        and label_cues[0] == "revenue"
        and len(set(label_cues)) == 1
        and not _LABEL_NOT_METRIC.search(label)
    ):
        # "Revenue   486.2   301.7   61%": the latest period's figure and its year-over-year change.
        money: list[tuple[Period | None, float, str]] = []
        growth: tuple[float, str] | None = None
        for start, end, cell in cs[1:]:
            col = spaced.column_of(state.spaced_columns, start, end)
            title = col.title if col else ""
            value = _figure_value(cell)
            if value is None:
                continue
            if _CHANGE_HEADER.search(title):
                if growth is None and cell.endswith("%"):
                    growth = (value, title)
                continue
            if cell.endswith("%") or _NON_USD.search(title):
                continue
            if unit is not None:
                scale = _LABEL_SCALE.get(unit[1], 1.0)
            elif state.millions or spaced.MILLIONS.search(title) or (state.bare_millions and "$" in cell):
                scale = 1e6
            elif state.thousands:
                scale = 1e3  # under "(in thousands, except percentages)"
            else:
                continue
            period = _column_period(title, state)
            money.append((period, value * scale, title))
        dated = [(p, v, t) for p, v, t in money if p is not None]
        if not dated and growth is not None:
            # "Revenue   2,311.4   1,498.7   +54.2%" in a table of another currency: no dollar figure,
            # but the change column is the growth of the latest period's revenue.
            for start, end, cell in cs[1:]:
                col = spaced.column_of(state.spaced_columns, start, end)
                title = col.title if col else ""
                if cell.endswith("%") or _CHANGE_HEADER.search(title) or _figure_value(cell) is None:
                    continue
                period = _column_period(title, state)
                if period is not None:
                    dated.append((period, 0.0, title))
            if dated:
                any_kind = dated[0][0].kind
                latest_any = max(dated, key=lambda m: (m[0].year, m[0].kind == any_kind, m[0].number))
                found.append(("revenue_growth", growth[0], latest_any[2]))
        elif dated:
            # The latest period's column, whichever side the table prints it on.
            first_kind = dated[0][0].kind
            latest = max(dated, key=lambda m: (m[0].year, m[0].kind == first_kind, m[0].number))
            found.append(("revenue", latest[1], latest[2]))
            if growth is not None:
                found.append(("revenue_growth", growth[0], latest[2]))
            if latest[0].kind != "FY" and _years_then_interims(dated):
                # "Year Ended December 31, 2027  2028 | Six Months Ended June 30, 2028  2029": the
                # latest full year is reported beside the latest interim period.
                last_year = max((m for m in dated if m[0].kind == "FY"), key=lambda m: m[0].year)
                found.append(("revenue", last_year[1], last_year[2]))
    elif (
        _CUSTOMER_ROW.fullmatch(label) or (customer := _customer_name(label)) is not None
    ) and _revenue_shares(text, state):
        # "Customer A   46%   38%   *" or "Meta Platforms, Inc.   12%   11%   *" under a lead-in about
        # customers' shares of revenue ("The following customers each accounted for 10% or more of our
        # revenue:"): the latest period's share ("*" is under the threshold), and beside an interim
        # period the latest full year's, as a prospectus reports both.
        shares: list[tuple[Period | None, float, str]] = []
        latest_fy_title = ""  # the table's latest full year's column, "*" in this row or not
        latest_fy = 0
        for start, end, cell in cs[1:]:
            value = _figure_value(cell) if cell.endswith("%") else None
            if value is None and not cell.startswith("*"):
                continue
            col = spaced.column_of(state.spaced_columns, start, end)
            title = col.title if col else ""
            period = _column_period(title, state)
            if period is not None and period.kind == "FY" and period.year > latest_fy:
                latest_fy, latest_fy_title = period.year, title
            if value is not None:
                shares.append((period, value, title))
        dated_shares = [(p, v, t) for p, v, t in shares if p is not None]
        if dated_shares:
            latest_share = max(dated_shares, key=lambda m: (m[0].year, m[0].number))
            found.append(("customer_concentration", latest_share[1], latest_share[2]))
            if latest_share[0].kind != "FY":
                found.extend(
                    ("customer_concentration", v, t) for _p, v, t in dated_shares if t == latest_fy_title
                )
        elif shares and cs[1][2].endswith("%"):
            # Undated columns: the first is the current period, as filings print them.
            found.append(("customer_concentration", shares[0][1], shares[0][2]))
    elif goals and label_cues and label_cues[0] in ("gross_margin", "operating_margin"):
        # "Adjusted gross margin   30%   38.0%   41.0%   44.0%   42.3%" in a pay plan's goal table,
        # its goal columns dropped: the dated actual column's percentage.
        margins: list[tuple[Period, float, str]] = []
        for start, end, cell in cs[1:]:
            col = spaced.column_of(state.spaced_columns, start, end)
            title = col.title if col else ""
            period = _column_period(title, state)
            value = _figure_value(cell)
            if cell.endswith("%") and period is not None and value is not None:
                margins.append((period, value, title))
        if margins:
            latest_margin = max(margins, key=lambda m: (m[0].year, m[0].number))
            found.append((str(label_cues[0]), latest_margin[1], latest_margin[2]))
    elif scenario is not None and not _SUPERSEDED.search(label):
        # "Revised forecast (B)   163,500   22,890   14.0" under "Operating profit ratio (%)".
        for start, end, cell in cs[1:]:
            col = spaced.column_of(state.spaced_columns, start, end)
            if col is None or "%" not in col.title + cell:
                continue
            kinds = [c.type for c in find_cues(col.title)]
            margin = next((str(k) for k in kinds if k in ("gross_margin", "operating_margin")), None)
            value = _figure_value(cell)
            if margin is not None and value is not None and "block" not in kinds:
                found.append((margin, value, col.title))
    if not found:
        return
    kind = (
        "guidance"
        if state.guidance_section or (scenario is not None and scenario.group("guide"))
        else "actual"
    )
    line = text[line_start:line_end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    evidence, start, end = _where(state, text[first:last], first, last)
    basis_word = _BASIS.search(label)
    basis = None if basis_word is None else "non_gaap" if basis_word.group("non") else "gaap"
    party = label if _CUSTOMER_NAMED.fullmatch(label) else customer
    for metric, value, title in found:
        if "E" in title and _ESTIMATE_PERIOD.search(title):
            # "FY27E   FY28E": a column of an analyst's estimates, not the company's figures.
            continue
        period = _column_period(title, state) or state.context
        state.facts.append(
            _new_fact(
                metric=metric,
                kind=kind,
                value=value,
                low=value,
                high=value,
                unit=METRIC_UNITS[metric],
                bound="exact",
                basis=basis,
                period=period.label if period else None,
                company=state.company,
                counterparty=party if metric == "customer_concentration" else None,
                instrument=None,
                evidence=evidence,
                start=start,
                end=end,
            )
        )


def _spaced_label_unit(
    line_start: int,
    cs: list[tuple[int, int, str]],
    unit: tuple[str, str, str, str],
    state: _State,
    found: list[tuple[str, float, str]],
) -> None:
    """A space-aligned row whose label states the unit: its latest period's cell, read as a fact."""
    cells: list[tuple[str, str]] = []  # cell, column title
    dated: list[tuple[Period, str, str]] = []
    for start, end, cell in cs[1:]:
        col = spaced.column_of(state.spaced_columns, start, end)
        title = col.title if col else ""
        if _figure_value(cell) is None or _CHANGE_HEADER.search(title) or _NON_USD.search(title):
            continue
        cells.append((cell, title))
        period = _column_period(title, state)
        if period is not None:
            dated.append((period, cell, title))
    if dated:
        # The latest period's column, whichever side the table prints it on.
        first_kind = dated[0][0].kind
        latest = max(dated, key=lambda c: (c[0].year, c[0].kind == first_kind, c[0].number))
        pick = (latest[1], latest[2])
    elif cells and cells[0][0] == cs[1][2]:
        pick = cells[0]  # undated columns: the first is the current period
    else:
        return
    sentence = _with_label_unit(pick[0], unit)
    if sentence is None:
        return
    quantities = find_quantities(sentence)
    if len(quantities) != 1:
        return
    q = quantities[0]
    reading = _Reading(
        sentence, line_start, quantities, find_cues(sentence), [False], Folded.of(sentence), mentions=[]
    )
    metric, _cue = _metric_for(reading, q, 0)
    if metric is not None and METRIC_UNITS[metric] == q.unit:
        found.append((metric, q.value, pick[1]))


def _cells(row: str) -> list[tuple[int, int]]:
    """Cell spans of `Label: a | b` or `| a | b |` rows (offsets within the row)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    stripped = row.strip()
    lead = row.find(stripped[:1]) if stripped else 0
    if stripped.startswith("|"):
        pos = lead + 1
    base = pos
    for m in _PIPE.finditer(row[base:]):
        end = base + m.start()
        spans.append((pos, end))
        pos = end + 1
    spans.append((pos, len(row)))
    spans = [(a, b) for a, b in spans if row[a:b].strip()]
    if spans:
        a, b = spans[0]
        colon = row.find(": ", a, b)
        if colon > 0 and (find_quantities(row[colon:b]) or _BARE_FIGURE.match(row[colon + 1 : b].strip())):
            spans = [(a, colon), (colon + 1, b), *spans[1:]]
        elif colon < 0 and row[a:b].rstrip(" )")[-1:] in _ROW_ENDS:
            # "Revenue ($ millions) 201.4 | 238.9": the first figure shares the label's cell.
            tm = _TRAILING_FIGURE.search(row, a, b)
            if (
                tm is not None
                and not _BARE_YEAR.fullmatch(tm.group("f"))
                and _unit_ends_label(row[a : tm.start()])
            ):
                spans = [(a, tm.start()), (tm.start("f"), b), *spans[1:]]
    return spans


# --- dedup -------------------------------------------------------------------------------------


def _dedup(facts: list[Fact]) -> list[Fact]:
    """One fact per statement: a figure the text repeats (metric, kind, low, high alike) is kept once,
    in its most specific reading. Two facts that share the figure but name different things (another
    counterparty, or another instrument far apart: two $2 billion deals, a $300 million notes size and a $300
    million facility) are two facts."""
    best: dict[tuple[str, str, float, float], list[int]] = {}
    for i, f in enumerate(facts):
        key = (f.metric, f.kind, _round4(f.low), _round4(f.high))
        held = best.get(key)
        if held is None:
            best[key] = [i]
            continue
        k = next((k for k, j in enumerate(held) if _same_thing(f, facts[j])), -1)
        if k < 0:
            held.append(i)
        elif _richness(f) > _richness(facts[held[k]]):
            held[k] = i
    keep = sorted(i for held in best.values() for i in held)
    # The same figure stated twice, once rounded ("$284,615" thousand in a table, "$284.6 million" in
    # the prose): one fact, the first kept (or the richer one).
    # Bucketed by two significant digits so a long document stays linear (a twin across a bucket
    # edge is simply kept).
    out: list[Fact] = []
    buckets: dict[tuple[str, str, str | None, str, str], list[int]] = {}
    # Where the only fact so far of a metric, kind and period stands in `out` (-1 once a second one came):
    # a fact's bucket is formatted only when its group gets a second fact, as the decimal conversion
    # costs more than the rest of the loop and most facts are alone in their group. A lone fact's bucket
    # would hold it alone; it is filled when the second fact comes (the first still unreplaced in `out`:
    # only a twin found in a bucket replaces one).
    alone: dict[tuple[str, str, str | None], int] = {}
    for i in keep:
        f = facts[i]
        group = (f.metric, f.kind, f.period)
        first = alone.get(group)
        if first is None:
            alone[group] = len(out)
            out.append(f)
            continue
        if first >= 0:
            low, high = _bucket(out[first])
            buckets[(f.metric, f.kind, f.period, low, high)] = [first]
            alone[group] = -1
        low, high = _bucket(f)
        bucket = buckets.setdefault((f.metric, f.kind, f.period, low, high), [])
        twin = next((j for j in bucket if _same_figure(f, out[j]) and _same_thing(f, out[j])), None)
        if twin is None:
            bucket.append(len(out))
            out.append(f)
        elif _richness(f) > _richness(out[twin]):
            out[twin] = f
    return out


def _bucket(f: Fact) -> tuple[str, str]:
    """A fact's figures to two significant digits (`_dedup`'s bucket of near-equal figures).

    A single figure (low == high) is formatted once (zero twice, as -0.0 and 0.0 are equal but print
    apart)."""
    low = f"{f.low:.2g}"
    high = low if f.high == f.low and f.low != 0.0 else f"{f.high:.2g}"
    return low, high


def _same_thing(a: Fact, b: Fact) -> bool:
    """Can two facts of one figure be the same statement? Not when both name a counterparty and
    the two differ, nor when both name an instrument and the two differ in sentences far apart (a
    headline's "lends … gets warrants" and its story's loan are one fact). A missing attribute
    agrees with anything, and so does a period: a table's column misdated is likelier than two
    periods of one exact figure. Two readings of one sentence are one statement whatever they say
    (one of them misread it)."""
    if a.start == b.start:
        return True
    ca, cb = a.counterparty, b.counterparty
    if ca is not None and cb is not None and not is_same_company(ca, cb):
        return False
    ia, ib = a.instrument, b.instrument
    return ia is None or ib is None or ia == ib or abs(a.start - b.start) < _FAR_APART


#: Evidence this far apart (in characters) is no restatement in a headline or the next sentence.
_FAR_APART: Final = 300


def _same_figure(a: Fact, b: Fact) -> bool:
    """Money stated in full and rounded; percentages are never merged (41.0% GAAP, 41.05% adjusted)."""
    if (
        a.unit != "usd"
        or a.metric != b.metric
        or a.kind != b.kind
        or a.period != b.period
        or a.basis != b.basis
        or (a.low, a.high) == (b.low, b.high)
    ):
        return False
    if all(abs(x - y) <= 0.002 * abs(y) for x, y in ((a.low, b.low), (a.high, b.high))):
        return True
    if a.low == a.high and b.low == b.high and (_rounded_of(a.low, b.low) or _rounded_of(b.low, a.low)):
        # "$1.22 billion" in the prose and "$1,224.0 million" in the table: the one figure, rounded to
        # the three digits the prose gives.
        return True
    return (
        a.metric == "financing"
        and a.instrument is not None
        and (a.instrument == b.instrument or {a.instrument, b.instrument} == _OFFERING_PAIR)
        and a.low == a.high
        and b.low == b.high
        and (_whole_millions_of(a.low, b.low) or _whole_millions_of(b.low, a.low))
    )


#: An IPO is an equity offering: a headline's "$159M IPO" and its story's share sale are one.
_OFFERING_PAIR: Final = frozenset(("ipo", "equity"))


def _rounded_of(rounded: float, full: float) -> bool:
    """Is `rounded` `full` rounded to its own significant digits, three or more ("$1.22 billion" of
    $1,224.0 million; "$1.2 billion", two digits, may be another figure as well)?"""
    if not (rounded >= 1e5 and _whole(rounded) and _whole(full)):
        return False
    digits = str(int(rounded))
    kept = digits.rstrip("0")
    step = 10 ** (len(digits) - len(kept))
    return len(kept) >= 3 and step > 1 and round(full / step) * step == rounded


def _whole_millions_of(rounded: float, full: float) -> bool:
    """Is `rounded` a headline's whole-million form of `full` ("$212M IPO" for gross proceeds of
    $212,500,000)? Only from three digits of millions up, so "$2 billion" never absorbs "$2.4 billion"."""
    return rounded >= 1e8 and rounded % 1e6 == 0 and full % 1e6 != 0 and abs(full - rounded) < 1e6


def _richness(f: Fact) -> int:
    rich = 1 if f.instrument is not None and f.instrument != "other" else 0
    if f.period is not None:
        rich += 1
    if f.counterparty is not None:
        rich += 1
    if f.basis is not None:
        rich += 1
    return rich


def _round4(x: float) -> float:
    """`round(x, 4)`, which a whole number (most figures) already is: the correctly rounded
    decimal conversion behind `round` is skipped for it."""
    return x if _whole(x) else round(x, 4)
