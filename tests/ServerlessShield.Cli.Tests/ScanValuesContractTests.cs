using System.Text.Json;
using ServerlessShield.Cli.Scanning;

namespace ServerlessShield.Cli.Tests;

// `shield scan --values` is a contract other tools depend on: one JSON line per input line, in order, nothing else.
public class ScanValuesContractTests
{
    [Fact]
    public async Task Values_PrintsExactlyOneJsonLinePerInputLine_InOrder()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "hello\n{\"deep\":[[[]]]}\\n\nSiobhán O'Brien\n\nlast\\tline\n");

        var (exit, stdout, stderr) = await ShieldProcess.RunAsync("scan", "--values", file);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            Assert.Equal(["line", "verdict", "rules"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(i + 1, root.GetProperty("line").GetInt32());
            Assert.Contains(root.GetProperty("verdict").GetString(), new[] { "allow", "sanitize", "monitor", "block" });
            Assert.Equal(JsonValueKind.Array, root.GetProperty("rules").ValueKind);
        }
    }

    [Fact]
    public async Task Values_ANulInAValue_IsBlockedWithItsRule()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "fine\nbad\0value\n");

        var (_, stdout, _) = await ShieldProcess.RunAsync("scan", "--values", file);

        var last = JsonDocument.Parse(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1]).RootElement;
        Assert.Equal("block", last.GetProperty("verdict").GetString());
        Assert.Equal(["SHIELD2011"], last.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Values_UnreadableFile_ExitsNonZeroWithAMessageOnStderrOnly()
    {
        var (exit, stdout, stderr) = await ShieldProcess.RunAsync("scan", "--values", "/no/such/file.txt");

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("/no/such/file.txt", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WithNothingToScan_IsBadUsage()
    {
        var (exit, _, _) = await ShieldProcess.RunAsync("scan");

        Assert.NotEqual(0, exit);
    }

    [Theory]
    [InlineData("a\\tb", "a\tb")]
    [InlineData("a\\nb\\rc", "a\nb\rc")]
    [InlineData("a\\\\nb", "a\\nb")]
    [InlineData("\\x41\\u0041\\'", "\\x41\\u0041\\'")]
    [InlineData("trailing\\", "trailing\\")]
    public void Unescape_DecodesOnlyTheFourEscapes(string line, string expected)
    {
        Assert.Equal(expected, ValueLine.Unescape(line));
    }
}
