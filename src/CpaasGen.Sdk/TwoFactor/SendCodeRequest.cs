using System;
using System.Globalization;

namespace Cpaas;

/// <summary>
/// A two-factor code to send (and, with <see cref="TwoFactor.ResendCodeAsync"/>, to send again): where, how, in what
/// message and in what format. Kandy generates the code and puts it where <see cref="Message"/> says <c>{code}</c>. The
/// defaults are those of every official Kandy SDK: SMS, 6 digits, valid for 120 seconds.
/// </summary>
public sealed class SendCodeRequest
{
    /// <summary>The placeholder <see cref="Message"/> must contain: Kandy replaces it with the code.</summary>
    public const string CodePlaceholder = "{code}";

    /// <summary>The shortest code Kandy generates (<see cref="Length"/>).</summary>
    public const int MinimumLength = 4;

    /// <summary>The longest code Kandy generates (<see cref="Length"/>).</summary>
    public const int MaximumLength = 10;

    /// <summary>The shortest validity (<see cref="Expiry"/>): 30 seconds.</summary>
    public static readonly TimeSpan MinimumExpiry = TimeSpan.FromSeconds(30);

    /// <summary>The longest validity (<see cref="Expiry"/>): 3600 seconds.</summary>
    public static readonly TimeSpan MaximumExpiry = TimeSpan.FromSeconds(3600);

    /// <summary>
    /// Where the code goes: for <see cref="TwoFactorMethod.Sms"/> a phone number (<c>+16131234567</c>, or any form
    /// <see cref="PhoneAddress"/> accepts); for <see cref="TwoFactorMethod.Email"/> an e-mail address (<see cref="EmailAddress"/>).
    /// </summary>
    public required string DestinationAddress { get; init; }

    /// <summary>
    /// The text sent to the user, containing <see cref="CodePlaceholder"/> (<c>{code}</c>) where the code goes, for
    /// example <c>"Your code is {code}"</c> (in an e-mail, for example inside a link). Never logged or shown in an
    /// exception, whatever the server echoes.
    /// </summary>
    public required string Message { get; init; }

    /// <summary>SMS (the default) or e-mail.</summary>
    public TwoFactorMethod Method { get; init; } = TwoFactorMethod.Sms;

    /// <summary>The number of characters of the code: <see cref="MinimumLength"/> to <see cref="MaximumLength"/> (default 6).</summary>
    public int Length { get; init; } = 6;

    /// <summary>The characters of the code (default <see cref="TwoFactorCodeType.Numeric"/>).</summary>
    public TwoFactorCodeType Type { get; init; } = TwoFactorCodeType.Numeric;

    /// <summary>How long the code stays valid: whole seconds, <see cref="MinimumExpiry"/> to <see cref="MaximumExpiry"/> (default 120 s).</summary>
    public TimeSpan Expiry { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The e-mail's subject line: required (one line) with <see cref="TwoFactorMethod.Email"/>, not allowed with SMS.</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// Checks the request as <see cref="TwoFactor.SendCodeAsync"/> and <see cref="TwoFactor.ResendCodeAsync"/> do before
    /// anything is sent, for example to check a form before calling them.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A setting is invalid; the message starts with its name (<see cref="ArgumentException.ParamName"/>) and never repeats
    /// the message text.
    /// </exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentException("Method " + Method + " is not supported; use TwoFactorMethod.Sms or TwoFactorMethod.Email.", nameof(Method));
        }

        if (!Enum.IsDefined(Type))
        {
            throw new ArgumentException("Type " + Type + " is not supported; use TwoFactorCodeType.Numeric, Alphanumeric or Alphabetic.", nameof(Type));
        }

        if (Method == TwoFactorMethod.Sms)
        {
            PhoneAddress.Validate(DestinationAddress, nameof(DestinationAddress));
        }
        else
        {
            var problem = EmailAddress.Problem(DestinationAddress);
            if (problem is not null)
            {
                throw new ArgumentException(nameof(DestinationAddress) + " " + problem + " (Method is Email: the code goes to an e-mail address.)", nameof(DestinationAddress));
            }
        }

        if (string.IsNullOrEmpty(Message))
        {
            throw new ArgumentException("Message must not be empty: it is the text that carries the code, with {code} where the code goes.", nameof(Message));
        }

        if (!Message.Contains(CodePlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException("Message must contain the placeholder {code} (lower case, in braces): Kandy puts the generated code there.", nameof(Message));
        }

        if (Length is < MinimumLength or > MaximumLength)
        {
            throw new ArgumentException("Length must be " + MinimumLength + " to " + MaximumLength + " characters; it is " + Length.ToString(CultureInfo.InvariantCulture) + ".", nameof(Length));
        }

        if (Expiry < MinimumExpiry || Expiry > MaximumExpiry || Expiry.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("Expiry must be whole seconds from 30 to 3600; it is " + Expiry.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.", nameof(Expiry));
        }

        if (Method == TwoFactorMethod.Email)
        {
            if (string.IsNullOrWhiteSpace(Subject))
            {
                throw new ArgumentException("Subject is required with Method Email: it is the e-mail's subject line.", nameof(Subject));
            }

            if (Subject.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || Subject.Contains('\u007F', StringComparison.Ordinal))
            {
                throw new ArgumentException("Subject must be one line of text, without control characters (a line break in a subject could add e-mail headers).", nameof(Subject));
            }
        }
        else if (Subject is not null)
        {
            throw new ArgumentException("Subject is only sent with Method Email; an SMS has no subject: remove it, or set Method = TwoFactorMethod.Email.", nameof(Subject));
        }
    }

    /// <summary>Never shows the message or the subject; the destination is masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "SendCodeRequest { Method = " + Method + ", DestinationAddress = " + TwoFactor.MaskDestination(Method, DestinationAddress)
           + ", Length = " + Length + ", Type = " + Type + ", Expiry = " + Expiry.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s }";
}
