using System;
using Cpaas.Api;

namespace Cpaas;

/// <summary>The body the two-factor calls send (the official SDKs' body, key for key), from a checked request.</summary>
public partial class TwoFactor
{
    /// <summary>
    /// Checks <paramref name="request"/> (<see cref="SendCodeRequest.Validate"/>) and builds the wire body: <c>{"code":{"address":[…],"method":…,"format":{"length":…,"type":…},"expiry":…,"message":…[,"subject":…]}}</c>,
    /// with every member the official SDKs send, defaults included.
    /// </summary>
    internal static TwoFactorCodeRequestBody ToWire(SendCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var destination = request.DestinationAddress.Trim();
        var subject = request.Method == TwoFactorMethod.Email ? request.Subject : null;
        return new TwoFactorCodeRequestBody
        {
            Code = new TwoFactorCodeRequest
            {
                Address = [destination],
                Method = WireMethod(request.Method),
                Format = new TwoFactorCodeFormat { Length = request.Length, Type = WireType(request.Type) },
                Expiry = (int)request.Expiry.TotalSeconds,
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
