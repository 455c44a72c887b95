using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// A Firehose transformation answers {"records":[{"recordId","result","data"}]} with every record of the event. The
// records the shield withheld are added as ProcessingFailed with their original data, so Firehose delivers them to
// the processing-failed output instead of the destination, and none is missing (a missing one fails the batch).
internal static class FirehoseResults
{
    private const string Failed = "ProcessingFailed";

    // Null when the handler's answer cannot carry the results (not a JSON object with a records array).
    public static async Task<MemoryStream?> MergeAsync(Stream? handlerResponse, JsonElement eventRoot, IReadOnlyList<string> withheld, CancellationToken cancellationToken)
    {
        using var answer = new MemoryStream();
        if (handlerResponse is not null)
        {
            await using (handlerResponse.ConfigureAwait(false))
            {
                await handlerResponse.CopyToAsync(answer, cancellationToken).ConfigureAwait(false);
            }
        }

        var bytes = LambdaEventParser.SkipBom(answer.GetBuffer().AsMemory(0, (int)answer.Length));
        using var document = bytes.Span.TrimStart(" \t\r\n"u8).IsEmpty ? null : LambdaEventParser.TryParse(bytes, LambdaEventParser.DefaultMaxDepth);
        var root = document?.RootElement ?? default;
        if (handlerResponse is not null && (root.ValueKind != JsonValueKind.Object
            || !root.TryGet(BatchRecords.FirehoseRecordsProperty, JsonValueKind.Array, out _)))
        {
            return null;
        }

        return Write(root, eventRoot, withheld);
    }

    private static MemoryStream Write(JsonElement answer, JsonElement eventRoot, IReadOnlyList<string> withheld)
    {
        var output = new MemoryStream();
        var pending = new HashSet<string>(withheld, StringComparer.Ordinal);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            var records = default(JsonElement);
            if (answer.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in answer.EnumerateObject())
                {
                    if (property.NameEquals(BatchRecords.FirehoseRecordsProperty))
                    {
                        records = property.Value;
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WriteStartArray(BatchRecords.FirehoseRecordsProperty);
            if (records.ValueKind == JsonValueKind.Array)
            {
                foreach (var record in records.EnumerateArray())
                {
                    record.WriteTo(writer);
                    // The handler never saw a withheld record; if it names one anyway, its answer stands.
                    if (record.GetStringOrNull("recordId") is { } id)
                    {
                        pending.Remove(id);
                    }
                }
            }

            WriteFailed(writer, eventRoot, pending);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }

    // In event order, each with the field its source uses for the payload (data, or kafkaRecordValue from MSK).
    private static void WriteFailed(Utf8JsonWriter writer, JsonElement eventRoot, HashSet<string> pending)
    {
        if (pending.Count > 0 && eventRoot.TryGet(BatchRecords.FirehoseRecordsProperty, JsonValueKind.Array, out var records))
        {
            foreach (var record in records.EnumerateArray())
            {
                if (record.GetStringOrNull("recordId") is not { } id || !pending.Remove(id))
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("recordId", id);
                writer.WriteString("result", Failed);
                var field = FirehoseInputExtractor.PayloadField(record);
                writer.WriteString(field, record.GetStringOrNull(field) ?? string.Empty);
                writer.WriteEndObject();
            }
        }

        // A rejected id that no record carries cannot be answered for; Firehose ignores unknown ids anyway.
    }
}
