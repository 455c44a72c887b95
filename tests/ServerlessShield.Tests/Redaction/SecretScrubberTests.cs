namespace ServerlessShield.Tests.Redaction;

public class SecretScrubberTests
{
    // Canaries built at run time, so no secret-looking literal sits in the source.
    private static readonly string AccountKey = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)(i * 7)).ToArray());
    private static readonly string AwsKeyId = "AKIA" + "Q3EXAMPLE7CANARY";
    private static readonly string Jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJjYW5hcnkifQ" + ".c2lnbmF0dXJlLWNhbmFyeQ";

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Scrub_RemovesTheSecret_AndKeepsTheContext(string text, string secret)
    {
        var scrubbed = SecretScrubber.Default.Scrub(text);

        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.Contains(SecretScrubber.Marker, scrubbed, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Secrets() => new()
    {
        { $"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={AccountKey};EndpointSuffix=core.windows.net", AccountKey },
        { $"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey={AccountKey}", AccountKey },
        { "Server=db;User Id=app;Password=Tr0ub4dor&3x;", "Tr0ub4dor" },
        { "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sig=abcDEF123%2Bxyz%3D&se=2026", "abcDEF123" },
        { $"using key {AwsKeyId} for s3", AwsKeyId },
        { "aws_secret_access_key = wJalrXUtnFEMIK7MDENGbPxRfiCYCANARYKEY01", "wJalrXUtnFEMI" },
        { "Authorization: Bearer abcdef0123456789ghijkl", "abcdef0123456789" },
        { $"token was {Jwt} at login", Jwt },
        { "card 4111 1111 1111 1111 declined", "4111 1111 1111 1111" },
        { "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAcanary\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEAcanary" },
        { "{\"client_secret\":\"s3cr3t-canary-value\"}", "s3cr3t-canary-value" },
    };

    [Theory]
    [InlineData("order 12345 shipped to Dublin")]
    [InlineData("reference 1234 5678 9012 3456 is not a valid card")]
    [InlineData("the password policy requires 12 characters")]
    [InlineData("See https://learn.microsoft.com/dotnet")]
    public void Scrub_LeavesOrdinaryTextAlone(string text)
    {
        Assert.Equal(text, SecretScrubber.Default.Scrub(text));
    }

    [Fact]
    public void Scrub_ConfiguredLiteralsAndKeyNames_AreRemoved()
    {
        var scrubber = new SecretScrubber(["x-tenant-key"], ["literal-canary-value"]);

        var scrubbed = scrubber.Scrub("x-tenant-key: tk_live_999 and literal-canary-value");

        Assert.DoesNotContain("tk_live_999", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("literal-canary-value", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void ScrubbedException_ScrubsMessageStackAndInnerExceptions()
    {
        Exception original;
        try
        {
            try
            {
                throw new InvalidOperationException($"inner AccountKey={AccountKey}");
            }
            catch (InvalidOperationException inner)
            {
                throw new ApplicationException("outer Password=hunter2-canary", inner);
            }
        }
        catch (ApplicationException ex)
        {
            original = ex;
        }

        var scrubbed = new ScrubbedException(original);

        Assert.DoesNotContain("hunter2-canary", scrubbed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, scrubbed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-canary", scrubbed.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApplicationException", scrubbed.ToString(), StringComparison.Ordinal);
        Assert.Equal(typeof(ApplicationException).FullName, scrubbed.OriginalType);
    }

    [Fact]
    public void Scrub_IsLinear_OnAdversarialInput()
    {
        var text = string.Concat(Enumerable.Repeat("password=password=Bearer eyJ.eyJ.4111 ", 50_000));

        var scrubbed = SecretScrubber.Default.Scrub(text);

        Assert.NotNull(scrubbed);
    }
}
