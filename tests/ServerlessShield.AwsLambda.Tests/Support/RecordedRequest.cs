namespace ServerlessShield.AwsLambda.Tests.Support;

// One request a RecordingHttpServer received.
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, string Body);
