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

    /// <summary>
    /// The named string properties of a JSON object (compared case-insensitively, as the host's serializers differ), in
    /// the object's order; nothing when the text is not a JSON object.
    /// </summary>
    public static List<(string Name, string Value)> GetStrings(string json, string[] names)
    {
        var found = new List<(string, string)>();
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return found;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var wanted = Wanted(names, name);
                if (wanted is not null && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } value)
                {
                    found.Add((wanted, value));
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not an object the host would send (or a lone surrogate escaped in it): what was read so far stands.
        }

        return found;
    }

    private static string? Wanted(string[] names, string name)
    {
        foreach (var wanted in names)
        {
            if (string.Equals(wanted, name, StringComparison.OrdinalIgnoreCase))
            {
                return wanted;
            }
        }

        return null;
    }

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
