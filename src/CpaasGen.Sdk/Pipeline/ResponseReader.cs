namespace Cpaas;

/// <summary>
/// Turns a successful (2xx) answer into the request's result. The request adapter supplies one per kind of result
/// (a generated model through its Utf8JsonReader fast path, an array of models, a primitive, nothing); the token
/// endpoint has its own. A body the reader cannot use is a <see cref="CpaasApiException"/>.
/// </summary>
internal abstract class ResponseReader
{
    /// <summary>Reads <see cref="PipelineMessage.Body"/> (status <see cref="PipelineMessage.StatusCode"/>) into the result.</summary>
    public abstract object? Read(PipelineMessage message, Redactor redactor);
}
