namespace ServerlessShield.AzureFunctions.Tests.Rules;

// Rule ids and names are a public contract (SIEM queries, per-rule settings in configuration).
public sealed class AzureFunctionsRulesTests
{
    [Fact]
    public void EventGridValidationNotEnabled_KeepsItsIdAndName()
    {
        Assert.Equal("SHIELD5304", AzureFunctionsRules.EventGridValidationNotEnabled.Id);
        Assert.Equal("eventgrid-validation-not-enabled", AzureFunctionsRules.EventGridValidationNotEnabled.Name);
        Assert.Equal(ShieldRuleCategory.Provenance, AzureFunctionsRules.EventGridValidationNotEnabled.Category);
    }

    [Fact]
    public void EnsureRegistered_PutsEveryRuleInTheCatalog_SoConfigurationCanNameIt()
    {
        AzureFunctionsRules.EnsureRegistered();

        Assert.All(AzureFunctionsRules.All, r => Assert.True(ShieldRuleCatalog.IsKnown(r.Id) && ShieldRuleCatalog.IsKnown(r.Name)));
    }
}
