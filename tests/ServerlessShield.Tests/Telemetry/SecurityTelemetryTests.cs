using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Telemetry;

[Collection("Diagnostics")]
public class SecurityTelemetryTests
{
    private sealed class RecordingListener : ISecurityEventListener
    {
        public List<SecurityEvent> Events { get; } = [];

        public void OnSecurityEvent(SecurityEvent securityEvent) => Events.Add(securityEvent);
    }

    private sealed class ThrowingListener : ISecurityEventListener
    {
        public void OnSecurityEvent(SecurityEvent securityEvent) => throw new InvalidOperationException("sink down");
    }

    private static (ShieldEngine Engine, FakeLogCollector Logs) Create(ShieldOptions options, params ISecurityEventListener[] listeners)
    {
        var logs = new FakeLogCollector();
        var factory = new LoggerFactory([new FakeLoggerProvider(logs)]);

        // These tests are about invocation events; the cold-start audit and inventory publish from a background thread
        // (their own tests cover them) and would race the assertions.
        options.Audit.Enabled = false;
        options.Inventory.Enabled = false;
        return (new ShieldEngine(Options.Create(options), factory, null, listeners), logs);
    }

    private static async Task<ShieldContext> Run(ShieldEngine engine, string function, string json, Func<ShieldContext, ValueTask>? handler = null)
    {
        var context = engine.Rent(engine.Policies.GetPolicy(function));
        context.Source = new EventSourceInfo(EventSourceKind.Queue, "test-queue");
        context.InvocationId = "inv-" + Guid.NewGuid().ToString("N");
        context.Inputs.Add(TestEngine.Json(json));
        context.Handler = handler is null ? null : c => handler(c);
        await engine.RunAsync(context);
        return context;
    }

    [Fact]
    public async Task Finding_ReachesListener_WithIdsAndHash_NeverTheValue()
    {
        var listener = new RecordingListener();
        var (engine, logs) = Create(new ShieldOptions { RequireOptIn = false }, listener);
        const string canary = "bad\u0000canary-value";

        var context = await Run(engine, "orders", JsonSerializer.Serialize(new { file = canary }));

        var e = Assert.Single(listener.Events);
        Assert.Equal("SHIELD2011", e.RuleId);
        Assert.Equal("nul-character", e.RuleName);
        Assert.Equal(FindingAction.Blocked, e.Action);
        Assert.Equal("body.file", e.FieldPath);
        Assert.Equal(context.CorrelationId, e.CorrelationId);
        Assert.True(e.IsColdStart);
        var log = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "SecurityFinding");
        Assert.Equal(100, log.Id.Id);
        Assert.DoesNotContain("canary-value", log.Message, StringComparison.Ordinal);
        engine.Return(context);
    }

    [Fact]
    public async Task InjectionFinding_CarriesAKeyedHash_StableForTheSameValueAndKey()
    {
        var listener = new RecordingListener();
        var options = new ShieldOptions { RequireOptIn = false, Telemetry = { HashKey = "test-key" } };
        var (engine, _) = Create(options, listener);

        var context = engine.Rent(engine.Policies.GetPolicy("f"));
        context.Report(ShieldRules.SqlInjection, "body.q", valueHash: context.HashValue("x' OR 1=1"));
        var again = context.HashValue("x' OR 1=1");

        Assert.Equal(again, context.Findings[0].ValueHash);
        Assert.StartsWith("hmac-sha256:", again, StringComparison.Ordinal);
        Assert.DoesNotContain("OR 1=1", again!, StringComparison.Ordinal);
        engine.Return(context);
    }

    [Fact]
    public async Task Failure_IsLoggedOnce_ScrubbedOfSecrets()
    {
        var (engine, logs) = Create(new ShieldOptions { RequireOptIn = false });

        var context = await Run(engine, "f", "{}", _ => throw new InvalidOperationException("Password=hunter2-canary failed"));

        var log = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "InvocationFailed");
        Assert.NotNull(log.Exception);
        Assert.DoesNotContain("hunter2-canary", log.Exception!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-canary", log.Message, StringComparison.Ordinal);
        Assert.Contains(context.CorrelationId, log.Message, StringComparison.Ordinal);
        engine.Return(context);
    }

    [Fact]
    public async Task ThrowingListener_DoesNotBreakTheInvocation()
    {
        var (engine, _) = Create(new ShieldOptions { RequireOptIn = false }, new ThrowingListener());

        var context = await Run(engine, "f", "{\"a\":\"x\\u0000\"}");

        Assert.Equal(ShieldOutcomeKind.Blocked, context.Outcome.Kind);
        engine.Return(context);
    }

    [Fact]
    public async Task RepeatedFindings_AreSampledInLogs_ButCountedExactlyInMetrics()
    {
        var (engine, logs) = Create(new ShieldOptions { RequireOptIn = false, Telemetry = { MaxRepeatedLogsPerMinute = 3 } });
        long findings = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ShieldDiagnostics.Name && instrument.Name == ShieldDiagnostics.FindingsInstrument)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "shield.function", Value: "sampled-fn" })
                {
                    Interlocked.Add(ref findings, value);
                }
            }
        });
        listener.Start();

        for (var i = 0; i < 10; i++)
        {
            engine.Return(await Run(engine, "sampled-fn", "{\"a\":\"x\\u0000\"}"));
        }

        Assert.Equal(10, Interlocked.Read(ref findings));
        Assert.Equal(3, logs.GetSnapshot().Count(r => r.Id.Name == "SecurityFinding"));
    }

    [Fact]
    public async Task Finding_IsAddedAsAnEventOnTheCurrentActivity()
    {
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activityListener);
        using var source = new ActivitySource("test");
        var (engine, _) = Create(new ShieldOptions { RequireOptIn = false });

        using var activity = source.StartActivity("invocation")!;
        engine.Return(await Run(engine, "f", "{\"a\":\"x\\u0000\"}"));

        var e = Assert.Single(activity.Events);
        Assert.Equal(ShieldDiagnostics.FindingActivityEvent, e.Name);
        Assert.Contains(e.Tags, t => t.Key == "shield.rule" && (string?)t.Value == "SHIELD2011");
    }

}
