using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

public sealed class LambdaShieldTests
{
    [Fact]
    public async Task Wrap_Invocation_FillsTheContextFromTheDescribeDelegate()
    {
        var captured = new List<CapturedInvocation>();
        var function = new ShieldedFunction(options: CapturedInvocation.Capture(captured));

        await function.InvokeAsync(Fixtures.Bytes("sqs"), "req-a");
        await function.InvokeAsync(Fixtures.Bytes("sqs"), "req-b");

        Assert.Equal(["req-a", "req-b"], captured.Select(c => c.RequestId));
        Assert.All(captured, c => Assert.Equal(ShieldPlatform.AwsLambda, c.Platform));
        Assert.All(captured, c => Assert.Equal("orders", c.FunctionName));
        Assert.Equal([true, false], captured.Select(c => c.IsColdStart));
    }

    [Fact]
    public async Task Wrap_TraceIdGiven_WinsOverTheEnvironment()
    {
        var captured = new List<CapturedInvocation>();
        var handler = LambdaShield.Wrap<TestLambdaContext>(
            (_, _) => Task.FromResult<Stream>(new MemoryStream()),
            c => new(c.AwsRequestId, c.FunctionName, TraceId: "Root=1-5759e988-bd862e3fe1be46a994272793"),
            CapturedInvocation.Capture(captured));

        await handler(new MemoryStream(Fixtures.Bytes("sns")), TestLambdaContext.Create());

        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793", Assert.Single(captured).TraceId);
    }

