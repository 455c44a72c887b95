using System.Text;
using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Replays Azure Event Grid deliveries, in the Event Grid schema (an array of events with eventType and dataVersion)
// or the CloudEvents 1.0 schema (specversion), as an eventGridTrigger: each event's data is one batch record, its
// subject another input of that record.
internal sealed class EventGridReplayer(ReplayRunner runner) : IEventReplayer
{
    public bool CanReplay(JsonElement root) => Events(root).Any();

    public Task<ScanResult> ReplayAsync(JsonElement root, ReadOnlyMemory<byte> bytes)
    {
        var inputs = new List<ShieldInput>();
        var index = 0;
        foreach (var e in Events(root))
        {
            var id = e.TryGetProperty("id", out var idElement) ? idElement.ToString() : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var path = root.ValueKind == JsonValueKind.Array ? $"[{index}]" : string.Empty;
            if (e.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null)
            {
                inputs.Add(data.ValueKind == JsonValueKind.String
                    ? ShieldInput.FromString(path + ".data", data.GetString()!, itemId: id)
                    : new ShieldInput(path + ".data", Encoding.UTF8.GetBytes(data.GetRawText()), InputFormat.Json, id));
            }
            else if (e.TryGetProperty("data_base64", out var base64) && base64.ValueKind == JsonValueKind.String)
            {
                inputs.Add(new ShieldInput(path + ".data_base64", base64.GetBytesFromBase64(), InputFormat.Auto, id));
            }

            if (e.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.String && subject.GetString() is { Length: > 0 } text)
            {
                inputs.Add(new ShieldInput(path + ".subject", Encoding.UTF8.GetBytes(text), InputFormat.Text, id) { IsMetadata = true });
            }

            index++;
        }

        return runner.RunAsync("replay", ShieldPlatform.AzureFunctions, AzureTriggers.Describe("eventGridTrigger"), null, inputs);
    }

    private static IEnumerable<JsonElement> Events(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var items = root.EnumerateArray().ToList();
            return items.Count > 0 && items.All(IsEvent) ? items : [];
        }

        return IsEvent(root) ? [root] : [];
    }

    private static bool IsEvent(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && ((e.TryGetProperty("eventType", out _) && e.TryGetProperty("dataVersion", out _) && e.TryGetProperty("subject", out _))
            || (e.TryGetProperty("specversion", out _) && e.TryGetProperty("type", out _) && e.TryGetProperty("source", out _)));
}
