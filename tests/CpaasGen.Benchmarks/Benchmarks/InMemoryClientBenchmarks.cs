using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CpaasGen.Benchmarks.Contenders;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>
/// Every contender, the same three operations, the same in-memory <see cref="Infrastructure.FixedResponseHandler"/>
/// bytes: what each client itself costs per call (request building, serialization, pipeline, deserialization,
/// mapping), with no network. The floor is the baseline of each category. Method names are Operation_Contender.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InMemoryClientBenchmarks
{
    private ContenderSet _set = null!;

    [GlobalSetup]
    public void Setup()
    {
        _set = ContenderSet.InMemory();
        _set.WarmUpAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _set.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Send")]
    public Task<string?> Send_Floor() => _set.FloorSendAsync();

    [Benchmark, BenchmarkCategory("Send")]
    public Task<string?> Send_Facade() => _set.FacadeSendAsync();

    [Benchmark, BenchmarkCategory("Send")]
    public Task<string?> Send_Generated() => _set.GeneratedSendAsync();

    [Benchmark, BenchmarkCategory("Send")]
    public Task<string?> Send_Kiota() => _set.KiotaSendAsync(_set.Kiota);

    [Benchmark, BenchmarkCategory("Send")]
    public Task<string?> Send_KiotaBare() => _set.KiotaSendAsync(_set.KiotaBare);

    [Benchmark, BenchmarkCategory("Send")]
    public Task<string?> Send_NSwag() => _set.NSwagSendAsync();

    [Benchmark(Baseline = true), BenchmarkCategory("ListSubscriptions")]
    public Task<int> ListSubscriptions_Floor() => _set.FloorListSubscriptionsAsync();

    [Benchmark, BenchmarkCategory("ListSubscriptions")]
    public Task<int> ListSubscriptions_Facade() => _set.FacadeListSubscriptionsAsync();

    [Benchmark, BenchmarkCategory("ListSubscriptions")]
    public Task<int> ListSubscriptions_Generated() => _set.GeneratedListSubscriptionsAsync();

    [Benchmark, BenchmarkCategory("ListSubscriptions")]
    public Task<int> ListSubscriptions_Kiota() => _set.KiotaListSubscriptionsAsync(_set.Kiota);

    [Benchmark, BenchmarkCategory("ListSubscriptions")]
    public Task<int> ListSubscriptions_NSwag() => _set.NSwagListSubscriptionsAsync();

    [Benchmark(Baseline = true), BenchmarkCategory("ListMessages100")]
    public Task<int> ListMessages100_Floor() => _set.FloorListMessagesAsync();

    [Benchmark, BenchmarkCategory("ListMessages100")]
    public Task<int> ListMessages100_Facade() => _set.FacadeListMessagesAsync();

    [Benchmark, BenchmarkCategory("ListMessages100")]
    public Task<int> ListMessages100_Generated() => _set.GeneratedListMessagesAsync();

    [Benchmark, BenchmarkCategory("ListMessages100")]
    public Task<int> ListMessages100_Kiota() => _set.KiotaListMessagesAsync(_set.Kiota);

    [Benchmark, BenchmarkCategory("ListMessages100")]
    public Task<int> ListMessages100_NSwag() => _set.NSwagListMessagesAsync();
}
