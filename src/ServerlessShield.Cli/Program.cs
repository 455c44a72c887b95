using ServerlessShield.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("shield");
    config.AddCommand<ScanCommand>("scan")
        .WithDescription("Run event files (or, with --values, single values) through the shield under a profile and print the verdicts.")
        .WithExample("scan", "samples/events")
        .WithExample("scan", "--values", "payloads.txt");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Score the detectors on a corpora folder (attacks/<class>/*.txt, benign/*.txt) and print the per-class table.")
        .WithExample("eval", "../shared/corpora");
    config.AddCommand<AuditCommand>("audit")
        .WithDescription("Audit configuration offline: local.settings.json, host.json, appsettings, function.json, SAM/CloudFormation templates and IAM policies.")
        .WithExample("audit", "samples/config")
        .WithExample("audit", "samples/config", "--format", "sarif", "--fail-on", "High");
});

return await app.RunAsync(args);
