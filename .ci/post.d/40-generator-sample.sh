#!/usr/bin/env bash
# The generator as its own NuGet package: pack CpaasGen.Generator into a feed of its own, check what the package holds
# (the generator and YamlDotNet under analyzers/dotnet/cs, the build props, no dependencies), then restore, build and
# run samples/GeneratorSample (a pet store document, nothing to do with Kandy) from that feed, in an isolated package
# cache so an older CpaasGen.Generator can never be picked up.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' build/Version.props)
feed="$work/feed"

echo "generator-sample: dotnet pack generator/CpaasGen.Generator (version $version)"
dotnet pack generator/CpaasGen.Generator -c Release -o "$feed" -nologo -v:q > "$work/pack.log" 2>&1 || { tail -20 "$work/pack.log"; exit 1; }
pkg="$feed/CpaasGen.Generator.$version.nupkg"
listing=$(unzip -l "$pkg")
for f in analyzers/dotnet/cs/CpaasGen.Generator.dll analyzers/dotnet/cs/YamlDotNet.dll build/CpaasGen.Generator.props README.md; do
  grep -q " $f\$" <<<"$listing" || { echo "generator-sample: $f missing from the package"; echo "$listing"; exit 1; }
done
if grep -q "^.* lib/" <<<"$listing"; then echo "generator-sample: the package must not put the generator in lib/"; exit 1; fi
if unzip -p "$pkg" CpaasGen.Generator.nuspec | grep -q "<dependency "; then
  echo "generator-sample: the package must not have dependencies"; unzip -p "$pkg" CpaasGen.Generator.nuspec; exit 1
fi

echo "generator-sample: restore from the feed, build (warnings are errors), run"
cp -r samples/GeneratorSample samples/Directory.Build.props samples/Directory.Packages.props build "$work/" 2>/dev/null || true
mkdir -p "$work/samples" && mv "$work/GeneratorSample" "$work/Directory.Build.props" "$work/Directory.Packages.props" "$work/samples/"
cat > "$work/samples/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="CpaasGen.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
export NUGET_PACKAGES="$work/packages"
dotnet build "$work/samples/GeneratorSample" -c Release -nologo -v:q > "$work/build.log" 2>&1 || { grep -E "error|warning" "$work/build.log" | sort -u | head -30; echo "generator-sample: build failed"; exit 1; }
dotnet "$work/samples/GeneratorSample/bin/Release/net10.0/GeneratorSample.dll" | sed 's/^/  /'
echo "generator-sample: OK"
