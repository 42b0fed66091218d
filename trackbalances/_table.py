"""The readable table of ``python -m trackbalances``: one row per feature, then a
line per breakdown entry and rollover. Numbers are written as the payload gave
them, times as UTC date-times, and lines fit in 80 columns."""

from itertools import accumulate, takewhile
from unicodedata import combining, east_asian_width

from ._absent import ABSENT
from ._errors import cut_number, escaped
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
    return cut_number(value, width)


def columns(shown: str) -> int:
    """How many terminal columns ``shown`` takes: two for an East Asian wide
    character or an emoji, none for a combining mark."""
    if shown.isascii():
        return len(shown)
    return sum(2 if east_asian_width(c) in "WF" else 0 if combining(c) else 1 for c in shown)


def fit(shown: str, width: int = WIDTH) -> str:
    """``shown`` cut to ``width`` columns, with ``...`` where it was cut."""
    if columns(shown) <= width:
        return shown
    return shown[: _within(shown, width - 3)] + "..."


def text(value: str, width: int = WIDTH) -> str:
    """A string from the payload, quoted if it would garble the table or the
    output cannot write it, and cut to ``width`` columns."""
    shown = value if value.isprintable() else repr(value)
    if _ascii_only and not shown.isascii():
        shown = escaped(shown)
    return fit(shown, width)


_ascii_only = False


def write_ascii_only(ascii_only: bool) -> None:
    """Whether the output can write ASCII only: strings are then escaped before
    they are fitted to the columns, not by the output after."""
    global _ascii_only
    _ascii_only = ascii_only


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
    if columns(name) <= 19:  # padded by columns, where format() would count characters
        lines = [(name + " " * (19 - columns(name)) + _ROW.format("", *cells)[19:]).rstrip()]
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
    if columns("    " + "; ".join(details)) <= WIDTH:
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
    """``line`` in lines of at most WIDTH columns, broken at spaces (and inside
    a word wider than a line), the first indented by ``first``, the rest by ``rest``."""
    lines: "List[str]" = []
    current, used, fresh = first, len(first), True
    for word in line.split(" "):
        size = columns(word)
        if not fresh:
            if used + 1 + size <= WIDTH:
                current, used = current + " " + word, used + 1 + size
                continue
            lines.append(current)
            current, used = rest, len(rest)
        while used + size > WIDTH:
            kept = _within(word, WIDTH - used)
            lines.append(current + word[:kept])
            word = word[kept:]
            current, used, size = rest, len(rest), columns(word)
        current, used, fresh = current + word, used + size, False
    lines.append(current)
    return "\n".join(lines)


def _within(shown: str, width: int) -> int:
    """How many characters of ``shown`` fit in ``width`` columns (at least one)."""
    widths = accumulate(columns(character) for character in shown)
    return max(sum(1 for _ in takewhile(lambda used: used <= width, widths)), 1)
