using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// Reads trigger metadata (FunctionContext.BindingContext.BindingData): the host sends it as strings, JSON for objects
// and arrays (ApplicationProperties, MessageIdArray, SequenceNumberArray).
internal static class BindingDataValues
{
    public static string? GetString(FunctionContext context, string key) =>
        context.BindingContext.BindingData.TryGetValue(key, out var value) ? value as string ?? (value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)) : null;

    /// <summary>The elements of a JSON array of strings or numbers, as text (message ids, sequence numbers); null when absent.</summary>
    public static string?[]? GetIds(FunctionContext context, string key)
    {
        if (GetString(context, key) is not { Length: > 1 } json)
        {
            return null;
        }

        var ids = new List<string?>();
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ids.Add(reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                });
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return [.. ids];
    }
}
