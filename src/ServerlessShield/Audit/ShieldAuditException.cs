namespace ServerlessShield;

/// <summary>
/// Thrown when the engine is created with <see cref="ShieldAuditOptions.FailOnCritical"/> on and the configuration
/// audit found Critical findings. The message lists rule ids and setting names, never values.
/// </summary>
public sealed class ShieldAuditException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ShieldAuditException()
        : this("The configuration audit found critical findings.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ShieldAuditException(string message)
        : base(message)
    {
        Findings = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ShieldAuditException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = [];
    }

    /// <summary>Creates the exception for the critical findings of an audit.</summary>
    /// <param name="findings">The critical findings.</param>
    public ShieldAuditException(IReadOnlyList<AuditFinding> findings)
        : base(Describe(findings))
    {
        Findings = findings;
    }

    /// <summary>The critical findings.</summary>
    public IReadOnlyList<AuditFinding> Findings { get; }

    private static string Describe(IReadOnlyList<AuditFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var list = string.Join("; ", findings.Select(f => $"{f.Rule.Id} {f.Rule.Name} ({f.Subject}): {f.Fix}"));
        return $"The configuration audit found {findings.Count} critical finding(s), and ServerlessShield:Audit:FailOnCritical is on: {list}";
    }
}
