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

        try
        {
            // Options bound from configuration are named by their keys ("Cpaas:ClientId"), others as in code.
            if (_prefix == "CpaasClientOptions")
            {
                options.Validate();
            }
            else
            {
                options.Validate(_prefix);
            }

            return ValidateOptionsResult.Success;
        }
        catch (CpaasOptionsException ex)
        {
            return ValidateOptionsResult.Fail("Kandy CPaaS client '" + _name + "': " + ex.Message);
        }
    }
}
