using System;
using Microsoft.Extensions.Options;

namespace Cpaas.DependencyInjection.Internal;

/// <summary>Validates one named client's options at startup, naming the configuration key of a problem.</summary>
internal sealed class CpaasOptionsValidator : IValidateOptions<CpaasClientOptions>
{
    private readonly string _name;
    private readonly string _prefix;

    public CpaasOptionsValidator(string name, string prefix)
    {
        _name = name;
        _prefix = prefix;
    }

    public ValidateOptionsResult Validate(string? name, CpaasClientOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var problem = options.Validate();
        if (problem is null)
        {
            return ValidateOptionsResult.Success;
        }

        // "CpaasClientOptions.ClientId is required" → "Cpaas:ClientId is required" when bound from configuration.
        var message = _prefix == "CpaasClientOptions" ? problem : problem.Replace("CpaasClientOptions.", _prefix + ":", StringComparison.Ordinal);
        return ValidateOptionsResult.Fail("Kandy CPaaS client '" + _name + "': " + message);
    }
}
