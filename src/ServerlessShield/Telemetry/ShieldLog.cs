using Microsoft.Extensions.Logging;

namespace ServerlessShield;

// Every log line the shield writes. Event ids and names never move: SIEM queries depend on them.
internal static partial class ShieldLog
{
    public const string CategoryName = "ServerlessShield";

    [LoggerMessage(EventId = 100, EventName = "SecurityFinding", Level = LogLevel.Warning,
        Message = "Security finding {RuleId} ({RuleName}) {Action} in {FunctionName} from {Source} at {FieldPath}; correlation id {CorrelationId}")]
    public static partial void Finding(ILogger logger, string ruleId, string ruleName, string action, string functionName, string source, string fieldPath, string correlationId);

    [LoggerMessage(EventId = 101, EventName = "InvocationBlocked", Level = LogLevel.Warning,
        Message = "Invocation of {FunctionName} blocked by {RuleId} ({RuleName}) from {Source}; correlation id {CorrelationId}")]
    public static partial void Blocked(ILogger logger, string functionName, string ruleId, string ruleName, string source, string correlationId);

    [LoggerMessage(EventId = 102, EventName = "InvocationFailed", Level = LogLevel.Error,
        Message = "Invocation of {FunctionName} failed with {ExceptionType} ({RuleId}); the error was redacted; correlation id {CorrelationId}")]
    public static partial void Failed(ILogger logger, Exception exception, string functionName, string exceptionType, string ruleId, string correlationId);

    [LoggerMessage(EventId = 103, EventName = "BatchItemsRejected", Level = LogLevel.Warning,
        Message = "{Count} record(s) of a {Source} batch for {FunctionName} rejected; correlation id {CorrelationId}")]
    public static partial void ItemsRejected(ILogger logger, int count, string source, string functionName, string correlationId);
}
