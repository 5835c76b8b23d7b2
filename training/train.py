"""Step 3 of training: the learned coder (`data/model/coder.safetensors`).

Reads the corpus as `examples/training_dump.rs` writes it (the library's
own folded words, rule hits, rule-based tone, name-like flag), trains one
network for every codebook and the tone together, chooses each codebook's
decision thresholds on cross-validation folds that hold out whole writers,
trains the final network on everything, and writes:

- `data/model/coder.safetensors`: n-gram embeddings (int8, one scale per
  row), one linear head per codebook and the tone head, and a JSON
  metadata block (labels, questions, thresholds, hashing sizes);
- `data/model/examples.jsonl`: every training theme item's text and
  labels, for `normalize --explain`'s nearest example;
- `tests/data/model_parity.jsonl`: scores of sample items as computed here
  from the exported (quantised) tables, which `tests/model_parity.rs` asks
  the Rust code to reproduce;
- `training/report.json`: the cross-validation scores.

Seeded and single-threaded: the same inputs give the same bytes.
Usage (see training/README.md): python training/train.py --dump dump.jsonl
"""

import argparse
import json
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn
from safetensors.numpy import save_file

sys.path.insert(0, os.path.dirname(__file__))
from build_vectors import dequantised, fnv64, quantise  # noqa: E402

BOOK_OF = {
    "objections": "buying_concerns", "prospect_questions": "buying_concerns",
    "differentiators": "differentiators", "competitor_strengths": "differentiators",
    "our_strengths": "differentiators", "buyer_pains": "pains", "influencer_pains": "pains",
    "success_factors": "success_factors", "website_changes": "website", "website_feedback": "website",
}
TONES = ["positive", "negative", "mixed", "neutral"]


def bucket(text, n):
    return 1 + fnv64(text.encode()) % (n - 1)


class Featurizer:
    """The features of src/normalize/model/features.rs, from dumped words."""

    def __init__(self, keys, nb, nc):
        self.idx = {k: i for i, k in enumerate(keys)}
        self.nb, self.nc = nb, nc

    def pieces(self, w):
        if not w or len(w) > 100:
            return []
        out, start = [], 0
        while start < len(w):
            end, found = len(w), None
            while end > start:
                key = ("##" if start > 0 else "") + w[start:end]
                if key in self.idx:
                    found = self.idx[key]
                    break
                end -= 1
            if found is None:
                return []
            out.append(found)
            start = end
        return out

    def rows(self, words):
        out = []
        for w in words:
            i = self.idx.get(w)
            out += [i] if i is not None else self.pieces(w)
        return out

    def bigrams(self, words):
        return [bucket(a + " " + b, self.nb) for a, b in zip(words, words[1:])]

    def chars(self, words):
        out = []
        for w in words:
            m = "<" + w + ">"
            for n in (3, 4, 5):
                out += [bucket(m[i:i + n], self.nc) for i in range(len(m) - n + 1)]
        return out

    def __call__(self, d):
        w = d["words"]
        return self.rows(w), self.bigrams(w), self.chars(w)


def bag(emb, lists, drop=0.0):
    flat, off, cnt = [], [], []
    for li in lists:
        if drop and len(li) > 1:
            li = [x for x in li if random.random() > drop] or li[:1]
        off.append(len(flat))
        flat += li
        cnt.append(max(1, len(li)))
    s = emb(torch.tensor(flat, dtype=torch.long), torch.tensor(off, dtype=torch.long))
    return s / torch.tensor(cnt, dtype=torch.float32)[:, None]


class Net(nn.Module):
    def __init__(self, vecs, heads, cfg):
        super().__init__()
        self.cfg = cfg
        self.words = nn.EmbeddingBag.from_pretrained(torch.tensor(vecs), mode="sum", freeze=True)
        nd = cfg["ngram_dim"]
        self.bigram = nn.EmbeddingBag(cfg["bigram_buckets"], nd, mode="sum", sparse=True)
        self.char = nn.EmbeddingBag(cfg["char_buckets"], nd, mode="sum", sparse=True)
        for e in (self.bigram, self.char):
            e.weight.data.zero_()
        d = vecs.shape[1]
        self.heads = nn.ModuleDict(
            {b: nn.Linear(d + len(h["labels"]) + len(h["questions"]) + 1, len(h["labels"])) for b, h in heads.items()}
        )
        self.tone = nn.Linear(d + len(TONES), len(TONES))

    def encode(self, feats, train):
        drop = self.cfg["word_dropout"] if train else 0.0
        w = bag(self.words, [f[0] for f in feats], drop) * self.cfg["word_weight"]
        n = bag(self.bigram, [f[1] for f in feats]) + bag(self.char, [f[2] for f in feats])
        return w + n


