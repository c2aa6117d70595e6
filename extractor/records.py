"""The output contract (``records.md``, version 1) as pydantic models.

These models are the single source of the output schema: ``kazextract schema`` prints the JSON
Schema generated from them. Values are :class:`~decimal.Decimal` in Python; in JSON they are written
as numbers (an integer when the value is whole).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

CONTRACT_VERSION = 2  # 2: facts fields on money and jobs, key on names (only added: v1 readers keep working)


def _json_number(value: Decimal) -> Union[int, float]:
    if value == value.to_integral_value():
        return int(value)
    # Decimal → float is exact to the 15 significant digits news numbers carry; JSON has no decimal type
    return float(value)


Number = Annotated[
    Decimal,
    PlainSerializer(_json_number, when_used="json"),
    WithJsonSchema({"type": "number"}),
]

Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "up_to", "range"]
Source = Literal["rule", "model", "rule+model"]
Granularity = Literal["day", "month", "quarter", "half", "year"]
RecordType = Literal["money", "jobs", "percent", "quantity", "date", "org", "person", "location"]
VALUE_TYPES = ("money", "jobs", "percent", "quantity", "date")
NAME_TYPES = ("org", "person", "location")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="exactly original_text[start:end], the text as received")
    start: int = Field(ge=0, description="offset in Unicode code points into the text as received")
    end: int = Field(ge=0)
    sentence: int = Field(ge=0, description="index of the sentence that holds start")
    source: Source = "rule"


class _Amount(_Record):
    value: Number
    value_max: Optional[Number] = Field(None, description="upper bound of a range")
    qualifier: Qualifier = "exact"


MoneyMeasure = Literal["investment", "funding", "cost", "revenue", "tax", "trade", "credit", "income", "loss", "other"]
Status = Literal["actual", "planned"]


class _Fact(BaseModel):
    """Version 2 (facts.md): what the amount is, and indices into ``records`` of the org, place and date of
    its sentence it belongs to. A version 1 reader ignores these fields; null when the pipeline has no
    ``kx_facts``."""

    status: Optional[Status] = Field(None, description="planned: presented as planned, expected, proposed or a target")
    org: Optional[int] = Field(None, ge=0, description="index in records of the organisation the amount belongs to")
    location: Optional[int] = Field(None, ge=0, description="index in records of the place the amount is for")
    date: Optional[int] = Field(None, ge=0, description="index in records of the date or period the amount is for")


class MoneyRecord(_Fact, _Amount):
    type: Literal["money"] = "money"
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217")
    measure: Optional[MoneyMeasure] = Field(None, description="what the amount is (facts.md measure codes)")


class JobsRecord(_Fact, _Amount):
    type: Literal["jobs"] = "jobs"
    permanent: Optional[bool] = Field(None, description="true for тұрақты, false for уақытша, null when unsaid")
    measure: Optional[Literal["jobs"]] = Field(None, description="always jobs (status tells created from planned)")


class PercentRecord(_Amount):
    type: Literal["percent"] = "percent"


class QuantityRecord(_Amount):
    type: Literal["quantity"] = "quantity"
    unit: str = Field(description="t kg km m m2 m3 ha l MW kWh head ...")


class DateRecord(_Record):
    type: Literal["date"] = "date"
    date_start: Optional[dt.date] = None
    date_end: Optional[dt.date] = None
    granularity: Granularity
    relative: bool = False


KEY_DESCRIPTION = ("the same for the same entity in every document: the base form case-folded, without quotes "
                   "or a ҚР prefix, known variants and abbreviations joined (ҚР Ұлттық банкі, Ұлттық банкінің → "
                   "ұлттық банк)")


class OrgRecord(_Record):
    type: Literal["org"] = "org"
    name: str = Field(description="base (nominative) form, without quotes and legal form")
    legal_form: Optional[str] = None
    key: Optional[str] = Field(None, description=KEY_DESCRIPTION)


class PersonRecord(_Record):
    type: Literal["person"] = "person"
    name: str
    key: Optional[str] = Field(None, description=KEY_DESCRIPTION)


class LocationRecord(_Record):
    type: Literal["location"] = "location"
    name: str
    key: Optional[str] = Field(None, description=KEY_DESCRIPTION)


Record = Annotated[
    Union[MoneyRecord, JobsRecord, PercentRecord, QuantityRecord, DateRecord, OrgRecord, PersonRecord,
          LocationRecord],
    Field(discriminator="type"),
]

RECORD_MODELS = {m.model_fields["type"].default: m for m in
                 (MoneyRecord, JobsRecord, PercentRecord, QuantityRecord, DateRecord, OrgRecord, PersonRecord,
                  LocationRecord)}


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc_id: str
    source: Optional[str] = None
    published: Optional[dt.date] = None
    title: Optional[str] = None
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    extractor_version: str
    model: Optional[str] = None
    records: List[Record] = Field(default_factory=list)
    warnings: List[str] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=False)


def json_schema() -> dict:
    schema = Document.model_json_schema(mode="serialization")
    schema["$id"] = f"https://kazextract.org/schema/document-v{CONTRACT_VERSION}.json"
    schema["title"] = "kazextract document"
    return schema
