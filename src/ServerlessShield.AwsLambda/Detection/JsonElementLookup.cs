using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Allocation-free property tests on a parsed event; every lookup tolerates any shape (wrong kinds are "absent").
internal static class JsonElementLookup
{
    public static bool TryGet(this JsonElement element, string name, JsonValueKind kind, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind == kind)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static bool Has(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public static bool HasObject(this JsonElement element, string name) => element.TryGet(name, JsonValueKind.Object, out _);

    public static bool HasString(this JsonElement element, string name) => element.TryGet(name, JsonValueKind.String, out _);

    public static bool IsString(this JsonElement element, string name, string expected) =>
        element.TryGet(name, JsonValueKind.String, out var value) && value.ValueEquals(expected);

    public static string? GetStringOrNull(this JsonElement element, string name) =>
        element.TryGet(name, JsonValueKind.String, out var value) ? value.GetString() : null;

    public static JsonElement FirstItem(this JsonElement array)
    {
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                return item;
            }
        }

        return default;
    }
}
