using System.Text.Json;

namespace ServerlessShield;

// One forward pass over UTF-8 JSON with Utf8JsonReader: no DOM, cost linear in the input.
internal static class JsonLimitScanner
{
    public enum Result
    {
        Ok,
        TooDeep,
        Invalid,
    }

    public static bool LooksLikeJson(ReadOnlySpan<byte> data)
    {
        data = SkipBom(data);
        foreach (var b in data)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'{' or (byte)'[';
        }

        return false;
    }

    public static Result Scan(ReadOnlySpan<byte> data, int maxDepth)
    {
        data = SkipBom(data);
        // The reader's own limit sits one above ours, so we see the first level too deep and report it ourselves.
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth + 1 > maxDepth)
                {
                    return Result.TooDeep;
                }
            }

            return Result.Ok;
        }
        catch (JsonException)
        {
            return Result.Invalid;
        }
    }

    private static ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> data) =>
        data.StartsWith("\uFEFF"u8) ? data[3..] : data;
}
