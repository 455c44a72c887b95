using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

// Per-field constraints and rule modes (ServerlessShield:Fields:<pattern>): a field's own length, pattern and allowed
// values (SHIELD6002, with a code naming the one broken), and modes that apply to findings in that field only.
public class FieldRulesTests
{
    private static TestEngine Engine(Dictionary<string, FieldShieldOptions> fields, ShieldProfile profile = ShieldProfile.Standard)
    {
        var options = new ShieldOptions { RequireOptIn = false, Profile = profile };
        foreach (var (pattern, field) in fields)
        {
            options.Fields[pattern] = field;
        }

        return new TestEngine(options);
    }

    [Theory]
    [InlineData("{\"country\":\"IE\"}", null)]
    [InlineData("{\"country\":\"IEX\"}", "pattern")]
    [InlineData("{\"country\":\"ie\"}", "pattern")]
    [InlineData("{\"country\":\"\\u0049\\u0045\"}", null)]
    [InlineData("{\"country\":\"I\\u00C9\"}", "pattern")]
    public async Task Pattern_MustMatchTheWholeValue_PlainOrEscaped(string json, string? code)
    {
        var engine = Engine(new() { ["body.country"] = new FieldShieldOptions { Pattern = "[A-Z]{2}" } });

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        if (code is null)
        {
            Assert.Empty(result.Findings);
            Assert.True(result.HandlerRan);
        }
        else
        {
            var finding = Assert.Single(result.Findings);
            Assert.Equal((ShieldRules.FieldConstraint, "body.country", code, FindingAction.Blocked), (finding.Rule, finding.FieldPath, finding.Code, finding.Action));
            Assert.False(result.HandlerRan);
            Assert.Equal(400, result.Outcome.StatusCode);
        }
    }

    [Fact]
    public async Task MaxLengthAndAllowedValues_ApplyToEveryMatchingField()
    {
        var engine = Engine(new()
        {
            ["body.items[*].sku"] = new FieldShieldOptions { MaxLength = 6 },
            ["body.currency"] = new FieldShieldOptions { AllowedValues = ["EUR", "USD"] },
        });

        var ok = await engine.RunAsync("f", [TestEngine.Json("{\"items\":[{\"sku\":\"BK-100\"}],\"currency\":\"EUR\"}")]);
        var bad = await engine.RunAsync("f", [TestEngine.Json("{\"items\":[{\"sku\":\"BK-100\"},{\"sku\":\"BK-1000\"}],\"currency\":\"GBP\"}")]);

        Assert.Empty(ok.Findings);
        Assert.Equal(
            [("body.items[1].sku", "max-length"), ("body.currency", "allowed-values")],
            bad.Findings.Select(f => (f.FieldPath, f.Code)).ToArray());
        Assert.All(bad.Findings, f => Assert.NotEqual("BK-1000", f.ValueHash));
    }

    [Fact]
    public async Task FieldRuleMode_AppliesToThatFieldOnly()
    {
        var engine = Engine(new() { ["body.quote"] = new FieldShieldOptions { Rules = { ["SHIELD1003"] = RuleMode.Monitor } } });

        var inQuote = await engine.RunAsync("f", [TestEngine.Json("{\"quote\":\"<script>alert(1)</script>\"}")]);
        var elsewhere = await engine.RunAsync("f", [TestEngine.Json("{\"note\":\"<script>alert(1)</script>\"}")]);

        Assert.Equal(FindingAction.Monitored, Assert.Single(inQuote.Findings).Action);
        Assert.True(inQuote.HandlerRan);
        Assert.Equal(FindingAction.Blocked, Assert.Single(elsewhere.Findings).Action);
        Assert.False(elsewhere.HandlerRan);
    }

