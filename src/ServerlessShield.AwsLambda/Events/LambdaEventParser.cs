using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Parses an event once. Real payloads never carry a BOM, but copies of AWS samples do: tolerate it.
internal static class LambdaEventParser
{
    public const int DefaultMaxDepth = 64;

    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8Json, int maxDepth)
    {
        var json = SkipBom(utf8Json);

        // JsonDocument checks a string's UTF-8 only when it is read, so such an event would parse here and then throw in
        // an extractor (a shield failure, SHIELD3002). Unparsed, it is inspected as it came and blocked as invalid UTF-8.
        // Likewise an escaped lone surrogate (\uD800) in a name or string: looking it up throws. Blocked as lone-surrogate.
        if (!System.Text.Unicode.Utf8.IsValid(json.Span) || HasLoneSurrogateEscape(json.Span, maxDepth))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> json, int maxDepth)
    {
        if (!MayHaveSurrogateEscape(json))
        {
            return false;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }
        catch (JsonException)
        {
            // Not JSON: the parse below says so.
        }

        return false;
    }

    // Any "\uD800".."\uDFFF" escape at all; most events have none and skip the full check.
    private static bool MayHaveSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var i = json.IndexOf("\\u"u8); i >= 0 && i + 3 < json.Length; )
        {
            if (json[i + 2] is (byte)'d' or (byte)'D' && json[i + 3] is (byte)'8' or (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }

            var next = json[(i + 2)..].IndexOf("\\u"u8);
            i = next < 0 ? -1 : i + 2 + next;
        }

        return false;
    }

    public static ReadOnlyMemory<byte> SkipBom(ReadOnlyMemory<byte> data) =>
        data.Span.StartsWith("\uFEFF"u8) ? data[3..] : data;
}
