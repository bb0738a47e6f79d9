"""Stage 2, clauses → index: embedders and their offline provisioning, the vector store (Chroma),
BM25, the in-memory catalog, and ingestion that writes documents atomically."""
