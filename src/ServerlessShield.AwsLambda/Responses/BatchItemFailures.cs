using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Partial batch responses (SQS, Kinesis, DynamoDB Streams): which records the handler does not get, the event
// without them (Firehose too), and the batchItemFailures answer merged with the handler's own.
internal static class BatchItemFailures
{
    private const string FailuresProperty = "batchItemFailures";

    // Rejected records, plus every later record with the same ordering key (an SQS FIFO message group, a stream
    // shard): processing those would break the order (AWS: stop at a group's first failure, return the rest as failed).
    public static IReadOnlyList<string> SelectWithheld(LambdaEventSource source, JsonElement root, IReadOnlyCollection<string> rejected)
    {
        if (rejected.Count == 0 || !root.TryGet(BatchRecords.RecordsPropertyOf(source), JsonValueKind.Array, out var records))
        {
            return [.. rejected];
        }

        var rejectedIds = new HashSet<string>(rejected, StringComparer.Ordinal);
        var withheld = new List<string>(rejected.Count);
        HashSet<string>? failedGroups = null;
        foreach (var record in records.EnumerateArray())
        {
            var id = BatchRecords.ItemId(source, record);
            if (id is null)
            {
                continue;
            }

            var group = BatchRecords.OrderingKey(source, record);
            if (rejectedIds.Remove(id))
            {
                withheld.Add(id);
                if (group is not null)
                {
                    (failedGroups ??= new(StringComparer.Ordinal)).Add(group);
                }
            }
            else if (group is not null && failedGroups?.Contains(group) == true)
            {
                withheld.Add(id);
            }
        }

        // Anything rejected that no record carries still has to be reported, never forgotten.
        withheld.AddRange(rejectedIds);
        return withheld;
    }

    public static byte[] WithoutRecords(LambdaEventSource source, JsonElement root, IReadOnlyList<string> withheld, out int remaining)
    {
        var skip = new HashSet<string>(withheld, StringComparer.Ordinal);
        remaining = 0;
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals(BatchRecords.RecordsPropertyOf(source)) || property.Value.ValueKind != JsonValueKind.Array)
                {
                    property.WriteTo(writer);
                    continue;
                }

                writer.WriteStartArray(property.Name);
                foreach (var record in property.Value.EnumerateArray())
                {
                    var id = BatchRecords.ItemId(source, record);
                    if (id is null || !skip.Contains(id))
                    {
                        record.WriteTo(writer);
                        remaining++;
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return output.ToArray();
    }

    // Null when the handler's answer cannot carry the failures (not a JSON object): the caller must then fail the batch.
    public static async Task<MemoryStream?> MergeAsync(Stream? handlerResponse, IReadOnlyList<string> failures, CancellationToken cancellationToken)
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
        JsonDocument? document = null;
        if (!IsBlank(bytes.Span))
        {
            document = LambdaEventParser.TryParse(bytes, LambdaEventParser.DefaultMaxDepth);
            if (document is null)
            {
                return null;
            }
        }

        using (document)
        {
            var root = document?.RootElement ?? default;
            var mergeable = root.ValueKind switch
            {
                JsonValueKind.Undefined or JsonValueKind.Null => true,
                JsonValueKind.Object => !root.TryGetProperty(FailuresProperty, out var existing)
                    || existing.ValueKind is JsonValueKind.Array or JsonValueKind.Null,
                _ => false,
            };
            return mergeable ? Write(root, failures) : null;
        }
    }

    private static MemoryStream Write(JsonElement root, IReadOnlyList<string> failures)
    {
        var output = new MemoryStream();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            var existing = default(JsonElement);
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (!property.NameEquals(FailuresProperty))
                    {
                        property.WriteTo(writer);
                    }
                    else
                    {
                        existing = property.Value;
                    }
                }
            }

            writer.WriteStartArray(FailuresProperty);
            if (existing.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in existing.EnumerateArray())
                {
                    item.WriteTo(writer);
                    if (item.GetStringOrNull("itemIdentifier") is { } id)
                    {
                        reported.Add(id);
                    }
                }
            }

            foreach (var id in failures)
            {
                if (reported.Add(id))
                {
                    writer.WriteStartObject();
                    writer.WriteString("itemIdentifier", id);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.TrimStart(" \t\r\n"u8).IsEmpty;
}
