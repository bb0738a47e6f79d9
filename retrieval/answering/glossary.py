"""French and Spanish questions read in English through ITU's own terms, so the English-only default
embedder and BM25 can answer them: "Quel Secteur s'occupe des télécommunications d'urgence ?" is read as
"which Sector handles emergency telecommunications?". The glossary holds the words of ITU's official
terminology (bodies, parts of a resolution, the topics of its resolutions) and the words that ask, not a
general dictionary; a question it reads too little of keeps its own words (see `MIN_SHARE`). Pure
functions, no model."""

from __future__ import annotations

import re

from retrieval.core.text import unaccented

MIN_SHARE = 0.6  # the share of a question's words the glossary must read for the English reading to be used

# Longest phrases first is done at build time; keys are written without accents, as matching is.
_FR = {
    # asking
    "quel secteur": "which Sector", "quels secteurs": "which Sectors", "quelle secteur": "which Sector",
    "quel bureau": "which Bureau", "qui": "who", "quel": "which", "quelle": "which", "quels": "which",
    "quelles": "which", "qu'est-ce que": "what", "qu'est ce que": "what", "que": "what", "quoi": "what",
    "combien de": "how many", "combien": "how much", "quand": "when", "ou": "where", "comment": "how",
    "pourquoi": "why", "est-ce que": "", "est-il": "is", "est-elle": "is", "doit-il": "must", "doit-elle": "must",
    "doivent-ils": "must", "peut-il": "can", "s'occupe des": "handles", "s'occupe du": "handles",
    "s'occupe de": "handles", "s'occupe d'": "handles", "s'occupent de": "handle", "est charge de": "is responsible for",
    "est chargee de": "is responsible for", "sont charges de": "are responsible for",
    "est responsable de": "is responsible for", "est responsable des": "is responsible for",
    "est responsable du": "is responsible for", "traite de": "deals with", "traite des": "deals with",
    "dirige": "leads", "pilote": "leads", "selon": "according to", "d'apres": "according to",
    "conformement a": "according to", "doit": "must", "doivent": "must", "peut": "can", "peuvent": "can",
    "dit": "say", "disent": "say", "prevoit": "provides", "faire": "do", "fait": "does", "font": "do",
    "prendre en charge": "support", "gerer": "handle", "a lieu": "takes place", "avoir": "have",
    # bodies and posts
    "l'uit": "ITU", "uit-t": "ITU-T", "uit-r": "ITU-R", "uit-d": "ITU-D", "uit": "ITU",
    "vice-secretaire general": "Deputy Secretary-General", "secretaire general": "Secretary-General",
    "bureau de developpement des telecommunications": "BDT", "bureau de la normalisation des telecommunications": "TSB",
    "bureau des radiocommunications": "BR", "directeur": "Director", "directeurs": "Directors",
    "secteur du developpement des telecommunications": "Telecommunication Development Sector",
    "secteur de la normalisation des telecommunications": "Telecommunication Standardization Sector",
    "secteur des radiocommunications": "Radiocommunication Sector", "secteur": "Sector", "secteurs": "Sectors",
    "commission d'etudes": "study group", "commissions d'etudes": "study groups", "groupe de travail": "working group",
    "groupe consultatif de la normalisation des telecommunications": "TSAG", "gcnt": "TSAG", "gcdt": "TDAG",
    "gcr": "RAG", "conseil": "Council", "conference de plenipotentiaires": "Plenipotentiary Conference",
    "assemblee mondiale de normalisation des telecommunications": "WTSA", "amnt": "WTSA",
    "conference mondiale de developpement des telecommunications": "WTDC", "cmdt": "WTDC",
    "conference mondiale des radiocommunications": "WRC", "cmr": "WRC", "assemblee des radiocommunications": "RA",
    "etats membres": "Member States", "etat membre": "Member State", "membres de secteur": "Sector Members",
    "associes": "Associates", "etablissements universitaires": "academia", "pays en developpement": "developing countries",
    "pays les moins avances": "least developed countries", "petits etats insulaires en developpement":
    "small island developing states", "pme": "SMEs",
    # instruments and their parts
    "resolution": "Resolution", "resolutions": "resolutions", "res.": "Resolution", "recommandation": "Recommendation",
    "recommandations": "Recommendations", "rec.": "Recommendation", "decision": "Decision", "decide": "resolves",
    "charge le": "instructs the", "charge la": "instructs the", "invite": "invites", "prie": "requests",
    "considerant": "considering", "reconnaissant": "recognizing", "notant": "noting", "rappelant": "recalling",
    # topics of the resolutions
    "telecommunications d'urgence": "emergency telecommunications", "communications d'urgence": "emergency communications",
    "cybersecurite": "cybersecurity", "securite": "security", "protection en ligne des enfants": "child online protection",
    "enfants": "children", "jeunes": "youth", "egalite hommes-femmes": "gender equality",
    "egalite des genres": "gender equality", "femmes": "women", "personnes handicapees": "persons with disabilities",
    "accessibilite": "accessibility", "changements climatiques": "climate change", "changement climatique": "climate change",
    "environnement": "environment", "fracture numerique": "digital divide", "normalisation": "standardization",
    "ecart en matiere de normalisation": "standardization gap", "radiocommunications": "radiocommunication",
    "gestion du spectre": "spectrum management", "spectre": "spectrum", "frequences": "frequencies",
    "orbite": "orbit", "satellites": "satellite", "brouillages prejudiciables": "harmful interference",
    "dispositifs contrefaits": "counterfeit devices", "contrefacon": "counterfeiting",
    "vol de dispositifs mobiles": "mobile device theft", "internet des objets": "Internet of Things",
    "intelligence artificielle": "artificial intelligence", "conformite et interoperabilite":
    "conformance and interoperability", "tarifs": "tariffs", "taxes": "charges", "numerotation": "numbering",
    "noms de domaine": "domain names", "gouvernance de l'internet": "Internet governance",
    "points d'echange internet": "Internet exchange points", "large bande": "broadband",
    "renforcement des capacites": "capacity building", "statistiques": "statistics", "indicateurs": "indicators",
    "cybersante": "e-health", "catastrophes": "disasters", "alerte precoce": "early warning",
    "champs electromagnetiques": "electromagnetic fields", "exposition humaine": "human exposure",
    "mandat": "term of office", "mandats": "terms of office", "president": "chairman", "presidents": "chairmen",
    "vice-president": "vice-chairman", "vice-presidents": "vice-chairmen", "rapport": "report", "rapports": "reports",
    "reunion": "meeting", "reunions": "meetings", "contribution": "contribution", "contributions": "contributions",
    "delai": "deadline", "budget": "budget", "coordination": "coordination", "cooperation": "cooperation",
    "questions d'interet mutuel": "matters of mutual interest", "interet mutuel": "mutual interest",
    "trois secteurs": "three Sectors", "approbation": "approval", "procedure": "procedure", "consultation":
    "consultation", "participation": "participation", "membres": "members", "examiner": "consider",
    "etudes": "studies", "langue": "language", "langues": "languages", "messages": "messages", "service": "service",
    "systeme": "system", "fonction": "function", "fonctions": "functions", "exigences": "requirements",
    "confirmation de securite": "safety confirmation", "messages radiodiffuses": "broadcast messages",
    "diffusion": "broadcast", "evenement": "event", "evenements": "events", "meme annee": "same year",
    "annee": "year", "ans": "years", "chaque annee": "annually", "maximum": "maximum", "pourcentage": "percentage",
    "candidats": "candidates", "candidates": "candidates",
    # the verbs and nouns that carry questions about mandates and procedures
    "mise en oeuvre": "implementation", "mise en œuvre": "implementation", "faire rapport": "report",
    "rendre compte": "report", "a quelle frequence": "how often", "frequence": "frequency", "se reunir": "meet",
    "se reunit": "meets", "reunir": "meet", "nomme": "appoints", "nommer": "appoint", "elit": "elects",
    "eviter": "avoid", "dupliquer": "duplicate", "double emploi": "duplication", "travail": "work",
    "travaux": "work", "autres": "other", "principe": "principle", "principe de base": "basic principle",
    "entre": "between", "sujets": "topics", "interet commun": "mutual interest", "tous": "all", "toutes": "all",
    "principales": "main", "principaux": "main", "tenir": "hold", "tenue": "holding", "organiser": "organize",
    "soumettre": "submit", "approuver": "approve", "adopter": "adopt", "creer": "establish", "objectif": "target",
    "recrutement": "recruitment", "etape suivante": "next stage", "role": "role", "responsabilites": "responsibilities",
    "mandat de": "mandate of", "termes de reference": "terms of reference", "composition": "composition",
    "presidence": "chairmanship", "duree": "duration", "nombre": "number", "jours": "days", "semaines": "weeks",
    "mois": "months", "avant": "before", "apres": "after", "pendant": "during", "a l'avance": "in advance", "conference": "conference", "conferences": "conferences",
    "assemblee": "assembly",
    "soumettre les contributions": "submit contributions",
    # verbs that say who does what
    "coordonne": "coordinates", "coordonnent": "coordinate", "publie": "publishes", "publient": "publish",
    "gere": "manages", "gerent": "manage", "promeut": "promotes", "organise": "organizes", "organisent": "organize",
    "soutient": "supports", "aide": "assists", "mesurer": "measure", "mesure": "measurement",
    "societe de l'information": "information society",
}
_ES = {
    "que sector": "which Sector", "cual sector": "which Sector", "que sectores": "which Sectors",
    "que oficina": "which Bureau", "quien": "who", "quienes": "who", "que": "what", "cual": "which",
    "cuales": "which", "cuantos": "how many", "cuantas": "how many", "cuanto": "how much", "cuando": "when",
    "donde": "where", "como maximo": "maximum", "como": "how", "por que": "why", "se ocupa de": "handles",
    "se ocupa del": "handles", "se ocupa de las": "handles", "se ocupa de los": "handles", "se encarga de": "handles",
    "se encarga del": "handles", "es responsable de": "is responsible for", "es responsable del": "is responsible for",
    "segun": "according to", "de acuerdo con": "according to", "conforme a": "according to", "debe": "must",
    "deben": "must", "puede": "can", "pueden": "can", "dice": "say", "dicen": "say", "ejercer": "serve",
    "acepto": "accepted", "aceptar": "accept", "hay que tener en cuenta": "to be taken into account",
    "se entiende por": "is meant by",
    # bodies and posts
    "uit-t": "ITU-T", "uit-r": "ITU-R", "uit-d": "ITU-D", "uit": "ITU", "vicesecretario general":
    "Deputy Secretary-General", "secretario general": "Secretary-General",
    "oficina de desarrollo de las telecomunicaciones": "BDT", "oficina de normalizacion de las telecomunicaciones": "TSB",
    "oficina de radiocomunicaciones": "BR", "director": "Director", "directora": "Director", "directores": "Directors",
    "sector de desarrollo de las telecomunicaciones": "Telecommunication Development Sector",
    "sector de normalizacion de las telecomunicaciones": "Telecommunication Standardization Sector",
    "sector de radiocomunicaciones": "Radiocommunication Sector", "sector": "Sector", "sectores": "Sectors",
    "comision de estudio": "study group", "comisiones de estudio": "study groups", "grupo de trabajo": "working group",
    "grupo asesor de normalizacion de las telecomunicaciones": "TSAG", "gant": "TSAG", "gadt": "TDAG", "gar": "RAG",
    "consejo": "Council", "conferencia de plenipotenciarios": "Plenipotentiary Conference",
    "asamblea mundial de normalizacion de las telecomunicaciones": "WTSA", "amnt": "WTSA",
    "conferencia mundial de desarrollo de las telecomunicaciones": "WTDC", "cmdt": "WTDC",
    "conferencia mundial de radiocomunicaciones": "WRC", "cmr": "WRC", "estados miembros": "Member States",
    "estado miembro": "Member State", "miembros de sector": "Sector Members", "asociados": "Associates",
    "instituciones academicas": "academia", "paises en desarrollo": "developing countries",
    "paises menos adelantados": "least developed countries", "pequenas y medianas empresas": "SMEs", "pyme": "SMEs",
    "pymes": "SMEs",
    # instruments and their parts
    "resolucion": "Resolution", "resoluciones": "resolutions", "res.": "Resolution", "recomendacion": "Recommendation",
    "recomendaciones": "Recommendations", "decision": "Decision", "resuelve": "resolves", "encarga al": "instructs the",
    "encarga a la": "instructs the", "invita": "invites", "considerando": "considering", "reconociendo": "recognizing",
    "observando": "noting", "recordando": "recalling",
    # topics of the resolutions
    "telecomunicaciones de emergencia": "emergency telecommunications", "comunicaciones de emergencia":
    "emergency communications", "ciberseguridad": "cybersecurity", "seguridad": "security",
    "proteccion de la infancia en linea": "child online protection", "ninos": "children", "jovenes": "youth",
    "igualdad de genero": "gender equality", "mujeres": "women", "personas con discapacidad": "persons with disabilities",
    "accesibilidad": "accessibility", "cambio climatico": "climate change", "medio ambiente": "environment",
    "brecha digital": "digital divide", "normalizacion": "standardization", "radiocomunicaciones": "radiocommunication",
    "gestion del espectro": "spectrum management", "espectro": "spectrum", "frecuencias": "frequencies",
    "orbita": "orbit", "satelites": "satellite", "interferencias perjudiciales": "harmful interference",
    "dispositivos falsificados": "counterfeit devices", "falsificacion": "counterfeiting",
    "robo de dispositivos moviles": "mobile device theft", "internet de las cosas": "Internet of Things",
    "inteligencia artificial": "artificial intelligence", "conformidad e interoperabilidad":
    "conformance and interoperability", "tarifas": "tariffs", "numeracion": "numbering",
    "nombres de dominio": "domain names", "gobernanza de internet": "Internet governance",
    "puntos de intercambio de internet": "Internet exchange points", "banda ancha": "broadband",
    "creacion de capacidades": "capacity building", "estadisticas": "statistics", "indicadores": "indicators",
    "catastrofes": "disasters", "desastres": "disasters", "alerta temprana": "early warning",
    "campos electromagneticos": "electromagnetic fields", "exposicion humana": "human exposure",
    "mandato": "term of office", "mandatos": "terms of office", "presidente": "chairman", "presidentes": "chairmen",
    "vicepresidente": "vice-chairman", "vicepresidentes": "vice-chairmen", "informe": "report", "informes": "reports",
    "reunion": "meeting", "reuniones": "meetings", "contribucion": "contribution", "contribuciones": "contributions",
    "plazo": "deadline", "presupuesto": "budget", "coordinacion": "coordination", "cooperacion": "cooperation",
    "aprobacion": "approval", "procedimiento": "procedure", "consulta": "consultation", "participacion": "participation",
    "miembros": "members", "maximo": "maximum", "porcentaje": "percentage", "candidatas": "candidates",
    "candidatos": "candidates", "autoridad supervisora": "Supervisory Authority", "protocolo espacial": "Space Protocol",
    "confirmacion de seguridad": "safety confirmation", "elementos": "elements", "alta fiabilidad": "high reliability",
    "fiabilidad": "reliability", "disponibilidad": "availability", "sistema": "system", "etapa": "stage",
    "siguiente": "next", "idioma": "language", "idiomas": "languages", "ano": "year", "anos": "years",
    "cada ano": "annually",
    "aplicacion": "implementation", "rendir informe": "report", "presentar un informe": "report",
    "con que frecuencia": "how often", "frecuencia": "frequency", "reunirse": "meet", "se reune": "meets",
    "nombra": "appoints", "nombrar": "appoint", "elige": "elects", "evitar": "avoid", "duplicacion": "duplication",
    "trabajo": "work", "trabajos": "work", "otros": "other", "otras": "other", "principio": "principle",
    "principio basico": "basic principle", "entre": "between", "temas": "topics", "interes comun": "mutual interest",
    "todos": "all", "todas": "all", "principales": "main", "celebrar": "hold", "organizar": "organize",
    "presentar": "submit", "aprobar": "approve", "adoptar": "adopt", "crear": "establish", "objetivo": "target",
    "contratacion": "recruitment", "pasan": "pass", "ser": "be", "funciones": "functions", "funcion": "function",
    "mandato de": "mandate of", "terminos de referencia": "terms of reference", "composicion": "composition",
    "duracion": "duration", "numero": "number", "dias": "days", "semanas": "weeks", "meses": "months",
    "antes": "before", "despues": "after", "durante": "during", "de antelacion": "in advance",
    "con antelacion": "in advance", "antelacion": "advance", "hay que": "must", "conferencia": "conference",
    "conferencias": "conferences", "asamblea": "assembly", "presentar las contribuciones": "submit contributions",
    # verbs that say who does what
    "coordina": "coordinates", "coordinan": "coordinate", "publica": "publishes", "publican": "publish",
    "gestiona": "manages", "gestionan": "manage", "promueve": "promotes", "organiza": "organizes",
    "organizan": "organize", "apoya": "supports", "ayuda": "assists", "medir": "measure", "medicion": "measurement",
    "sociedad de la informacion": "information society",
}
# Words that only tie the sentence together: dropped, and not counted as words to read.
_FUNCTION = {
    "fr": frozenset(["le", "la", "les", "l'", "de", "des", "du", "d'", "un", "une", "et", "ou", "a", "au", "aux", "en", "dans", "sur", "pour", "par", "avec", "ce", "cette", "ces", "cet", "se", "s'", "ne", "pas", "y", "est", "sont", "qu'", "il", "elle", "ils", "elles", "on", "son", "sa", "ses", "leur", "leurs", "doit-il", "lorsque", "si", "meme"]),
    "es": frozenset(["el", "la", "los", "las", "lo", "del", "de", "un", "una", "unos", "unas", "y", "o", "a", "al", "en", "con", "por", "para", "se", "su", "sus", "es", "son", "le", "les", "si", "mismo", "misma", "hay"]),
}
_TABLES = {"fr": _FR, "es": _ES}


