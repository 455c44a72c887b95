namespace ServerlessShield;

/// <summary>A function's trigger as the platform declares it, handed to the audit by an adapter.</summary>
/// <param name="FunctionName">The function.</param>
/// <param name="TriggerType">The trigger binding type (<c>httpTrigger</c>, <c>queueTrigger</c>, ...).</param>
/// <param name="AuthLevel">For an HTTP trigger, its authorization level (<c>anonymous</c>, <c>function</c>, <c>admin</c>); null when not declared.</param>
public sealed record FunctionEndpoint(string FunctionName, string TriggerType, string? AuthLevel)
{
    /// <summary>Whether this is an HTTP trigger open to anonymous callers.</summary>
    public bool IsAnonymousHttp =>
        string.Equals(TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase)
        && string.Equals(AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase);
}
