"""Step 1 of training: static word vectors distilled from the teacher.

Every word of the vocabulary (SCOWL's common English words up to size 50,
American and British spellings; the teacher's own WordPiece vocabulary, so
that any unknown word can be spelled from pieces; and the words of the
training corpus) is run through the teacher alone, as a one-word sentence,
and its mean-pooled embedding kept (the Model2Vec recipe). The vectors are
then reduced with PCA and written to a cache for `build_vectors.py`.

Deterministic: no sampling anywhere; PCA by SVD. Run from the repository:
    python training/distill.py --out /tmp/frontline-train/teacher_vocab.npz
"""

import argparse
import glob
import json
import os
import re
import sys
import unicodedata

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from teacher import Teacher  # noqa: E402

SCOWL = "/usr/share/dict/scowl"
LEVELS = (10, 20, 35, 40, 50)
VARIANTS = ("english", "american", "british", "canadian")


def fold_word(w):
    """The key a word is stored under: lower case, accents folded,
    apostrophes dropped; the same folding as src/normalize/fold.rs."""
    w = w.lower().replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    w = unicodedata.normalize("NFKD", w)
    w = "".join(c for c in w if not unicodedata.combining(c))
    return re.sub(r"['’‘`]", "", w)


def scowl_words():
    out = set()
    for v in VARIANTS:
        for lv in LEVELS:
            p = os.path.join(SCOWL, f"{v}-words.{lv}")
            if not os.path.exists(p):
                continue
            for line in open(p, encoding="utf-8"):
                w = line.strip()
                if not w or w.endswith("'s"):
                    continue
                out.add(w.lower())
    return out


def corpus_words(root):
    words = set()
    for path in glob.glob(os.path.join(root, "**", "*.jsonl"), recursive=True):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            try:
                text = json.loads(line).get("text", "")
            except json.JSONDecodeError:
                continue
            for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text.lower()):
                if len(w) > 1 and not w.isdigit():
                    words.add(w)
    return words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "corpus"))
    ap.add_argument("--reuse", help="an earlier output: its vectors are kept for the keys it has, only new keys are embedded")
    args = ap.parse_args()
    t = Teacher()
    # Keys -> the text the teacher reads for it (first spelling wins, sorted).
    entries = {}
    for w in sorted(scowl_words() | corpus_words(args.corpus)):
        k = fold_word(w)
        if k and k not in entries:
            entries[k] = ("text", w)
    for tok, idx in sorted(t.vocab.items(), key=lambda kv: kv[1]):
        if tok.startswith("[") and tok.endswith("]"):
            continue
        if tok.startswith("##"):
            entries[tok] = ("id", idx)
        else:
            k = fold_word(tok)
            if k and k not in entries:
                entries[k] = ("id", idx)
    keys = sorted(entries)
    cls, sep = t.vocab["[CLS]"], t.vocab["[SEP]"]
    ids = []
    for k in keys:
        kind, v = entries[k]
        ids.append([cls, v, sep] if kind == "id" else t.ids(v))
    old = {}
    if args.reuse:
        d = np.load(args.reuse)
        old = {k: i for i, k in enumerate(d["keys"].tolist())}
        old_vecs = d["vecs"]
    todo = [i for i, k in enumerate(keys) if k not in old]
    print(f"{len(keys)} words, {len(todo)} to embed; embedding...", file=sys.stderr)
    new = t.embed_ids([ids[i] for i in todo], batch=512).astype(np.float32) if todo else None
    vecs = np.zeros((len(keys), 384), np.float32)
    for i, k in enumerate(keys):
        if k in old:
            vecs[i] = old_vecs[old[k]]
    for j, i in enumerate(todo):
        vecs[i] = new[j]
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    np.savez(args.out, keys=np.array(keys), vecs=vecs)
    print(f"wrote {args.out}: {vecs.shape}", file=sys.stderr)


if __name__ == "__main__":
    main()
