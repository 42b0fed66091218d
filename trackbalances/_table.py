"""The readable table of ``python -m trackbalances``: one row per feature, then a
line per breakdown entry and rollover. Numbers are written as the payload gave
them, times as UTC date-times, and lines fit in 80 columns."""

import textwrap

from ._absent import ABSENT
from ._json import number_text
from ._model import utc_datetime

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import List, Mapping, Optional, Union

    from ._balance import TrackBalances
    from ._breakdown import TrackBalancesBreakdown
    from ._price import TrackBalancesPrice
    from ._response import TrackResponse

    Number = Union[int, float]

WIDTH = 79
_ROW = "{:<19} {:>9} {:>9} {:>9} {:<9} {:<19}"
HEADER = _ROW.format(
    "FEATURE", "GRANTED", "USAGE", "REMAINING", "MODE", "NEXT RESET (UTC)"
).rstrip()
_EVERY = {
    "one_off": "once",
    "minute": "every minute",
    "hour": "every hour",
    "day": "every day",
    "week": "every week",
    "month": "every month",
    "quarter": "every quarter",
    "semi_annual": "every half year",
    "year": "every year",
    "multiple": "at several intervals",
}


def number(value: "Number", width: int = 24) -> str:
    """``100`` as 100 and ``100.0`` as 100.0: what the payload said, unless that
    is wider than ``width``: then shortened visibly, as ``~1.23e14``."""
    exact = number_text(value)
    if len(exact) <= width:
        return exact
    sign, digits = ("-", exact[1:]) if exact[0] == "-" else ("", exact)
    shown = exact
    for precision in range(width - 1, 0, -1):
        if type(value) is float:
            shown = "%.*g" % (precision, value)
        else:  # an int, of any size: its leading digits and its exponent
            fraction = digits[1:precision].rstrip("0")
            shown = "%s%s.%se%d" % (sign, digits[0], fraction, len(digits) - 1)
            shown = shown.replace(".e", "e")
        shown = "~" + shown.replace("e+", "e")
        if len(shown) <= width:
            break
    return shown


def text(value: str, width: int = WIDTH) -> str:
    """A string from the payload, quoted if it would garble the table, and cut
    to ``width``."""
    shown = value if value.isprintable() else repr(value)
    return shown if len(shown) <= width else shown[: width - 3] + "..."


def when(milliseconds: "Number") -> str:
    """An epoch-millisecond time as ``2026-03-18 16:25:21``."""
    try:
        return utc_datetime(milliseconds).isoformat(sep=" ")[:19]
    except ValueError:  # beyond datetime's years 1 to 9999
        return number(milliseconds, 16) + " ms"


def _when_utc(milliseconds: "Number") -> str:
    return when(milliseconds) + " UTC"


def response(obj: "TrackResponse") -> str:
    about = "customer %s, value %s" % (text(obj.customer_id), number(obj.value))
    if obj.entity_id is not ABSENT:
        about += ", entity %s" % text(obj.entity_id)
    if obj.event_name is not ABSENT:
        about += ", event %s" % text(obj.event_name)
    return _wrap(about, "", "  ") + "\n" + balances(obj.all_balances())


def balances(by_feature: "Mapping[str, TrackBalances]") -> str:
    if not by_feature:
        return "(no balances)"
    lines = [HEADER]
    for balance in by_feature.values():
        lines.extend(_balance_lines(balance))
    return "\n".join(lines)


def balance(obj: "TrackBalances") -> str:
    return "\n".join([HEADER] + _balance_lines(obj))


def _balance_lines(obj: "TrackBalances") -> "List[str]":
    name = text(obj.feature_id)
    if obj.feature is not ABSENT and obj.feature.name != obj.feature_id:
        name = text("%s (%s)" % (name, text(obj.feature.name)))
    mode = "unlimited" if obj.unlimited else "overage" if obj.overage_allowed else "limited"
    reset = when(obj.next_reset_at) if obj.next_reset_at is not None else "no reset"
    cells = (number(obj.granted, 9), number(obj.usage, 9), number(obj.remaining, 9), mode, reset)
    if len(name) <= 19:
        lines = [_ROW.format(name, *cells).rstrip()]
    else:  # a long name gets a line of its own
        lines = [name, _ROW.format("", *cells).rstrip()]
    if obj.breakdown is not ABSENT:
        for entry in obj.breakdown:
            lines.extend(_breakdown_lines(entry))
    if obj.rollovers is not ABSENT:
        for rollover in obj.rollovers:
            lines.append(
                _wrap(
                    "rollover: %s, expires %s"
                    % (number(rollover.balance), _when_utc(rollover.expires_at)),
                    "  ",
                    "    ",
                )
            )
    return lines


def _breakdown_lines(entry: "TrackBalancesBreakdown") -> "List[str]":
    source = "standalone" if entry.plan_id is None else "plan " + text(entry.plan_id)
    head = "%s: included %s, prepaid %s, usage %s, remaining %s" % (
        source,
        number(entry.included_grant),
        number(entry.prepaid_grant),
        number(entry.usage),
        number(entry.remaining),
    )
    if entry.unlimited:
        head += ", unlimited"
    if entry.reset is None:
        reset = "no reset"
    else:
        interval, count = entry.reset.interval, entry.reset.interval_count
        every = _EVERY.get(interval) or "every " + text(interval)
        if count is not ABSENT and count != 1:
            every = "every %s x %s" % (number(count), text(interval))
        reset = "resets " + every
        if entry.reset.resets_at is not None:
            reset += ", next " + _when_utc(entry.reset.resets_at)
    expires = (
        "never expires" if entry.expires_at is None else "expires %s" % _when_utc(entry.expires_at)
    )
    details = [reset, _price(entry.price), expires]
    lines = [_wrap(head, "  ", "      ")]
    if len("    " + "; ".join(details)) <= WIDTH:
        lines.append("    " + "; ".join(details))
    else:
        lines.extend(_wrap(part, "    ", "      ") for part in details)
    return lines


def _price(price: "Optional[TrackBalancesPrice]") -> str:
    if price is None:
        return "no price"
    amount = "" if price.amount is ABSENT else number(price.amount) + " "
    summary = "price %sper %s units, %s" % (
        amount,
        number(price.billing_units),
        text(price.billing_method),
    )
    if price.max_purchase is not None:
        summary += ", max purchase %s" % number(price.max_purchase)
    if price.tiers is not ABSENT and price.tiers:
        steps = [
            "%s above" % number(tier.amount)
            if tier.to == "inf"
            else "%s up to %s" % (number(tier.amount), number(tier.to))
            for tier in price.tiers
        ]
        summary += ", tiers: " + ", ".join(steps)
    return summary


def _wrap(line: str, first: str, rest: str) -> str:
    return "\n".join(
        textwrap.wrap(
            line, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
        )
    )
