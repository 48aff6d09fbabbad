namespace Cpaas;

/// <summary>The filters of <see cref="Conversation.GetChannelsAsync"/> (the API's <c>clientCorrelator</c> and <c>channelType</c>).</summary>
public sealed class NotificationChannelQuery
{
    /// <summary>Only channels created with this <c>clientCorrelator</c> (for example your <see cref="CpaasClientOptions.ClientCorrelator"/>).</summary>
    public string? ClientCorrelator { get; init; }

    /// <summary>Only channels of this kind; not <see cref="NotificationChannelKind.Unknown"/>.</summary>
    public NotificationChannelKind? Kind { get; init; }
}
