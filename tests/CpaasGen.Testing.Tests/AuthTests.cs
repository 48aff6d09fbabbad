using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task Wrong_client_secret_throws_CpaasAuthenticationException()
    {
        using var server = CpaasMockServer.Start();
        var options = server.ClientOptions();
        options.ClientSecret = "wrong";
        using var client = new CpaasClient(options);

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(CpaasErrorKind.OAuth, error.Kind);
        Assert.Equal("invalid_client", error.ExceptionId); // the spec's OAuthError example
        Assert.Empty(server.SentMessages);
    }

    [Fact]
    public async Task Account_credentials_use_the_password_grant()
    {
        using var server = CpaasMockServer.Start(new CpaasMockServerOptions { UserId = "Ra1TiieQr6Tezj2e" });
        using var client = new CpaasClient(server.AccountClientOptions());

        Assert.Equal("Ra1TiieQr6Tezj2e", await client.GetUserIdAsync());
        Assert.NotEmpty(await client.Conversation.GetSubscriptionsAsync()); // the token works for the kit's user (the spec's example list)

        var wrong = server.AccountClientOptions();
        wrong.Password = "nope";
        using var refused = new CpaasClient(wrong);
        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => refused.GetUserIdAsync());
        Assert.Equal("invalid_grant", error.ExceptionId);
    }

    [Fact]
    public async Task Calls_without_a_bearer_token_or_for_another_user_are_refused()
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();

        using var anonymous = await http.GetAsync(server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/inbound/subscriptions");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var body = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()))
        {
            Assert.Equal("SVC0001", body.RootElement.GetProperty("requestError").GetProperty("serviceException").GetProperty("messageId").GetString());
        }

        using var forged = new HttpRequestMessage(HttpMethod.Get, server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/inbound/subscriptions");
        forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token-of-this-server");
        using var forgedResponse = await http.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);

        using var otherUser = await http.GetAsync(server.Root() + "/cpaas/smsmessaging/v1/someone-else/inbound/subscriptions");
        Assert.Equal(HttpStatusCode.NotFound, otherUser.StatusCode);
        Assert.Contains("requestError", await otherUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
