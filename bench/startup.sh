#!/usr/bin/env bash
# Start-up cost of the uts4j agent: wall time and peak RSS of a JVM running a trivial Hello main,
# with no agent, an empty agent and uts4j (kernel=off/auto/required), cold and warm, on one or more
# JDKs. Prints a Markdown report on stdout; progress goes to stderr. See bench/README.md, "Start-up".
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/startup.sh [-n N] [-j JAVA]... [-a AGENT_JAR] [-o FILE] [-h]

Run from the repository root. Measures wall time and peak RSS (/usr/bin/time) of starting a JVM
that runs a trivial Hello main: without an agent, with an empty -javaagent, and with uts4j
(kernel=off, kernel=auto, and kernel=required when running as root), each cold and warm.

  -n N          iterations (default 9); each runs every configuration once, in turn
  -j JAVA       a java executable to measure; repeatable
                (default: java on PATH, and /usr/lib/jvm/temurin-25-jdk-amd64/bin/java if present)
  -a AGENT_JAR  the uts4j agent jar (default: agent/target/uts4j-agent.jar)
  -o FILE       also write the report to FILE
  -h            print this help

Reports per configuration the median wall time and peak RSS, what they add to the bare JVM on the
same JDK and start, and the stderr lines starting with "WARNING:" per run. Fails, showing the
run's stderr, if any start exits non-zero.
EOF
}

die() { echo "startup.sh: $*" >&2; exit 1; }

iterations=9
agent_jar=agent/target/uts4j-agent.jar
out_file=
javas=()
while getopts ':n:j:a:o:h' opt; do
    case $opt in
        n) iterations=$OPTARG ;;
        j) javas+=("$OPTARG") ;;
        a) agent_jar=$OPTARG ;;
        o) out_file=$OPTARG ;;
        h) usage; exit 0 ;;
        :) usage >&2; die "-$OPTARG needs a value" ;;
        *) usage >&2; die "unknown option -$OPTARG" ;;
    esac
done
shift $((OPTIND - 1))
[[ $# -eq 0 ]] || { usage >&2; die "unexpected argument: $1"; }
[[ $iterations =~ ^[1-9][0-9]*$ ]] || die "-n needs a positive whole number, not '$iterations'"

[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: install the package 'time' (apt-get install time)"
[[ -f $agent_jar ]] || die "no agent jar at $agent_jar: build it (mvn -B -q -pl agent -am package -DskipTests) or pass -a"
agent_jar=$(readlink -f "$agent_jar")

if [[ ${#javas[@]} -eq 0 ]]; then
    default_java=$(command -v java) || die "no java on PATH; pass -j path/to/java"
    javas=("$default_java")
    [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && javas+=(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
fi
for j in "${javas[@]}"; do [[ -x $j ]] || die "not an executable java: $j"; done

# javac and jar of the first JDK (the default java), else from PATH.
jdk_bin=$(dirname "$(readlink -f "$(command -v "${javas[0]}")")")
javac=$jdk_bin/javac; [[ -x $javac ]] || javac=$(command -v javac) || die "no javac: a JDK (not only a JRE) is needed"
jar=$jdk_bin/jar; [[ -x $jar ]] || jar=$(command -v jar) || die "no jar tool: a JDK (not only a JRE) is needed"

# Options in the environment would change every run and print "Picked up ..." lines.
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS

work=$(mktemp -d "${TMPDIR:-/tmp}/uts4j-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Hello and an agent with an empty premain, compiled for Java 8 so that any JDK given with -j runs them.
mkdir -p "$work/classes" "$work/empty-agent"
cat >"$work/classes/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello");
    }
}
EOF
cat >"$work/empty-agent/EmptyAgent.java" <<'EOF'
public class EmptyAgent {
    public static void premain(String args, java.lang.instrument.Instrumentation inst) {}
}
EOF
printf 'Premain-Class: EmptyAgent\n' >"$work/empty-agent/MANIFEST.MF"
"$javac" --release 8 -Xlint:-options -d "$work/classes" "$work/classes/Hello.java"
"$javac" --release 8 -Xlint:-options -d "$work/empty-agent" "$work/empty-agent/EmptyAgent.java"
"$jar" cfm "$work/empty-agent.jar" "$work/empty-agent/MANIFEST.MF" -C "$work/empty-agent" EmptyAgent.class

tenants='tenant.a.hostname=a,tenant.a.threads=a-.*,tenant.b.hostname=b,tenant.b.threads=b-.*'
configs=(bare empty off auto)
skipped=
if [[ $(id -u) -eq 0 ]]; then
    configs+=(required)
else
    skipped="kernel=required skipped: not running as root, so the agent cannot create UTS namespaces (CAP_SYS_ADMIN) and would refuse to start."
    echo "startup.sh: $skipped" >&2
fi
starts=(cold warm)

config_label() {
    case $1 in
        bare) echo "no agent" ;;
        empty) echo "empty -javaagent" ;;
        *) echo "uts4j kernel=$1" ;;
    esac
}

# The java command line of one configuration, run in folder $2 (which holds agent.jar once prepared).
# HOME is set in the environment by the caller; user.home is set too because the JDK takes it from
# the password database, not from $HOME.
java_args() {
    local config=$1 dir=$2
    local args=(-Duser.home="$dir/home" -Djava.io.tmpdir="$dir/tmp")
    case $config in
        bare) ;;
        empty) args+=(-javaagent:"$dir/agent.jar") ;;
        *) args+=(-javaagent:"$dir/agent.jar=kernel=$config,$tenants") ;;
    esac
    printf '%s\n' "${args[@]}" -cp "$work/classes" Hello
}

