"""Review aid for issue 9 (not project code): a sketch of a suppression POLICY whose decisions depend only on the
number and position of small counts, checked against the same algorithm-aware reader as issue9-review-k-oracle.py.
P(counts, k) returns the shown line ("S" = weniger als k, "C" = verdeckt) or "WHOLE". Prints 0 violations for
k 4/5/6, 2-5 cells, up to 21 people. More conservative than app/privacy/k.py (hides more); a starting point only."""
import collections, itertools
def comps(n,L):
    if L==1: yield (n,); return
    for a in range(n+1):
        for r in comps(n-a,L-1): yield (a,)+r
def P(counts,k):
    n=sum(counts)
    if n<k: return "WHOLE"
    smalls=[i for i,c in enumerate(counts) if 0<c<k]
    if not smalls: return tuple(counts)
    if len(smalls)>=2 or len(counts)==2: return "WHOLE"
    s=smalls[0]
    others=[i for i in range(len(counts)) if i!=s]
    c=min(others,key=lambda i:(counts[i],i))
    if counts[c]==0: return "WHOLE"
    shown={i:counts[i] for i in others if i!=c}
    rest=n-sum(shown.values())
    top=min([v if c<i else v-1 for i,v in shown.items()]+[rest-1])
    vals={rest-x for x in range(k,top+1) if 1<=rest-x<=k-1}
    if len(vals)<2: return "WHOLE"
    return tuple("S" if i==s else "C" if i==c else counts[i] for i in range(len(counts)))
bad=0
for k in (4,5,6):
  for L in (2,3,4,5):
    for n in range(k,22):
        g=collections.defaultdict(list)
        for w in comps(n,L): g[P(w,k)].append(w)
        for o,ws in g.items():
            if o=="WHOLE":
                for i in range(L):
                    v={w[i] for w in ws}
                    if len(v)==1 and 0<next(iter(v))<k: bad+=1; print("whole pins",k,L,n,i,v)
                # also: does the class pin that 'some cell is small' trivially? skip
            elif "S" in o:
                i=o.index("S"); v={w[i] for w in ws}
                if len(v)<2: bad+=1; print("pinned",k,L,n,o,ws)
print("violations:",bad)
