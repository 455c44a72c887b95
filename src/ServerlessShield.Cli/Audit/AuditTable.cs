using System.Globalization;
using Spectre.Console;

namespace ServerlessShield.Cli.Audit;

// The readable audit report: one row per finding (file, line, rule, severity, message, fix), then a count by severity.
internal static class AuditTable
{
    public static void Write(IAnsiConsole console, AuditRun run)
    {
        if (run.Findings.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("File").AddColumn("Line").AddColumn("Rule").AddColumn("Severity").AddColumn("Message").AddColumn("Fix");
            foreach (var finding in Ordered(run.Findings))
            {
                table.AddRow(
                    Markup.Escape(finding.File ?? "-"),
                    finding.Line?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape($"{finding.Rule.Id} {finding.Rule.Name}"),
                    Colour(finding.Severity),
                    Markup.Escape(finding.Message),
                    Markup.Escape(finding.Fix));
            }

            console.Write(table);
        }

        var counts = run.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        var summary = run.Findings.Count == 0 ? "no findings" : $"{run.Findings.Count} finding(s); {string.Join(", ", counts)}";
        console.MarkupLine(Markup.Escape($"{run.FilesAudited} configuration file(s) audited; {summary}"));
    }

    public static IEnumerable<AuditFinding> Ordered(IEnumerable<AuditFinding> findings) =>
        findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line ?? 0).ThenBy(f => f.Rule.Number);

    private static string Colour(ShieldSeverity severity) => severity switch
    {
        ShieldSeverity.Critical => "[red bold]Critical[/]",
        ShieldSeverity.High => "[red]High[/]",
        ShieldSeverity.Medium => "[yellow]Medium[/]",
        _ => severity.ToString(),
    };
}
