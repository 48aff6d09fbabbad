using System.Text.RegularExpressions;

namespace CpaasGen.Generator.Parsing;

/// <summary>A Server Object's URL with each <c>{variable}</c> replaced by its <c>default</c> (RFC 6570-style server templates).</summary>
internal static class ServerVariables
{
    private static readonly Regex Variable = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    /// <summary>The URL with defaults substituted, or null when a variable has no default (reported as CPGEN004).</summary>
    public static string? Expand(SpecDocument doc, SpecMapping server, string pointer)
    {
        var url = doc.String(server, "url", pointer);
        if (url is null)
        {
            return null;
        }

        var variables = doc.Mapping(server, "variables", pointer);
        var complete = true;
        var expanded = Variable.Replace(url, m =>
        {
            var variable = doc.Mapping(variables, m.Groups[1].Value, Pointer.Append(pointer, "variables"));
            var value = variable is null ? null : doc.String(variable, "default", Pointer.Append(Pointer.Append(pointer, "variables"), m.Groups[1].Value));
            if (value is null)
            {
                complete = false;
                return m.Value;
            }

            return value;
        });
        return complete ? expanded : null;
    }
}
