using System.Text;
using Google.Protobuf;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using ServerlessShield.AzureFunctions.Tests.Hardening.Support;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Hardening;

// Faults around the shield, through the real worker: a listener that throws, one that blocks, a validator that
// throws, an invocation the host cancels. The function's outcome stays what it should be, nothing of the faults'
// secrets reaches an answer or a log line, and the worker goes on serving.
public sealed class WorkerFaultTests(FaultWorkerFixture worker) : IClassFixture<FaultWorkerFixture>
{
    private const string Malicious = "{\"name\":\"<script>alert(1)</script>\"}";
    private const string Clean = "{\"name\":\"alice\"}";

    [Fact]
    public async Task ThrowingListener_VerdictsAndAnswersUnchanged_LaterListenersStillServed()
    {
        var callsBefore = worker.Throwing.Calls;

        var (blockedId, blocked) = await HttpAsync(HardenedAppFixture.Http, Malicious);
        var (allowedId, allowed) = await HttpAsync(HardenedAppFixture.Http, Clean);
        var (rejectedId, rejected) = await QueueAsync("{\"name\":\"a; rm -rf /\"}");
        var (failedId, failed) = await QueueAsync(Clean, throws: true);

        Assert.Equal(400, HttpResult.FromReturnValue(blocked).StatusCode);
        Assert.Null(CleanOutcome.OfProblem(blockedId, HttpResult.FromReturnValue(blocked)));
        Assert.Equal("ok:" + allowedId + ":2", HttpResult.FromReturnValue(allowed).Body);
        Assert.Equal("SHIELD1004", CleanOutcome.FailureCode(rejected));
        Assert.Equal(ShieldRules.UnhandledException.Id, CleanOutcome.FailureCode(failed));
        Assert.Null(HardenedObservations.Take(blockedId));
        Assert.NotNull(HardenedObservations.Take(allowedId));
        Assert.NotNull(HardenedObservations.Take(failedId));

        // The throwing listener was called, and the listener registered after it still got every event.
        Assert.True(worker.Throwing.Calls >= callsBefore + 3);
        Assert.Contains(worker.Events.Take(blockedId), e => e.RuleId == "SHIELD1003");
        Assert.Contains(worker.Events.Take(rejectedId), e => e.RuleId == "SHIELD1004");
        Assert.Contains(worker.Events.Take(failedId), e => e.RuleId == ShieldRules.UnhandledException.Id);
        Assert.Empty(worker.Logs.Leaks);
    }

    [Fact]
    public async Task BlockingListener_HoldsOnlyItsOwnInvocation_WhichThenCompletesCorrectly()
    {
        var held = worker.NewRequest(HardenedAppFixture.Http);
        var entered = worker.Blocking.Hold(held.InvocationId);
        AddHttp(held, Malicious);
        var heldResponse = worker.SendAsync(held);
        await entered.WaitAsync(HardenedWorkerFixture.InvocationTimeout);

        try
        {
            // While one invocation is stuck in a listener, others (with findings of their own) are answered.
            var (otherId, other) = await HttpAsync(HardenedAppFixture.Http, Malicious);
            var (cleanId, clean) = await QueueAsync(Clean);
            Assert.Equal(400, HttpResult.FromReturnValue(other).StatusCode);
            Assert.Equal(otherId, HttpResult.FromReturnValue(other).ProblemCorrelationId());
            Assert.Equal(Status.Success, clean.Result.Status);
            Assert.NotNull(HardenedObservations.Take(cleanId));
            Assert.False(heldResponse.IsCompleted);
        }
        finally
        {
            worker.Blocking.Release(held.InvocationId);
        }

        var response = await heldResponse;
        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(400, http.StatusCode);
        Assert.Null(CleanOutcome.OfProblem(held.InvocationId, http));
        Assert.Null(HardenedObservations.Take(held.InvocationId));
        Assert.Equal(0, worker.Probe.Dirty);
    }

