using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// What the shield knows about an invocation, from the describe delegate and, where it gives nothing, from the
// environment Lambda sets. In the environment collection: these tests set AWS_LAMBDA_FUNCTION_NAME and _X_AMZN_TRACE_ID.
[Collection(EnvironmentCollection.Name)]
public sealed class LambdaShieldContextTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:orders:live";

    private static Func<Stream, TestLambdaContext, Task<Stream>> Wrap(Func<TestLambdaContext, LambdaInvocation> describe, List<CapturedInvocation> captured, List<LambdaInvocation>? invocations = null)
    {
        var options = CapturedInvocation.Capture(captured);
        var capture = options.ConfigurePipeline;
        options.ConfigurePipeline = pipeline =>
        {
            capture!(pipeline);
            pipeline.Use((context, next) =>
            {
                if (invocations is not null && context.TryGetProperty(LambdaShield.InvocationKey, out var invocation))
                {
                    invocations.Add(invocation);
                }

                return next(context);
            }, "invocation");
        };
        return LambdaShield.Wrap<TestLambdaContext>((input, _) => Task.FromResult(input), describe, options);
    }

    [Fact]
    public async Task Wrap_NoTraceIdGiven_TakesItFromXAmznTraceId()
    {
        using var environment = new EnvironmentScope().Set("_X_AMZN_TRACE_ID", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        var captured = new List<CapturedInvocation>();
        var handler = Wrap(c => new(c.AwsRequestId, c.FunctionName), captured);

        await handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create());

        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", Assert.Single(captured).TraceId);
    }

    [Fact]
    public async Task Wrap_NoFunctionNameGiven_TakesItFromAwsLambdaFunctionName()
    {
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_FUNCTION_NAME", "orders-from-env");
        var captured = new List<CapturedInvocation>();
        var handler = Wrap(c => new(c.AwsRequestId), captured);

        await handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create());

        Assert.Equal("orders-from-env", Assert.Single(captured).FunctionName);
    }

    [Fact]
    public async Task Wrap_Invocation_IsAvailableToMiddlewaresWithTheInvokedArn()
    {
        var captured = new List<CapturedInvocation>();
        var invocations = new List<LambdaInvocation>();
        var handler = Wrap(c => new(c.AwsRequestId, c.FunctionName, c.InvokedFunctionArn, c.RemainingTime, "Root=1-a"), captured, invocations);

        await handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create("req-arn") with { InvokedFunctionArn = Arn });

        Assert.Equal(new LambdaInvocation("req-arn", "orders", Arn, TimeSpan.FromMinutes(5), "Root=1-a"), Assert.Single(invocations));
    }

    [Fact]
    public async Task Wrap_RemainingTime_CancelsTheInvocationWhenItRunsOut()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var options = new LambdaShieldOptions
        {
            // Stands in for slow work inside the pipeline: it ends only when the shield's token is cancelled.
            ConfigurePipeline = pipeline => pipeline.Use(async (context, next) =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                await next(context);
            }, "slow"),
        };
        var handler = LambdaShield.Wrap<TestLambdaContext>((input, _) => Task.FromResult(input), c => new(c.AwsRequestId, RemainingTime: TimeSpan.FromMilliseconds(200)), options);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create()).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Wrap_NoRemainingTime_LeavesTheInvocationUncancellable()
    {
        var tokens = new List<CancellationToken>();
        var options = new LambdaShieldOptions
        {
            ConfigurePipeline = pipeline => pipeline.Use((context, next) =>
            {
                tokens.Add(context.CancellationToken);
                return next(context);
            }, "token"),
        };
        var handler = LambdaShield.Wrap<TestLambdaContext>((input, _) => Task.FromResult(input), c => new(c.AwsRequestId), options);

        await handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create());

        Assert.False(Assert.Single(tokens).CanBeCanceled);
    }
}
