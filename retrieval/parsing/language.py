"""A document's language: ITU's file-name letter (`…-E.docx`, `…!!MSW-F.docx`) or, failing that, its
script and commonest words. Pure."""

from __future__ import annotations

import re

LETTERS = {"A": "ar", "C": "zh", "E": "en", "F": "fr", "R": "ru", "S": "es"}
NAMES = {"ar": "Arabic", "zh": "Chinese", "en": "English", "fr": "French", "ru": "Russian", "es": "Spanish"}
# ITU's names end in the language letter after a date or the "!!MSW" format tag: T-REC-A.1-201610-E,
# WTSA-RES-1-2016-F, T17-SG17-C-0823!!MSW-R; a bare "notes-A" is not taken for Arabic.
_FILE_RE = re.compile(r"(?:!!\w+|-\d{4}(?:\d{2})?|-I)-(?P<l>[ACEFRS])$")
_WORDS = {
    "en": {"the", "of", "and", "to", "in", "is", "for", "that"},
    "fr": {"le", "la", "les", "des", "et", "du", "est", "une", "pour"},
    "es": {"el", "la", "los", "las", "del", "y", "que", "por", "para", "una"},
}


def language_of(name: str, text: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.rsplit("/", 1)[-1])
    m = _FILE_RE.search(stem)
    if m:
        return LETTERS[m.group("l")]
    sample = text[:20000]
    scripts = {
        "ar": len(re.findall(r"[\u0600-\u06ff]", sample)),
        "ru": len(re.findall(r"[\u0400-\u04ff]", sample)),
        "zh": len(re.findall(r"[\u4e00-\u9fff]", sample)),
    }
    latin = len(re.findall(r"[A-Za-z]", sample))
    best = max(scripts, key=lambda k: scripts[k])
    if scripts[best] > latin:
        return best
    words = re.findall(r"[a-záéíóúñçèàêâôûü]+", sample.lower())
    counts = {lang: sum(w in ws for w in words) for lang, ws in _WORDS.items()}
    return max(counts, key=lambda k: counts[k]) if any(counts.values()) else "en"
