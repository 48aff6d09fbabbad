#!/usr/bin/env bash
# Runs every performance measurement of issue 6 and regenerates docs/performance.md from the results:
#   1. BenchmarkDotNet (tests/CpaasGen.Benchmarks): client calls in memory and over loopback, notification parsing,
#      the generator (cold / after an unrelated edit); a short custom job (one launch, 5 warm-up + 15 measured
#      iterations of 300 ms) so the whole script takes about 8-10 minutes on 2 cores;
#   2. the generator's own timing and the incremental-caching check (--generator-check);
#   3. where the bytes of one send go (--breakdown), and time ratios from interleaved rounds (--interleaved), which a
#      busy shared machine disturbs far less than separate runs;
#   4. throughput with 1, 16 and 256 concurrent callers against a loopback Kestrel stub (--throughput), and the
#      emulator under 200 concurrent senders, with and without a dead webhook (--emulator-load), and the live feed's
#      fan-out to 1,000 SSE clients (--fanout);
#   5. wall time from a spec edit to a compiled client: our generator vs NSwag.MSBuild vs the Kiota CLI, on a copy of
#      the repository, with the compiler server on (as users build) and off, in the same run, with hyperfine when
#      installed (apt-get install -y hyperfine), else date +%s%N over 3 runs; plus the compiler's own analyzer and
#      generator timing of one SDK rebuild (ReportAnalyzer), for the generator's share;
#   6. docs/performance.md (--report).
# Usage: bash build/bench.sh            (env: BENCH_OUT=dir for the raw results, default BenchmarkDotNet.Artifacts/bench;
#                                        BENCH_JOB="…" to replace the BenchmarkDotNet job arguments, e.g. a shorter job)
# Exit status: non-zero if a step failed or a checked invariant broke (token requests != 1, generator not cached);
# the report is written either way.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="${BENCH_OUT:-$root/BenchmarkDotNet.Artifacts/bench}"
read -r -a job <<< "${BENCH_JOB:---launchCount 1 --warmupCount 5 --iterationCount 15 --iterationTime 300}"
status=0
started=$(date +%s)

step() { echo; echo "==> $* ($(( $(date +%s) - started )) s)"; }
fail() { echo "bench: FAILED: $*" >&2; status=1; }

rm -rf "$out"
mkdir -p "$out"

step "dotnet tool restore + build (Release)"
dotnet tool restore > /dev/null || { echo "bench: dotnet tool restore failed" >&2; exit 1; }
dotnet build tests/CpaasGen.Benchmarks -c Release -nologo -v:q || { echo "bench: build failed" >&2; exit 1; }
bench=(dotnet "$root/tests/CpaasGen.Benchmarks/bin/Release/net10.0/CpaasGen.Benchmarks.dll")

step "BenchmarkDotNet: ${job[*]}"
"${bench[@]}" --filter '*' "${job[@]}" --artifacts "$out/bdn" || fail "BenchmarkDotNet"

step "generator check"
"${bench[@]}" --generator-check --runs 30 --out "$out/generator.json" || fail "generator check (an unrelated edit did generator work)"

step "allocation breakdown of one send"
"${bench[@]}" --breakdown --out "$out/breakdown.json" || fail "breakdown"

step "interleaved time ratios (in memory; robust to a busy machine)"
"${bench[@]}" --interleaved --rounds 60 --calls 2000 --out "$out/interleaved.json" || fail "interleaved"

# Throughput after the single-threaded measurements: 256 callers leave the machine busy (and hot) for a while.
step "throughput (1, 16, 256 callers; loopback)"
"${bench[@]}" --throughput --seconds 5 --warmup 1 --out "$out/throughput.json" || fail "throughput (see above: errors or token requests != 1)"

step "emulator under load (200 senders, 30 s; no webhook, then a dead webhook)"
"${bench[@]}" --emulator-load --seconds 30 --senders 200 --out "$out/emulator-load.json" || fail "emulator load (errors or no sends)"

