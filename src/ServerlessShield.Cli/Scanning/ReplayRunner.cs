using System.Text;
using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Runs replayed events and single values through one engine, the way a shielded function would see them.
internal sealed class ReplayRunner(ShieldProfile profile)
{
    private readonly ShieldEngine _engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false, Profile = profile });

    public async Task<ScanResult> RunAsync(ReplayEvent replay)
    {
        var policy = _engine.Policies.GetPolicy(replay.FunctionName);
        var context = _engine.Rent(policy);
        try
        {
            context.Platform = replay.Platform;
            context.Source = replay.Source;
            context.Http = replay.Http;
            foreach (var input in replay.Inputs)
            {
                context.Inputs.Add(input);
            }

            await _engine.RunAsync(context).ConfigureAwait(false);
            var rules = context.Findings.Select(f => f.Rule).Distinct().ToList();
            return new ScanResult(context.Verdict, [.. rules.Select(r => r.Id)], [.. rules.Select(r => r.Name)]);
        }
        finally
        {
            _engine.Return(context);
        }
    }

    // A value is inspected as one string field of an HTTP JSON body.
    public Task<ScanResult> RunValueAsync(string value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("value", value);
            writer.WriteEndObject();
        }

        var http = new HttpRequestParts { Method = "POST", Path = "/values", ContentType = "application/json" };
        var body = new ShieldInput("body", buffer.ToArray(), InputFormat.Json);
        return RunAsync(new ReplayEvent(ShieldPlatform.Local, new EventSourceInfo(EventSourceKind.Http, "http"), http, [body]));
    }

    public static string ToJsonLine(int line, ScanResult result)
    {
        var output = new StringBuilder();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", line);
            writer.WriteString("verdict", result.Verdict);
            writer.WriteStartArray("rules");
            foreach (var id in result.RuleIds)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return output.Append(Encoding.UTF8.GetString(buffer.ToArray())).ToString();
    }
}
