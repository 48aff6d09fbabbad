using System;
using System.Globalization;
using Cpaas.Api;

namespace Cpaas;

/// <summary>The request checks of the two-factor calls and the body they send (the official SDKs' body, key for key).</summary>
public partial class TwoFactor
{
    /// <summary>
    /// Checks <paramref name="request"/> and builds the wire body: <c>{"code":{"address":[…],"method":…,"format":{"length":…,"type":…},"expiry":…,"message":…[,"subject":…]}}</c>,
    /// with every member the official SDKs send, defaults included.
    /// </summary>
    internal static TwoFactorCodeRequestBody ToWire(SendCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Method))
        {
            throw new ArgumentException("Method " + request.Method + " is not supported; use TwoFactorMethod.Sms or TwoFactorMethod.Email.", nameof(request.Method));
        }

        if (!Enum.IsDefined(request.Type))
        {
            throw new ArgumentException("Type " + request.Type + " is not supported; use TwoFactorCodeType.Numeric, Alphanumeric or Alphabetic.", nameof(request.Type));
        }

        string destination;
        if (request.Method == TwoFactorMethod.Sms)
        {
            PhoneAddress.Validate(request.DestinationAddress, nameof(request.DestinationAddress));
            destination = request.DestinationAddress.Trim();
        }
        else
        {
            var problem = EmailAddress.Problem(request.DestinationAddress);
            if (problem is not null)
            {
                throw new ArgumentException(nameof(request.DestinationAddress) + " " + problem + " (Method is Email: the code goes to an e-mail address.)", nameof(request.DestinationAddress));
            }

            destination = request.DestinationAddress.Trim();
        }

        if (string.IsNullOrEmpty(request.Message))
        {
            throw new ArgumentException("Message must not be empty: it is the text that carries the code, with {code} where the code goes.", nameof(request.Message));
        }

        if (!request.Message.Contains(SendCodeRequest.CodePlaceholder, StringComparison.Ordinal))
        {
            throw new ArgumentException("Message must contain the placeholder {code} (lower case, in braces): Kandy puts the generated code there.", nameof(request.Message));
        }

        if (request.Length is < SendCodeRequest.MinimumLength or > SendCodeRequest.MaximumLength)
        {
            throw new ArgumentException("Length must be " + SendCodeRequest.MinimumLength + " to " + SendCodeRequest.MaximumLength + " characters; it is " + request.Length.ToString(CultureInfo.InvariantCulture) + ".", nameof(request.Length));
        }

        var expiry = request.Expiry;
        if (expiry < SendCodeRequest.MinimumExpiry || expiry > SendCodeRequest.MaximumExpiry || expiry.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("Expiry must be whole seconds from 30 to 3600; it is " + expiry.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.", nameof(request.Expiry));
        }

        string? subject = null;
        if (request.Method == TwoFactorMethod.Email)
        {
            if (string.IsNullOrWhiteSpace(request.Subject))
            {
                throw new ArgumentException("Subject is required with Method Email: it is the e-mail's subject line.", nameof(request.Subject));
            }

            if (request.Subject.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0 || request.Subject.Contains('\u007F', StringComparison.Ordinal))
            {
                throw new ArgumentException("Subject must be one line of text, without control characters (a line break in a subject could add e-mail headers).", nameof(request.Subject));
            }

            subject = request.Subject;
        }
        else if (request.Subject is not null)
        {
            throw new ArgumentException("Subject is only sent with Method Email; an SMS has no subject: remove it, or set Method = TwoFactorMethod.Email.", nameof(request.Subject));
        }

        return new TwoFactorCodeRequestBody
        {
            Code = new TwoFactorCodeRequest
            {
                Address = [destination],
                Method = WireMethod(request.Method),
                Format = new TwoFactorCodeFormat { Length = request.Length, Type = WireType(request.Type) },
                Expiry = (int)expiry.TotalSeconds,
                Message = request.Message,
                Subject = subject,
            },
        };
    }

    /// <summary>A destination for a log or a description: a number masked as numbers are, an e-mail address as <see cref="EmailAddress.Mask"/> does.</summary>
    internal static string MaskDestination(TwoFactorMethod method, string? destination)
        => method == TwoFactorMethod.Email ? EmailAddress.Mask(destination) : PhoneMasking.MaskAddress(destination);

    private static string WireMethod(TwoFactorMethod method) => method == TwoFactorMethod.Email ? TwoFactorCodeMethod.Email.Value : TwoFactorCodeMethod.Sms.Value;

    private static Api.TwoFactorCodeType WireType(TwoFactorCodeType type) => type switch
    {
        TwoFactorCodeType.Alphanumeric => Api.TwoFactorCodeType.Alphanumeric,
        TwoFactorCodeType.Alphabetic => Api.TwoFactorCodeType.Alphabetic,
        _ => Api.TwoFactorCodeType.Numeric,
    };
}
