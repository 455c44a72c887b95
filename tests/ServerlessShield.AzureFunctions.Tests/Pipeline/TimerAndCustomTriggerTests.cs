using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>timerTrigger (TimerInfo JSON, inspected before it becomes a TimerInfo) and a trigger the adapter does not know.</summary>
public sealed class TimerAndCustomTriggerTests(SyntheticWorkerFixture worker) : IClassFixture<SyntheticWorkerFixture>
{
    private const string Tick = "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":null,\"IsPastDue\":true}";

    [Fact]
    public async Task Timer_Tick_RunsTheFunctionWithTheTimerInfo()
    {
        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnTimerTick), "timer", Data.Json(Tick), null);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("timer:True", SyntheticFunctions.Received);
    }

    [Fact]
    public async Task Timer_PayloadOverTheLimit_FailsBecauseTheRawJsonIsInspected()
    {
        // A valid TimerInfo the function could bind, larger than the function's limit.
        var tick = "{\"Schedule\":{\"AdjustForDST\":true},\"ScheduleStatus\":{\"Last\":\"2026-01-01T02:00:00Z\",\"Next\":\"2026-01-02T02:00:00Z\",\"LastUpdated\":\"2026-01-01T02:00:00Z\"},\"IsPastDue\":false,\"Note\":\"" + new string('n', 60) + "\"}";

        var response = await worker.InvokeAsync(nameof(SyntheticFunctions.OnTimerTick), "timer", Data.Json(tick), null);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomTrigger_Allowed_RunsTheFunction()
    {
        var payload = Data.Unique("k");

        var response = await InvokeCustomAsync(payload);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("custom:" + payload, SyntheticFunctions.Received);
    }

    [Fact]
    public async Task CustomTrigger_Malicious_IsInspectedAsCustomAndFails()
    {
        var response = await InvokeCustomAsync("x' OR '1'='1' --");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD1001", response.Result.Exception.Message, StringComparison.Ordinal);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD1001");
        Assert.Equal("kafkaTrigger", finding.Source);
    }

    private Task<InvocationResponse> InvokeCustomAsync(string payload) =>
        worker.InvokeAsync(nameof(SyntheticFunctions.OnCustomTrigger), "payload", Data.String(payload), null);
}
