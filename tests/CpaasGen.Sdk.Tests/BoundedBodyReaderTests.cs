using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>The one bounded body reader (responses, Notification.ParseAsync, the webhook endpoint) and its public face.</summary>
public sealed class BoundedBodyReaderTests
{
    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, like a socket.</summary>
    private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        }
    }

    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1, 1024)]
    [InlineData(1024, 1024)]
    [InlineData(5000, 1024 * 1024)]
    [InlineData(70_000, 70_000)]
    public async Task ABodyUpToTheLimitIsReadWhole(int size, int limit)
    {
        var data = new byte[size];
        Random.Shared.NextBytes(data);

        var body = await BoundedBodyReader.ReadAsync(new Trickle(data, 333), limit);

        Assert.Equal(data, body);
    }

    [Theory]
    [InlineData(1025, 1024)]
    [InlineData(10_000, 4096)]
    [InlineData(1, 0)]
    public async Task ABodyPastTheLimitIsRefusedWithoutReadingItAll(int size, int limit)
    {
        var stream = new Trickle(new byte[size], 1 << 20);

        var error = await Assert.ThrowsAsync<CpaasBodyTooLargeException>(() => BoundedBodyReader.ReadAsync(stream, limit));

        Assert.Equal(limit, error.Limit);
        Assert.Null(error.DeclaredLength);
        Assert.True(stream.Position <= limit + 1, "read " + stream.Position + " bytes for a limit of " + limit);
    }

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRefusedBeforeReading()
    {
        var stream = new Trickle(new byte[10], 10);

        var error = await Assert.ThrowsAsync<CpaasBodyTooLargeException>(() => BoundedBodyReader.ReadAsync(stream, 1024, declaredLength: 5000));

        Assert.Equal(5000, error.DeclaredLength);
        Assert.Contains("5000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public async Task TheLargestLimitDoesNotOverflow()
        => Assert.Equal(3, (await BoundedBodyReader.ReadAsync(new MemoryStream(new byte[3]), int.MaxValue)).Length);

    [Fact]
    public async Task BadArgumentsAreRefused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => BoundedBodyReader.ReadAsync(null!, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BoundedBodyReader.ReadAsync(new MemoryStream(), -1));
    }

    [Fact]
    public async Task ACancelledReadThrowsOperationCanceled()
        => await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedBodyReader.ReadAsync(new MemoryStream(new byte[10]), 100, cancellationToken: new CancellationToken(canceled: true)));
}
