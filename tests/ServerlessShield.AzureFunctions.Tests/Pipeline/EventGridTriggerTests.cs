using System.Text;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>eventGridTrigger: Event Grid and CloudEvents schemas, batches as arrays, subscription validation events.</summary>
public sealed class EventGridTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task EventGridSchema_Allowed_RunsTheFunction()
    {
        var id = Data.Unique("evt");

        var response = await InvokeAsync(GridEvent(id, "{\"orderId\":\"o-1\"}"));

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("grid:" + id, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task EventGridSchema_MaliciousData_FailsAndTheFunctionDoesNotRun()
    {
        var id = Data.Unique("evt");

        var response = await InvokeAsync(GridEvent(id, "{\"orderId\":\"1' UNION SELECT password FROM users --\"}"));

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("grid:" + id, SyntheticFunctions.Received);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.FieldPath == "gridEvent.data.orderId");
    }

    [Fact]
    public async Task CloudEventsSchema_Allowed_RunsTheFunction()
    {
        var id = Data.Unique("ce");

        var response = await InvokeAsync(CloudEvent(id, "\"data\":{\"sku\":\"abc\"}"));

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("grid:" + id, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task CloudEventsSchema_MaliciousDataBase64_IsDecodedAndBlocked()
    {
        var id = Data.Unique("ce");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"path\":\"../../../../etc/passwd\"}"));

        var response = await InvokeAsync(CloudEvent(id, $"\"data_base64\":\"{base64}\""));

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1005", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.FieldPath == "gridEvent.data_base64.path");
    }

    // The subject is the publisher's, and a storage event's subject holds the blob name the uploader chose.
    [Theory]
    [InlineData("/blobServices/default/containers/uploads/blobs/2026/11/report.pdf", true)]
    [InlineData("/blobServices/default/containers/uploads/blobs/..%2f..%2f..%2fhome%2fsite%2fwwwroot%2fhost.json", false)]
    [InlineData("orders/<script>alert(1)</script>", false)]
    public async Task Subject_IsInspectedInBothSchemas(string subject, bool allowed)
    {
        var gridId = Data.Unique("evt");
        var cloudId = Data.Unique("ce");
        var json = System.Text.Json.JsonSerializer.Serialize(subject);

        var grid = await InvokeAsync(GridEvent(gridId, "{\"n\":1}").Replace("\"subject\":\"orders/1\"", "\"subject\":" + json, StringComparison.Ordinal));
        var cloud = await InvokeAsync(CloudEvent(cloudId, $"\"subject\":{json},\"data\":{{\"n\":1}}"));

        foreach (var (response, id) in new[] { (grid, gridId), (cloud, cloudId) })
        {
            Assert.Equal(allowed ? Status.Success : Status.Failure, response.Result.Status);
            Assert.Equal(allowed, SyntheticFunctions.Received.Contains("grid:" + id));
            Assert.Equal(allowed ? [] : ["gridEvent.subject"], SecurityEventLog.Of(response.InvocationId).Select(e => e.FieldPath).Distinct());
        }
    }

    [Fact]
    public async Task Batch_Allowed_RunsTheFunctionWithEveryEvent()
    {
        var first = Data.Unique("evt");

        var response = await InvokeBatchAsync($"[{GridEvent(first, "{\"n\":1}")},{CloudEvent("evt-b", "\"data\":\"plain text\"")}]");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(first + "|evt-b", SyntheticFunctions.ReceivedBatches);
    }

    [Fact]
    public async Task Batch_OneMaliciousEvent_FailsTheBatchAndReportsTheEventId()
    {
        var first = Data.Unique("evt");

        var response = await InvokeBatchAsync($"[{GridEvent(first, "{\"n\":1}")},{GridEvent("evt-bad", "{\"html\":\"<script>alert(1)</script>\"}")}]");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1003", response.Result.Exception.Message, StringComparison.Ordinal);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1003");
        Assert.Equal("evt-bad", finding.ItemId);
        Assert.Equal("events[1].data.html", finding.FieldPath);
        Assert.DoesNotContain(SyntheticFunctions.ReceivedBatches, b => b.StartsWith(first, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidationEvent_FunctionNotEnabled_IsNotAnsweredAndIsReported()
    {
        var response = await InvokeAsync(ValidationEvent(Data.Unique("val")));

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD5304", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD5304");
    }

    [Fact]
    public async Task ValidationEvent_FunctionEnabled_IsAcknowledgedWithoutRunningTheFunction()
    {
        var before = SyntheticFunctions.Received.Count(r => r.StartsWith("validated-function-ran", StringComparison.Ordinal));

        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnEventGridValidated), "gridEvent", Data.Json(ValidationEvent(Data.Unique("val"))), null);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Equal(before, SyntheticFunctions.Received.Count(r => r.StartsWith("validated-function-ran", StringComparison.Ordinal)));
        Assert.DoesNotContain(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD5304");
    }

    [Fact]
    public async Task OrdinaryEvent_FunctionEnabledForValidation_StillRunsTheFunction()
    {
        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnEventGridValidated), "gridEvent", Data.Json(GridEvent(Data.Unique("evt"), "{\"n\":1}")), null);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(SyntheticFunctions.Received, r => r.StartsWith("validated-function-ran", StringComparison.Ordinal));
    }

    internal static string GridEvent(string id, string dataJson) =>
        $"{{\"id\":\"{id}\",\"topic\":\"/subscriptions/s/resourceGroups/r/providers/Microsoft.EventGrid/topics/orders\",\"subject\":\"orders/1\",\"eventType\":\"Orders.Created\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"dataVersion\":\"1.0\",\"data\":{dataJson}}}";

    internal static string CloudEvent(string id, string dataProperty) =>
        $"{{\"specversion\":\"1.0\",\"id\":\"{id}\",\"source\":\"/orders\",\"type\":\"Orders.Created\",{dataProperty}}}";

    internal static string ValidationEvent(string id) =>
        $"{{\"id\":\"{id}\",\"topic\":\"/subscriptions/s\",\"subject\":\"\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"dataVersion\":\"2\",\"data\":{{\"validationCode\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\",\"validationUrl\":\"https://rp-eastus2.eventgrid.azure.net/api/validate?id=1\"}}}}";

    // Regression: reading the id, type or data of an event that escapes a lone surrogate threw InvalidOperationException
    // (not JsonException), so the shield failed (SHIELD3002, logged as its own fault) instead of reporting the payload.
    [Theory]
    [InlineData("{\"id\":\"\\ud800\",\"eventType\":\"Orders.Created\",\"data\":{\"a\":1}}")]
    [InlineData("{\"id\":\"e1\",\"eventType\":\"Orders.\\udc00\",\"data\":{\"a\":1}}")]
    [InlineData("{\"id\":\"e1\",\"eventType\":\"Orders.Created\",\"data\":\"\\ud800x\"}")]
    public async Task EventEscapingALoneSurrogate_IsReportedByTheInspector_NotAShieldFailure(string json)
    {
        var response = await InvokeAsync(json);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2010", response.Result.Exception.Message, StringComparison.Ordinal);
    }

    private Task<InvocationResponse> InvokeAsync(string json) =>
        worker.InvokeAsync(nameof(SyntheticFunctions.OnEventGridEvent), "gridEvent", Data.Json(json), null);

    private Task<InvocationResponse> InvokeBatchAsync(string json) =>
        worker.InvokeAsync(nameof(SyntheticFunctions.OnEventGridBatch), "events", Data.Json(json), null);
}
