namespace ServerlessShield;

/// <summary>
/// The rules the Lambda adapter adds to the catalog (provenance, <c>SHIELD51xx</c>). They are registered when a
/// handler is wrapped, so their ids and names can be given modes in configuration like the built-in rules.
/// </summary>
public static class LambdaRules
{
    static LambdaRules()
    {
        foreach (var rule in All)
        {
            ShieldRuleCatalog.Register(rule);
        }
    }

    /// <summary>The event came from a source the function does not accept (<see cref="LambdaShieldOptions.AllowedSources"/>).</summary>
    public static ShieldRule UnexpectedEventSource { get; } = new(5101, "unexpected-event-source", ShieldSeverity.High, 403,
        "The event's source is not one the function accepts.");

    /// <summary>A record names a source resource (queue, stream, table, topic, bucket) outside <see cref="LambdaShieldOptions.AllowedSourceArns"/>.</summary>
    public static ShieldRule UntrustedSourceArn { get; } = new(5102, "untrusted-source-arn", ShieldSeverity.High, 403,
        "A record comes from a queue, stream, table, topic or bucket the function does not trust.");

    /// <summary>
    /// The event names an account, an API or an EventBridge source outside <see cref="LambdaShieldOptions.AllowedAccounts"/>,
    /// <see cref="LambdaShieldOptions.AllowedApiIds"/> or <see cref="LambdaShieldOptions.AllowedEventBridgeSources"/>.
    /// </summary>
    public static ShieldRule UntrustedOrigin { get; } = new(5103, "untrusted-origin", ShieldSeverity.High, 403,
        "The event names an account, API or EventBridge source the function does not trust.");

    /// <summary>Every rule of the Lambda adapter, in id order.</summary>
    public static IReadOnlyList<ShieldRule> All { get; } = [UnexpectedEventSource, UntrustedSourceArn, UntrustedOrigin];

    // Touching this runs the static constructor, which registers the rules before options are validated.
    internal static void EnsureRegistered() => _ = All;
}
