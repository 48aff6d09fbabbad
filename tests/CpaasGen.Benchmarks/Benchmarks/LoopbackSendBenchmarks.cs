using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CpaasGen.Benchmarks.Contenders;
using CpaasGen.Benchmarks.Infrastructure;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>
/// The send, end to end: every contender over real sockets to a Kestrel stub on 127.0.0.1 answering the same fixed
/// bytes (the stub runs in the benchmark process, so its cost is in every row alike). Allocations include Kestrel's
/// share; the in-memory benchmarks isolate the clients.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LoopbackSendBenchmarks
{
    private LoopbackStub _stub = null!;
    private ContenderSet _set = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stub = LoopbackStub.StartAsync().GetAwaiter().GetResult();
        _set = ContenderSet.Loopback(_stub.BaseUrl);
        _set.WarmUpAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _set.Dispose();
        _stub.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("LoopbackSend")]
    public Task<string?> LoopbackSend_Floor() => _set.FloorSendAsync();

    [Benchmark, BenchmarkCategory("LoopbackSend")]
    public Task<string?> LoopbackSend_Facade() => _set.FacadeSendAsync();

    [Benchmark, BenchmarkCategory("LoopbackSend")]
    public Task<string?> LoopbackSend_Generated() => _set.GeneratedSendAsync();

    [Benchmark, BenchmarkCategory("LoopbackSend")]
    public Task<string?> LoopbackSend_Kiota() => _set.KiotaSendAsync(_set.Kiota);

    [Benchmark, BenchmarkCategory("LoopbackSend")]
    public Task<string?> LoopbackSend_NSwag() => _set.NSwagSendAsync();
}
