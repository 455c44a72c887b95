using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// Canary secrets planted in exception messages, inner exceptions, payload values and headers must never appear in
// a response, a rethrown exception or a captured log line, for every event source the adapter knows.
public class LeakTests
{
    private const string Canary = "CANARY-7f3a9c-SECRET";

    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public async Task HandlerFailure_WithCanariesInMessageAndInnerException_LeaksNowhere(string fixture)
    {
        // Secret-shaped canaries, the way secrets really end up in exception text.
        var error = new InvalidOperationException($"db failed: Server=db;Password={Canary}; call with Authorization: Bearer {Canary}",
            new TimeoutException($"inner: DefaultEndpointsProtocol=https;AccountName=a;AccountKey={Canary};EndpointSuffix=core.windows.net; api_key: {Canary}"));
        var function = new ShieldedFunction(ShieldedFunction.Throw(error));

        var (response, thrown) = await Invoke(function, Fixtures.Bytes(fixture));

        AssertNoCanary(fixture, response, thrown, function);
        Assert.True(response is not null || thrown is ShieldedInvocationException, $"{fixture}: the failure must surface (a response or a redacted rethrow), never be swallowed");
        if (thrown is not null)
        {
            Assert.IsType<ShieldedInvocationException>(thrown);
            Assert.Null(thrown.StackTrace);
            Assert.Null(thrown.InnerException);
        }
    }

    [Theory]
    [InlineData("apigw-rest")]
    [InlineData("apigw-http")]
    [InlineData("alb")]
    [InlineData("function-url")]
    public async Task CanaryInHeadersAndABlockedBodyValue_LeaksNowhere(string fixture)
    {
        var bytes = Fixtures.With(fixture, e =>
        {
            e["body"] = $"{{\"note\":\"Password={Canary}\\u0000\"}}";
            e["isBase64Encoded"] = false;
            if (e["headers"] is JsonObject headers)
            {
                headers["x-api-key"] = Canary;
                headers["authorization"] = "Bearer " + Canary;
                headers["content-type"] = "application/json";
            }
        });
        var function = new ShieldedFunction(ShieldedFunction.Throw(new InvalidOperationException($"x-api-key: {Canary}")));

        var (response, thrown) = await Invoke(function, bytes);

        AssertNoCanary(fixture, response, thrown, function);
        Assert.Empty(function.Received);
    }

    [Theory]
    [InlineData("sqs")]
    [InlineData("sns")]
    [InlineData("eventbridge")]
    public async Task CanaryInABlockedMessageValue_LeaksNowhere(string fixture)
    {
        var bytes = Fixtures.With(fixture, e =>
        {
            var payload = $"{{\"note\":\"AccountKey={Canary}\\u0000\"}}";
            switch (fixture)
            {
                case "sqs": e["Records"]![0]!["body"] = payload; break;
                case "sns": e["Records"]![0]!["Sns"]!["Message"] = payload; break;
                default: e["detail"] = JsonNode.Parse(payload); break;
            }
        });
        var function = new ShieldedFunction();

        var (response, thrown) = await Invoke(function, bytes);

        AssertNoCanary(fixture, response, thrown, function);
    }

    private static async Task<(string? Response, Exception? Thrown)> Invoke(ShieldedFunction function, byte[] bytes)
    {
        try
        {
            return (await function.InvokeAsync(bytes, "req-leak"), null);
        }
#pragma warning disable CA1031 // The test inspects whatever escapes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, ex);
        }
    }

    private static void AssertNoCanary(string fixture, string? response, Exception? thrown, ShieldedFunction function)
    {
        Assert.DoesNotContain(Canary, response ?? string.Empty, StringComparison.Ordinal);
        if (thrown is not null)
        {
            Assert.DoesNotContain(Canary, thrown.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Canary, thrown.Message, StringComparison.Ordinal);
        }

        foreach (var record in function.Logs.GetSnapshot())
        {
            var text = string.Join("|", record.Message, record.Exception?.ToString(), record.Exception?.Message,
                string.Join(",", record.StructuredState?.Select(kv => kv.Value) ?? []));
            Assert.False(text.Contains(Canary, StringComparison.Ordinal), $"{fixture}: a log line carries the canary: {text}");
        }
    }
}
