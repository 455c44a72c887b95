namespace ServerlessShield;

/// <summary>
/// Receives every security event, for sinks beyond ILogger, metrics and traces (a SIEM forwarder, a test).
/// Register implementations in dependency injection. A listener that throws is ignored: telemetry never breaks an invocation.
/// </summary>
public interface ISecurityEventListener
{
    /// <summary>
    /// Called once per security event; return quickly and be thread-safe. Invocation events arrive on the invocation's
    /// thread; cold-start audit and inventory events on a background thread; egress and capability reports on the
    /// thread that made the call or ran the timer.
    /// </summary>
    /// <param name="securityEvent">The event.</param>
    void OnSecurityEvent(SecurityEvent securityEvent);
}
