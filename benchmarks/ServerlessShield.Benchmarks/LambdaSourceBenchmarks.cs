using BenchmarkDotNet.Attributes;

namespace ServerlessShield.Benchmarks;

// Per-invocation overhead of LambdaShield.Wrap for each event source, against the same handler called bare. The
// handler does the same trivial work either way (reads the event to the end, answers a small constant response);
// the shielded one is wrapped as a function does it (LambdaRuntimeContext, a request id and a deadline), with the
// default options, so the source is detected per event. Every event is clean: Setup checks that the shielded
// handler reaches the handler and returns its response.
[MemoryDiagnoser]
[Config(typeof(OverheadConfig))]
public class LambdaSourceBenchmarks
{
    private static readonly byte[] Response = """{"statusCode":200,"body":"ok"}"""u8.ToArray();
    private byte[] _event = [];
    private LambdaRuntimeContext _context = null!;
    private Func<Stream, LambdaRuntimeContext, Task<Stream>> _shielded = null!;

    [ParamsSource(nameof(Sources))]
    public string Source { get; set; } = "";

    public static IEnumerable<string> Sources => LambdaEvents.Sources;

    [GlobalSetup]
    public void Setup()
    {
        _event = LambdaEvents.Read(Source);
        _context = new LambdaRuntimeContext
        {
            AwsRequestId = "8f1c6a2e-4b7d-4e0a-9c3b-2d5f7a9e1b04",
            FunctionName = "orders",
            InvokedFunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders",
            Deadline = DateTimeOffset.UtcNow.AddDays(1),
        };
        _shielded = LambdaShield.Wrap<LambdaRuntimeContext>(HandleAsync, c => c.ToInvocation());

        var response = _shielded(new MemoryStream(_event, writable: false), _context).GetAwaiter().GetResult();
        if (response is not MemoryStream { Length: var length } || length != Response.Length)
        {
            throw new InvalidOperationException($"The shielded handler did not pass the clean {Source} event to the handler.");
        }
    }

    [Benchmark(Baseline = true, Description = "Bare")]
    public Task<Stream> Bare() => HandleAsync(new MemoryStream(_event, writable: false), _context);

    [Benchmark(Description = "Shielded")]
    public Task<Stream> Shielded() => _shielded(new MemoryStream(_event, writable: false), _context);

    // The function's own code: reads the event, answers.
    private static async Task<Stream> HandleAsync(Stream input, LambdaRuntimeContext context)
    {
        await input.CopyToAsync(Stream.Null, context.CancellationToken).ConfigureAwait(false);
        return new MemoryStream(Response, writable: false);
    }
}