    [Fact]
    public async Task ThrowingValidator_FailsClosedWithoutRunningTheFunction_OthersValidateAsUsual()
    {
        var (httpId, http) = await HttpAsync(FaultWorkerFixture.ValidatedHttp, "{\"name\":\"explode\"}");
        var (queueId, queue) = await QueueAsync("{\"name\":\"explode\"}");
        var (_, invalid) = await HttpAsync(FaultWorkerFixture.ValidatedHttp, "{\"name\":\"\"}");
        var (validId, valid) = await QueueAsync(Clean);
        var (_, echoed) = await HttpAsync(FaultWorkerFixture.ValidatedHttp, Clean);

        var failedHttp = HttpResult.FromReturnValue(http);
        Assert.Equal(500, failedHttp.StatusCode);
        Assert.Null(CleanOutcome.OfProblem(httpId, failedHttp));
        Assert.Equal(ShieldRules.ShieldFailure.Id, CleanOutcome.FailureCode(queue));
        Assert.Contains(queueId, queue.Result.Exception.Message, StringComparison.Ordinal);
        Assert.False(CleanOutcome.Leaks(queue.Result.ToString()));
        Assert.Null(HardenedObservations.Take(queueId));
        Assert.Equal(422, HttpResult.FromReturnValue(invalid).StatusCode);
        Assert.Equal(Status.Success, valid.Result.Status);
        Assert.NotNull(HardenedObservations.Take(validId));
        Assert.Equal("echo:" + Clean, HttpResult.FromReturnValue(echoed).Body);
        Assert.Empty(worker.Logs.Leaks);
    }

    [Fact]
    public async Task HttpInvocationCancelledByTheHost_IsReportedAsCancelled_AndTheWorkerGoesOn()
    {
        var request = worker.NewRequest("HardenedSlowHttp");
        AddHttp(request, Clean, route: null);
        var response = worker.SendAsync(request);
        while (!HardenedObservations.Started(request.InvocationId) && !response.IsCompleted)
        {
            await Task.Delay(10);
        }

        await worker.CancelAsync(request.InvocationId);
        var cancelled = await response;

        Assert.NotNull(HardenedObservations.Take(request.InvocationId));
        Assert.True(cancelled.Result.Status == Status.Cancelled, $"{cancelled.Result.Status}: {cancelled.Result.Exception?.Type} {cancelled.Result.Exception?.Message}");
        Assert.DoesNotContain(worker.Events.Take(request.InvocationId), e => e.RuleId is "SHIELD3001" or "SHIELD3002");
        var (nextId, next) = await HttpAsync(HardenedAppFixture.Http, Clean);
        Assert.Equal("ok:" + nextId + ":2", HttpResult.FromReturnValue(next).Body);
        Assert.NotNull(HardenedObservations.Take(nextId));
        Assert.Equal(0, worker.Probe.Dirty);
    }

    private async Task<(string Id, InvocationResponse Response)> HttpAsync(string function, string body)
    {
        var request = worker.NewRequest(function);
        AddHttp(request, body, function == HardenedAppFixture.Http ? "42" : null);
        return (request.InvocationId, await worker.SendAsync(request));
    }

    private async Task<(string Id, InvocationResponse Response)> QueueAsync(string message, bool throws = false)
    {
        var request = worker.NewRequest(HardenedAppFixture.Queue);
        request.InputData.Add(new ParameterBinding { Name = "message", Data = Data.String(message) });
        request.TriggerMetadata["QueueTrigger"] = Data.String(message);
        if (throws)
        {
            request.TriggerMetadata[HardeningFunctions.ThrowKey] = Data.String("1");
        }

        return (request.InvocationId, await worker.SendAsync(request));
    }

    private static void AddHttp(InvocationRequest request, string body, string? route = "42")
    {
        var http = new RpcHttp { Method = "POST", Url = "http://localhost/api/x", Body = new TypedData { Bytes = ByteString.CopyFrom(Encoding.UTF8.GetBytes(body)) } };
        http.NullableHeaders["content-type"] = new NullableString { Value = "application/json" };

        // A browser's User-Agent is inspected, never validated as the payload (it once answered 422 on a validated function).
        http.NullableHeaders["User-Agent"] = new NullableString { Value = "Mozilla/5.0 (X11; Linux x86_64)" };
        if (route is not null)
        {
            http.Params["id"] = route;
            request.TriggerMetadata["id"] = Data.String(route);
        }

        request.InputData.Add(new ParameterBinding { Name = "req", Data = new TypedData { Http = http } });
    }
}
