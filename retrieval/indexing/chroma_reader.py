"""Reading an embedded Chroma store without importing the chromadb package.

`import chromadb` costs 0.4-0.7 s on this project's 2-core machine (its client imports OpenTelemetry, gRPC,
httpx, jsonschema and every embedding function it ships), a third of a one-shot `sectorbot ask` at 100k
clauses. The store itself is Chroma's Rust engine, the `chromadb_rust_bindings` extension, which imports in
0.02 s. A process that only reads calls that engine exactly as chromadb's client does (chromadb/api/rust.py
and api/models/CollectionCommon.py of the pinned 1.5.9: the same calls, arguments and conversions), so it
reads the same records and finds the same neighbours; tests/test_chroma_reader.py holds the two to that.

Only reads, and only of a store that exists: the migrations are validated, never applied, and a missing
collection raises. Writing, creating a store and a Chroma server go through chromadb (store.ClauseIndex),
which keeps its validation and its error messages for everything else."""

from __future__ import annotations

import json
import resource
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy with the vectors only: reading the registry for `cite` needs none
    import numpy as np

TENANT = "default_tenant"  # chromadb.config.DEFAULT_TENANT / DEFAULT_DATABASE: what PersistentClient opens
DATABASE = "default_database"


class ReaderCollection:
    """The read half of a chromadb Collection: `count`, `get`, `query` and `metadata`, with the same results."""

    def __init__(self, bindings: Any, model: Any) -> None:
        self._bindings = bindings
        self.id = str(model.id)
        self.name: str = model.name
        self.metadata: dict[str, Any] | None = model.metadata

    def count(self) -> int:
        return int(self._bindings.count(self.id, TENANT, DATABASE))

    def get(self, ids: Sequence[str] | None = None, where: dict[str, Any] | None = None, limit: int | None = None,
            offset: int | None = None, include: Sequence[str] = ("metadatas", "documents")) -> dict[str, Any]:
        got = self._bindings.get(self.id, list(ids) if ids is not None else None, json.dumps(where) if where else None,
                                 limit, offset or 0, None, list(include), TENANT, DATABASE)
        if "embeddings" not in include:
            return {"ids": got.ids, "documents": got.documents, "metadatas": got.metadatas, "embeddings": got.embeddings}
        import numpy as np

        return {"ids": got.ids, "documents": got.documents, "metadatas": got.metadatas,
                # chromadb hands embeddings over as one array (CollectionCommon._transform_get_response).
                "embeddings": np.array(got.embeddings)}

    def query(self, query_embeddings: Sequence[Sequence[float]] | np.ndarray, n_results: int,
              where: dict[str, Any] | None = None, include: Sequence[str] = ("metadatas", "documents", "distances"),
              ) -> dict[str, Any]:
        import numpy as np

        # As chromadb's normalize_embeddings: each query a float32 row.
        rows = [np.asarray(q, dtype=np.float32) for q in query_embeddings]
        got = self._bindings.query(self.id, None, rows, n_results, json.dumps(where) if where else None, None,
                                   list(include), TENANT, DATABASE)
        return {"ids": got.ids, "distances": got.distances, "documents": got.documents, "metadatas": got.metadatas,
                "embeddings": [np.array(e) for e in got.embeddings] if "embeddings" in include else got.embeddings}


class Reader:
    """One store opened for reading; raises (as chromadb would) if it cannot be."""

    def __init__(self, path: Path) -> None:
        import chromadb_rust_bindings as rust

        sqlite = path / "chroma.sqlite3"
        if not sqlite.is_file():
            raise FileNotFoundError(sqlite)
        config = rust.SqliteDBConfig(hash_type=rust.MigrationHash.MD5, migration_mode=rust.MigrationMode.Validate,
                                     url=str(sqlite))
        # chromadb's RustBindingsAPI sizes the HNSW cache from the open-file limit the same way (5 files an index).
        self._bindings: Any = rust.Bindings(allow_reset=False, sqlite_db_config=config, persist_path=str(path),
                                            hnsw_cache_size=resource.getrlimit(resource.RLIMIT_NOFILE)[0] // 5)

    def collection(self, name: str) -> ReaderCollection:
        return ReaderCollection(self._bindings, self._bindings.get_collection(name, TENANT, DATABASE))
