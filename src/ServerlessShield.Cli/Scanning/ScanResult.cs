namespace ServerlessShield.Cli.Scanning;

// What the shield decided for one event or value.
internal sealed record ScanResult(string Verdict, IReadOnlyList<string> RuleIds, IReadOnlyList<string> RuleNames);
