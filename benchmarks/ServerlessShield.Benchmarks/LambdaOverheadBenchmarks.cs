using BenchmarkDotNet.Attributes;

namespace ServerlessShield.Benchmarks;

// Per-invocation overhead of the Lambda adapter on a clean 2 KB API Gateway event, against the same handler bare.
[MemoryDiagnoser]
public class LambdaOverheadBenchmarks
{
    private static readonly Func<Stream, Task<Stream>> Handler = static input => Task.FromResult<Stream>(input);
    private byte[] _event = [];
    private Func<Stream, Task<Stream>> _shielded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _event = Payload.Read("apigw-rest-2kb.json");
        _shielded = LambdaShield.Wrap(Handler);
    }

    [Benchmark(Baseline = true, Description = "Bare handler")]
    public Task<Stream> Bare() => Handler(new MemoryStream(_event, writable: false));

    [Benchmark(Description = "Shielded handler (LambdaShield.Wrap)")]
    public Task<Stream> Shielded() => _shielded(new MemoryStream(_event, writable: false));
}
