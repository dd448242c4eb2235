"""Writing a content file's front matter: every string double-quoted, in the key order given.

Double quotes keep labels like "1.1" and dates as strings and keep anything a plan says
from being read as YAML syntax (": ", "#", "-"). Used by the importer's writer and by
`build.py migrate`, so a file reads the same whoever wrote it.
"""
from __future__ import annotations

import yaml


class _Q(str):
    """A string to be emitted double-quoted."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Q, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", str(s), style='"'))


def _quote(v):
    if isinstance(v, dict):
        return {k: _quote(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_quote(x) for x in v]
    if isinstance(v, str):
        return _Q(v)
    return v


def dump(data: dict) -> str:
    """YAML for a front matter (without the --- lines), strings double-quoted, keys in order."""
    return yaml.dump(_quote(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10 ** 6,
                     default_flow_style=False)