# A run folder: its own copy of the agent jar (so nothing beside the jar carries over from a run to the next),
# an empty HOME, java.io.tmpdir and XDG_CACHE_HOME (where JNA unpacks its native library).
prepare() {
    local config=$1 dir=$2
    mkdir -p "$dir/home" "$dir/tmp" "$dir/xdg-cache"
    case $config in
        bare) ;;
        empty) cp "$work/empty-agent.jar" "$dir/agent.jar" ;;
        *) cp "$agent_jar" "$dir/agent.jar" ;;
    esac
}

# Starts one JVM in folder $3; appends "wall_s rss_kib warnings" to $4 (if given). Exits on failure.
run_once() {
    local java=$1 config=$2 dir=$3 results=${4:-}
    local -a args
    mapfile -t args < <(java_args "$config" "$dir")
    local rc=0
    HOME="$dir/home" XDG_CACHE_HOME="$dir/xdg-cache" \
        /usr/bin/time -f '%e %M' -o "$work/time.out" "$java" "${args[@]}" >"$work/stdout" 2>"$work/stderr" || rc=$?
    if [[ $rc -ne 0 || $(cat "$work/stdout") != Hello ]]; then
        {
            echo "startup.sh: a start failed (exit status $rc): $(config_label "$config") on $java"
            echo "command: HOME=$dir/home XDG_CACHE_HOME=$dir/xdg-cache $(printf '%q ' "$java" "${args[@]}")"
            echo "--- stdout:"; cat "$work/stdout"
            echo "--- stderr:"; cat "$work/stderr"
            echo "--- /usr/bin/time:"; cat "$work/time.out"
        } >&2
        exit 1
    fi
    if [[ -n $results ]]; then
        local warnings
        warnings=$(grep -c '^WARNING:' "$work/stderr" || true)
        echo "$(tail -n 1 "$work/time.out") $warnings" >>"$results"
    fi
}

jdk_version() {
    "$1" -version 2>&1 | awk -F'"' 'NR == 1 { print ($2 != "" ? $2 : $0) }'
}

# Warm folders: one per JDK and configuration, primed by one discarded start.
for ji in "${!javas[@]}"; do
    for config in "${configs[@]}"; do
        dir=$work/warm-$ji-$config
        prepare "$config" "$dir"
        echo "startup.sh: priming warm $(config_label "$config") on ${javas[$ji]}" >&2
        run_once "${javas[$ji]}" "$config" "$dir"
    done
