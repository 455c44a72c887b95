namespace ServerlessShield;

/// <summary>
/// What an adapter calls to let the configuration audit see the functions' declared triggers (the core cannot read
/// platform metadata). <see cref="ShieldAuditor"/> implements it; reach it through <see cref="ShieldEngine.Audit"/>.
/// </summary>
public interface IFunctionAudit
{
    /// <summary>Audits the declared triggers: anonymous HTTP functions without an allowance are findings.</summary>
    /// <param name="functions">The functions and their triggers.</param>
    /// <returns>The findings, already logged and published.</returns>
    IReadOnlyList<AuditFinding> AuditFunctions(IEnumerable<FunctionEndpoint> functions);
}
