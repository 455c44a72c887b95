namespace ServerlessShield.AwsLambda.AotTests.Support;

// What one dotnet publish did: its exit code, every line it printed, how long it took and where the output went.
internal sealed record PublishResult(int ExitCode, IReadOnlyList<string> Output, TimeSpan Duration, string OutputDirectory)
{
    // Trim analysis (IL2xxx), AOT analysis (IL3xxx) and ILCompiler's own diagnostics, as warnings or as errors
    // (the repository treats warnings as errors); each is printed once since the summary is off.
    public IReadOnlyList<string> TrimOrAotDiagnostics =>
        [.. Output.Where(line => line.Contains(": warning IL", StringComparison.Ordinal) || line.Contains(": error IL", StringComparison.Ordinal)
            || line.Contains(": warning AOT", StringComparison.Ordinal) || line.Contains(": error AOT", StringComparison.Ordinal)).Distinct()];

    public IReadOnlyList<string> Warnings => [.. Output.Where(line => line.Contains(": warning ", StringComparison.Ordinal)).Distinct()];
}
