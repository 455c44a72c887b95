using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using ServerlessShield.AzureFunctions.Tests.Hardening.Support;

namespace ServerlessShield.AzureFunctions.Tests.Hardening;

// Controls for the checks the fuzz and concurrency tests rely on: each sees the fault it is meant to see, so a property
// that holds is evidence and not a check that cannot fail.
public sealed class CheckControlTests(HardenedAppFixture worker) : IClassFixture<HardenedAppFixture>
{
    [Fact]
    public async Task UnshieldedFunctionLeakingItsPayload_IsCaughtInTheFailureAndInTheLogs()
    {
        var request = worker.NewRequest(HardenedAppFixture.LeakyQueue);
        request.InputData.Add(new ParameterBinding { Name = "message", Data = Data.String("{\"name\":\"" + HardeningFunctions.Canary + "\"}") });

        var response = await worker.SendAsync(request);

        var violation = CleanOutcome.OfTrigger(request.InvocationId, HardenedAppFixture.LeakyQueue, response, null, functionThrows: false, expectedDigest: null);
        Assert.Contains("canary", violation, StringComparison.Ordinal);
        Assert.Contains(worker.Logs.Leaks, line => line.Contains(request.InvocationId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\"type\":\"t\",\"title\":\"Bad Request\",\"status\":400,\"correlationId\":\"ID\",\"value\":\"" + HardeningFunctions.Canary + "\"}")]
    [InlineData("{\"type\":\"t\",\"title\":\"Bad Request\",\"status\":400,\"correlationId\":\"ID\",\"detail\":\"x\"}")]
    [InlineData("{\"type\":\"t\",\"title\":\"Bad Request\",\"status\":400,\"correlationId\":\"other\"}")]
    [InlineData("{\"type\":\"t\",\"title\":\"Bad Request\",\"status\":500,\"correlationId\":\"ID\"}")]
    [InlineData("System.InvalidOperationException: boom\n   at Store.Save()")]
    public void ProblemCheck_SeesCanariesStackTracesExtraMembersAndForeignIds(string body)
    {
        var http = new HttpResult(400, body.Replace("\"ID\"", "\"inv-1\"", StringComparison.Ordinal),
            new Dictionary<string, string> { ["Content-Type"] = "application/problem+json", ["X-Correlation-Id"] = "inv-1" });

        Assert.NotNull(CleanOutcome.OfProblem("inv-1", http));
    }

    [Fact]
    public void ProblemCheck_AcceptsTheShieldsAnswer()
    {
        var http = new HttpResult(400, "{\"type\":\"t\",\"title\":\"Bad Request\",\"status\":400,\"correlationId\":\"inv-1\"}",
            new Dictionary<string, string> { ["Content-Type"] = "application/problem+json", ["X-Correlation-Id"] = "inv-1" });

        Assert.Null(CleanOutcome.OfProblem("inv-1", http));
    }

    [Fact]
    public async Task PoolProbe_SeesAContextCarryingAnEarlierInvocationsMark()
    {
        using var engine = ShieldEngine.Create();
        var context = engine.Rent(engine.Policies.GetPolicy("f"));
        var probe = new PoolStateProbe();
        try
        {
            context.InvocationId = "inv-2";
            context.SetProperty(PoolStateProbe.Marker, "inv-1");

            await Assert.ThrowsAsync<InvalidOperationException>(() => probe.InvokeAsync(context, _ => ValueTask.CompletedTask).AsTask());
            Assert.Equal(1, probe.Dirty);
        }
        finally
        {
            engine.Return(context);
        }
    }
}
