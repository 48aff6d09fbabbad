using System;

namespace Cpaas.Testing;

/// <summary>A two-factor code send or resend the server accepted, read back from the request WireMock recorded.</summary>
public sealed class SentCode
{
    internal SentCode(string codeId, bool resent, string destinationAddress, string method, int? length, string? type, TimeSpan? expiry, string message, string? subject, DateTimeOffset time, string requestJson)
    {
        CodeId = codeId;
        Resent = resent;
        DestinationAddress = destinationAddress;
        Method = method;
        Length = length;
        Type = type;
        Expiry = expiry;
        Message = message;
        Subject = subject;
        Time = time;
        RequestJson = requestJson;
    }

    /// <summary>The code id: a new one for a send, the path's for a resend.</summary>
    public string CodeId { get; }

    /// <summary>True for a resend (<c>PUT …/codes/{codeId}</c>), false for a send.</summary>
    public bool Resent { get; }

    /// <summary>The destination (<c>address[0]</c>).</summary>
    public string DestinationAddress { get; }

    /// <summary><c>sms</c> or <c>email</c>.</summary>
    public string Method { get; }

    /// <summary><c>format.length</c>, or null when not sent.</summary>
    public int? Length { get; }

    /// <summary><c>format.type</c>, or null when not sent.</summary>
    public string? Type { get; }

    /// <summary>The code's lifetime (the request's <c>expiry</c>, in whole seconds on the wire), or null when not sent.</summary>
    public TimeSpan? Expiry { get; }

    /// <summary>The message, with its <c>{code}</c> placeholder.</summary>
    public string Message { get; }

    /// <summary>The e-mail subject, or null.</summary>
    public string? Subject { get; }

    /// <summary>When the server received the request.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The request body exactly as received.</summary>
    public string RequestJson { get; }

    /// <summary>A short description (never the message).</summary>
    /// <returns>Id, method and destination.</returns>
    public override string ToString() => "SentCode { CodeId = " + CodeId + ", Resent = " + Resent + ", Method = " + Method + ", DestinationAddress = " + DestinationAddress + " }";
}
