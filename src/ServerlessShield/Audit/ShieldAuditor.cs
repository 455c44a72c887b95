using System.Collections;

namespace ServerlessShield;

/// <summary>
/// The cold-start configuration audit of one engine. It reads the process environment once (names and values, values
/// never leave it), checks the shield's own options, takes the declared triggers an adapter hands it, and reports every
/// finding through <c>[LoggerMessage]</c> (event id 106 <c>AuditFinding</c>), the meter and the security event
/// listeners. It runs off the invocation path: in the background, or synchronously when
/// <see cref="ShieldAuditOptions.FailOnCritical"/> must be able to stop the engine.
/// </summary>
public sealed class ShieldAuditor : IFunctionAudit
{
    /// <summary>The function name of application-wide findings in security events.</summary>
    public const string ApplicationWide = "*";

    private readonly ShieldOptions _options;
    private readonly SecurityEventPublisher _publisher;
    private readonly Func<IReadOnlyDictionary<string, string?>> _environment;
    private readonly List<AuditFinding> _findings = [];
    private readonly object _gate = new();

    internal ShieldAuditor(ShieldOptions options, SecurityEventPublisher publisher, Func<IReadOnlyDictionary<string, string?>>? environment = null)
    {
        _options = options;
        _publisher = publisher;
        _environment = environment ?? ReadProcessEnvironment;
        Completion = Task.FromResult(ShieldAuditReport.Empty);
    }

    /// <summary>Completes with the cold-start audit's report once it has run (at once when the audit is off).</summary>
    public Task<ShieldAuditReport> Completion { get; private set; }

    /// <summary>Everything found so far: the cold-start audit plus the triggers adapters reported.</summary>
    public ShieldAuditReport Report
    {
        get
        {
            lock (_gate)
            {
                return new ShieldAuditReport([.. _findings]);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditFinding> AuditFunctions(IEnumerable<FunctionEndpoint> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        if (!_options.Audit.Enabled)
        {
            return [];
        }

        var findings = SettingsAudit.CheckFunctions(functions, _options.Audit.AllowAnonymousFunctions);
        Publish(findings, f => f.Subject);
        return findings;
    }

    // Called once by the engine.
    internal void Start()
    {
        if (!_options.Audit.Enabled)
        {
            return;
        }

        if (_options.Audit.FailOnCritical)
        {
            var report = RunColdStart();
            Completion = Task.FromResult(report);
            if (report.HasCritical)
            {
                throw new ShieldAuditException([.. report.Findings.Where(f => f.Severity == ShieldSeverity.Critical)]);
            }

            return;
        }

        Completion = Task.Run(RunColdStart);
    }

    internal ShieldAuditReport RunColdStart()
    {
        var environment = _environment();
        string? Get(string name) => environment.TryGetValue(name, out var value) ? value : null;
        var inCloud = ShieldEnvironment.IsCloudIn(Get);
        var findings = new List<AuditFinding>(SettingsAudit.Check(environment, inCloud, _options.Audit.IgnoredSettings));

        // The shield's own options may come from a file rather than the environment: check the bound values too.
        var production = inCloud && !string.Equals(ShieldEnvironment.EnvironmentNameIn(Get), "Development", StringComparison.OrdinalIgnoreCase);
        if (production)
        {
            if (_options.Profile == ShieldProfile.Monitor)
            {
                findings.Add(SettingsAudit.MonitorProfile("ServerlessShield:Profile"));
            }

            foreach (var (function, settings) in _options.Functions)
            {
                if (settings?.Profile == ShieldProfile.Monitor)
                {
                    findings.Add(SettingsAudit.MonitorProfile($"ServerlessShield:Functions:{function}:Profile"));
                }
            }
        }

        var unique = findings.DistinctBy(f => (f.Rule.Number, f.Subject.ToUpperInvariant())).ToList();
        Publish(unique, _ => ApplicationWide);
        return new ShieldAuditReport(unique);
    }

    private void Publish(IReadOnlyList<AuditFinding> findings, Func<AuditFinding, string> functionOf)
    {
        lock (_gate)
        {
            _findings.AddRange(findings);
        }

        foreach (var finding in findings)
        {
            var rule = finding.Rule;
            try
            {
                ShieldLog.AuditFinding(_publisher.Logger, rule.Id, rule.Name, rule.Severity, finding.Subject, finding.Message, finding.Fix);
            }
#pragma warning disable CA1031 // A broken logger must not stop the engine; the finding is still published below.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            _publisher.Publish(rule, functionOf(finding), "startup", finding.Subject, finding.Message, finding.Fix);
        }
    }

    private static Dictionary<string, string?> ReadProcessEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name)
            {
                result[name] = entry.Value as string;
            }
        }

        return result;
    }
}
