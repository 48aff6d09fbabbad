using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public abstract partial class BackendContractTests<TBackend>
{
    [Fact]
    public async Task A_wrong_client_secret_is_a_CpaasAuthenticationException()
    {
        var options = Backend.Options;
        options.ClientSecret = "not-the-secret";
        using var client = new CpaasClient(options);

        var failed = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.CreateMessageAsync(
            new CreateMessageRequest { DestinationAddress = [Remote], SenderAddress = PhoneAddress.DefaultSender, Message = "hi" }));

        Assert.Equal(401, failed.StatusCode);
        Assert.Equal(CpaasErrorKind.OAuth, failed.Kind);
        Assert.False(string.IsNullOrEmpty(failed.ExceptionId));
    }

    [Fact]
    public async Task A_wrong_client_id_is_a_CpaasAuthenticationException()
    {
        var options = Backend.Options;
        options.ClientId = "PRIV-somebody-else";
        using var client = new CpaasClient(options);

        var failed = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(401, failed.StatusCode);
    }

    [Fact]
    public async Task A_wrong_account_password_is_a_CpaasAuthenticationException()
    {
        var options = Backend.AccountOptions;
        options.Password = "not-the-password";
        using var client = new CpaasClient(options);

        var failed = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.GetUserIdAsync());

        Assert.Equal(401, failed.StatusCode);
    }

    [Fact]
    public async Task Account_credentials_send_from_default_like_project_credentials()
    {
        using var client = new CpaasClient(Backend.AccountOptions);

        var sent = await client.Conversation.CreateMessageAsync(
            new CreateMessageRequest { DestinationAddress = [Remote], SenderAddress = PhoneAddress.DefaultSender, Message = "account" });

        Assert.Equal(Backend.DefaultNumber, sent.SenderAddress);
        Assert.Equal(await Client.GetUserIdAsync(), await client.GetUserIdAsync());
        Assert.Equal(1, client.TokenRequestCount);
    }
}
