using System;

namespace Cpaas;

/// <summary>A webhook body that is not a valid Kandy notification. Carries where parsing stopped.</summary>
public sealed class CpaasNotificationParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="bytePosition">The byte offset where parsing stopped, when known.</param>
    /// <param name="lineNumber">The 0-based line, when known.</param>
    /// <param name="innerException">The JSON error.</param>
    public CpaasNotificationParseException(string message, long? bytePosition = null, long? lineNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        BytePosition = bytePosition;
        LineNumber = lineNumber;
    }

    /// <summary>The byte offset in the body where parsing stopped, when known.</summary>
    public long? BytePosition { get; }

    /// <summary>The 0-based line where parsing stopped, when known.</summary>
    public long? LineNumber { get; }
}