step "live feed fan-out (1,000 SSE clients, 200 notifications)"
"${bench[@]}" --fanout --clients 1000 --rounds 200 --out "$out/fanout.json" || fail "live feed fan-out (a client was dropped)"

step "spec edit -> compiled client, on a copy of the repository"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$root" --exclude='./.git' --exclude='bin' --exclude='obj' --exclude='BenchmarkDotNet.Artifacts' --exclude='TestResults' -cf - . | tar -C "$work" -xf -
# The edit: a new text for one schema description (OutboundSmsTextMessage), different on every run, so every client's
# generated output really changes (a bare touch would let an unchanged-output shortcut hide the generator's work).
cat > "$work/edit-spec.sh" <<'EDIT'
#!/usr/bin/env bash
set -euo pipefail
spec="$(dirname "$0")/spec/openapi.yaml"
sed -E -i "s/^(      description: The text of an SMS message)( \(edit [0-9]+\))?\.$/\1 (edit $(date +%s%N))./" "$spec"
grep -q "The text of an SMS message (edit " "$spec"
EDIT
# Like-for-like with the two reference projects (which compile nothing but their generated client): a throw-away project
# that compiles nothing but our generated client, exactly as src/CpaasGen.Sdk consumes the generator. Only in the copy.
mkdir -p "$work/tests/CpaasGen.Reference.GeneratorOnly"
cat > "$work/tests/CpaasGen.Reference.GeneratorOnly/CpaasGen.Reference.GeneratorOnly.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <IsPackable>false</IsPackable>
    <WarningsAsErrors>$(WarningsAsErrors);CS8784;CS8785;CS8032;CS9057</WarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Microsoft.Kiota.Abstractions" />
    <ProjectReference Include="../../generator/CpaasGen.Generator/CpaasGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" PrivateAssets="all" />
    <AdditionalFiles Include="$(SpecFile)" CpaasGenSpec="true" CpaasGenAccessibility="internal" />
    <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="CpaasGenSpec" />
    <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="CpaasGenAccessibility" />
  </ItemGroup>
</Project>
PROJ
# One timing pass over the four builds; $1 = the JSON file to write. Runs with whatever compiler-server settings the
# caller's environment has.
time_builds() {
  local json="$1"
  if command -v hyperfine > /dev/null; then
    (cd "$work" && hyperfine --runs 3 --warmup 1 --style basic --export-json "$json" \
        --prepare "bash $work/edit-spec.sh" "${cmds[0]}" \
        --prepare "bash $work/edit-spec.sh" "${cmds[1]}" \
        --prepare "bash $work/edit-spec.sh" "${cmds[2]}" \
        --prepare "bash $work/edit-spec.sh" "${cmds[3]}") || fail "build timing (hyperfine)"
    return
  fi
  {
    echo '{ "results": ['
    first=1
    for c in "${cmds[@]}"; do
      bash "$work/edit-spec.sh" && (cd "$work" && $c > /dev/null) # warm-up
      times=()
      for run in 1 2 3; do
        bash "$work/edit-spec.sh"
        t0=$(date +%s%N)
        (cd "$work" && $c > /dev/null) || fail "build timing: $c"
        t1=$(date +%s%N)
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')")
      done
      [ $first -eq 1 ] || echo ','
      first=0
      printf '%s\n' "${times[@]}" | awk -v cmd="$c" '{ t[NR] = $1; s += $1; if (NR == 1 || $1 < mn) mn = $1; if ($1 > mx) mx = $1 }
        END { printf "{ \"command\": \"%s\", \"mean\": %.4f, \"min\": %.4f, \"max\": %.4f, \"times\": [%s, %s, %s] }", cmd, s / NR, mn, mx, t[1], t[2], t[3] }'
    done
    echo '] }'
  } > "$json"
}

