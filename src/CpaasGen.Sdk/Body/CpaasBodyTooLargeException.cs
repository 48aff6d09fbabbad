using System.Globalization;
using System.IO;

namespace Cpaas;

/// <summary>A body was larger than the limit its reader allows (see <see cref="BoundedBodyReader"/>); reading stopped at the limit.</summary>
public sealed class CpaasBodyTooLargeException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="declaredLength">The length the body declared (Content-Length), when it was the declaration that exceeded the limit.</param>
    public CpaasBodyTooLargeException(int limit, long? declaredLength = null)
        : base(declaredLength > limit
            ? "The body declares " + declaredLength.Value.ToString(CultureInfo.InvariantCulture) + " bytes, more than the limit of " + limit.ToString(CultureInfo.InvariantCulture) + "."
            : "The body is larger than the limit of " + limit.ToString(CultureInfo.InvariantCulture) + " bytes.")
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The limit in bytes.</summary>
    public int Limit { get; }

    /// <summary>The declared length (Content-Length), if the body declared one.</summary>
    public long? DeclaredLength { get; }
}