    [Fact]
    public async Task FieldRuleMode_CanMonitorANewConstraint_ByRuleName()
    {
        var engine = Engine(new() { ["body.code"] = new FieldShieldOptions { Pattern = "[0-9]+", Rules = { ["field-constraint"] = RuleMode.Monitor } } });

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"code\":\"12a\"}")]);

        Assert.Equal((ShieldRules.FieldConstraint, FindingAction.Monitored), (Assert.Single(result.Findings).Rule, result.Findings[0].Action));
        Assert.True(result.HandlerRan);
    }

    [Fact]
    public async Task MonitorProfile_KeepsItsPromise_OverAFieldBlock()
    {
        var engine = Engine(new() { ["body.code"] = new FieldShieldOptions { Pattern = "[0-9]+", Rules = { ["SHIELD6002"] = RuleMode.Block } } }, ShieldProfile.Monitor);

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"code\":\"12a\"}")]);

        Assert.Equal(FindingAction.Monitored, Assert.Single(result.Findings).Action);
        Assert.True(result.HandlerRan);
    }

    [Fact]
    public async Task TextInputs_MatchByTheirOwnPath()
    {
        var engine = Engine(new()
        {
            ["query.page"] = new FieldShieldOptions { Pattern = "[0-9]{1,4}" },
            ["query.sample"] = new FieldShieldOptions { Skip = true },
        });

        var result = await engine.RunAsync("f",
        [
            new ShieldInput("query.page", Encoding.UTF8.GetBytes("2 OR 1=1"), InputFormat.Text),
            new ShieldInput("query.sample", Encoding.UTF8.GetBytes("' OR 1=1 --"), InputFormat.Text),
        ]);

        Assert.Contains(result.Findings, f => f.FieldPath == "query.page" && f.Rule == ShieldRules.FieldConstraint && f.Code == "pattern");
        Assert.Contains(result.Findings, f => f.FieldPath == "query.page" && f.Rule == ShieldRules.SqlInjection);
        Assert.DoesNotContain(result.Findings, f => f.FieldPath == "query.sample");
    }

    [Fact]
    public async Task Pattern_IsLinear_OnAHostileValue()
    {
        // (a+)+$ backtracks exponentially on "aaaa...b" in a backtracking engine; NonBacktracking reads it once.
        var engine = Engine(new() { ["body.v"] = new FieldShieldOptions { Pattern = "(a+)+" } });

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"v\":\"" + new string('a', 50_000) + "b\"}")]);

        Assert.Equal("pattern", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Pattern_WithTheFeatureSwitchedOff_IsRefusedByName()
    {
        // Trimmed apps may switch patterns off (and drop the regex engine); a pattern set anyway must not be ignored.
        // The switch itself is read once per process (the AOT sample runs with it off; see its project file).
        Assert.True(FieldPatterns.IsSupported);
        Assert.True(FieldPatterns.Compile("[A-Z]{2}")("IE"));
        Assert.False(FieldPatterns.Compile("[A-Z]{2}")("IRL"));

        Assert.Contains(FieldPatterns.SwitchName, FieldPatterns.SwitchedOff().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_BindsFieldConstraints_AndRefusesBadOnes()
    {
        using var good = BuildHost(new()
        {
            ["ServerlessShield:Fields:body.country:Pattern"] = "[A-Z]{2}",
            ["ServerlessShield:Fields:body.country:MaxLength"] = "2",
            ["ServerlessShield:Fields:body.currency:AllowedValues:0"] = "EUR",
            ["ServerlessShield:Fields:body.quote:Rules:SHIELD1003"] = "Monitor",
        });
        var options = good.Services.GetRequiredService<IOptions<ShieldOptions>>().Value;
        Assert.Equal(("[A-Z]{2}", 2), (options.Fields["body.country"].Pattern, options.Fields["body.country"].MaxLength));
        Assert.Equal(["EUR"], options.Fields["body.currency"].AllowedValues);
        Assert.Equal(RuleMode.Monitor, options.Fields["body.quote"].Rules["SHIELD1003"]);

        using var bad = BuildHost(new()
        {
            ["ServerlessShield:Fields:body.a:Pattern"] = "(x)\\1",
            ["ServerlessShield:Functions:Orders:Fields:body.b:MaxLength"] = "0",
            ["ServerlessShield:Functions:Orders:Fields:body.c:Rules:SHIELD9999"] = "Block",
        });
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => bad.StartAsync());
        Assert.Contains(error.Failures, f => f.Contains("body.a:Pattern", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("body.b:MaxLength", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SHIELD9999", StringComparison.Ordinal));
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(null);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddServerlessShield();
        return builder.Build();
    }
}
