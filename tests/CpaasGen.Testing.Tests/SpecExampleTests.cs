using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cpaas.Testing.Internal;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Cpaas.Testing.Tests;

/// <summary>The canned answers are the spec's examples: converted faithfully, adapted, and loudly missed.</summary>
public sealed class SpecExampleTests
{
    [Fact]
    public void Yaml_examples_convert_to_json_faithfully()
    {
        var send = ApiDescription.Embedded.Operation("createOutboundSmsMessage");
        Assert.Equal(201, send.SuccessStatus);
        var result = send.SuccessExample!["outboundSMSMessageRequest"]!;
        Assert.Equal(JsonValueKind.Number, result["clientCorrelator"]!.GetValueKind());
        Assert.Equal("67893", result["clientCorrelator"]!.ToJsonString());
        Assert.Equal(JsonValueKind.String, result["address"]![0]!.GetValueKind());
        Assert.Equal("+16139998877", result["address"]![0]!.GetValue<string>());

        var threads = ApiDescription.Embedded.Operation("listSmsThreads").SuccessExample!;
        Assert.Equal("1545913604543", threads["smsThreadList"]!["smsThread"]![0]!["threadDetails"]!["firstMessageTime"]!.ToJsonString());

        // Scalars keep their YAML kinds (Microsoft.OpenApi's YAML reader): a quoted "+1…" is a string, a bare one a number.
        var example = Convert("q: \"+16139998877\"\np: 16139998877\nt: true\ns: plain text\nl: |\n  line\ne: ''\nv: \"1.0.0\"\n");
        Assert.Equal(JsonValueKind.String, example["q"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Number, example["p"]!.GetValueKind());
        Assert.Equal(JsonValueKind.True, example["t"]!.GetValueKind());
        Assert.Equal("plain text", example["s"]!.GetValue<string>());
        Assert.Equal("line\n", example["l"]!.GetValue<string>());
        Assert.Equal(string.Empty, example["e"]!.GetValue<string>());
        Assert.Equal("1.0.0", example["v"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answers_have_the_shape_of_the_spec_examples_with_the_request_values()
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);

        using var request = new HttpRequestMessage(HttpMethod.Post, server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/outbound/default/requests")
        {
            Content = new StringContent("{\"outboundSMSMessageRequest\":{\"address\":[\"+16131234567\"],\"clientCorrelator\":42,\"outboundSMSTextMessage\":{\"message\":\"Hi\"}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var example = ApiDescription.Embedded.Operation("createOutboundSmsMessage").SuccessExample!;

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal(Shape(example), Shape(answer));
        var result = answer["outboundSMSMessageRequest"]!;
        Assert.Equal("42", result["clientCorrelator"]!.ToJsonString()); // echoed as sent: a number stays a number
        Assert.Equal(server.DefaultNumber, result["senderAddress"]!.GetValue<string>());
        Assert.Equal("+16131234567", result["deliveryInfoList"]!["deliveryInfo"]![0]!["address"]!.GetValue<string>());
        var id = result["resourceURL"]!.GetValue<string>().Split('/')[^1];
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses/" + server.DefaultNumber + "/messages/" + id, result["resourceURL"]!.GetValue<string>());
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses/+16131234567/messages/" + id + "/deliveryInfos", result["deliveryInfoList"]!["resourceURL"]!.GetValue<string>());

        // The channel type comes from the example ("Webhooks"), not from the request ("webhooks").
        using var channelRequest = new HttpRequestMessage(HttpMethod.Post, server.Root() + "/cpaas/notificationchannel/v1/" + server.UserId + "/channels")
        {
            // Issue 11: clientCorrelator is required in a channel creation (the vendor's model), so it is sent (as a number).
            Content = new StringContent("{\"notificationChannel\":{\"channelData\":{\"x-webhookURL\":\"https://a.example/h\"},\"channelType\":\"webhooks\",\"clientCorrelator\":7}}", Encoding.UTF8, "application/json"),
        };
        channelRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var channelResponse = await http.SendAsync(channelRequest);
        var channel = JsonNode.Parse(await channelResponse.Content.ReadAsStringAsync())!["notificationChannel"]!;
        Assert.Equal("Webhooks", channel["channelType"]!.GetValue<string>());
        Assert.Equal("{\"x-webhookURL\":\"https://a.example/h\"}", channel["channelData"]!.ToJsonString());
        Assert.Equal("7", channel["clientCorrelator"]!.ToJsonString()); // echoed as sent
    }

    [Fact]
    public void Every_operation_with_a_body_has_an_example_of_its_own_in_the_spec()
    {
        // Computed from the spec file, independently of the kit (issue 11: the five without one got real examples).
        var spec = SpecFile.Load();
        var lacking = SpecFile.Operations(spec)
            .Where(o => SuccessMedia(spec, o.Operation).Any() && !SuccessMedia(spec, o.Operation).Any(m => SpecFile.Member(m, "example") is not null || SpecFile.Member(m, "examples") is not null))
            .Select(o => SpecFile.OperationId(o.Operation))
            .ToList();

        Assert.Empty(lacking);
        using var server = CpaasMockServer.Start();
        Assert.All(ApiDescription.Embedded.Operations, o => Assert.True(o.SuccessExample is not null || o.SuccessStatus == 204, o.OperationId));
    }

    [Fact]
    public void The_added_examples_are_the_fixtures_of_the_neighbouring_operations()
    {
        var api = ApiDescription.Embedded;
        var threadList = api.Operation("listSmsThreads").SuccessExample!;
        Assert.Equal(WireJson.Serialize(threadList["smsThreadList"]!["smsThread"]![1]), WireJson.Serialize(api.Operation("listSmsThreadsWithRemoteAddress").SuccessExample!["smsThreadList"]!["smsThread"]![0]));
        Assert.Equal(WireJson.Serialize(threadList["smsThreadList"]!["smsThread"]![0]), WireJson.Serialize(api.Operation("getSmsThread").SuccessExample!["smsThread"]));
        Assert.Equal(
            WireJson.Serialize(api.Operation("listSmsMessages").SuccessExample!["smsMessageList"]!["smsMessage"]![0]),
            WireJson.Serialize(api.Operation("getSmsMessage").SuccessExample!["smsMessage"]));
        Assert.Equal(
            WireJson.Serialize(api.Operation("createNotificationChannel").SuccessExample),
            WireJson.Serialize(api.Operation("getNotificationChannel").SuccessExample));
    }

    [Fact]
    public void An_operation_without_any_usable_example_fails_loudly_naming_it()
    {
        const string Yaml = """
            openapi: 3.0.3
            info: { title: t, version: "1" }
            paths:
              /cpaas/widgets/v1/{userId}/widgets:
                get:
                  operationId: listWidgets
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/WidgetList'
            components:
              schemas:
                WidgetList:
                  type: object
                  required: [widgets]
                  properties:
                    widgets:
                      type: string
            """;

        var error = Assert.Throws<InvalidOperationException>(() => CpaasMockServer.Start(new CpaasMockServerOptions(), ApiDescription.Parse(Yaml)));

        Assert.Contains("listWidgets", error.Message, StringComparison.Ordinal);
        Assert.Contains("widgets", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_the_kit_has_no_stub_for_fails_loudly_naming_it()
    {
        var yaml = SpecFile.Text().Replace(
            "\npaths:\n",
            "\npaths:\n  /cpaas/widgets/v1/{userId}/widgets:\n    delete:\n      operationId: deleteWidgets\n      responses:\n        '204':\n          description: gone\n",
            StringComparison.Ordinal);

        var error = Assert.Throws<InvalidOperationException>(() => CpaasMockServer.Start(new CpaasMockServerOptions(), ApiDescription.Parse(yaml)));

        Assert.Contains("'deleteWidgets' (DELETE /cpaas/widgets/v1/{userId}/widgets) has no stub", error.Message, StringComparison.Ordinal);
    }

    private static System.Collections.Generic.IEnumerable<YamlMappingNode> SuccessMedia(YamlMappingNode spec, YamlMappingNode operation)
    {
        var responses = (YamlMappingNode)SpecFile.Member(operation, "responses")!;
        foreach (var response in responses.Children.Where(r => ((YamlScalarNode)r.Key).Value!.StartsWith('2')))
        {
            if (SpecFile.Member((YamlMappingNode)SpecFile.Deref(spec, response.Value), "content") is YamlMappingNode content
                && SpecFile.Member(content, "application/json") is YamlMappingNode media)
            {
                yield return media;
            }
        }
    }

    /// <summary>An example as the kit reads it: inside a one-operation document, through Microsoft.OpenApi.</summary>
    private static JsonNode Convert(string yaml)
    {
        var indented = string.Join("\n", yaml.TrimEnd('\n').Split('\n').Select(l => new string(' ', 18) + l));
        var document = "openapi: 3.0.3\ninfo: { title: t, version: \"1\" }\npaths:\n  /x:\n    get:\n      operationId: x\n      responses:\n        '200':\n"
            + "          description: ok\n          content:\n            application/json:\n              example:\n" + indented + "\n";
        return ApiDescription.Parse(document).Operation("x").SuccessExample!;
    }

    /// <summary>The member names and value kinds, recursively (arrays by their first item).</summary>
    private static string Shape(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Shape(p.Value))) + "}",
        JsonArray array => "[" + (array.Count > 0 ? Shape(array[0]) : string.Empty) + "]",
        JsonValue value => value.GetValueKind().ToString(),
        _ => "null",
    };
}
