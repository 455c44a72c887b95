namespace ServerlessShield.AwsLambda.Tests.Support;

// One invocation to hand out: the event and the headers Lambda sends with it.
internal sealed record FakeInvocation(
    string RequestId,
    string Event,
    long? DeadlineMs = null,
    string? FunctionArn = null,
    string? TraceId = null,
    string? TenantId = null)
{
    public static FakeInvocation WithDeadlineIn(string requestId, string eventJson, TimeSpan remaining, string? traceId = null) =>
        new(requestId, eventJson, DateTimeOffset.UtcNow.Add(remaining).ToUnixTimeMilliseconds(),
            "arn:aws:lambda:us-east-1:123456789012:function:orders:live", traceId);
}
