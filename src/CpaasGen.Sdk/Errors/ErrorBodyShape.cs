namespace Cpaas;

/// <summary>
/// The shapes of error body the Kandy API sends, all of which <see cref="CpaasApiException"/> reads. The test kit
/// (<c>CpaasMockServer.RespondWithError</c>) and the emulator (its <c>ErrorBodyShape</c> fault switch) answer in the one you choose.
/// </summary>
public enum ErrorBodyShape
{
    /// <summary><c>{"requestError":{"serviceException"|"policyException":{"messageId","text","variables"}}}</c>: the ParlayREST shape (the default).</summary>
    RequestError = 0,

    /// <summary><c>{"requestError":{"messageId","text","variables"}}</c>: the exception's members directly in <c>requestError</c>.</summary>
    FlattenedRequestError,

    /// <summary><c>{"serviceException"|"policyException":{…}}</c>: the exception object at the top level, without <c>requestError</c>.</summary>
    TopLevelException,

    /// <summary><c>{"message":"…"}</c>: only the text (variables substituted), no exception id (<see cref="CpaasErrorKind.PlainMessage"/>).</summary>
    PlainMessage,
}
