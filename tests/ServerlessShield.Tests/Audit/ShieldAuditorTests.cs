using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace ServerlessShield.Tests.Audit;

public class ShieldAuditorTests
{
    private const string LongTermKey = "AKIAIOSFODNN7EXAMPLE";

    private static Dictionary<string, string?> CloudEnvironment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = "orders",
            ["AWS_ACCESS_KEY_ID"] = "ASIAIOSFODNN7EXAMPLE",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static (ShieldAuditor Auditor, FakeLogCollector Logs, List<SecurityEvent> Events) Create(ShieldOptions options, Dictionary<string, string?> environment)
    {
        var logs = new FakeLogCollector();
        var events = new List<SecurityEvent>();
        var publisher = new SecurityEventPublisher(new LoggerFactory([new FakeLoggerProvider(logs)]), [new CollectingListener(events)], null);
        return (new ShieldAuditor(options, publisher, () => environment), logs, events);
    }

    [Fact]
    public async Task Start_CloudWithSecretsAndDevelopment_LogsAndPublishesEveryFindingWithoutValues()
    {
        var (auditor, logs, events) = Create(new ShieldOptions(), CloudEnvironment(("LEGACY_KEY", LongTermKey), ("DOTNET_ENVIRONMENT", "Development")));

        auditor.Start();
        var report = await auditor.Completion;

        Assert.Equal(["SHIELD4002", "SHIELD4006"], report.Findings.Select(f => f.Rule.Id).Order());
        var lines = logs.GetSnapshot().Where(l => l.Id.Id == 106).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal("AuditFinding", l.Id.Name));
        Assert.All(lines, l => Assert.DoesNotContain(LongTermKey, l.Message, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains("LEGACY_KEY", StringComparison.Ordinal));
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("startup", e.Source));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.Fix)));
        Assert.Contains(events, e => e.RuleId == "SHIELD4006" && e.FieldPath == "LEGACY_KEY" && e.Severity == ShieldSeverity.Critical);
    }

    [Fact]
    public async Task Start_MonitorProfileInProductionCloud_Reported()
    {
        var options = new ShieldOptions { Profile = ShieldProfile.Monitor }.ForFunction("Pay", f => f.Profile = ShieldProfile.Monitor);
        var (auditor, _, _) = Create(options, CloudEnvironment());

        auditor.Start();
        var report = await auditor.Completion;

        Assert.Equal(["ServerlessShield:Functions:Pay:Profile", "ServerlessShield:Profile"], report.Findings.Select(f => f.Subject).Order());
        Assert.All(report.Findings, f => Assert.Equal(ShieldRules.MonitorProfileInProduction, f.Rule));
    }

    [Fact]
    public async Task Start_MonitorProfileLocally_NotReported()
    {
        var (auditor, _, _) = Create(new ShieldOptions { Profile = ShieldProfile.Monitor }, new Dictionary<string, string?>());

        auditor.Start();

        Assert.Empty((await auditor.Completion).Findings);
    }

    [Fact]
    public void Start_FailOnCriticalWithCriticalFinding_ThrowsNamingTheSettingNotTheValue()
    {
        var options = new ShieldOptions();
        options.Audit.FailOnCritical = true;
        var (auditor, _, _) = Create(options, CloudEnvironment(("LEGACY_KEY", LongTermKey)));

        var error = Assert.Throws<ShieldAuditException>(auditor.Start);

        Assert.Contains("SHIELD4006", error.Message, StringComparison.Ordinal);
        Assert.Contains("LEGACY_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LongTermKey, error.Message, StringComparison.Ordinal);
        Assert.Single(error.Findings);
    }

    [Fact]
    public async Task Start_FailOnCriticalWithHighFindingsOnly_DoesNotThrow()
    {
        var options = new ShieldOptions();
        options.Audit.FailOnCritical = true;
        var (auditor, _, _) = Create(options, CloudEnvironment(("ASPNETCORE_ENVIRONMENT", "Development")));

        auditor.Start();

        Assert.Equal("SHIELD4002", Assert.Single((await auditor.Completion).Findings).Rule.Id);
    }

    [Fact]
    public async Task Start_Disabled_ReportsNothing()
    {
        var options = new ShieldOptions();
        options.Audit.Enabled = false;
        var (auditor, _, _) = Create(options, CloudEnvironment(("LEGACY_KEY", LongTermKey)));

        auditor.Start();

        Assert.Empty((await auditor.Completion).Findings);
        Assert.Empty(auditor.AuditFunctions([new("Open", "httpTrigger", "anonymous")]));
    }

    [Fact]
    public void AuditFunctions_AnonymousWithoutAllowance_PublishedAndKeptInTheReport()
    {
        var options = new ShieldOptions();
        options.Audit.AllowAnonymousFunctions.Add("Webhook");
        var (auditor, logs, events) = Create(options, []);

        var findings = auditor.AuditFunctions([new("Open", "httpTrigger", "Anonymous"), new("Webhook", "httpTrigger", "Anonymous")]);

        Assert.Equal("Open", Assert.Single(findings).Subject);
        Assert.Equal("Open", Assert.Single(events).FunctionName);
        Assert.Single(logs.GetSnapshot(), l => l.Id.Id == 106);
        Assert.Single(auditor.Report.Findings);
    }

    [Fact]
    public void Engine_FailOnCriticalWithAPrivateKeyInTheEnvironment_RefusesToStart()
    {
        var name = "SHIELD_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----");
        try
        {
            var options = new ShieldOptions();
            options.Audit.FailOnCritical = true;
            options.Audit.IgnoredSettings.Add("SOME_OTHER");

            var error = Assert.Throws<ShieldAuditException>(() => ShieldEngine.Create(options));

            Assert.Contains(error.Findings, f => f.Subject == name && f.Rule == ShieldRules.PrivateKeyInSetting);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Engine_DefaultOptions_AuditsInTheBackground()
    {
        var engine = new ShieldEngine(Options.Create(new ShieldOptions()));

        var report = await engine.Audit.Completion;

        Assert.NotNull(report);
        Assert.DoesNotContain(report.Findings, f => f.Rule == ShieldRules.DevelopmentEnvironmentInCloud);
    }

    private sealed class CollectingListener(List<SecurityEvent> events) : ISecurityEventListener
    {
        public void OnSecurityEvent(SecurityEvent securityEvent)
        {
            lock (events)
            {
                events.Add(securityEvent);
            }
        }
    }
}
