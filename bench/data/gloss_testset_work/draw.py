"""Draw (sentence, candidate-order) records for the gloss test set. Deterministic: random.Random(20261206)."""
import json, pickle, random, re

SEED = 20261206
N_DRAWS = 1100
d = pickle.load(open('analysis.pkl', 'rb'))
# function adverbs (focus/modal/degree particles, deictics) that are not drawn
ADV_STOP = set("""auch noch so nur aber nun schon mehr dann sehr hier dort da wie wo selbst ganz denn doch ja erst zu
ein gar wohl eben also etwas je nicht halt mal sogar weniger am nie eher bloß allein genug dort hin her""".split())
ORD = re.compile(r'^(erst|zweit|dritt|viert|fünft|sechst|siebt|acht|neunt|zehnt|elft|zwölft|zwanzigst|hundertst|letzt)e[nmrs]?$', re.I)
NUMWORD = re.compile(r'^(eins?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|million\w*|milliard\w*)$', re.I)

def candidate(t):
    text, lemma, upos, tag, dep, head, ent, pos = t
    if not re.search(r'[A-Za-zÄÖÜäöüß]', text) or re.search(r'\d', text):
        return False
    if upos == 'NOUN':
        return tag not in ('TRUNC', 'CARD', 'PIS') and not NUMWORD.match(text)
    if upos == 'VERB':
        return tag != 'PTKVZ'
    if upos == 'ADJ':
        return tag not in ('PIAT', 'PDAT', 'PTKVZ') and not ORD.match(text) and not NUMWORD.match(text)
    if upos == 'ADV':
        return tag in ('ADV', 'ADJD') and text.lower() not in ADV_STOP
    if upos == 'PROPN':  # only possible mis-tagged common nouns; judged by hand
        return tag == 'NN' or ent == ''
    return False

rng = random.Random(SEED)
arts = sorted(d)
seen = set()
out = []
for n in range(1, N_DRAWS + 1):
    art = rng.randrange(len(arts))
    sents = d[art]
    si = rng.randrange(len(sents))
    k = rng.choice([1, 2])
    stext, toks = sents[si]
    cands = [t for t in toks if candidate(t)]
    order = rng.sample(cands, len(cands))
    status = 'ok'
    if (art, si) in seen:
        status = 'dup-sentence'
    elif not order:
        status = 'no-candidates'
    seen.add((art, si))
    cl = []
    for t in order:
        text, lemma, upos, tag, dep, head, ent, pos = t
        svp = [x[0] for x in toks if x[3] == 'PTKVZ' and x[5] == pos]
        cl.append(dict(pos=pos, text=text, lemma=lemma, upos=upos, tag=tag, ent=ent, svp=svp))
    out.append(dict(draw=n, article=art, sent=si, k=k, status=status,
                    sentence=' '.join(stext.split()), tokens=[x[0] for x in toks], cands=cl))
with open('draws.jsonl', 'w') as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
import collections
print(collections.Counter(r['status'] for r in out), sum(r['k'] for r in out if r['status']=='ok'))
