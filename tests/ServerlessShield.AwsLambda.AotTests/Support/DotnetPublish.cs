using System.Diagnostics;

namespace ServerlessShield.AwsLambda.AotTests.Support;

// Runs `dotnet publish` as a child process, isolated from the checkout: --artifacts-path sends every obj and bin
// folder (the referenced libraries' too) to a temporary folder, and no build server outlives it.
internal static class DotnetPublish
{
    public static async Task<PublishResult> RunAsync(string project, string workDirectory, TimeSpan timeout, params string[] properties)
    {
        var output = Path.Combine(workDirectory, "publish");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            "--artifacts-path", Path.Combine(workDirectory, "artifacts"), "-o", output, "--disable-build-servers", "-nologo", "-clp:NoSummary"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var property in properties)
        {
            start.ArgumentList.Add("-p:" + property);
        }

        // The test host's MSBuild variables would point the child at the parent's build, not its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var lines = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Add(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took longer than {timeout}.");
        }

        process.WaitForExit();
        return new PublishResult(process.ExitCode, lines, stopwatch.Elapsed, output);
    }

    // The muxer that runs these tests, else the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static void Add(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}
