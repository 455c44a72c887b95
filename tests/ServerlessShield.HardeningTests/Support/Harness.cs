using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ServerlessShield.HardeningTests.Support;

// What one core-engine invocation ended with.
internal sealed record EngineResult(ShieldOutcome Outcome, string CorrelationId, bool HandlerRan, IReadOnlyList<ShieldFinding> Findings);

// Stands in for ILambdaContext.
internal sealed record FakeLambdaContext(string AwsRequestId, string FunctionName, TimeSpan? RemainingTime = null)
{
    public static LambdaInvocation Describe(FakeLambdaContext c) =>
        new(c.AwsRequestId, c.FunctionName, $"arn:aws:lambda:us-east-1:123456789012:function:{c.FunctionName}", c.RemainingTime ?? TimeSpan.FromMinutes(5));
}

// What one wrapped Lambda invocation ended with: a response text, or the documented exception.
internal sealed record LambdaResult(string? Response, ShieldedInvocationException? Rejected, bool HandlerRan);

internal static class Harness
{
    public const int BigLimit = 64 * 1024 * 1024;

    // Standard profile, opted in; optionally the payload limit raised to the supported maximum so the parser walks the input.
    public static ShieldOptions StandardOptions(bool raisePayloadLimit = false)
    {
        var options = new ShieldOptions { RequireOptIn = false, Profile = ShieldProfile.Standard };
        if (raisePayloadLimit)
        {
            options.Limits.MaxPayloadBytes = BigLimit;
        }

        return options;
    }

    public static ShieldEngine Engine(bool raisePayloadLimit = false, Action<ShieldPipelineBuilder>? configure = null, ILoggerFactory? loggerFactory = null) =>
        ShieldEngine.Create(StandardOptions(raisePayloadLimit), loggerFactory, configure);

    public static ShieldInput Json(byte[] body, string path = "body") => new(path, body, InputFormat.Json);

    public static async Task<EngineResult> RunAsync(
        ShieldEngine engine,
        byte[] body,
        string function = "fn",
        string? requestId = null,
        Func<ShieldContext, ValueTask>? handler = null,
        CancellationToken cancellationToken = default)
    {
        var policy = engine.Policies.GetPolicy(function, () => null);
        var context = engine.Rent(policy);
        try
        {
            AssertClean(context);
            var ran = false;
            context.Source = new EventSourceInfo(EventSourceKind.Queue, "hardening-queue");
            context.PlatformRequestId = requestId;
            context.CancellationToken = cancellationToken;
            context.Inputs.Add(Json(body));
            context.Handler = c =>
            {
                ran = true;
                return handler?.Invoke(c) ?? ValueTask.CompletedTask;
            };
            await engine.RunAsync(context);
            return new EngineResult(context.Outcome, context.CorrelationId, ran, [.. context.Findings]);
        }
        finally
        {
            engine.Return(context);
        }
    }

    // Set by handlers; a rented context must never have it.
    public static ShieldPropertyKey<string> Marker { get; } = new("hardening.marker");

    // A rented context must come out of the pool as new: nothing of an earlier invocation.
    public static void AssertClean(ShieldContext context)
    {
        if (context.TryGetProperty(Marker, out _))
        {
            throw new InvalidOperationException("A pooled ShieldContext carried a property from an earlier invocation.");
        }

        if (context.Inputs.Count != 0 || context.Findings.Count != 0 || context.RejectedItemIds.Count != 0
            || context.Http is not null || context.PlatformRequestId is not null || context.InvocationId is not null
            || context.TraceId is not null || context.Handler is not null || context.HandlerInvoked
            || context.Outcome.Kind != ShieldOutcomeKind.Allowed || context.CancellationToken.CanBeCanceled)
        {
            throw new InvalidOperationException("A pooled ShieldContext carried state from an earlier invocation.");
        }
    }

    public static Func<Stream, FakeLambdaContext, Task<Stream>> Wrap(
        Func<Stream, FakeLambdaContext, Task<Stream>> handler,
        bool raisePayloadLimit = false,
        Action<ShieldPipelineBuilder>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        var options = new LambdaShieldOptions
        {
            Shield = StandardOptions(raisePayloadLimit),
            ConfigurePipeline = configure,
            LoggerFactory = loggerFactory,
        };
        if (raisePayloadLimit)
        {
            options.MaxEventBytes = BigLimit;
        }

        return LambdaShield.Wrap(handler, FakeLambdaContext.Describe, options);
    }

    public static readonly byte[] OkResponse = "{\"ok\":true}"u8.ToArray();

