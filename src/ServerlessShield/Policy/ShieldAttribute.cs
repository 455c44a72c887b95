using System.Diagnostics.CodeAnalysis;

namespace ServerlessShield;

/// <summary>
/// Opts a function (or every function of a class) into the shield. The attribute is data only: it is read once per
/// function and cached, never woven into code. Unset properties inherit the global settings.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class ShieldAttribute : Attribute
{
    private ShieldProfile? _profile;

    /// <summary>The profile for this function. Unset: the global profile.</summary>
    public ShieldProfile Profile
    {
        get => _profile ?? ShieldProfile.Standard;
        set => _profile = value;
    }

    /// <summary>Whether <see cref="Profile"/> was set.</summary>
    public bool HasProfile => _profile.HasValue;

    /// <summary>The largest input in bytes; 0 inherits.</summary>
    public int MaxPayloadBytes { get; set; }

    /// <summary>The deepest JSON nesting; 0 inherits.</summary>
    public int MaxDepth { get; set; }

    /// <summary>Rule ids or names that run in Monitor mode for this function, for a gradual rollout of one rule.</summary>
    public string[] MonitorRules { get; set; } = [];

    /// <summary>
    /// A validator type for the function's payload (a FluentValidation <c>AbstractValidator&lt;T&gt;</c> with a
    /// parameterless constructor), run by the <c>ServerlessShield.FluentValidation</c> package.
    /// </summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.Interfaces)]
    public Type? Validator { get; set; }

    /// <summary>Whether the function is shielded; false opts a method out of a class-level attribute.</summary>
    public bool Enabled { get; set; } = true;
}
