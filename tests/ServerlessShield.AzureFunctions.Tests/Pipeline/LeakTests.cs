using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

// Canary secrets in exception messages must not reach the response, the failure the host receives, or any log line
// of the invocation (the shield's own lines and the worker's), through the real worker pipeline.
public sealed class LeakTests(HostBuilderWorkerFixture worker, SyntheticWorkerFixture synthetic)
    : IClassFixture<HostBuilderWorkerFixture>, IClassFixture<SyntheticWorkerFixture>
{
    private const string HttpCanary = "Hunter2-TopSecret";
    private const string BusCanary = "sb-TopSecret";

    [Fact]
    public async Task HttpFailure_CanaryInNoResponseAndNoLogLine()
    {
        var response = await worker.InvokeHttpAsync("Boom", "hello");

        Assert.DoesNotContain(HttpCanary, response.ToString(), StringComparison.Ordinal);
        AssertLogsClean(response.InvocationId, HttpCanary);
    }

    [Fact]
    public async Task QueueFailure_CanaryInNoFailureAndNoLogLine()
    {
        var response = await worker.InvokeMessageAsync("OnOrder", "message", "fail", null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.DoesNotContain(HttpCanary, response.ToString(), StringComparison.Ordinal);
        AssertLogsClean(response.InvocationId, HttpCanary);
    }

    [Fact]
    public async Task ServiceBusFailure_CanaryInNoFailureAndNoLogLine()
    {
        var response = await synthetic.InvokeMessageAsync(nameof(SyntheticFunctions.OnServiceBusMessage), "message", "fail", null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.DoesNotContain(BusCanary, response.ToString(), StringComparison.Ordinal);
        AssertLogsClean(response.InvocationId, BusCanary);
    }

    [Fact]
    public async Task BlockedPayloadCarryingACanary_LeavesItInNoLogLine()
    {
        var response = await worker.InvokeHttpAsync("Echo", $"{{\"note\":\"<script>{HttpCanary}\"}}");

        Assert.DoesNotContain(HttpCanary, response.ToString(), StringComparison.Ordinal);
        AssertLogsClean(response.InvocationId, HttpCanary);
    }

    // A canary inside a rejected record of each batch and document trigger: the finding names the field and the
    // record, never the value.
    [Theory]
    [InlineData(nameof(SyntheticFunctions.OnEventHubReadings), "readings", "[{\"Device\":\"d1\",\"Value\":1},{\"Device\":\"${jndi:ldap://x/CANARY-EH-9f}\",\"Value\":2}]", "CANARY-EH-9f")]
    [InlineData(nameof(SyntheticFunctions.OnCosmosDocuments), "documents", "[{\"id\":\"a\",\"title\":\"<script>CANARY-DB-4c</script>\"}]", "CANARY-DB-4c")]
    [InlineData(nameof(SyntheticFunctions.OnCustomTrigger), "payload", "\"a; rm -rf / CANARY-CU\"", "CANARY-CU")]
    public async Task BlockedRecordCarryingACanary_LeavesItInNoFailureAndNoLogLine(string function, string binding, string json, string canary)
    {
        var response = await synthetic.InvokeAsync(function, binding, Data.Json(json), null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.DoesNotContain(canary, response.Result.ToString(), StringComparison.Ordinal);
        AssertLogsClean(response.InvocationId, canary);
    }

    [Fact]
    public async Task EventGridEventCarryingACanary_LeavesItInNoLogLine()
    {
        const string canary = "CANARY-EG-71";
        var json = EventGridTriggerTests.GridEvent(Data.Unique("evt"), $"{{\"html\":\"<script>{canary}</script>\"}}");

        var response = await synthetic.InvokeAsync(nameof(SyntheticFunctions.OnEventGridEvent), "gridEvent", Data.Json(json), null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.DoesNotContain(canary, response.Result.ToString(), StringComparison.Ordinal);
        AssertLogsClean(response.InvocationId, canary);
    }

    [Fact]
    public async Task BlobCarryingACanary_LeavesItInNoLogLine()
    {
        const string canary = "CANARY-BL-33";
        var response = await synthetic.InvokeAsync(nameof(SyntheticFunctions.OnBlobBytes), "content", Data.Bytes($"<script>{canary}"), new Dictionary<string, ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.TypedData>
        {
            ["BlobTrigger"] = Data.String("invoices/a.html"),
        });

        Assert.Equal(Status.Failure, response.Result.Status);
        AssertLogsClean(response.InvocationId, canary);
    }

    // Proves the capture sees the worker's own failure log: an unshielded function's secret does show up there.
    [Fact]
    public async Task Capture_SeesTheWorkersFailureLog_OfAnUnshieldedFunction()
    {
        var response = await worker.InvokeHttpAsync("UnshieldedBoom", "hello");

        Assert.Contains(CapturedLogs.Of(response.InvocationId), line => line.Contains(HttpCanary, StringComparison.Ordinal));
    }

    private static void AssertLogsClean(string invocationId, string canary)
    {
        var lines = CapturedLogs.Of(invocationId);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.DoesNotContain(canary, line, StringComparison.Ordinal));
    }
}
