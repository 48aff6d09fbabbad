using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;

namespace Cpaas;

/// <summary>
/// The Kiota <see cref="IRequestAdapter"/> the generated clients run on inside <see cref="CpaasClient"/>. It only
/// translates: a generated client's <see cref="RequestInformation"/> becomes a <see cref="PipelineMessage"/> with the
/// right <see cref="ResponseReader"/> (one generated model, an array of them, a primitive, nothing), and the
/// <see cref="RequestPipeline"/> does the rest (authentication, retries, the deadline, telemetry, redirects, the size
/// limit, error mapping). Request bodies are written by <see cref="BodyWriterFactory"/>. The generated clients also run
/// unchanged on Kiota's own HttpClientRequestAdapter.
/// <para/>
/// It also offers the generated clients the direct path (<see cref="IDirectRequestAdapter"/>): an operation's static
/// <see cref="OperationDescriptor"/> with the call's path and query values and the body model becomes a
/// <see cref="PipelineMessage"/> without a Kiota <see cref="RequestInformation"/> (≈ 2 KB and 0.4 µs less per call); the
/// body is written by the model's generated <see cref="IJsonModel.WriteJson"/>, the answer read by its <c>ReadFrom</c>.
/// The same pipeline, the same policies.
/// </summary>
internal sealed class CpaasRequestAdapter : IRequestAdapter, IDirectRequestAdapter
{
    private readonly RequestPipeline _pipeline;
    private readonly string _baseUrl;
    private readonly bool _notIdempotent;
    private volatile ISerializationWriterFactory _writers = BodyWriterFactory.Instance;

    /// <param name="pipeline">The pipeline every request goes through.</param>
    /// <param name="options">The client's settings (the base URL).</param>
    /// <param name="notIdempotent">
    /// True to treat every request of this adapter as not idempotent whatever its HTTP method, like a POST: never
    /// repeated once it may have reached the API (<see cref="PipelineMessage.IsIdempotent"/>). For operations whose
    /// method says "idempotent" but whose effect is not, such as a PUT that sends a message.
    /// </param>
    public CpaasRequestAdapter(RequestPipeline pipeline, CpaasClientOptions options, bool notIdempotent = false)
    {
        _pipeline = pipeline;
        _baseUrl = options.BaseUrl!.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _notIdempotent = notIdempotent;
    }

    /// <summary>The pipeline every request of this adapter goes through.</summary>
    internal RequestPipeline Pipeline => _pipeline;

    public ISerializationWriterFactory SerializationWriterFactory => _writers;

    /// <summary>True unless a backing store was enabled (then only its changes are written, which needs Kiota's writers).</summary>
    public bool CanSendDirect => _writers is not BackingStoreSerializationWriterProxyFactory;

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

    /// <summary>
    /// Writes only the changed values of models with a backing store (Kiota's <see cref="BackingStoreSerializationWriterProxyFactory"/>);
    /// models read by this adapter are marked initialized either way. This adapter does not set Kiota's process-wide
    /// <see cref="BackingStoreFactorySingleton"/>: models that create their own stores keep using what the process configured.
    /// </summary>
    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory)
    {
        ArgumentNullException.ThrowIfNull(backingStoreFactory);
        if (_writers is not BackingStoreSerializationWriterProxyFactory)
        {
            _writers = new BackingStoreSerializationWriterProxyFactory(_writers);
        }
    }

    public Task<TModel?> SendAsync<TModel>(RequestInformation requestInfo, ParsableFactory<TModel> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where TModel : IParsable
        => SendAsync<TModel?>(requestInfo, ModelReader<TModel>.For(factory), errorMapping, cancellationToken);

    public async Task<IEnumerable<TModel>?> SendCollectionAsync<TModel>(RequestInformation requestInfo, ParsableFactory<TModel> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where TModel : IParsable
        => await SendAsync<List<TModel>>(requestInfo, new ModelArrayReader<TModel>(factory), errorMapping, cancellationToken).ConfigureAwait(false);

    public Task<TModel?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TModel>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        => SendAsync<TModel?>(requestInfo, PrimitiveReader<TModel>.Instance, errorMapping, cancellationToken);

    public async Task<IEnumerable<TModel>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TModel>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        => await SendAsync<List<TModel>>(requestInfo, PrimitiveArrayReader<TModel>.Instance, errorMapping, cancellationToken).ConfigureAwait(false);

    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        => SendAsync<object?>(requestInfo, NoContentReader.Instance, errorMapping, cancellationToken);

    public Task<T> SendDirectAsync<T>(OperationDescriptor operation, string[] pathValues, string?[]? queryValues, IJsonModel? body, GeneratedJson.ElementReader<T> read, CancellationToken cancellationToken)
        where T : class
        => SendDirectAsync<T>(operation, pathValues, queryValues, body, DirectModelReader<T>.For(read), cancellationToken);

    public Task SendDirectNoContentAsync(OperationDescriptor operation, string[] pathValues, string?[]? queryValues, IJsonModel? body, CancellationToken cancellationToken)
        => SendDirectAsync<object>(operation, pathValues, queryValues, body, NoContentReader.Instance, cancellationToken);

    /// <summary>The <see cref="HttpRequestMessage"/> the request describes (URL, the generated client's headers, body), without the pipeline's headers (agent, bearer).</summary>
    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        requestInfo.PathParameters["baseurl"] = _baseUrl;
        var message = PipelineMessage.Create(requestInfo, NoContentReader.Instance, null, cancellationToken).CreateHttpRequest();
        return Task.FromResult(message is T typed ? typed : default);
    }

    /// <summary>Sends <paramref name="requestInfo"/> through the pipeline and returns what <paramref name="reader"/> made of the answer.</summary>
    internal async Task<T> SendAsync<T>(RequestInformation requestInfo, ResponseReader reader, Dictionary<string, ParsableFactory<IParsable>>? errorMapping, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        cancellationToken.ThrowIfCancellationRequested();
        requestInfo.PathParameters["baseurl"] = _baseUrl;
        using var message = PipelineMessage.Rent(requestInfo, reader, errorMapping, cancellationToken);
        if (_notIdempotent)
        {
            message.TreatAsNotIdempotent();
        }

        await _pipeline.SendAsync(message).ConfigureAwait(false);
        return message.Result is T result ? result : default!;
    }

    /// <summary>Sends a direct-path request (<see cref="IDirectRequestAdapter"/>) through the pipeline.</summary>
    private async Task<T> SendDirectAsync<T>(OperationDescriptor operation, string[] pathValues, string?[]? queryValues, IJsonModel? body, ResponseReader reader, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(pathValues);
        cancellationToken.ThrowIfCancellationRequested();
        byte[]? content = null;
        var length = 0;
        if (body is not null)
        {
            content = JsonBodyWriter.WritePooled<IJsonModel>(body, null, out length);
        }

        using var message = PipelineMessage.RentDirect(operation, _baseUrl, pathValues, queryValues, content, length, reader, cancellationToken);
        if (_notIdempotent)
        {
            message.TreatAsNotIdempotent();
        }

        await _pipeline.SendAsync(message).ConfigureAwait(false);
        return (message.Result as T)!;
    }
}
