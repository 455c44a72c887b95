using System.Diagnostics.CodeAnalysis;

namespace ServerlessShield;

/// <summary>
/// The resolved, immutable policy of one function: global settings, profile, attribute and per-function settings
/// merged once. Middlewares read it on every invocation and never touch configuration.
/// </summary>
public sealed class ShieldPolicy
{
    private readonly Dictionary<string, RuleMode> _ruleModes;

    internal ShieldPolicy(
        string functionName,
        bool enabled,
        ShieldProfile profile,
        ShieldFailureMode onShieldFailure,
        PayloadLimits limits,
        Dictionary<string, RuleMode> ruleModes,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.Interfaces)] Type? validator,
        IReadOnlyList<(FieldPattern Pattern, FieldRules Rules)> fields,
        MessageAuthenticityOptions? authenticity = null)
    {
        Authenticity = authenticity is { IsActive: true } ? authenticity : null;
        Validator = validator;
        Fields = fields;
        FunctionName = functionName;
        Enabled = enabled;
        Profile = profile;
        OnShieldFailure = onShieldFailure;
        Limits = limits;
        _ruleModes = ruleModes;
    }

    /// <summary>The function this policy belongs to.</summary>
    public string FunctionName { get; }

    /// <summary>Whether the function is shielded.</summary>
    public bool Enabled { get; }

    /// <summary>The profile the defaults came from.</summary>
    public ShieldProfile Profile { get; }

    /// <summary>What happens when the shield itself fails for this function.</summary>
    public ShieldFailureMode OnShieldFailure { get; }

    /// <summary>The validator type for the function's payload, if any.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.Interfaces)]
    public Type? Validator { get; }

    // Per-field settings, most specific (function) first.
    internal IReadOnlyList<(FieldPattern Pattern, FieldRules Rules)> Fields { get; }

    internal bool HasFieldSettings => Fields.Count > 0;

    internal FieldRules? FindField(ReadOnlySpan<char> path)
    {
        foreach (var (pattern, rules) in Fields)
        {
            if (pattern.IsMatch(path))
            {
                return rules;
            }
        }

        return null;
    }

    /// <summary>The function's message authenticity checks, or null when it has none.</summary>
    public MessageAuthenticityOptions? Authenticity { get; }

    /// <summary>The payload limits.</summary>
    public PayloadLimits Limits { get; }

    /// <summary>The largest input, in bytes.</summary>
    public int MaxPayloadBytes => Limits.MaxPayloadBytes;

    /// <summary>The deepest JSON nesting.</summary>
    public int MaxDepth => Limits.MaxDepth;

    /// <summary>The mode a rule runs in for this function.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Its mode: an explicit setting for the rule, else the profile's default.</returns>
    public RuleMode GetMode(ShieldRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_ruleModes.TryGetValue(rule.Id, out var mode) || _ruleModes.TryGetValue(rule.Name, out mode))
        {
            return mode;
        }

        return Profile == ShieldProfile.Monitor ? RuleMode.Monitor : RuleMode.Block;
    }

    /// <summary>Creates a standalone policy from options, for hosts with no function metadata (the CLI, tests).</summary>
    /// <param name="functionName">The function name.</param>
    /// <param name="options">The options; null uses the defaults.</param>
    /// <param name="attribute">The function's attribute, if any.</param>
    /// <returns>The policy.</returns>
    public static ShieldPolicy Create(string functionName, ShieldOptions? options = null, ShieldAttribute? attribute = null) =>
        ShieldPolicyResolver.Resolve(functionName, options ?? new ShieldOptions(), attribute);
}
