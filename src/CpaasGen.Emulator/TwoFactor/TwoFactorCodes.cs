using System;
using System.Collections.Generic;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Sending;
using Cpaas.Emulator.State;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.TwoFactor;

/// <summary>
/// The emulator's two-factor codes: one current code per resource, generated per format with the cryptographic RNG,
/// valid until its expiry on the emulator's clock, used up by a successful verification, replaced by a resend, and
/// invalidated after <see cref="CpaasEmulatorOptions.TwoFactorMaxAttempts"/> wrong codes (the vendor documents no limit;
/// this is the emulator's choice). An <c>sms</c> code goes out as a real SMS from the project's default number, through
/// the same path as a send (message history, outbound notification), so it is read the way a phone would read it; an
/// <c>email</c> code is recorded (<see cref="CpaasEmulator.SentEmails"/>). Every change is published to the inbox page
/// (<see cref="Inbox.InboxEvents.CodeChanged"/>) under the lock, so the page's stream has the changes in their order, and
/// raises <see cref="Changed"/> after the lock is released. An active code's expiry is announced to the page when the
/// emulator's clock reaches it (<c>TwoFactorCodes.Expiry.cs</c>).
/// </summary>
internal sealed partial class TwoFactorCodes(EmulatorState state, SmsTraffic traffic)
{
    public event EventHandler<TwoFactorCodeEvent>? Changed;

    private int MaxAttempts => state.Options.TwoFactorMaxAttempts;

    /// <summary>Creates a code resource and sends its first code; the error when the message cannot go out.</summary>
    public (TwoFactorCodeRecord? Code, ApiError? Error) Send(CodeOrder order)
    {
        var id = Guid.NewGuid().ToString();
        var code = CodeGenerator.New(order.Length, order.Type);
        var (carrier, error) = Deliver(id, order, code);
        if (error is not null)
        {
            return (null, error);
        }

        TwoFactorCodeRecord record;
        int evicted;
        lock (state.Gate)
        {
            var now = state.Time.GetUtcNow();
            var resource = new CodeResource(id, state.Paths.Code(id)) { Order = order, Code = code };
            Issue(resource, order, code, now, carrier);
            var removed = state.Codes.Add(resource);
            evicted = removed.Count;
            foreach (var old in removed)
            {
                Publish("Evicted", old, old.ToRecord(now, MaxAttempts, TwoFactorCodeStatus.Deleted), now);
            }

            record = resource.ToRecord(now, MaxAttempts);
            Publish(nameof(TwoFactorCodeEventKind.Sent), resource, record, now);
        }

        if (evicted > 0)
        {
            Log.Evicted(state.Logger, evicted, CodeStore.ResourceCap);
        }

        Log.Sent(state.Logger, id, "sent", order.Method, Mask(order));
        Raise(TwoFactorCodeEventKind.Sent, record);
        return (record, null);
    }

    /// <summary>Sends a new code through an existing resource (the previous code stops working); 404 when there is none.</summary>
    public (TwoFactorCodeRecord? Code, ApiError? Error) Resend(string id, CodeOrder order, string path)
    {
        lock (state.Gate)
        {
            if (state.Codes.Find(id) is null)
            {
                return (null, Errors.NotFound(path));
            }
        }

        var code = CodeGenerator.New(order.Length, order.Type);
        var (carrier, error) = Deliver(id, order, code);
        if (error is not null)
        {
            return (null, error);
        }

        TwoFactorCodeRecord record;
        lock (state.Gate)
        {
            // Deleted while the message was going out: the message is sent (as a delete never stops one), the resource is gone.
            if (state.Codes.Find(id) is not { } resource)
            {
                return (null, Errors.NotFound(path));
            }

            var now = state.Time.GetUtcNow();
            Issue(resource, order, code, now, carrier);
            record = resource.ToRecord(now, MaxAttempts);
            Publish(nameof(TwoFactorCodeEventKind.Resent), resource, record, now);
        }

        Log.Sent(state.Logger, id, "resent", order.Method, Mask(order));
        Raise(TwoFactorCodeEventKind.Resent, record);
        return (record, null);
    }

    /// <summary>True: verified (the code is used up). False: not verified (403). Null with an error: no such resource.</summary>
    public (bool Verified, ApiError? Error) Verify(string id, string typed, string path)
    {
        TwoFactorCodeRecord record;
        TwoFactorCodeEventKind kind;
        lock (state.Gate)
        {
            if (state.Codes.Find(id) is not { } resource)
            {
                return (false, Errors.NotFound(path));
            }

            var now = state.Time.GetUtcNow();
            if (resource.StatusAt(now) != TwoFactorCodeStatus.Active)
            {
                kind = TwoFactorCodeEventKind.VerificationFailed; // used, expired or locked: no attempt is counted
            }
            else if (CodeGenerator.Matches(resource.Code, typed))
            {
                resource.Status = TwoFactorCodeStatus.Verified;
                kind = TwoFactorCodeEventKind.Verified;
            }
            else
            {
                resource.WrongAttempts++;
                if (resource.WrongAttempts >= MaxAttempts)
                {
                    resource.Status = TwoFactorCodeStatus.Locked;
                    kind = TwoFactorCodeEventKind.Locked;
                }
                else
                {
                    kind = TwoFactorCodeEventKind.VerificationFailed;
                }
            }

            if (resource.Status != TwoFactorCodeStatus.Active)
            {
                resource.CancelExpiry(); // verified or locked: it can no longer expire
            }

            record = resource.ToRecord(now, MaxAttempts);
            Publish(kind.ToString(), resource, record, now);
        }

        Log.Verified(state.Logger, id, kind == TwoFactorCodeEventKind.Verified, record.Status, record.WrongAttempts, record.MaxAttempts);
        Raise(kind, record);
        return (kind == TwoFactorCodeEventKind.Verified, null);
    }

