using ServerlessShield.AzureFunctions.Tests.FakeHost;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>An InvocationCancel from the host: the cancellation passes through the shield as Cancelled, not as a redacted failure.</summary>
public sealed class CancellationTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    [Fact]
    public async Task InvocationCancel_WhileTheFunctionRuns_IsReportedAsCancelled()
    {
        var message = Data.Unique("slow");

        var response = await worker.InvokeAndCancelAsync(nameof(SyntheticFunctions.OnSlowMessage), "message", message,
            () => SyntheticFunctions.Received.Contains("slow-started:" + message));

        Assert.Contains("slow-started:" + message, SyntheticFunctions.Received);
        Assert.True(response.Result.Status == Status.Cancelled, $"{response.Result.Status}: {response.Result.Exception?.Type} {response.Result.Exception?.Message}");
        Assert.DoesNotContain(SecurityEventLog.Of(response.InvocationId), e => e.RuleId is "SHIELD3001" or "SHIELD3002");
    }
}
