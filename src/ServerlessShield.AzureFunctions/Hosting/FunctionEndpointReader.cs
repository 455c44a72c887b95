using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;

namespace ServerlessShield.AzureFunctions;

// Reads each function's trigger type and authLevel from the raw binding JSON the worker reports to the host
// ({"name":"req","type":"httpTrigger","direction":"In","authLevel":"Anonymous"}), for the configuration audit.
internal static class FunctionEndpointReader
{
    public static IEnumerable<FunctionEndpoint> Read(IEnumerable<IFunctionMetadata> functions)
    {
        foreach (var function in functions)
        {
            if (function.Name is not { Length: > 0 } name)
            {
                continue;
            }

            foreach (var raw in function.RawBindings ?? [])
            {
                if (TryRead(raw, out var type, out var authLevel) && type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
                {
                    yield return new FunctionEndpoint(name, type, authLevel);
                }
            }
        }
    }

    private static bool TryRead(string raw, out string type, out string? authLevel)
    {
        type = string.Empty;
        authLevel = null;
        try
        {
            using var document = JsonDocument.Parse(raw);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (property.NameEquals("type") || property.Name.Equals("type", StringComparison.OrdinalIgnoreCase))
                {
                    type = property.Value.GetString() ?? string.Empty;
                }
                else if (property.Name.Equals("authLevel", StringComparison.OrdinalIgnoreCase))
                {
                    authLevel = property.Value.GetString();
                }
            }

            return type.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
