using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.Hardening.Support;
using Xunit.Abstractions;

namespace ServerlessShield.AzureFunctions.Tests.Hardening;

// Structure-aware fuzzing of the non-HTTP triggers through the real worker: queue (string and typed JSON messages) from
// the test app, Service Bus (single and batch, with application properties), Event Hubs batches, Event Grid events,
// Cosmos DB documents and blobs through hand-written metadata. Every invocation completes in time with success or a
// redacted failure the host would retry or dead-letter, and no log line carries the canary.
public sealed class WorkerTriggerFuzzTests(HardenedAppFixture app, HardenedSyntheticFixture synthetic, ITestOutputHelper output)
    : IClassFixture<HardenedAppFixture>, IClassFixture<HardenedSyntheticFixture>
{
    private readonly ConcurrentDictionary<string, int> _tally = new(StringComparer.Ordinal);

    [Fact]
    public async Task Triggers_GeneratedMessages_SucceedOrFailRedactedWithoutCanaryOrHang()
    {
        var cases = FuzzBudget.PerProperty;
        var counter = 0;

        // Fixed cases first, so every run checks each kind of outcome whatever the generator draws: success, the
        // function's redacted exception, and the shield's rejection, on a single message and on a batch.
        var damage = new Damage(Mutation.None, 0, 0, 0);
        TriggerCase[] fixedCases =
        [
            new(TriggerKind.Queue, ["{\"name\":\"" + WorkerFuzzGen.Canary + "\"}"], damage, 0, "{}", "a", Throws: false),
            new(TriggerKind.ServiceBus, ["{\"name\":\"alice\"}"], damage, 0, "{}", "a", Throws: true),
            new(TriggerKind.EventHubBatch, ["{\"name\":\"alice\"}", "{\"name\":\"<script>alert(1)</script>\"}"], damage, 0, "{}", "a", Throws: false),
        ];
        foreach (var c in fixedCases)
        {
            await CaseHolds(c);
        }

        await Task.Run(() => Check.One(FuzzBudget.Configured(cases), Prop.ForAll(TriggerCase.Generator.ToArbitrary(), c =>
        {
            Interlocked.Increment(ref counter);
            CaseHolds(c).GetAwaiter().GetResult();
        })));

        output.WriteLine($"trigger invocations: {counter}; {string.Join(", ", _tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}; log lines: {app.Logs.Lines + synthetic.Logs.Lines}");
        Assert.True(counter >= cases, $"ran {counter} of {cases}");
        foreach (var worker in new HardenedWorkerFixture[] { app, synthetic })
        {
            Assert.Empty(worker.Logs.Leaks);
            Assert.Equal(0, worker.Probe.Dirty);
            Assert.False(worker.IsStopping);
        }

        Assert.Contains("Queue Success", _tally.Keys);
        Assert.Contains("ServiceBus SHIELD3001", _tally.Keys);
        Assert.Contains("EventHubBatch SHIELD1", _tally.Keys);
    }

    private async Task CaseHolds(TriggerCase c)
    {
        HardenedWorkerFixture worker = c.IsApp ? app : synthetic;
        var request = c.ToRequest(worker);
        var id = request.InvocationId;
        var response = await worker.SendAsync(request);
        var ran = HardenedObservations.Take(id);
        var events = worker.Events.Take(id);

        var violation = CleanOutcome.OfTrigger(id, c.Function, response, ran, c.Throws, c.ExpectedDigest())
            ?? (events.FirstOrDefault(e => e.CorrelationId != id) is { } foreign ? $"a security event of this invocation names {foreign.CorrelationId}" : null)
            ?? (worker.Logs.Leaks.TryPeek(out var leak) ? "a log line carries the canary: " + leak : null)
            ?? (worker.Probe.Dirty > 0 ? "a pooled shield context arrived dirty" : null);
        if (violation is not null)
        {
            throw new InvalidOperationException($"Invocation {id} of {c.Function}: {violation}");
        }

        var code = CleanOutcome.FailureCode(response);
        var outcome = code is null ? response.Result.Status.ToString() : code.StartsWith("SHIELD1", StringComparison.Ordinal) ? "SHIELD1" : code;
        _tally.AddOrUpdate(c.Kind + " " + outcome, 1, (_, n) => n + 1);
    }
}
