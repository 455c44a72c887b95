using System.Text.Json;

namespace ServerlessShield.Cli.Audit;

// Writes an audit run as SARIF 2.1.0: one run whose driver lists every audit rule, one result per finding with the
// file (a URI relative to the audited folder) and, when known, the start line.
internal static class SarifWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private const string HelpUri = "https://github.com/serverlessshield/serverlessshield#configuration-audit";

    public static void Write(Stream output, AuditRun run)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var rules = IamRules.AuditRules;
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "ServerlessShield");
        writer.WriteString("informationUri", "https://github.com/serverlessshield/serverlessshield");
        writer.WriteString("semanticVersion", typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("name", rule.Name);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.Description);
            writer.WriteEndObject();
            writer.WriteString("helpUri", HelpUri);
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(rule.Severity));
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("severity", rule.Severity.ToString());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("results");
        foreach (var finding in AuditTable.Ordered(run.Findings))
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.Rule.Id);
            var index = IndexOf(rules, finding.Rule);
            if (index >= 0)
            {
                writer.WriteNumber("ruleIndex", index);
            }

            writer.WriteString("level", Level(finding.Severity));
            writer.WriteStartObject("message");
            writer.WriteString("text", $"{finding.Message} Fix: {finding.Fix}");
            writer.WriteEndObject();
            if (finding.File is { } file)
            {
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                writer.WriteStartObject("physicalLocation");
                writer.WriteStartObject("artifactLocation");
                writer.WriteString("uri", Uri.EscapeDataString(file).Replace("%2F", "/", StringComparison.Ordinal));
                writer.WriteEndObject();
                if (finding.Line is > 0 and var line)
                {
                    writer.WriteStartObject("region");
                    writer.WriteNumber("startLine", line);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteStartObject("properties");
            writer.WriteString("subject", finding.Subject);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // SARIF has three result levels; Critical and High are errors, Medium a warning, the rest notes.
    public static string Level(ShieldSeverity severity) => severity switch
    {
        ShieldSeverity.Critical or ShieldSeverity.High => "error",
        ShieldSeverity.Medium => "warning",
        _ => "note",
    };

    private static int IndexOf(IReadOnlyList<ShieldRule> rules, ShieldRule rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] == rule)
            {
                return i;
            }
        }

        return -1;
    }
}
