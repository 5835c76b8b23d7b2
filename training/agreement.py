"""Agreement between the corpus's first labels and a second, independent
labeller on random 10% samples of the corpus (round 1: writers w1-w6, seed
20261201; round 2: writers w7-w12, seed 20261202): the figures in
training/README.md. Run: python3 training/agreement.py"""
import collections
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BOOK_OF = {'objections': 'buying_concerns', 'prospect_questions': 'buying_concerns',
           'differentiators': 'differentiators', 'competitor_strengths': 'differentiators',
           'our_strengths': 'differentiators', 'buyer_pains': 'pains', 'influencer_pains': 'pains',
           'success_factors': 'success_factors', 'website_changes': 'website', 'website_feedback': 'website'}
KINDS = ['themes', 'personas', 'items', 'tone']


def rd(p):
    return [json.loads(line) for line in open(p, encoding='utf-8') if line.strip()]


def norm_item(s):
    s = s.strip().rstrip('.;,').strip()
    return s[4:].lower() if s.lower().startswith('and ') else s.lower()


def pairs(rounds):
    out = {k: [] for k in KINDS}
    for r in rounds:
        for k in KINDS:
            first = {d['id']: d for d in rd(f'{HERE}/labelling/{r}/first_{k}.jsonl')}
            second = {d['id']: d for d in rd(f'{HERE}/labelling/{r}/second_{k}.jsonl')}
            out[k] += [(a, second[i]) for i, a in first.items()]
    return out


def report(name, p):
    print(f'== {name}')
    byb = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    for a, b in p['themes']:
        g, q = set(a['themes']) or {'other'}, set(b['themes']) or {'other'}
        c = byb[BOOK_OF[a['question']]]
        c[0] += len(g & q); c[1] += len(q - g); c[2] += len(g - q); c[3] += 1; c[4] += g == q
    tot = [0, 0, 0, 0, 0]
    for bk, c in sorted(byb.items()):
        print(f'themes {bk:16} n={c[3]:4} F1={2*c[0]/(2*c[0]+c[1]+c[2]):.3f} exact={c[4]/c[3]:.3f}')
        tot = [x + y for x, y in zip(tot, c)]
    print(f'themes all n={tot[3]} micro-F1={2*tot[0]/(2*tot[0]+tot[1]+tot[2]):.3f} exact={tot[4]/tot[3]:.3f}')
    ps = lambda x: sorted((v['function'], v['seniority']) for v in x['personas'])
    pe = [ps(a) == ps(b) for a, b in p['personas']]
    print(f'personas exact {sum(pe)}/{len(pe)} = {sum(pe)/len(pe):.3f}')
    it = [[norm_item(s) for s in a['items']] == [norm_item(s) for s in b['items']] for a, b in p['items']]
    print(f'items exact (trailing punctuation, leading "and" ignored) {sum(it)}/{len(it)} = {sum(it)/len(it):.3f}')
    to = [(a['tone'], b['tone']) for a, b in p['tone']]
    acc = sum(x == y for x, y in to) / len(to)
    pa, pb = collections.Counter(x for x, _ in to), collections.Counter(y for _, y in to)
    chance = sum(pa[k] * pb[k] for k in pa) / len(to) ** 2
    print(f'tone accuracy {acc:.3f} kappa {(acc-chance)/(1-chance):.3f}')


if __name__ == '__main__':
    report('round 1 (w1-w6)', pairs(['round1']))
    report('round 2 (w7-w12)', pairs(['round2']))
    report('both rounds', pairs(['round1', 'round2']))
