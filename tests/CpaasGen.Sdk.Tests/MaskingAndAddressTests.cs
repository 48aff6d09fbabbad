using System;
using System.Linq;
using Xunit;

namespace Cpaas.Tests;

/// <summary>PhoneMasking.Mask and PhoneAddress.IsValid / Validate / Problem.</summary>
public sealed class MaskingAndAddressTests
{
    [Theory]
    [InlineData("+16131234567", "+1613***4567")]
    [InlineData("+16137001234", "+1613***1234")]
    [InlineData("tel:+16131234567", "tel:+1613***4567")]
    [InlineData("sip:+16131234567@example.com", "sip:+1613***4567@example.com")]
    [InlineData("sip:6131234567@example.com", "sip:613***4567@example.com")] // 10 digits: at most 10 - 4 - 3 = 3 kept in front
    [InlineData("sip:6131234@example.com", "sip:***1234@example.com")]
    [InlineData("+905335512127", "+9053***2127")]
    [InlineData("+123456789012345", "+1234***2345")]
    [InlineData("Sender +16137001234 is not owned by +16139998877", "Sender +1613***1234 is not owned by +1613***8877")]
    [InlineData("code 123456 expires in 10 min", "code 123456 expires in 10 min")]
    [InlineData("no digits", "no digits")]
    [InlineData("", "")]
    [InlineData("default", "default")]
    public void MaskKeepsTheLastFourAndAtMostFourLeadingDigitsHidingAtLeastThree(string input, string expected)
        => Assert.Equal(expected, PhoneMasking.Mask(input));

    [Fact]
    public void MaskOfNullIsEmptyAndMaskAddressOfNullIsNone()
    {
        Assert.Equal(string.Empty, PhoneMasking.Mask(null));
        Assert.Equal("(none)", PhoneMasking.MaskAddress(null));
        Assert.Equal("+1613***4567", PhoneMasking.MaskAddress("+16131234567"));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("12345678")]
    [InlineData("sip:6131234@example.com")]
    [InlineData("+12345678")]
    public void MaskHidesAtLeastOneDigitOfEveryNumberItMasks(string input)
    {
        // PhoneAddress accepts 7 to 15 digits, so 7- and 8-digit numbers are valid addresses; their masked form must not
        // still reveal every digit (keeping "first 4 and last 4" of 8 digits keeps all 8; of 7 digits, all 7 plus a repeat).
        var digits = new string(input.Where(char.IsAsciiDigit).ToArray());
        var masked = PhoneMasking.Mask(input);

        Assert.Contains("***", masked);
        var shown = new string(masked.Where(char.IsAsciiDigit).ToArray());
        Assert.True(shown.Length < digits.Length, "'" + input + "' masked as '" + masked + "' still shows all " + digits.Length + " digits");
    }

