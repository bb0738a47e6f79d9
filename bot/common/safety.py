"""Echoed text must never ping a whole channel or workspace, whatever the front end."""

from __future__ import annotations

import re

_BROADCAST_RE = re.compile(r"<!(channel|here|everyone)(\|[^>]*)?>|(?<![\w<])@(channel|here|everyone)\b", re.IGNORECASE)


def disarm(text: str) -> str:
    """`<!here>` and `@channel` become inert (a zero-width space after the @)."""
    return _BROADCAST_RE.sub(lambda m: "@\u200b" + (m.group(1) or m.group(3)).lower(), text)