builds_tool="date +%s%N, 3 runs after 1 warm-up"
command -v hyperfine > /dev/null && builds_tool="$(hyperfine --version), 3 runs after 1 warm-up"
cmds=(
  "dotnet build $work/src/CpaasGen.Sdk -nologo -v:q"
  "dotnet build $work/tests/CpaasGen.Reference.GeneratorOnly -nologo -v:q"
  "dotnet build $work/tests/CpaasGen.Reference.NSwag -nologo -v:q"
  "dotnet build $work/tests/CpaasGen.Reference.Kiota -nologo -v:q"
)
(cd "$work" && for c in "${cmds[@]}"; do UseSharedCompilation=false $c > /dev/null || exit 1; done) || fail "first build of the copy"

# Compiler server off: every compile is a fresh csc.
(export UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1; time_builds "$out/builds.json")

# Compiler server on, as users build. The servers this step starts (VBCSCompiler, MSBuild nodes) are stopped by their
# process ids afterwards; servers that were already running are left alone.
# (Only reusable MSBuild nodes: a build with node reuse off, someone else's, ends its own nodes.)
servers() { pgrep -f -i 'VBCSCompiler|nodemode:[0-9]+ .*nodereuse:true' 2> /dev/null | sort; }
servers > "$out/servers-before.txt"
(
  export UseSharedCompilation=true
  unset MSBUILDDISABLENODEREUSE
  time_builds "$out/builds-server.json"
  # The compiler's own account of one SDK rebuild on the warm server: the generators' and analyzers' time.
  bash "$work/edit-spec.sh"
  dotnet build "$work/src/CpaasGen.Sdk" -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$out/report-analyzer.log" 2>&1 || fail "ReportAnalyzer build"
)
servers | comm -13 "$out/servers-before.txt" - | while read -r pid; do kill "$pid" 2> /dev/null || true; done
{
  csc=$(awk '$2 == "ms" && $3 == "Csc" { print $1; exit }' "$out/report-analyzer.log")
  generators=$(grep -m1 "Total generator execution time" "$out/report-analyzer.log" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1)
  ours=$(grep -m1 -E '^[[:space:]]*[0-9.<]+[[:space:]]+[0-9<]+[[:space:]]+CpaasGen\.Generator\.CpaasGenGenerator' "$out/report-analyzer.log" | awk '{ print $1 }')
  analyzers=$(grep -m1 "Total analyzer execution time" "$out/report-analyzer.log" | grep -oE '[0-9.]+ seconds' | cut -d' ' -f1)
  illink=$(grep -m1 -E '^[[:space:]]*[0-9.]+[[:space:]]+[0-9<]+[[:space:]]+ILLink\.RoslynAnalyzer,' "$out/report-analyzer.log" | awk '{ print $1 }')
  echo "The generator's share, from the compiler's own timing of one SDK rebuild on the warm server (\`-p:ReportAnalyzer=true\`,"
  echo "Debug): CpaasGen's generator ${ours:-?} s of ${generators:-?} s for all source generators, within the Csc task's ${csc:-?} ms;"
  echo "analyzers ${analyzers:-?} s (concurrent)${illink:+, of which the trim/AOT analyzers ${illink} s}."
} > "$out/builds-note.md"

step "docs/performance.md"
"${bench[@]}" --report \
  --results "$out/bdn/results" \
  --throughput "$out/throughput.json" \
  --emulator-load "$out/emulator-load.json" \
  --fanout "$out/fanout.json" \
  --generator "$out/generator.json" \
  --breakdown "$out/breakdown.json" \
  --interleaved "$out/interleaved.json" \
  --builds "$out/builds.json" --builds-server "$out/builds-server.json" --builds-note "$out/builds-note.md" \
  --builds-tool "$builds_tool" --builds-root "$work" \
  --analysis "$root/tests/CpaasGen.Benchmarks/Modes/analysis.md" \
  --command "bash build/bench.sh   # BenchmarkDotNet job: ${job[*]}" \
  --out "$root/docs/performance.md" || fail "report"

echo
echo "bench: done in $(( $(date +%s) - started )) s; raw results in $out; report docs/performance.md"
exit $status
