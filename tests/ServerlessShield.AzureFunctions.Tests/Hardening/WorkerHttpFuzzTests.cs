using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.Hardening.Support;
using Xunit.Abstractions;

namespace ServerlessShield.AzureFunctions.Tests.Hardening;

// Structure-aware fuzzing of an HTTP function through the real worker: generated and damaged bodies, query strings,
// headers and route values. Every invocation is answered in time, with a clean answer, and no log line of the worker
// carries the canary planted in the payloads and in the function's exception.
public sealed class WorkerHttpFuzzTests(HardenedAppFixture worker, ITestOutputHelper output) : IClassFixture<HardenedAppFixture>
{
    private readonly ConcurrentDictionary<string, int> _tally = new(StringComparer.Ordinal);

    [Fact]
    public async Task HardenedHttp_GeneratedRequests_AnsweredCleanlyWithoutCanaryOrHang()
    {
        var cases = FuzzBudget.PerProperty;
        var counter = 0;

        // Fixed cases first, so every run checks each kind of answer whatever the generator draws: the function's 200,
        // its exception as a 500, and the shield's 400 and 413.
        var damage = new Damage(Mutation.None, 0, 0, 0);
        HttpCase[] fixedCases =
        [
            new("{\"name\":\"" + WorkerFuzzGen.Canary + "\"}", damage, "application/json", "POST", [], null, [], "42", Throws: false),
            new("{\"name\":\"alice\"}", damage, "application/json", "POST", [], null, [], "42", Throws: true),
            new("{\"name\":\"<script>alert(1)</script>" + WorkerFuzzGen.Canary + "\"}", damage, "application/json", "POST", [], null, [], "42", Throws: false),
            new("{\"name\":\"a\"}", damage with { Mutation = Mutation.HugeString, Size = 1_100_000 }, "application/json", "POST", [], null, [], "42", Throws: false),
        ];
        foreach (var c in fixedCases)
        {
            await CaseHolds(c);
        }

        await Task.Run(() => Check.One(FuzzBudget.Configured(cases), Prop.ForAll(HttpCase.Generator.ToArbitrary(), c =>
        {
            Interlocked.Increment(ref counter);
            CaseHolds(c).GetAwaiter().GetResult();
        })));

        output.WriteLine($"http invocations: {counter}; {string.Join(", ", _tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}; log lines: {worker.Logs.Lines}");
        Assert.True(counter >= cases, $"ran {counter} of {cases}");
        Assert.Empty(worker.Logs.Leaks);
        Assert.Equal(0, worker.Probe.Dirty);
        Assert.False(worker.IsStopping);
        Assert.Equal(["200", "400", "413", "500 thrown"], _tally.Keys.Intersect(["200", "400", "413", "500 thrown"]).Order(StringComparer.Ordinal));
    }

    private async Task CaseHolds(HttpCase c)
    {
        var request = c.ToRequest(worker);
        var id = request.InvocationId;
        var response = await worker.SendAsync(request);
        var ran = HardenedObservations.Take(id);
        var events = worker.Events.Take(id);

        var violation = CleanOutcome.OfHttp(id, response, ran, c.Throws, c.BodyDigest())
            ?? (events.FirstOrDefault(e => e.CorrelationId != id) is { } foreign ? $"a security event of this invocation names {foreign.CorrelationId}" : null)
            ?? (worker.Logs.Leaks.TryPeek(out var leak) ? "a log line carries the canary: " + leak : null)
            ?? (worker.Probe.Dirty > 0 ? "a pooled shield context arrived dirty" : null);
        if (violation is not null)
        {
            throw new InvalidOperationException($"Invocation {id}: {violation}");
        }

        var status = response.ReturnValue.Http.StatusCode;
        _tally.AddOrUpdate(ran is not null && c.Throws ? status + " thrown" : status, 1, (_, n) => n + 1);
    }
}
