using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// The SDK's Kiota adapter implements every IRequestAdapter member for real, through the same pipeline as the
/// facade: arrays of generated models (fast path), primitives and arrays of primitives (Utf8JsonReader, or the raw text
/// of a text/* body), streams, no content, request bodies of every kind the generated clients write, the backing-store
/// switch and native requests. (Generated clients for specs with such bodies call these.)
/// </summary>
public sealed class RequestAdapterTests : IClassFixture<KandyServer>
{
    private const string Path = "/cpaas/test/v1/items";

    private readonly KandyServer _kandy;

    public RequestAdapterTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    private static RequestInformation Get(string path = Path)
    {
        var info = new RequestInformation(Method.GET, "{+baseurl}" + path, new Dictionary<string, object>());
        info.Headers.TryAdd("Accept", "application/json");
        return info;
    }

    private IRequestAdapter Adapter(CpaasClient client) => client.Core.Api.RequestAdapter;

    [Fact]
    public async Task AnArrayOfGeneratedModelsIsReadThroughTheFastPath()
    {
        _kandy.Stub("GET", Path, 200, """[{"callbackReference":{"notifyURL":"wh-1"},"destinationAddress":"+16137001234","resourceURL":"/x/sub-1"},{"callbackReference":{"notifyURL":"wh-2"},"destinationAddress":"+16137005678","resourceURL":"/x/sub-2"}]""");
        using var client = _kandy.Client();

        var items = (await Adapter(client).SendCollectionAsync(Get(), InboundSubscription.CreateFromDiscriminatorValue))!.ToList();

        Assert.Equal(new[] { "wh-1", "wh-2" }, items.Select(i => i.CallbackReference.NotifyUrl));
        Assert.Equal("Bearer ey", Wire.Header(Assert.Single(_kandy.ApiCalls), "Authorization")![..9]); // through the pipeline
    }

