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

    [LoggerMessage(EventId = 202, EventName = "LambdaCloudFormationFailureReported", Level = LogLevel.Warning,
        Message = "A rejected CloudFormation custom-resource request was answered FAILED ({Code}); correlation id {CorrelationId}")]
    public static partial void CloudFormationFailureReported(ILogger logger, string code, string correlationId);

    // The response URL is a pre-signed S3 URL, a secret: it is never logged.
    [LoggerMessage(EventId = 203, EventName = "LambdaCloudFormationReportFailed", Level = LogLevel.Error,
        Message = "A rejected CloudFormation custom-resource request could not be answered FAILED (status {StatusCode}; 0: refused or unreachable URL); the failure is rethrown; correlation id {CorrelationId}")]
    public static partial void CloudFormationReportFailed(ILogger logger, int statusCode, string correlationId);

    [LoggerMessage(EventId = 210, EventName = "LambdaRuntimeHandlerFailed", Level = LogLevel.Error,
        Message = "The handler threw {ExceptionType}; Lambda was sent a redacted error; request id {RequestId}")]
    private static partial void RuntimeHandlerFailed(ILogger logger, Exception exception, string exceptionType, string requestId);

    [LoggerMessage(EventId = 211, EventName = "LambdaRuntimeInitFailed", Level = LogLevel.Error,
        Message = "Initialisation threw {ExceptionType}; Lambda was sent a redacted init error; correlation id {CorrelationId}")]
    private static partial void RuntimeInitFailed(ILogger logger, Exception exception, string exceptionType, string correlationId);

    [LoggerMessage(EventId = 212, EventName = "LambdaRuntimeAnswerRefused", Level = LogLevel.Warning,
        Message = "The Runtime API refused the {Answer} of request {RequestId} with status {StatusCode}")]
    public static partial void RuntimeAnswerRefused(ILogger logger, string answer, int statusCode, string requestId);

    // The runtime host's failures are logged as scrubbed stand-ins, built only when someone listens.
    public static void RuntimeHandlerFailed(ILogger logger, Exception original, string requestId)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            RuntimeHandlerFailed(logger, new ScrubbedException(original), TypeName(original), requestId);
        }
    }

    public static void RuntimeInitFailed(ILogger logger, Exception original, string correlationId)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            RuntimeInitFailed(logger, new ScrubbedException(original), TypeName(original), correlationId);
        }
    }

    private static string TypeName(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;
}
