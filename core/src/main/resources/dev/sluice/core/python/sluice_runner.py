"""Runs one Sluice Python model: `python3 sluice_runner.py JOB.json`.

Sluice (the Java engine) starts this script and talks to it over stdin/stdout, one JSON object per line:
  runner -> engine {"op": "load", "key": "ref:orders"}      engine -> runner {"ok": true, "csv": ..., "columns": [...]}
  runner -> engine {"op": "sql", "sql": "select ..."}       (same answer)
  runner -> engine {"op": "done", "csv": ..., "columns": [...], "rows": n}
  runner -> engine {"op": "error", "message": ..., "line": n, "traceback": ...}
The model's own prints go to stderr, so they never mix with the conversation.
Files use the exchange layout described in dev.sluice.spi.LocalExchange.
"""
import csv
import datetime
import decimal
import json
import os
import sys
import traceback

_CHANNEL = os.fdopen(os.dup(1), "w", encoding="utf-8")
os.dup2(2, 1)
sys.stdout = sys.stderr

_EPOCH = datetime.datetime(1970, 1, 1)
_EPOCH_UTC = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
_US = datetime.timedelta(microseconds=1)
_INT_KINDS = {"int8": "int8", "int16": "int16", "int32": "int32", "int64": "int64",
              "uint8": "uint8", "uint16": "uint16", "uint32": "uint32", "uint64": "uint64"}


def _ask(request):
    _CHANNEL.write(json.dumps(request) + "\n")
    _CHANNEL.flush()
    answer = sys.stdin.readline()
    if not answer:
        raise RuntimeError("Sluice closed the channel")
    answer = json.loads(answer)
    if not answer.get("ok"):
        raise RuntimeError(answer.get("error", "Sluice could not answer " + request["op"]))
    return answer


# ---------------------------------------------------------------- reading the exchange layout into pandas

def read_exchange(path, columns):
    import numpy as np
    import pandas as pd
    dtypes = {}
    for i, col in enumerate(columns):
        kind = col["kind"]
        if kind in _INT_KINDS:
            base = _INT_KINDS[kind]
            dtypes[i] = "object" if col["hasNulls"] else _INT_KINDS[kind]
        elif kind == "float32":
            dtypes[i] = "float32"
        elif kind == "float64":
            dtypes[i] = "float64"
        elif kind in ("timestamp", "timestamptz"):
            dtypes[i] = "object" if col["hasNulls"] else "int64"
        elif kind == "bool":
            dtypes[i] = "boolean" if col["hasNulls"] else "bool"
        else:
            dtypes[i] = "object"
    if os.path.getsize(path) == 0:
        raw = pd.DataFrame({i: pd.Series([], dtype=dtypes[i]) for i in range(len(columns))})
    else:
        # NULL is an empty field; a float's "nan" is pandas' missing value too (other kinds never read "nan")
        missing = {i: ["", "nan"] if col["kind"] in ("float32", "float64") else [""] for i, col in enumerate(columns)}
        raw = pd.read_csv(path, header=None, names=list(range(len(columns))), dtype=dtypes,
                          keep_default_na=False, na_values=missing, float_precision="round_trip",
                          quotechar='"', doublequote=True, lineterminator="\n", encoding="utf-8")
    data = {}
    for i, col in enumerate(columns):
        kind = col["kind"]
        s = raw[i]
        if kind == "string":
            s = s.str.slice(1)
        elif kind in _INT_KINDS and s.dtype == object:
            s = _nullable_ints(s, _INT_KINDS[kind])
        elif kind in ("timestamp", "timestamptz"):
            s = _timestamps(s if s.dtype != object else _nullable_ints(s, "int64"), kind == "timestamptz")
        elif kind == "date":
            s = s.map(lambda v: datetime.date.fromisoformat(v) if isinstance(v, str) else None)
        elif kind == "time":
            s = s.map(lambda v: datetime.time.fromisoformat(v) if isinstance(v, str) else None)
        elif kind in ("int128", "uint128"):
            s = s.map(lambda v: int(v) if isinstance(v, str) else None).astype(object)
        elif kind.startswith("decimal("):
            s = s.map(lambda v: decimal.Decimal(v) if isinstance(v, str) else None).astype(object)
        data[col["name"]] = s.reset_index(drop=True)
    frame = pd.DataFrame(data, copy=False)  # without columns=, which would re-box datetimes one by one
    frame.attrs["sluice_kinds"] = {c["name"]: c["kind"] for c in columns}
    return frame


