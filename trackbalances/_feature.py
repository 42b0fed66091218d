"""The feature a balance is for (``feature``, present if expanded) and its
display names. Each class, then the function that reads it and the one that
writes it (the inline tests are explained in ``_breakdown``).

The AI-pricing maps (``model_markups``, ``provider_markups``) and
``processors`` are carried as read-only JSON values, checked for their outer
shape only: an object whose values are objects (or null, where allowed).
"""

# pyright: reportUnknownVariableType=false, reportUnknownArgumentType=false, reportUnknownMemberType=false

from . import _checks as check
from ._absent import ABSENT
from ._credit import TrackBalancesCreditSchema, read_credit_schema, write_credit_schema
from ._enums import FeatureCombine, FeatureType
from ._errors import FIRST_PROBLEM
from ._frozen import EMPTY
from ._hints import Any, Mapping, Tuple, Union
from ._jsonvalue import thaw
from ._model import Model, model, own_dict, reads, set_own_dict, wire_dict, writes
from ._values import json_object, json_object_map, unknown_keys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Type

    from ._absent import AbsentType
    from ._checks import Errors
    from ._enums import FeatureCombineLiteral, FeatureTypeLiteral
    from ._errors import Path
else:
    from ._absent import AbsentType
    from ._enums import FeatureCombineLiteral, FeatureTypeLiteral

field = check.field
exact_keyed = check.exact_keyed
_new = object.__new__


