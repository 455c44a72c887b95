using System.IO.Compression;
using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

// A gzip record (CloudWatch Logs through Kinesis or Firehose, log shippers) is inspected as what it inflates to, within
// the payload limit; it reaches the handler as it came.
public class GzipInputTests
{
    [Fact]
    public async Task AttackInsideGzip_IsBlocked()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [new ShieldInput("record", Gzip("{\"message\":\"GET /?id=1' union select password from users--\"}"))]);

        Assert.Equal(ShieldRules.SqlInjection, result.Outcome.Rule);
        Assert.Equal("record.message", result.Findings[0].FieldPath);
        Assert.False(result.HandlerRan);
    }

    [Fact]
    public async Task CleanGzip_ReachesTheHandlerUnchanged()
    {
        var engine = new TestEngine();
        var bytes = Gzip("{\"logEvents\":[{\"id\":\"1\",\"message\":\"user 42 signed in from 203.0.113.7\"}]}");
        byte[]? seen = null;

        var result = await engine.RunAsync("f", [new ShieldInput("record", bytes)], c =>
        {
            seen = c.Inputs[0].Data.ToArray();
            return ValueTask.CompletedTask;
        });

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
        Assert.Equal(bytes, seen);
    }

    [Fact]
    public async Task GzipThatInflatesPastTheLimit_IsDecodedTooLarge()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Limits = { MaxPayloadBytes = 64 * 1024 } });

        var result = await engine.RunAsync("f", [new ShieldInput("record", Gzip(new string('a', 1024 * 1024)))]);

        Assert.Equal(ShieldRules.DecodedTooLarge, result.Outcome.Rule);
    }

    // Rewriting would hand the handler inflated bytes where it expects gzip: a finding inside blocks instead.
    [Fact]
    public async Task SanitizeMode_FindingInsideGzip_Blocks()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Rules = { ["cross-site-scripting"] = RuleMode.Sanitize } });

        var result = await engine.RunAsync("f", [new ShieldInput("record", Gzip("{\"bio\":\"<img src=x onerror=alert(1)>\"}"))]);

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
    }

    [Fact]
    public async Task GzipHeaderOnCorruptBytes_IsReadAsBinary()
    {
        var engine = new TestEngine();
        var bytes = Gzip("{\"ok\":true}");
        bytes[12] ^= 0xFF;
        bytes[13] ^= 0xFF;

        var result = await engine.RunAsync("f", [new ShieldInput("record", bytes)]);

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    // Declared text and JSON are not inflated unless the request says it is gzip-encoded.
    [Fact]
    public async Task DeclaredJson_IsNotInflated()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [new ShieldInput("body", Gzip("{\"q\":\"1' union select password from users--\"}"), InputFormat.Json)]);

        Assert.NotEqual(ShieldRules.SqlInjection, result.Outcome.Rule);
        Assert.True(result.Outcome.IsRejected);
    }

    // Analytics and mobile SDKs compress large JSON batches (Content-Encoding: gzip); the function inflates them.
    [Fact]
    public async Task JsonBodyWithContentEncodingGzip_IsInspectedInflated()
    {
        var engine = new TestEngine();
        var http = new HttpRequestParts
        {
            Method = "POST",
            ContentType = "application/json",
            Headers = [new("Content-Encoding", "gzip")],
        };
        var clean = Gzip("{\"batch\":[{\"event\":\"page_view\",\"url\":\"/pricing\"}]}");
        var attack = Gzip("{\"batch\":[{\"event\":\"search\",\"q\":\"1' union select password from users--\"}]}");

        var allowed = await engine.RunAsync("f", [new ShieldInput("body", clean, InputFormat.Json)], http: http);
        var blocked = await engine.RunAsync("f", [new ShieldInput("body", attack, InputFormat.Json)], http: http);

        Assert.Equal(ShieldOutcomeKind.Allowed, allowed.Outcome.Kind);
        Assert.Equal(ShieldRules.SqlInjection, blocked.Outcome.Rule);
        Assert.Equal("body.batch[0].q", blocked.Findings[0].FieldPath);
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
}
