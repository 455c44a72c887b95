using System.Text;
using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Replays an Azure Functions trigger described by a "$shield" envelope (HTTP, queue, Service Bus, timer, any trigger):
// the inputs are what the worker adapter hands the pipeline for that trigger. See samples/events/README.md.
internal sealed class AzureEnvelopeReplayer(ReplayRunner runner) : IEventReplayer
{
    public bool CanReplay(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("$shield", out var meta)
        && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("platform", out var platform)
        && string.Equals(platform.GetString(), "azure", StringComparison.OrdinalIgnoreCase);

    public Task<ScanResult> ReplayAsync(JsonElement root, ReadOnlyMemory<byte> bytes)
    {
        var meta = root.GetProperty("$shield");
        var trigger = meta.TryGetProperty("trigger", out var t) && t.GetString() is { Length: > 0 } name ? name : "customTrigger";
        var function = meta.TryGetProperty("function", out var f) && f.GetString() is { Length: > 0 } fn ? fn : "replay";
        var source = AzureTriggers.Describe(trigger);
        if (source.Kind == EventSourceKind.Http && root.TryGetProperty("http", out var http))
        {
            var (parts, inputs) = ReadHttp(http);
            return runner.RunAsync(function, ShieldPlatform.AzureFunctions, source, parts, inputs);
        }

        var binding = meta.TryGetProperty("binding", out var b) && b.GetString() is { Length: > 0 } bindingName ? bindingName : "data";
        var data = root.TryGetProperty("data", out var d) ? PayloadOf(binding, d) : [];
        return runner.RunAsync(function, ShieldPlatform.AzureFunctions, source, null, data);
    }

    // A string is the message text as the trigger delivers it; any other JSON value is a JSON message.
    private static ShieldInput[] PayloadOf(string path, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [ShieldInput.FromString(path, value.GetString()!)],
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        _ => [new ShieldInput(path, Encoding.UTF8.GetBytes(value.GetRawText()), InputFormat.Json)],
    };

    private static (HttpRequestParts Parts, List<ShieldInput> Inputs) ReadHttp(JsonElement http)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (http.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            headers.AddRange(h.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString())));
        }

        var url = http.TryGetProperty("url", out var u) && u.GetString() is { } text ? new Uri(text, UriKind.Absolute) : new Uri("http://localhost/");
        var query = QueryString.Parse(url.Query);
        var contentType = headers.FirstOrDefault(kv => string.Equals(kv.Key, "content-type", StringComparison.OrdinalIgnoreCase)).Value;
        var parts = new HttpRequestParts
        {
            Method = http.TryGetProperty("method", out var m) && m.GetString() is { } method ? method.ToUpperInvariant() : "GET",
            Path = url.AbsolutePath,
            IsRouted = true,
            ContentType = contentType,
            Headers = headers,
            Query = query,
            RouteValues = http.TryGetProperty("route", out var route) && route.ValueKind == JsonValueKind.Object
                ? [.. route.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ToString()))]
                : [],
        };

        var inputs = new List<ShieldInput>();
        if (http.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null)
        {
            var raw = body.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(body.GetString()!) : Encoding.UTF8.GetBytes(body.GetRawText());
            if (raw.Length > 0)
            {
                inputs.Add(new ShieldInput("body", raw, parts.BodyFormat));
            }
        }

        // Query, route, header and cookie inputs are added by the runner, the way the worker adapter adds them.
        return (parts, inputs);
    }
}
