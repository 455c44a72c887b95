using System.Text.Json;

namespace ServerlessShield;

// The parts of an OSV advisory (https://ossf.github.io/osv-schema/) the inventory uses: its id, and per affected NuGet
// package the ranges (SEMVER or ECOSYSTEM: introduced, fixed, last_affected events) and explicit versions.
internal sealed record OsvAdvisory(string Id, IReadOnlyList<OsvAffected> Affected)
{
    public static IReadOnlyList<OsvAdvisory> ParseFile(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        var root = document.RootElement;
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object when root.TryGetProperty("vulns", out var vulns) && vulns.ValueKind == JsonValueKind.Array => vulns.EnumerateArray().ToList(),
            JsonValueKind.Object => [root],
            _ => [],
        };
        return [.. items.Select(Parse).OfType<OsvAdvisory>()];
    }

    // The advisory's id when the package at this version is affected, else null.
    public bool Affects(string package, string version)
    {
        if (!PackageVersion.TryParse(version, out var installed))
        {
            return false;
        }

        foreach (var affected in Affected)
        {
            if (affected.Name.Equals(package, StringComparison.OrdinalIgnoreCase) && affected.Contains(version, installed))
            {
                return true;
            }
        }

        return false;
    }

    private static OsvAdvisory? Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var affected = new List<OsvAffected>();
        if (element.TryGetProperty("affected", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (OsvAffected.Parse(item) is { } parsed)
                {
                    affected.Add(parsed);
                }
            }
        }

        return new OsvAdvisory(id.GetString()!, affected);
    }
}
