using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Errors;

// The shield's own failures (a middleware before the handler throws) fail closed by default; a function can choose to
// fail open, and then its handler runs on the payload as it stands, with the failure logged and recorded.
public class ShieldFailureModeTests
{
    private static TestEngine Engine(ShieldFailureMode? forOrders, Action<ShieldPipelineBuilder> configure)
    {
        var options = new ShieldOptions { RequireOptIn = false };
        options.Functions["orders"] = new FunctionShieldOptions { OnShieldFailure = forOrders };
        return new TestEngine(options, configure);
    }

    private static void Throws(ShieldPipelineBuilder builder) =>
        builder.Use((_, _) => throw new InvalidOperationException("rules store down: Password=hunter2"));

    [Fact]
    public async Task Default_FailsClosed_HandlerDoesNotRun()
    {
        var engine = Engine(forOrders: null, Throws);

        var result = await engine.RunAsync("orders", [TestEngine.Json("{\"a\":1}")]);

        Assert.Equal((ShieldOutcomeKind.Failed, ShieldRules.ShieldFailure), (result.Outcome.Kind, result.Outcome.Rule));
        Assert.False(result.HandlerRan);
        Assert.Contains(engine.Logs.GetSnapshot(), r => r.Id.Id == 102);
    }

    [Fact]
    public async Task FailOpen_RunsTheHandler_LogsAndRecordsTheFailure_WithoutItsSecrets()
    {
        var engine = Engine(ShieldFailureMode.FailOpen, Throws);

        var result = await engine.RunAsync("orders", [TestEngine.Json("{\"a\":1}")]);
        var otherFunction = await engine.RunAsync("payments", [TestEngine.Json("{\"a\":1}")]);

        Assert.True(result.HandlerRan);
        Assert.Equal(ShieldOutcomeKind.Monitored, result.Outcome.Kind);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ShieldRules.ShieldFailure, FindingAction.Monitored, "fail-open"), (finding.Rule, finding.Action, finding.Code));
        var failedOpen = Assert.Single(engine.Logs.GetSnapshot(), r => r.Id.Id == 112);
        Assert.Contains(result.CorrelationId, failedOpen.Message, StringComparison.Ordinal);
        Assert.All(engine.Logs.GetSnapshot(), r =>
        {
            Assert.DoesNotContain("hunter2", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", r.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        });

        // The setting is per function: the others still fail closed.
        Assert.False(otherFunction.HandlerRan);
        Assert.Equal(ShieldOutcomeKind.Failed, otherFunction.Outcome.Kind);
    }

    [Fact]
    public async Task FailOpen_DoesNotUndoABlockThatCameFirst()
    {
        var engine = Engine(ShieldFailureMode.FailOpen, b => b.Use((context, _) =>
        {
            context.Report(ShieldRules.SqlInjection, "body.q");
            throw new InvalidOperationException("failed after a finding");
        }));

        var result = await engine.RunAsync("orders", [TestEngine.Json("{\"a\":1}")]);

        Assert.False(result.HandlerRan);
        Assert.Equal((ShieldOutcomeKind.Blocked, ShieldRules.SqlInjection), (result.Outcome.Kind, result.Outcome.Rule));
    }

    [Fact]
    public async Task FailOpen_HandlerFailure_IsStillRedactedAsTheHandlers()
    {
        var engine = Engine(ShieldFailureMode.FailOpen, Throws);

        var result = await engine.RunAsync("orders", [TestEngine.Json("{\"a\":1}")], handler: _ => throw new TimeoutException("db"));

        Assert.True(result.HandlerRan);
        Assert.Equal((ShieldOutcomeKind.Failed, ShieldRules.UnhandledException, 504), (result.Outcome.Kind, result.Outcome.Rule, result.Outcome.StatusCode));
    }

    [Fact]
    public void Configuration_BindsTheModePerFunction()
    {
        var builder = Host.CreateEmptyApplicationBuilder(null);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ServerlessShield:Functions:orders:OnShieldFailure"] = "FailOpen" });
        builder.Services.AddServerlessShield();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<ShieldOptions>>().Value;

        Assert.Equal(ShieldFailureMode.FailOpen, options.Functions["orders"].OnShieldFailure);
        Assert.Equal(ShieldFailureMode.FailClosed, options.OnShieldFailure);
        Assert.Equal(ShieldFailureMode.FailOpen, ShieldPolicy.Create("orders", options).OnShieldFailure);
        Assert.Equal(ShieldFailureMode.FailClosed, ShieldPolicy.Create("payments", options).OnShieldFailure);
    }
}
