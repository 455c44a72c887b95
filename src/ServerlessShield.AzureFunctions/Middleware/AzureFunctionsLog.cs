using Microsoft.Extensions.Logging;

namespace ServerlessShield.AzureFunctions;

// Log lines of the Azure Functions adapter. Event ids and names never move.
internal static partial class AzureFunctionsLog
{
    [LoggerMessage(EventId = 150, EventName = "ShieldAttributeLookupFailed", Level = LogLevel.Warning,
        Message = "The [Shield] attribute of {FunctionName} could not be read from {EntryPoint}; the function is shielded with the default settings and its configuration (fail closed)")]
    public static partial void AttributeLookupFailed(ILogger logger, Exception exception, string functionName, string entryPoint);

    [LoggerMessage(EventId = 151, EventName = "ShieldBatchRejected", Level = LogLevel.Warning,
        Message = "A batch of {FunctionName} was failed whole because of rejected records {RejectedItemIds}; correlation id {CorrelationId}. The platform retries it")]
    public static partial void BatchRejected(ILogger logger, string functionName, string correlationId, string rejectedItemIds);

    [LoggerMessage(EventId = 152, EventName = "ShieldHandshakeAnswered", Level = LogLevel.Information,
        Message = "Answered a {Handshake} for {FunctionName} (invocation {InvocationId}); the function was not invoked")]
    public static partial void HandshakeAnswered(ILogger logger, string handshake, string functionName, string invocationId);

    [LoggerMessage(EventId = 153, EventName = "FunctionMetadataUnavailable", Level = LogLevel.Debug,
        Message = "The functions' binding metadata could not be read; the audit skips the anonymous HTTP function check")]
    public static partial void FunctionMetadataUnavailable(ILogger logger, Exception exception);
}
