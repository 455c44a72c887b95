using Microsoft.Extensions.Logging;

namespace ServerlessShield.AwsLambda;

// The Lambda adapter's own log lines. Event ids and names never move: SIEM queries depend on them.
internal static partial class LambdaLog
{
    public const string CategoryName = "ServerlessShield.AwsLambda";

    [LoggerMessage(EventId = 200, EventName = "LambdaDescribeFailed", Level = LogLevel.Error,
        Message = "The describe delegate of a shielded Lambda handler threw {ExceptionType}; the invocation failed; correlation id {CorrelationId}")]
    public static partial void DescribeFailed(ILogger logger, Exception exception, string exceptionType, string correlationId);

    [LoggerMessage(EventId = 201, EventName = "LambdaBatchFailed", Level = LogLevel.Warning,
        Message = "{Count} record(s) of a {Source} batch for {FunctionName} were rejected and cannot be reported per record ({Reason}); the whole batch fails; correlation id {CorrelationId}")]
    public static partial void BatchFailed(ILogger logger, int count, string source, string functionName, string reason, string correlationId);
}
