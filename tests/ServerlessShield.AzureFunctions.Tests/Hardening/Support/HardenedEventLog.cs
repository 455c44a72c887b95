using System.Collections.Concurrent;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>The security events of one hardening worker, by invocation id; a test takes (and forgets) those of an invocation.</summary>
public sealed class HardenedEventLog : ISecurityEventListener
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SecurityEvent>> _events = new(StringComparer.Ordinal);

    public void OnSecurityEvent(SecurityEvent securityEvent)
    {
        ArgumentNullException.ThrowIfNull(securityEvent);
        _events.GetOrAdd(securityEvent.InvocationId ?? string.Empty, _ => new()).Enqueue(securityEvent);
    }

    public IReadOnlyList<SecurityEvent> Take(string invocationId) =>
        _events.TryRemove(invocationId, out var events) ? [.. events] : [];
}
