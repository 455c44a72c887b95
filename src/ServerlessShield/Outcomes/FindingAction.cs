namespace ServerlessShield;

/// <summary>What was done about a finding.</summary>
public enum FindingAction
{
    /// <summary>Reported only (Monitor mode).</summary>
    Monitored = 0,

    /// <summary>The offending value was neutralised.</summary>
    Sanitized,

    /// <summary>The invocation (or the batch record) was rejected.</summary>
    Blocked,

    /// <summary>The invocation failed and the error was redacted.</summary>
    Failed,
}
