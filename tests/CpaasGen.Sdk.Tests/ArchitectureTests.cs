using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// The SDK core's structure (issue 10): one request pipeline whose policies each own one concern, in the documented
/// order, the same for every construction; the token request on its own path without authentication; no ambient
/// (AsyncLocal) call state; no source file over 500 lines.
/// </summary>
public sealed class ArchitectureTests
{
    private static CpaasClient Client() => new(new CpaasClientOptions { BaseUrl = new Uri("https://kandy.invalid"), ClientId = "id", ClientSecret = "secret" }, new HttpClient());

    [Fact]
    public void TheRequestPathIsOneChainOfSingleConcernPolicies()
    {
        using var client = Client();
        var adapter = (CpaasRequestAdapter)client.Core.Api.RequestAdapter;

        Assert.Equal(
            new[] { typeof(TelemetryPolicy), typeof(ResponseMappingPolicy), typeof(DeadlinePolicy), typeof(RetryPolicy), typeof(AuthenticationPolicy), typeof(AgentHeaderPolicy), typeof(ResponseSizeLimitPolicy), typeof(RedirectRefusalPolicy), typeof(TransportPolicy) },
            adapter.Pipeline.Policies.Select(p => p.GetType()));
        Assert.Equal(adapter.Pipeline.Policies.Count, adapter.Pipeline.Policies.Select(p => p.GetType()).Distinct().Count()); // each concern once
    }

    [Fact]
    public void TheTokenRequestHasItsOwnPathWithoutAuthentication()
    {
        using var client = Client();

        var token = client.Core.TokenAdapter.Pipeline.Policies.Select(p => p.GetType()).ToList();

        Assert.DoesNotContain(typeof(AuthenticationPolicy), token);
        Assert.Equal(new[] { typeof(TelemetryPolicy), typeof(ResponseMappingPolicy), typeof(DeadlinePolicy), typeof(RetryPolicy), typeof(AgentHeaderPolicy), typeof(ResponseSizeLimitPolicy), typeof(RedirectRefusalPolicy), typeof(TransportPolicy) }, token);
    }

    [Fact]
    public void TheSdkKeepsNoAmbientCallState()
    {
        var ambient = typeof(CpaasClient).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(AsyncLocal<>))
            .Select(f => f.DeclaringType!.Name + "." + f.Name)
            .ToList();

        Assert.True(ambient.Count == 0, "AsyncLocal call state: " + string.Join(", ", ambient));
    }

    [Fact]
    public void NoSourceFileOfTheSdkIsOver500Lines()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CpaasGen.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var sources = new[] { "src/CpaasGen.Sdk", "src/CpaasGen.DependencyInjection" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root!.FullName, dir), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        var tooLong = sources.Select(f => (File: Path.GetRelativePath(root!.FullName, f), Lines: File.ReadAllLines(f).Length)).Where(f => f.Lines > 500).ToList();

        Assert.NotEmpty(sources);
        Assert.True(tooLong.Count == 0, string.Join(", ", tooLong.Select(f => f.File + " (" + f.Lines + " lines)")));
    }
}