def head_extra(d, h):
    rules = set(d["rules"])
    return [float(l in rules) for l in h["labels"]] + [float(d["question"] == q) for q in h["questions"]] + [float(d["name_like"])]


def tone_extra(d):
    return [float(d["tone_rule"] == t) for t in TONES]


def train(items, tones, feats, vecs, heads, cfg, seed):
    torch.manual_seed(seed)
    random.seed(seed)
    net = Net(vecs, heads, cfg)
    opt_sparse = torch.optim.SparseAdam(list(net.bigram.parameters()) + list(net.char.parameters()), lr=cfg["lr"])
    opt_dense = torch.optim.Adam(list(net.heads.parameters()) + list(net.tone.parameters()), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    jobs = [("t", i) for i in items] + [("o", i) for i in tones]
    for _ in range(cfg["epochs"]):
        random.shuffle(jobs)
        for s in range(0, len(jobs), 32):
            batch = jobs[s:s + 32]
            loss = torch.zeros(())
            for b, h in heads.items():
                idx = [i for k, i in batch if k == "t" and BOOK_OF[ALL[i]["question"]] == b]
                if not idx:
                    continue
                x = net.encode([feats[i] for i in idx], True)
                ex = torch.tensor([head_extra(ALL[i], h) for i in idx])
                y = torch.tensor([[float(l in ALL[i]["themes"]) for l in h["labels"]] for i in idx])
                logit = net.heads[b](torch.cat([x, ex], 1))
                loss = loss + nn.functional.binary_cross_entropy_with_logits(logit, y, reduction="sum")
            idx = [i for k, i in batch if k == "o"]
            if idx:
                x = net.encode([feats[i] for i in idx], True)
                ex = torch.tensor([tone_extra(ALL[i]) for i in idx])
                y = torch.tensor([TONES.index(ALL[i]["tone"]) for i in idx])
                loss = loss + nn.functional.cross_entropy(net.tone(torch.cat([x, ex], 1)), y, reduction="sum")
            opt_sparse.zero_grad()
            opt_dense.zero_grad()
            (loss / len(batch)).backward()
            opt_sparse.step()
            opt_dense.step()
    return net


def predict(net, idx, feats, heads):
    out = {}
    with torch.no_grad():
        for b, h in heads.items():
            ii = [i for i in idx if ALL[i]["kind"] == "themes" and BOOK_OF[ALL[i]["question"]] == b]
            if ii:
                x = net.encode([feats[i] for i in ii], False)
                ex = torch.tensor([head_extra(ALL[i], h) for i in ii])
                p = torch.sigmoid(net.heads[b](torch.cat([x, ex], 1))).numpy()
                out.update({i: p[k] for k, i in enumerate(ii)})
        ii = [i for i in idx if ALL[i]["kind"] == "tone"]
        if ii:
            x = net.encode([feats[i] for i in ii], False)
            ex = torch.tensor([tone_extra(ALL[i]) for i in ii])
            p = torch.softmax(net.tone(torch.cat([x, ex], 1)), 1).numpy()
            out.update({i: p[k] for k, i in enumerate(ii)})
    return out


def decide(p, labels, rules, dec):
    got = []
    for j, l in enumerate(labels):
        if p[j] >= (dec["keep"] if l in rules else dec["add"]):
            got.append(l)
    if not got and p.max() >= dec["fallback"]:
        got = [labels[int(p.argmax())]]
    return got


def micro_f1(golds, preds):
    tp = fp = fn = 0
    for g, q in zip(golds, preds):
        g, q = set(g) or {"other"}, set(q) or {"other"}
        tp += len(g & q)
        fp += len(q - g)
        fn += len(g - q)
    return 2 * tp / max(1, 2 * tp + fp + fn)


def choose_decision(idx, preds, labels):
    golds = [ALL[i]["themes"] for i in idx]
    best = None
    grid = [round(x, 2) for x in np.arange(0.05, 0.91, 0.05)]
    for keep in grid:
        for add in grid:
            for fb in (0.0, 0.05, 0.1, 0.2, 0.3, 1.01):
                dec = {"keep": keep, "add": add, "fallback": fb}
                f = micro_f1(golds, [decide(preds[i], labels, set(ALL[i]["rules"]), dec) for i in idx])
                if best is None or f > best[0] + 1e-12:
                    best = (f, dec)
    return best


def prototype_threshold(heads, feats, encode_np, seed):
    """The cosine to a theme's prototype at which an item takes the theme.

    A user theme added in the config with `examples` (and no rules the
    model was trained on) is found by prototype: the mean of its examples'
    encodings. Simulated here on the corpus: each theme in turn plays the
    new theme, five of its items are the examples, and every other item of
    its codebook is scored; the threshold with the best F1 over all themes
    pooled wins. (The encoder has seen these themes in training, so this
    is optimistic for a truly new theme.)
    """
    rng = random.Random(seed)
    sims, gold = [], []
    for b, h in heads.items():
        idx = [i for i, d in enumerate(ALL) if d["kind"] == "themes" and BOOK_OF[d["question"]] == b]
        enc = np.stack([encode_np(feats[i]) for i in idx]).astype(np.float64)
        enc /= np.linalg.norm(enc, axis=1, keepdims=True).clip(1e-9)
        for label in h["labels"]:
            pos = [k for k, i in enumerate(idx) if label in ALL[i]["themes"]]
            if len(pos) < 10:
                continue
            ex = rng.sample(pos, 5)
            proto = enc[ex].sum(0)
            proto /= max(np.linalg.norm(proto), 1e-9)
            rest = [k for k in range(len(idx)) if k not in ex]
            sims.extend((enc[rest] @ proto).tolist())
            gold.extend(label in ALL[idx[k]]["themes"] for k in rest)
    sims, gold = np.array(sims), np.array(gold)
    best = (0.0, 1.0)
    for t in np.arange(0.30, 0.96, 0.01):
        pred = sims >= t
        tp = float((pred & gold).sum())
        f = 2 * tp / max(1.0, pred.sum() + gold.sum())
        if f > best[0] + 1e-12:
            best = (f, round(float(t), 2))
    print(f"prototype threshold {best[1]} (pooled F1 {best[0]:.3f})", file=sys.stderr)
    return best[1]


ALL = []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", required=True)
    ap.add_argument("--vectors", default="data/model/vectors.safetensors")
    ap.add_argument("--out", default="data/model")
    ap.add_argument("--parity", default="tests/data/model_parity.jsonl")
    ap.add_argument("--report", default="training/report.json")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--bigram-bits", type=int, default=14)
    ap.add_argument("--char-bits", type=int, default=16)
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--save-cv", help="write the cross-validation probabilities here (npz) for studying decision rules")
    args = ap.parse_args()
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    cfg = {"word_weight": 3.0, "bigram_buckets": 1 << args.bigram_bits, "char_buckets": 1 << args.char_bits,
           "epochs": args.epochs, "lr": 3e-3, "weight_decay": 1e-5, "word_dropout": 0.1}
    ALL.extend(json.loads(line) for line in open(args.dump, encoding="utf-8") if line.strip())
    keys, vecs, _ = dequantised(args.vectors)
    cfg["ngram_dim"] = vecs.shape[1]
    fz = Featurizer(keys, cfg["bigram_buckets"], cfg["char_buckets"])
    feats = [fz(d) for d in ALL]
    heads = {}
    for b in sorted(set(BOOK_OF.values())):
        qs = sorted(q for q, bk in BOOK_OF.items() if bk == b)
        labels = sorted({t for d in ALL if d["kind"] == "themes" and BOOK_OF[d["question"]] == b for t in d["themes"]})
        heads[b] = {"labels": labels, "questions": qs}
    writers = sorted({d["writer"] for d in ALL}, key=lambda w: int(w.split("_")[0][1:]))
    fold_of = {w: k % args.folds for k, w in enumerate(writers)}
    preds = {}
    for k in range(args.folds):
        tr = [i for i, d in enumerate(ALL) if fold_of[d["writer"]] != k]
        te = [i for i, d in enumerate(ALL) if fold_of[d["writer"]] == k]
        net = train([i for i in tr if ALL[i]["kind"] == "themes"], [i for i in tr if ALL[i]["kind"] == "tone"],
                    feats, vecs, heads, cfg, args.seed + k)
        preds.update(predict(net, te, feats, heads))
        print(f"fold {k} done", file=sys.stderr, flush=True)
    if args.save_cv:
        np.savez(args.save_cv, idx=np.array(sorted(preds)), **{str(i): preds[i] for i in sorted(preds)})
    report = {"folds": {w: fold_of[w] for w in writers}, "config": cfg, "codebooks": {}}
    for b, h in heads.items():
        idx = [i for i, d in enumerate(ALL) if d["kind"] == "themes" and BOOK_OF[d["question"]] == b]
        f, dec = choose_decision(idx, preds, h["labels"])
        rules_f = micro_f1([ALL[i]["themes"] for i in idx], [ALL[i]["rules"] for i in idx])
        h["decision"] = dec
        report["codebooks"][b] = {"items": len(idx), "rules_f1": round(rules_f, 4), "coder_f1": round(f, 4), "decision": dec}
        print(f"{b:16} items={len(idx)} rules={rules_f:.3f} coder={f:.3f} {dec}", file=sys.stderr)
    tidx = [i for i, d in enumerate(ALL) if d["kind"] == "tone"]
    acc = np.mean([TONES[int(preds[i].argmax())] == ALL[i]["tone"] for i in tidx])
    racc = np.mean([ALL[i]["tone_rule"] == ALL[i]["tone"] for i in tidx])
    report["tone"] = {"items": len(tidx), "rules_accuracy": round(float(racc), 4), "coder_accuracy": round(float(acc), 4)}
    print(f"tone items={len(tidx)} rules={racc:.3f} coder={acc:.3f}", file=sys.stderr)
    with open(args.report, "w") as f:
        json.dump(report, f, indent=1, sort_keys=True)
        f.write("\n")
    if args.cv_only:
        return
    net = train([i for i, d in enumerate(ALL) if d["kind"] == "themes"], [i for i, d in enumerate(ALL) if d["kind"] == "tone"],
                feats, vecs, heads, cfg, args.seed)
    export(net, heads, cfg, vecs, feats, args)


def export(net, heads, cfg, vecs, feats, args):
    tensors = {}
    tables = {}
    for name, emb in (("bigram", net.bigram), ("char", net.char)):
        q, s = quantise(emb.weight.detach().numpy().astype(np.float64))
        q[0] = 0
        tensors[name], tensors[name + ".scale"] = q, s
        tables[name] = q.astype(np.float32) * s[:, None]
    for b in heads:
        tensors[b + ".w"] = net.heads[b].weight.detach().numpy().astype(np.float32)
        tensors[b + ".b"] = net.heads[b].bias.detach().numpy().astype(np.float32)
    tensors["tone.w"] = net.tone.weight.detach().numpy().astype(np.float32)
    tensors["tone.b"] = net.tone.bias.detach().numpy().astype(np.float32)

    def encode_np(f):
        w = vecs[f[0]].mean(0) * cfg["word_weight"] if f[0] else np.zeros(vecs.shape[1], np.float32)
        for name, ids in (("bigram", f[1]), ("char", f[2])):
            if ids:
                w = w + tables[name][ids].mean(0)
        return w.astype(np.float32)

    threshold = prototype_threshold(heads, feats, encode_np, args.seed)
    meta = {"word_weight": cfg["word_weight"], "bigram_buckets": cfg["bigram_buckets"], "char_buckets": cfg["char_buckets"],
            "ngram_dim": cfg["ngram_dim"], "heads": heads, "tone_labels": TONES, "tone_rules": TONES,
            "prototype_threshold": threshold}
    save_file(tensors, os.path.join(args.out, "coder.safetensors"), metadata={"frontline": json.dumps(meta, sort_keys=True)})

    # Parity fixture: every 40th themes line and every 20th tone line.
    with open(args.parity, "w", encoding="utf-8") as out:
        for i, d in enumerate(ALL):
            if d["kind"] == "themes" and i % 40 == 0:
                h = heads[BOOK_OF[d["question"]]]
                x = np.concatenate([encode_np(feats[i]), np.array(head_extra(d, h), np.float32)])
                p = 1 / (1 + np.exp(-(tensors[BOOK_OF[d["question"]] + ".w"] @ x + tensors[BOOK_OF[d["question"]] + ".b"])))
                out.write(json.dumps({"question": d["question"], "text": d["text"], "scores": dict(zip(h["labels"], map(float, p)))}, ensure_ascii=False) + "\n")
            elif d["kind"] == "tone" and i % 20 == 0:
                x = np.concatenate([encode_np(feats[i]), np.array(tone_extra(d), np.float32)])
                z = tensors["tone.w"] @ x + tensors["tone.b"]
                p = np.exp(z - z.max())
                p /= p.sum()
                out.write(json.dumps({"question": "website_feedback", "text": d["text"], "tone": dict(zip(TONES, map(float, p)))}, ensure_ascii=False) + "\n")
    # Nearest examples for --explain: the theme items' texts and labels
    # (the Rust side encodes them when first asked).
    with open(os.path.join(args.out, "examples.jsonl"), "w", encoding="utf-8") as out:
        for d in ALL:
            if d["kind"] == "themes":
                out.write(json.dumps({"question": d["question"], "text": d["text"], "themes": d["themes"]}, ensure_ascii=False) + "\n")
    print("exported", file=sys.stderr)


if __name__ == "__main__":
    main()
