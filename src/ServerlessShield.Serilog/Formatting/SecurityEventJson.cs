using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Serilog.Events;

namespace ServerlessShield.Serilog.Formatting;

// What the OCSF and ECS formatters share: reading the shield's security log line back, writing one JSON line, and
// the fixed mappings of severity, category and cloud.
internal static class SecurityEventJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Writes one JSON line for a shield security event; any other log event is skipped.
    public static void WriteLine(LogEvent logEvent, TextWriter output, Action<Utf8JsonWriter, SecurityLogRecord> write)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        if (!SecurityLogRecord.TryRead(logEvent, out var record))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, record);
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    public static (int Id, string Name) SeverityOf(string? severity) => severity switch
    {
        "Informational" => (1, "Informational"),
        "Low" => (2, "Low"),
        "Medium" => (3, "Medium"),
        "High" => (4, "High"),
        "Critical" => (5, "Critical"),
        _ => (0, "Unknown"),
    };

    public static string CategoryOf(string ruleId) =>
        ShieldRuleCatalog.TryGet(ruleId, out var rule) && rule is not null ? rule.Category.ToString() : "Unknown";

    public static string? CloudOf(string? platform) => platform switch
    {
        nameof(ShieldPlatform.AwsLambda) => "AWS",
        nameof(ShieldPlatform.AzureFunctions) => "Azure",
        _ => null,
    };
}
