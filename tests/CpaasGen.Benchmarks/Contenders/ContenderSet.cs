using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cpaas;
using CpaasGen.Benchmarks.Infrastructure;
using CpaasGen.Reference.Kiota;
using CpaasGen.Reference.NSwag;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Json;
using Microsoft.Kiota.Serialization.Multipart;
using Microsoft.Kiota.Serialization.Text;
using Api = Cpaas.Api;
using K = CpaasGen.Reference.Kiota.Models;
using N = CpaasGen.Reference.NSwag;

namespace CpaasGen.Benchmarks.Contenders;

/// <summary>The clients compared. Every one runs the same three operations on the same transport and bytes.</summary>
public enum Contender
{
    /// <summary>Our SDK's public API: <c>client.Conversation.CreateMessageAsync</c> etc.</summary>
    Facade,

    /// <summary>Our generated layer directly (<c>Cpaas.Api.KandyApiClient</c>) over the SDK's own request adapter.</summary>
    Generated,

    /// <summary>Raw HttpClient + hand-written DTOs + a System.Text.Json source-generated context.</summary>
    Floor,

    /// <summary>The Kiota CLI's client on the stock Kiota runtime, default middleware (what HttpClientRequestAdapter uses when given no HttpClient).</summary>
    Kiota,

    /// <summary>The same Kiota client on a bare HttpClient (no Kiota middleware): isolates Kiota's serialization and request building.</summary>
    KiotaBare,

    /// <summary>NSwag's client (tests/CpaasGen.Reference.NSwag).</summary>
    NSwag,
}

/// <summary>
/// One instance of every contender over one kind of transport: per contender its own
/// <see cref="FixedResponseHandler"/> (in memory) or its own SocketsHttpHandler (loopback), so token counts and
/// connection pools are not shared. Built once per benchmark class; the facade's token is fetched in
/// <see cref="WarmUpAsync"/> unless a caller wants to measure the cold start.
/// </summary>
public sealed class ContenderSet : IDisposable
{
    private readonly List<IDisposable> _owned = new();
    private readonly Dictionary<Contender, HttpMessageHandler> _handlers = new();

