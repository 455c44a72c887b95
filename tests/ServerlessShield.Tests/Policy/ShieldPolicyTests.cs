using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ServerlessShield.Tests.Policy;

public class ShieldPolicyTests
{
    [Fact]
    public void RequireOptIn_FunctionWithoutAttribute_IsNotShielded()
    {
        Assert.False(ShieldPolicy.Create("f").Enabled);
        Assert.True(ShieldPolicy.Create("f", attribute: new ShieldAttribute()).Enabled);
        Assert.False(ShieldPolicy.Create("f", attribute: new ShieldAttribute { Enabled = false }).Enabled);
    }

    [Theory]
    [InlineData(ShieldProfile.Standard, 1024 * 1024, 64, RuleMode.Block)]
    [InlineData(ShieldProfile.Strict, 256 * 1024, 32, RuleMode.Block)]
    [InlineData(ShieldProfile.Monitor, 1024 * 1024, 64, RuleMode.Monitor)]
    public void Profiles_SetLimitsAndModes(ShieldProfile profile, int bytes, int depth, RuleMode mode)
    {
        var policy = ShieldPolicy.Create("f", new ShieldOptions { Profile = profile });

        Assert.Equal(bytes, policy.MaxPayloadBytes);
        Assert.Equal(depth, policy.MaxDepth);
        Assert.Equal(mode, policy.GetMode(ShieldRules.PayloadTooLarge));
    }

    [Fact]
    public void Precedence_FunctionSettingsOverAttributeOverGlobal()
    {
        var options = new ShieldOptions { Limits = { MaxPayloadBytes = 1000 } };
        options.ForFunction("f", f => f.Limits.MaxDepth = 5);
        var attribute = new ShieldAttribute { MaxPayloadBytes = 2000, MaxDepth = 10, Profile = ShieldProfile.Strict, MonitorRules = ["invalid-json"] };

        var policy = ShieldPolicy.Create("f", options, attribute);

        Assert.Equal(2000, policy.MaxPayloadBytes);
        Assert.Equal(5, policy.MaxDepth);
        Assert.Equal(ShieldProfile.Strict, policy.Profile);
        Assert.Equal(RuleMode.Monitor, policy.GetMode(ShieldRules.InvalidJson));
        Assert.Equal(RuleMode.Block, policy.GetMode(ShieldRules.JsonTooDeep));
    }

    [Fact]
    public void Resolver_LooksUpTheAttributeOncePerFunction()
    {
        var resolver = new ShieldPolicyResolver(Options.Create(new ShieldOptions()));
        var lookups = 0;

        var first = resolver.GetPolicy("f", () => { lookups++; return new ShieldAttribute(); });
        var second = resolver.GetPolicy("f", () => { lookups++; return null; });

        Assert.Same(first, second);
        Assert.Equal(1, lookups);
    }

    [Fact]
    public void Configuration_BindsFromTheServerlessShieldSection()
    {
        using var host = BuildHost(new()
        {
            ["ServerlessShield:Profile"] = "Strict",
            ["ServerlessShield:Limits:MaxDepth"] = "12",
            ["ServerlessShield:Rules:SHIELD2003"] = "Monitor",
            ["ServerlessShield:Functions:Orders:Profile"] = "Monitor",
        });

        var options = host.Services.GetRequiredService<IOptions<ShieldOptions>>().Value;

        Assert.Equal(ShieldProfile.Strict, options.Profile);
        Assert.Equal(12, options.Limits.MaxDepth);
        Assert.Equal(RuleMode.Monitor, options.Rules["SHIELD2003"]);
        Assert.Equal(ShieldProfile.Monitor, options.Functions["Orders"].Profile);
    }

    [Fact]
    public async Task Startup_FailsOnAnUnknownRuleOrABadLimit_NotOnTheFirstRequest()
    {
        using var host = BuildHost(new()
        {
            ["ServerlessShield:Limits:MaxDepth"] = "0",
            ["ServerlessShield:Rules:SHIELD9999"] = "Block",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("MaxDepth", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SHIELD9999", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_UnknownKey_IsAnError()
    {
        using var host = BuildHost(new() { ["ServerlessShield:MaxBodyByts"] = "10" });

        Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<ShieldOptions>>().Value);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(null);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddServerlessShield();
        return builder.Build();
    }
}
