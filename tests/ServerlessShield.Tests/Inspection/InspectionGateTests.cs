using System.Text;
using ServerlessShield.Tests.Inspection.Corpus;
using ServerlessShield.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessShield.Tests.Inspection;

// The gate lets single tokens of data skip decoding and the detectors. Its contract: it never skips a value on which
// a detector would fire. Probes made only of letters, digits and the gate's safe punctuation exist (a traversal with
// its slashes spelled 2f or 0x2f, a URL without slashes, a catalog table in capitals, base64), so the contract is
// checked on them, on every corpus line and on generated tokens.
public class InspectionGateTests(ITestOutputHelper output)
{
    public static TheoryData<string> SafeCharacterProbes { get; } =
    [
        "..2fetc2fpasswd",
        "..0x2f..0x2fetc0x2fpasswd",
        "0x2e0x2e0x2fetc0x2fshadow",
        "http:127.0.0.1",
        "http:0xA9FEA9FE",
        "INFORMATION_SCHEMA",
        "MSysAccessObjects",
        "ansible-console",
        ".htaccess",
        "web.config",
        "convert.iconv.UTF8.CP930",
        "L3Byb2Mvc2VsZi9lbnZpcm9u",
        "Li4vLi4vZXRjL2hvc3Rz",
    ];

    public static TheoryData<string> DataTokens { get; } =
    [
        "2026-11-29T10:00:00.000Z",
        "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "203.0.113.10",
        "123456789012",
        "9b2cf535f27731c974343645a3985328",
        "2026-11-29",
        "+353",
        "3.14",
        "1,000",
    ];

    [Theory]
    [MemberData(nameof(SafeCharacterProbes))]
    public void SafeCharacterProbe_GoesToTheDetectors(string probe)
    {
        Assert.True(InspectionGate.NeedsInspection(probe));
        Assert.False(InspectionGate.IsPlainAscii(Encoding.UTF8.GetBytes(probe)));
        Assert.NotEmpty(ValuePipeline.Rules(probe));
    }

    [Theory]
    [MemberData(nameof(DataTokens))]
    public void DataToken_SkipsTheDetectors(string token)
    {
        Assert.False(InspectionGate.NeedsInspection(token));
        Assert.True(InspectionGate.IsPlainAscii(Encoding.UTF8.GetBytes(token)));
    }

    [SkippableFact]
    public void HidesNoDetection_OnEveryCorpusLine()
    {
        var corpora = SharedFolder.Require("corpora");
        var lines = Directory.GetFiles(corpora, "*.txt", SearchOption.AllDirectories).SelectMany(CorpusFile.ReadLines).ToList();
        var skipped = AssertHidesNoDetection(lines);
        output.WriteLine($"{skipped} of {lines.Count} corpus lines skip the detectors; none is flagged by one");
    }

    // Tokens glued from pieces of safe characters: path, URL, SQL and shell words, hex and percent-less escapes,
    // base64, digits and the safe punctuation.
    [Fact]
    public void HidesNoDetection_OnGeneratedTokens()
    {
        string[] pieces =
        [
            "..", ".", "0x2f", "0x5c", "0x2e", "2f", "5c", "etc", "passwd", "boot", "ini", "http", "gopher", ":", "127", "0",
            "1", "169", "254", "0x7f", "information", "schema", "INFORMATION_SCHEMA", "mysql", "db", "user", "web", "config",
            "htaccess", "php", "convert", "iconv", "whoami", "id", "ls", "cat", "-", "_", "@", "+", "#", "~", "?", ",", "a",
            "Z", "9", "L2V0Yy9wYXNzd2Q", "YWxlcnQ", "localhost", "jndi", "ldap", "union", "select", "sleep", "or", "and",
            "T", "dd", "add", "cafe", "deadbeef", "0123456789abcdef", "FEDCBA9876543210", "2026-11-29", "10:00:00", "c6af9ac6",
            "-7b61", "-11e6", "-93e8deadbeef",
        ];
        var random = new Random(20261129);
        var tokens = new List<string>();
        for (var n = 0; n < 50_000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 7);
            for (var p = 0; p < count; p++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            tokens.Add(builder.ToString());
        }

        var skipped = AssertHidesNoDetection(tokens);
        Assert.True(skipped > 1_000, $"only {skipped} generated tokens skipped the detectors: the test no longer exercises the gate");
        output.WriteLine($"{skipped} of {tokens.Count} generated tokens skip the detectors; none is flagged by one");
    }

    private static int AssertHidesNoDetection(IEnumerable<string> values)
    {
        var skipped = 0;
        var hidden = new List<string>();
        foreach (var value in values)
        {
            var plain = InspectionGate.IsPlainAscii(Encoding.UTF8.GetBytes(value));
            if (plain && InspectionGate.NeedsInspection(value))
            {
                hidden.Add($"byte and text gates disagree: {value}");
            }

            if (InspectionGate.NeedsInspection(value))
            {
                continue;
            }

            skipped++;
            var rules = InjectionScanner.Default.Scan(value);
            if (rules.Count > 0)
            {
                hidden.Add($"{string.Join(',', rules.Select(r => r.Id))}: {value}");
            }
        }

        Assert.True(hidden.Count == 0, $"{hidden.Count} values skip the detectors although one fires, e.g.:\n{string.Join('\n', hidden.Take(20))}");
        return skipped;
    }
}
