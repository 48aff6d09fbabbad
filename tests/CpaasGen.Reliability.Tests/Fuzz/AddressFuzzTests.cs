using System;
using System.Linq;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Address validation (property-based): any string gives true/false from IsValid and nothing or an ArgumentException
/// from Validate, consistently; every address generated in the four documented formats is valid; masking never
/// throws and never leaves a long digit run readable.
/// </summary>
public sealed class AddressFuzzTests
{
    private const string Alphabet = "+tel:TELsip:SIP@.-_0123456789 \t\u00e9\u0660\u0661\uff11\u200b/;=?#%";

    private static readonly Gen<string> Digits = Gen.Int[7, 15].SelectMany(n => Gen.Char['0', '9'].Array[n].Select(c => new string(c)));

    private static readonly Gen<string> Label = Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[0, 20], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"])
        .Select((first, middle, last) => first + new string(middle) + last);

    private static readonly Gen<string> Domain = Label.Array[1, 4].Select(labels => string.Join(".", labels));

    private static Gen<string> Scheme(string scheme) => Gen.Bool.Array[scheme.Length].Select(upper => new string(scheme.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c).ToArray()));

    /// <summary>The four formats of the Kandy docs: +E.164, tel:+E.164, sip:+E.164@domain, sip:digits@domain.</summary>
    private static readonly Gen<string> ValidAddress = Gen.OneOf(
        Digits.Select(d => "+" + d),
        Gen.Select(Scheme("tel:"), Digits).Select((s, d) => s + "+" + d),
        Gen.Select(Scheme("sip:"), Digits, Domain).Select((s, d, h) => s + "+" + d + "@" + h),
        Gen.Select(Scheme("sip:"), Digits, Domain).Select((s, d, h) => s + d + "@" + h));

    private static readonly Gen<string> HostileString = Gen.Frequency(
        (3, Gen.Char[Alphabet].Array[0, 40].Select(c => new string(c))),
        (2, Gen.Char.Array[0, 40].Select(c => new string(c))),
        (2, Gen.Select(ValidAddress, Gen.Int[0, 60], Gen.Char[Alphabet]).Select((a, i, c) => a.Insert(Math.Min(i, a.Length), c.ToString()))),
        (1, Gen.Select(ValidAddress, Gen.Int[0, 60]).Select((a, i) => a.Remove(Math.Min(i, a.Length - 1), 1))),
        (1, Gen.Int[0, 300].Select(n => "sip:+16131234567@" + new string('a', n))));

    private readonly ITestOutputHelper _output;

    public AddressFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AnyStringIsValidOrInvalidAndValidateAgreesThrowingOnlyArgumentException()
    {
        var counter = new FuzzCounter();
        HostileString.Sample(
            address =>
            {
                var valid = PhoneAddress.IsValid(address);
                var problem = PhoneAddress.Problem(address);
                Assert.Equal(valid, problem is null);
                try
                {
                    PhoneAddress.Validate(address, "DestinationAddress");
                    Assert.True(valid, "Validate accepted an address IsValid rejects: " + address);
                }
                catch (ArgumentException ex)
                {
                    Assert.False(valid, "Validate rejected an address IsValid accepts: " + address);
                    Assert.Equal(typeof(ArgumentException), ex.GetType());
                    Assert.Equal("DestinationAddress", ex.ParamName);
                }

                counter.Add(valid ? "valid" : "invalid");
            },
            iter: 50_000);
        foreach (var special in new string?[] { null, string.Empty, " ", "\0", "+", "tel:", "sip:", "sip:@", "sip:+@x", "sip:1234567@", "sip:1234567@.", "sip:1234567@-a" })
        {
            Assert.False(PhoneAddress.IsValid(special));
            Assert.Throws<ArgumentException>(() => PhoneAddress.Validate(special, "SenderAddress"));
            counter.Add("invalid");
        }

        _output.WriteLine($"FUZZ address random strings: {counter.Total} ({counter.Summary()})");
    }

    [Fact]
    public void EveryAddressInTheFourFormatsIsValid()
    {
        var counter = new FuzzCounter();
        ValidAddress.Sample(
            address =>
            {
                Assert.True(PhoneAddress.IsValid(address), address + ": " + PhoneAddress.Problem(address));
                PhoneAddress.Validate(address, "DestinationAddress");
                counter.Add(address.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? (address[4] == '+' ? "sip:+E.164" : "sip:digits") : address.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? "tel:" : "+E.164");
            },
            iter: 50_000);
        _output.WriteLine($"FUZZ address valid generator: {counter.Total} ({counter.Summary()})");
    }

    /// <summary>
    /// The one normalisation (issue 11: the emulator had its own): any string normalises exactly when it is valid, only
    /// ArgumentException otherwise; the result is valid, idempotent, and the bare E.164 number for every form with one.
    /// </summary>
    [Fact]
    public void NormalizeAgreesWithIsValidAndGivesTheE164NumberOfEveryFormWithOne()
    {
        var counter = new FuzzCounter();
        void Check(string address)
        {
            var valid = PhoneAddress.IsValid(address);
            Assert.Equal(valid, PhoneAddress.TryNormalize(address, out var normalized));
            if (!valid)
            {
                Assert.Null(normalized);
                Assert.Equal(typeof(ArgumentException), Assert.ThrowsAny<ArgumentException>(() => PhoneAddress.Normalize(address)).GetType());
                counter.Add("invalid");
                return;
            }

            Assert.Equal(normalized, PhoneAddress.Normalize(address));
            Assert.True(PhoneAddress.IsValid(normalized), normalized);
            Assert.Equal(normalized, PhoneAddress.Normalize(normalized!));
            var plus = address.IndexOf('+', StringComparison.Ordinal);
            if (plus >= 0)
            {
                Assert.True(PhoneAddress.IsE164(normalized), address + " → " + normalized);
                Assert.Equal(new string(address[plus..].TakeWhile(c => c == '+' || char.IsAsciiDigit(c)).ToArray()), normalized);
                counter.Add("E.164");
            }
            else
            {
                Assert.Equal(address, normalized); // sip:digits@domain has no E.164 form
                counter.Add("sip:digits");
            }
        }

        ValidAddress.Sample(Check, iter: 20_000);
        HostileString.Sample(Check, iter: 20_000);
        _output.WriteLine($"FUZZ address normalisation: {counter.Total} ({counter.Summary()})");
    }

    [Fact]
    public void MaskingNeverThrowsAndHidesTheMiddleOfEveryLongDigitRun()
    {
        var counter = new FuzzCounter();
        HostileString.Sample(
            text =>
            {
                var masked = PhoneMasking.Mask(text);
                Assert.DoesNotMatch(new Regex("[0-9]{9,}"), masked);
                counter.Add("masked");
            },
            iter: 20_000);
        _output.WriteLine($"FUZZ masking random strings: {counter.Total}");
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): PhoneMasking keeps the first 4 and the last 4 digits of every run of 7 or more, so for a 7- or
    /// 8-digit number (PhoneAddress accepts 7 to 15 digits, e.g. sip:61312345@domain) every digit position is shown:
    /// "12345678" → "1234***5678", "1234567" → "1234***4567". A masked number must hide at least one digit.
    /// </summary>
    [Fact]
    public void AMaskedNumberHidesAtLeastOneDigit()
    {
        var counter = new FuzzCounter();
        Digits.Sample(
            digits =>
            {
                var masked = PhoneMasking.Mask("sip:" + digits + "@example.com");
                var run = masked["sip:".Length..masked.IndexOf('@', StringComparison.Ordinal)];
                var star = run.IndexOf("***", StringComparison.Ordinal);
                Assert.True(star >= 0, $"'{digits}' was not masked: '{masked}'");
                var prefix = run[..star].Length;
                var suffix = run[(star + 3)..].Length;
                var shown = Enumerable.Range(0, digits.Length).Count(i => i < prefix || i >= digits.Length - suffix);
                Assert.True(shown < digits.Length, $"the {digits.Length}-digit number '{digits}' masked as '{masked}' still shows all {digits.Length} digits");
                counter.Add(digits.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            },
            iter: 5_000);
        _output.WriteLine($"FUZZ masking 7–15 digit numbers: {counter.Total}");
    }
}
