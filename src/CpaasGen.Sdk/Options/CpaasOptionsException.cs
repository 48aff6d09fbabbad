using System;

namespace Cpaas;

/// <summary>
/// <see cref="CpaasClientOptions"/> are invalid. <see cref="OptionName"/> names the first invalid option as the user
/// wrote it (<c>CpaasClientOptions.ClientId</c>, or <c>Cpaas:ClientId</c> when validated for a configuration section);
/// the message says what is wrong and how to fix it, and never repeats a secret.
/// </summary>
public sealed class CpaasOptionsException : ArgumentException
{
    internal CpaasOptionsException(string optionName, string message)
        : base(message)
        => OptionName = optionName;

    /// <summary>The invalid option, for example <c>CpaasClientOptions.BaseUrl</c> or <c>Cpaas:Retry:MaxRetries</c>.</summary>
    public string OptionName { get; }

    /// <inheritdoc/>
    public override string? ParamName => OptionName;
}