    [Fact]
    public async Task AnArrayOfModelsWithoutTheFastPathIsReadByKiotasParseNode()
    {
        _kandy.Stub("GET", Path, 200, """[{"name":"a","size":1},{"name":"b","size":2,"extra":true}]""");
        using var client = _kandy.Client();

        var items = (await Adapter(client).SendCollectionAsync(Get(), PlainModel.Create))!.ToList();

        Assert.Equal(new[] { "a:1", "b:2" }, items.Select(i => i.Name + ":" + i.Size));
        Assert.True(items[1].AdditionalData.ContainsKey("extra"));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("[{\"callbackReference\":5}]")]
    [InlineData("")]
    public async Task AnArrayBodyThatIsNotTheDeclaredShapeIsACpaasApiException(string body)
    {
        _kandy.Stub("GET", Path, 200, body);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Adapter(client).SendCollectionAsync(Get(), InboundSubscription.CreateFromDiscriminatorValue));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Unknown, error.Kind);
    }

    [Fact]
    public async Task PrimitivesAreReadWithTheJsonReader()
    {
        using var client = _kandy.Client();
        var adapter = Adapter(client);

        _kandy.Stub("GET", Path, 200, "\"hello +16137001234\"");
        Assert.Equal("hello +16137001234", await adapter.SendPrimitiveAsync<string>(Get()));
        _kandy.Reset();
        _kandy.StubToken();
        _kandy.Stub("GET", Path, 200, "42");
        Assert.Equal(42, await adapter.SendPrimitiveAsync<int>(Get()));
        Assert.Equal(42L, await adapter.SendPrimitiveAsync<long?>(Get()));
        Assert.Equal(42.0, await adapter.SendPrimitiveAsync<double>(Get()));
        _kandy.Reset();
        _kandy.StubToken();
        _kandy.Stub("GET", Path, 200, "null");
        Assert.Null(await adapter.SendPrimitiveAsync<int?>(Get()));
        _kandy.Reset();
        _kandy.StubToken();
        _kandy.Stub("GET", Path, 200, "\"2030-01-02T03:04:05Z\"");
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), await adapter.SendPrimitiveAsync<DateTimeOffset>(Get()));
        _kandy.Reset();
        _kandy.StubToken();
        _kandy.Stub("GET", Path, 200, "true");
        Assert.True(await adapter.SendPrimitiveAsync<bool>(Get()));
    }

    [Fact]
    public async Task ATextBodyIsReadAsItsText()
    {
        _kandy.Stub("GET", Path, 200, "plain text, not JSON", "text/plain");
        using var client = _kandy.Client();

        Assert.Equal("plain text, not JSON", await Adapter(client).SendPrimitiveAsync<string>(Get()));
    }

    [Fact]
    public async Task AStreamBodyIsTheBytesAsSent()
    {
        var bytes = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        _kandy.Server.Given(KandyServer.RawPath(Path).UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(bytes));
        using var client = _kandy.Client();

        await using var stream = await Adapter(client).SendPrimitiveAsync<Stream>(Get());
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task AnArrayOfPrimitivesIsRead()
    {
        _kandy.Stub("GET", Path, 200, "[\"a\",\"b\",\"c\"]");
        using var client = _kandy.Client();

        Assert.Equal(new[] { "a", "b", "c" }, await Adapter(client).SendPrimitiveCollectionAsync<string>(Get()));
    }

    [Theory]
    [InlineData("\"forty-two\"")]
    [InlineData("{\"a\":1}")]
    [InlineData("4294967296")]
    [InlineData("42 43")]
    public async Task APrimitiveBodyOfTheWrongTypeIsACpaasApiException(string body)
    {
        _kandy.Stub("GET", Path, 200, body);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Adapter(client).SendPrimitiveAsync<int>(Get()));

        Assert.Equal(200, error.StatusCode);
        Assert.DoesNotContain("forty-two", error.InnerException?.ToString() ?? string.Empty, StringComparison.Ordinal); // a parser's message may quote the value: not chained
    }

    [Fact]
    public async Task RequestBodiesOfEveryKindAreWritten()
    {
        _kandy.Stub("POST", Path, 204);
        using var client = _kandy.Client();
        var adapter = Adapter(client);

        var array = new RequestInformation(Method.POST, "{+baseurl}" + Path, new Dictionary<string, object>());
        array.SetContentFromParsable(adapter, "application/json", new[] { new CallbackReference { NotifyUrl = "a" }, new CallbackReference { NotifyUrl = "b" } });
        await adapter.SendNoContentAsync(array);

        var scalar = new RequestInformation(Method.POST, "{+baseurl}" + Path, new Dictionary<string, object>());
        scalar.SetContentFromScalar(adapter, "application/json", "just a string");
        await adapter.SendNoContentAsync(scalar);

        var text = new RequestInformation(Method.POST, "{+baseurl}" + Path, new Dictionary<string, object>());
        text.SetContentFromScalar(adapter, "text/plain", "raw text");
        await adapter.SendNoContentAsync(text);

        var plain = new RequestInformation(Method.POST, "{+baseurl}" + Path, new Dictionary<string, object>());
        plain.SetContentFromParsable(adapter, "application/json", new PlainModel { Name = "n", Size = 3 });
        await adapter.SendNoContentAsync(plain);

        var stream = new RequestInformation(Method.POST, "{+baseurl}" + Path, new Dictionary<string, object>());
        stream.SetStreamContent(new MemoryStream(new byte[] { 1, 2, 3 }), "application/octet-stream");
        await adapter.SendNoContentAsync(stream);

        var bodies = _kandy.ApiCalls.Select(c => c.RequestMessage.Body).ToList();
        Wire.AssertJson("""[{"notifyURL":"a"},{"notifyURL":"b"}]""", bodies[0]);
        Assert.Equal("\"just a string\"", bodies[1]);
        Assert.Equal("raw text", bodies[2]);
        Wire.AssertJson("""{"name":"n","size":3}""", bodies[3]);
        Assert.Equal(new byte[] { 1, 2, 3 }, _kandy.ApiCalls[4].RequestMessage.BodyAsBytes);
        Assert.StartsWith("text/plain", Wire.Header(_kandy.ApiCalls[2], "Content-Type"));
    }

    [Fact]
    public void AnUnknownContentTypeIsRefusedNamingIt()
    {
        using var client = _kandy.Client();
        var info = new RequestInformation(Method.POST, "{+baseurl}" + Path, new Dictionary<string, object>());

        var error = Assert.Throws<InvalidOperationException>(() => info.SetContentFromParsable(Adapter(client), "application/xml", new PlainModel()));

        Assert.Contains("application/xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnablingTheBackingStoreWrapsTheWriterFactoryWithoutAProcessWideSwitch()
    {
        using var client = _kandy.Client();
        var adapter = Adapter(client);
        var before = BackingStoreFactorySingleton.Instance;

        Assert.Throws<ArgumentNullException>(() => adapter.EnableBackingStore(null!));
        adapter.EnableBackingStore(new InMemoryBackingStoreFactory());
        adapter.EnableBackingStore(new InMemoryBackingStoreFactory());

        Assert.IsType<BackingStoreSerializationWriterProxyFactory>(adapter.SerializationWriterFactory);
        Assert.Same(before, BackingStoreFactorySingleton.Instance);
    }

    [Fact]
    public async Task TheNativeRequestIsTheRequestAsDescribed()
    {
        using var client = _kandy.Client();
        var info = Get(Path + "/{+id}");
        info.PathParameters["id"] = "a%2Fb";

        var native = await Adapter(client).ConvertToNativeRequestAsync<HttpRequestMessage>(info);

        Assert.Equal(new Uri(_kandy.Url + Path + "/a%2Fb"), native!.RequestUri);
        Assert.Equal("application/json", native.Headers.Accept.Single().MediaType);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public async Task AFactoryThatReadsADiscriminatorGetsAWorkingParseNode()
    {
        _kandy.Stub("GET", Path, 200, """{"kind":"plain","name":"x","size":7}""");
        using var client = _kandy.Client();

        var model = await Adapter(client).SendAsync(Get(), node => node.GetChildNode("kind")?.GetStringValue() == "plain" ? new PlainModel() : throw new InvalidOperationException("no discriminator"));

        Assert.Equal("x", model!.Name);
        Assert.Equal(7, model.Size);
    }

    /// <summary>A Kiota model without the generated fast path (as another generator or a hand-written model would be).</summary>
    private sealed class PlainModel : IParsable, IAdditionalDataHolder
    {
        public string? Name { get; set; }

        public int? Size { get; set; }

        public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

        public static PlainModel Create(IParseNode node) => new();

        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
        {
            ["name"] = n => Name = n.GetStringValue(),
            ["size"] = n => Size = n.GetIntValue(),
            ["kind"] = _ => { },
        };

        public void Serialize(ISerializationWriter writer)
        {
            writer.WriteStringValue("name", Name);
            writer.WriteIntValue("size", Size);
        }
    }
}
