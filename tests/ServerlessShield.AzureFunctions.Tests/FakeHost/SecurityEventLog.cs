using System.Collections.Concurrent;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>Collects every security event of the worker hosts, for tests that assert on what was reported.</summary>
public sealed class SecurityEventLog : ISecurityEventListener
{
    private static readonly ConcurrentQueue<SecurityEvent> Events = new();

    public void OnSecurityEvent(SecurityEvent securityEvent) => Events.Enqueue(securityEvent);

    /// <summary>The events of one invocation.</summary>
    public static IReadOnlyList<SecurityEvent> Of(string invocationId) => [.. Events.Where(e => e.InvocationId == invocationId)];
}
