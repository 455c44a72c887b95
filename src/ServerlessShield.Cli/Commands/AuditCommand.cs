using System.ComponentModel;
using ServerlessShield.Cli.Audit;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ServerlessShield.Cli.Commands;

// shield audit <folder or file> [--format table|sarif] [--fail-on <severity>]
internal sealed class AuditCommand : Command<AuditCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<path>")]
        [Description("A folder (searched recursively; bin, obj and node_modules skipped) or one file.")]
        public string Path { get; init; } = string.Empty;

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or sarif (SARIF 2.1.0 on standard output).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--fail-on <SEVERITY>")]
        [Description("Exit with 1 when a finding is at least this severe: Low, Medium, High or Critical. Without it the exit code is 0 whatever is found.")]
        public ShieldSeverity? FailOn { get; init; }

        public override ValidationResult Validate() =>
            Format is "table" or "sarif" ? ValidationResult.Success() : ValidationResult.Error("--format is table or sarif.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        AuditRun run;
        try
        {
            run = FolderAuditor.Run(settings.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Console.Error.WriteLine($"shield: cannot audit {settings.Path}: {ex.Message}");
            return 2;
        }

        foreach (var error in run.Errors)
        {
            Console.Error.WriteLine($"shield: skipped {error}");
        }

        if (settings.Format == "sarif")
        {
            using var stdout = Console.OpenStandardOutput();
            SarifWriter.Write(stdout, run);
        }
        else
        {
            AuditTable.Write(AnsiConsole.Console, run);
        }

        if (run.Errors.Count > 0 && run.FilesAudited == 0)
        {
            return 2;
        }

        return settings.FailOn is { } threshold && run.Findings.Any(f => f.Severity >= threshold) ? 1 : 0;
    }
}
