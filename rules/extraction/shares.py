"""Shares of revenue (or of something else) that are no customer's concentration.

A concentration note writes many percentages beside the customers' own: the disclosure
threshold ("customers that each accounted for 10% or more of revenue"), geographic shares
("revenue from customers located outside the United States represented 9%"), supplier
shares ("purchases from our largest supplier represented 72% of total purchases") and
product shares ("sales of our accelerator systems represented 40% of revenue"). They share
the verbs and often the word "customers", so each is told by its own subject.
"""

from __future__ import annotations

import re
from typing import Final

from rules.extraction.counterparties import names_in
from rules.extraction.lazy import OnFirstUse

#: "each accounted for", "customers that individually accounted for", "customers accounting for".
_THRESHOLD_SUBJECT: Final = OnFirstUse(
    r"\b(?i:each|individually|any|every)\b|"
    r"\b(?i:customers|clients|tenants)\s+(?:that|who|which|whose|with|accounting|representing|comprising|"
    r"exceeding)\b"
)
#: Customers grouped by where they are, not who they are.
_GEO_SUBJECT: Final = OnFirstUse(
    r"\b(?i:customers|clients|tenants)\s+(?:(?:that|who|which)\s+are\s+)?(?:located|based|headquartered|"
    r"domiciled)\s+(?:in|outside)\b|"
    r"\boutside\s+(?:of\s+)?the\s+(?:United\s+States|U\.S\.|US)\b|"
    r"\b(?i:international|foreign|overseas|offshore|non-U\.?S\.?|non-US|domestic)\s+(?:customers|clients|sales|"
    r"revenues?)\b|"
    r"\b(?:customers|clients)\s+(?:in|from)\s+(?:the\s+)?(?!Q[1-4]\b|FY|H[12]\b)[A-Z][a-z]"
)
#: A holding in the company, not revenue: "beneficial ownership of", "voting power of", "of the
#: outstanding shares".
_OWNERSHIP_SUBJECT: Final = OnFirstUse(
    r"\b(?i:(?:beneficial\s+)?ownership|beneficially\s+owned|voting\s+(?:power|interest|rights)|"
    r"outstanding\s+(?:shares|stock|common|ordinary|units)|shares\s+outstanding)\b"
)
#: The other side of the business: what the company buys.
_SUPPLIER_SUBJECT: Final = OnFirstUse(
    r"\b(?i:suppliers?|vendors?|purchases|purchasing|procurement|sourcing)\b|\bsourced\s+from\b"
)
#: What the company sells, written as the subject: "sales of our accelerator systems",
#: "Hardware products". Lower case only: "Lambda Systems" and "Amazon Web Services" are customers.
_PRODUCT_SUBJECT: Final = OnFirstUse(
    r"\b(?:products?|product\s+lines?|platforms?|offerings?|subscriptions?|licen[cs]\w*|hardware|software|"
    r"systems|chips|GPUs|servers|solutions|services|infrastructure|segments?|business(?:es)?|divisions?|"
    r"hosting|colocation|mining)\b"
)
#: A kind of revenue as the verb's subject: "Subscription revenue accounted for", "Cloud sales were".
_REVENUE_KIND_SUBJECT: Final = OnFirstUse(
    r"\b[\w-]+\s+(?i:revenues?|sales)\s+(?:was|were|is|are|has\s+been|accounted\s+for|represented|comprised|"
    r"made\s+up|contributed|amounted\s+to)\s+(?:approximately\s+|about\s+|roughly\s+|nearly\s+)?$"
)
#: A rate of change just before the figure: "Wholesale revenues …, representing a year-over-year
#: growth of 86.5%" is how fast a line grew, not anyone's share of revenue.
_GROWTH_OF: Final = OnFirstUse(
    r"\b(?i:growth|increase|decrease|decline|rise|gain)\s+(?:rate\s+)?(?i:of)\s+"
    r"(?:(?i:approximately|about|roughly|nearly|some)\s+)?$"
)
#: An appositive or relative clause between commas: ", which buys our software,", ", a foundry,".
_ASIDE: Final = OnFirstUse(r",\s+(?:which|who|whose|a|an|also|one\s+of|itself|the|its|our)\b[^,]*,")
#: A customer written as such, by its role or its letter.
_CUSTOMER_WORD: Final = OnFirstUse(
    r"\b(?i:customers?|clients?|tenants?|hyperscalers?|lessees?|buyers?)\b|\b(?:Customer|Client|Tenant)\s+[A-Z0-9]\b"
)
_LETTERED: Final = OnFirstUse(r"\b(?:Customer|Client|Tenant)s?\s+[A-Z0-9]\b")
_NUMBER_WORDS: Final = frozenset(
    ["one", "two", "three", "four", "five", "six", "both", "all", "the", "following", "certain", "several"]
)


