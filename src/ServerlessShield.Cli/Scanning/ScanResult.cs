namespace ServerlessShield.Cli.Scanning;

// What the shield decided for one event or value, and where the event came from.
internal sealed record ScanResult(ShieldPlatform Platform, string Source, string Verdict, IReadOnlyList<ShieldRule> Rules)
{
    public static ScanResult From(ShieldContext context) =>
        new(context.Platform, context.Source.Name, context.Verdict, [.. context.Findings.Select(f => f.Rule).Distinct()]);
}
