using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Provenance;

// Accounts, API ids and EventBridge sources named by the event, against the allowlists (SHIELD5103).
public sealed class OriginTests
{
    private const string Account = "123456789012";

    private static LambdaShieldOptions Trust(string[]? accounts = null, string[]? apis = null, string[]? sources = null)
    {
        var options = new LambdaShieldOptions();
        options.AllowedAccounts.UnionWith(accounts ?? []);
        options.AllowedApiIds.UnionWith(apis ?? []);
        options.AllowedEventBridgeSources.UnionWith(sources ?? []);
        return options;
    }

    [Theory]
    [InlineData("apigw-rest")]
    [InlineData("apigw-http")]
    [InlineData("function-url")]
    [InlineData("eventbridge")]
    public async Task Wrap_TrustedAccount_ReachesTheHandler(string fixture)
    {
        var function = new ShieldedFunction(options: Trust(accounts: [Account]));

        await function.InvokeAsync(Fixtures.Bytes(fixture));

        Assert.Single(function.Received);
    }

    [Theory]
    [InlineData("apigw-rest")]
    [InlineData("apigw-http")]
    [InlineData("function-url")]
    public async Task Wrap_HttpEventFromAnotherAccount_Answers403(string fixture)
    {
        var function = new ShieldedFunction(options: Trust(accounts: ["999999999999"]));

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.Bytes(fixture)));

        Assert.Empty(function.Received);
        Assert.Equal(403, response.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Wrap_RequestWithoutAccountId_IsUntrusted()
    {
        var function = new ShieldedFunction(options: Trust(accounts: [Account]));

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.With("apigw-rest", e => e["requestContext"]!.AsObject().Remove("accountId"))));

        Assert.Equal(403, response.GetProperty("statusCode").GetInt32());
    }

    [Theory]
    [InlineData("apigw-rest", "abc123")]
    [InlineData("apigw-http", "r3pmxmplak")]
    [InlineData("apigw-websocket", "abcdef123")]
    public async Task Wrap_ApiIds_AcceptTheirApiAndRefuseAnother(string fixture, string apiId)
    {
        var trusted = new ShieldedFunction(options: Trust(apis: [apiId]));
        var other = new ShieldedFunction(options: Trust(apis: ["otherapi1"]));

        await trusted.InvokeAsync(Fixtures.Bytes(fixture));
        var refused = Fixtures.Parse(await other.InvokeAsync(Fixtures.Bytes(fixture)));

        Assert.Single(trusted.Received);
        Assert.Empty(other.Received);
        Assert.Equal(403, refused.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Wrap_WebSocketWithAccountAllowlist_IsNotCheckedForAnAccountItNeverNames()
    {
        var function = new ShieldedFunction(options: Trust(accounts: [Account]));

        await function.InvokeAsync(Fixtures.Bytes("apigw-websocket"));

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_EventBridgeFromAnotherAccount_ThrowsUntrustedOrigin()
    {
        var function = new ShieldedFunction(options: Trust(accounts: ["999999999999"]));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes("eventbridge")));

        Assert.Equal(LambdaRules.UntrustedOrigin.Id, error.Code);
        Assert.Empty(function.Received);
    }

    [Theory]
    [InlineData("com.example.orders", true)]
    [InlineData("aws.s3", false)]
    public async Task Wrap_EventBridgeSources_AcceptOnlyTheListedOnes(string allowed, bool accepted)
    {
        var function = new ShieldedFunction(options: Trust(sources: [allowed]));

        var invocation = function.InvokeAsync(Fixtures.Bytes("eventbridge"));

        if (accepted)
        {
            await invocation;
            Assert.Single(function.Received);
        }
        else
        {
            Assert.Equal(LambdaRules.UntrustedOrigin.Id, (await Assert.ThrowsAsync<ShieldedInvocationException>(() => invocation)).Code);
        }
    }

    [Fact]
    public async Task Wrap_OriginAllowlists_DoNotApplyToSourcesThatNameNoOrigin()
    {
        var function = new ShieldedFunction(options: Trust(accounts: ["999999999999"], apis: ["otherapi1"], sources: ["aws.s3"]));

        await function.InvokeAsync(Fixtures.Bytes("sqs"));

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_UntrustedOriginInMonitorMode_IsReportedAndAllowed()
    {
        var options = Trust(sources: ["aws.s3"]);
        options.Shield.Rules["untrusted-origin"] = RuleMode.Monitor;
        var function = new ShieldedFunction(options: options);

        await function.InvokeAsync(Fixtures.Bytes("eventbridge"));

        Assert.Single(function.Received);
        Assert.Contains(function.Logs.GetSnapshot(), r => r.Message.Contains(LambdaRules.UntrustedOrigin.Id, StringComparison.Ordinal));
    }
}
