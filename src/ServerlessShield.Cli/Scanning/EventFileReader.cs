using System.Text.Json;

namespace ServerlessShield.Cli.Scanning;

// Reads an event file and hands it to the first replayer that knows its shape; the Lambda replayer, last, takes
// anything else (unknown JSON is inspected as a custom event). A file that is not JSON is judged by the limits.
internal sealed class EventFileReader(IReadOnlyList<IEventReplayer> replayers, ReplayRunner runner)
{
    public static EventFileReader Create(ShieldProfile profile)
    {
        var runner = new ReplayRunner(profile);
        return new EventFileReader(
            [new AzureEnvelopeReplayer(runner), new EventGridReplayer(runner), new LambdaEventReplayer(profile)],
            runner);
    }

    public ReplayRunner Runner => runner;

    public async Task<ScanResult> ScanAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        ReadOnlyMemory<byte> data = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 4096 });
        }
        catch (JsonException)
        {
            return await runner.RunAsync("replay", ShieldPlatform.Local, EventSourceInfo.Unknown, null, [new ShieldInput("event", data, InputFormat.Json)]).ConfigureAwait(false);
        }

        using (document)
        {
            foreach (var replayer in replayers)
            {
                if (replayer.CanReplay(document.RootElement))
                {
                    return await replayer.ReplayAsync(document.RootElement, data).ConfigureAwait(false);
                }
            }
        }

        throw new InvalidOperationException("No replayer accepted the event.");
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
