namespace ServerlessShield;

/// <summary>
/// Receives every security event, for sinks beyond ILogger, metrics and traces (a SIEM forwarder, a test).
/// Register implementations in dependency injection. A listener that throws is ignored: telemetry never breaks an invocation.
/// </summary>
public interface ISecurityEventListener
{
    /// <summary>Called once per security event, on the invocation's thread; return quickly.</summary>
    /// <param name="securityEvent">The event.</param>
    void OnSecurityEvent(SecurityEvent securityEvent);
}