    public static Task<Stream> Ok(Stream input, FakeLambdaContext context) => Task.FromResult<Stream>(new MemoryStream(OkResponse));

    public static async Task<LambdaResult> InvokeAsync(Func<Stream, FakeLambdaContext, Task<Stream>> wrapped, byte[] eventBytes, string requestId, string function = "fn", Func<bool>? handlerRan = null)
    {
        try
        {
            var response = await wrapped(new MemoryStream(eventBytes, writable: false), new FakeLambdaContext(requestId, function));
            using var reader = new StreamReader(response, Encoding.UTF8);
            return new LambdaResult(await reader.ReadToEndAsync(), null, handlerRan?.Invoke() ?? false);
        }
        catch (ShieldedInvocationException ex)
        {
            return new LambdaResult(null, ex, handlerRan?.Invoke() ?? false);
        }
    }

    // An API Gateway HTTP API (v2) event carrying a body.
    public static byte[] ApiGatewayEvent(string body, bool base64 = false) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["version"] = "2.0",
            ["routeKey"] = "POST /orders",
            ["rawPath"] = "/orders",
            ["rawQueryString"] = "",
            ["headers"] = new Dictionary<string, string> { ["content-type"] = "application/json", ["host"] = "api.example.com" },
            ["requestContext"] = new Dictionary<string, object?>
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "api1",
                ["domainName"] = "api.example.com",
                ["http"] = new Dictionary<string, string> { ["method"] = "POST", ["path"] = "/orders", ["protocol"] = "HTTP/1.1", ["sourceIp"] = "127.0.0.1", ["userAgent"] = "test" },
                ["requestId"] = "apigw-req",
                ["routeKey"] = "POST /orders",
                ["stage"] = "$default",
                ["time"] = "29/Nov/2026:04:00:00 +0000",
                ["timeEpoch"] = 1795924800000,
            },
            ["body"] = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body,
            ["isBase64Encoded"] = base64,
        });

    public static byte[] SqsEvent(params string[] bodies) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["Records"] = bodies.Select((b, i) => new Dictionary<string, object?>
            {
                ["messageId"] = $"msg-{i}",
                ["receiptHandle"] = $"rh-{i}",
                ["body"] = b,
                ["attributes"] = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1", ["SentTimestamp"] = "1773150052000", ["SenderId"] = "AIDAEXAMPLE", ["ApproximateFirstReceiveTimestamp"] = "1773150052001" },
                ["messageAttributes"] = new Dictionary<string, object>(),
                ["md5OfBody"] = "e4e68fb7bd0e697a0ae8f1bb342846b3",
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders",
                ["awsRegion"] = "us-east-1",
            }).ToArray(),
        });

    public static byte[] SnsEvent(string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["Records"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["EventSource"] = "aws:sns",
                    ["EventVersion"] = "1.0",
                    ["EventSubscriptionArn"] = "arn:aws:sns:us-east-1:123456789012:orders:sub-1",
                    ["Sns"] = new Dictionary<string, object?>
                    {
                        ["Type"] = "Notification",
                        ["MessageId"] = "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
                        ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:orders",
                        ["Subject"] = "test",
                        ["Message"] = message,
                        ["Timestamp"] = "2026-11-29T04:00:00.000Z",
                        ["SignatureVersion"] = "1",
                        ["Signature"] = "EXAMPLE",
                        ["SigningCertUrl"] = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem",
                        ["UnsubscribeUrl"] = "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
                        ["MessageAttributes"] = new Dictionary<string, object>(),
                    },
                },
            },
        });

    // An HTTP answer from the shield: status 100-599, problem+json body whose correlationId is the request id.
    public static void AssertProblemAnswer(string response, string requestId)
    {
        using var document = JsonDocument.Parse(response);
        var root = document.RootElement;
        var status = root.GetProperty("statusCode").GetInt32();
        Assert.InRange(status, 100, 599);
        var headers = root.GetProperty("headers");
        Assert.Equal("application/problem+json", headers.GetProperty("Content-Type").GetString());
        using var problem = JsonDocument.Parse(root.GetProperty("body").GetString()!);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(requestId, problem.RootElement.GetProperty("correlationId").GetString());
    }

    public static bool IsDocumented(ShieldOutcomeKind kind) =>
        kind is ShieldOutcomeKind.Allowed or ShieldOutcomeKind.Monitored or ShieldOutcomeKind.Sanitized or ShieldOutcomeKind.Blocked or ShieldOutcomeKind.Failed;
}
