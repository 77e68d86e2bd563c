#!/usr/bin/env bash
# Estimator4J against TensorFlow-Java on the same models, data and machine, in one run (issue 7).
#
#   bench/compare.sh [--quick] [--rounds N] [--no-build] [--keep DIR]
#
# Builds the benchmark jars (bench/, and bench/tensorflow-reference/ with the tensorflow-reference profile),
# generates each workload's data once (seeded) into a temporary folder, then runs Estimator4J's JVM and TensorFlow's
# JVM in turn (A B A B ...) for N rounds, each JVM training, predicting batches and predicting single examples for
# every workload after its own warm-up, then training a fresh model on a fixed number of examples for the log loss
# (the same count on both sides), and prints one table of medians with the issue's targets. The machine's sgemm
# ceiling is measured before the first round and after each (warmed up, best single product, several shapes): the
# report takes the best of all those runs, and warns if a fraction of it still exceeds 100 %. --quick (smaller data,
# shorter phases) finishes in under 5 minutes; the default takes about 15. Exit status: 0 when every target holds, 1 when one does not, 2 on a failure to run.
# E4J_MAVEN_ARGS: extra arguments for the mvn that builds the jars, split on whitespace (e.g.
# "-Dmaven.repo.local=/cache/m2"; Maven 3.8 does not read MAVEN_ARGS).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
rounds=3
build=1
keep=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=1 ;;
    --rounds) rounds="$2"; shift ;;
    --no-build) build=0 ;;
    --keep) keep="$2"; shift ;;
    *) echo "unknown option $1; options: --quick --rounds N --no-build --keep DIR" >&2; exit 2 ;;
  esac
  shift
done

if [[ $quick == 1 ]]; then
  rows=32768; phase=(--warmup-seconds 0.4 --seconds 0.8 --latency-calls 5000 --quality-examples 65536)
  ceiling_seconds=0.5
else
  rows=131072; phase=(--warmup-seconds 1.5 --seconds 4 --latency-calls 50000 --quality-examples 262144)
  ceiling_seconds=1.5
fi

# Both JVMs: OpenMP threads sleep when idle (spinning ones cost 2-6x on 2 cores), the launcher's GC and huge pages.
export OMP_WAIT_POLICY=PASSIVE
# OpenBLAS (Estimator4J's dense layers and the sgemm ceiling) on the fastest kernels this CPU runs, as bin/e4j starts
# it: see bin/openblas-coretype. TensorFlow's oneDNN picks its own (AVX-512 where the CPU has it).
coretype="${E4J_OPENBLAS_CORETYPE:-$(bin/openblas-coretype)}"
[[ -z $coretype ]] || export OPENBLAS_CORETYPE="$coretype"
jvm=(-Xmx6g -XX:+UseParallelGC -XX:+UseTransparentHugePages)
# TensorFlow at its fastest here: inter_op_parallelism_threads = -1 runs each step's ops on the calling thread (its
# intra-op pool still splits large kernels over both cores). Against its defaults this halves a single-example
# prediction (mlp 56-82 -> 29 us) and lifts small-batch training (sparse linear, batch 32: 139-230k -> 290-330k
# examples/s); large batches are unchanged. Override with TF_THREADS="-Dtensorflow.inter_op=0" for the defaults.
tf_threads=(${TF_THREADS:--Dtensorflow.inter_op=-1})
maven_args=()
[[ -z "${E4J_MAVEN_ARGS:-}" ]] || read -r -a maven_args <<< "$E4J_MAVEN_ARGS"
e4j_jar=bench/target/estimator4j-bench.jar
tf_jar=bench/tensorflow-reference/target/estimator4j-bench-tensorflow.jar

if [[ $build == 1 ]]; then
  echo "building the benchmark jars ..."
  mvn -B -q ${maven_args[@]+"${maven_args[@]}"} -Ptensorflow-reference -DskipTests package \
    -pl bench,bench/tensorflow-reference -am
fi
for jar in "$e4j_jar" "$tf_jar"; do
  [[ -f $jar ]] || { echo "$jar is missing: run without --no-build" >&2; exit 2; }
done

work="${keep:-$(mktemp -d -t e4j-compare.XXXXXX)}"
mkdir -p "$work"
[[ -n $keep ]] || trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: > "$results"

java "${jvm[@]}" -cp "$e4j_jar" org.estimator4j.bench.workloads.GenerateData --out "$work/data" --rows "$rows" \
  --seed 42
# The ceiling is a maximum: measured between the rounds too, so one busy moment on a shared machine cannot lower it.
ceiling() {
  java "${jvm[@]}" -cp "$e4j_jar" org.estimator4j.bench.compare.SgemmCeiling --out "$results" \
    --seconds "$ceiling_seconds" --round "$1" > "$work/sgemm-$1.log" 2>&1 || { cat "$work/sgemm-$1.log" >&2; exit 2; }
}
echo "sgemm ceiling"
ceiling 0

for ((round = 1; round <= rounds; round++)); do
  echo "round $round of $rounds: Estimator4J"
  java "${jvm[@]}" -cp "$e4j_jar" org.estimator4j.bench.compare.Estimator4jReference --data "$work/data" \
    --out "$results" --round "$round" "${phase[@]}" > "$work/estimator4j-$round.log" 2>&1 \
    || { cat "$work/estimator4j-$round.log" >&2; exit 2; }
  echo "round $round of $rounds: TensorFlow"
  java "${jvm[@]}" "${tf_threads[@]}" -jar "$tf_jar" --data "$work/data" \
    --out "$results" --round "$round" "${phase[@]}" > "$work/tensorflow-$round.log" 2>&1 \
    || { cat "$work/tensorflow-$round.log" >&2; exit 2; }
  echo "sgemm ceiling"
  ceiling "$round"
done

echo
report=0
java -cp "$e4j_jar" org.estimator4j.bench.workloads.CompareReport "$results" || report=$?
echo "results: $results$([[ -n $keep ]] || echo ' (removed on exit; keep them with --keep DIR)')"
exit $report
