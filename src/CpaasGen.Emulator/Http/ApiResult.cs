using Cpaas.Emulator.Wire;

namespace Cpaas.Emulator.Http;

/// <summary>The outcome of an API operation: a status with a body written by a generated model (or none), or an error.</summary>
internal readonly record struct ApiResult(int Status, IJsonModel? Body, ApiError? Error = null, string? Location = null)
{
    public static implicit operator ApiResult(ApiError error) => new(error.Status, null, error);

    public static ApiResult NoContent => new(204, null);
}
