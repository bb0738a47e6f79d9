"""sectorbot's engine: files → parsed documents → clauses → index → search → cited answers."""
