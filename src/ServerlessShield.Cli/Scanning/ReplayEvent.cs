namespace ServerlessShield.Cli.Scanning;

// A platform event translated into the core's model: what would reach the pipeline in the function.
internal sealed record ReplayEvent(
    ShieldPlatform Platform,
    EventSourceInfo Source,
    HttpRequestParts? Http,
    IReadOnlyList<ShieldInput> Inputs,
    string FunctionName = "replay");
