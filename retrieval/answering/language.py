"""Which official language a question is in: the script first (Arabic, Cyrillic, Chinese), then a
small stop-word test between English, French and Spanish. Pure functions, no model: a question is a
sentence, and these six languages separate on script and function words alone."""

from __future__ import annotations

import re

Language = str  # ISO 639-1: "en", "fr", "es", "ru", "ar", "zh"; "de" detected, never a text's

LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic",
                  "zh": "Chinese", "de": "German"}
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
)
_WORDS = {
    "en": frozenset(str.split("the of which what who whom is are does do did to and in for with how where when says say "
                    "about should must shall handles handle responsible "
                    # ("sector" is English as much as Spanish: "R sector or T sector?" was read as Spanish)
                    "sector sectors or that this it on by from")),
    "fr": frozenset(str.split("le la les des du une un est que qui quel quelle quels quelles secteur secteurs s'occupe "
                    "occupe dans sur avec au aux ce cette pour dit disent quoi où comment est-ce l'uit "
                    "de et ou")),
    "es": frozenset(str.split("el la los las del una un es que qué quién quiénes cuál cuáles sector sectores ocupa se "
                    "para en con por dice dicen sobre cómo dónde uit de y o")),
    # Not an official language, but asked in Geneva: read as English, "Sektor" became "sector" and the
    # answer quoted E.119's French version. Detected, it is refused plainly unless the embedder is
    # multilingual (no text is in German).
    "de": frozenset(str.split("der das den dem ein eine ist sind welcher welche welches wer wie wo wann für und oder "
                    "nicht mit von zu im auf zuständig sektor sektoren befasst sich")),
}
_ACCENTS = {"fr": re.compile(r"[éèêàçùâîôœë]"), "es": re.compile(r"[ñ¿¡áíóú]"), "de": re.compile(r"[äöüß]")}
_WORD_RE = re.compile(r"[a-zà-ÿœ']+(?:-[a-zà-ÿ]+)*")


def detect_language(text: str) -> Language:
    """The question's language; "en" unless the script or its function words say otherwise."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return "en"
    for lang, rx in _SCRIPTS:
        if len(rx.findall(text)) * 3 >= len(letters):
            return lang
    low = text.lower()
    words = _WORD_RE.findall(low)
    # Elided articles ("l'urgence", "d'urgence", "s'occupe") are French function words too.
    words += [w.split("'")[0] + "'" for w in words if "'" in w]
    score = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    score["fr"] += sum(w in ("l'", "d'", "s'", "qu'") for w in words) + len(_ACCENTS["fr"].findall(low))
    score["es"] += 2 * len(_ACCENTS["es"].findall(low))
    score["de"] += 2 * len(_ACCENTS["de"].findall(low))
    best = max(("fr", "es", "de"), key=lambda lang: score[lang])
    if score[best] >= 2 and score[best] > score["en"]:
        return best
    return "en"


def answers_in(language: Language, embedder: str) -> bool:
    """True when the configured embedder understands questions in that language. MiniLM and the test
    hash embedder are English-only; a multilingual one (OpenAI's, USE, e5, LaBSE …) says so in its name."""
    if language == "en":
        return True
    name = embedder.lower()
    return name == "openai" or any(k in name for k in ("multilingual", "universal", "use", "e5", "labse", "m3"))


def english_only_note(language: Language) -> str:
    return (f"This question looks {LANGUAGE_NAMES.get(language, language)}; questions are answered in English, "
            "so below is what an English-language search found.")
