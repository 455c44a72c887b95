namespace ServerlessShield.Cli.Tests;

// The main job: `shield scan samples/events` blocks every malicious sample and allows every benign one.
public class ScanSampleEventsTests
{
    [Fact]
    public async Task Scan_SampleEvents_BlocksEveryMaliciousSampleAndAllowsEveryBenignOne()
    {
        var samples = Path.Combine(ShieldProcess.RepoRoot(), "samples", "events");
        var files = Directory.GetFiles(samples, "*.json", SearchOption.AllDirectories);

        var (exit, stdout, stderr) = await ShieldProcess.RunAsync("scan", samples);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var rows = stdout.Split('\n').Where(l => l.Contains(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Length, rows.Count);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(samples, file);
            var row = Assert.Single(rows, r => r.Contains(relative, StringComparison.Ordinal));
            var expected = Path.GetFileName(file).StartsWith("malicious-", StringComparison.Ordinal) ? "block" : "allow";
            Assert.True(row.Contains($" {expected} ", StringComparison.Ordinal), $"{relative}: expected {expected}: {row}");
        }

        Assert.Contains($"{files.Length} event(s) scanned under the Standard profile", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_MissingPath_IsBadUsage()
    {
        var (exit, stdout, stderr) = await ShieldProcess.RunAsync("scan", "/no/such/folder");

        Assert.NotEqual(0, exit);
        Assert.Contains("/no/such/folder", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }
}
