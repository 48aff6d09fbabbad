namespace Cpaas;

/// <summary>How a two-factor code reaches the user (the wire's <c>method</c>).</summary>
public enum TwoFactorMethod
{
    /// <summary>By SMS to a phone number (<c>sms</c>, the default).</summary>
    Sms = 0,

    /// <summary>By e-mail, with a subject line (<c>email</c>).</summary>
    Email = 1,
}
