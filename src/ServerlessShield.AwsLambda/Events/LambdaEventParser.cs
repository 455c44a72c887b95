using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Parses an event once. Real payloads never carry a BOM, but copies of AWS samples do: tolerate it.
internal static class LambdaEventParser
{
    public const int DefaultMaxDepth = 64;

    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8Json, int maxDepth)
    {
        try
        {
            return JsonDocument.Parse(SkipBom(utf8Json), new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static ReadOnlyMemory<byte> SkipBom(ReadOnlyMemory<byte> data) =>
        data.Span.StartsWith("\uFEFF"u8) ? data[3..] : data;
}
