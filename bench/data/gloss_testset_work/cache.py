import csv, pickle, sys, time
csv.field_size_limit(10**9)
from quizgen import analyze
rows = list(csv.reader(open('/work/shared/corpus/10kgnad-part1.csv', encoding='utf-8'), delimiter=';', quotechar="'"))
print(len(rows))
out = {}
t = time.time()
for i, r in enumerate(rows):
    a = analyze(r[1])
    out[i] = [(s.text, [(t.text, t.lemma, t.upos, t.tag, t.dep, t.head - s.start, t.ent_type, t.i - s.start) for t in a.sentence_tokens(s.index)]) for s in a.sentences]
    if i % 50 == 0: print(i, time.time() - t, flush=True)
pickle.dump(out, open('/work/notes/gloss_testset/work/analysis.pkl', 'wb'))