@model
class TrackBalancesDisplay(Model):
    """How to name the feature's unit in billing UI and customer-facing
    components (``feature.display``).

    Each key may be absent, null or a string.

    Attributes:
        singular: Singular form for UI display (e.g. ``"API call"``, ``"seat"``).
        plural: Plural form for UI display (e.g. ``"API calls"``, ``"seats"``).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    singular: "Union[str, None, AbsentType]" = ABSENT
    plural: "Union[str, None, AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY


@reads(TrackBalancesDisplay)
def read_display(
    cls: "Type[TrackBalancesDisplay]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesDisplay]":
    if type(data) is not dict:
        return check.as_dict(read_display, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_display(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    known = 0
    if "singular" in d:
        singular = d["singular"]
        known += 1
        if singular is not None and type(singular) is not str:
            d["singular"] = field(singular, path, "singular", errors, check.STRING_OR_NULL)
    if "plural" in d:
        plural = d["plural"]
        known += 1
        if plural is not None and type(plural) is not str:
            d["plural"] = field(plural, path, "plural", errors, check.STRING_OR_NULL)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _DISPLAY_KEYS, path, errors)
    return obj


_DISPLAY_KEYS = frozenset(("singular", "plural"))


@writes(TrackBalancesDisplay)
def write_display(obj: TrackBalancesDisplay) -> "Dict[str, Any]":
    return wire_dict(obj)


@model
class TrackBalancesFeature(Model):
    """The full feature object, present if expanded (``feature``).

    Attributes:
        id: The unique identifier for this feature, used in /check and /track calls.
        name: Human-readable name displayed in the dashboard and billing UI.
        type: ``"boolean"`` for on/off access, ``"metered"`` for usage-tracked
            features, ``"credit_system"`` for unified credit pools,
            ``"ai_credit_system"`` for model-based token pricing (see
            :class:`FeatureType`); a value from a newer API is kept as given.
        consumable: For metered features: true if usage resets periodically
            (API calls, credits), false if allocated persistently (seats, storage).
        archived: Whether the feature is archived and hidden from the dashboard.
        event_names: Event names that trigger this feature's balance. Allows
            multiple features to respond to a single event.
        credit_schema: For classic credit systems: maps metered features to
            flat or graduated credit costs.
        display: Display names for the feature in billing UI and
            customer-facing components.
        combine: How grants of this feature from several plans combine:
            ``"sum"`` adds them up, ``"max"`` / ``"min"`` keep the highest /
            lowest grant among plan items with no price (see
            :class:`FeatureCombine`). Omitted when ``"sum"``.
        model_markups: Per-model markup overrides for AI credit systems, or
            null: a read-only JSON value (model -> ``{"markup", "input_cost",
            "output_cost"}``).
        default_markup: Default percentage markup for AI credit systems. Use
            -100 to make usage free.
        provider_markups: Per-provider default markup percentages for AI
            credit systems, or null: a read-only JSON value (provider ->
            ``{"markup"}``).
        processors: Processor mappings for this feature, present when a Stripe
            product or meter is set: a read-only JSON value
            (``{"stripe": {"product_id", "meter_id"}}``).
        extra: Keys the schema does not know, kept as given (read-only).
    """

    id: str
    name: str
    type: "Union[FeatureTypeLiteral, str]"
    consumable: bool
    archived: bool
    event_names: "Union[Tuple[str, ...], AbsentType]" = ABSENT
    credit_schema: "Union[Tuple[TrackBalancesCreditSchema, ...], AbsentType]" = ABSENT
    display: "Union[TrackBalancesDisplay, AbsentType]" = ABSENT
    combine: "Union[FeatureCombineLiteral, str, AbsentType]" = ABSENT
    model_markups: "Union[Mapping[str, Mapping[str, Any]], None, AbsentType]" = ABSENT
    default_markup: "Union[int, float, AbsentType]" = ABSENT
    provider_markups: "Union[Mapping[str, Mapping[str, Any]], None, AbsentType]" = ABSENT
    processors: "Union[Mapping[str, Any], AbsentType]" = ABSENT
    extra: "Mapping[str, Any]" = EMPTY
    _open_enums = {"type": FeatureType, "combine": FeatureCombine}


@reads(TrackBalancesFeature)
def read_feature(
    cls: "Type[TrackBalancesFeature]", data: "Any", path: "Path", errors: "Errors"
) -> "Optional[TrackBalancesFeature]":
    if type(data) is not dict:
        return check.as_dict(read_feature, cls, data, path, errors)
    if errors is not FIRST_PROBLEM:
        for key in data:
            if type(key) is not str:
                return read_feature(cls, exact_keyed(data.items(), path, errors), path, errors)
    d = data.copy()
    obj = _new(cls)
    set_own_dict(obj, d)
    try:
        id = d["id"]
        name = d["name"]
        type_ = d["type"]
        consumable = d["consumable"]
        archived = d["archived"]
    except KeyError:
        return read_feature(cls, check.with_missing(d, _FEATURE_REQUIRED), path, errors)
    if type(id) is not str:
        d["id"] = field(id, path, "id", errors, check.STRING)
    if type(name) is not str:
        d["name"] = field(name, path, "name", errors, check.STRING)
    if type(type_) is not str:
        d["type"] = field(type_, path, "type", errors, check.STRING)
    if type(consumable) is not bool:
        field(consumable, path, "consumable", errors, check.BOOLEAN)
    if type(archived) is not bool:
        field(archived, path, "archived", errors, check.BOOLEAN)
    if len(d) == 5:
        return obj
    known = 5
    if "combine" in d:
        combine = d["combine"]
        known += 1
        if type(combine) is not str:
            d["combine"] = field(combine, path, "combine", errors, check.STRING)
    if "event_names" in d:
        known += 1
        d["event_names"] = check.strings(d["event_names"], path, "event_names", errors)
    if "credit_schema" in d:
        known += 1
        d["credit_schema"] = check.objects(
            read_credit_schema,
            TrackBalancesCreditSchema,
            d["credit_schema"],
            path,
            "credit_schema",
            errors,
        )
    if "model_markups" in d:
        known += 1
        d["model_markups"] = json_object_map(
            d["model_markups"], path, "model_markups", errors, nullable=True
        )
    if "default_markup" in d:
        default_markup = d["default_markup"]
        known += 1
        if type(default_markup) is not int and (
            type(default_markup) is not float or default_markup - default_markup
        ):
            d["default_markup"] = field(
                default_markup, path, "default_markup", errors, check.NUMBER_ANY
            )
    if "provider_markups" in d:
        known += 1
        d["provider_markups"] = json_object_map(
            d["provider_markups"], path, "provider_markups", errors, nullable=True
        )
    if "display" in d:
        known += 1
        d["display"] = read_display(TrackBalancesDisplay, d["display"], path + ("display",), errors)
    if "processors" in d:
        known += 1
        d["processors"] = json_object(d["processors"], path, "processors", errors)
    if len(d) != known:
        d["extra"] = unknown_keys(d, _FEATURE_KEYS, path, errors)
    return obj


_FEATURE_REQUIRED = ("id", "name", "type", "consumable", "archived")
_FEATURE_KEYS = frozenset(
    _FEATURE_REQUIRED
    + (
        "combine",
        "event_names",
        "credit_schema",
        "model_markups",
        "default_markup",
        "provider_markups",
        "display",
        "processors",
    )
)


@writes(TrackBalancesFeature)
def write_feature(obj: TrackBalancesFeature) -> "Dict[str, Any]":
    d = own_dict(obj).copy()
    if "extra" in d or type(obj) is not TrackBalancesFeature:  # see wire_dict
        d = wire_dict(obj)
    if "event_names" in d:
        d["event_names"] = list(d["event_names"])
    if "credit_schema" in d:
        d["credit_schema"] = [write_credit_schema(item) for item in d["credit_schema"]]
    for key in ("model_markups", "provider_markups", "processors"):
        if key in d:
            d[key] = thaw(d[key])
    if "display" in d:
        d["display"] = wire_dict(d["display"])  # (what write_display is)
    return d
