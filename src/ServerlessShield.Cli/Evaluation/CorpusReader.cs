using System.Text;
using System.Text.Json;

namespace ServerlessShield.Cli.Evaluation;

// Reads a corpora folder: attacks/<class>/<source>.txt (one payload per line), attacks/<class>/multiline.jsonl
// ({"source","payload"} per line, for payloads with CR or LF) and benign/<category>.txt.
internal static class CorpusReader
{
    public sealed record Set(string Class, string Source, IReadOnlyList<string> Payloads);

    public static IReadOnlyList<Set> Attacks(string corpora)
    {
        var sets = new List<Set>();
        var root = Path.Combine(corpora, "attacks");
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var attackClass = Path.GetFileName(folder);
            var bySource = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(folder, "*.txt"))
            {
                bySource[Path.GetFileNameWithoutExtension(file)] = [.. Lines(file)];
            }

            foreach (var (source, payload) in Multiline(Path.Combine(folder, "multiline.jsonl")))
            {
                if (!bySource.TryGetValue(source, out var list))
                {
                    bySource[source] = list = [];
                }

                list.Add(payload);
            }

            sets.AddRange(bySource.Select(kv => new Set(attackClass, kv.Key, kv.Value)));
        }

        return sets;
    }

    public static Set Benign(string corpora) =>
        new("benign", "all", [.. Directory.GetFiles(Path.Combine(corpora, "benign"), "*.txt").Order(StringComparer.Ordinal).SelectMany(Lines)]);

    private static IEnumerable<string> Lines(string path) =>
        File.ReadAllText(path, Encoding.UTF8).Split('\n').Where(l => l.Length > 0);

    private static IEnumerable<(string Source, string Payload)> Multiline(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            yield return (doc.RootElement.GetProperty("source").GetString() ?? "unknown", doc.RootElement.GetProperty("payload").GetString() ?? string.Empty);
        }
    }
}
