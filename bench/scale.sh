#!/usr/bin/env bash
# Binding cost as tenants grow: writes a configuration of N tenants (t<i>: threads=t<i>-.*, loader=l<i>,
# an os.name override) for each size, runs ScaleBenchmark against each, and prints a Markdown table.
# Run from the repository root after: mvn -B -q package -DskipTests
set -euo pipefail
sizes=(2 100 1000 10000)
forks=${FORKS:-1}
dir=bench/target/scale
mkdir -p "$dir"
for n in "${sizes[@]}"; do
  f="$dir/tenants-$n.conf"
  {
    for ((i = 0; i < n; i++)); do
      printf 'tenant.t%d.hostname=t%d\ntenant.t%d.threads=t%d-.*\ntenant.t%d.loader=l%d\ntenant.t%d.property.os.name=os%d\n' \
        "$i" "$i" "$i" "$i" "$i" "$i" "$i" "$i"
    done
  } > "$f"
done
printf '| tenants | rename, then ask (ns) | switch loader, then ask (ns) | scope and ask alone (ns) |\n| --: | --: | --: | --: |\n'
for n in "${sizes[@]}"; do
  json="$dir/result-$n.json"
  java -jar bench/target/benchmarks.jar ScaleBenchmark -f "$forks" -rf json -rff "$json" \
    -jvmArgs "-javaagent:agent/target/uts4j-agent.jar=kernel=off,config=$dir/tenants-$n.conf" > "$dir/log-$n.txt" 2>&1 \
    || { cat "$dir/log-$n.txt" >&2; exit 1; }
  score() { grep -A30 "\"benchmark\" : \"io.uts4j.bench.ScaleBenchmark.$1\"" "$json" | grep -m1 '"score"' | sed 's/[^0-9.]//g'; }
  printf '| %s | %.0f | %.0f | %.0f |\n' "$n" "$(score renameThenAsk)" "$(score switchLoaderThenAsk)" "$(score scopeThenAsk)"
done
