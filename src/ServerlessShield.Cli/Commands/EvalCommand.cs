using System.ComponentModel;
using System.Globalization;
using ServerlessShield.Cli.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ServerlessShield.Cli.Commands;

// shield eval <corpora folder>: the per-class detection table and the benign false-positive rate.
internal sealed class EvalCommand : AsyncCommand<EvalCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<corpora>")]
        [Description("A corpora folder holding attacks/<class>/*.txt and benign/*.txt.")]
        public string Corpora { get; init; } = string.Empty;

        [CommandOption("--profile <PROFILE>")]
        [Description("Standard (default), Strict or Monitor.")]
        [DefaultValue(ShieldProfile.Standard)]
        public ShieldProfile Profile { get; init; } = ShieldProfile.Standard;

        [CommandOption("--show-misses <N>")]
        [Description("Print up to N missed attacks per source and N flagged benign lines.")]
        [DefaultValue(0)]
        public int ShowMisses { get; init; }

        public override ValidationResult Validate() =>
            Directory.Exists(Path.Combine(Corpora, "attacks")) && Directory.Exists(Path.Combine(Corpora, "benign"))
                ? ValidationResult.Success()
                : ValidationResult.Error($"{Corpora} has no attacks/ and benign/ folders.");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var evaluator = new CorpusEvaluator(settings.Profile);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Class").AddColumn("Source").AddColumn(new TableColumn("Payloads").RightAligned())
            .AddColumn(new TableColumn("Detected").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned());
        var misses = new List<string>();
        foreach (var set in CorpusReader.Attacks(settings.Corpora))
        {
            var score = await evaluator.ScoreAsync(set, keepHits: false, settings.ShowMisses).ConfigureAwait(false);
            table.AddRow(Markup.Escape(score.Class), Markup.Escape(score.Source), N(score.Total), N(score.Hits), Percent(score.Rate));
            misses.AddRange(score.Samples.Select(s => $"missed {score.Class}/{score.Source}: {s}"));
        }

        var benign = await evaluator.ScoreAsync(CorpusReader.Benign(settings.Corpora), keepHits: true, settings.ShowMisses).ConfigureAwait(false);
        table.AddRow("[bold]benign[/]", "all", N(benign.Total), N(benign.Hits) + " flagged", Percent(benign.Rate));
        misses.AddRange(benign.Samples.Select(s => $"flagged benign: {s}"));

        AnsiConsole.Write(table);
        foreach (var line in misses)
        {
            AnsiConsole.WriteLine(line);
        }

        return 0;
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => rate.ToString("P2", CultureInfo.InvariantCulture);
}