    /// <summary>Deletes a resource; the error when there is none.</summary>
    public ApiError? Delete(string id, string path)
    {
        TwoFactorCodeRecord record;
        lock (state.Gate)
        {
            if (state.Codes.Find(id) is not { } resource)
            {
                return Errors.NotFound(path);
            }

            state.Codes.Remove(id);
            var now = state.Time.GetUtcNow();
            record = resource.ToRecord(now, MaxAttempts, TwoFactorCodeStatus.Deleted);
            Publish(nameof(TwoFactorCodeEventKind.Deleted), resource, record, now);
        }

        Log.Deleted(state.Logger, id);
        Raise(TwoFactorCodeEventKind.Deleted, record);
        return null;
    }

    /// <summary>Every code resource, oldest first.</summary>
    public IReadOnlyList<TwoFactorCodeRecord> Snapshot()
    {
        lock (state.Gate)
        {
            var now = state.Time.GetUtcNow();
            var records = new List<TwoFactorCodeRecord>(state.Codes.Count);
            foreach (var resource in state.Codes.Resources)
            {
                records.Add(resource.ToRecord(now, MaxAttempts));
            }

            return records;
        }
    }

    /// <summary>The e-mails that carried codes, oldest first.</summary>
    public IReadOnlyList<EmulatorEmail> Emails()
    {
        lock (state.Gate)
        {
            return state.Codes.Emails();
        }
    }

    /// <summary>Under the lock: makes <paramref name="code"/> the resource's current code, valid from now, and arms its expiry.</summary>
    private void Issue(CodeResource resource, CodeOrder order, string code, DateTimeOffset now, Carrier carrier)
    {
        resource.Order = order;
        resource.Code = code;
        resource.IssuedAt = now;
        resource.ExpiresAt = now.AddSeconds(order.ExpirySeconds);
        resource.Status = TwoFactorCodeStatus.Active;
        resource.WrongAttempts = 0;
        resource.Sends++;
        resource.MessageId = carrier.MessageId;
        resource.Sender = carrier.Sender;
        resource.Email = carrier.Email;
        ArmExpiry(resource, now);
    }

    /// <summary>Under the lock: the change, to the inbox page's stream (so its order is the order of the changes).</summary>
    private void Publish(string change, CodeResource resource, TwoFactorCodeRecord record, DateTimeOffset now)
        => state.Inbox.CodeChanged(change, resource, record, now);

    /// <summary>What carried a code: the SMS (its id and the number that sent it) or the recorded e-mail.</summary>
    private readonly record struct Carrier(string? MessageId, string? Sender, EmulatorEmail? Email);

    /// <summary>Sends the message with the code: an SMS from the default number (history, notifications), or a recorded e-mail.</summary>
    private (Carrier Carrier, ApiError? Error) Deliver(string codeId, CodeOrder order, string code)
    {
        if (order.IsEmail)
        {
            var email = new EmulatorEmail("EM" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)), order.Address, order.Subject!, order.Render(code), codeId, state.Time.GetUtcNow());
            lock (state.Gate)
            {
                state.Codes.AddEmail(email);
            }

            return (new Carrier(null, null, email), null);
        }

        var (sent, refused) = traffic.Send(PhoneAddress.DefaultSender, [order.Address], order.Render(code));
        return refused is not null ? (default, refused) : (new Carrier(sent!.MessageId, sent.Sender, null), null);
    }

    private void Raise(TwoFactorCodeEventKind kind, TwoFactorCodeRecord record)
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        var change = new TwoFactorCodeEvent(kind, record);
        foreach (EventHandler<TwoFactorCodeEvent> handler in handlers.GetInvocationList())
        {
            try
            {
                handler(this, change);
            }
            catch (Exception ex)
            {
                // A subscriber's failure never fails the API call that caused the change.
                Log.HandlerFailed(state.Logger, ex, kind.ToString(), record.CodeId);
            }
        }
    }

    private static string Mask(CodeOrder order) => order.IsEmail ? EmailAddress.Mask(order.Address) : PhoneMasking.Mask(order.Address);

    private static partial class Log
    {
        [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Two-factor code {CodeId} {Action} by {Method} to {Destination}")]
        public static partial void Sent(ILogger logger, string codeId, string action, string method, string destination);

        [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Two-factor code {CodeId} verified: {Verified} (now {Status}, {WrongAttempts}/{MaxAttempts} wrong attempts)")]
        public static partial void Verified(ILogger logger, string codeId, bool verified, TwoFactorCodeStatus status, int wrongAttempts, int maxAttempts);

        [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Two-factor code {CodeId} deleted")]
        public static partial void Deleted(ILogger logger, string codeId);

        [LoggerMessage(EventId = 33, Level = LogLevel.Debug, Message = "Two-factor code cap {Cap} reached: {Count} oldest code resource(s) removed")]
        public static partial void Evicted(ILogger logger, int count, int cap);

        [LoggerMessage(EventId = 34, Level = LogLevel.Warning, Message = "A TwoFactorCodeChanged handler failed on {Kind} of code {CodeId}")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string kind, string codeId);

        [LoggerMessage(EventId = 35, Level = LogLevel.Information, Message = "Two-factor code {CodeId} expired")]
        public static partial void Expired(ILogger logger, string codeId);
    }
}