done

mkdir -p "$work/results"
for ((i = 1; i <= iterations; i++)); do
    echo "startup.sh: iteration $i/$iterations" >&2
    for ji in "${!javas[@]}"; do
        for config in "${configs[@]}"; do
            for start in "${starts[@]}"; do
                results=$work/results/$ji-$config-$start
                if [[ $start == cold ]]; then
                    dir=$(mktemp -d "$work/cold.XXXXXX")
                    prepare "$config" "$dir"
                    run_once "${javas[$ji]}" "$config" "$dir" "$results"
                    rm -rf "$dir"
                else
                    run_once "${javas[$ji]}" "$config" "$work/warm-$ji-$config" "$results"
                fi
            done
        done
    done
done

# "median wall_ms, median rss_kib, warnings per run (n or min–max)" of one results file.
summarize() {
    local f=$1 wall rss warn
    wall=$(awk '{ print $1 * 1000 }' "$f" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
    rss=$(awk '{ print $2 }' "$f" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
    warn=$(awk 'NR == 1 || $3 < lo { lo = $3 } NR == 1 || $3 > hi { hi = $3 } END { print (lo == hi ? lo : lo "–" hi) }' "$f")
    echo "$wall $rss $warn"
}

report() {
    echo "## uts4j start-up"
    echo
    echo "- date: $(date '+%Y-%m-%d %H:%M %Z')"
    echo "- machine: $(nproc) CPUs, $(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo), Linux $(uname -r)"
    echo "- iterations (N): $iterations; medians of N starts per row"
    echo "- agent: $agent_jar ($(stat -c %s "$agent_jar") bytes, modified $(date -r "$agent_jar" '+%Y-%m-%d %H:%M'))"
    for j in "${javas[@]}"; do echo "- JDK $(jdk_version "$j"): $j"; done
    echo "- uts4j runs (cold: a new <dir> per start; warm: one <dir> per JDK and configuration, after one discarded start):"
    echo
    echo "  \`HOME=<dir>/home XDG_CACHE_HOME=<dir>/xdg-cache /usr/bin/time -f '%e %M' <java> -Duser.home=<dir>/home -Djava.io.tmpdir=<dir>/tmp '-javaagent:<dir>/agent.jar=kernel=<mode>,$tenants' -cp <classes> Hello\`"
    echo
    [[ -z $skipped ]] || { echo "- $skipped"; echo; }
    echo "| JDK | configuration | start | wall ms | added ms | peak RSS MiB | added MiB | WARNING: lines per run |"
    echo "|-----|---------------|-------|--------:|---------:|-------------:|----------:|-----------------------:|"
    local ji config start version wall rss warn base_wall base_rss added_wall added_rss
    for ji in "${!javas[@]}"; do
        version=$(jdk_version "${javas[$ji]}")
        for config in "${configs[@]}"; do
            for start in "${starts[@]}"; do
                read -r wall rss warn < <(summarize "$work/results/$ji-$config-$start")
                read -r base_wall base_rss _ < <(summarize "$work/results/$ji-bare-$start")
                if [[ $config == bare ]]; then
                    added_wall="—"; added_rss="—"
                else
                    added_wall=$(awk -v a="$wall" -v b="$base_wall" 'BEGIN { printf "%+.0f", a - b }')
                    added_rss=$(awk -v a="$rss" -v b="$base_rss" 'BEGIN { printf "%+.1f", (a - b) / 1024 }')
                fi
                printf '| %s | %s | %s | %.0f | %s | %.1f | %s | %s |\n' "$version" "$(config_label "$config")" \
                    "$start" "$wall" "$added_wall" "$(awk -v r="$rss" 'BEGIN { print r / 1024 }')" "$added_rss" "$warn"
            done
        done
    done
}

LC_ALL=C report >"$work/report.md"
cat "$work/report.md"
[[ -z $out_file ]] || cp "$work/report.md" "$out_file"
