using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ServerlessShield.Benchmarks;

// Time per byte from 1 KB to 6 MB (Lambda's synchronous payload limit): one JSON input inspected by the engine's
// pipeline (limits, paths, every detector on every string), against JsonDocument.Parse of the same bytes. Clean and
// adversarial payloads of the same size (ScalingPayloads); the target is adversarial within 2x of clean.
// The Standard profile, with the payload and string limits raised to 8 MiB so that 6 MB payloads and a 6 MB string
// are inspected rather than refused; depth, keys and array length keep their Standard limits.
[MemoryDiagnoser]
[Config(typeof(Config))]
public class PayloadScalingBenchmarks
{
    public enum PayloadKind
    {
        Clean,
        Adversarial,
    }

    private byte[] _payload = [];
    private ShieldEngine _engine = null!;
    private ShieldPolicy _policy = null!;

    [Params(1024, 16 * 1024, 256 * 1024, 1024 * 1024, 6 * 1024 * 1024)]
    public int Size { get; set; }

    [Params(PayloadKind.Clean, PayloadKind.Adversarial)]
    public PayloadKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = Kind == PayloadKind.Clean ? ScalingPayloads.Clean(Size) : ScalingPayloads.Adversarial(Size);
        _engine = ShieldEngine.Create(new ShieldOptions
        {
            RequireOptIn = false,
            Limits = { MaxPayloadBytes = 8 * 1024 * 1024, MaxStringLength = 8 * 1024 * 1024 },
        });
        _policy = _engine.Policies.GetPolicy("bench");

        // Both kinds must be inspected to the end: a finding would make the walk stop early at 64, and a block is
        // not what this measures.
        var outcome = Inspect().AsTask().GetAwaiter().GetResult();
        if (outcome != ShieldOutcomeKind.Allowed)
        {
            throw new InvalidOperationException($"The {Kind} payload of {Size} bytes was not allowed ({outcome}).");
        }
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_payload);
        return document.RootElement.Touch();
    }

    [Benchmark(Description = "Shield pipeline")]
    public ValueTask<ShieldOutcomeKind> Inspect() => Run();

    private async ValueTask<ShieldOutcomeKind> Run()
    {
        var context = _engine.Rent(_policy);
        try
        {
            context.Inputs.Add(new ShieldInput("body", _payload, InputFormat.Json));
            await _engine.RunAsync(context);
            return context.Outcome.Kind;
        }
        finally
        {
            _engine.Return(context);
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new NanosecondsPerByteColumn());
            AddColumn(new RatioToParameterColumn(nameof(Kind), PayloadKind.Clean, "vs Clean"));
        }
    }
}
