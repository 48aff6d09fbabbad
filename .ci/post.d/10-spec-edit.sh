#!/usr/bin/env bash
# The foundation's promise, checked end to end on a copy of the repository:
#  1. adding a property to a schema in spec/ makes it usable from src/ with no other edit;
#  2. pointing a $ref at a missing schema fails the build with an error naming the spec file and its line.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

copy() {
  mkdir -p "$work/repo"
  (cd "$root" && git ls-files -z -- spec generator src/CpaasGen.Sdk src/Shared src/Directory.Build.targets .editorconfig Directory.Build.props Directory.Packages.props src/Directory.Build.props build/Version.props \
    | xargs -0 -I{} cp --parents {} "$work/repo/")
}
copy
spec="$work/repo/spec/openapi.yaml"

echo "spec-edit: add a property to OutboundSmsTextMessage and use it from src/"
python3 - "$spec" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
anchor = "    OutboundSmsTextMessage:\n"
i = s.index(anchor)
j = s.index("      properties:\n", i) + len("      properties:\n")
s = s[:j] + "        ciProbe:\n          type: string\n          description: A property added by CI to prove spec edits reach src/.\n" + s[j:]
open(p, "w").write(s)
PY
cat > "$work/repo/src/CpaasGen.Sdk/CiProbe.cs" <<'CS'
namespace Cpaas;

internal static class CiProbe
{
    internal static string? Read(Cpaas.Api.OutboundSmsTextMessage message) => message.CiProbe;
}
CS
if ! dotnet build "$work/repo/src/CpaasGen.Sdk" -c Release -nologo -v:q > "$work/add.log" 2>&1; then
  cat "$work/add.log" | tail -30
  echo "spec-edit: FAILED — a property added to the spec was not usable from src/"
  exit 1
fi
echo "spec-edit: OK — the new property compiled from src/"

echo "spec-edit: point a \$ref at a missing schema"
rm "$work/repo/src/CpaasGen.Sdk/CiProbe.cs"
python3 - "$spec" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "$ref: '#/components/schemas/DeliveryInfoList'"
if old not in s:
    old = '$ref: "#/components/schemas/DeliveryInfoList"'
assert old in s, "no $ref to DeliveryInfoList found"
s = s.replace(old, "$ref: '#/components/schemas/NoSuchSchema'", 1)
open(p, "w").write(s)
PY
line=$(grep -n "NoSuchSchema" "$spec" | head -1 | cut -d: -f1)
if dotnet build "$work/repo/src/CpaasGen.Sdk" -c Release -nologo -v:q > "$work/ref.log" 2>&1; then
  echo "spec-edit: FAILED — the build succeeded with a broken \$ref"
  exit 1
fi
if ! grep -E "openapi\.yaml\(${line},[0-9]+\): error CPGEN002" "$work/ref.log" > /dev/null; then
  grep -E "error" "$work/ref.log" | head -10
  echo "spec-edit: FAILED — expected 'openapi.yaml(${line},…): error CPGEN002'"
  exit 1
fi
grep -E -m1 "error CPGEN002" "$work/ref.log" | sed "s#$work/repo/##g" | cut -c1-220
echo "spec-edit: OK — the broken \$ref failed the build at spec/openapi.yaml line ${line}"
