using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// A body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, at most a given number of bytes: the one
/// bounded reader behind <see cref="BoundedBodyReader"/> (the ASP.NET Core webhook endpoint), <see cref="Notification.ParseAsync"/>
/// and the SDK's API responses. One byte of room past the expected length (the declared Content-Length, or the limit)
/// tells the end from an overrun without a second buffer. <see cref="Dispose"/> returns the buffer; a copy of this
/// struct must not be disposed twice.
/// </summary>
internal struct PooledBody : IDisposable
{
    private byte[]? _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>No body.</summary>
    public static PooledBody Empty => default;

    public int Length { get; }

    public readonly ReadOnlySpan<byte> Span => _buffer is null ? ReadOnlySpan<byte>.Empty : _buffer.AsSpan(0, Length);

    public readonly ReadOnlyMemory<byte> Memory => _buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, Length);

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    /// <param name="stream">The body.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="declaredLength">The declared length (Content-Length), when known: over the limit fails at once, without reading.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="CpaasBodyTooLargeException">The body is (or declares itself) larger than <paramref name="limit"/>.</exception>
    public static async ValueTask<PooledBody> ReadAsync(Stream stream, int limit, long? declaredLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (declaredLength > limit)
        {
            throw new CpaasBodyTooLargeException(limit, declaredLength);
        }

        // Long arithmetic: a limit of int.MaxValue ("no limit of our own") must not overflow limit + 1.
        var capacity = (int)Math.Min((long)limit + 1, Array.MaxLength);
        var expected = declaredLength is { } declared ? (int)declared : Math.Min(4096, limit);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(expected + 1, capacity));
        var length = 0;
        var ended = false;
        try
        {
            while (length < capacity)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, capacity));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var room = Math.Min(buffer.Length, capacity) - length;
                var read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    ended = true;
                    break;
                }

                length += read;
                if (length > limit)
                {
                    break;
                }
            }

            if (!ended)
            {
                // Past the limit (or, with a limit near int.MaxValue, past the largest array there can be).
                throw new CpaasBodyTooLargeException(limit, declaredLength);
            }

            var body = new PooledBody(buffer, length);
            buffer = null;
            return body;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
