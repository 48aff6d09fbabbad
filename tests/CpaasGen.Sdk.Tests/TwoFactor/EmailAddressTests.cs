using Xunit;

namespace Cpaas.Tests;

/// <summary>EmailAddress: the one e-mail rule (SDK, emulator, CLI), and its mask.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("jane.doe+tag@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("x@a-b.example")]
    [InlineData(" jane@example.com ")] // surrounding whitespace is trimmed
    public void Plain_addresses_are_valid(string address) => Assert.True(EmailAddress.IsValid(address), EmailAddress.Problem(address));

    [Theory]
    [InlineData(null, "is missing.")]
    [InlineData("", "is empty.")]
    [InlineData("jane", "exactly one @")]
    [InlineData("a@b@example.com", "exactly one @")]
    [InlineData("@example.com", "the part before @")]
    [InlineData(".jane@example.com", "the part before @")]
    [InlineData("jane..doe@example.com", "the part before @")]
    [InlineData("jane doe@example.com", "the part before @")]
    [InlineData("\"jane\"@example.com", "the part before @")]
    [InlineData("jäne@example.com", "the part before @")]
    [InlineData("jane@localhost", "the part after @")]
    [InlineData("jane@10.0.0.1", "the part after @")]
    [InlineData("jane@-example.com", "the part after @")]
    [InlineData("jane@example..com", "the part after @")]
    [InlineData("jane@exämple.com", "the part after @")]
    [InlineData("John <jane@example.com>", "the part before @")]
    public void Anything_else_says_why(string? address, string reason)
    {
        var problem = EmailAddress.Problem(address);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, System.StringComparison.Ordinal);
        Assert.DoesNotContain("jane@", problem, System.StringComparison.Ordinal); // the address is masked in the message
    }

    [Fact]
    public void Too_long_addresses_are_refused()
    {
        Assert.False(EmailAddress.IsValid(new string('a', 64) + "@" + new string('b', 186) + ".com")); // 255 characters
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.com"));
    }

    [Theory]
    [InlineData("jane.doe@example.com", "j***@example.com")]
    [InlineData("j@example.com", "j***@example.com")]
    [InlineData("not an address", "n***")]
    [InlineData(null, "(none)")]
    public void The_mask_keeps_the_first_character_and_the_domain(string? address, string masked) => Assert.Equal(masked, EmailAddress.Mask(address));

    [Fact]
    public void Validate_names_the_field()
    {
        var error = Assert.Throws<System.ArgumentException>(() => EmailAddress.Validate("nope", "To"));

        Assert.Equal("To", error.ParamName);
        Assert.StartsWith("To 'n***' is not a valid e-mail address", error.Message, System.StringComparison.Ordinal);
    }
}
