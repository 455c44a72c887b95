using System.Text.Json;

namespace ServerlessShield;

// Reads the "libraries" of the app's deps.json ("Name/Version": { "type": "package" }). The host names the file in
// APP_CONTEXT_DEPS_FILES; without it, <entry assembly>.deps.json beside the app is the convention.
internal static class DepsFile
{
    public static string? Locate()
    {
        if (AppContext.GetData("APP_CONTEXT_DEPS_FILES") is string files)
        {
            foreach (var file in files.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (File.Exists(file))
                {
                    return file;
                }
            }
        }

        var entry = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        var conventional = entry is null ? null : Path.Combine(AppContext.BaseDirectory, entry + ".deps.json");
        return conventional is not null && File.Exists(conventional) ? conventional : null;
    }

    public static IReadOnlyList<PackageReference> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var result = new List<PackageReference>();
        if (!document.RootElement.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var library in libraries.EnumerateObject())
        {
            var slash = library.Name.IndexOf('/');
            if (slash <= 0 || slash == library.Name.Length - 1)
            {
                continue;
            }

            var type = library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString() ?? "unknown"
                : "unknown";
            result.Add(new PackageReference(library.Name[..slash], library.Name[(slash + 1)..], type));
        }

        return result;
    }
}
