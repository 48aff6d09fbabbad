using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// A response body read into a pooled buffer, at most <c>limit</c> bytes: one byte past the limit (or past the
/// declared Content-Length) tells whether the body is too large, without reading all of it. Dispose returns the buffer.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private byte[]? _buffer;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async Task<ResponseBody> ReadAsync(HttpResponseMessage response, int limit, Func<string, Exception> tooLarge, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw tooLarge("The response declares " + declared + " bytes, more than CpaasClientOptions.MaxResponseBytes (" + limit + ").");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Room for the expected body plus one byte, so the end (or an overrun) shows without another buffer.
            var expected = declared is { } d ? (int)d : Math.Min(4096, limit);
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(expected, limit) + 1);
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > limit)
                        {
                            break;
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        break;
                    }
                }

                if (length > limit)
                {
                    throw tooLarge("The response is larger than CpaasClientOptions.MaxResponseBytes (" + limit + ").");
                }

                var body = new ResponseBody(buffer, length);
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
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
