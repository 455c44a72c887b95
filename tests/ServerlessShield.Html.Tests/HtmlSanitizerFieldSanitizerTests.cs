using System.Text;
using System.Text.Json;

namespace ServerlessShield.Html.Tests;

public class HtmlSanitizerFieldSanitizerTests
{
    private sealed class TagDetector : IInjectionDetector
    {
        public ShieldRule Rule => ShieldRules.CrossSiteScripting;

        public bool IsMatch(ReadOnlySpan<char> value) => value.Contains('<');
    }

    [Theory]
    [InlineData("<p>Hello <b>world</b></p>", "<p>Hello <b>world</b></p>")]
    [InlineData("<img src=x onerror=alert(1)>", "<img src=\"x\">")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<script>alert(1)</script>ok", "ok")]
    public void Sanitize_KeepsSafeMarkup_RemovesActiveContent(string html, string expected)
    {
        Assert.Equal(expected, new HtmlSanitizerFieldSanitizer().Sanitize(html));
    }

    [Fact]
    public async Task UseHtmlSanitizer_CleansAllowedHtmlFields_AndTheHandlerSeesTheCleanHtml()
    {
        var options = new ShieldOptions { RequireOptIn = false, Fields = { ["body.comment"] = new FieldShieldOptions { AllowHtml = true } } };
        var engine = ShieldEngine.Create(options, configurePipeline: p => p
            .UseHtmlSanitizer()
            .Replace<PayloadInspectionMiddleware>(new PayloadInspectionMiddleware(new InjectionScanner([new TagDetector()]), new HtmlSanitizerFieldSanitizer())));
        var context = engine.Rent(engine.Policies.GetPolicy("f"));
        var seen = string.Empty;
        context.Inputs.Add(new ShieldInput("body", Encoding.UTF8.GetBytes("{\"comment\":\"<p>nice <img src=x onerror=alert(1)></p>\"}"), InputFormat.Json));
        context.Handler = c => { seen = Encoding.UTF8.GetString(c.Inputs[0].Data.Span); return ValueTask.CompletedTask; };

        await engine.RunAsync(context);

        Assert.Equal(ShieldOutcomeKind.Sanitized, context.Outcome.Kind);
        Assert.Equal("<p>nice <img src=\"x\"></p>", JsonDocument.Parse(seen).RootElement.GetProperty("comment").GetString());
        engine.Return(context);
    }
}
