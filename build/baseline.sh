#!/usr/bin/env bash
# Records the released public API as the package-validation baseline: packs every library package at the current
# version into build/baseline/ and sets CpaasApiBaselineVersion in build/Version.props. Run it when a version ships,
# never to silence a failing validation (see "Versioning" in README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' build/Version.props)
out="$root/build/baseline"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$out"/*.nupkg
for p in CpaasGen.Sdk CpaasGen.DependencyInjection CpaasGen.AspNetCore CpaasGen.AspNetCore.Redis CpaasGen.Testing CpaasGen.Emulator; do
  # Packed without the baseline property so the new baseline is never validated against the old one.
  dotnet pack "src/$p" -c Release -o "$work" -nologo -v:q -p:CpaasApiBaselineVersion= -p:IncludeSymbols=false > "$work/$p.log" 2>&1 || { tail -20 "$work/$p.log"; exit 1; }
  cp "$work/$p.$version.nupkg" "$out/"
done
sed -i "s:<CpaasApiBaselineVersion>.*</CpaasApiBaselineVersion>:<CpaasApiBaselineVersion>$version</CpaasApiBaselineVersion>:" build/Version.props
ls -la "$out"
echo "baseline: $version"