def _fold(text: str) -> str:
    """Lower case, accents off, typographic apostrophes straight, one character for one, so positions in
    the folded text are positions in the question (how questions are typed varies; the glossary's keys
    are written folded)."""
    out = []
    for ch in text.replace("\u2019", "'").replace("\u2018", "'"):
        base = unaccented(ch).lower()
        out.append(base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else ch)
    return "".join(out)


def _pattern(table: dict[str, str]) -> re.Pattern[str]:
    keys = sorted(table, key=len, reverse=True)
    # "s'occupe d'" ends on an apostrophe; the others on a word boundary
    # after an elision too: "l'UIT-T" holds "UIT-T"
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) + ("" if k.endswith("'") else r"(?![\w-])")
                                                   for k in keys) + ")")


_PATTERNS = {lang: _pattern(t) for lang, t in _TABLES.items()}
_WORD_RE = re.compile(r"\w[\w'.]*(?:-\w[\w'.]*)*")  # "E.119" is one word


def to_english(text: str, language: str) -> tuple[str, float]:
    """The question in English words where the glossary knows them, and the share of its words it read
    (function words, numbers and references aside). What it does not know stays as typed, punctuation
    included: names, numbers, references ("Résolution 11 (Dubaï, 2018)" keeps its revision)."""
    table, pattern = _TABLES.get(language), _PATTERNS.get(language)
    if table is None or pattern is None:
        return text, 0.0
    folded = _fold(text)
    pieces: list[str] = []
    counts = [0, 0]  # words read, words to read

    def rest(start: int, end: int) -> None:
        pos = start
        for m in _WORD_RE.finditer(folded, start, end):
            pieces.append(text[pos:m.start()])
            word = m.group(0)
            elided = re.match(r"^(?:l|d|s|qu|n)'", word)
            if word in _FUNCTION[language]:
                pass
            elif elided and word[elided.end():] in _FUNCTION[language]:
                pass  # "qu'une"
            elif elided and word[elided.end():]:
                pieces.append(unaccented(text[m.start() + elided.end():m.end()]))  # "l'ISCG" is "ISCG"
                counts[1] += not any(ch.isdigit() for ch in word)
            else:
                # English texts write the names without accents ("Dubái" is Dubai)
                pieces.append(unaccented(text[m.start():m.end()]))
                counts[1] += not any(ch.isdigit() for ch in word)  # "208", "E.119": the same in any language
            pos = m.end()
        pieces.append(text[pos:end])

    pos = 0
    for m in pattern.finditer(folded):
        rest(pos, m.start())
        pieces.append(f" {table[m.group(0)]} " if table[m.group(0)] else " ")
        counts[0] += 1
        counts[1] += 1
        pos = m.end()
    rest(pos, len(text))
    english = re.sub(r"\s+([?,.;:)])", r"\1", " ".join(re.sub(r"[¿¡]", " ", "".join(pieces)).split()))
    english = re.sub(r"\(\s+", "(", english).strip()
    return english, (counts[0] / counts[1] if counts[1] else 0.0)
