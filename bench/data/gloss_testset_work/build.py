import json, collections, csv, sys
draws = {}
for line in open('draws.jsonl'):
    r = json.loads(line); draws[r['draw']] = r
picks = collections.defaultdict(list)
errors = []
for ln, line in enumerate(open('ann.txt', encoding='utf-8'), 1):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('//'): continue
    f = [x.strip() for x in line.split(' # ')]
    try:
        dn, tp = int(f[0]), int(f[1])
    except Exception:
        errors.append(f'line {ln}: bad ids: {line}'); continue
    picks[dn].append((ln, tp, f[2:]))
rows = []
skips = []
maxdraw = max(picks)
for dn in range(1, maxdraw + 1):
    r = draws[dn]
    if r['status'] != 'ok':
        if dn in picks: errors.append(f'draw {dn}: annotated but status {r["status"]}')
        continue
    if dn not in picks:
        errors.append(f'draw {dn}: not annotated'); continue
    order = [c['pos'] for c in r['cands']]
    got = [p[1] for p in picks[dn]]
    if got != order[:len(got)]:
        errors.append(f'draw {dn}: picks {got} not a prefix of order {order[:len(got)+2]}')
    acc = [p for p in picks[dn] if p[2][0] != 'SKIP']
    if len(acc) > r['k']: errors.append(f'draw {dn}: more than k={r["k"]}')
    if len(acc) < r['k'] and len(got) < len(order): errors.append(f'draw {dn}: fewer than k and candidates left')
    if acc and picks[dn][-1][2][0] == 'SKIP' and len(acc) == r['k']: errors.append(f'draw {dn}: trailing skip')
    for ln, tp, f in picks[dn]:
        c = next(c for c in r['cands'] if c['pos'] == tp)
        if f[0] == 'SKIP':
            skips.append((dn, tp, c['text'], f[1] if len(f) > 1 else '')); continue
        if len(f) < 6:
            errors.append(f'line {ln}: too few fields'); continue
        form, lemma, pos, comp, right, wrong = f[:6]
        note = f[6] if len(f) > 6 else ''
        if not form:
            form = c['text'] + (' ... ' + ' '.join(c['svp']) if c['svp'] and (pos or c['upos']) == 'VERB' else '')
        pos = pos or c['upos']
        if pos not in ('NOUN', 'VERB', 'ADJ', 'ADV'): errors.append(f'line {ln}: pos {pos}')
        if comp not in ('y', 'n'): errors.append(f'line {ln}: compound {comp}')
        if not right: errors.append(f'line {ln}: empty right')
        if pos == 'VERB' and not all(s.startswith('to ') for s in right.split('|')[:1]): errors.append(f'line {ln}: verb gloss')
        for w in form.replace(' ... ', ' ').split():
            if w not in r['tokens'] and w not in r['sentence']: errors.append(f'line {ln}: form {w!r} not in sentence')
        rows.append(dict(article=r['article'], sentence=r['sentence'], form=form, lemma=lemma, pos=pos,
                         compound='yes' if comp == 'y' else 'no', right=right, wrong=wrong, note=note, draw=dn, tok=tp))
lc = collections.Counter(x['lemma'] for x in rows)
for l, n in lc.items():
    if n > 3: errors.append(f'lemma cap: {l} x{n}')
dup = collections.Counter((x['article'], x['sentence'], x['lemma']) for x in rows)
for k, n in dup.items():
    if n > 1: errors.append(f'duplicate pair {k[2]} in art {k[0]}')
print('\n'.join(errors) or 'OK')
print('pairs', len(rows), 'draws done', maxdraw, 'skips', len(skips))
print(collections.Counter(x['pos'] for x in rows), 'compounds', sum(x['compound'] == 'yes' for x in rows))
if '--write' in sys.argv:
    with open('../gloss_testset.tsv', 'w', encoding='utf-8', newline='') as f:
        w = lambda vals: f.write('\t'.join(vals) + '\n')
        w(['id', 'article', 'sentence', 'form', 'lemma', 'pos', 'compound', 'right', 'wrong', 'note'])
        for i, x in enumerate(rows, 1):
            vals = [str(i), str(x['article'])] + [x[k].replace('\t', ' ').replace('\n', ' ') for k in ('sentence', 'form', 'lemma', 'pos', 'compound', 'right', 'wrong', 'note')]
            w(vals)
    with open('skips.tsv', 'w', encoding='utf-8') as f:
        f.write('draw\ttoken\tform\treason\n')
        for s in skips: f.write('\t'.join(map(str, s)) + '\n')
