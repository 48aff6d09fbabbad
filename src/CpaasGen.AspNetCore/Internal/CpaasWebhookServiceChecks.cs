using Microsoft.Extensions.Options;

namespace Cpaas.AspNetCore;

/// <summary>Present when AddCpaasWebhooks ran (MapCpaasWebhook checks for it).</summary>
internal sealed class CpaasWebhookMarker;

/// <summary>Start-up validation of <see cref="CpaasLiveFeedOptions"/>.</summary>
internal sealed class CpaasLiveFeedOptionsValidator : IValidateOptions<CpaasLiveFeedOptions>
{
    public ValidateOptionsResult Validate(string? name, CpaasLiveFeedOptions options)
        => options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

/// <summary>Start-up validation of <see cref="CpaasWebhookOptions"/> with the problem and its fix in the message.</summary>
internal sealed class CpaasWebhookOptionsValidator : IValidateOptions<CpaasWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, CpaasWebhookOptions options)
        => options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
