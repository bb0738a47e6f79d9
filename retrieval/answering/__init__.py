"""Stage 3, question → answer: the question read once (query), hybrid search and fusion, reference
lookup (cite), answer composition per intent, the optional LLM, and citation verification."""
