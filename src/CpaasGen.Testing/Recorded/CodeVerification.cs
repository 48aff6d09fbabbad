using System;

namespace Cpaas.Testing;

/// <summary>A verification the server answered, read back from the request WireMock recorded and its answer.</summary>
public sealed class CodeVerification
{
    internal CodeVerification(string codeId, string code, bool verified, DateTimeOffset time)
    {
        CodeId = codeId;
        Code = code;
        Verified = verified;
        Time = time;
    }

    /// <summary>The code id of the path.</summary>
    public string CodeId { get; }

    /// <summary>The code as sent (<c>code.verify</c>).</summary>
    public string Code { get; }

    /// <summary>True when the server answered 204, false for 403.</summary>
    public bool Verified { get; }

    /// <summary>When the server received the request.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>A short description (never the code).</summary>
    /// <returns>Id and outcome.</returns>
    public override string ToString() => "CodeVerification { CodeId = " + CodeId + ", Verified = " + Verified + " }";
}
