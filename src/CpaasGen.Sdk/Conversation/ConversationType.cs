namespace Cpaas;

/// <summary>The kind of conversation, as in the seed's <c>Cpaas::Conversation.types</c>. Only SMS is supported.</summary>
public enum ConversationType
{
    /// <summary>SMS (the default).</summary>
    Sms = 0,
}
