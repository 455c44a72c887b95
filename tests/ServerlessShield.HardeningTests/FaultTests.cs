using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using ServerlessShield.HardeningTests.Support;

namespace ServerlessShield.HardeningTests;

// Faults around the shield: its own listeners and loggers, user middlewares, cancellation.
public sealed class FaultTests
{
    private const int HangGuardMs = 60_000;
    private static readonly byte[] Clean = "{\"name\":\"alice\"}"u8.ToArray();
    private static readonly byte[] Malicious = "{\"name\":\"<script>alert(1)</script>\"}"u8.ToArray();

    private sealed class ThrowingListener : ISecurityEventListener
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void OnSecurityEvent(SecurityEvent securityEvent)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("listener failed");
        }
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_ListenerThrows_VerdictsUnchangedNothingEscapes()
    {
        var listener = new ThrowingListener();
        using var engine = new ShieldEngine(Options.Create(Harness.StandardOptions()), listeners: [listener]);

        var blocked = await Harness.RunAsync(engine, Malicious, requestId: "req-listener-1");
        var allowed = await Harness.RunAsync(engine, Clean, requestId: "req-listener-2");

        Assert.Equal(ShieldRules.CrossSiteScripting, blocked.Outcome.Rule);
        Assert.False(blocked.HandlerRan);
        Assert.Equal(ShieldOutcomeKind.Allowed, allowed.Outcome.Kind);
        Assert.True(allowed.HandlerRan);
        Assert.Equal("req-listener-2", allowed.CorrelationId);
        Assert.True(listener.Calls > 0);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_LoggerThrows_VerdictsUnchangedNothingEscapes()
    {
        var logs = new RecordingLoggerFactory { ThrowWhen = _ => true };
        using var engine = Harness.Engine(loggerFactory: logs);

        var blocked = await Harness.RunAsync(engine, Malicious, requestId: "req-log-1");
        var allowed = await Harness.RunAsync(engine, Clean, requestId: "req-log-2");
        var failed = await Harness.RunAsync(engine, Clean, requestId: "req-log-3", handler: _ => throw new InvalidOperationException("boom"));

        Assert.Equal(ShieldRules.CrossSiteScripting, blocked.Outcome.Rule);
        Assert.False(blocked.HandlerRan);
        Assert.Equal(ShieldOutcomeKind.Allowed, allowed.Outcome.Kind);
        Assert.True(allowed.HandlerRan);
        Assert.Equal(ShieldRules.UnhandledException, failed.Outcome.Rule);
        Assert.True(logs.Written > 0);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_LoggerThrows_AnswersUnchanged()
    {
        var logs = new RecordingLoggerFactory { ThrowWhen = _ => true };
        var wrapped = Harness.Wrap(Harness.Ok, loggerFactory: logs);

        var blocked = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(Encoding.UTF8.GetString(Malicious)), "req-llog-1");
        var allowed = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(Encoding.UTF8.GetString(Clean)), "req-llog-2");
        var rejected = await Harness.InvokeAsync(wrapped, Harness.SnsEvent(Encoding.UTF8.GetString(Malicious)), "req-llog-3");

        Harness.AssertProblemAnswer(blocked.Response!, "req-llog-1");
        Assert.Equal(Encoding.UTF8.GetString(Harness.OkResponse), allowed.Response);
        Assert.Equal(ShieldRules.CrossSiteScripting.Id, rejected.Rejected!.Code);
        Assert.True(logs.Written > 0);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_UserMiddlewareThrowsBeforeHandler_FailsClosedAsShieldFailure()
    {
        using var engine = Harness.Engine(configure: b => b.Use((_, _) => throw new InvalidOperationException("middleware failed")));

        var result = await Harness.RunAsync(engine, Clean, requestId: "req-mw");

        Assert.Equal(ShieldOutcomeKind.Failed, result.Outcome.Kind);
        Assert.Equal(ShieldRules.ShieldFailure, result.Outcome.Rule);
        Assert.Equal(500, result.Outcome.StatusCode);
        Assert.False(result.HandlerRan);
        Assert.Equal("req-mw", result.CorrelationId);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_UserMiddlewareThrowsBeforeHandler_Http500AndSqsShieldFailureHandlerNotRun()
    {
        var ran = 0;
        var wrapped = Harness.Wrap((s, c) => { Interlocked.Increment(ref ran); return Harness.Ok(s, c); },
            configure: b => b.Use((_, _) => throw new InvalidOperationException("middleware failed password=hunter2")));

        var http = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(Encoding.UTF8.GetString(Clean)), "req-lmw-1");
        var sqs = await Harness.InvokeAsync(wrapped, Harness.SqsEvent(Encoding.UTF8.GetString(Clean)), "req-lmw-2");

        Assert.Equal(0, ran);
        Harness.AssertProblemAnswer(http.Response!, "req-lmw-1");
        Assert.Contains("\"statusCode\":500", http.Response, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", http.Response, StringComparison.Ordinal);
        Assert.Equal(ShieldRules.ShieldFailure.Id, sqs.Rejected!.Code);
        Assert.Equal("req-lmw-2", sqs.Rejected.CorrelationId);
        Assert.DoesNotContain("hunter2", sqs.Rejected.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_FunctionThatFailsOpen_RunsItsHandler_WhenTheShieldFails()
    {
        var ran = 0;
        var shield = Harness.StandardOptions(raisePayloadLimit: false);
        shield.Functions["fn"] = new FunctionShieldOptions { OnShieldFailure = ShieldFailureMode.FailOpen };
        var wrapped = LambdaShield.Wrap<FakeLambdaContext>(
            (s, c) => { Interlocked.Increment(ref ran); return Harness.Ok(s, c); },
            FakeLambdaContext.Describe,
            new LambdaShieldOptions { Shield = shield, ConfigurePipeline = b => b.Use((_, _) => throw new InvalidOperationException("middleware failed")) });

        var http = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(Encoding.UTF8.GetString(Clean)), "req-open-1");
        var sqs = await Harness.InvokeAsync(wrapped, Harness.SqsEvent(Encoding.UTF8.GetString(Clean)), "req-open-2");

        Assert.Equal(2, ran);
        Assert.Equal(Encoding.UTF8.GetString(Harness.OkResponse), http.Response);
        Assert.Null(sqs.Rejected);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_CancelledInvocation_OperationCanceledExceptionPassesThrough()
    {
        using var engine = Harness.Engine();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Harness.RunAsync(engine, Clean, requestId: "req-cancel",
            handler: c =>
            {
                c.CancellationToken.ThrowIfCancellationRequested();
                return ValueTask.CompletedTask;
            },
            cancellationToken: cancellation.Token));

        // The engine is fine afterwards and the pooled context came back clean.
        var next = await Harness.RunAsync(engine, Clean, requestId: "req-after-cancel");
        Assert.Equal(ShieldOutcomeKind.Allowed, next.Outcome.Kind);
        Assert.Equal("req-after-cancel", next.CorrelationId);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_DeadlineCancelsHandler_OperationCanceledExceptionPassesThrough()
    {
        var tokens = new ConcurrentDictionary<string, CancellationToken>();
        var wrapped = Harness.Wrap(
            async (input, context) =>
            {
                // Waits for the invocation's own deadline token, however long that takes: no timing assumption.
                await Task.Delay(Timeout.Infinite, tokens[context.AwsRequestId]);
                return new MemoryStream(Harness.OkResponse);
            },
            configure: b => b.Insert(0, new TokenCapture(tokens)));
        using var input = new MemoryStream(Harness.SqsEvent(Encoding.UTF8.GetString(Clean)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            wrapped(input, new FakeLambdaContext("req-deadline", "fn", TimeSpan.FromMilliseconds(1))));
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_MiddlewareThrowsAfterHandler_FailedAsUnhandledHandlerRanOnce()
    {
        var handlerRuns = 0;
        using var engine = Harness.Engine(configure: b => b.Use(async (context, next) =>
        {
            await next(context);
            throw new InvalidOperationException("validator failed after the handler");
        }));

        var result = await Harness.RunAsync(engine, Clean, requestId: "req-after", handler: _ =>
        {
            Interlocked.Increment(ref handlerRuns);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(1, handlerRuns);
        Assert.Equal(ShieldOutcomeKind.Failed, result.Outcome.Kind);
        Assert.Equal(ShieldRules.UnhandledException, result.Outcome.Rule);
        Assert.Equal("req-after", result.CorrelationId);
        Assert.Contains(result.Findings, f => f.Rule == ShieldRules.UnhandledException);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_MiddlewareThrowsAfterHandler_Http500AndSqsBatchFailsWhole()
    {
        var logs = new RecordingLoggerFactory();
        var ran = 0;
        var wrapped = Harness.Wrap((s, c) => { Interlocked.Increment(ref ran); return Harness.Ok(s, c); },
            configure: b => b.Use(async (context, next) =>
            {
                await next(context);
                throw new InvalidOperationException("validator failed password=hunter2");
            }),
            loggerFactory: logs);

        var http = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(Encoding.UTF8.GetString(Clean)), "req-after-1");
        var sqs = await Harness.InvokeAsync(wrapped, Harness.SqsEvent(Encoding.UTF8.GetString(Clean), "{\"ok\":2}"), "req-after-2");

        Assert.Equal(2, ran);
        Harness.AssertProblemAnswer(http.Response!, "req-after-1");
        Assert.Contains("\"statusCode\":500", http.Response, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", http.Response, StringComparison.Ordinal);
        // The whole batch fails, so Lambda retries every record: nothing is lost.
        Assert.Equal(ShieldRules.UnhandledException.Id, sqs.Rejected!.Code);
        Assert.Equal("req-after-2", sqs.Rejected.CorrelationId);
        Assert.NotEmpty(logs.For("req-after-1"));
        Assert.NotEmpty(logs.For("req-after-2"));
    }

    private sealed class TokenCapture(ConcurrentDictionary<string, CancellationToken> tokens) : IShieldMiddleware
    {
        public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
        {
            tokens[context.CorrelationId] = context.CancellationToken;
            return next(context);
        }
    }
}
