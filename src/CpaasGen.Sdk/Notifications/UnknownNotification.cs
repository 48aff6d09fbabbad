namespace Cpaas;

/// <summary>
/// A notification whose top-level key this SDK does not know; the raw JSON is kept. When its value is an object with
/// an <c>id</c> string and a <c>dateTime</c> number (as every Kandy notification envelope has), they are
/// <see cref="CpaasNotification.NotificationId"/> and <see cref="CpaasNotification.NotifiedOn"/>, so duplicate
/// deliveries of it can be recognised too.
/// </summary>
public sealed class UnknownNotification : CpaasNotification
{
    private readonly string? _id;
    private readonly long? _dateTime;

    internal UnknownNotification(string key, string? notificationId, long? notificationDateTime, string rawJson)
    {
        Kind = new CpaasNotificationKind(key);
        _id = notificationId;
        _dateTime = notificationDateTime;
        RawJson = rawJson;
    }

    /// <summary>The body's top-level key, as received.</summary>
    public override CpaasNotificationKind Kind { get; }

    /// <summary>The whole notification body as received.</summary>
    public string RawJson { get; }

    private protected override string? WireId => _id;

    private protected override long? WireDateTime => _dateTime;
}
