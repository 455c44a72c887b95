using System.Text;
using BenchmarkDotNet.Attributes;

namespace ServerlessShield.Benchmarks;

// Throughput on the mixed public corpus (attacks and benign strings from ../shared/corpora), each value inspected as
// one string field of an HTTP JSON body, exactly as `shield scan --values` does. Values per second = Count / mean time.
[MemoryDiagnoser]
public class CorpusThroughputBenchmarks
{
    private ShieldEngine _engine = null!;
    private ShieldPolicy _policy = null!;
    private byte[][] _bodies = [];

    [Params(5000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false });
        _policy = _engine.Policies.GetPolicy("bench");
        var values = CorpusValues().ToList();
        var random = new Random(42);
        _bodies = [.. Enumerable.Range(0, Count).Select(_ => Body(values[random.Next(values.Count)]))];
    }

    [Benchmark(Description = "Inspect mixed corpus values")]
    public async Task<int> InspectAll()
    {
        var blocked = 0;
        foreach (var body in _bodies)
        {
            var context = _engine.Rent(_policy);
            context.Inputs.Add(new ShieldInput("body", body, InputFormat.Json));
            await _engine.RunAsync(context);
            blocked += context.Outcome.IsRejected ? 1 : 0;
            _engine.Return(context);
        }

        return blocked;
    }

    private static byte[] Body(string value) =>
        Encoding.UTF8.GetBytes("{\"value\":" + System.Text.Json.JsonSerializer.Serialize(value, Json.Options) + "}");

    private static IEnumerable<string> CorpusValues()
    {
        var corpora = FindCorpora();
        if (corpora is null)
        {
            throw new InvalidOperationException("../shared/corpora was not found next to the repository; this benchmark needs it.");
        }

        return Directory.GetFiles(corpora, "*.txt", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split('\n'))
            .Where(l => l.Length > 0);
    }

    private static string? FindCorpora()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpora");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

internal static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new() { TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()) };
}
