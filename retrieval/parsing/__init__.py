"""Stage 1, files → clauses: format readers (formats/), document kinds (kinds/), the grammar of ITU
texts, references and Sectors named in text. Pure but for `extract` (file I/O)."""
