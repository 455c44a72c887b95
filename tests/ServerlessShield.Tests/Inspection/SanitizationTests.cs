using System.Text;
using System.Text.Json;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

public class SanitizationTests
{
    // Stand-ins with an obvious signal, so these tests exercise the rewrite and not detection quality.
    private sealed class AngleBracketDetector : IInjectionDetector
    {
        public ShieldRule Rule => ShieldRules.CrossSiteScripting;

        public bool IsMatch(ReadOnlySpan<char> value) => value.Contains("<b", StringComparison.OrdinalIgnoreCase) || value.Contains("<script", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class SemicolonDetector : IInjectionDetector
    {
        public ShieldRule Rule => ShieldRules.CommandInjection;

        public bool IsMatch(ReadOnlySpan<char> value) => value.Contains(";rm", StringComparison.Ordinal);
    }

    private sealed class StripTagsCleaner : IHtmlFieldSanitizer
    {
        public string Sanitize(string html) => html.Replace("<script>", string.Empty, StringComparison.Ordinal).Replace("</script>", string.Empty, StringComparison.Ordinal);
    }

    private static TestEngine Engine(ShieldOptions options, IHtmlFieldSanitizer? html = null)
    {
        options.RequireOptIn = false;
        return new TestEngine(options, p => p.Replace<PayloadInspectionMiddleware>(
            new PayloadInspectionMiddleware(new InjectionScanner([new AngleBracketDetector(), new SemicolonDetector()]), html)));
    }

    private static async Task<(InvocationResult Result, string Seen)> Run(TestEngine engine, string json)
    {
        var seen = string.Empty;
        var result = await engine.RunAsync("f", [TestEngine.Json(json)], c =>
        {
            seen = Encoding.UTF8.GetString(c.Inputs[0].Data.Span);
            return ValueTask.CompletedTask;
        });
        return (result, seen);
    }

    [Fact]
    public async Task SanitizeMode_HtmlEncodesTheField_AndTheHandlerReceivesTheRewrittenPayload()
    {
        var engine = Engine(new ShieldOptions { Rules = { ["cross-site-scripting"] = RuleMode.Sanitize } });

        var (result, seen) = await Run(engine, "{\"name\":\"Ann\",\"bio\":\"<b onmouseover=alert(1)>hi</b>\",\"n\":1.50,\"ok\":true,\"x\":null}");

        Assert.Equal(ShieldOutcomeKind.Sanitized, result.Outcome.Kind);
        Assert.True(result.HandlerRan);
        using var doc = JsonDocument.Parse(seen);
        Assert.Equal("&lt;b onmouseover=alert(1)&gt;hi&lt;/b&gt;", doc.RootElement.GetProperty("bio").GetString());
        Assert.Equal("Ann", doc.RootElement.GetProperty("name").GetString());
        Assert.Equal("1.50", doc.RootElement.GetProperty("n").GetRawText());
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("x").ValueKind);
    }

    [Fact]
    public async Task SanitizeMode_EncodedPayload_IsDecodedBeforeEncoding()
    {
        var engine = Engine(new ShieldOptions { Rules = { ["SHIELD1003"] = RuleMode.Sanitize } });

        var (_, seen) = await Run(engine, "{\"q\":\"%3Cscript%3Ex%3C/script%3E\"}");

        Assert.Equal("&lt;script&gt;x&lt;/script&gt;", JsonDocument.Parse(seen).RootElement.GetProperty("q").GetString());
    }

    [Fact]
    public async Task SanitizeMode_RuleWithoutASanitizer_StillBlocks()
    {
        var engine = Engine(new ShieldOptions { Rules = { ["command-injection"] = RuleMode.Sanitize } });

        var (result, _) = await Run(engine, "{\"file\":\"a;rm -rf /\"}");

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.False(result.HandlerRan);
    }

