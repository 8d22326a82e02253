import json, sys
a, b = int(sys.argv[1]), int(sys.argv[2])
for line in open('draws.jsonl'):
    r = json.loads(line)
    if not a <= r['draw'] <= b: continue
    if r['status'] != 'ok':
        print(f"== {r['draw']} [{r['status']}]"); continue
    print(f"== {r['draw']} art={r['article']} k={r['k']}: {r['sentence']}")
    prf = [t for t in r['tokens'] if t.lower() in ('sich','mich','dich','uns','euch')]
    for c in r['cands'][:r["k"]+4]:
        print(f"   {c['pos']:>3} {c['text']} <{c['lemma']}> {c['upos']}/{c['tag']}{' ent='+c['ent'] if c['ent'] else ''}{' svp='+','.join(c['svp']) if c['svp'] else ''}")
    if prf: print('   PRF:', prf)
