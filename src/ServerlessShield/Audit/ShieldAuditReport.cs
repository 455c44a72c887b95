namespace ServerlessShield;

/// <summary>What the configuration audit found.</summary>
/// <param name="Findings">The findings, in the order they were found.</param>
public sealed record ShieldAuditReport(IReadOnlyList<AuditFinding> Findings)
{
    /// <summary>An empty report.</summary>
    public static ShieldAuditReport Empty { get; } = new([]);

    /// <summary>Whether any finding is Critical.</summary>
    public bool HasCritical => Findings.Any(f => f.Severity == ShieldSeverity.Critical);
}
