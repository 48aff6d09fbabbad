namespace Cpaas.AspNetCore;

/// <summary>The outcome of claiming a notification id.</summary>
public enum CpaasClaim
{
    /// <summary>This delivery owns the notification: handle it, then complete or release the claim.</summary>
    Claimed,

    /// <summary>The notification was handled already: acknowledge the duplicate without handling it.</summary>
    AlreadyHandled,

    /// <summary>Another delivery is handling it right now: answer "retry later" so nothing is lost if that handler fails.</summary>
    InProgress,
}
