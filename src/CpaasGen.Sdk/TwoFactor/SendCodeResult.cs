using System;

namespace Cpaas;

/// <summary>
/// What Kandy answered to a sent (or resent) two-factor code: the code resource and its id. <see cref="ApiModel"/> is
/// the wire model it came from. Build one for tests with <see cref="CpaasModelFactory.SendCodeResult"/>.
/// </summary>
public sealed class SendCodeResult
{
    internal SendCodeResult(Api.TwoFactorCode apiModel, string codeId)
    {
        ApiModel = apiModel;
        CodeId = codeId;
    }

    /// <summary>The wire model this result was read from (the protocol layer's <see cref="Api.TwoFactorCode"/>), with every field Kandy sent.</summary>
    public Api.TwoFactorCode ApiModel { get; }

    /// <summary>The code id: pass it to <see cref="TwoFactor.VerifyCodeAsync"/>, <see cref="TwoFactor.ResendCodeAsync"/> and <see cref="TwoFactor.DeleteCodeAsync"/>.</summary>
    public string CodeId { get; }

    /// <summary>The code resource's URL (<c>/cpaas/auth/v1/{userId}/codes/{codeId}</c>, relative to the base URL).</summary>
    public Uri? ResourceUrl => WireUri.From(ApiModel.ResourceUrl);

    /// <summary>The code id (the result never carries the code itself: only Kandy and the user see it).</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => "SendCodeResult { CodeId = " + CodeId + " }";
}
