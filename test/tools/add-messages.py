# usage: python3 test/tools/add-messages.py keys.json — merges {key: {zh_CN, zh_TW, en, de}} into public/_locales (read-modify-write, safe to run while others edit other keys)
import json, sys, os
new = json.load(open(sys.argv[1]))
for loc in ['zh_CN', 'zh_TW', 'en', 'de']:
    p = f'public/_locales/{loc}/messages.json'
    cur = json.load(open(p))
    for k, v in new.items():
        cur[k] = {'message': v[loc]}
    tmp = p + '.tmp'
    json.dump(cur, open(tmp, 'w'), ensure_ascii=False, indent=2); open(tmp, 'a').write('\n')
    os.replace(tmp, p)