    [Theory]
    [InlineData("+16131234567", true)]
    [InlineData("tel:+16131234567", true)]
    [InlineData("sip:+16131234567@domain", true)]
    [InlineData("sip:6131234567@domain", true)]
    [InlineData("sip:+16131234567@example.com", true)]
    [InlineData("sip:6131234567@sub-domain.example.com", true)]
    [InlineData("TEL:+16131234567", true)]
    [InlineData("SIP:6131234567@domain", true)]
    [InlineData("+1234567", true)] // 7 digits: the minimum
    [InlineData("+123456789012345", true)] // 15 digits: the E.164 maximum
    [InlineData("+123456", false)] // too few digits
    [InlineData("+1234567890123456", false)] // too many digits
    [InlineData("16131234567", false)] // bare digits need '+'
    [InlineData("+1613abc4567", false)] // letters
    [InlineData("+1 613 123 4567", false)] // spaces
    [InlineData("+1-613-123-4567", false)] // dashes
    [InlineData("++16131234567", false)]
    [InlineData("+", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    [InlineData("default", false)] // the sender keyword, not an address
    [InlineData("tel:16131234567", false)] // tel: needs '+'
    [InlineData("tel:", false)]
    [InlineData("sip:+16131234567", false)] // no domain
    [InlineData("sip:+16131234567@", false)]
    [InlineData("sip:@domain", false)]
    [InlineData("sip:613123@domain", false)] // 6 digits
    [InlineData("sip:alice@domain", false)]
    [InlineData("sip:6131234567@-domain", false)]
    [InlineData("sip:6131234567@domain.", false)]
    [InlineData("sip:6131234567@dom ain", false)]
    [InlineData("sip:6131234567@dom@ain", false)]
    [InlineData("mailto:6131234567@domain", false)]
    [InlineData("+16131234567\n", false)]
    [InlineData("+١٦١٣١٢٣٤٥٦٧", false)] // non-ASCII digits
    public void IsValidAcceptsExactlyTheFourSeedFormats(string? address, bool valid)
    {
        Assert.Equal(valid, PhoneAddress.IsValid(address));
        Assert.Equal(valid, PhoneAddress.Problem(address) is null);
    }

    [Fact]
    public void ValidateNamesTheFieldAndMasksTheAddress()
    {
        var error = Assert.Throws<ArgumentException>(() => PhoneAddress.Validate("+16131234567x", "SenderAddress"));

        Assert.Equal("SenderAddress", error.ParamName);
        Assert.StartsWith("SenderAddress ", error.Message);
        Assert.Contains("+1613***4567x", error.Message);
        Assert.DoesNotContain("16131234567", error.Message);
        PhoneAddress.Validate("tel:+16131234567", "DestinationAddress"); // no throw
    }

    /// <summary>
    /// The one normalisation of an address to its thread key (issue 11: the emulator had its own): the E.164 number of
    /// +…, tel:+… and sip:+…@domain; a sip: user without a country code stays as it is.
    /// </summary>
    [Theory]
    [InlineData("+16131234567", "+16131234567")]
    [InlineData("tel:+16131234567", "+16131234567")]
    [InlineData("TEL:+16131234567", "+16131234567")]
    [InlineData("sip:+16131234567@domain.example", "+16131234567")]
    [InlineData("Sip:+16131234567@domain", "+16131234567")]
    [InlineData("sip:6131234567@domain", "sip:6131234567@domain")]
    public void NormalizeGivesTheE164NumberOfEveryFormThatHasOne(string address, string expected)
    {
        Assert.Equal(expected, PhoneAddress.Normalize(address));
        Assert.True(PhoneAddress.TryNormalize(address, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("16131234567")]
    [InlineData("tel:16131234567")]
    [InlineData("sip:+16131234567")]
    [InlineData(" +16131234567 ")]
    [InlineData("default")]
    [InlineData("")]
    [InlineData(null)]
    public void NormalizeRefusesWhatIsNotAnAddress(string? address)
    {
        Assert.False(PhoneAddress.TryNormalize(address, out var normalized));
        Assert.Null(normalized);
        var error = Assert.Throws<ArgumentException>(() => PhoneAddress.Normalize(address!));
        Assert.Equal("address", error.ParamName);
    }

    [Theory]
    [InlineData("+16131234567", true)]
    [InlineData("+1234567", true)]
    [InlineData("tel:+16131234567", false)]
    [InlineData("sip:+16131234567@domain", false)]
    [InlineData("16131234567", false)]
    [InlineData(null, false)]
    public void IsE164AcceptsOnlyThePlusAndDigitsForm(string? address, bool expected)
        => Assert.Equal(expected, PhoneAddress.IsE164(address));

    [Fact]
    public void ProblemDescribesMissingAndEmpty()
    {
        Assert.Contains("missing", PhoneAddress.Problem(null));
        Assert.Contains("empty", PhoneAddress.Problem(" "));
        Assert.Equal("default", PhoneAddress.DefaultSender);
    }

    [Theory]
    [InlineData(1545913541, 2018, 12, 27)]
    [InlineData(1545913541188, 2018, 12, 27)]
    [InlineData(99_999_999_999, 5138, 11, 16)] // just below the threshold: seconds
    [InlineData(100_000_000_000, 1973, 3, 3)] // at the threshold: milliseconds
    public void EpochTimeReadsSecondsOrMilliseconds(long value, int year, int month, int day)
    {
        var instant = EpochTime.ToDateTimeOffset(value)!.Value;

        Assert.Equal(new DateTime(year, month, day), instant.UtcDateTime.Date);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void EpochTimeOfNullOrNegativeIsNull()
    {
        Assert.Null(EpochTime.ToDateTimeOffset(null));
        Assert.Null(EpochTime.ToDateTimeOffset(-1));
        Assert.Null(EpochTime.ToDateTimeOffset(long.MaxValue));
    }

    [Fact]
    public void DeliveryStatusComparesIgnoringCase()
    {
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, new DeliveryStatus("deliveredtonetwork"));
        Assert.True(new DeliveryStatus("DELIVERYIMPOSSIBLE") == DeliveryStatus.DeliveryImpossible);
        Assert.False(new DeliveryStatus("Queued").IsKnown);
        Assert.Equal(string.Empty, default(DeliveryStatus).Value);
        Assert.Throws<ArgumentNullException>(() => new DeliveryStatus(null!));
    }
}