#: A fund's or investor's weight in a holding, not a customer's share of revenue: "6.5% of NAV",
#: "4% of the portfolio", "our largest long, at 6.5%".
_FUND_WEIGHT_AFTER: Final = OnFirstUse(
    r"\s*(?:of|in)\s+(?:(?:our|the|its|their|total|gross|net|long|short)\s+)*(?:NAV\b|net\s+asset|"
    r"portfolio|fund(?:'s|’s)?\b|assets\s+under|AUM\b|(?:gross\s+|net\s+)?exposure|book\b)",
    re.IGNORECASE,
)
_FUND_POSITION: Final = OnFirstUse(
    r"\b(?:largest|biggest|top|second[\s-]largest)\s+(?:[\w-]+\s+)?(?:long|short|positions?|holdings?|"
    r"weightings?|investments?|bets?)\b",
    re.IGNORECASE,
)

#: Every `_FUND_POSITION` match holds one of these.
_POSITION_WORDS: Final = ("long", "short", "position", "holding", "weighting", "investment", "bet")


def fund_weight(subject: str, after: str) -> bool:
    """Is the percentage a fund's weight in a holding ("Ostrowe remains our largest long, at 6.5% of
    NAV")? An investor's letter names its positions with the words of a customer list."""
    if _FUND_WEIGHT_AFTER.compiled.match(after) is not None:
        return True
    low = subject.lower()
    if not any(w in low for w in _POSITION_WORDS):
        return False
    position = _FUND_POSITION.compiled.search(subject) is not None
    return position and _CUSTOMER_WORD.compiled.search(subject) is None


def not_customer_share(subject: str, bound: str) -> bool:
    """Is the percentage after `subject` a threshold, a geographic, supplier or product share?

    `subject` runs from the previous figure to this one ("Purchases from our largest supplier
    represented "); `bound` is the figure's ("at_least" for "10% or more").
    """
    if ("of" in subject[-24:]) and _GROWTH_OF.compiled.search(subject[-60:]):
        return True
    customer = _CUSTOMER_WORD.compiled.search(subject) is not None
    # "Microsoft, which buys our software, accounted for": what an aside says is not the subject.
    main = _ASIDE.compiled.sub(" ", subject) if "," in subject else subject
    if bound == "at_least" and _THRESHOLD_SUBJECT.compiled.search(subject) and not _named(subject):
        # "Two customers each accounted for more than 10%": the disclosure threshold, not a share.
        return True
    if _GEO_SUBJECT.compiled.search(subject):
        return True
    low = subject.lower()
    if ("owne" in low or "voting" in low or "outstanding" in low) and _OWNERSHIP_SUBJECT.compiled.search(
        main
    ):
        # "Represents beneficial ownership of less than 1%": a holder's stake, no customer's share.
        return True
    if not customer and _SUPPLIER_SUBJECT.compiled.search(main):
        return True
    if customer:
        return False
    # "Subscription revenue accounted for 62%": a kind of revenue is the subject, no customer.
    return (
        _PRODUCT_SUBJECT.compiled.search(main) is not None
        or _REVENUE_KIND_SUBJECT.compiled.search(main) is not None
    )


def _named(subject: str) -> bool:
    """A customer named in the subject ("Microsoft and Meta each ..."), not a count or a pronoun."""
    if _LETTERED.compiled.search(subject):
        return True
    return any(name.split()[0].lower() not in _NUMBER_WORDS for _s, _e, name in names_in(subject))
