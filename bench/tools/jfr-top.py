#!/usr/bin/env python3
"""Summarise a JFR recording's execution samples: top self frames and top inclusive frames (matching a filter).
usage: jfr-top.py FILE.jfr [FILTER-SUBSTRING] [N]"""
import json, subprocess, sys, collections
f = sys.argv[1]
flt = sys.argv[2] if len(sys.argv) > 2 else 'dev.sluice'
n = int(sys.argv[3]) if len(sys.argv) > 3 else 25
data = json.loads(subprocess.run(['jfr', 'print', '--json', '--stack-depth', '200', '--events', 'jdk.ExecutionSample', f],
                                 capture_output=True, text=True).stdout)
events = data['recording']['events']
selfc, incl = collections.Counter(), collections.Counter()
for e in events:
    frames = e['values']['stackTrace']['frames']
    # jfr prints type names with slashes (dev/sluice/core/X); show and filter them with dots
    names = [fr['method']['type']['name'].replace('/', '.') + '.' + fr['method']['name'] for fr in frames]
    if names:
        selfc[names[0]] += 1
    for nm in set(names):
        if flt in nm:
            incl[nm] += 1
total = len(events)
print('samples', total)
print('--- self')
for k, v in selfc.most_common(n):
    print(f'{v*100/total:5.1f}% {k}')
print('--- inclusive (' + flt + ')')
for k, v in incl.most_common(n):
    print(f'{v*100/total:5.1f}% {k}')
