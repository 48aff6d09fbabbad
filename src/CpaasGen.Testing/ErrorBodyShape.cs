namespace Cpaas.Testing;

/// <summary>The error body shapes the API description describes, for <see cref="CpaasMockServer.RespondWithError"/>.</summary>
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
