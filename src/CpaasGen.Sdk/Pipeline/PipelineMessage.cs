using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using Microsoft.Kiota.Abstractions;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Cpaas;

/// <summary>
/// One request on its way through the <see cref="RequestPipeline"/>: what to send (the generated client's
/// <see cref="RequestInformation"/>, or on the direct path its <see cref="OperationDescriptor"/> with the call's path and
/// query values; the body bytes; the headers the policies add), the state the policies share
/// (deadline, attempts, whether the request may have been processed, the server's Retry-After) and the current
/// attempt's answer (status, headers, the body read into a pooled buffer). Every policy reads and writes only this
/// object: there is no ambient state. Disposing it returns the pooled buffers and disposes the last answer; a rented
/// message (<see cref="Rent"/>) then goes back to its thread's spare slot, so a request costs no message allocation.
/// </summary>
internal sealed class PipelineMessage : IDisposable
{
    [ThreadStatic]
    private static PipelineMessage? t_spare;

    private bool _rented;
    private (string Name, string Value) _header0;
    private (string Name, string Value) _header1;
    private List<(string Name, string Value)>? _moreHeaders;
    private int _headerCount;
    private Uri? _url;

    // The direct path (no RequestInformation): the generated operation, the base URL, the call's values, the pooled body.
    private OperationDescriptor? _descriptor;
    private string? _baseUrl;
    private string[]? _pathValues;
    private string?[]? _queryValues;
    private byte[]? _pooledContent;

    private PipelineMessage()
    {
        Reader = null!;
        Method = null!;
        Operation = null!;
    }

    /// <summary>A message that is not pooled (its body stays usable after <see cref="Dispose"/> is skipped, for a native request).</summary>
    public static PipelineMessage Create(RequestInformation request, ResponseReader reader, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        var message = new PipelineMessage();
        message.Initialize(request, reader, errorMapping, cancellationToken);
        return message;
    }

    /// <summary>A message from this thread's spare slot (or a new one); <see cref="Dispose"/> gives it back.</summary>
    public static PipelineMessage Rent(RequestInformation request, ResponseReader reader, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        var message = t_spare ?? new PipelineMessage();
        t_spare = null;
        message.Initialize(request, reader, errorMapping, cancellationToken);
        message._rented = true;
        return message;
    }

    /// <summary>
    /// A message for the direct path, from this thread's spare slot: the generated <paramref name="operation"/> with the
    /// call's encoded path values and query values, and the body in <paramref name="pooledContent"/> (rented from
    /// <see cref="System.Buffers.ArrayPool{T}.Shared"/>; <see cref="Dispose"/> returns it).
    /// </summary>
    public static PipelineMessage RentDirect(OperationDescriptor operation, string baseUrl, string[] pathValues, string?[]? queryValues, byte[]? pooledContent, int contentLength, ResponseReader reader, CancellationToken cancellationToken)
    {
        var message = t_spare ?? new PipelineMessage();
        t_spare = null;
        message._descriptor = operation;
        message._baseUrl = baseUrl;
        message._pathValues = pathValues;
        message._queryValues = queryValues;
        message._pooledContent = pooledContent;
        message.Reader = reader;
        message.ErrorMapping = operation.ErrorMapping;
        message.CallerToken = cancellationToken;
        message.CancellationToken = cancellationToken;
        message.Method = HttpMethodOf(operation.Method);
        message.IsIdempotent = IsIdempotentMethod(operation.Method);
        message.Operation = operation.Name;
        message.Content = pooledContent is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(pooledContent, 0, contentLength);
        message.ContentType = pooledContent is null ? null : operation.ContentType;
        message._rented = true;
        return message;
    }

    private void Initialize(RequestInformation request, ResponseReader reader, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        Request = request;
        Reader = reader;
        ErrorMapping = errorMapping;
        CallerToken = cancellationToken;
        CancellationToken = cancellationToken;
        Method = HttpMethodOf(request.HttpMethod);
        IsIdempotent = IsIdempotentMethod(request.HttpMethod);
        Operation = UrlTemplates.Operation(request);
        (Content, ContentType) = ReadContent(request);
    }

    private static bool IsIdempotentMethod(Method method)
        => method is not Microsoft.Kiota.Abstractions.Method.POST and not Microsoft.Kiota.Abstractions.Method.PATCH;

    // ---- the request ---------------------------------------------------------------------------------------------

    /// <summary>The generated client's request: method, URL template with its path and query values, Accept, body. Null on the direct path.</summary>
    public RequestInformation? Request { get; private set; }

    public HttpMethod Method { get; private set; }

    /// <summary>"METHOD /path/{template}": the loggable name of the operation (no ids, no numbers).</summary>
    public string Operation { get; private set; }

    /// <summary>
    /// GET, PUT, DELETE, HEAD, OPTIONS: repeating them cannot repeat an effect (POST and PATCH can) — unless the caller
    /// knows better (<see cref="TreatAsNotIdempotent"/>).
    /// </summary>
    public bool IsIdempotent { get; private set; }