    private ContenderSet(Func<HttpMessageHandler> transport, Uri baseUrl)
    {
        BaseUrl = baseUrl;
        foreach (var contender in Enum.GetValues<Contender>())
        {
            _handlers[contender] = transport();
            _owned.Add(_handlers[contender]);
        }

        // Facade and generated layer: one CpaasClient each (the generated-layer contender reuses its client's
        // KandyApiClient and request adapter, so it gets the same token provider, headers, timeout and limits).
        // Timeout is the SDK's own per-call timeout: the HttpClient gets none, as CpaasClient's own HttpClient does.
        Facade = CreateCpaasClient(_handlers[Contender.Facade], baseUrl);
        GeneratedOwner = CreateCpaasClient(_handlers[Contender.Generated], baseUrl);
        Generated = GeneratedOwner.Core.Api;

        Floor = new FloorClient(new HttpClient(_handlers[Contender.Floor], disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan }, baseUrl, Payloads.StaticAccessToken);

        Kiota = new KandyKiotaClient(CreateKiotaAdapter(KiotaClientFactory.Create(_handlers[Contender.Kiota]), baseUrl));
        KiotaBare = new KandyKiotaClient(CreateKiotaAdapter(Http(_handlers[Contender.KiotaBare]), baseUrl));

        var nswagHttp = Http(_handlers[Contender.NSwag]);
        nswagHttp.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Payloads.StaticAccessToken);
        NSwag = new KandyNSwagClient(nswagHttp) { BaseUrl = baseUrl.ToString() };
    }

    public Uri BaseUrl { get; }

    public CpaasClient Facade { get; }

    internal CpaasClient GeneratedOwner { get; }

    internal Api.KandyApiClient Generated { get; }

    public FloorClient Floor { get; }

    public KandyKiotaClient Kiota { get; }

    public KandyKiotaClient KiotaBare { get; }

    public KandyNSwagClient NSwag { get; }

    /// <summary>Every contender on its own in-memory <see cref="FixedResponseHandler"/>.</summary>
    public static ContenderSet InMemory() => new(() => new FixedResponseHandler(), new Uri("https://cpaas.bench.invalid"));

    /// <summary>Every contender on its own connection pool to <paramref name="baseUrl"/>.</summary>
    public static ContenderSet Loopback(Uri baseUrl) => new(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, baseUrl);

    /// <summary>How many token requests the facade's in-memory handler answered (the loopback stub counts its own).</summary>
    public int FacadeTokenRequests => (_handlers[Contender.Facade] as FixedResponseHandler)?.TokenRequests ?? -1;

    /// <summary>Gets the tokens, then runs every operation of every contender once and checks its result.</summary>
    public async Task WarmUpAsync()
    {
        await Facade.GetUserIdAsync().ConfigureAwait(false);
        await GeneratedOwner.GetUserIdAsync().ConfigureAwait(false);
        foreach (var contender in Enum.GetValues<Contender>())
        {
            Check(contender, "send", await SendAsync(contender).ConfigureAwait(false), Payloads.Sender);
            Check(contender, "list subscriptions", await ListSubscriptionsAsync(contender).ConfigureAwait(false), 2);
            Check(contender, "list messages", await ListMessagesAsync(contender).ConfigureAwait(false), Payloads.MessagePageSize);
        }
    }

    public Task<object?> SendAsync(Contender contender) => contender switch
    {
        Contender.Facade => Box(FacadeSendAsync()),
        Contender.Generated => Box(GeneratedSendAsync()),
        Contender.Floor => Box(FloorSendAsync()),
        Contender.Kiota => Box(KiotaSendAsync(Kiota)),
        Contender.KiotaBare => Box(KiotaSendAsync(KiotaBare)),
        Contender.NSwag => Box(NSwagSendAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(contender)),
    };

    public Task<object?> ListSubscriptionsAsync(Contender contender) => contender switch
    {
        Contender.Facade => Box(FacadeListSubscriptionsAsync()),
        Contender.Generated => Box(GeneratedListSubscriptionsAsync()),
        Contender.Floor => Box(FloorListSubscriptionsAsync()),
        Contender.Kiota => Box(KiotaListSubscriptionsAsync(Kiota)),
        Contender.KiotaBare => Box(KiotaListSubscriptionsAsync(KiotaBare)),
        Contender.NSwag => Box(NSwagListSubscriptionsAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(contender)),
    };

    public Task<object?> ListMessagesAsync(Contender contender) => contender switch
    {
        Contender.Facade => Box(FacadeListMessagesAsync()),
        Contender.Generated => Box(GeneratedListMessagesAsync()),
        Contender.Floor => Box(FloorListMessagesAsync()),
        Contender.Kiota => Box(KiotaListMessagesAsync(Kiota)),
        Contender.KiotaBare => Box(KiotaListMessagesAsync(KiotaBare)),
        Contender.NSwag => Box(NSwagListMessagesAsync()),
        _ => throw new ArgumentOutOfRangeException(nameof(contender)),
    };

    // ---- send SMS: each builds its own request model per call, as its user would --------------------------------

    public async Task<string?> FacadeSendAsync()
    {
        var sent = await Facade.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = [Payloads.Destination],
            SenderAddress = Payloads.Sender,
            Message = Payloads.Text,
            ClientCorrelator = Payloads.ClientCorrelator,
        }).ConfigureAwait(false);
        return sent.SenderAddress;
    }

    public async Task<string?> GeneratedSendAsync()
    {
        var response = await Generated.SmsOutbound.CreateOutboundSmsMessageAsync(Payloads.UserId, Payloads.Sender, new Api.OutboundSmsMessageRequestBody
        {
            OutboundSmsMessageRequest = new Api.OutboundSmsMessageRequest
            {
                Address = [Payloads.Destination],
                ClientCorrelator = Payloads.ClientCorrelator,
                OutboundSmsTextMessage = new Api.OutboundSmsTextMessage { Message = Payloads.Text },
            },
        }).ConfigureAwait(false);
        return response.OutboundSmsMessageRequest.SenderAddress;
    }

    public async Task<string?> FloorSendAsync()
    {
        var response = await Floor.SendAsync(Payloads.UserId, Payloads.Sender, new FloorSendRequestBody
        {
            OutboundSmsMessageRequest = new FloorSendRequest
            {
                Address = [Payloads.Destination],
                ClientCorrelator = Payloads.ClientCorrelator,
                OutboundSmsTextMessage = new FloorTextMessage { Message = Payloads.Text },
            },
        }).ConfigureAwait(false);
        return response.OutboundSmsMessageRequest?.SenderAddress;
    }

    public async Task<string?> KiotaSendAsync(KandyKiotaClient client)
    {
        var response = await client.Cpaas.Smsmessaging.V1[Payloads.UserId].Outbound[Payloads.Sender].Requests.PostAsync(new K.OutboundSmsMessageRequestBody
        {
            OutboundSMSMessageRequest = new K.OutboundSmsMessageRequest
            {
                Address = [Payloads.Destination],
                ClientCorrelator = Payloads.ClientCorrelator,
                OutboundSMSTextMessage = new K.OutboundSmsTextMessage { Message = Payloads.Text },
            },
        }).ConfigureAwait(false);
        return response?.OutboundSMSMessageRequest?.SenderAddress;
    }

    public async Task<string?> NSwagSendAsync()
    {
        var response = await NSwag.CreateOutboundSmsMessageAsync(Payloads.UserId, Payloads.Sender, new N.OutboundSmsMessageRequestBody
        {
            OutboundSMSMessageRequest = new N.OutboundSmsMessageRequest
            {
                Address = [Payloads.Destination],
                ClientCorrelator = Payloads.ClientCorrelator,
                OutboundSMSTextMessage = new N.OutboundSmsTextMessage { Message = Payloads.Text },
            },
        }).ConfigureAwait(false);
        return response.OutboundSMSMessageRequest.SenderAddress;
    }

    // ---- list subscriptions ------------------------------------------------------------------------------------

    public async Task<int> FacadeListSubscriptionsAsync() => (await Facade.Conversation.GetSubscriptionsAsync().ConfigureAwait(false)).Count;

    public async Task<int> GeneratedListSubscriptionsAsync()
        => (await Generated.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(Payloads.UserId).ConfigureAwait(false)).SubscriptionList.Subscription?.Count ?? 0;

    public async Task<int> FloorListSubscriptionsAsync()
        => (await Floor.ListSubscriptionsAsync(Payloads.UserId).ConfigureAwait(false)).SubscriptionList?.Subscription?.Count ?? 0;

    public async Task<int> KiotaListSubscriptionsAsync(KandyKiotaClient client)
        => (await client.Cpaas.Smsmessaging.V1[Payloads.UserId].Inbound.Subscriptions.GetAsync().ConfigureAwait(false))?.SubscriptionList?.Subscription?.Count ?? 0;

    public async Task<int> NSwagListSubscriptionsAsync()
        => (await NSwag.ListInboundSubscriptionsAsync(Payloads.UserId).ConfigureAwait(false)).SubscriptionList.Subscription?.Count ?? 0;

    // ---- one page of 100 messages ------------------------------------------------------------------------------

    public async Task<int> FacadeListMessagesAsync()
        => (await Facade.Conversation.GetMessagesAsync(Payloads.RemoteAddress, Payloads.LocalAddress).ConfigureAwait(false)).Items.Count;

    public async Task<int> GeneratedListMessagesAsync()
        => (await Generated.SmsHistory.ListSmsMessagesAsync(Payloads.UserId, Payloads.RemoteAddress, Payloads.LocalAddress).ConfigureAwait(false)).SmsMessageList.SmsMessage?.Count ?? 0;

    public async Task<int> FloorListMessagesAsync()
        => (await Floor.ListMessagesAsync(Payloads.UserId, Payloads.RemoteAddress, Payloads.LocalAddress).ConfigureAwait(false)).SmsMessageList?.SmsMessage?.Count ?? 0;

    public async Task<int> KiotaListMessagesAsync(KandyKiotaClient client)
        => (await client.Cpaas.Smsmessaging.V1[Payloads.UserId].RemoteAddresses[Payloads.RemoteAddress].LocalAddresses[Payloads.LocalAddress].Messages.GetAsync().ConfigureAwait(false))?.SmsMessageList?.SmsMessage?.Count ?? 0;

    public async Task<int> NSwagListMessagesAsync()
        => (await NSwag.ListSmsMessagesAsync(Payloads.UserId, Payloads.RemoteAddress, Payloads.LocalAddress).ConfigureAwait(false)).SmsMessageList.SmsMessage?.Count ?? 0;

    public void Dispose()
    {
        Facade.Dispose();
        GeneratedOwner.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    internal static CpaasClient CreateCpaasClient(HttpMessageHandler handler, Uri baseUrl)
        => new(
            new CpaasClientOptions { BaseUrl = baseUrl, ClientId = "PRIV-bench", ClientSecret = "bench-secret" },
            new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });

    private static HttpClient Http(HttpMessageHandler handler) => new(handler, disposeHandler: false);

    /// <summary>Kiota's stock adapter with its factories passed explicitly (the generated client also fills Kiota's global registries; this adapter does not read them).</summary>
    private static HttpClientRequestAdapter CreateKiotaAdapter(HttpClient http, Uri baseUrl)
    {
        var parseNodes = new ParseNodeFactoryRegistry();
        parseNodes.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        parseNodes.ContentTypeAssociatedFactories["text/plain"] = new TextParseNodeFactory();
        parseNodes.ContentTypeAssociatedFactories["application/x-www-form-urlencoded"] = new FormParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        writers.ContentTypeAssociatedFactories["text/plain"] = new TextSerializationWriterFactory();
        writers.ContentTypeAssociatedFactories["application/x-www-form-urlencoded"] = new FormSerializationWriterFactory();
        writers.ContentTypeAssociatedFactories["multipart/form-data"] = new MultipartSerializationWriterFactory();
        var auth = new BaseBearerTokenAuthenticationProvider(new StaticAccessTokenProvider(Payloads.StaticAccessToken));
        return new HttpClientRequestAdapter(auth, parseNodes, writers, http) { BaseUrl = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') };
    }

    private static void Check(Contender contender, string operation, object? actual, object expected)
    {
        if (!Equals(actual, expected))
        {
            throw new InvalidOperationException(contender + " " + operation + " returned '" + actual + "', expected '" + expected + "': the contender is broken, its numbers would mean nothing.");
        }
    }

    private static async Task<object?> Box<T>(Task<T> task) => await task.ConfigureAwait(false);

    private sealed class StaticAccessTokenProvider : IAccessTokenProvider
    {
        private readonly Task<string> _token;

        public StaticAccessTokenProvider(string token) => _token = Task.FromResult(token);

        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) => _token;
    }
}
