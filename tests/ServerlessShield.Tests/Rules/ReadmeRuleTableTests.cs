using System.Globalization;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Rules;

// Rule ids and names are a public contract (SIEM queries, per-rule settings): pin them, and keep the README's table true.
public class ReadmeRuleTableTests
{
    [Fact]
    public void ReadmeTable_ListsEveryBuiltInRule_Exactly()
    {
        var readme = File.ReadAllText(Path.Combine(SharedFolder.RepoRoot, "README.md"));
        var start = readme.IndexOf("<!-- rules:start -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- rules:end -->", StringComparison.Ordinal);
        var rows = readme[start..end].Split('\n').Where(l => l.StartsWith("| SHIELD", StringComparison.Ordinal)).ToList();

        var expected = ShieldRules.All.Select(r =>
            $"| {r.Id} | {r.Name} | {r.Severity} | {r.HttpStatus.ToString(CultureInfo.InvariantCulture)} | {r.Description} |");

        Assert.Equal(expected, rows);
    }

    [Fact]
    public void RuleIds_AreUniqueAndMatchTheirCategory()
    {
        Assert.Equal(ShieldRules.All.Count, ShieldRules.All.Select(r => r.Number).Distinct().Count());
        Assert.Equal(ShieldRules.All.Count, ShieldRules.All.Select(r => r.Name).Distinct().Count());
        Assert.All(ShieldRules.All, r => Assert.Equal((int)r.Category, r.Number / 1000));
        Assert.Equal("SHIELD2001", ShieldRules.PayloadTooLarge.Id);
        Assert.Equal("SHIELD1001", ShieldRules.SqlInjection.Id);
        Assert.Equal("SHIELD3001", ShieldRules.UnhandledException.Id);
    }
}
