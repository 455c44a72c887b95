using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Authenticity;

// Signs SNS messages with a key and self-signed certificate made here; the fetcher hands that certificate back.
public sealed class SnsSignatureTests : IDisposable
{
    private const string CertUrl = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem";
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly FakeFetcher _fetcher;

    public SnsSignatureTests()
    {
        var request = new CertificateRequest("CN=sns.amazonaws.com", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        _fetcher = new FakeFetcher(_certificate);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private TestEngine Engine(ISnsCertificateFetcher? fetcher = null)
    {
        var options = new ShieldOptions { RequireOptIn = false }.ForFunction("Topic", f => f.Authenticity.VerifySnsSignature = true);
        // Injection detectors off: these tests are about signatures (a userinfo URL would also be an SSRF finding).
        return new TestEngine(options, b => b
            .Replace<SnsSignatureMiddleware>(new SnsSignatureMiddleware(fetcher ?? _fetcher))
            .Replace<PayloadInspectionMiddleware>(new PayloadInspectionMiddleware(new InjectionScanner([]), null)));
    }

    private Dictionary<string, string?> Notification(string version = "2", bool subject = true, string certUrl = CertUrl)
    {
        var message = new Dictionary<string, string?>
        {
            ["Type"] = "Notification",
            ["MessageId"] = "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
            ["TopicArn"] = "arn:aws:sns:eu-west-1:123456789012:orders",
            ["Subject"] = subject ? "Order shipped" : null,
            ["Message"] = "{\"orderId\":\"A-17\",\"note\":\"line one\\nline two\"}",
            ["Timestamp"] = "2026-03-01T12:00:00.000Z",
            ["SignatureVersion"] = version,
            ["SigningCertURL"] = certUrl,
            ["UnsubscribeURL"] = "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe",
        };
        Sign(message, subject ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] : ["Message", "MessageId", "Timestamp", "TopicArn", "Type"]);
        return message;
    }

    private Dictionary<string, string?> Confirmation(string type)
    {
        var message = new Dictionary<string, string?>
        {
            ["Type"] = type,
            ["MessageId"] = "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
            ["Token"] = "2336412f37fb687f5d51e6e2425f004aed7b7526c3c1c7b7e5a1e0d2f4b",
            ["TopicArn"] = "arn:aws:sns:eu-west-1:123456789012:orders",
            ["Message"] = "You have chosen to subscribe to the topic.",
            ["SubscribeURL"] = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f",
            ["Timestamp"] = "2026-03-01T12:00:00.000Z",
            ["SignatureVersion"] = "1",
            ["SigningCertURL"] = CertUrl,
        };
        Sign(message, ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]);
        return message;
    }

