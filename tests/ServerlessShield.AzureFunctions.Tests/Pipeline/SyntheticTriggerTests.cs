using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>A Service Bus trigger (no worker extension available) through hand-written metadata and the reflection executor.</summary>
public sealed class SyntheticTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task ServiceBus_AllowedMessage_RunsTheFunction()
    {
        var message = "ok-" + Guid.NewGuid().ToString("N")[..8];

        var response = await InvokeAsync(message);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(message, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task ServiceBus_OversizeMessage_FailsWithTheLimitRuleAndTheFunctionDoesNotRun()
    {
        var message = "big-" + new string('b', 40);

        var response = await InvokeAsync(message);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task ServiceBus_ExceptionWithSecret_FailsWithoutTheSecret()
    {
        var response = await InvokeAsync("fail-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.DoesNotContain("TopSecret", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret", response.Result.Exception.StackTrace, StringComparison.Ordinal);
        Assert.Contains(response.InvocationId, response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventHubBatch_AllowedRecords_RunTheFunction()
    {
        var first = "e1-" + Guid.NewGuid().ToString("N")[..8];

        var response = await InvokeBatchAsync(first, "e2");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains(first + "|e2", SyntheticFunctions.ReceivedBatches);
    }

    [Fact]
    public async Task EventHubBatch_OneOversizeRecord_FailsTheBatchWithTheLimitRule()
    {
        var first = "e1-" + Guid.NewGuid().ToString("N")[..8];

        var response = await InvokeBatchAsync(first, new string('e', 40));

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticFunctions.ReceivedBatches, b => b.StartsWith(first, StringComparison.Ordinal));
    }

    private Task<InvocationResponse> InvokeBatchAsync(params string[] records)
    {
        var batch = new CollectionString();
        batch.String.Add(records);
        return worker.InvokeAsync(SyntheticWorkerFixture.EventHubBatchFunction, new ParameterBinding
        {
            Name = "events",
            Data = new TypedData { CollectionString = batch },
        });
    }

    private Task<InvocationResponse> InvokeAsync(string message) =>
        worker.InvokeMessageAsync(SyntheticWorkerFixture.ServiceBusFunction, "message", message, new Dictionary<string, TypedData>
        {
            ["MessageId"] = new TypedData { String = Guid.NewGuid().ToString() },
            ["DeliveryCount"] = new TypedData { Json = "1" },
        });
}
