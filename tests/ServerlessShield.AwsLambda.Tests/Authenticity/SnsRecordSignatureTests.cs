using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Authenticity;

// The Lambda adapter hands each Records[].Sns envelope to the core's SNS signature check (Lambda spells SigningCertUrl).
public sealed class SnsRecordSignatureTests : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;

    public SnsRecordSignatureTests()
    {
        _certificate = new CertificateRequest("CN=sns", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private ShieldedFunction Function()
    {
        var options = new LambdaShieldOptions
        {
            ConfigurePipeline = b => b.Replace<SnsSignatureMiddleware>(new SnsSignatureMiddleware(new Fetcher(_certificate))),
        };
        options.Shield.ForFunction(TestLambdaContext.Create().FunctionName, f => f.Authenticity.VerifySnsSignature = true);
        return new ShieldedFunction(options: options);
    }

    private byte[] SignedEvent(string? messageOverride = null) => Fixtures.With("sns", root =>
    {
        var sns = root["Records"]![0]!["Sns"]!.AsObject();
        var text = string.Concat(new[] { "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type" }
            .Select(n => n + "\n" + sns[n]!.GetValue<string>() + "\n"));
        sns["Signature"] = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        if (messageOverride is not null)
        {
            sns["Message"] = messageOverride;
        }
    });

    [Fact]
    public async Task SignedRecord_ReachesTheHandler()
    {
        var function = Function();

        await function.InvokeAsync(SignedEvent());

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task ForgedRecord_FailsTheInvocationWithoutReachingTheHandler()
    {
        var function = Function();

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(SignedEvent("transfer everything")));

        Assert.Equal("SHIELD5301", error.Code);
        Assert.Empty(function.Received);
    }

    private sealed class Fetcher(X509Certificate2 certificate) : ISnsCertificateFetcher
    {
        public Task<X509Certificate2> FetchAsync(Uri certificateUrl, CancellationToken cancellationToken) =>
            Task.FromResult(X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)));
    }
}
