using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CpaasGen.Generator.Infrastructure;

/// <summary>
/// Turns spec names into C# identifiers. The rule is generic and documented in spec/README.md: split into words at
/// separators and case changes, PascalCase each word, and write acronyms of three or more capitals as one Pascal
/// word (<c>resourceURL</c> → <c>ResourceUrl</c>, <c>SMSMessage</c> → <c>SmsMessage</c>), per the .NET naming guidelines.
/// </summary>
internal static class Naming
{
    public static string ToPascal(string raw)
    {
        // "+1" / "-1" (reaction counts, offsets) would both become "_1".
        if (raw.Length > 1 && (raw[0] == '+' || raw[0] == '-') && char.IsDigit(raw[1]))
        {
            raw = (raw[0] == '+' ? "plus_" : "minus_") + raw.Substring(1);
        }

        var words = SplitWords(raw);
        var builder = new StringBuilder(raw.Length);
        foreach (var word in words)
        {
            builder.Append(PascalWord(word));
        }

        var result = builder.ToString();
        if (result.Length == 0)
        {
            return "Value";
        }

        return Shorten(char.IsDigit(result[0]) ? "_" + result : result);
    }

    /// <summary>Longest identifier we emit: with "get_"/"&lt;…&gt;k__BackingField" around it, still far below metadata's 1,023 UTF-8 bytes.</summary>
    public const int MaxIdentifierLength = 200;

    /// <summary>
    /// An identifier longer than <see cref="MaxIdentifierLength"/> keeps its start and gets a stable hash of the whole
    /// (FNV-1a): .NET metadata cannot hold names of 1,024 bytes (CS7013), and hint names become file names.
    /// </summary>
    public static string Shorten(string identifier)
    {
        if (identifier.Length <= MaxIdentifierLength)
        {
            return identifier;
        }

        var hash = 2166136261u;
        foreach (var c in identifier)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return identifier.Substring(0, MaxIdentifierLength - 9) + "_" + hash.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string ToCamel(string raw)
    {
        var pascal = ToPascal(raw);
        return LowerFirstWord(pascal);
    }

    /// <summary>Lowers the leading word of a Pascal identifier (<c>ResourceUrl</c> → <c>resourceUrl</c>, <c>IOStream</c> → <c>ioStream</c>).</summary>
    public static string LowerFirstWord(string pascal)
    {
        if (pascal.Length == 0 || !char.IsUpper(pascal[0]))
        {
            return pascal;
        }

        var chars = pascal.ToCharArray();
        chars[0] = char.ToLowerInvariant(chars[0]);
        for (var i = 1; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            if (i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>Prefixes '@' when the identifier is a C# keyword.</summary>
    public static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    public static bool IsValidIdentifier(string identifier)
        => SyntaxFacts.IsValidIdentifier(identifier) && SyntaxFacts.GetKeywordKind(identifier) == SyntaxKind.None;

    private static List<string> SplitWords(string raw)
    {
        var words = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                var previous = raw[i - 1];
                var lowerToUpper = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous));
                var acronymEnd = char.IsUpper(c) && char.IsUpper(previous) && i + 1 < raw.Length && char.IsLower(raw[i + 1]);
                if (lowerToUpper || acronymEnd)
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;
    }

    private static string PascalWord(string word)
    {
        var allUpper = true;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }

        if (allUpper && word.Length > 2)
        {
            return word.Substring(0, 1) + word.Substring(1).ToLowerInvariant();
        }

        return char.ToUpperInvariant(word[0]) + word.Substring(1);
    }
}