    [Fact]
    public async Task SanitizeMode_NulAndControlCharacters_AreRemoved()
    {
        var engine = Engine(new ShieldOptions { Rules = { ["nul-character"] = RuleMode.Sanitize } });

        var (result, seen) = await Run(engine, "{\"file\":\"report.pdf\\u0000.exe\"}");

        Assert.Equal(ShieldOutcomeKind.Sanitized, result.Outcome.Kind);
        Assert.Equal("report.pdf.exe", JsonDocument.Parse(seen).RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public async Task AllowHtmlField_IsCleanedWithTheHtmlSanitizer_EvenInBlockMode()
    {
        var options = new ShieldOptions { Fields = { ["body.comment"] = new FieldShieldOptions { AllowHtml = true } } };
        var engine = Engine(options, new StripTagsCleaner());

        var (result, seen) = await Run(engine, "{\"comment\":\"<b>bold</b><script>alert(1)</script>\",\"title\":\"plain\"}");

        Assert.Equal(ShieldOutcomeKind.Sanitized, result.Outcome.Kind);
        Assert.Equal("<b>bold</b>alert(1)", JsonDocument.Parse(seen).RootElement.GetProperty("comment").GetString());
    }

    [Fact]
    public async Task AllowHtml_AppliesOnlyToMatchingFields()
    {
        var options = new ShieldOptions { Fields = { ["body.comments[*].text"] = new FieldShieldOptions { AllowHtml = true } } };
        var engine = Engine(options, new StripTagsCleaner());

        var (allowed, _) = await Run(engine, "{\"comments\":[{\"text\":\"<b>x</b>\"},{\"text\":\"<b>y</b>\"}]}");
        var (blocked, _) = await Run(engine, "{\"title\":\"<b>x</b>\"}");

        Assert.Equal(ShieldOutcomeKind.Sanitized, allowed.Outcome.Kind);
        Assert.Equal(ShieldOutcomeKind.Blocked, blocked.Outcome.Kind);
    }

    [Fact]
    public async Task SkippedField_IsNotInspected_ButOtherFieldsAre()
    {
        var options = new ShieldOptions { Fields = { ["body.*.sample"] = new FieldShieldOptions { Skip = true } } };
        var engine = Engine(options);

        var (skipped, _) = await Run(engine, "{\"docs\":{\"sample\":\"<script>\"}}");
        var (other, _) = await Run(engine, "{\"docs\":{\"other\":\"<script>\"}}");

        Assert.Equal(ShieldOutcomeKind.Allowed, skipped.Outcome.Kind);
        Assert.Equal(ShieldOutcomeKind.Blocked, other.Outcome.Kind);
    }

    [Fact]
    public async Task SanitizeMode_TextInput_IsRewrittenWhole()
    {
        var engine = Engine(new ShieldOptions { Rules = { ["cross-site-scripting"] = RuleMode.Sanitize } });
        var seen = string.Empty;

        var result = await engine.RunAsync("f", [new ShieldInput("message", Encoding.UTF8.GetBytes("hello <b>world</b>\r\nSet-Cookie: x"), InputFormat.Text)], c =>
        {
            seen = Encoding.UTF8.GetString(c.Inputs[0].Data.Span);
            Assert.True(c.Inputs[0].IsSanitized);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(ShieldOutcomeKind.Sanitized, result.Outcome.Kind);
        Assert.Equal("hello &lt;b&gt;world&lt;/b&gt;  Set-Cookie: x", seen);
    }

    [Theory]
    [InlineData("body.a", "body.a", true)]
    [InlineData("body.*", "body.a", true)]
    [InlineData("body.*", "body.a.b", false)]
    [InlineData("body.items[*].note", "body.items[12].note", true)]
    [InlineData("body.items[*].note", "body.items.note", false)]
    [InlineData("body.a", "body.ab", false)]
    public void FieldPattern_Matches(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new FieldPattern(pattern).IsMatch(path));
    }
}
