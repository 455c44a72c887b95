using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Provenance;

public sealed class ProvenanceTests
{
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";

    private static LambdaShieldOptions Allow(params LambdaEventSource[] sources)
    {
        var options = new LambdaShieldOptions();
        options.AllowedSources.UnionWith(sources);
        return options;
    }

    private static LambdaShieldOptions Trust(params string[] arns)
    {
        var options = new LambdaShieldOptions();
        options.AllowedSourceArns.UnionWith(arns);
        return options;
    }

    [Fact]
    public async Task Wrap_AllowedSource_ReachesTheHandler()
    {
        var function = new ShieldedFunction(options: Allow(LambdaEventSource.Sqs));

        await function.InvokeAsync(Fixtures.Bytes("sqs"));

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_HttpEventToAQueueOnlyFunction_Answers403()
    {
        var function = new ShieldedFunction(options: Allow(LambdaEventSource.Sqs));

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.Bytes("apigw-rest")));

        Assert.Empty(function.Received);
        Assert.Equal(403, response.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Wrap_DirectInvokeOfAnHttpOnlyFunction_ThrowsUnexpectedSource()
    {
        var function = new ShieldedFunction(options: Allow(LambdaEventSource.ApiGatewayRest));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes("direct-invoke")));

        Assert.Equal(LambdaRules.UnexpectedEventSource.Id, error.Code);
    }

    [Fact]
    public async Task Wrap_SqsRecordFromAnUntrustedQueue_IsRejectedAlone()
    {
        var bytes = Fixtures.With("sqs", e => e["Records"]![1]!["eventSourceARN"] = "arn:aws:sqs:us-east-1:999999999999:elsewhere");
        var function = new ShieldedFunction(options: Trust(QueueArn));

        var response = await function.InvokeAsync(bytes);

        Assert.Equal(2, JsonNode.Parse(Assert.Single(function.Received))!["Records"]!.AsArray().Count);
        var failure = Assert.Single(JsonNode.Parse(response)!["batchItemFailures"]!.AsArray());
        Assert.Equal(Fixtures.Node("sqs")["Records"]![1]!["messageId"]!.GetValue<string>(), failure!["itemIdentifier"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrap_SqsRecordWithoutASourceArn_IsUntrusted()
    {
        var bytes = Fixtures.With("sqs", e => e["Records"]![0]!.AsObject().Remove("eventSourceARN"));
        var function = new ShieldedFunction(options: Trust(QueueArn));

        var response = await function.InvokeAsync(bytes);

        Assert.Single(JsonNode.Parse(response)!["batchItemFailures"]!.AsArray());
    }

    [Theory]
    [InlineData("sns", "arn:aws:sns:us-east-1:123456789012:orders")]
    [InlineData("s3", "arn:aws:s3:::example-bucket")]
    [InlineData("kafka-msk", "arn:aws:kafka:us-east-1:123456789012:cluster/vpc-2priv-2pub/751d2973-a626-431c-9d4e-d7975eb44dd7-2")]
    [InlineData("kinesis", "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream")]
    public async Task Wrap_TrustedSourceArn_ReachesTheHandler(string fixture, string arn)
    {
        var function = new ShieldedFunction(options: Trust(arn));

        await function.InvokeAsync(Fixtures.Bytes(fixture));

        Assert.Single(function.Received);
    }

    [Theory]
    [InlineData("sns")]
    [InlineData("s3")]
    [InlineData("kafka-msk")]
    public async Task Wrap_UntrustedSourceArnWithoutPartialBatches_FailsTheInvocation(string fixture)
    {
        var function = new ShieldedFunction(options: Trust(QueueArn));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes(fixture)));

        Assert.Empty(function.Received);
        Assert.Equal(LambdaRules.UntrustedSourceArn.Id, error.Code);
    }

    [Fact]
    public async Task Wrap_ProvenanceRuleInMonitorMode_OnlyReports()
    {
        var options = Trust(QueueArn);
        options.Shield.Rules["untrusted-source-arn"] = RuleMode.Monitor;
        var function = new ShieldedFunction(options: options);

        await function.InvokeAsync(Fixtures.Bytes("sns"));

        Assert.Single(function.Received);
        Assert.Contains(function.Logs.GetSnapshot(), r => r.Message.Contains(LambdaRules.UntrustedSourceArn.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void LambdaRules_AreRegisteredAndPinned()
    {
        Assert.Equal([("SHIELD5101", "unexpected-event-source"), ("SHIELD5102", "untrusted-source-arn"), ("SHIELD5103", "untrusted-origin")],
            LambdaRules.All.Select(r => (r.Id, r.Name)));
        Assert.All(LambdaRules.All, r => Assert.True(ShieldRuleCatalog.IsKnown(r.Name)));
    }
}
