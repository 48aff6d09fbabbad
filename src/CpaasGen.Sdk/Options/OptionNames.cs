namespace Cpaas;

/// <summary>
/// How validation messages name options: <c>CpaasClientOptions.Retry.MaxRetries</c> in code, <c>Cpaas:Retry:MaxRetries</c>
/// for options bound from a configuration section, so the user reads the name they wrote.
/// </summary>
internal sealed class OptionNames
{
    public static readonly OptionNames Default = new("CpaasClientOptions.", ".");

    private readonly string _prefix;
    private readonly string _separator;

    public OptionNames(string prefix, string separator)
    {
        _prefix = prefix;
        _separator = separator;
    }

    public string Name(string option) => _prefix + option;

    public string Name(string parent, string option) => _prefix + parent + _separator + option;

    public CpaasOptionsException Error(string option, string message) => new(Name(option), message);

    public CpaasOptionsException Error(string parent, string option, string message) => new(Name(parent, option), message);
}
