using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Google.Protobuf;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using ServerlessShield.AzureFunctions.Tests.Hardening.Support;
using Xunit.Abstractions;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Hardening;

// Many invocations at once through the real workers, across eight functions and six trigger types, a third of them
// malicious and some throwing: each result belongs to its own invocation and is right for its own payload, none is
// lost or answered twice, and a pooled shield context never carries one invocation's state into the next.
// SERVERLESSSHIELD_CONCURRENCY_INVOCATIONS raises the count.
public sealed class WorkerConcurrencyTests(HardenedAppFixture app, HardenedSyntheticFixture synthetic, ITestOutputHelper output)
    : IClassFixture<HardenedAppFixture>, IClassFixture<HardenedSyntheticFixture>
{
    private const int DefaultInvocations = 10_000;
    private const string XssRule = "SHIELD1003";
    private static readonly ParallelOptions Bounded = new() { MaxDegreeOfParallelism = 64 };

    private static readonly string[] Functions =
    [
        HardenedAppFixture.Http, HardenedAppFixture.Queue, HardenedSyntheticFixture.ServiceBus, HardenedSyntheticFixture.ServiceBusBatch,
        HardenedSyntheticFixture.EventHubBatch, HardenedSyntheticFixture.EventGrid, HardenedSyntheticFixture.Cosmos, HardenedSyntheticFixture.Blob,
    ];

    private static int Invocations =>
        int.TryParse(Environment.GetEnvironmentVariable("SERVERLESSSHIELD_CONCURRENCY_INVOCATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultInvocations;

    private static bool IsMalicious(int i) => i % 3 == 0;

    private static bool Throws(int i) => i % 7 == 1;

    private static string Marker(int i) => $"m-{i}-end";

    private static string Body(int i) =>
        IsMalicious(i)
            ? $"{{\"id\":\"{Marker(i)}\",\"comment\":\"<script>alert({i})</script>\"}}"
            : $"{{\"id\":\"{Marker(i)}\",\"comment\":\"hello {i}\"}}";

    [Fact]
    public async Task ManyConcurrentInvocations_AcrossTriggers_NoCrossTalkNoLossCleanPool()
    {
        var invocations = Invocations;
        var seenBefore = app.Probe.Seen + synthetic.Probe.Seen;
        var results = new ConcurrentDictionary<int, Result>();

        await Parallel.ForEachAsync(Enumerable.Range(0, invocations), Bounded, async (i, _) =>
        {
            var function = Functions[i % Functions.Length];
            HardenedWorkerFixture worker = function is HardenedAppFixture.Http or HardenedAppFixture.Queue ? app : synthetic;
            var request = Build(worker, function, i);
            var response = await worker.SendAsync(request);
            var id = request.InvocationId;
            Assert.True(results.TryAdd(i, new Result(function, id, response, HardenedObservations.Take(id), worker.Events.Take(id))));
        });

        // Nothing lost, nothing answered twice, every invocation id and every correlation id its own.
        Assert.Equal(invocations, results.Count);
        Assert.Equal(invocations, results.Values.Select(r => r.InvocationId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, app.UnmatchedResponses + synthetic.UnmatchedResponses);
        Assert.Equal(invocations, app.Probe.Seen + synthetic.Probe.Seen - seenBefore);
        Assert.Equal(0, app.Probe.Dirty + synthetic.Probe.Dirty);

        var problems = new ConcurrentBag<string>();
        var failures = new List<string>();
        foreach (var (i, result) in results.OrderBy(r => r.Key))
        {
            if (Verify(i, result, problems) is { } failure)
            {
                failures.Add($"#{i} {result.Function} {result.InvocationId}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {invocations} invocations wrong; first: {string.Join(Environment.NewLine, failures.Take(5))}");
        Assert.Equal(problems.Count, problems.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(app.Logs.Leaks);
        Assert.Empty(synthetic.Logs.Leaks);
        output.WriteLine($"{invocations} invocations across {Functions.Length} functions; {problems.Count} problem answers");
    }

    // The right outcome for the invocation's own payload: blocked when malicious (the function did not run), the
    // function's redacted failure when it threw, else success with the function having seen its own record only.
    private static string? Verify(int i, Result result, ConcurrentBag<string> problems)
    {
        var (function, id, response, ran, events) = result;
        if (response.InvocationId != id)
        {
            return "answered with invocation " + response.InvocationId;
        }

        if (events.Any(e => e.CorrelationId != id || e.InvocationId != id))
        {
            return "a security event names another invocation";
        }

        if (ran is not null && (ran.Function != function || ran.ShieldInvocationId != id || ran.ShieldCorrelationId != id))
        {
            return $"the function ran as {ran.Function} in the shield context of {ran.ShieldInvocationId}";
        }

        var isHttp = function == HardenedAppFixture.Http;
        if (IsMalicious(i))
        {
            if (ran is not null)
            {
                return "a malicious payload reached the function";
            }

            if (events.Count == 0 || events.Any(e => e.RuleId != XssRule))
            {
                return "not reported as cross-site scripting: " + string.Join(",", events.Select(e => e.RuleId));
            }

            return isHttp ? Problem(id, response, 400, problems) : Failed(id, response, XssRule);
        }

        if (ran is null)
        {
            return $"a clean payload did not reach the function ({response.Result.Status} {response.Result.Exception?.Message})";
        }

        if (!SawOwnRecord(i, function, ran))
        {
            return "the function saw another payload: " + ran.PayloadHead;
        }

        if (Throws(i))
        {
            return events.All(e => e.RuleId == ShieldRules.UnhandledException.Id)
                ? isHttp ? Problem(id, response, 500, problems) : Failed(id, response, ShieldRules.UnhandledException.Id)
                : "unexpected findings: " + string.Join(",", events.Select(e => e.RuleId));
        }

        if (events.Count != 0)
        {
            return "findings on a clean payload: " + string.Join(",", events.Select(e => e.RuleId));
        }

        if (response.Result.Status != Status.Success)
        {
            return $"{response.Result.Status}: {response.Result.Exception?.Message}";
        }

        return !isHttp || HttpResult.FromReturnValue(response) is { StatusCode: 200 } http && http.Body.StartsWith("ok:" + id + ":", StringComparison.Ordinal)
            ? null
            : "not the function's own 200";
    }

    private static bool SawOwnRecord(int i, string function, HardenedObservation ran)
    {
        var seen = function switch
        {
            HardenedSyntheticFixture.EventGrid => ran.PayloadHead == "evt-" + i.ToString(CultureInfo.InvariantCulture) ? Marker(i) : ran.PayloadHead,
            HardenedSyntheticFixture.Blob => ran.PayloadHead == Convert.ToHexString(Encoding.UTF8.GetBytes(Body(i)))[..Math.Min(512, Body(i).Length * 2)] ? Marker(i) : ran.PayloadHead,
            _ => ran.PayloadHead,
        };
        return seen.Contains(Marker(i), StringComparison.Ordinal) && seen.Split("m-").Length == 2;
    }

    private static string? Problem(string id, InvocationResponse response, int status, ConcurrentBag<string> problems)
    {
        var http = HttpResult.FromReturnValue(response);
        if (http.StatusCode != status)
        {
            return $"HTTP {http.StatusCode}, expected {status}";
        }

        problems.Add(http.ProblemCorrelationId());
        return CleanOutcome.OfProblem(id, http);
    }

    private static string? Failed(string id, InvocationResponse response, string code)
    {
        if (response.Result.Status != Status.Failure)
        {
            return $"{response.Result.Status}, expected a failure with {code}";
        }

        return CleanOutcome.FailureCode(response) == code && response.Result.Exception.Message.Contains(id, StringComparison.Ordinal)
            ? null
            : "failed with " + response.Result.Exception.Message;
    }

    private static InvocationRequest Build(HardenedWorkerFixture worker, string function, int i)
    {
        var request = worker.NewRequest(function);
        var body = Body(i);
        var metadata = request.TriggerMetadata;
        var index = i.ToString(CultureInfo.InvariantCulture);
        switch (function)
        {
            case HardenedAppFixture.Http:
                var http = new RpcHttp { Method = "POST", Url = "http://localhost/api/hardened/r-" + index, Body = new TypedData { Bytes = ByteString.CopyFromUtf8(body) } };
                http.NullableHeaders["content-type"] = new NullableString { Value = "application/json" };
                if (Throws(i))
                {
                    http.NullableHeaders["Accept"] = new NullableString { Value = HardeningFunctions.ThrowKey };
                }

                http.Params["id"] = "r-" + index;
                request.InputData.Add(new ParameterBinding { Name = "req", Data = new TypedData { Http = http } });
                metadata["id"] = Data.String("r-" + index);
                metadata["Query"] = Data.Json("{}");
                metadata["Headers"] = Data.Json("{}");
                return request;
            case HardenedAppFixture.Queue:
                Add(request, "message", Data.String(body));
                metadata["QueueTrigger"] = Data.String(body);
                metadata["DequeueCount"] = Data.Json("1");
                break;
            case HardenedSyntheticFixture.ServiceBus:
                Add(request, "message", Data.String(body));
                metadata["MessageId"] = Data.String("msg-" + index);
                break;
            case HardenedSyntheticFixture.ServiceBusBatch:
                Add(request, "messages", Data.Strings(body, "{\"ok\":1}"));
                metadata["MessageIdArray"] = Data.Json($"[\"msg-{index}\",\"msg-{index}-b\"]");
                break;
            case HardenedSyntheticFixture.EventHubBatch:
                Add(request, "events", Data.Strings(body, "{\"ok\":1}"));
                metadata["SequenceNumberArray"] = Data.Json($"[{index}0,{index}1]");
                break;
            case HardenedSyntheticFixture.EventGrid:
                Add(request, "gridEvent", Data.Json($"{{\"id\":\"evt-{index}\",\"eventType\":\"Orders.Created\",\"subject\":\"/orders\",\"dataVersion\":\"1\",\"data\":{body}}}"));
                break;
            case HardenedSyntheticFixture.Cosmos:
                Add(request, "documents", Data.Json($"[{body},{{\"id\":\"other\"}}]"));
                break;
            default:
                Add(request, "content", Data.Bytes(body));
                metadata["BlobTrigger"] = Data.String($"uploads/{index}.json");
                break;
        }

        if (Throws(i))
        {
            metadata[HardeningFunctions.ThrowKey] = Data.String("1");
        }

        return request;
    }

    private static void Add(InvocationRequest request, string name, TypedData data) => request.InputData.Add(new ParameterBinding { Name = name, Data = data });

    private sealed record Result(string Function, string InvocationId, InvocationResponse Response, HardenedObservation? Ran, IReadOnlyList<SecurityEvent> Events);
}
