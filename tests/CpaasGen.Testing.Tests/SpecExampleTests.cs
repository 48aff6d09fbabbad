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

        Assert.Equal(
            "{\"q\":\"+16139998877\",\"p\":16139998877,\"t\":true,\"n\":null,\"f\":1.5e3,\"s\":\"plain text\",\"x\":31,\"l\":\"line\\n\",\"e\":\"\",\"v\":\"1.0.0\"}",
            WireJson.Serialize(Convert("q: \"+16139998877\"\np: +16139998877\nt: true\nn: ~\nf: 1.5e3\ns: plain text\nx: 0x1F\nl: |\n  line\ne: ''\nv: \"1.0.0\"\n")));
    }

    [Fact]
    public async Task Answers_have_the_shape_of_the_spec_examples_with_the_request_values()
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);

        using var request = new HttpRequestMessage(HttpMethod.Post, server.Url + "/cpaas/smsmessaging/v1/" + server.UserId + "/outbound/default/requests")
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
        using var channelRequest = new HttpRequestMessage(HttpMethod.Post, server.Url + "/cpaas/notificationchannel/v1/" + server.UserId + "/channels")
        {
            Content = new StringContent("{\"notificationChannel\":{\"channelData\":{\"x-webhookURL\":\"https://a.example/h\"},\"channelType\":\"webhooks\"}}", Encoding.UTF8, "application/json"),
        };
        channelRequest.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var channelResponse = await http.SendAsync(channelRequest);
        var channel = JsonNode.Parse(await channelResponse.Content.ReadAsStringAsync())!["notificationChannel"]!;
        Assert.Equal("Webhooks", channel["channelType"]!.GetValue<string>());
        Assert.Equal("{\"x-webhookURL\":\"https://a.example/h\"}", channel["channelData"]!.ToJsonString());
        Assert.False(channel.AsObject().ContainsKey("clientCorrelator")); // not sent, so not echoed
    }

    [Fact]
    public void Operations_without_an_example_of_their_own_are_named_in_strict_mode()
    {
        // Computed from the spec file, independently of the kit.
        var spec = SpecFile.Load();
        var lacking = SpecFile.Operations(spec)
            .Where(o => SuccessMedia(spec, o.Operation).Any() && !SuccessMedia(spec, o.Operation).Any(m => SpecFile.Member(m, "example") is not null || SpecFile.Member(m, "examples") is not null))
            .Select(o => SpecFile.OperationId(o.Operation))
            .ToList();

        // Lenient (default): the kit composes those answers from the spec's other examples and starts.
        using (var server = CpaasMockServer.Start())
        {
            Assert.Equal(lacking, ApiDescription.Embedded.Operations.Where(o => o.SuccessExample is not null && !o.HasOwnExample).Select(o => o.OperationId));
        }

        if (lacking.Count == 0)
        {
            using var strict = CpaasMockServer.Start(new CpaasMockServerOptions { RequireOperationExamples = true });
            return;
        }

        var error = Assert.Throws<InvalidOperationException>(() => CpaasMockServer.Start(new CpaasMockServerOptions { RequireOperationExamples = true }));
        Assert.All(lacking, id => Assert.Contains(id, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Composed_examples_are_made_of_the_spec_examples_of_their_parts()
    {
        var api = ApiDescription.Embedded;
        var threadList = api.Operation("listSmsThreads").SuccessExample!;
        Assert.Equal(WireJson.Serialize(threadList), WireJson.Serialize(api.Operation("listSmsThreadsWithRemoteAddress").SuccessExample));
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

    private static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return YamlJson.ToJson(stream.Documents[0].RootNode);
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
