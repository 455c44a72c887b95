using System.Text;
using System.Text.Json;

namespace ServerlessShield.Tests.Inspection.Corpus;

// Judges a value the way `shield scan --values` does: one string field of an HTTP JSON body, through the whole
// Standard pipeline (gate, limits, canonical decoding, detectors). Flagged means any verdict but allow.
internal static class ValuePipeline
{
    private static readonly ShieldEngine Engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false });

    public static IReadOnlyList<ShieldRule> Rules(string value)
    {
        var context = Engine.Rent(Engine.Policies.GetPolicy("corpus"));
        try
        {
            context.Http = new HttpRequestParts { Method = "POST", ContentType = "application/json" };
            context.Inputs.Add(new ShieldInput("body", Encoding.UTF8.GetBytes("{\"value\":" + JsonSerializer.Serialize(value) + "}"), InputFormat.Json));
            Engine.RunAsync(context).AsTask().GetAwaiter().GetResult();
            return [.. context.Findings.Select(f => f.Rule).Distinct()];
        }
        finally
        {
            Engine.Return(context);
        }
    }
}
