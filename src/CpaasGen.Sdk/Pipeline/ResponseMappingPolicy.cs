using System;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// Turns the outcome of the request into what the caller gets: a 2xx answer into the result (the message's
/// <see cref="ResponseReader"/>), any other answer into a <see cref="CpaasApiException"/> read with the spec's generated
/// error models (<see cref="ErrorModels"/>), and a network failure into a <see cref="CpaasApiException"/> of kind
/// <see cref="CpaasErrorKind.Transport"/>. Everything it takes from the server goes through the client's <see cref="Redactor"/>.
/// </summary>
internal sealed class ResponseMappingPolicy : PipelinePolicy
{
    private readonly Redactor _redactor;

    public ResponseMappingPolicy(Redactor redactor) => _redactor = redactor;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw PipelineErrors.Transport(message, "The request failed: " + ex.HttpRequestError + " (" + Describe(ex) + ").", ex);
        }
        catch (IOException ex)
        {
            throw PipelineErrors.Transport(message, "The connection failed while reading the response (" + Describe(ex) + ").", ex);
        }

        if (message.StatusCode is >= 200 and < 300)
        {
            message.Result = message.Reader.Read(message, _redactor);
            return;
        }

        throw ErrorModels.ToException(message, _redactor);
    }

    private string Describe(Exception ex) => PhoneMasking.Mask(_redactor.Redact(ex.Message));
}
