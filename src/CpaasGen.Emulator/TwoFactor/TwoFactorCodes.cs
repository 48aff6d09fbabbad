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
/// <c>email</c> code is recorded (<see cref="CpaasEmulator.SentEmails"/>). Every change raises <see cref="Changed"/>,
/// after the lock is released.
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
        var (messageId, emailId, error) = Deliver(id, order, code);
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
            Issue(resource, order, code, now, messageId, emailId);
            evicted = state.Codes.Add(resource);
            record = resource.ToRecord(now, MaxAttempts);
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
        var (messageId, emailId, error) = Deliver(id, order, code);
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
            Issue(resource, order, code, now, messageId, emailId);
            record = resource.ToRecord(now, MaxAttempts);
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

            record = resource.ToRecord(now, MaxAttempts);
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
            record = resource.ToRecord(state.Time.GetUtcNow(), MaxAttempts, TwoFactorCodeStatus.Deleted);
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

    private static void Issue(CodeResource resource, CodeOrder order, string code, DateTimeOffset now, string? messageId, string? emailId)
    {
        resource.Order = order;
        resource.Code = code;
        resource.IssuedAt = now;
        resource.ExpiresAt = now.AddSeconds(order.ExpirySeconds);
        resource.Status = TwoFactorCodeStatus.Active;
        resource.WrongAttempts = 0;
        resource.Sends++;
        resource.MessageId = messageId;
        resource.EmailId = emailId;
    }

    /// <summary>Sends the message with the code: an SMS from the default number (history, notifications), or a recorded e-mail.</summary>
    private (string? MessageId, string? EmailId, ApiError? Error) Deliver(string codeId, CodeOrder order, string code)
    {
        if (order.IsEmail)
        {
            var email = new EmulatorEmail("EM" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)), order.Address, order.Subject!, order.Render(code), codeId, state.Time.GetUtcNow());
            lock (state.Gate)
            {
                state.Codes.AddEmail(email);
            }

            return (null, email.EmailId, null);
        }

        var (sent, refused) = traffic.Send(PhoneAddress.DefaultSender, [order.Address], order.Render(code));
        return refused is not null ? (null, null, refused) : (sent!.MessageId, null, null);
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
    }
}