def _nullable_ints(text, base):
    """Integers read as text (NULL as NaN) to pandas' nullable integer type, exactly (no detour through float)."""
    import numpy as np
    import pandas as pd
    mask = text.isna().to_numpy()
    values = text.where(~mask, "0").to_numpy(dtype=str).astype(base)
    dtype = base.capitalize().replace("Uint", "UInt")
    return pd.Series(pd.arrays.IntegerArray(values, mask), dtype=dtype)


def _timestamps(micros, utc):
    """Microseconds since the epoch to datetime64[ns] (exact), or to datetime objects outside its range."""
    import pandas as pd
    mask = micros.isna().to_numpy()
    values = micros.to_numpy(dtype="int64", na_value=0)
    limit = 9_223_372_036_854_775  # datetime64[ns] spans about +-292 years around 1970
    if len(values) == 0 or (values.min() > -limit and values.max() < limit):
        out = pd.Series((values * 1000).view("datetime64[ns]"))
        if mask.any():
            out[mask] = pd.NaT
        return out.dt.tz_localize("UTC") if utc else out
    base = _EPOCH_UTC if utc else _EPOCH
    return pd.Series([None if m else base + int(v) * _US for v, m in zip(values.tolist(), mask.tolist())],
                     dtype=object)


# ---------------------------------------------------------------- writing a DataFrame in the exchange layout

def _is_null(v):
    import pandas as pd
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _object_kind(values, hint):
    """The exchange kind of an object column from its non-null values."""
    if not values:
        return "string"
    types = {type(v) for v in values}
    if all(isinstance(v, bool) for v in values):
        return "bool"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        lo, hi = min(values), max(values)
        if hint in ("int128", "uint128", "int64", "uint64") and _fits(hint, lo, hi):
            return hint
        for kind in ("int64", "int128", "uint128"):
            if _fits(kind, lo, hi):
                return kind
        return "string"
    if all(isinstance(v, float) for v in values):
        return "float64"
    if all(isinstance(v, decimal.Decimal) for v in values):
        if not all(v.is_finite() for v in values):
            return "string"
        scale = max(max(-v.as_tuple().exponent, 0) for v in values)
        whole = max(max(len(v.as_tuple().digits) + v.as_tuple().exponent, 0) for v in values)
        if hint and hint.startswith("decimal("):
            p, s = (int(x) for x in hint[8:-1].split(","))
            if s >= scale and p - s >= whole:
                return hint
        if whole + scale <= 18:
            return "decimal(18,%d)" % scale
        if whole + scale <= 38:
            return "decimal(38,%d)" % scale
        return "string"
    if all(isinstance(v, datetime.datetime) for v in values):
        aware = {v.tzinfo is not None for v in values}
        return "timestamptz" if aware == {True} else "timestamp" if aware == {False} else "string"
    if all(isinstance(v, datetime.date) and not isinstance(v, datetime.datetime) for v in values):
        return "date"
    if all(isinstance(v, datetime.time) for v in values):
        return "time"
    if all(isinstance(v, datetime.timedelta) for v in values):
        return "interval"
    return "string"


_LIMITS = {"int8": (-2**7, 2**7 - 1), "int16": (-2**15, 2**15 - 1), "int32": (-2**31, 2**31 - 1),
           "int64": (-2**63, 2**63 - 1), "uint8": (0, 2**8 - 1), "uint16": (0, 2**16 - 1),
           "uint32": (0, 2**32 - 1), "uint64": (0, 2**64 - 1), "int128": (-2**127, 2**127 - 1),
           "uint128": (0, 2**128 - 1)}


