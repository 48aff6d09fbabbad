namespace Cpaas;

/// <summary>What Kandy answered to a sent (or resent) two-factor code: the code resource and its id.</summary>
public sealed class SendCodeResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="codeId">The code id (the last segment of <paramref name="resourceUrl"/>).</param>
    /// <param name="resourceUrl">The code resource's URL, relative to the base URL.</param>
    public SendCodeResult(string codeId, string resourceUrl)
    {
        CodeId = codeId;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The code id: pass it to <see cref="TwoFactor.VerifyCodeAsync"/>, <see cref="TwoFactor.ResendCodeAsync"/> and <see cref="TwoFactor.DeleteCodeAsync"/>.</summary>
    public string CodeId { get; }

    /// <summary>The code resource's URL (<c>/cpaas/auth/v1/{userId}/codes/{codeId}</c>).</summary>
    public string ResourceUrl { get; }

    /// <summary>The code id (the result never carries the code itself: only Kandy and the user see it).</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => "SendCodeResult { CodeId = " + CodeId + " }";
}
