using System.Text;
using System.Text.Json;

namespace ServerlessShield.Tests.Inspection.Corpus;

// Reads the labelled public corpora: one payload per line, plus multiline.jsonl for payloads with CR or LF.
internal static class CorpusFile
{
    public static IReadOnlyList<string> ReadLines(string path) =>
        [.. File.ReadAllText(path, Encoding.UTF8).Split('\n').Where(l => l.Length > 0)];

    // The multiline file names the source file stem of each payload.
    public static IReadOnlyList<(string Source, string Payload)> ReadMultiline(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var items = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(path, Encoding.UTF8))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            items.Add((doc.RootElement.GetProperty("source").GetString()!, doc.RootElement.GetProperty("payload").GetString()!));
        }

        return items;
    }

    // All payloads of one class whose source file name starts with the given prefix.
    public static IReadOnlyList<string> Attacks(string corpora, string attackClass, string sourcePrefix)
    {
        var folder = Path.Combine(corpora, "attacks", attackClass);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var payloads = new List<string>();
        foreach (var file in Directory.GetFiles(folder, sourcePrefix + "*.txt"))
        {
            payloads.AddRange(ReadLines(file));
        }

        payloads.AddRange(ReadMultiline(Path.Combine(folder, "multiline.jsonl"))
            .Where(m => m.Source.StartsWith(sourcePrefix, StringComparison.Ordinal))
            .Select(m => m.Payload));
        return payloads;
    }

    public static IReadOnlyList<(string File, string Line)> Benign(string corpora) =>
        [.. Directory.GetFiles(Path.Combine(corpora, "benign"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => ReadLines(f).Select(l => (Path.GetFileName(f), l)))];
}
