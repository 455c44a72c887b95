using Microsoft.Extensions.Logging;

namespace ServerlessShield;

// Every log line the shield writes. Event ids and names never move: SIEM queries depend on them.
// Each line carries the rule id, so one query finds one rule across every sink.
internal static partial class ShieldLog
{
    public const string CategoryName = "ServerlessShield";

    [LoggerMessage(EventId = 100, EventName = "SecurityFinding", Level = LogLevel.Warning,
        Message = "Security finding {RuleId} ({RuleName}, {Severity}) {Action} in {FunctionName} on {Platform} from {Source} at {FieldPath}; value hash {ValueHash}; record {ItemId}; correlation id {CorrelationId}; invocation id {InvocationId}; trace id {TraceId}; cold start {ColdStart}")]
    public static partial void Finding(ILogger logger, string ruleId, string ruleName, ShieldSeverity severity, string action, string functionName, ShieldPlatform platform, string source, string? fieldPath, string? valueHash, string? itemId, string correlationId, string? invocationId, string? traceId, bool coldStart);

    [LoggerMessage(EventId = 101, EventName = "InvocationBlocked", Level = LogLevel.Warning,
        Message = "Invocation of {FunctionName} blocked by {RuleId} ({RuleName}) from {Source}; correlation id {CorrelationId}")]
    public static partial void Blocked(ILogger logger, string functionName, string ruleId, string ruleName, string source, string correlationId);

    [LoggerMessage(EventId = 102, EventName = "InvocationFailed", Level = LogLevel.Error,
        Message = "Invocation of {FunctionName} failed with {ExceptionType} ({RuleId}); the error was redacted; correlation id {CorrelationId}")]
    public static partial void Failed(ILogger logger, Exception exception, string functionName, string exceptionType, string ruleId, string correlationId);

    [LoggerMessage(EventId = 103, EventName = "BatchItemsRejected", Level = LogLevel.Warning,
        Message = "{Count} record(s) of a {Source} batch for {FunctionName} rejected; correlation id {CorrelationId}")]
    public static partial void ItemsRejected(ILogger logger, int count, string source, string functionName, string correlationId);

    [LoggerMessage(EventId = 104, EventName = "TelemetryFailed", Level = LogLevel.Debug,
        Message = "A security event listener failed; the invocation was not affected")]
    public static partial void ListenerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 105, EventName = "ConfigurationFinding", Level = LogLevel.Warning,
        Message = "Configuration finding {RuleId} ({RuleName}, {Severity}): {Hint}")]
    public static partial void ConfigurationFinding(ILogger logger, string ruleId, string ruleName, ShieldSeverity severity, string hint);

    [LoggerMessage(EventId = 106, EventName = "AuditFinding", Level = LogLevel.Warning,
        Message = "Audit finding {RuleId} ({RuleName}, {Severity}) for {Subject}: {Finding} Fix: {Fix}")]
    public static partial void AuditFinding(ILogger logger, string ruleId, string ruleName, ShieldSeverity severity, string subject, string finding, string fix);

    [LoggerMessage(EventId = 107, EventName = "EgressNotAllowed", Level = LogLevel.Warning,
        Message = "Egress finding {RuleId}: {FunctionName} called {Host}, outside its allowlist; {Action}; correlation id {CorrelationId}")]
    public static partial void EgressNotAllowed(ILogger logger, string ruleId, string host, string functionName, string action, string correlationId);

    [LoggerMessage(EventId = 108, EventName = "ObservedCapabilities", Level = LogLevel.Information,
        Message = "Observed capabilities {RuleId} of {FunctionName}: {HostCount} host(s) [{Hosts}]; {SourceCount} event source(s) [{Sources}]")]
    public static partial void ObservedCapabilities(ILogger logger, string ruleId, string functionName, int hostCount, string hosts, int sourceCount, string sources);

    [LoggerMessage(EventId = 109, EventName = "DependencyInventory", Level = LogLevel.Information,
        Message = "Dependency inventory {RuleId}: {PackageCount} package(s) [{Packages}]; {AssemblyCount} assemblies loaded")]
    public static partial void DependencyInventory(ILogger logger, string ruleId, int packageCount, string packages, int assemblyCount);

    [LoggerMessage(EventId = 110, EventName = "VulnerableDependency", Level = LogLevel.Warning,
        Message = "Vulnerable dependency {RuleId}: {Package} {Version} is affected by {AdvisoryId}")]
    public static partial void VulnerableDependency(ILogger logger, string ruleId, string package, string version, string advisoryId);

    [LoggerMessage(EventId = 112, EventName = "ShieldFailedOpen", Level = LogLevel.Error,
        Message = "The shield failed with {ExceptionType} ({RuleId}) before {FunctionName} ran; the function fails open, so its handler ran uninspected; correlation id {CorrelationId}")]
    public static partial void FailedOpen(ILogger logger, Exception exception, string functionName, string exceptionType, string ruleId, string correlationId);

    [LoggerMessage(EventId = 111, EventName = "InventoryFailed", Level = LogLevel.Warning,
        Message = "The dependency inventory could not be read ({ErrorType}); the function is not affected")]
    public static partial void InventoryFailed(ILogger logger, string errorType);
}
