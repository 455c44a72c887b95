using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

// A record, blob or message body written in UTF-16 or UTF-32 starts with a byte order mark, and the readers handlers
// use (StreamReader, File.ReadAllText) decode it by that mark. Read as UTF-8 it is binary with no text run long
// enough to inspect, so an attack encoded that way would reach the handler unseen.
public class UnicodeByteOrderMarkInputTests
{
    public static TheoryData<string> Encodings => ["utf-16le", "utf-16be", "utf-32le", "utf-32be"];

    private static readonly string[] Attacks = EncodedContentAttacks.All;

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task AttackText_IsBlocked(string name)
    {
        var engine = new TestEngine();
        foreach (var attack in Attacks)
        {
            var result = await engine.RunAsync("f", [new ShieldInput("record", WithMark(name, attack))]);

            Assert.True(result.Outcome.IsRejected, $"{name}: {attack}");
            Assert.False(result.HandlerRan);
            Assert.StartsWith("record", result.Findings[0].FieldPath, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task ProseAndNonLatinText_IsAllowed(string name)
    {
        var engine = new TestEngine();
        foreach (var text in (string[])["Order 1182 shipped to the warehouse in Rotterdam", "Zürich, São Paulo, Dún Laoghaire", "東京都渋谷区の倉庫から発送しました", "Emoji in a note: 📦🚚"])
        {
            var result = await engine.RunAsync("f", [new ShieldInput("record", WithMark(name, text))]);

            Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
            Assert.True(result.HandlerRan);
        }
    }

    // JSON written in UTF-16 is walked as JSON once decoded: the finding names its field, and a clean document passes.
    [Fact]
    public async Task Utf16Json_IsWalkedField_ByField()
    {
        var engine = new TestEngine();

        var clean = await engine.RunAsync("f", [new ShieldInput("record", WithMark("utf-16le", "{\"note\": \"Leave it at the door; thanks!\", \"qty\": 2}"))]);
        var attack = await engine.RunAsync("f", [new ShieldInput("record", WithMark("utf-16le", "{\"note\": \"x' or '1'='1\", \"qty\": 2}"))]);

        Assert.Equal(ShieldOutcomeKind.Allowed, clean.Outcome.Kind);
        Assert.Equal(ShieldRules.SqlInjection, attack.Outcome.Rule);
        Assert.Equal("record.note", attack.Findings[0].FieldPath);
    }

    // A UTF-16 body cannot be rewritten in place as UTF-8: what the rule would sanitize blocks instead.
    [Fact]
    public async Task SanitizeMode_FindingInUtf16_Blocks()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Rules = { ["cross-site-scripting"] = RuleMode.Sanitize } });

        var result = await engine.RunAsync("f", [new ShieldInput("record", WithMark("utf-16le", Attacks[1]))]);

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.Equal(FindingAction.Blocked, result.Findings[0].Action);
    }

    // Invalid code units decode to U+FFFD, as the handler's reader decodes them: no exception, and the text around
    // them is still read.
    [Fact]
    public async Task LoneSurrogates_AreReplaced_AndTheRestIsRead()
    {
        var engine = new TestEngine();
        byte[] loneSurrogate = [0x00, 0xD8];

        byte[] bytes = [0xFF, 0xFE, .. loneSurrogate, .. Encoding.Unicode.GetBytes(Attacks[0])];

        var result = await engine.RunAsync("f", [new ShieldInput("record", bytes)]);

        Assert.Equal(ShieldRules.SqlInjection, result.Outcome.Rule);
    }

    // Declared JSON stays UTF-8 only, as System.Text.Json reads it: a UTF-16 body declared as JSON is invalid.
    [Fact]
    public async Task DeclaredJson_InUtf16_IsInvalid()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [new ShieldInput("body", WithMark("utf-16le", "{\"a\": 1}"), InputFormat.Json)]);

        Assert.True(result.Outcome.IsRejected);
    }

    private static byte[] WithMark(string name, string text)
    {
        var encoding = Encoding.GetEncoding(name);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }
}