    // Written from the AWS field order independently of the code under test.
    private void Sign(Dictionary<string, string?> message, string[] order)
    {
        var text = string.Concat(order.Select(n => n + "\n" + message[n] + "\n"));
        var hash = message["SignatureVersion"] == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        message["Signature"] = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), hash, RSASignaturePadding.Pkcs1));
    }

    private static string Json(Dictionary<string, string?> message) =>
        JsonSerializer.Serialize(message.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value), SnsJson.Default.DictionaryStringString);

    private static Task<InvocationResult> PostAsync(TestEngine engine, string body) =>
        engine.RunAsync("Topic", [TestEngine.Json(body)], http: new HttpRequestParts { Method = "POST", ContentType = "text/plain; charset=UTF-8" });

    [Theory]
    [InlineData("1", true)]
    [InlineData("2", true)]
    [InlineData("2", false)]
    public async Task Notification_SignedBySns_HandlerRuns(string version, bool subject)
    {
        var result = await PostAsync(Engine(), Json(Notification(version, subject)));

        Assert.True(result.HandlerRan, string.Join(", ", result.Findings.Select(f => f.Code)));
    }

    [Theory]
    [InlineData("SubscriptionConfirmation")]
    [InlineData("UnsubscribeConfirmation")]
    public async Task Confirmation_SignedBySns_HandlerRuns(string type) =>
        Assert.True((await PostAsync(Engine(), Json(Confirmation(type)))).HandlerRan);

    [Theory]
    [InlineData("Message", "{\"orderId\":\"A-18\"}")]
    [InlineData("TopicArn", "arn:aws:sns:eu-west-1:123456789012:other")]
    [InlineData("Subject", "Refund")]
    [InlineData("Type", "SubscriptionConfirmation")]
    public async Task Notification_TamperedField_Blocked401(string field, string value)
    {
        var message = Notification();
        message[field] = value;

        var result = await PostAsync(Engine(), Json(message));

        Assert.False(result.HandlerRan);
        Assert.Equal(ShieldRules.SnsSignatureInvalid, result.Outcome.Rule);
        Assert.Equal(401, result.Outcome.StatusCode);
    }

    [Theory]
    [InlineData("http://sns.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.eu-west-1.amazonaws.com.evil.example/cert.pem")]
    [InlineData("https://evil.example/sns.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://s3.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.eu-west-1.amazonaws.com:8443/cert.pem")]
    [InlineData("https://user:pw@sns.eu-west-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.eu-west-1.amazonaws.com/cert.txt")]
    public async Task Notification_CertificateOutsideSns_BlockedWithoutFetching(string url)
    {
        var result = await PostAsync(Engine(), Json(Notification(certUrl: url)));

        Assert.False(result.HandlerRan);
        Assert.Equal("untrusted-certificate-url", Assert.Single(result.Findings).Code);
        Assert.Equal(0, _fetcher.Calls);
    }

    [Fact]
    public async Task Notification_ChinaRegionHost_Accepted() =>
        Assert.True((await PostAsync(Engine(), Json(Notification(certUrl: "https://sns.cn-north-1.amazonaws.com.cn/cert.pem")))).HandlerRan);

    [Fact]
    public async Task Notification_SignedByAnotherKey_Blocked()
    {
        using var other = RSA.Create(2048);
        var otherCertificate = new CertificateRequest("CN=x", other, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var result = await PostAsync(Engine(new FakeFetcher(otherCertificate)), Json(Notification()));

        Assert.Equal("signature-mismatch", Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("3")]
    [InlineData(null)]
    public async Task Notification_UnknownSignatureVersion_Blocked(string? version)
    {
        var message = Notification();
        message["SignatureVersion"] = version;

        Assert.Equal("unsupported-signature-version", Assert.Single((await PostAsync(Engine(), Json(message))).Findings).Code);
    }

    [Fact]
    public async Task Notification_NotJson_Blocked() =>
        Assert.False((await PostAsync(Engine(), "hello")).HandlerRan);

    [Fact]
    public async Task Certificate_FetchedOnceAndCached()
    {
        var engine = Engine();

        await PostAsync(engine, Json(Notification()));
        await PostAsync(engine, Json(Notification("1")));

        Assert.Equal(1, _fetcher.Calls);
    }

    [Fact]
    public async Task Certificate_FetchFails_BlockedAndRetriedNextTime()
    {
        var failing = new FakeFetcher(null);
        var engine = Engine(failing);

        Assert.Equal("certificate-unavailable", Assert.Single((await PostAsync(engine, Json(Notification()))).Findings).Code);
        await PostAsync(engine, Json(Notification()));

        Assert.Equal(2, failing.Calls);
    }

    [Fact]
    public async Task LambdaRecords_EachVerified_OneForgedBlocksTheInvocation()
    {
        var engine = Engine();
        var good = Encoding.UTF8.GetBytes(Json(Notification()));
        var forged = Notification();
        forged["Message"] = "forged";
        var policy = engine.Engine.Policies.GetPolicy("Topic");
        var context = engine.Engine.Rent(policy);
        try
        {
            context.Source = new EventSourceInfo(EventSourceKind.PubSub, "aws:sns");
            context.SetProperty(SnsSignatureMiddleware.MessagesKey, [good, Encoding.UTF8.GetBytes(Json(forged))]);
            var ran = false;
            context.Handler = _ => { ran = true; return ValueTask.CompletedTask; };

            await engine.Engine.RunAsync(context);

            Assert.False(ran);
            Assert.Equal("Records[1].Sns", Assert.Single(context.Findings).FieldPath);
        }
        finally
        {
            engine.Engine.Return(context);
        }
    }

    [Fact]
    public async Task NonHttpWithoutSnsMessages_FailsClosed() =>
        Assert.Equal("no-sns-message", Assert.Single((await Engine().RunAsync("Topic", [TestEngine.Json("{}")])).Findings).Code);

    private sealed class FakeFetcher(X509Certificate2? certificate) : ISnsCertificateFetcher
    {
        public int Calls;

        public Task<X509Certificate2> FetchAsync(Uri certificateUrl, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return certificate is null
                ? Task.FromException<X509Certificate2>(new HttpRequestException("unreachable"))
                : Task.FromResult(X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class SnsJson : System.Text.Json.Serialization.JsonSerializerContext;
