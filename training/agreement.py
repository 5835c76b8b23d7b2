import json, collections
"""Agreement between the corpus's first labels and a second, independent
labeller on a random 10% (seed 20261201) of the corpus: the figures in
training/README.md. Run: python3 training/agreement.py"""
import os
HERE = os.path.dirname(os.path.abspath(__file__))
BOOK_OF = {'objections':'buying_concerns','prospect_questions':'buying_concerns',
 'differentiators':'differentiators','competitor_strengths':'differentiators','our_strengths':'differentiators',
 'buyer_pains':'pains','influencer_pains':'pains','success_factors':'success_factors',
 'website_changes':'website','website_feedback':'website'}
def rd(p): return [json.loads(l) for l in open(p) if l.strip()]
def norm_item(s):
    s=s.strip().rstrip('.;,').strip()
    if s.lower().startswith('and '): s=s[4:]
    return s.lower()
out={}
key={k:{d['id']:d for d in rd(HERE + f'/labelling/first_{k}.jsonl')} for k in ['themes','personas','items','tone']}
new={k:{d['id']:d for d in rd(HERE + f'/labelling/second_{k}.jsonl')} for k in ['themes','personas','items','tone']}
# themes
byb=collections.defaultdict(lambda:[0,0,0]); exact=collections.Counter(); n=collections.Counter()
for i,a in key['themes'].items():
    b=new['themes'][i]; bk=BOOK_OF[a['question']]
    g=set(a['themes']) or {'other'}; p=set(b['themes']) or {'other'}
    byb[bk][0]+=len(g&p); byb[bk][1]+=len(p-g); byb[bk][2]+=len(g-p); n[bk]+=1; exact[bk]+= g==p
T=[0,0,0]
for bk,(tp,fp,fn) in sorted(byb.items()):
    print(f'themes {bk:16} n={n[bk]:3} F1={2*tp/(2*tp+fp+fn):.3f} exact={exact[bk]/n[bk]:.3f}')
    T=[x+y for x,y in zip(T,(tp,fp,fn))]
print(f'themes all n={sum(n.values())} micro-F1={2*T[0]/(2*T[0]+T[1]+T[2]):.3f} exact={sum(exact.values())/sum(n.values()):.3f}')
# personas
def pset(x): return sorted((p['function'],p['seniority']) for p in x['personas'])
pe=[pset(a)==pset(new['personas'][i]) for i,a in key['personas'].items()]
print(f'personas exact {sum(pe)}/{len(pe)} = {sum(pe)/len(pe):.3f}')
it=[[norm_item(s) for s in a['items']]==[norm_item(s) for s in new['items'][i]['items']] for i,a in key['items'].items()]
print(f'items exact (trailing punctuation, leading "and" ignored) {sum(it)}/{len(it)} = {sum(it)/len(it):.3f}')
to=[(a['tone'],new['tone'][i]['tone']) for i,a in key['tone'].items()]
acc=sum(x==y for x,y in to)/len(to)
labs=['positive','negative','mixed','neutral']
pa=collections.Counter(x for x,_ in to); pb=collections.Counter(y for _,y in to)
pe_=sum(pa[l]*pb[l] for l in labs)/len(to)**2
print(f'tone accuracy {acc:.3f} kappa {(acc-pe_)/(1-pe_):.3f}')
