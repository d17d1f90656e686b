#!/bin/bash
# Interleaved A/B of two running servers on the same bench database (e.g. this branch on 5791, the previous build
# on 5792): the machine is shared, so the two are measured alternately and compared per CPU-second of each server.
# Usage: bench/ab-school-list.sh 5791 5792 [runs]   (servers started with the bench's Database__* settings)
# PostgreSQL: start each server with its own "Application Name=<name>" in Database__ConnectionString and set
# PG_APPS="<name of 5791's> <name of 5792's>": the CPU of each server's backends (pg_stat_activity.application_name,
# read from /proc) is then added to that server's, since server + database CPU is what the figure counts.
set -euo pipefail
ports=("$1" "$2"); runs=${3:-5}
read -r -a apps <<< "${PG_APPS:-}"
url() { echo "http://127.0.0.1:$1/api/v1/schools?region=520102&page=1&size=20"; }
# CPU ticks (1/100 s) of a server process, plus its PostgreSQL backends when PG_APPS names them.
ticks() {
  local p=$1 app=$2 t
  t=$(awk '{print $14+$15}' "/proc/${pid[$p]}/stat")
  if [ -n "$app" ]; then
    for b in $(PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE application_name = '$app'"); do
      t=$((t + $(awk '{print $14+$15}' "/proc/$b/stat" 2>/dev/null || echo 0)))
    done
  fi
  echo "$t"
}
declare -A pid tok app
for i in 0 1; do
  p=${ports[$i]}; app[$p]=${apps[$i]:-}
  pid[$p]=$(pgrep -f "EduCloud.Server.dll --urls http://127.0.0.1:$p" | head -1)
  tok[$p]=$(curl -s -X POST "http://127.0.0.1:$p/connect/token" -d 'grant_type=password&client_id=educloud-cli&username=bench_admin_520102&password=Bench-2026-county&scope=api' \
    | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
  wrk -t2 -c16 -d4s -H "Authorization: Bearer ${tok[$p]}" "$(url "$p")" > /dev/null
done
for r in $(seq "$runs"); do for p in "${ports[@]}"; do
  t0=$(ticks "$p" "${app[$p]}")
  out=$(wrk -t2 -c16 -d8s --latency -H "Authorization: Bearer ${tok[$p]}" "$(url "$p")")
  t1=$(ticks "$p" "${app[$p]}")
  n=$(echo "$out" | awk '/requests in/{print $1}')
  echo "run $r port $p rps $(echo "$out" | awk '/Requests\/sec/{print $2}') p99 $(echo "$out" | awk '/ 99%/{print $2}')" \
    "per_cpu_s $(python3 -c "print(round($n/(($t1-$t0)/100)))") load $(cut -d' ' -f1 /proc/loadavg)"
done; done
