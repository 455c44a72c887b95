using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using ServerlessShield.HardeningTests.Support;

namespace ServerlessShield.HardeningTests;

// Many invocations at once across many functions: every result belongs to its own invocation, none is lost, and a
// pooled context never carries one invocation's state into the next.
public sealed class ConcurrencyTests
{
    private const int Invocations = 10_000;
    private const int Functions = 50;
    private static readonly ParallelOptions Bounded = new() { MaxDegreeOfParallelism = 64 };

    private static bool IsMalicious(int i) => i % 3 == 0;

    private static string Body(int i) =>
        IsMalicious(i)
            ? $"{{\"id\":\"marker-{i}-end\",\"comment\":\"<script>alert({i})</script>\"}}"
            : $"{{\"id\":\"marker-{i}-end\",\"comment\":\"hello {i}\"}}";

    [Fact(Timeout = 120_000)]
    public async Task Engine_TenThousandConcurrentInvocations_EachGetsItsOwnVerdictAndCorrelationId()
    {
        using var engine = Harness.Engine();
        var results = new ConcurrentDictionary<int, EngineResult>();
        var handlerSaw = new ConcurrentDictionary<int, string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Invocations), Bounded, async (i, _) =>
        {
            var result = await Harness.RunAsync(engine, Encoding.UTF8.GetBytes(Body(i)), $"fn-{i % Functions}", $"req-{i}", async context =>
            {
                context.SetProperty(Harness.Marker, $"req-{i}");
                await Task.Yield();
                var own = Encoding.UTF8.GetString(context.Inputs.Single().Data.Span);
                handlerSaw[i] = $"{context.FunctionName}|{context.CorrelationId}|{own.Contains($"marker-{i}-end", StringComparison.Ordinal)}";
            });
            Assert.True(results.TryAdd(i, result));
        });

        Assert.Equal(Invocations, results.Count);
        foreach (var (i, result) in results)
        {
            Assert.Equal($"req-{i}", result.CorrelationId);
            if (IsMalicious(i))
            {
                Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
                Assert.Equal(ShieldRules.CrossSiteScripting, result.Outcome.Rule);
                Assert.False(result.HandlerRan);
                Assert.False(handlerSaw.ContainsKey(i));
                Assert.All(result.Findings, f => Assert.Equal(ShieldRules.CrossSiteScripting, f.Rule));
            }
            else
            {
                Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
                Assert.True(result.HandlerRan);
                Assert.Empty(result.Findings);
                Assert.Equal($"fn-{i % Functions}|req-{i}|True", handlerSaw[i]);
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Lambda_TenThousandConcurrentInvocationsAcrossFiftyFunctions_NoCrossTalkNoLoss()
    {
        var probe = new PoolStateProbe();
        var handlers = Enumerable.Range(0, Functions).Select(f => Harness.Wrap(async (input, context) =>
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            await Task.Yield();
            var i = int.Parse(context.AwsRequestId.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture);
            var response = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["rid"] = context.AwsRequestId,
                ["fn"] = context.FunctionName,
                ["own"] = text.Contains($"marker-{i}-end", StringComparison.Ordinal),
                ["other"] = text.Contains($"marker-{i + 1}-end", StringComparison.Ordinal),
            });
            return new MemoryStream(Encoding.UTF8.GetBytes(response));
        }, configure: b => b.Insert(0, probe))).ToArray();
        var results = new ConcurrentDictionary<int, LambdaResult>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Invocations), Bounded, async (i, _) =>
        {
            // Even: an API Gateway request; odd: an SQS batch of the invocation's own record and a clean one.
            var eventBytes = i % 2 == 0 ? Harness.ApiGatewayEvent(Body(i)) : Harness.SqsEvent(Body(i), "{\"ok\":1}");
            var result = await Harness.InvokeAsync(handlers[i % Functions], eventBytes, $"req-{i}", $"fn-{i % Functions}");
            Assert.True(results.TryAdd(i, result));
        });

        Assert.Equal(Invocations, results.Count);
        Assert.Equal(Invocations, probe.Seen);
        foreach (var (i, result) in results)
        {
            Assert.Null(result.Rejected);
            using var response = JsonDocument.Parse(result.Response!);
            var root = response.RootElement;
            if (IsMalicious(i) && i % 2 == 0)
            {
                Harness.AssertProblemAnswer(result.Response!, $"req-{i}");
                Assert.Equal(400, root.GetProperty("statusCode").GetInt32());
                continue;
            }

            if (IsMalicious(i))
            {
                // The malicious record is withheld and reported; the clean one reached the handler.
                var failure = Assert.Single(root.GetProperty("batchItemFailures").EnumerateArray());
                Assert.Equal("msg-0", failure.GetProperty("itemIdentifier").GetString());
                Assert.Equal($"req-{i}", root.GetProperty("rid").GetString());
                Assert.False(root.GetProperty("own").GetBoolean());
            }
            else
            {
                Assert.True(root.GetProperty("own").GetBoolean());
            }

            Assert.Equal($"req-{i}", root.GetProperty("rid").GetString());
            Assert.Equal($"fn-{i % Functions}", root.GetProperty("fn").GetString());
            Assert.False(root.GetProperty("other").GetBoolean());
        }
    }
}
