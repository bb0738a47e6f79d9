"""One reader per file format: bytes in, SourceText out. Each raises DocumentError naming the file."""
