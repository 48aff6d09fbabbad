namespace Cpaas;

/// <summary>The characters of a generated two-factor code (the wire's <c>format.type</c>).</summary>
public enum TwoFactorCodeType
{
    /// <summary>Digits only (<c>numeric</c>, the default).</summary>
    Numeric = 0,

    /// <summary>Letters and digits (<c>alphanumeric</c>).</summary>
    Alphanumeric = 1,

    /// <summary>Letters only (<c>alphabetic</c>).</summary>
    Alphabetic = 2,
}
