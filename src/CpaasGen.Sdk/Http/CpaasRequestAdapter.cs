using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Serialization.Form;

namespace Cpaas;

/// <summary>
/// The Kiota <see cref="IRequestAdapter"/> the generated clients run on inside <see cref="CpaasClient"/>: one
/// injected <see cref="HttpClient"/>, bearer token from <see cref="TokenProvider"/> (refreshed once and retried once
/// on a 401), the <c>X-Cpaas-Agent</c> header, a per-call timeout, size-capped responses read with the generated
/// models' Utf8JsonReader fast path, and every failure turned into a <see cref="CpaasApiException"/>.
/// </summary>
internal sealed class CpaasRequestAdapter : IRequestAdapter
{
    private static readonly ISerializationWriterFactory Writers = new ContentTypeWriterFactory();

    private readonly HttpClient _http;
    private readonly TokenProvider? _tokens;
    private readonly CpaasClientOptions _options;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly bool _authentication;

    public CpaasRequestAdapter(HttpClient http, CpaasClientOptions options, TokenProvider? tokens, ILogger logger, bool authentication = false)
    {
        _http = http;
        _options = options;
        _tokens = tokens;
        _logger = logger;
        _authentication = authentication;
        _baseUrl = options.BaseUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public ISerializationWriterFactory SerializationWriterFactory => Writers;

    /// <summary>The base URL. Fixed by the options: the client is immutable.</summary>
    public string? BaseUrl
    {
        get => _baseUrl;
        set
        {
            if (!string.Equals(value?.TrimEnd('/'), _baseUrl, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The base URL of a CpaasClient is fixed by CpaasClientOptions.BaseUrl.");
            }
        }
    }

    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => throw new NotSupportedException("Backing stores are not used by the CpaasGen SDK.");

    public Task<TModel?> SendAsync<TModel>(RequestInformation requestInfo, ParsableFactory<TModel> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where TModel : IParsable
        => SendCoreAsync<TModel?>(requestInfo, (status, body) => Deserialize(status, body, factory), cancellationToken);

    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        => SendCoreAsync<object?>(requestInfo, static (_, _) => null, cancellationToken);

    public Task<IEnumerable<TModel>?> SendCollectionAsync<TModel>(RequestInformation requestInfo, ParsableFactory<TModel> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where TModel : IParsable => throw new NotSupportedException("The spec has no top-level JSON arrays; the generated clients never call this.");

    public Task<TModel?> SendPrimitiveAsync<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] TModel>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The spec has no primitive response bodies; the generated clients never call this.");

    public Task<IEnumerable<TModel>?> SendPrimitiveCollectionAsync<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] TModel>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("The spec has no primitive response bodies; the generated clients never call this.");

    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(requestInfo, ReadContent(requestInfo), token: null);
        return Task.FromResult(message is T typed ? typed : default);
    }

    private TModel Deserialize<TModel>(int status, ReadOnlySpan<byte> body, ParsableFactory<TModel> factory)
        where TModel : IParsable
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new CpaasApiException(status, CpaasErrorKind.Unknown, null, null, null, "(empty body)", "A JSON body was expected.");
        }

