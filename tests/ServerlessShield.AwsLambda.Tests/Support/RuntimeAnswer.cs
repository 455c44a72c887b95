namespace ServerlessShield.AwsLambda.Tests.Support;

// What the runtime posted for an invocation (or for its initialisation).
internal sealed record RuntimeAnswer(
    string Kind,
    string Route,
    string Body,
    string? ErrorTypeHeader,
    string? ContentType,
    long ContentLength,
    string? TransferEncoding);
