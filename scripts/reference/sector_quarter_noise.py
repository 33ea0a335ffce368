# Reference value of the sector quarter noise τ̂ (SectorQuarterNoise, docs/model.md) for a
# forecast of 2025 made on 31 January 2025, computed with pandas from data/sources/*.csv
# independently of the Swift code: `python3 scripts/reference/sector_quarter_noise.py`
# (run from data/sources). Prints the number of pairs and τ̂.
import pandas as pd, numpy as np, re
frames=[pd.read_csv(f, dtype=str) for f in ["grdp_facts.csv","extra_facts.csv","grdp_history.csv"]]
d=pd.concat(frames, ignore_index=True)  # order: facts, extra, history (stable sort keeps it for ties)
def pdate(t):
    m=re.match(r'^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?', str(t))
    if not m: return None
    return (int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
d['date']=d.article_date.map(pdate)
d=d[d.date.notna()]
def num(t):
    try: return float(t)
    except: 
        m=re.match(r'^(-?[\d.]+)-([\d.]+)$',t)
        return (float(m.group(1))+float(m.group(2)))/2 if m else None
d['v']=d.value.map(num); d=d[d.v.notna()]
d['year']=d.year.astype(int)
asof=(2025,1,31)
d=d[d.date.map(lambda x: x<=asof)]
def latest(geo,ind,per,yr,sec):
    s=d[(d.geo==geo)&(d.indicator==ind)&(d.period==per)&(d.year==yr)&(d.sector==sec)]
    if len(s)==0: return None
    s=s.assign(k=list(range(len(s)))).sort_values(['date','k'], key=None, kind='stable')
    return s.v.iloc[-1]
# The embedded dataset's quarterly weights (HanoiDataset.quarterlyWeights).
W=[0.225659,0.241886,0.258114,0.274341]
periods=[("Q1",[1,0,0,0]),("Q2",[0,1,0,0]),("Q3",[0,0,1,0]),("Q4",[0,0,0,1]),
         ("H1",[W[0]/(W[0]+W[1]),W[1]/(W[0]+W[1]),0,0]),("9M",[w/sum(W[:3]) for w in W[:3]]+[0])]
z=[]
for u in range(2010,2025):
    if u==2017: continue
    G=latest("Hanoi","grdp_growth","FY",u,"total")
    if G is None: continue
    for a in ["agriculture_forestry_fishery","industry_construction","services","product_taxes_less_subsidies"]:
        F=latest("Hanoi","va_growth","FY",u,a)
        if F is None: continue
        for p,h in periods:
            P=latest("Hanoi","va_growth",p,u,a); GP=latest("Hanoi","grdp_growth",p,u,"total")
            if P is None or GP is None: continue
            z.append(abs((P-F)-(GP-G))/np.sqrt(sum(x*x for x in h)))
print(len(z), 1.4826*np.median(z))
