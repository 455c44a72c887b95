using System.ComponentModel;
using ServerlessShield.Cli.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ServerlessShield.Cli.Commands;

// shield scan <files or folders> | shield scan --values <file>
internal sealed class ScanCommand : AsyncCommand<ScanCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[paths]")]
        [Description("Event JSON files or folders (searched recursively for *.json).")]
        public string[] Paths { get; init; } = [];

        [CommandOption("--values <FILE>")]
        [Description("Inspect each line of FILE as one string field of an HTTP JSON body; print one JSON line per input line.")]
        public string? Values { get; init; }

        [CommandOption("--profile <PROFILE>")]
        [Description("Standard (default), Strict or Monitor.")]
        [DefaultValue(ShieldProfile.Standard)]
        public ShieldProfile Profile { get; init; } = ShieldProfile.Standard;

        public override ValidationResult Validate()
        {
            if (Values is null && Paths.Length == 0)
            {
                return ValidationResult.Error("Give event files or folders to scan, or --values <file>.");
            }

            if (Values is not null && Paths.Length > 0)
            {
                return ValidationResult.Error("--values takes one file and no other paths.");
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reader = EventFileReader.Create(settings.Profile);
        if (settings.Values is { } valuesFile)
        {
            return await ScanValuesAsync(reader.Runner, valuesFile).ConfigureAwait(false);
        }

        List<string> files;
        try
        {
            files = [.. EventFileReader.Expand(settings.Paths)];
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"shield: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var rows = new List<(string File, ScanResult Result)>();
        async Task ScanAll(Action? tick)
        {
            foreach (var file in files)
            {
                rows.Add((file, await reader.ScanAsync(file).ConfigureAwait(false)));
                tick?.Invoke();
            }
        }

        // Progress goes to stderr and only to a terminal, so piped output stays clean.
        if (!Console.IsErrorRedirected && files.Count > 20)
        {
            var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await err.Progress().AutoClear(true).StartAsync(async p =>
            {
                var task = p.AddTask("Scanning events", maxValue: files.Count);
                await ScanAll(() => task.Increment(1)).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await ScanAll(null).ConfigureAwait(false);
        }

        VerdictTable.Write(rows, settings.Paths, settings.Profile);
        return 0;
    }

    private static async Task<int> ScanValuesAsync(ReplayRunner runner, string path)
    {
        IEnumerable<string> values;
        try
        {
            values = [.. ValueLine.ReadAll(path)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"shield: cannot read {path}: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        using var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false, NewLine = "\n" };
        var line = 0;
        foreach (var value in values)
        {
            line++;
            var result = await runner.RunValueAsync(value).ConfigureAwait(false);
            await stdout.WriteLineAsync(ReplayRunner.ToJsonLine(line, result)).ConfigureAwait(false);
        }

        await stdout.FlushAsync().ConfigureAwait(false);
        return 0;
    }
}