    [Fact]
    public async Task Wrap_EmptyRequestId_GetsAGeneratedCorrelationId()
    {
        var handler = LambdaShield.Wrap<TestLambdaContext>(
            (_, _) => Task.FromException<Stream>(new InvalidOperationException()),
            c => new(string.Empty, c.FunctionName));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create()));

        Assert.Equal(32, error.CorrelationId.Length);
    }

    [Fact]
    public async Task WrapWithoutContext_AllowedEvent_ReachesTheHandler()
    {
        var received = new List<string>();
        var handler = LambdaShield.Wrap(async input =>
        {
            received.Add(await Fixtures.ReadAsync(input));
            return new MemoryStream("done"u8.ToArray());
        });

        var response = await Fixtures.ReadAsync(await handler(new MemoryStream(Fixtures.Bytes("eventbridge"))));

        Assert.Equal("done", response);
        Assert.Single(received);
    }

    [Fact]
    public async Task WrapWithoutContext_Failure_ThrowsRedactedExceptionWithAGeneratedCorrelationId()
    {
        var handler = LambdaShield.Wrap(_ => Task.FromException<Stream>(new InvalidOperationException("token=s3cr3t")), new LambdaShieldOptions());

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => handler(new MemoryStream(Fixtures.Bytes("s3"))));

        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
        Assert.Equal(32, error.CorrelationId.Length);
        Assert.Null(error.StackTrace);
    }

    [Theory]
    [InlineData("direct-invoke")]
    [InlineData("eventbridge-scheduled")]
    [InlineData("cognito-presignup")]
    [InlineData("sns")]
    public async Task Wrap_NonHttpResponseSourceFails_ThrowsRedactedException(string fixture)
    {
        var function = new ShieldedFunction(ShieldedFunction.Throw(new InvalidOperationException("secret=abc123")));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes(fixture), "req-x"));

        Assert.DoesNotContain("abc123", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("req-x", error.CorrelationId);
    }

    [Fact]
    public async Task Wrap_EventLargerThanMaxEventBytes_IsRejectedBeforeTheHandler()
    {
        var function = new ShieldedFunction(options: new LambdaShieldOptions { MaxEventBytes = 100 });

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes("sqs")));

        Assert.Empty(function.Received);
        Assert.Equal(ShieldRules.PayloadTooLarge.Id, error.Code);
    }

    [Fact]
    public async Task Wrap_EventFromANonSeekableStream_IsReadWhole()
    {
        var eventBytes = Fixtures.Bytes("apigw-rest");
        var function = new ShieldedFunction();

        await function.Handler(new NonSeekableStream(eventBytes), TestLambdaContext.Create());

        Assert.Equal(System.Text.Encoding.UTF8.GetString(eventBytes), Assert.Single(function.Received));
    }

    [Fact]
    public async Task Wrap_SourceOverride_SkipsDetection()
    {
        var captured = new List<CapturedInvocation>();
        var function = new ShieldedFunction(options: CapturedInvocation.Capture(captured, new LambdaShieldOptions { Source = LambdaEventSource.EventBridge }));

        await function.InvokeAsync(Fixtures.Bytes("direct-invoke"));

        Assert.Equal("eventbridge", Assert.Single(captured).Source.Name);
    }

    [Fact]
    public async Task Wrap_FunctionOptedOutInConfiguration_CallsTheHandlerUnshielded()
    {
        var options = new LambdaShieldOptions { Handler = new ShieldAttribute { MaxPayloadBytes = 1 } };
        options.Shield.ForFunction("orders", f => f.Enabled = false);
        var function = new ShieldedFunction(options: options);

        await function.InvokeAsync(Fixtures.Bytes("apigw-rest"));

        Assert.Single(function.Received);
    }

    [Fact]
    public async Task Wrap_CancelledAtTheDeadline_LetsTheCancellationThrough()
    {
        var handler = LambdaShield.Wrap<TestLambdaContext>(
            async (_, _) =>
            {
                // Wait for the deadline token itself rather than a fixed delay: a loaded machine can fire the timer late.
                var token = ShieldContext.Current!.CancellationToken;
                for (var i = 0; i < 3000 && !token.IsCancellationRequested; i++)
                {
                    await Task.Delay(10);
                }

                token.ThrowIfCancellationRequested();
                return Stream.Null;
            },
            c => new(c.AwsRequestId, c.FunctionName, RemainingTime: TimeSpan.FromMilliseconds(1)));

        var error = await Record.ExceptionAsync(() => handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create()));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task Wrap_CancellationBeforeTheDeadline_IsRedactedAsAFailure()
    {
        var function = new ShieldedFunction(ShieldedFunction.Throw(new OperationCanceledException("the downstream call was cancelled")));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes("sqs")));

        Assert.Equal(ShieldRules.UnhandledException.Id, error.Code);
    }

    [Fact]
    public async Task Wrap_DescribeThrows_ThrowsRedactedException()
    {
        var logs = new FakeLogCollector();
        var handler = LambdaShield.Wrap<TestLambdaContext>(
            (_, _) => Task.FromResult<Stream>(new MemoryStream()),
            _ => throw new InvalidOperationException("mapping failed, password=hunter2"),
            new LambdaShieldOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => handler(new MemoryStream(Fixtures.Bytes("sqs")), TestLambdaContext.Create()));

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ShieldRules.ShieldFailure.Id, error.Code);
        // Logged once, as a scrubbed stand-in: the message stays useful, the secret does not reach the log.
        var logged = Assert.IsType<ScrubbedException>(Assert.Single(logs.GetSnapshot(), r => r.Exception is not null).Exception);
        Assert.Contains("mapping failed", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", logged.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_InvalidOptions_ThrowsWhenWrapping()
    {
        static Task<Stream> Handle(Stream s, TestLambdaContext c) => Task.FromResult(s);
        var invalidShield = new LambdaShieldOptions();
        invalidShield.Shield.Limits.MaxPayloadBytes = -1;

        Assert.Throws<OptionsValidationException>(() => LambdaShield.Wrap<TestLambdaContext>(Handle, TestLambdaContext.Describe, invalidShield));
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaShield.Wrap<TestLambdaContext>(Handle, TestLambdaContext.Describe, new LambdaShieldOptions { MaxEventBytes = 0 }));
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override bool TryGetBuffer(out ArraySegment<byte> buffer)
        {
            buffer = default;
            return false;
        }
    }
}
