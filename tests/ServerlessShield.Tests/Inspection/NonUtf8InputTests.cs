using System.IO.Compression;
using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

// Queue messages, stream records, blobs and uploads may be binary: an image, a protobuf or Avro record, gzip. Nothing
// declared them text, so bytes that are not UTF-8 are not a finding; the text a handler can read out of them is.
public class NonUtf8InputTests
{
    private static readonly string[] Attacks = EncodedContentAttacks.All;

    private static readonly string[] Prose =
    [
        "Order 1182 shipped to the warehouse in Rotterdam",
        "Please call me back after 5pm, thanks!",
        "sensor-17 temperature reading within range",
        "Thermostat firmware 4.2.1 (build 2291)",
        "Customer asked for a refund on the blue jacket",
    ];

    [Fact]
    public async Task RandomBinary_IsAllowed()
    {
        var engine = new TestEngine();
        var random = new Random(2026);
        var flagged = 0;
        for (var n = 0; n < 2_000; n++)
        {
            var bytes = new byte[4096];
            random.NextBytes(bytes);
            var result = await engine.RunAsync("f", [new ShieldInput("record", bytes)]);
            flagged += result.Findings.Count > 0 ? 1 : 0;
        }

        Assert.Equal(0, flagged);
    }

    [Fact]
    public async Task GzipOfText_IsAllowed()
    {
        var engine = new TestEngine();
        var random = new Random(11);
        for (var n = 0; n < 300; n++)
        {
            var lines = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"{{\"seq\":{i},\"note\":\"{Prose[random.Next(Prose.Length)]}\"}}"));
            var result = await engine.RunAsync("f", [new ShieldInput("record", Gzip(lines))]);
            Assert.Empty(result.Findings);
            Assert.True(result.HandlerRan);
        }
    }

    [Fact]
    public async Task ProtobufRecord_BenignStrings_IsAllowed()
    {
        var engine = new TestEngine();
        foreach (var text in Prose)
        {
            var result = await engine.RunAsync("f", [new ShieldInput("record", Protobuf(text, 1182, "sensor-17"))]);
            Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
        }
    }

    [Fact]
    public async Task ProtobufRecord_AttackInAStringField_IsBlocked()
    {
        var engine = new TestEngine();
        foreach (var attack in Attacks)
        {
            var result = await engine.RunAsync("f", [new ShieldInput("record", Protobuf("Order shipped", 7, attack))]);
            Assert.True(result.Outcome.IsRejected, attack);
            Assert.False(result.HandlerRan);
            Assert.Equal("record", result.Findings[0].FieldPath);
        }
    }

    [Fact]
    public async Task AttackFollowedByRandomBytes_IsBlocked()
    {
        var engine = new TestEngine();
        var random = new Random(5);
        foreach (var attack in Attacks)
        {
            var garbage = new byte[2048];
            random.NextBytes(garbage);
            var result = await engine.RunAsync("f", [new ShieldInput("record", (byte[])[.. Encoding.UTF8.GetBytes(attack), .. garbage])]);
            Assert.True(result.Outcome.IsRejected, attack);
        }
    }

    // Text in a legacy single-byte encoding is mostly ASCII with a few invalid bytes: it is inspected whole.
    [Fact]
    public async Task Latin1Text_IsInspectedWhole()
    {
        var engine = new TestEngine();
        var latin1 = Encoding.Latin1;

        var clean = await engine.RunAsync("f", [new ShieldInput("message", latin1.GetBytes("Caf\u00e9 cr\u00e8me for the r\u00e9sum\u00e9 meeting, table 4"))]);
        var attack = await engine.RunAsync("f", [new ShieldInput("message", latin1.GetBytes("Commande du caf\u00e9 pour la table 4 ; cat /etc/passwd"))]);

        Assert.Equal(ShieldOutcomeKind.Allowed, clean.Outcome.Kind);
        Assert.True(attack.Outcome.IsRejected);
    }

    // 0xC0 0xAE is '.' spelled the long way; a lenient decoder reads the path that way.
    [Fact]
    public async Task OverlongDotsInBytes_ReadAsTraversal()
    {
        var engine = new TestEngine();
        byte[] dots = [0xC0, 0xAE, 0xC0, 0xAE, (byte)'/'];
        byte[] bytes = [.. dots, .. dots, .. dots, .. "etc/passwd"u8];

        var result = await engine.RunAsync("f", [new ShieldInput("message", bytes)]);

        Assert.Equal(ShieldRules.PathTraversal, result.Outcome.Rule);
    }

    // Declared text and JSON stay strict: invalid UTF-8 there is malformed input, not another kind of content.
    [Theory]
    [InlineData(InputFormat.Text)]
    [InlineData(InputFormat.Json)]
    public async Task DeclaredTextOrJson_NotUtf8_IsBlocked(InputFormat format)
    {
        var engine = new TestEngine();
        byte[] bytes = format == InputFormat.Json ? [.. "{\"a\":\"x"u8, 0xFF, .. "\"}"u8] : [0x61, 0xFF, 0x62];

        var result = await engine.RunAsync("f", [new ShieldInput("message", bytes, format)]);

        Assert.Equal(ShieldRules.InvalidUtf8, result.Outcome.Rule);
    }

    // Binary cannot be rewritten without corrupting it: a finding there blocks even where the rule sanitizes.
    [Fact]
    public async Task SanitizeMode_FindingInBinary_Blocks()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Rules = { ["cross-site-scripting"] = RuleMode.Sanitize } });

        var result = await engine.RunAsync("f", [new ShieldInput("record", Protobuf("hello", 1, Attacks[1]))]);

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.Equal(FindingAction.Blocked, result.Findings[0].Action);
    }

    [Fact]
    public void Decode_ValidStretchesOverlongPairsAndInvalidBytes()
    {
        byte[] bytes = [.. "ab"u8, 0xC0, 0xAF, 0xFF, .. "\u00e9"u8, 0xE2, 0x82, .. "z"u8];
        var chars = new char[bytes.Length];

        var text = new string(chars, 0, NonUtf8Text.Decode(bytes, chars));

        Assert.Equal("ab/\uFFFD\u00e9\uFFFDz", text);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    // A message with a string field, a varint field, a nested message and another string field, in protobuf's wire
    // format: length prefixes and tags are bytes of any value, some of them printable.
    private static byte[] Protobuf(string first, long number, string second)
    {
        var output = new List<byte>();
        void Varint(ulong value)
        {
            for (; value >= 0x80; value >>= 7)
            {
                output.Add((byte)(value | 0x80));
            }

            output.Add((byte)value);
        }

        void Text(int field, string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Varint((ulong)(field << 3 | 2));
            Varint((ulong)bytes.Length);
            output.AddRange(bytes);
        }

        Text(1, first);
        Varint(2 << 3);
        Varint((ulong)number);
        Varint(3 << 3 | 2);
        Varint(9);
        output.AddRange([0x08, 0x96, 0x01, 0x11, 0x00, 0x00, 0x00, 0x00, 0xFE]);
        Text(4, second);
        output.AddRange([0x2D, 0x00, 0x00, 0x80, 0xBF]);
        return [.. output];
    }
}
