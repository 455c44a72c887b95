using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Pipeline;

public class ShieldPipelineTests
{
    [Fact]
    public async Task ExecuteAsync_RunsMiddlewaresInOrder_ThenHandler_ThenUnwindsInReverse()
    {
        var trace = new List<string>();
        var pipeline = new ShieldPipelineBuilder()
            .Use(async (c, next) => { trace.Add("a-in"); await next(c); trace.Add("a-out"); }, "a")
            .Use(async (c, next) => { trace.Add("b-in"); await next(c); trace.Add("b-out"); }, "b")
            .Build();
        var context = ShieldContextPool.Shared.Get();
        context.Policy = ShieldPolicy.Create("f");
        context.Handler = _ => { trace.Add("handler"); return ValueTask.CompletedTask; };

        await pipeline.ExecuteAsync(context);

        Assert.Equal(["a-in", "b-in", "handler", "b-out", "a-out"], trace);
        Assert.True(context.HandlerInvoked);
        ShieldContextPool.Shared.Return(context);
    }

    [Fact]
    public async Task ExecuteAsync_MiddlewareNotCallingNext_ShortCircuitsTheHandler()
    {
        var pipeline = new ShieldPipelineBuilder()
            .Use((c, _) => { c.Outcome = ShieldOutcome.Blocked(ShieldRules.InvalidJson); return ValueTask.CompletedTask; })
            .Build();
        var context = ShieldContextPool.Shared.Get();
        var ran = false;
        context.Handler = _ => { ran = true; return ValueTask.CompletedTask; };

        await pipeline.ExecuteAsync(context);

        Assert.False(ran);
        Assert.Equal(ShieldOutcomeKind.Blocked, context.Outcome.Kind);
        ShieldContextPool.Shared.Return(context);
    }

    [Fact]
    public void Build_FreezesTheBuilder()
    {
        var builder = new ShieldPipelineBuilder();
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Use((c, n) => n(c)));
    }

    [Fact]
    public void CreateDefaultPipeline_OrdersTelemetryThenRedactionThenLimitsThenAuthenticity()
    {
        var pipeline = ShieldEngine.CreateDefaultPipeline().Build();

        Assert.Collection(
            pipeline.Middlewares,
            m => Assert.IsType<SecurityTelemetryMiddleware>(m),
            m => Assert.IsType<ExceptionRedactionMiddleware>(m),
            m => Assert.IsType<PayloadInspectionMiddleware>(m),
            m => Assert.IsType<SnsSignatureMiddleware>(m),
            m => Assert.IsType<WebhookSignatureMiddleware>(m));
    }

    [Fact]
    public async Task UserMiddleware_InsertedBeforeLimits_SeesTheInvocationFirst()
    {
        var order = new List<string>();
        var engine = new TestEngine(configurePipeline: p => p.InsertBefore<PayloadInspectionMiddleware>(
            new RecordingMiddleware(order)));

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"a\":1}")], _ => { order.Add("handler"); return ValueTask.CompletedTask; });

        Assert.Equal(["user", "handler"], order);
        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    [Fact]
    public async Task Pool_ReturnedContext_CarriesNoStateIntoTheNextInvocation()
    {
        var pool = new ShieldContextPool();
        var first = pool.Get();
        first.Policy = ShieldPolicy.Create("f", new ShieldOptions { RequireOptIn = false });
        first.Inputs.Add(TestEngine.Json("{}"));
        first.InvocationId = "inv-1";
        first.Http = new HttpRequestParts();
        first.Report(ShieldRules.InvalidJson, "body");
        first.Report(ShieldRules.InvalidJson, "Records[0].body", itemId: "m1");
        pool.Return(first);

        var second = pool.Get();

        Assert.Same(first, second);
        Assert.Empty(second.Inputs);
        Assert.Empty(second.Findings);
        Assert.Empty(second.RejectedItemIds);
        Assert.Null(second.Http);
        Assert.Null(second.InvocationId);
        Assert.Equal(ShieldOutcomeKind.Allowed, second.Outcome.Kind);
        Assert.NotEqual("inv-1", second.CorrelationId);
        await Task.CompletedTask;
    }

    private sealed class RecordingMiddleware(List<string> order) : IShieldMiddleware
    {
        public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
        {
            order.Add("user");
            return next(context);
        }
    }
}
