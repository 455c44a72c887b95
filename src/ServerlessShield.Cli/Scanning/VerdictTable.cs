using Spectre.Console;

namespace ServerlessShield.Cli.Scanning;

// The readable scan report: one row per event file, then a summary by verdict.
internal static class VerdictTable
{
    public static void Write(IReadOnlyList<(string File, ScanResult Result)> rows, IReadOnlyList<string> roots, ShieldProfile profile)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("File").AddColumn("Platform").AddColumn("Source").AddColumn("Verdict").AddColumn("Rules");
        foreach (var (file, result) in rows)
        {
            table.AddRow(
                Markup.Escape(Relative(file, roots)),
                Markup.Escape(PlatformName(result.Platform)),
                Markup.Escape(result.Source),
                Colour(result.Verdict),
                Markup.Escape(string.Join(", ", result.Rules.Select(r => $"{r.Id} {r.Name}"))));
        }

        // Redirected output has no terminal width; keep rows on one line for logs and diffs.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }

        AnsiConsole.Write(table);
        var counts = rows.GroupBy(r => r.Result.Verdict).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}");
        AnsiConsole.MarkupLine(Markup.Escape($"{rows.Count} event(s) scanned under the {profile} profile; {string.Join(", ", counts)}"));
    }

    private static string Colour(string verdict) => verdict switch
    {
        "block" => "[red]block[/]",
        "sanitize" => "[yellow]sanitize[/]",
        "monitor" => "[yellow]monitor[/]",
        "fail" => "[red]fail[/]",
        _ => "[green]allow[/]",
    };

    private static string PlatformName(ShieldPlatform platform) => platform switch
    {
        ShieldPlatform.AzureFunctions => "azure",
        ShieldPlatform.AwsLambda => "aws",
        _ => "-",
    };

    private static string Relative(string file, IReadOnlyList<string> roots)
    {
        foreach (var root in roots)
        {
            if (Directory.Exists(root))
            {
                var relative = Path.GetRelativePath(root, file);
                if (!relative.StartsWith("..", StringComparison.Ordinal))
                {
                    return relative;
                }
            }
        }

        return file;
    }
}
