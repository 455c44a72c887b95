namespace ServerlessShield;

/// <summary>
/// Global settings of the shield, bound from the <c>ServerlessShield</c> configuration section and validated at startup.
/// Every setting has a safe default.
/// </summary>
public sealed class ShieldOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "ServerlessShield";

    /// <summary>Whether the shield runs at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a function must opt in with the <see cref="ShieldAttribute"/> (or a <see cref="Functions"/> entry)
    /// to be shielded. Default: true, so adding the package changes nothing until a function opts in.
    /// </summary>
    public bool RequireOptIn { get; set; } = true;

    /// <summary>The profile for every function that does not name its own. Default: <see cref="ShieldProfile.Standard"/>.</summary>
    public ShieldProfile Profile { get; set; } = ShieldProfile.Standard;

    /// <summary>Payload limits; null values take the profile's defaults.</summary>
    public PayloadLimitsOptions Limits { get; set; } = new();

    /// <summary>
    /// What happens when the shield itself fails (SHIELD3002) for a function that does not say otherwise. Default:
    /// <see cref="ShieldFailureMode.FailClosed"/>; set <see cref="ShieldFailureMode.FailOpen"/> per function under
    /// <see cref="Functions"/>.
    /// </summary>
    public ShieldFailureMode OnShieldFailure { get; set; } = ShieldFailureMode.FailClosed;

    /// <summary>Per-rule modes, keyed by rule id (<c>SHIELD2001</c>) or name (<c>payload-too-large</c>).</summary>
    public Dictionary<string, RuleMode> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-field settings by JSON path pattern (<c>body.comment</c>, <c>body.items[*].note</c>), for every function.</summary>
    public Dictionary<string, FieldShieldOptions> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How failures are answered.</summary>
    public ShieldErrorOptions Errors { get; set; } = new();

    /// <summary>Outbound HTTP allowlists and the observed-capabilities report.</summary>
    public EgressOptions Egress { get; set; } = new();

    /// <summary>The cold-start dependency inventory and advisory check.</summary>
    public InventoryOptions Inventory { get; set; } = new();

    /// <summary>The cold-start configuration audit.</summary>
    public ShieldAuditOptions Audit { get; set; } = new();

    /// <summary>Telemetry settings.</summary>
    public ShieldTelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Per-function settings, keyed by function name. They win over attributes: configuration is the operator's say.</summary>
    public Dictionary<string, FunctionShieldOptions> Functions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Configures one function in code, with no reflection.</summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="configure">Sets the function's options.</param>
    /// <returns>These options.</returns>
    public ShieldOptions ForFunction(string functionName, Action<FunctionShieldOptions> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(configure);
        if (!Functions.TryGetValue(functionName, out var function))
        {
            function = new FunctionShieldOptions();
            Functions[functionName] = function;
        }

        configure(function);
        return this;
    }
}
