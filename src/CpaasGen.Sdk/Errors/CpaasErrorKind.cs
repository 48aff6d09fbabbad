namespace Cpaas;

/// <summary>Which kind of error body the API sent.</summary>
public enum CpaasErrorKind
{
    /// <summary>The body was empty, not JSON, or JSON of an unknown shape; see <see cref="CpaasApiException.ResponseSnippet"/>.</summary>
    Unknown = 0,

    /// <summary><c>requestError.serviceException</c>: the request was invalid (ids like <c>SVC0002</c>).</summary>
    ServiceException,

    /// <summary><c>requestError.policyException</c>: a policy forbids the request, such as an unowned number (ids like <c>POL0001</c>).</summary>
    PolicyException,

    /// <summary>An OAuth error body (<c>error</c>, <c>error_description</c>) from the token endpoint.</summary>
    OAuth,

    /// <summary>The request never got an answer: a network failure, a timeout, or a response too large to accept.</summary>
    Transport,

    /// <summary>
    /// The API answered with a redirect (3xx), which the SDK never follows: a request carrying credentials, a token or
    /// a message must not go to a host you did not configure. The message names the host the answer pointed to.
    /// </summary>
    Redirect,

    /// <summary>
    /// A plain <c>{"message": …}</c> body without the ParlayREST wrapper, as some front ends of the API answer:
    /// <see cref="CpaasApiException.Text"/> is its message; there is no exception id.
    /// </summary>
    PlainMessage,
}
