namespace ServerlessShield;

/// <summary>What the shield decided for an invocation.</summary>
public enum ShieldOutcomeKind
{
    /// <summary>Nothing was found; the handler ran (or will run) on the original payload.</summary>
    Allowed = 0,

    /// <summary>Findings were reported in Monitor mode only; the handler ran on the original payload.</summary>
    Monitored,

    /// <summary>Findings were neutralised; the handler ran on the sanitized payload.</summary>
    Sanitized,

    /// <summary>A finding in Block mode stopped the invocation before the handler ran.</summary>
    Blocked,

    /// <summary>The handler (or the shield) failed; the error is redacted before it leaves the function.</summary>
    Failed,
}
