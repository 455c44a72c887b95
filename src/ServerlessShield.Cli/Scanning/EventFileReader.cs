using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Reads an event file and asks each translator, most specific first, whether it knows the shape.
internal sealed class EventFileReader(IReadOnlyList<IEventTranslator> translators)
{
    public ReplayEvent Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        ReadOnlyMemory<byte> data = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 4096 });
        }
        catch (JsonException)
        {
            // Not JSON at all: replay it as an opaque custom event so the limits still judge it.
            return new ReplayEvent(ShieldPlatform.Local, EventSourceInfo.Unknown, null, [new ShieldInput("event", data, InputFormat.Json)]);
        }

        using (document)
        {
            foreach (var translator in translators)
            {
                if (translator.TryTranslate(document.RootElement, data, out var replay))
                {
                    return replay;
                }
            }
        }

        return new ReplayEvent(ShieldPlatform.Local, EventSourceInfo.Unknown, null, [new ShieldInput("event", data, InputFormat.Json)]);
    }

    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                throw new FileNotFoundException($"No such file or folder: {path}", path);
            }
        }
    }
}
