namespace ServerlessShield;

/// <summary>
/// One configuration audit finding. It names what is wrong (a setting's name, a function, a policy statement) and never
/// carries the offending value.
/// </summary>
/// <param name="Rule">The rule; its id, name and severity.</param>
/// <param name="Subject">What the finding is about: a setting name, a function name, a resource.</param>
/// <param name="Message">What is wrong, in one sentence, without the value.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="File">The file the finding is in, for an offline audit.</param>
/// <param name="Line">The 1-based line in <paramref name="File"/>, when known.</param>
public sealed record AuditFinding(ShieldRule Rule, string Subject, string Message, string Fix, string? File = null, int? Line = null)
{
    /// <summary>The rule's severity.</summary>
    public ShieldSeverity Severity => Rule.Severity;
}
