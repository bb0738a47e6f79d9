"""One module per document kind. Each offers detect(ctx) and parse(ctx, source); the order in which
`retrieval.parsing.structure.KINDS` tries them decides which kind a document is."""
