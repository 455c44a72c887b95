namespace ServerlessShield;

/// <summary>
/// A rule the shield enforces. Its <see cref="Id"/> (<c>SHIELDnnnn</c>) and <see cref="Name"/> are stable:
/// they are what a SIEM query, an alert or a per-rule mode setting names. Ids are never renumbered or reused.
/// </summary>
public sealed class ShieldRule : IEquatable<ShieldRule>
{
    /// <summary>Creates a rule.</summary>
    /// <param name="number">The number, 1000 to 9999; the thousands digit is the category.</param>
    /// <param name="name">A stable kebab-case name.</param>
    /// <param name="severity">How serious a finding of this rule is.</param>
    /// <param name="httpStatus">The HTTP status an HTTP trigger answers with when this rule blocks.</param>
    /// <param name="description">One sentence for people reading the rule table.</param>
    public ShieldRule(int number, string name, ShieldSeverity severity, int httpStatus, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 9999);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Number = number;
        Id = $"SHIELD{number}";
        Name = name;
        Severity = severity;
        HttpStatus = httpStatus;
        Description = description ?? string.Empty;
    }

    /// <summary>The number, also the logging <c>EventId</c> of findings of this rule.</summary>
    public int Number { get; }

    /// <summary>The stable id, <c>SHIELD</c> followed by the number.</summary>
    public string Id { get; }

    /// <summary>The stable kebab-case name.</summary>
    public string Name { get; }

    /// <summary>The category, from the thousands digit.</summary>
    public ShieldRuleCategory Category => (ShieldRuleCategory)(Number / 1000);

    /// <summary>How serious a finding is.</summary>
    public ShieldSeverity Severity { get; }

    /// <summary>The HTTP status used when this rule blocks an HTTP invocation.</summary>
    public int HttpStatus { get; }

    /// <summary>One sentence describing the rule.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public bool Equals(ShieldRule? other) => other is not null && other.Number == Number;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ShieldRule);

    /// <inheritdoc />
    public override int GetHashCode() => Number;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Name}";
}