    /// <summary>Marks a request whose method says "idempotent" but whose effect is not (a PUT that sends a message): it is then retried like a POST.</summary>
    public void TreatAsNotIdempotent() => IsIdempotent = false;

    /// <summary>The request body, serialized once and sent as is by every attempt; null for none.</summary>
    public ReadOnlyMemory<byte>? Content { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>How a successful answer becomes the result (the generated models' fast path, or the token response's reader).</summary>
    public ResponseReader Reader { get; private set; }

    /// <summary>The generated client's error models by status ("401", "4XX", "5XX", "XXX"), when it declared any.</summary>
    public Dictionary<string, ParsableFactory<IParsable>>? ErrorMapping { get; private set; }

    // ---- shared state --------------------------------------------------------------------------------------------

    /// <summary>The caller's token: its cancellation is an <see cref="OperationCanceledException"/>, never a timeout.</summary>
    public CancellationToken CallerToken { get; private set; }

    /// <summary>The token every wait and send uses: the caller's, linked with the deadline once <see cref="DeadlinePolicy"/> set it.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>When the deadline expires (<see cref="System.Diagnostics.Stopwatch"/> ticks), or null for none.</summary>
    public long? Deadline { get; set; }

    /// <summary>The time left before the deadline (<see cref="Timeout.InfiniteTimeSpan"/> without one).</summary>
    public TimeSpan Remaining
        => Deadline is { } deadline
            ? TimeSpan.FromTicks(Math.Max(0, (long)((deadline - System.Diagnostics.Stopwatch.GetTimestamp()) * ((double)TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency))))
            : Timeout.InfiniteTimeSpan;

    /// <summary>Set once the access token has been refreshed after a 401: it happens at most once per request.</summary>
    public bool TokenRefreshed { get; set; }

    /// <summary>How many attempts were handed to the transport.</summary>
    public int Attempts { get; private set; }

    /// <summary>Whether any attempt may have reached the API and been acted on (see <see cref="CpaasApiException.MayHaveBeenProcessed"/>).</summary>
    public bool MayHaveBeenProcessed { get; private set; }

    /// <summary>The last answer's Retry-After, as a delay from when it was received.</summary>
    public TimeSpan? RetryAfter { get; set; }

    // ---- the current attempt -------------------------------------------------------------------------------------

    /// <summary>The message of the current attempt (a new one per attempt: HttpClient never sends one twice).</summary>
    public HttpRequestMessage? HttpRequest { get; private set; }

    /// <summary>The current attempt's answer (its body already read into <see cref="Body"/> once <see cref="ResponseSizeLimitPolicy"/> ran).</summary>
    public HttpResponseMessage? Response { get; private set; }

    /// <summary>The answer's status code; 0 before there is one.</summary>
    public int StatusCode { get; private set; }

    /// <summary>The answer's body, read in full within <see cref="CpaasClientOptions.MaxResponseBytes"/>.</summary>
    public PooledBody Body;

    /// <summary>What <see cref="Reader"/> made of a successful answer.</summary>
    public object? Result { get; set; }

    /// <summary>The URL of the request (built once from the template; again only if a path value changes).</summary>
    public Uri Url => _url ??= Request is { } request ? UrlTemplates.Build(request) : UrlTemplates.Build(_baseUrl!, _descriptor!, _pathValues!, _queryValues);

    /// <summary>Adds a header to every attempt, or replaces its value.</summary>
    public void SetHeader(string name, string value)
    {
        if (_headerCount > 0 && string.Equals(_header0.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            _header0.Value = value;
            return;
        }

        if (_headerCount > 1 && string.Equals(_header1.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            _header1.Value = value;
            return;
        }

        if (_moreHeaders is not null)
        {
            var index = _moreHeaders.FindIndex(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                _moreHeaders[index] = (name, value);
                return;
            }
        }

        switch (_headerCount)
        {
            case 0:
                _header0 = (name, value);
                break;
            case 1:
                _header1 = (name, value);
                break;
            default:
                (_moreHeaders ??= new List<(string, string)>()).Add((name, value));
                break;
        }

        _headerCount++;
    }

    /// <summary>Replaces a path value equal to <paramref name="placeholder"/> (for example the current user's id once the token is known).</summary>
    public void ReplacePathValue(string placeholder, string value)
    {
        if (Request is null)
        {
            var values = _pathValues!;
            for (var i = 0; i < values.Length; i++)
            {
                if (string.Equals(values[i], placeholder, StringComparison.Ordinal))
                {
                    values[i] = value; // the generated client's own array for this call
                    _url = null;
                    return;
                }
            }

            return;
        }

        foreach (var pair in Request.PathParameters)
        {
            if (pair.Value is string current && string.Equals(current, placeholder, StringComparison.Ordinal))
            {
                Request.PathParameters[pair.Key] = value;
                _url = null;
                return;
            }
        }
    }

    /// <summary>Builds the <see cref="HttpRequestMessage"/> of one attempt: URL, the generated client's headers, the policies' headers, the body.</summary>
    public HttpRequestMessage CreateHttpRequest()
    {
        var url = Url;
        var message = new HttpRequestMessage(Method, url);
        if (Request is not null)
        {
            RequestHeaders.CopyTo(Request, message);
        }
        else if (_descriptor!.Accept is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (_headerCount > 0)
        {
            message.Headers.TryAddWithoutValidation(_header0.Name, _header0.Value);
        }

        if (_headerCount > 1)
        {
            message.Headers.TryAddWithoutValidation(_header1.Name, _header1.Value);
        }

        if (_moreHeaders is not null)
        {
            foreach (var (name, value) in _moreHeaders)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (Content is { } bytes)
        {
            message.Content = new RequestBodyContent(bytes, ContentType ?? "application/json", message, url);
        }

        return message;
    }

    /// <summary>Starts an attempt: its message becomes <see cref="HttpRequest"/>; the previous attempt's answer is dropped.</summary>
    public HttpRequestMessage StartAttempt()
    {
        DiscardResponse();
        Attempts++;
        HttpRequest = CreateHttpRequest();
        return HttpRequest;
    }

    /// <summary>Records the answer of the current attempt and whether the API may have acted on it.</summary>
    public void SetResponse(HttpResponseMessage response)
    {
        Response = response;
        StatusCode = (int)response.StatusCode;
        MayHaveBeenProcessed |= StatusCode switch
        {
            >= 200 and < 300 => true, // it did; the failure, if any, comes after (an unreadable or too large body)
            500 or 502 or 504 or > 505 => true, // failed while acting, or a gateway lost the answer
            _ => false, // 1xx/3xx (refused redirect), 4xx (rejected), 429/503 (not taken), 501/505
        };
    }

    /// <summary>Records a failed attempt (no answer): unless the request provably never left, the API may have acted on it.</summary>
    public void AttemptFailed(Exception error)
    {
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedirectedBodyException)
            {
                return; // Kandy answered with a redirect (it did not act); the body was kept from the other host
            }
        }

        if (!TransportPolicy.NeverReachedServer(error))
        {
            MayHaveBeenProcessed = true;
        }
    }

    /// <summary>Drops the current attempt's answer and body (before a retry, or when the request ends).</summary>
    public void DiscardResponse()
    {
        Body.Dispose();
        Body = PooledBody.Empty;
        Response?.Dispose();
        Response = null;
        HttpRequest?.Dispose();
        HttpRequest = null;
        StatusCode = 0;
    }

    public void Dispose()
    {
        if (Reader is null)
        {
            return; // already back in the pool
        }

        DiscardResponse();

        // Every attempt has been sent: the pooled request body can go back.
        (Request?.Content as PooledBodyStream)?.Release();
        if (_pooledContent is { } pooled)
        {
            _pooledContent = null;
            Content = null;
            System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
        }

        if (!_rented)
        {
            return;
        }

        // Nothing of this request may outlive it in the spare message.
        _rented = false;
        Request = null;
        Reader = null!;
        _descriptor = null;
        _baseUrl = null;
        _pathValues = null;
        _queryValues = null;
        ErrorMapping = null;
        CallerToken = default;
        CancellationToken = default;
        Content = null;
        ContentType = null;
        _header0 = default;
        _header1 = default;
        _moreHeaders = null;
        _headerCount = 0;
        _url = null;
        Deadline = null;
        TokenRefreshed = false;
        Attempts = 0;
        MayHaveBeenProcessed = false;
        RetryAfter = null;
        Result = null;
        t_spare = this;
    }

    private static (ReadOnlyMemory<byte>? Content, string? ContentType) ReadContent(RequestInformation request)
    {
        // Kiota's RequestInformation.Content defaults to Stream.Null: that is "no body", not an empty JSON body.
        if (request.Content is not { } stream || ReferenceEquals(stream, Stream.Null))
        {
            return (null, null);
        }

        var contentType = request.Headers.TryGetValue("Content-Type", out var types) ? RequestHeaders.Single(types) : null;
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            return (segment.AsMemory((int)memory.Position), contentType);
        }

        // A stream body (for example an upload): buffered, so every attempt can send it again.
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), contentType);
    }

    private static HttpMethod HttpMethodOf(Method method) => method switch
    {
        Microsoft.Kiota.Abstractions.Method.GET => HttpMethod.Get,
        Microsoft.Kiota.Abstractions.Method.POST => HttpMethod.Post,
        Microsoft.Kiota.Abstractions.Method.PUT => HttpMethod.Put,
        Microsoft.Kiota.Abstractions.Method.DELETE => HttpMethod.Delete,
        Microsoft.Kiota.Abstractions.Method.PATCH => HttpMethod.Patch,
        Microsoft.Kiota.Abstractions.Method.HEAD => HttpMethod.Head,
        Microsoft.Kiota.Abstractions.Method.OPTIONS => HttpMethod.Options,
        _ => new HttpMethod(method.ToString()),
    };
}
