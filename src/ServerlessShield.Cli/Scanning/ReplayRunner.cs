using System.Text;
using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Runs inputs that a replayer translated itself (Azure triggers, single values) through one engine.
internal sealed class ReplayRunner(ShieldProfile profile)
{
    private readonly ShieldEngine _engine = ShieldEngine.Create(new ShieldOptions { RequireOptIn = false, Profile = profile });

    // Query, route, header and cookie inputs exactly as the adapters add them, with their default selection.
    private readonly HttpRequestInputs _httpInputs = new(new HttpInputOptions());

    public ShieldProfile Profile => profile;

    public async Task<ScanResult> RunAsync(string function, ShieldPlatform platform, EventSourceInfo source, HttpRequestParts? http, IEnumerable<ShieldInput> inputs)
    {
        var context = _engine.Rent(_engine.Policies.GetPolicy(function));
        try
        {
            context.Platform = platform;
            context.Source = source;
            context.Http = http;
            foreach (var input in inputs)
            {
                context.Inputs.Add(input);
            }

            if (http is not null)
            {
                _httpInputs.Add(context, http);
            }

            await _engine.RunAsync(context).ConfigureAwait(false);
            return ScanResult.From(context);
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

        // No path: the value alone is inspected.
        var http = new HttpRequestParts { Method = "POST", ContentType = "application/json" };
        var body = new ShieldInput("body", buffer.ToArray(), InputFormat.Json);
        return RunAsync("values", ShieldPlatform.Local, new EventSourceInfo(EventSourceKind.Http, "http"), http, [body]);
    }

    public static string ToJsonLine(int line, ScanResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", line);
            writer.WriteString("verdict", result.Verdict);
            writer.WriteStartArray("rules");
            foreach (var rule in result.Rules)
            {
                writer.WriteStringValue(rule.Id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
