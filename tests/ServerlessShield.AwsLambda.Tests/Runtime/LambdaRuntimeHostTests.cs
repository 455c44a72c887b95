using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests.Runtime;

// The Runtime API host against an in-process fake Runtime API on loopback. In the environment collection: the host
// reads AWS_LAMBDA_* variables and sets _X_AMZN_TRACE_ID.
[Collection(EnvironmentCollection.Name)]
public sealed class LambdaRuntimeHostTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:orders:live";
    private static readonly TimeSpan Patience = RunningHost.Patience;

    private static Task<Stream> Echo(Stream input, LambdaRuntimeContext context) => Task.FromResult(input);

    private static Func<Stream, LambdaRuntimeContext, Task<Stream>> Answer(string text) =>
        (_, _) => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task RunAsync_Invocation_PostsTheHandlersAnswerToTheResponseEndpoint()
    {
        await using var api = FakeRuntimeApi.Start();
        var received = new List<string>();
        await using var host = RunningHost.Start(api, async (input, _) =>
        {
            received.Add(await Fixtures.ReadAsync(input));
            return new MemoryStream("{\"ok\":true}"u8.ToArray());
        });

        var answer = await api.Enqueue(new FakeInvocation("req-1", "{\"order\":42}")).WaitAsync(Patience);

        Assert.Equal("response", answer.Kind);
        Assert.Equal("invocation/req-1/response", answer.Route);
        Assert.Equal("{\"ok\":true}", answer.Body);
        Assert.Equal(["{\"order\":42}"], received);
    }

    [Fact]
    public async Task RunAsync_EndpointFromTheEnvironment_IsUsedWhenNoneIsGiven()
    {
        await using var api = FakeRuntimeApi.Start();
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_RUNTIME_API", api.Endpoint);
        using var stop = new CancellationTokenSource();
        var host = LambdaRuntimeHost.RunAsync(Answer("pong"), stop.Token);

        var answer = await api.Enqueue(new FakeInvocation("req-env", "{}")).WaitAsync(Patience);

        Assert.Equal("pong", answer.Body);
        await stop.CancelAsync();
        await host.WaitAsync(Patience);
    }

    [Fact]
    public async Task RunAsync_NoEndpoint_Throws()
    {
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_RUNTIME_API", null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LambdaRuntimeHost.RunAsync(Echo));

        Assert.Contains("AWS_LAMBDA_RUNTIME_API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Context_CarriesTheInvocationsHeadersAndTheFunctionName()
    {
        await using var api = FakeRuntimeApi.Start();
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_FUNCTION_NAME", "orders");
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000);
        LambdaRuntimeContext? seen = null;
        await using var host = RunningHost.Start(api, (input, context) =>
        {
            seen = context;
            return Task.FromResult(input);
        }, new LambdaRuntimeHostOptions { TimeProvider = new FixedClock(deadline.AddSeconds(-42)) });

        await api.Enqueue(new FakeInvocation("req-ctx", "{}", deadline.ToUnixTimeMilliseconds(), Arn, "Root=1-67891233-abcdef012345678912345678", "tenant-7"))
            .WaitAsync(Patience);

        Assert.NotNull(seen);
        Assert.Equal("req-ctx", seen.AwsRequestId);
        Assert.Equal("orders", seen.FunctionName);
        Assert.Equal(Arn, seen.InvokedFunctionArn);
        Assert.Equal("Root=1-67891233-abcdef012345678912345678", seen.TraceId);
        Assert.Equal("tenant-7", seen.TenantId);
        Assert.Equal(deadline, seen.Deadline);
        Assert.Equal(TimeSpan.FromSeconds(42), seen.RemainingTime);
        Assert.Equal(new LambdaInvocation("req-ctx", "orders", Arn, TimeSpan.FromSeconds(42), "Root=1-67891233-abcdef012345678912345678"), seen.ToInvocation());
    }

    [Fact]
    public void ToInvocation_WithoutDeadlineOrFunctionName_LeavesThemToTheShield()
    {
        var context = new LambdaRuntimeContext { AwsRequestId = "req-x" };

        Assert.Equal(Timeout.InfiniteTimeSpan, context.RemainingTime);
        Assert.Equal(new LambdaInvocation("req-x"), context.ToInvocation());
    }

    [Fact]
    public async Task RunAsync_Deadline_CancelsTheInvocationsToken()
    {
        await using var api = FakeRuntimeApi.Start();
        var cancelled = new TaskCompletionSource<bool>();
        await using var host = RunningHost.Start(api, async (_, context) =>
        {
            Assert.InRange(context.RemainingTime, TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
            await Task.Delay(Timeout.Infinite, context.CancellationToken).ContinueWith(t => cancelled.TrySetResult(t.IsCanceled), TaskScheduler.Default);
            return new MemoryStream("late"u8.ToArray());
        });

        var answer = await api.Enqueue(FakeInvocation.WithDeadlineIn("req-deadline", "{}", TimeSpan.FromMilliseconds(300))).WaitAsync(Patience);

        Assert.True(await cancelled.Task.WaitAsync(Patience));
        Assert.Equal("late", answer.Body);
    }

    [Fact]
    public async Task RunAsync_SingleConcurrency_SetsTheTraceIdVariablePerInvocationAndClearsIt()
    {
        await using var api = FakeRuntimeApi.Start();
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_MAX_CONCURRENCY", null).Set("_X_AMZN_TRACE_ID", "Root=stale");
        var seen = new List<string?>();
        await using var host = RunningHost.Start(api, (input, _) =>
        {
            seen.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            return Task.FromResult(input);
        });

        await api.Enqueue(new FakeInvocation("req-a", "{}", TraceId: "Root=1-aaaaaaaa-000000000000000000000001")).WaitAsync(Patience);
        await api.Enqueue(new FakeInvocation("req-b", "{}", TraceId: "Root=1-bbbbbbbb-000000000000000000000002")).WaitAsync(Patience);
        await api.Enqueue(new FakeInvocation("req-c", "{}")).WaitAsync(Patience);

        Assert.Equal(["Root=1-aaaaaaaa-000000000000000000000001", "Root=1-bbbbbbbb-000000000000000000000002", null], seen);
    }

    [Fact]
    public async Task RunAsync_HandlerThrowsWithASecret_PostsARedactedErrorWithoutStackAndLogsItScrubbed()
    {
        await using var api = FakeRuntimeApi.Start();
        var logs = new FakeLogCollector();
        await using var host = RunningHost.Start(api, (_, _) => throw new InvalidOperationException("store down: Server=db;Password=hunter2"),
            new LambdaRuntimeHostOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });

        var answer = await api.Enqueue(new FakeInvocation("req-fail", "{}")).WaitAsync(Patience);

        Assert.Equal("error", answer.Kind);
        Assert.Equal("invocation/req-fail/error", answer.Route);
        Assert.Equal("ShieldedInvocationException", answer.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", answer.ContentType);
        var error = Fixtures.Parse(answer.Body);
        Assert.Equal(["errorMessage", "errorType"], error.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ShieldedInvocationException", error.GetProperty("errorType").GetString());
        Assert.Equal("The invocation failed (SHIELD3001). Correlation id: req-fail.", error.GetProperty("errorMessage").GetString());
        Assert.DoesNotContain("hunter2", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", answer.Body, StringComparison.Ordinal);
        var logged = Assert.Single(logs.GetSnapshot());
        Assert.Contains("req-fail", logged.Message, StringComparison.Ordinal);
        var scrubbed = Assert.IsType<ScrubbedException>(logged.Exception);
        Assert.Equal("System.InvalidOperationException", scrubbed.OriginalType);
        Assert.DoesNotContain("hunter2", scrubbed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ShieldedHandlerRejectsAnEvent_PostsTheShieldsCodeAndTheRequestId()
    {
        await using var api = FakeRuntimeApi.Start();
        var shielded = LambdaShield.Wrap<LambdaRuntimeContext>(Echo, c => c.ToInvocation(),
            new LambdaShieldOptions { AllowedSources = { LambdaEventSource.ApiGatewayRest } });
        await using var host = RunningHost.Start(api, shielded);

        var answer = await api.Enqueue(new FakeInvocation("req-sns", Encoding.UTF8.GetString(Fixtures.Bytes("sns")))).WaitAsync(Patience);

        Assert.Equal("error", answer.Kind);
        Assert.Equal("The invocation failed (SHIELD5101). Correlation id: req-sns.", Fixtures.Parse(answer.Body).GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task RunAsync_ShieldedHttpRequestWithInvalidJson_PostsThe400ProblemResponse()
    {
        await using var api = FakeRuntimeApi.Start();
        var calls = 0;
        var shielded = LambdaShield.Wrap<LambdaRuntimeContext>((input, _) =>
        {
            calls++;
            return Task.FromResult(input);
        }, c => c.ToInvocation());
        await using var host = RunningHost.Start(api, shielded);
        var request = Encoding.UTF8.GetString(Fixtures.With("apigw-rest", e => e["body"] = "{\"name\":"));

        var answer = await api.Enqueue(new FakeInvocation("req-400", request)).WaitAsync(Patience);

        Assert.Equal("response", answer.Kind);
        var response = Fixtures.Parse(answer.Body);
        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("req-400", Fixtures.Parse(response.GetProperty("body").GetString()!).GetProperty("correlationId").GetString());
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task RunAsync_NonSeekableAnswer_IsSentWithALength()
    {
        await using var api = FakeRuntimeApi.Start();
        await using var host = RunningHost.Start(api, (_, _) => Task.FromResult<Stream>(new ForwardOnlyStream("{\"big\":\"answer\"}"u8.ToArray())));

        var answer = await api.Enqueue(new FakeInvocation("req-fwd", "{}")).WaitAsync(Patience);

        Assert.Equal("{\"big\":\"answer\"}", answer.Body);
        Assert.Equal(16, answer.ContentLength);
        Assert.Null(answer.TransferEncoding);
    }

    [Fact]
    public async Task RunAsync_NullAnswer_PostsAnEmptyResponse()
    {
        await using var api = FakeRuntimeApi.Start();
        await using var host = RunningHost.Start(api, (_, _) => Task.FromResult<Stream>(null!));

        var answer = await api.Enqueue(new FakeInvocation("req-null", "{}")).WaitAsync(Patience);

        Assert.Equal("response", answer.Kind);
        Assert.Equal(string.Empty, answer.Body);
    }

    [Fact]
    public async Task RunAsync_SingleConcurrency_RunsOneInvocationAtATimeInOrder()
    {
        await using var api = FakeRuntimeApi.Start();
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_MAX_CONCURRENCY", null);
        var order = new List<string>();
        await using var host = RunningHost.Start(api, async (input, context) =>
        {
            order.Add(context.AwsRequestId);
            await Task.Delay(30);
            return input;
        });

        var answers = Enumerable.Range(1, 4).Select(i => api.Enqueue(new FakeInvocation($"req-{i}", "{}"))).ToList();
        await Task.WhenAll(answers).WaitAsync(Patience);

        Assert.Equal(["req-1", "req-2", "req-3", "req-4"], order);
        Assert.Equal(1, api.MaxInFlight);
    }

    [Fact]
    public async Task RunAsync_MaxConcurrencyFromTheEnvironment_RunsThatManyInvocationsAtOnceWithoutTheTraceVariable()
    {
        await using var api = FakeRuntimeApi.Start();
        using var environment = new EnvironmentScope().Set("AWS_LAMBDA_MAX_CONCURRENCY", "3").Set("_X_AMZN_TRACE_ID", null);
        var allStarted = new TaskCompletionSource();
        var started = 0;
        var traceVariables = new List<string?>();
        await using var host = RunningHost.Start(api, async (input, context) =>
        {
            lock (traceVariables)
            {
                traceVariables.Add(Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
            }

            // Each invocation waits until all three run: only three concurrent loops can finish this.
            if (Interlocked.Increment(ref started) == 3)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(Patience);
            return input;
        });

        var answers = Enumerable.Range(1, 3).Select(i => api.Enqueue(new FakeInvocation($"req-{i}", "{}", TraceId: $"Root=1-0000000{i}-000000000000000000000000"))).ToList();
        var results = await Task.WhenAll(answers).WaitAsync(Patience);

        Assert.All(results, r => Assert.Equal("response", r.Kind));
        Assert.Equal(3, api.MaxInFlight);
        Assert.All(traceVariables, Assert.Null);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsWhileWaitingForTheNextInvocation()
    {
        await using var api = FakeRuntimeApi.Start();
        var host = RunningHost.Start(api, Echo);
        await api.Enqueue(new FakeInvocation("req-1", "{}")).WaitAsync(Patience);

        await host.StopAsync();

        Assert.True(host.Task.IsCompletedSuccessfully);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_CancelledDuringAnInvocation_AnswersItThenStops()
    {
        await using var api = FakeRuntimeApi.Start();
        var running = new TaskCompletionSource();
        var host = RunningHost.Start(api, async (_, context) =>
        {
            running.SetResult();
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return Stream.Null;
        });
        var answer = api.Enqueue(new FakeInvocation("req-stop", "{}"));
        await running.Task.WaitAsync(Patience);

        await host.StopAsync();

        Assert.Equal("error", (await answer.WaitAsync(Patience)).Kind);
        Assert.True(host.Task.IsCompletedSuccessfully);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_NextFailsWithAContainerError_Throws()
    {
        await using var api = FakeRuntimeApi.Start();
        api.Override = kind => kind == "next" ? HttpStatusCode.InternalServerError : null;

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            LambdaRuntimeHost.RunAsync(Echo, new LambdaRuntimeHostOptions { RuntimeApi = api.Endpoint }, CancellationToken.None).WaitAsync(Patience));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task RunAsync_ResponseRefused_IsLoggedAndTheLoopGoesOn()
    {
        await using var api = FakeRuntimeApi.Start();
        var logs = new FakeLogCollector();
        var refuse = 1;
        api.Override = kind => kind == "response" && Interlocked.Exchange(ref refuse, 0) == 1 ? HttpStatusCode.RequestEntityTooLarge : null;
        await using var host = RunningHost.Start(api, Echo, new LambdaRuntimeHostOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });
        _ = api.Enqueue(new FakeInvocation("req-big", "{}"));

        var second = await api.Enqueue(new FakeInvocation("req-next", "{}")).WaitAsync(Patience);

        Assert.Equal("response", second.Kind);
        var refused = Assert.Single(logs.GetSnapshot());
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Contains("req-big", refused.Message, StringComparison.Ordinal);
        Assert.Contains("413", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitializerThrows_PostsARedactedInitErrorAndThrowsBeforeAskingForWork()
    {
        await using var api = FakeRuntimeApi.Start();
        var logs = new FakeLogCollector();
        var host = RunningHost.Start(api, _ => throw new InvalidOperationException("config missing; api_key=AKIAIOSFODNN7EXAMPLE"),
            new LambdaRuntimeHostOptions { LoggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]) });

        var thrown = await Assert.ThrowsAsync<ShieldedInvocationException>(() => host.Task.WaitAsync(Patience));
        var initError = await api.InitError.WaitAsync(Patience);

        Assert.Equal("ShieldedInvocationException", initError.ErrorTypeHeader);
        var error = Fixtures.Parse(initError.Body);
        Assert.Equal($"The invocation failed (SHIELD3001). Correlation id: {thrown.CorrelationId}.", error.GetProperty("errorMessage").GetString());
        Assert.DoesNotContain("AKIA", initError.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA", thrown.ToString(), StringComparison.Ordinal);
        Assert.Equal(["POST init/error"], api.Requests);
        var logged = Assert.Single(logs.GetSnapshot());
        Assert.Contains(thrown.CorrelationId, logged.Message, StringComparison.Ordinal);
        Assert.IsType<ScrubbedException>(logged.Exception);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_Initializer_BuildsTheHandlerOnce()
    {
        await using var api = FakeRuntimeApi.Start();
        var builds = 0;
        await using var host = RunningHost.Start(api, _ =>
        {
            builds++;
            return Task.FromResult(Answer("ready"));
        });

        await api.Enqueue(new FakeInvocation("req-1", "{}")).WaitAsync(Patience);
        var answer = await api.Enqueue(new FakeInvocation("req-2", "{}")).WaitAsync(Patience);

        Assert.Equal("ready", answer.Body);
        Assert.Equal(1, builds);
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
