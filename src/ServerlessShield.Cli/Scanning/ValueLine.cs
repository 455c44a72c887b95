using System.Text;

namespace ServerlessShield.Cli.Scanning;

// The --values input format: one value per line; only \\, \t, \n and \r are escapes, everything else is literal.
internal static class ValueLine
{
    public static IEnumerable<string> ReadAll(string path)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        var lines = text.Split('\n');
        // A final newline ends the last line; it does not start an empty one.
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            yield return Unescape(lines[i]);
        }
    }

    public static string Unescape(string line)
    {
        if (!line.Contains('\\', StringComparison.Ordinal))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                var decoded = line[i + 1] switch
                {
                    '\\' => '\\',
                    't' => '\t',
                    'n' => '\n',
                    'r' => '\r',
                    _ => (char?)null,
                };
                if (decoded is { } c)
                {
                    builder.Append(c);
                    i++;
                    continue;
                }
            }

            builder.Append(line[i]);
        }

        return builder.ToString();
    }
}
