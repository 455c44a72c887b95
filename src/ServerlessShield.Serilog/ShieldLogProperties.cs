namespace ServerlessShield.Serilog;

/// <summary>The names of the properties the shield's enricher adds and its security log events carry.</summary>
public static class ShieldLogProperties
{
    /// <summary>The invocation's correlation id (added by the enricher).</summary>
    public const string CorrelationId = "ShieldCorrelationId";

    /// <summary>The function name (added by the enricher).</summary>
    public const string Function = "ShieldFunction";

    /// <summary>The platform (added by the enricher).</summary>
    public const string Platform = "ShieldPlatform";

    /// <summary>The event source (added by the enricher).</summary>
    public const string Source = "ShieldSource";

    /// <summary>Whether the invocation was a cold start (added by the enricher).</summary>
    public const string ColdStart = "ShieldColdStart";

    /// <summary>The platform's invocation id (added by the enricher).</summary>
    public const string InvocationId = "ShieldInvocationId";

    /// <summary>The trace id (added by the enricher).</summary>
    public const string TraceId = "ShieldTraceId";
}
