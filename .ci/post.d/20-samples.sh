#!/usr/bin/env bash
# Consume the SDK as users do: pack → restore from a local feed → build → run.
#  - the packages contain what they should (README, XML docs, symbols package, only runtime dependencies);
#  - samples/ConsumerSample runs against CpaasGen.Testing's mock server;
#  - samples/WebhookSample (a few lines of ASP.NET Core setup, secrets from configuration) sends, receives and pushes live
#    through a local emulator, and refuses a webhook call without the secret;
#  - samples/AotSample is published with PublishAot=true (zero trim/AOT warnings) and the native binary runs.
# Every process it starts is recorded by its real PID (the servers are exec'd, never wrapped in a subshell) and stopped
# at the end; the script fails if any of them, or any process they started, is still alive after that.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
feed="$root/artifacts/feed"
work="$(mktemp -d)"
pids=()
descendants() { # pid → the pid and every process below it
  local pid=$1 child
  echo "$pid"
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do descendants "$child"; done
}
cleanup() {
  local status=$? all=() pid alive=()
  for pid in "${pids[@]}"; do all+=($(descendants "$pid")); done
  for pid in "${all[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 40); do # up to 10 s for a graceful stop
    alive=()
    for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && break
    sleep 0.25
  done
  if [ ${#alive[@]} -gt 0 ]; then
    echo "samples: FAILED to stop what this script started; still alive after SIGTERM:"
    for pid in "${alive[@]}"; do echo "  $(ps -o pid=,etime=,args= -p "$pid" 2>/dev/null || echo "$pid")"; kill -KILL "$pid" 2>/dev/null || true; done
    status=1
  fi
  wait 2>/dev/null || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' build/Version.props)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { # url, seconds
  for _ in $(seq 1 $(( $2 * 4 ))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.25; done
  echo "samples: $1 did not answer within $2 s"; return 1
}

echo "samples: dotnet pack (version $version) → $feed"
rm -rf "$feed"
for p in CpaasGen.Sdk CpaasGen.DependencyInjection CpaasGen.AspNetCore CpaasGen.AspNetCore.Redis CpaasGen.Testing CpaasGen.Emulator; do
  dotnet pack "src/$p" -c Release -o "$feed" -nologo -v:q > "$work/pack-$p.log" 2>&1 || { tail -20 "$work/pack-$p.log"; exit 1; }
done
ls "$feed"

echo "samples: check the CpaasGen.Sdk package"
pkg="$feed/CpaasGen.Sdk.$version.nupkg"
[ -f "$feed/CpaasGen.Sdk.$version.snupkg" ] || { echo "samples: no symbols package"; exit 1; }
listing=$(unzip -l "$pkg")
for f in README.md lib/net10.0/CpaasGen.Sdk.dll lib/net10.0/CpaasGen.Sdk.xml; do
  grep -q " $f\$" <<<"$listing" || { echo "samples: $f missing from the package"; exit 1; }
done
nuspec=$(unzip -p "$pkg" CpaasGen.Sdk.nuspec)
if grep -Eiq 'id="(CpaasGen.Generator|NSwag|YamlDotNet|Microsoft.CodeAnalysis|xunit|WireMock|Microsoft.NET.Test.Sdk)' <<<"$nuspec"; then
  echo "samples: the package depends on a build-time or test package:"; grep -i "dependency " <<<"$nuspec"; exit 1
fi
grep -q '<repository type="git"' <<<"$nuspec" || { echo "samples: no SourceLink repository metadata"; exit 1; }
grep -o 'dependency id="[^"]*"' <<<"$nuspec" | sed 's/^/  /'

echo "samples: Redis ships only in CpaasGen.AspNetCore.Redis"
aspnet_nuspec=$(unzip -p "$feed/CpaasGen.AspNetCore.$version.nupkg" CpaasGen.AspNetCore.nuspec)
if grep -qi 'id="StackExchange.Redis"' <<<"$aspnet_nuspec"; then echo "samples: CpaasGen.AspNetCore depends on StackExchange.Redis"; exit 1; fi
redis_nuspec=$(unzip -p "$feed/CpaasGen.AspNetCore.Redis.$version.nupkg" CpaasGen.AspNetCore.Redis.nuspec)
for dep in StackExchange.Redis CpaasGen.AspNetCore; do
  grep -qi "id=\"$dep\"" <<<"$redis_nuspec" || { echo "samples: CpaasGen.AspNetCore.Redis does not depend on $dep"; exit 1; }
done

# Restore CpaasGen.* from the feed, never from an older copy in the package cache.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/cpaasgen.*

echo "samples: ConsumerSample (restore from the feed, build, run)"
dotnet run -c Release --project samples/ConsumerSample -nologo 2>&1 | tail -5

echo "samples: start a local emulator"
dotnet build src/CpaasGen.Cli -c Release -nologo -v:q > "$work/cli.log" 2>&1 || { tail -20 "$work/cli.log"; exit 1; }
cli="$root/src/CpaasGen.Cli/bin/Release/net10.0/cpaas.dll"
emu_port=$(free_port)
dotnet "$cli" emulator --port "$emu_port" > "$work/emulator.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$emu_port/emulator" 30
# The CLI sends credentials only when given: these are the ones `cpaas emulator` prints.
export CPAAS_BASE_URL="http://127.0.0.1:$emu_port" CPAAS_CLIENT_ID=PRIV-emulator CPAAS_CLIENT_SECRET=emulator-secret

echo "samples: WebhookSample (ASP.NET Core app with its live page, secrets from configuration) against the emulator"
dotnet build -c Release samples/WebhookSample -nologo -v:q > "$work/webhook-build.log" 2>&1 || { tail -20 "$work/webhook-build.log"; exit 1; }
app_port=$(free_port)
hook_secret="ci-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
page_password="page-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# exec: the recorded PID is dotnet's own, not a subshell's that the cleanup would kill while dotnet lives on.
(cd samples/WebhookSample && exec env ASPNETCORE_URLS="http://127.0.0.1:$app_port" Cpaas__BaseUrl="$CPAAS_BASE_URL" \
  Cpaas__ClientId="$CPAAS_CLIENT_ID" Cpaas__ClientSecret="$CPAAS_CLIENT_SECRET" CpaasWebhooks__SharedSecret="$hook_secret" LivePage__Password="$page_password" \
  dotnet bin/Release/net10.0/WebhookSample.dll > "$work/webhook.log" 2>&1) &
pids+=($!)
# Up when it answers anything (GET on the webhook is a 405).
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/inbound-sms/webhook")" != "000" ] && break; sleep 0.25
done
sent=$(curl -fsS -X POST "http://127.0.0.1:$app_port/send" -H 'Content-Type: application/json' -d '{"to":"+16131234567","text":"hi :)"}')
echo "  POST /send → $sent"
grep -q '"from":"+1' <<<"$sent" || { echo "samples: /send did not return the real sender"; cat "$work/webhook.log"; exit 1; }
forged=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$app_port/inbound-sms/webhook" -H 'Content-Type: application/json' \
  -d '{"inboundSMSMessageNotification":{"inboundSMSMessage":{"message":"forged"},"id":"forged-1"}}')
echo "  POST /inbound-sms/webhook without the secret → $forged"
[ "$forged" = "401" ] || { echo "samples: the webhook accepted a call without the shared secret"; exit 1; }
subscribed=$(dotnet "$cli" sms subscribe --webhook "http://127.0.0.1:$app_port/inbound-sms/webhook?token=$hook_secret")
sed 's/^/  /' <<<"$subscribed"
if grep -qF "$hook_secret" <<<"$subscribed"; then echo "samples: cpaas sms subscribe printed the webhook secret"; exit 1; fi
# The live page (issue 14): served at /, its feed refuses a signed-out client and streams to a signed-in one.
curl -fsS "http://127.0.0.1:$app_port/" | grep -q 'live.js' || { echo "samples: no live page at /"; exit 1; }
signed_out=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/sms/live")
echo "  GET /sms/live signed out → $signed_out"
[ "$signed_out" = "401" ] || { echo "samples: the live feed answered a signed-out client"; exit 1; }
curl -fsS -c "$work/cookies" -o /dev/null -X POST "http://127.0.0.1:$app_port/login" -H 'Content-Type: application/json' -d "{\"password\":\"$page_password\"}"
timeout 15 curl -sN -b "$work/cookies" "http://127.0.0.1:$app_port/sms/live" > "$work/feed.txt" &
feed_pid=$!
for _ in $(seq 1 40); do grep -q '^event: ready' "$work/feed.txt" && break; sleep 0.25; done
curl -fsS -X POST "$CPAAS_BASE_URL/emulator/inbound" -H 'Content-Type: application/json' \
  -d '{"from":"+16131234567","to":"+16135550100","message":"hello webhook sample"}' > /dev/null
for _ in $(seq 1 40); do grep -q 'hello webhook sample' "$work/feed.txt" && break; sleep 0.25; done
kill "$feed_pid" 2>/dev/null || true; wait "$feed_pid" 2>/dev/null || true
grep -q '"message":"hello webhook sample"' "$work/feed.txt" || { echo "samples: the inbound SMS did not reach the signed-in live feed"; cat "$work/feed.txt"; exit 1; }
echo "  the live feed streamed it to the signed-in client"
for _ in $(seq 1 40); do grep -q "SMS from +16131234567: hello webhook sample" "$work/webhook.log" && break; sleep 0.25; done
grep -q "SMS from +16131234567: hello webhook sample" "$work/webhook.log" || { echo "samples: the inbound SMS did not reach the sample's webhook"; cat "$work/webhook.log"; exit 1; }
echo "  the webhook printed: $(grep -m1 'SMS from' "$work/webhook.log")"
if grep -qF "$hook_secret" "$work/webhook.log"; then echo "samples: the webhook secret was written to the app's log"; exit 1; fi
if grep -qF "$hook_secret" "$work/emulator.log"; then echo "samples: the webhook secret was written to the emulator's log"; exit 1; fi

echo "samples: AotSample (PublishAot=true, zero trim/AOT warnings, run the native binary)"
if ! dotnet publish samples/AotSample -c Release -r linux-x64 -o "$work/aot" -nologo > "$work/aot.log" 2>&1; then
  grep -E "warning|error" "$work/aot.log" | sort -u | head -30; echo "samples: AOT publish failed"; exit 1
fi
if grep -Eq "warning (IL|AOT)[0-9]+" "$work/aot.log"; then
  grep -E "warning (IL|AOT)[0-9]+" "$work/aot.log" | sort -u | head -20; echo "samples: trim/AOT warnings"; exit 1
fi
echo "  native binary: $(du -h "$work/aot/AotSample" | cut -f1)"
"$work/aot/AotSample" | sed 's/^/  /'
echo "samples: OK"
