#!/usr/bin/env bash
# Spec changes reach users (issue 15), checked end to end on a copy of the repository:
#  1. add a property to a response schema (OutboundSmsMessageResult.ciProbeNote) and a new operation under a new tag
#     (GET /cpaas/smsmessaging/v1/{userId}/ciprobes/{probeId}?verbose=, operationId getCiProbe) to spec/openapi.yaml;
#  2. build the SDK from the copy, with no hand-written change anywhere in src/;
#  3. build and run a consumer project outside the solution (ProjectReference to the copied SDK) that sends an SMS and
#     reads the new property, then calls the new operation, through the public protocol layer (CpaasClient.Api), against
#     a Kestrel stub on 127.0.0.1 that checks the bearer token and the user id in the path.
# Fails when the property or the operation does not reach the public API (the consumer does not compile) or does not
# work over HTTP (the consumer exits non-zero).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$(date +%s)

mkdir -p "$work/repo"
(cd "$root" && git ls-files -z -- spec generator src/CpaasGen.Sdk src/Shared src/Directory.Build.targets .editorconfig Directory.Build.props Directory.Packages.props src/Directory.Build.props build/Version.props NuGet.config nuget.config \
  | xargs -0 -I{} cp --parents {} "$work/repo/")
spec="$work/repo/spec/openapi.yaml"
before_src="$(cd "$work/repo/src" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)"

echo "protocol-edit: add OutboundSmsMessageResult.ciProbeNote and the operation getCiProbe (new tag CiProbe) to the spec"
python3 - "$spec" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()

def insert_after(s, anchor, text, start=0):
    i = s.index(anchor, start)
    return s[:i + len(anchor)] + text + s[i + len(anchor):]

# 1. A property on a response schema.
i = s.index("    OutboundSmsMessageResult:\n")
j = s.index("      properties:\n", i) + len("      properties:\n")
s = s[:j] + ("        ciProbeNote:\n"
             "          type: string\n"
             "          description: A property CI adds to a response schema to prove it reaches users.\n") + s[j:]

# 2. A new tag, a new operation (path and query parameter, JSON response, the shared error response), its schema.
s = insert_after(s, "tags:\n", ("  - name: CiProbe\n"
                                "    description: Operations CI adds to prove a new operation reaches users.\n"))
s = insert_after(s, "paths:\n", (
    "  /cpaas/smsmessaging/v1/{userId}/ciprobes/{probeId}:\n"
    "    get:\n"
    "      tags:\n"
    "        - CiProbe\n"
    "      operationId: getCiProbe\n"
    "      summary: Read a CI probe.\n"
    "      description: An operation CI adds to prove it reaches users with no hand-written change.\n"
    "      parameters:\n"
    "        - $ref: '#/components/parameters/userId'\n"
    "        - name: probeId\n"
    "          in: path\n"
    "          required: true\n"
    "          description: The probe's id.\n"
    "          schema:\n"
    "            type: string\n"
    "        - name: verbose\n"
    "          in: query\n"
    "          required: false\n"
    "          description: Whether to say more.\n"
    "          schema:\n"
    "            type: boolean\n"
    "      responses:\n"
    "        '200':\n"
    "          description: The probe.\n"
    "          content:\n"
    "            application/json:\n"
    "              schema:\n"
    "                $ref: '#/components/schemas/CiProbe'\n"
    "        '4XX':\n"
    "          $ref: '#/components/responses/RequestError'\n"
    "        '5XX':\n"
    "          $ref: '#/components/responses/RequestError'\n"
    "\n"))
s = insert_after(s, "\n  schemas:\n", (
    "    CiProbe:\n"
    "      type: object\n"
    "      description: What getCiProbe answers.\n"
    "      required:\n"
    "        - probeId\n"
    "      properties:\n"
    "        probeId:\n"
    "          type: string\n"
    "          description: The probe's id, echoed.\n"
    "        hits:\n"
    "          type: integer\n"
    "          format: int64\n"
    "          description: How often the probe was read.\n"
    "        verbose:\n"
    "          type: boolean\n"
    "          description: The query parameter, echoed.\n"))
open(p, "w").write(s)
PY

mkdir -p "$work/consumer"
cat > "$work/consumer/Consumer.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$work/repo/src/CpaasGen.Sdk/CpaasGen.Sdk.csproj" />
  </ItemGroup>
</Project>
PROJ
cat > "$work/consumer/Program.cs" <<'CS'
// A user's project: it knows nothing of CpaasGen's sources, only its public API.
using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Cpaas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Api = Cpaas.Api; // the protocol layer's namespace, aliased

