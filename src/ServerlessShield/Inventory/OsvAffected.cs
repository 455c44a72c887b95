using System.Text.Json;

namespace ServerlessShield;

// One affected package of an OSV advisory. Only the NuGet ecosystem is considered: the app's deps.json names NuGet packages.
internal sealed record OsvAffected(string Name, IReadOnlyList<IReadOnlyList<(string Kind, string Version)>> Ranges, IReadOnlySet<string> Versions)
{
    public static OsvAffected? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("package", out var package)
            || !package.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !package.TryGetProperty("ecosystem", out var ecosystem) || !string.Equals(ecosystem.GetString(), "NuGet", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ranges = new List<IReadOnlyList<(string, string)>>();
        if (item.TryGetProperty("ranges", out var rangeList) && rangeList.ValueKind == JsonValueKind.Array)
        {
            foreach (var range in rangeList.EnumerateArray())
            {
                // GIT ranges name commits, not versions.
                var type = range.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type is not ("SEMVER" or "ECOSYSTEM") || !range.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var parsed = new List<(string, string)>();
                foreach (var e in events.EnumerateArray())
                {
                    foreach (var kind in new[] { "introduced", "fixed", "last_affected" })
                    {
                        if (e.TryGetProperty(kind, out var v) && v.ValueKind == JsonValueKind.String)
                        {
                            parsed.Add((kind, v.GetString()!));
                        }
                    }
                }

                ranges.Add(parsed);
            }
        }

        var versions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (item.TryGetProperty("versions", out var versionList) && versionList.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in versionList.EnumerateArray())
            {
                if (v.ValueKind == JsonValueKind.String)
                {
                    versions.Add(v.GetString()!);
                }
            }
        }

        return new OsvAffected(name.GetString()!, ranges, versions);
    }

    public bool Contains(string text, PackageVersion version) => Versions.Contains(text) || Ranges.Any(r => InRange(r, version));

    // OSV's evaluation: walk the events in version order; introduced opens, fixed closes at that version,
    // last_affected closes just after it. "0" introduced means from the first version.
    private static bool InRange(IReadOnlyList<(string Kind, string Version)> events, PackageVersion version)
    {
        // Events in version order, "0" first, ties in their listed order (an insertion sort: a range has a handful).
        var ordered = new List<(string Kind, PackageVersion? Parsed)>(events.Count);
        foreach (var (kind, text) in events)
        {
            PackageVersion? parsed = null;
            if (text != "0")
            {
                if (!PackageVersion.TryParse(text, out var v))
                {
                    continue;
                }

                parsed = v;
            }

            var at = ordered.Count;
            while (at > 0 && Compare(ordered[at - 1].Parsed, parsed) > 0)
            {
                at--;
            }

            ordered.Insert(at, (kind, parsed));
        }

        var affected = false;
        foreach (var (kind, parsed) in ordered)
        {
            var at = parsed is { } p ? version.CompareTo(p) : 1;
            switch (kind)
            {
                case "introduced" when at >= 0:
                    affected = true;
                    break;
                case "fixed" when at >= 0:
                    affected = false;
                    break;
                case "last_affected" when at > 0:
                    affected = false;
                    break;
            }
        }

        return affected;
    }

    private static int Compare(PackageVersion? a, PackageVersion? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.Value.CompareTo(b.Value);
}
