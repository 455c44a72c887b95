using System.Text.Json;

namespace ServerlessShield.AzureFunctions;

// Splits a batch the host delivered as one JSON array string (Cosmos DB documents, Event Grid events, typed Event Hubs
// batches) into its elements, as slices of the same bytes: a forward pass with Utf8JsonReader, no DOM and no copy.
internal static class JsonRecords
{
    public static bool StartsLikeArray(ReadOnlySpan<byte> json)
    {
        var trimmed = json.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'[';
    }

    /// <summary>The elements of a top-level JSON array; null when the bytes are not one valid JSON array.</summary>
    /// <param name="json">The bytes.</param>
    /// <param name="maxDepth">The policy's nesting limit: a deeper element is left to the inspector, which reports it.</param>
    public static List<ReadOnlyMemory<byte>>? TrySplit(ReadOnlyMemory<byte> json, int maxDepth)
    {
        if (!StartsLikeArray(json.Span))
        {
            return null;
        }

        var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { MaxDepth = Math.Max(maxDepth, 1) + 1 });
        var records = new List<ReadOnlyMemory<byte>>();
        try
        {
            reader.Read();
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    // Anything but whitespace after the array makes the reader throw: the whole input is then inspected.
                    return reader.Read() ? null : records;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                records.Add(json[start..(int)reader.BytesConsumed]);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
