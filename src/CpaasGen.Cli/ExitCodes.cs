namespace Cpaas.Cli;

/// <summary>Exit codes of <c>cpaas</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The API answered with an error (4xx/5xx): the line printed names its exception id.</summary>
    public const int ApiError = 1;

    /// <summary>Wrong usage: unknown command, missing or invalid option or address.</summary>
    public const int Usage = 2;

    /// <summary>Authentication failed (wrong credentials, token endpoint failure).</summary>
    public const int Authentication = 3;

    /// <summary>The API could not be reached (network failure, timeout).</summary>
    public const int Unreachable = 4;

    /// <summary>The demo or the local webhook receiver failed (a notification did not arrive in time…).</summary>
    public const int Failed = 5;

    /// <summary>The port given with --port is in use or may not be bound.</summary>
    public const int PortUnavailable = 6;

    /// <summary>The send was accepted, but Kandy reported DeliveryImpossible for at least one destination.</summary>
    public const int NotDelivered = 7;

    /// <summary><c>2fa verify</c>: Kandy answered that the code is not the one it sent (wrong, expired, used up or invalidated).</summary>
    public const int NotVerified = 8;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
