namespace ServerlessShield.AwsLambda;

// What GET /runtime/invocation/next returned: the event and the invocation's headers.
internal sealed record RuntimeApiInvocation(
    string RequestId,
    byte[] Event,
    DateTimeOffset? Deadline,
    string? InvokedFunctionArn,
    string? TraceId,
    string? TenantId);