        var model = factory(FactoryOnlyParseNode.Instance);
        if (model is not IJsonModel fast)
        {
            throw new NotSupportedException(typeof(TModel).Name + " has no generated JSON fast path.");
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            reader.Read();
            fast.ReadJson(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected data after the JSON value at byte " + reader.TokenStartIndex + ".");
            }

            return model;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException: invalid UTF-8 or a lone surrogate in a string. The token endpoint's body is
            // never echoed: it may carry token material.
            throw new CpaasApiException(
                status,
                CpaasErrorKind.Unknown,
                null,
                null,
                null,
                _authentication ? null : PhoneMasking.Snippet(body),
                "The response body is not the JSON the API description declares (" + PhoneMasking.Mask(ex.Message) + ").",
                ex);
        }
    }

    private async Task<T> SendCoreAsync<T>(RequestInformation requestInfo, Func<int, ReadOnlySpan<byte>, T> onSuccess, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var content = ReadContent(requestInfo);
        var operation = UrlTemplates.Operation(requestInfo);
        var idempotent = requestInfo.HttpMethod is not Method.POST and not Method.PATCH;
        var retry = _options.Retry;

        // The call's clock may have started earlier (a token request, an earlier request of the same SDK call).
        var started = CallScope.Current?.Started ?? Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(CallScope.Remaining(_options.Timeout, started));
        }

        using var activity = CpaasTelemetry.Source.StartActivity(operation, ActivityKind.Client);
        activity?.SetTag("http.request.method", requestInfo.HttpMethod.ToString());
        activity?.SetTag("url.template", operation);
        var retries = 0;
        var refreshed = false;
        try
        {
            while (true)
            {
                var token = _tokens is null ? null : await _tokens.GetTokenAsync(timeout.Token).ConfigureAwait(false);
                HttpResponseMessage response;
                try
                {
                    using var request = CreateMessage(requestInfo, content, token);
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException && !timeout.IsCancellationRequested
                    && retries < retry.MaxRetries && (idempotent || NeverReachedServer(ex)))
                {
                    retries++;
                    if (!await WaitBeforeRetryAsync(operation, Backoff(retry, retries), "network", started, timeout.Token).ConfigureAwait(false))
                    {
                        throw;
                    }

                    continue;
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    activity?.SetTag("http.response.status_code", status);
                    if (status == 401 && token is not null && !refreshed)
                    {
                        Log.Unauthorized(_logger, operation);
                        refreshed = true;
                        _tokens!.Invalidate(token);
                        continue;
                    }

                    if (idempotent && retries < retry.MaxRetries && status is 429 or 502 or 503 or 504)
                    {
                        var delay = RetryAfter(response) ?? Backoff(retry, retries + 1);
                        if (delay <= retry.MaxDelay)
                        {
                            retries++;
                            if (await WaitBeforeRetryAsync(operation, delay, status.ToString(System.Globalization.CultureInfo.InvariantCulture), started, timeout.Token).ConfigureAwait(false))
                            {
                                continue;
                            }
                        }
                    }

                    using var body = await ResponseBody.ReadAsync(response, _options.MaxResponseBytes, text => new CpaasApiException(status, CpaasErrorKind.Transport, null, null, null, null, text), timeout.Token).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    Log.Call(_logger, operation, status, elapsed.TotalMilliseconds);
                    Record(operation, status, elapsed);
                    if (status is >= 200 and < 300)
                    {
                        return onSuccess(status, body.Span);
                    }

                    throw ErrorBodyParser.Parse(status, body.Span, _authentication);
                }
            }
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's own cancellation: rethrow it carrying the caller's token, not our linked one.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            Log.Failed(_logger, operation, "timeout");
            throw Failed(activity, operation, TimeoutError(_options, _authentication, ex));
        }
        catch (HttpRequestException ex)
        {
            Log.Failed(_logger, operation, ex.HttpRequestError.ToString());
            throw Failed(activity, operation, Transport("The request failed: " + ex.HttpRequestError + " (" + PhoneMasking.Mask(ex.Message) + ").", ex));
        }
        catch (IOException ex)
        {
            Log.Failed(_logger, operation, "I/O");
            throw Failed(activity, operation, Transport("The connection failed while reading the response (" + PhoneMasking.Mask(ex.Message) + ").", ex));
        }
        catch (CpaasApiException ex)
        {
            Log.Failed(_logger, operation, ex.StatusCode > 0 ? ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + ex.ExceptionId : ex.Kind.ToString());
            throw Failed(activity, operation, ex);
        }
        finally
        {
            // Every attempt has been sent and the response read: the pooled request body can go back.
            (requestInfo.Content as PooledBodyStream)?.Release();
        }
    }

    /// <summary>The error for a call that ran out of <see cref="CpaasClientOptions.Timeout"/>.</summary>
    internal static CpaasApiException TimeoutError(CpaasClientOptions options, bool authentication, Exception? inner)
    {
        var text = "The call did not complete within " + options.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s (CpaasClientOptions.Timeout).";
        var timeout = new TimeoutException(text, inner);
        return authentication
            ? new CpaasAuthenticationException(0, CpaasErrorKind.Transport, null, text, null, timeout)
            : new CpaasApiException(0, CpaasErrorKind.Transport, null, text, null, null, null, timeout);
    }

    /// <summary>A POST may be retried only when the connection was refused: then no byte of it reached the server.</summary>
    internal static bool NeverReachedServer(Exception ex)
    {
        if (ex is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
        {
            return false;
        }

        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential backoff with full jitter: a random delay up to min(MaxDelay, BaseDelay × 2^(attempt-1)).</summary>
    internal static TimeSpan Backoff(CpaasRetryOptions retry, int attempt)
    {
        var ceiling = Math.Min(retry.MaxDelay.TotalMilliseconds, retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    /// <summary>Waits before a retry; false when the wait would not fit in the call's timeout (then the caller gives up now).</summary>
    private async Task<bool> WaitBeforeRetryAsync(string operation, TimeSpan delay, string reason, long started, CancellationToken cancellationToken)
    {
        if (_options.Timeout != Timeout.InfiniteTimeSpan && Stopwatch.GetElapsedTime(started) + delay >= _options.Timeout)
        {
            return false;
        }

        Log.Retrying(_logger, operation, reason, delay.TotalMilliseconds);
        CpaasTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.template", operation), new KeyValuePair<string, object?>("reason", reason));
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static readonly object?[] BoxedStatus = new object?[600];

    private static void Record(string operation, int status, TimeSpan elapsed)
    {
        // Statuses are boxed once and reused: telemetry must not cost an allocation per call.
        var boxed = status is >= 0 and < 600 ? BoxedStatus[status] ??= status : status;
        var tags = new TagList { { "url.template", operation }, { "http.response.status_code", boxed } };
        CpaasTelemetry.Calls.Add(1, tags);
        CpaasTelemetry.Duration.Record(elapsed.TotalSeconds, tags);
    }

    private static CpaasApiException Failed(Activity? activity, string operation, CpaasApiException error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Kind.ToString());
        activity?.SetTag("error.type", error.StatusCode > 0 ? error.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.Kind.ToString());
        if (error.ExceptionId is not null)
        {
            activity?.SetTag("cpaas.exception_id", error.ExceptionId);
        }

        CpaasTelemetry.Failures.Add(1, new KeyValuePair<string, object?>("url.template", operation), new KeyValuePair<string, object?>("error.kind", error.Kind.ToString()));
        return error;
    }

    private CpaasApiException Transport(string text, Exception inner)
        => _authentication
            ? new CpaasAuthenticationException(0, CpaasErrorKind.Transport, null, text, null, inner)
            : new CpaasApiException(0, CpaasErrorKind.Transport, null, text, null, null, null, inner);

    private HttpRequestMessage CreateMessage(RequestInformation requestInfo, ReadOnlyMemory<byte>? content, AccessToken? token)
    {
        requestInfo.PathParameters["baseurl"] = _baseUrl;
        var message = new HttpRequestMessage(HttpMethodOf(requestInfo.HttpMethod), UrlTemplates.Build(requestInfo));
        string? contentType = null;
        var headers = requestInfo.Headers;
        var copied = 0;
        if (headers.TryGetValue("Content-Type", out var contentTypes))
        {
            contentType = Single(contentTypes);
            copied++;
        }

        if (headers.TryGetValue("Accept", out var accepts) && Single(accepts) is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
            copied++;
        }

        if (headers.Count > copied)
        {
            // Any other header (a spec header parameter): the general, allocating path.
            foreach (var header in headers)
            {
                if (!string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) && !string.Equals(header.Key, "Accept", StringComparison.OrdinalIgnoreCase))
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        message.Headers.TryAddWithoutValidation("X-Cpaas-Agent", SdkInfo.Agent);
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", token.AuthorizationHeader);
        }

        if (content is { } bytes)
        {
            var body = new ReadOnlyMemoryContent(bytes);
            body.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/json");
            message.Content = body;
        }

        return message;
    }

    private static string? Single(IEnumerable<string> values)
    {
        string? last = null;
        if (values is HashSet<string> set)
        {
            foreach (var value in set)
            {
                last = value; // struct enumerator: no allocation
            }

            return last;
        }

        foreach (var value in values)
        {
            last = value;
        }

        return last;
    }

    private static ReadOnlyMemory<byte>? ReadContent(RequestInformation requestInfo)
    {
        // Kiota's RequestInformation.Content defaults to Stream.Null: that is "no body", not an empty JSON body.
        if (requestInfo.Content is not { } stream || ReferenceEquals(stream, Stream.Null))
        {
            return null;
        }

        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            return segment.AsMemory();
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static HttpMethod HttpMethodOf(Method method) => method switch
    {
        Method.GET => HttpMethod.Get,
        Method.POST => HttpMethod.Post,
        Method.PUT => HttpMethod.Put,
        Method.DELETE => HttpMethod.Delete,
        Method.PATCH => HttpMethod.Patch,
        Method.HEAD => HttpMethod.Head,
        Method.OPTIONS => HttpMethod.Options,
        _ => new HttpMethod(method.ToString()),
    };


}
