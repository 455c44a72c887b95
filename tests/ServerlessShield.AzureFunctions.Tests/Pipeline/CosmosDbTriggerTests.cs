using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>cosmosDBTrigger: the host delivers the changed documents as one JSON array; each document is a record.</summary>
public sealed class CosmosDbTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task Documents_Allowed_RunTheFunctionWithTheTypedDocuments()
    {
        var id = Data.Unique("doc");

        var response = await InvokeAsync($"[{{\"id\":\"{id}\",\"title\":\"first\"}},{{\"id\":\"b\",\"title\":\"second\"}}]");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(id + "|b", SyntheticFunctions.ReceivedBatches);
    }

    [Fact]
    public async Task Documents_OneMalicious_FailsTheBatchAndReportsTheDocumentIndex()
    {
        var id = Data.Unique("doc");

        var response = await InvokeAsync($"[{{\"id\":\"{id}\",\"title\":\"first\"}},{{\"id\":\"b\",\"title\":\"ok\"}},{{\"id\":\"c\",\"title\":\"<img src=x onerror=alert(1)>\"}}]");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1003", response.Result.Exception.Message, StringComparison.Ordinal);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1003");
        Assert.Equal("2", finding.ItemId);
        Assert.StartsWith("documents[2]", finding.FieldPath, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticFunctions.ReceivedBatches, b => b.StartsWith(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documents_OneOversize_FailsWithTheLimitRuleForThatDocument()
    {
        var response = await InvokeAsync($"[{{\"id\":\"a\",\"title\":\"{new string('t', 200)}\"}}]");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("0", Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD2001").ItemId);
    }

    private Task<InvocationResponse> InvokeAsync(string documents) =>
        worker.InvokeAsync(nameof(SyntheticFunctions.OnCosmosDocuments), "documents", Data.Json(documents), null);
}
