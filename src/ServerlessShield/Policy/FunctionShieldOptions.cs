using System.Diagnostics.CodeAnalysis;

namespace ServerlessShield;

/// <summary>
/// Settings for one function, configured in code or under <c>ServerlessShield:Functions:&lt;name&gt;</c>.
/// They override the function's attribute and the global settings; a null value inherits.
/// </summary>
public sealed class FunctionShieldOptions
{
    /// <summary>Whether the function is shielded. Null: shielded when it carries the attribute (or when opt-in is not required).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The profile. Null: inherited.</summary>
    public ShieldProfile? Profile { get; set; }

    /// <summary>What happens when the shield itself fails for this function. Null: <see cref="ShieldOptions.OnShieldFailure"/>.</summary>
    public ShieldFailureMode? OnShieldFailure { get; set; }

    /// <summary>Payload limits for this function.</summary>
    public PayloadLimitsOptions Limits { get; set; } = new();

    /// <summary>A validator type for the function's payload; see <see cref="ShieldAttribute.Validator"/>. Null: the attribute's.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.Interfaces)]
    public Type? Validator { get; set; }

    /// <summary>Per-field settings for this function by JSON path pattern; they win over the global ones for the same pattern.</summary>
    public Dictionary<string, FieldShieldOptions> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Hosts this function may call besides <see cref="EgressOptions.AllowedHosts"/> (<c>*.example.com</c> for subdomains).</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Message authenticity checks (SNS signatures, webhook HMAC); off unless set.</summary>
    public MessageAuthenticityOptions Authenticity { get; set; } = new();

    /// <summary>Per-rule modes for this function, keyed by rule id (<c>SHIELD2001</c>) or name (<c>payload-too-large</c>).</summary>
    public Dictionary<string, RuleMode> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
