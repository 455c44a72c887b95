using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Authenticity;

public class WebhookSignatureTests
{
    private const string Secret = "whsec_test_secret_made_up_for_tests";
    private const string Body = """{"action":"opened","number":42}""";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TestEngine Engine(Action<MessageAuthenticityOptions> configure, RuleMode? mode = null)
    {
        var options = new ShieldOptions { RequireOptIn = false }.ForFunction("Hook", f =>
        {
            f.Authenticity.Secret = Secret;
            configure(f.Authenticity);
            if (mode is { } m)
            {
                f.Rules["webhook-signature-invalid"] = m;
            }
        });
        var time = new FixedTime(Now);
        return new TestEngine(options, b => b.Replace<WebhookSignatureMiddleware>(new WebhookSignatureMiddleware(time)));
    }

    private static Task<InvocationResult> Post(TestEngine engine, string body, params (string Name, string Value)[] headers) =>
        engine.RunAsync("Hook", [TestEngine.Json(body)], http: new HttpRequestParts
        {
            Method = "POST",
            ContentType = "application/json",
            Headers = [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
        });

    private static string Hex(byte[] mac) => Convert.ToHexString(mac).ToLowerInvariant();

    private static string GitHubSignature(string body) => "sha256=" + Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));

    private static string StripeSignature(string body, DateTimeOffset at, string secret = Secret)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var v1 = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
        return $"t={t},v1={v1},v0=deadbeef";
    }

    [Fact]
    public async Task GitHub_ValidSignature_HandlerRuns()
    {
        var result = await Post(Engine(a => a.Webhook = WebhookScheme.GitHub), Body, ("X-Hub-Signature-256", GitHubSignature(Body)));

        Assert.True(result.HandlerRan);
        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=not-hex")]
    public async Task GitHub_MissingOrWrongSignature_Blocked401(string? signature)
    {
        var headers = signature is null ? Array.Empty<(string, string)>() : [("X-Hub-Signature-256", signature)];

        var result = await Post(Engine(a => a.Webhook = WebhookScheme.GitHub), Body, headers);

        Assert.False(result.HandlerRan);
        Assert.Equal(ShieldRules.WebhookSignatureInvalid, result.Outcome.Rule);
        Assert.Equal(401, result.Outcome.StatusCode);
        Assert.Equal("headers.X-Hub-Signature-256", Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task GitHub_TamperedBody_Blocked()
    {
        var result = await Post(Engine(a => a.Webhook = WebhookScheme.GitHub), Body.Replace("42", "43", StringComparison.Ordinal), ("X-Hub-Signature-256", GitHubSignature(Body)));

        Assert.False(result.HandlerRan);
        Assert.Equal("signature-mismatch", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public async Task GitHub_MonitorMode_ReportsButLetsThrough()
    {
        var result = await Post(Engine(a => a.Webhook = WebhookScheme.GitHub, RuleMode.Monitor), Body, ("X-Hub-Signature-256", "sha256=00"));

        Assert.True(result.HandlerRan);
        Assert.Equal(FindingAction.Monitored, Assert.Single(result.Findings).Action);
    }

    [Fact]
    public async Task Stripe_ValidWithinTolerance_HandlerRuns()
    {
        var result = await Post(Engine(a => a.Webhook = WebhookScheme.Stripe), Body, ("Stripe-Signature", StripeSignature(Body, Now.AddSeconds(-299))));

        Assert.True(result.HandlerRan);
    }

    [Fact]
    public async Task Stripe_GenuineButStale_BlockedAsReplay()
    {
        var result = await Post(Engine(a => a.Webhook = WebhookScheme.Stripe), Body, ("Stripe-Signature", StripeSignature(Body, Now.AddSeconds(-301))));

        Assert.False(result.HandlerRan);
        Assert.Equal(ShieldRules.WebhookTimestampOutOfTolerance, result.Outcome.Rule);
        Assert.Equal(401, result.Outcome.StatusCode);
    }

    [Fact]
    public async Task Stripe_CustomTolerance_Honoured()
    {
        var engine = Engine(a => { a.Webhook = WebhookScheme.Stripe; a.TimestampToleranceSeconds = 3600; });

        Assert.True((await Post(engine, Body, ("Stripe-Signature", StripeSignature(Body, Now.AddMinutes(-30))))).HandlerRan);
    }

    [Theory]
    [InlineData("t=abc,v1=00")]
    [InlineData("v1=00")]
    [InlineData("t=1")]
    public async Task Stripe_MalformedHeader_Blocked(string header)
    {
        var result = await Post(Engine(a => a.Webhook = WebhookScheme.Stripe), Body, ("Stripe-Signature", header));

        Assert.Equal("malformed-signature", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public async Task Stripe_WrongSecret_Blocked() =>
        Assert.False((await Post(Engine(a => a.Webhook = WebhookScheme.Stripe), Body, ("Stripe-Signature", StripeSignature(Body, Now, "other-secret")))).HandlerRan);

    [Fact]
    public async Task Generic_Base64Sha512WithPrefix_Verified()
    {
        var engine = Engine(a =>
        {
            a.Webhook = WebhookScheme.Generic;
            a.SignatureHeader = "X-Shop-Hmac";
            a.Algorithm = "SHA512";
            a.SignaturePrefix = "v1:";
            a.SignatureEncoding = "base64";
        });
        var good = "v1:" + Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(Body)));

        Assert.True((await Post(engine, Body, ("x-shop-hmac", good))).HandlerRan);
        Assert.False((await Post(engine, Body, ("X-Shop-Hmac", good[3..]))).HandlerRan);
    }

    [Fact]
    public async Task NotOptedIn_NoCheck()
    {
        var engine = new TestEngine();

        Assert.True((await Post(engine, Body)).HandlerRan);
    }

    [Fact]
    public async Task WebhookFunctionReachedWithoutHttp_FailsClosed()
    {
        var result = await Engine(a => a.Webhook = WebhookScheme.GitHub).RunAsync("Hook", [TestEngine.Json(Body)]);

        Assert.False(result.HandlerRan);
        Assert.Equal("not-http", Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData(WebhookScheme.GitHub, null, null, "Secret is required")]
    [InlineData(WebhookScheme.Generic, "s", null, "SignatureHeader is required")]
    [InlineData(WebhookScheme.Generic, "s", "MD5", "Algorithm must be")]
    public void Options_IncompleteWebhook_FailAtStartup(WebhookScheme scheme, string? secret, string? algorithm, string message)
    {
        var options = new ShieldOptions().ForFunction("Hook", f =>
        {
            f.Authenticity.Webhook = scheme;
            f.Authenticity.Secret = secret;
            f.Authenticity.SignatureHeader = scheme == WebhookScheme.Generic && algorithm is not null ? "X-Sig" : null;
            f.Authenticity.Algorithm = algorithm ?? "SHA256";
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => ShieldEngine.Create(options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
