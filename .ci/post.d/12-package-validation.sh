#!/usr/bin/env bash
# The versioning promise, checked on a copy of the repository: removing a public member that the released baseline
# (build/baseline/, CpaasApiBaselineVersion) has must fail `dotnet pack` with CP0002 naming that member.
# (The unchanged packages are validated against the same baseline by every pack in .ci/post.d/20-samples.sh.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo"
(cd "$root" && git ls-files -z -- spec generator src/CpaasGen.Sdk src/Shared build/baseline build/Version.props \
    Directory.Build.props Directory.Packages.props src/Directory.Build.props src/Directory.Build.targets .editorconfig \
  | xargs -0 -I{} cp --parents {} "$work/repo/")
version=$(sed -n 's:.*<CpaasApiBaselineVersion>\(.*\)</CpaasApiBaselineVersion>.*:\1:p' "$root/build/Version.props")
[ -f "$work/repo/build/baseline/CpaasGen.Sdk.$version.nupkg" ] || { echo "package-validation: FAILED — no baseline build/baseline/CpaasGen.Sdk.$version.nupkg"; exit 1; }

file="$work/repo/src/CpaasGen.Sdk/Addressing/PhoneAddress.cs"
grep -q 'public static bool IsE164(' "$file" || { echo "package-validation: FAILED — PhoneAddress.IsE164 not found to remove"; exit 1; }
sed -i 's/public static bool IsE164(/internal static bool IsE164(/' "$file"
echo "package-validation: PhoneAddress.IsE164 made internal; dotnet pack must refuse it"
if dotnet pack "$work/repo/src/CpaasGen.Sdk" -c Release -o "$work/out" -nologo -v:q > "$work/pack.log" 2>&1; then
  echo "package-validation: FAILED — the pack succeeded although a released public member was removed"
  exit 1
fi
if ! grep -q "error CP0002: Member 'bool Cpaas.PhoneAddress.IsE164(string?)' exists on \[Baseline\]" "$work/pack.log"; then
  grep -E "error" "$work/pack.log" | head -10
  echo "package-validation: FAILED — expected CP0002 naming Cpaas.PhoneAddress.IsE164"
  exit 1
fi
grep -m1 -o "error CP0002: Member '[^']*' exists on \[Baseline\]" "$work/pack.log"
echo "package-validation: OK — the breaking change failed the pack, naming the member"
