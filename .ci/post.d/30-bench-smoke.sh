#!/usr/bin/env bash
# Benchmarks as a smoke test only (numbers from CI mean nothing): every BenchmarkDotNet benchmark runs once with the
# dry job (one invocation, no warm-up), which proves each contender still works against the fixed responses (the
# setup checks their results); then a short throughput pass, which fails if the facade makes more than one token
# request under 256 concurrent cold callers. The real measurement is build/bench.sh (docs/performance.md).
# Runs on the Release build .ci/run made; about 1 minute on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts="$(mktemp -d)"
trap 'rm -rf "$artifacts"' EXIT
started=$(date +%s)
dotnet run -c Release --project tests/CpaasGen.Benchmarks -- --filter '*' --job dry --artifacts "$artifacts" > "$artifacts/dry.log" 2>&1 \
  || { tail -60 "$artifacts/dry.log"; echo "bench-smoke: FAILED (BenchmarkDotNet dry run)"; exit 1; }
grep -c "^| " "$artifacts/dry.log" | xargs -I{} echo "bench-smoke: BenchmarkDotNet dry run OK ({} table lines)"
dotnet run -c Release --no-build --project tests/CpaasGen.Benchmarks -- --throughput --seconds 0.3 --warmup 0.2 --callers 1,256 \
  || { echo "bench-smoke: FAILED (throughput smoke: errors or token requests != 1)"; exit 1; }
echo "bench-smoke: OK in $(( $(date +%s) - started )) s"
