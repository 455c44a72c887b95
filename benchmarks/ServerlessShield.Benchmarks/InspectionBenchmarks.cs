using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ServerlessShield.Benchmarks;

// Issue 3's target: inspecting a clean 2 KB API Gateway event under Standard costs no more than a bare
// JsonDocument.Parse of the same bytes, and allocates under 1 KB. The event is one JSON input, walked in one pass.
[MemoryDiagnoser]
public class InspectionBenchmarks
{
    private byte[] _event = [];
    private ShieldInput[] _extracted = [];
    private ShieldEngine _engine = null!;
    private ShieldPolicy _policy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _event = Payload.Read("apigw-rest-2kb.json");
        _engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false });
        _policy = _engine.Policies.GetPolicy("bench");

        // What the Lambda adapter hands the pipeline for this event: the body, the query values and the headers.
        using var document = JsonDocument.Parse(_event);
        var root = document.RootElement;
        var inputs = new List<ShieldInput> { ShieldInput.FromString("body", root.GetProperty("body").GetString()!, InputFormat.Json) };
        foreach (var header in root.GetProperty("headers").EnumerateObject())
        {
            inputs.Add(ShieldInput.FromString("headers." + header.Name, header.Value.GetString()!, InputFormat.Text));
        }

        _extracted = [.. inputs];
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse (baseline)")]
    public int JsonDocumentParse()
    {
        using var document = JsonDocument.Parse(_event);
        return document.RootElement.Touch();
    }

    [Benchmark(Description = "Shield, the event's inputs (body, headers)")]
    public ValueTask<ShieldOutcomeKind> ShieldInspectInputs() => Run(_extracted);

    [Benchmark(Description = "Shield, the whole event as one input")]
    public ValueTask<ShieldOutcomeKind> ShieldInspectWholeEvent() => Run([new ShieldInput("event", _event, InputFormat.Json)]);

    [Benchmark(Description = "Shield pipeline, no inputs (fixed cost)")]
    public ValueTask<ShieldOutcomeKind> ShieldPipelineOnly() => Run([]);

    private async ValueTask<ShieldOutcomeKind> Run(ShieldInput[] inputs)
    {
        var context = _engine.Rent(_policy);
        try
        {
            foreach (var input in inputs)
            {
                context.Inputs.Add(input);
            }

            await _engine.RunAsync(context);
            return context.Outcome.Kind;
        }
        finally
        {
            _engine.Return(context);
        }
    }
}

internal static class JsonElementExtensions
{
    // Touch the document so the parse cannot be optimised away.
    public static int Touch(this JsonElement element) => element.ValueKind == JsonValueKind.Object ? 1 : 0;
}
