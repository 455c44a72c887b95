using System.Collections.Concurrent;

namespace ServerlessShield;

// The egress decision for one engine: which function is calling (the ambient ShieldContext, or the application
// outside an invocation), whether its allowlist admits the host, and the rule's mode. Records every host for the
// capabilities report and publishes refusals with the host only, never the URL.
internal sealed class EgressGuard
{
    private readonly ShieldOptions _options;
    private readonly ShieldPolicyResolver _policies;
    private readonly SecurityEventPublisher _publisher;
    private readonly HostAllowlist _global;
    private readonly ConcurrentDictionary<string, HostAllowlist> _perFunction = new(StringComparer.Ordinal);

    public EgressGuard(ShieldOptions options, ShieldPolicyResolver policies, SecurityEventPublisher publisher, CapabilityRecorder capabilities)
    {
        _options = options;
        _policies = policies;
        _publisher = publisher;
        Capabilities = capabilities;
        _global = new HostAllowlist(options.Egress.AllowedHosts);
    }

    public CapabilityRecorder Capabilities { get; }

    // True when the request may go out.
    public bool Check(string host)
    {
        var context = ShieldContext.Current;
        var function = context?.FunctionName is { Length: > 0 } name ? name : ShieldAuditor.ApplicationWide;
        Capabilities.RecordHost(function, host);

        var allowlist = context is null ? _global : _perFunction.GetOrAdd(function, f => Resolve(f));
        if (allowlist.IsEmpty || allowlist.Allows(host))
        {
            return true;
        }

        var rule = ShieldRules.EgressHostNotAllowed;
        var mode = context?.Policy?.GetMode(rule) ?? GlobalMode(rule);
        var action = mode == RuleMode.Monitor ? FindingAction.Monitored : FindingAction.Blocked;
        try
        {
            ShieldLog.EgressNotAllowed(_publisher.Logger, rule.Id, host, function, SecurityTelemetryNames.Action(action), context?.CorrelationId ?? _publisher.CorrelationId);
        }
#pragma warning disable CA1031 // A broken logger must not change the egress decision.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _publisher.Publish(rule, function, "egress", host, $"{function} called {host}, which is not in its allowlist.",
            $"Add {host} to ServerlessShield:Functions:{function}:AllowedHosts if the call is intended.", action: action, coldStart: false,
            correlationId: context?.CorrelationId);
        return action != FindingAction.Blocked;
    }

    private HostAllowlist Resolve(string function)
    {
        var own = _options.Functions.TryGetValue(function, out var settings) ? settings.AllowedHosts : [];
        return new HostAllowlist(_options.Egress.AllowedHosts.Concat(own));
    }

    private RuleMode GlobalMode(ShieldRule rule) =>
        _options.Profile == ShieldProfile.Monitor ? RuleMode.Monitor
        : _options.Rules.TryGetValue(rule.Id, out var mode) || _options.Rules.TryGetValue(rule.Name, out mode) ? mode
        : RuleMode.Block;
}