const string UserId = "ci-user-7";
const string Note = "added to the spec by CI";
static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
string Jwt(string typ) => B64("{\"alg\":\"none\"}") + "." + B64($"{{\"iat\":{now},\"exp\":{now + 3600},\"typ\":\"{typ}\",\"preferred_username\":\"{UserId}\"}}") + ".sig";
var access = Jwt("Bearer");

// The stub Kandy, on loopback: it answers only requests with the bearer token and the token's user id in the path.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
var app = builder.Build();
app.MapPost("/cpaas/auth/v1/token", () => Results.Json(new { access_token = access, id_token = Jwt("ID") }));
bool Authorized(HttpRequest r) => r.Headers.Authorization.ToString() == "Bearer " + access;
app.MapPost("/cpaas/smsmessaging/v1/{userId}/outbound/{sender}/requests", (HttpRequest r, string userId, string sender) =>
    !Authorized(r) || userId != UserId ? Results.StatusCode(401) : Results.Text(
        "{\"outboundSMSMessageRequest\":{\"address\":[\"+16139998877\"],\"senderAddress\":\"+16137001234\",\"ciProbeNote\":\"" + Note + "\","
        + "\"deliveryInfoList\":{\"deliveryInfo\":[{\"address\":\"+16139998877\",\"deliveryStatus\":\"DeliveredToNetwork\"}]},"
        + "\"outboundSMSTextMessage\":{\"message\":\"hi\"},\"resourceURL\":\"/cpaas/smsmessaging/v1/" + UserId + "/remoteAddresses/+16139998877/messages/m1\"}}",
        "application/json", statusCode: 201));
app.MapGet("/cpaas/smsmessaging/v1/{userId}/ciprobes/{probeId}", (HttpRequest r, string userId, string probeId, bool? verbose) =>
    !Authorized(r) || userId != UserId ? Results.StatusCode(401) : Results.Json(new { probeId, hits = 42L, verbose }));
await app.StartAsync();
var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

using var client = new CpaasClient(new CpaasClientOptions { BaseUrl = new Uri(baseUrl), ClientId = "PRIV-ci", ClientSecret = "ci-secret" });

// 1. The new response property, on the wire model of a send.
Api.OutboundSmsMessageResponseBody sent = await client.Api.SmsOutbound.CreateOutboundSmsMessageAsync(
    CpaasClient.CurrentUser, "default",
    new Api.OutboundSmsMessageRequestBody
    {
        OutboundSmsMessageRequest = new Api.OutboundSmsMessageRequest
        {
            Address = ["+16139998877"],
            OutboundSmsTextMessage = new Api.OutboundSmsTextMessage { Message = "hi" },
        },
    });
string? note = sent.OutboundSmsMessageRequest.CiProbeNote;
Console.WriteLine($"protocol-edit: new property ciProbeNote = \"{note}\"");

// 2. The new operation, under its new tag.
Api.CiProbe probe = await client.Api.CiProbe.GetCiProbeAsync(CpaasClient.CurrentUser, "probe-1", verbose: true);
Console.WriteLine($"protocol-edit: new operation getCiProbe = probeId {probe.ProbeId}, hits {probe.Hits}, verbose {probe.Verbose}");

await app.StopAsync();
return note == Note && probe.ProbeId == "probe-1" && probe.Hits == 42 && probe.Verbose == true ? 0 : 1;
CS

echo "protocol-edit: build the SDK from the edited spec, then the consumer (outside the solution)"
if ! dotnet build "$work/consumer" -c Release -nologo -v:q > "$work/build.log" 2>&1; then
  grep -E "error|Error" "$work/build.log" | sed "s#$work/##g" | sort -u | head -20
  echo "protocol-edit: FAILED — the property or the operation added to the spec did not reach the public API"
  exit 1
fi
after_src="$(cd "$work/repo/src" && find . -path '*/obj' -prune -o -path '*/bin' -prune -o -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)"
if [ "$before_src" != "$after_src" ]; then
  echo "protocol-edit: FAILED — something changed a hand-written file under src/"
  exit 1
fi
if ! dotnet "$work/consumer/bin/Release/net10.0/Consumer.dll"; then
  echo "protocol-edit: FAILED — the consumer compiled but the new property or operation did not work over HTTP"
  exit 1
fi
echo "protocol-edit: OK — a new response property and a new operation reached a consumer with no hand-written change ($(( $(date +%s) - started )) s)"
