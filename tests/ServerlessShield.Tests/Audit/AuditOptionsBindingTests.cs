using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ServerlessShield.Tests.Audit;

// The new sections bind from configuration under ServerlessShield (unknown keys stay an error).
public class AuditOptionsBindingTests
{
    private static ShieldOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddServerlessShield();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ShieldOptions>>().Value;
    }

    [Fact]
    public void Sections_BindAuditEgressInventoryAndAuthenticity()
    {
        var options = Bind(new()
        {
            ["ServerlessShield:Audit:FailOnCritical"] = "true",
            ["ServerlessShield:Audit:AllowAnonymousFunctions:0"] = "Health",
            ["ServerlessShield:Audit:IgnoredSettings:0"] = "LEGACY_KEY",
            ["ServerlessShield:Egress:CapabilityReportMinutes"] = "5",
            ["ServerlessShield:Inventory:Enabled"] = "false",
            ["ServerlessShield:Functions:Hook:Authenticity:Webhook"] = "Stripe",
            ["ServerlessShield:Functions:Hook:Authenticity:Secret"] = "whsec_x",
            ["ServerlessShield:Functions:Hook:Authenticity:TimestampToleranceSeconds"] = "60",
            ["ServerlessShield:Functions:Topic:Authenticity:VerifySnsSignature"] = "true",
        });

        Assert.True(options.Audit.FailOnCritical);
        Assert.Equal(["Health"], options.Audit.AllowAnonymousFunctions);
        Assert.Equal(["LEGACY_KEY"], options.Audit.IgnoredSettings);
        Assert.Equal(5, options.Egress.CapabilityReportMinutes);
        Assert.False(options.Inventory.Enabled);
        Assert.Equal(WebhookScheme.Stripe, options.Functions["Hook"].Authenticity.Webhook);
        Assert.Equal(60, options.Functions["Hook"].Authenticity.TimestampToleranceSeconds);
        Assert.True(ShieldPolicy.Create("Topic", options).Authenticity?.VerifySnsSignature);
        Assert.Null(ShieldPolicy.Create("Other", options).Authenticity);
    }

    [Fact]
    public void Defaults_AreSafe()
    {
        var options = new ShieldOptions();

        Assert.True(options.Audit.Enabled);
        Assert.False(options.Audit.FailOnCritical);
        Assert.Empty(options.Audit.AllowAnonymousFunctions);
        Assert.Empty(options.Egress.AllowedHosts);
        Assert.True(options.Inventory.Enabled);
        Assert.Null(options.Inventory.AdvisoryFile);
    }

    [Fact]
    public void UnknownAuditKey_IsAnError() =>
        Assert.Throws<InvalidOperationException>(() => Bind(new() { ["ServerlessShield:Audit:FailOnCritcal"] = "true" }));
}
