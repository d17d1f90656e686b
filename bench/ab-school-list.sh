#!/bin/bash
# Interleaved A/B of two running servers on the same bench database (e.g. this branch on 5791, the previous build
# on 5792): the machine is shared, so the two are measured alternately and compared per CPU-second of each server.
# Usage: bench/ab-school-list.sh 5791 5792 [runs]   (servers started with the bench's Database__* settings)
set -euo pipefail
ports=("$1" "$2"); runs=${3:-5}
url() { echo "http://127.0.0.1:$1/api/v1/schools?region=520102&page=1&size=20"; }
declare -A pid tok
for p in "${ports[@]}"; do
  pid[$p]=$(pgrep -f "EduCloud.Server.dll --urls http://127.0.0.1:$p" | head -1)
  tok[$p]=$(curl -s -X POST "http://127.0.0.1:$p/connect/token" -d 'grant_type=password&client_id=educloud-cli&username=bench_admin_520102&password=Bench-2026-county&scope=api' \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  wrk -t2 -c16 -d4s -H "Authorization: Bearer ${tok[$p]}" "$(url "$p")" > /dev/null
done
for r in $(seq "$runs"); do for p in "${ports[@]}"; do
  t0=$(awk '{print $14+$15}' "/proc/${pid[$p]}/stat")
  out=$(wrk -t2 -c16 -d8s --latency -H "Authorization: Bearer ${tok[$p]}" "$(url "$p")")
  t1=$(awk '{print $14+$15}' "/proc/${pid[$p]}/stat")
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "run $r port $p rps $(echo "$out" | awk '/Requests\/sec/{print $2}') p99 $(echo "$out" | awk '/ 99%/{print $2}')" \
    "per_cpu_s $(python3 -c "print(round($n/(($t1-$t0)/100)))") load $(cut -d' ' -f1 /proc/loadavg)"
done; done