def _fits(kind, lo, hi):
    low, high = _LIMITS[kind]
    return low <= lo and hi <= high


def _column(s, hint):
    """(kind, series of text or numbers ready for to_csv with NULL as NaN/None)."""
    import numpy as np
    import pandas as pd
    dtype = s.dtype
    if pd.api.types.is_categorical_dtype(dtype):
        s = s.astype(object)
        dtype = s.dtype
    if pd.api.types.is_bool_dtype(dtype):
        if dtype == bool:
            return "bool", np.where(s.to_numpy(), "true", "false")
        return "bool", s.map(lambda v: None if _is_null(v) else ("true" if v else "false")).astype(object)
    if pd.api.types.is_integer_dtype(dtype):
        name = str(dtype).lower()
        return _INT_KINDS.get(name, "int64"), s
    if pd.api.types.is_float_dtype(dtype):
        kind = "float32" if str(dtype).lower() == "float32" else "float64"
        if str(dtype) in ("Float32", "Float64"):
            s = s.astype(str(dtype).lower())
        return kind, s
    if pd.api.types.is_datetime64_any_dtype(dtype):
        utc = getattr(dtype, "tz", None) is not None
        if utc:
            s = s.dt.tz_convert("UTC").dt.tz_localize(None)
        micros = s.to_numpy(dtype="datetime64[ns]").view("int64") // 1000
        return ("timestamptz" if utc else "timestamp"), pd.Series(pd.array(micros, dtype="Int64")).where(s.notna().to_numpy())
    if pd.api.types.is_timedelta64_dtype(dtype):
        micros = s.to_numpy(dtype="timedelta64[ns]").view("int64") // 1000
        return "interval", pd.Series(pd.array(micros, dtype="Int64")).where(s.notna().to_numpy())
    if pd.api.types.is_string_dtype(dtype) or dtype == object:
        mask = s.isna().to_numpy()
        inferred = pd.api.types.infer_dtype(s, skipna=True)
        if inferred in ("string", "empty"):
            # vectorized: every non-NULL string gets the '~' marker, NULL stays empty
            return "string", ("~" + s.where(~mask, "")).where(~mask, None).astype(object)
        values = s[~mask].tolist()
        kind = _object_kind(values, hint)
        if kind == "string":
            out = s.map(lambda v: None if _is_null(v) else "~" + (v if isinstance(v, str) else str(v)))
        elif kind == "bool":
            out = s.map(lambda v: None if _is_null(v) else ("true" if v else "false"))
        elif kind.startswith("decimal("):
            out = s.map(lambda v: None if _is_null(v) else format(v, "f"))
        elif kind in ("timestamp", "timestamptz"):
            base = _EPOCH_UTC if kind == "timestamptz" else _EPOCH
            out = s.map(lambda v: None if _is_null(v) else str((v - base) // _US))
        elif kind == "interval":
            out = s.map(lambda v: None if _is_null(v) else str(v // _US))
        elif kind == "float64":
            out = s.map(lambda v: None if _is_null(v) else repr(v))
        else:
            out = s.map(lambda v: None if _is_null(v) else (v.isoformat() if hasattr(v, "isoformat") else str(v)))
        return kind, out.astype(object)
    return "string", s.map(lambda v: None if _is_null(v) else "~" + str(v)).astype(object)


def write_exchange(frame, path):
    import pandas as pd
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("the model must return a pandas DataFrame, not " + type(frame).__name__)
    names = [str(c) for c in frame.columns]
    if not names:
        raise ValueError("the DataFrame the model returned has no columns")
    seen = set()
    for n in names:
        if n.lower() in seen:
            raise ValueError("the DataFrame the model returned has two columns named %r" % n)
        seen.add(n.lower())
    hints = frame.attrs.get("sluice_kinds", {}) if isinstance(frame.attrs, dict) else {}
    columns, data = [], {}
    for i in range(len(names)):
        kind, values = _column(frame.iloc[:, i], hints.get(names[i]))
        columns.append({"name": names[i], "kind": kind, "hasNulls": True})
        data[i] = values.reset_index(drop=True) if isinstance(values, pd.Series) else values
    out = pd.DataFrame(data, index=range(len(frame)))
    out.to_csv(path, header=False, index=False, na_rep="", quoting=csv.QUOTE_MINIMAL, quotechar='"',
               doublequote=True, lineterminator="\n", encoding="utf-8")
    return columns, len(frame)


# ---------------------------------------------------------------- the dbt object a model receives

class Relation:
    """What dbt.ref / dbt.source / session.sql return: a relation whose rows load on first use."""

    def __init__(self, name, request):
        self._name = name
        self._request = request
        self._frame = None

    def to_pandas(self):
        if self._frame is None:
            answer = _ask(self._request)
            self._frame = read_exchange(answer["csv"], answer["columns"])
            try:
                os.remove(answer["csv"])
            except OSError:
                pass
        return self._frame.copy()

    def df(self):
        return self.to_pandas()

    def __str__(self):
        return self._name

    def __repr__(self):
        return "<relation %s>" % self._name


class Config:
    def __init__(self, values):
        self._values = values

    def __call__(self, *args, **kwargs):
        return ""

    def get(self, key, default=None):
        return self._values.get(key, default)


class This:
    def __init__(self, job):
        self.database = job["this"]["database"]
        self.schema = job["this"]["schema"]
        self.identifier = job["this"]["identifier"]
        self._rendered = job["this"]["rendered"]

    def __str__(self):
        return self._rendered

    def __repr__(self):
        return self._rendered


class Dbt:
    def __init__(self, job):
        self._inputs = job["inputs"]
        self.config = Config(job["config"])
        self.this = This(job)
        self._incremental = job["is_incremental"]

    @property
    def is_incremental(self):
        return self._incremental

    def ref(self, *names, **kwargs):
        return self._input("ref:" + ".".join(names), "dbt.ref(%s)" % ", ".join(repr(n) for n in names))

    def source(self, source_name, table_name):
        return self._input("source:%s.%s" % (source_name, table_name),
                           "dbt.source(%r, %r)" % (source_name, table_name))

    def _input(self, key, call):
        if key not in self._inputs:
            raise NameError("%s is not among the refs and sources Sluice read from this file when parsing it; "
                            "call it with literal arguments" % call)
        return Relation(self._inputs[key], {"op": "load", "key": key})


class Session:
    """The `session` argument: runs SQL on the warehouse and returns its rows as a relation."""

    def sql(self, query):
        return Relation("(" + query + ")", {"op": "sql", "sql": query})


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    user_file = job["file"]
    try:
        code = compile(job["code"], user_file, "exec")
        namespace = {"__name__": "sluice_model", "__file__": user_file}
        exec(code, namespace)
        if not callable(namespace.get("model")):
            raise NameError("the file defines no function model(dbt, session)")
        result = namespace["model"](Dbt(job), Session())
        columns, rows = write_exchange(result, job["output"])
    except BaseException as e:  # noqa: the engine reports every failure of the user's code
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != user_file:
            tb = tb.tb_next
        frames = traceback.extract_tb(e.__traceback__)
        user_lines = [f.lineno for f in frames if f.filename == user_file]
        line = user_lines[-1] if user_lines else getattr(e, "lineno", None) if isinstance(e, SyntaxError) else None
        text = "".join(traceback.format_exception(type(e), e, tb if tb is not None else e.__traceback__))
        _CHANNEL.write(json.dumps({"op": "error", "type": type(e).__name__, "message": str(e), "line": line,
                                   "traceback": text}) + "\n")
        _CHANNEL.flush()
        sys.exit(1)
    _CHANNEL.write(json.dumps({"op": "done", "csv": job["output"], "columns": columns, "rows": rows}) + "\n")
    _CHANNEL.flush()


if __name__ == "__main__":
    main()
