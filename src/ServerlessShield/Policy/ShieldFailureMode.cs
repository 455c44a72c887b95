namespace ServerlessShield;

/// <summary>What happens when the shield itself fails (SHIELD3002): a middleware before the handler throws, or an input cannot be read.</summary>
public enum ShieldFailureMode
{
    /// <summary>Fail closed (the default): the invocation fails with a redacted error and the handler does not run; HTTP callers get a generic 500, other events go to the platform's retry and dead-letter path.</summary>
    FailClosed = 0,

    /// <summary>
    /// Fail open: the failure is logged (event 112, the scrubbed exception) and recorded as a monitored SHIELD3002 finding,
    /// then the handler runs on the payload as it stands. Findings that blocked before the failure still block. For
    /// functions whose availability matters more than inspection; choose it per function.
    /// </summary>
    FailOpen,
}
