namespace Cpaas.Emulator;

/// <summary>The error body shapes the API description describes, which the emulator answers its errors in (a fault switch).</summary>
public enum ErrorBodyShape
{
    /// <summary><c>{"requestError":{"serviceException"|"policyException":{"messageId","text","variables"}}}</c>: the ParlayREST shape (the default).</summary>
    RequestError = 0,

    /// <summary><c>{"requestError":{"messageId","text","variables"}}</c>: the exception's members directly in <c>requestError</c>.</summary>
    FlattenedRequestError,

    /// <summary><c>{"serviceException"|"policyException":{…}}</c>: the exception object at the top level, without <c>requestError</c>.</summary>
    TopLevelException,

    /// <summary><c>{"message":"…"}</c>: only the text (variables substituted), no exception id.</summary>
    PlainMessage,
}

/// <summary>What <see cref="CpaasEmulator.SimulateOtherClientSubscriptionAsync"/> created: another client's channel and its subscription.</summary>
/// <param name="ChannelId">The websocket (<c>ws-…</c>) or push (<c>ps-…</c>) channel's id.</param>
/// <param name="SubscriptionId">The subscription's id.</param>
public sealed record OtherClientSubscription(string ChannelId, string SubscriptionId);
