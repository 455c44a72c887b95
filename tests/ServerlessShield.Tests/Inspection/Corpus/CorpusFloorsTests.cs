using ServerlessShield.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessShield.Tests.Inspection.Corpus;

// The detection floors of the inspection engine on the public corpora, each payload judged through the whole
// Standard pipeline as one string field of an HTTP JSON body: at least 95% of every
// class in the PayloadsAllTheThings files, at least 85% in the CRS paranoia-level-1 files, and at most 0.1% of the
// benign corpus flagged. A payload counts as detected when any rule fires on it.
public class CorpusFloorsTests(ITestOutputHelper output)
{
    // The eleven classes the engine covers, with the rule of each class's detector.
    private static readonly Dictionary<string, ShieldRule> ClassRules = new()
    {
        ["sqli"] = ShieldRules.SqlInjection,
        ["nosqli"] = ShieldRules.NoSqlInjection,
        ["xss"] = ShieldRules.CrossSiteScripting,
        ["cmdi"] = ShieldRules.CommandInjection,
        ["path_traversal"] = ShieldRules.PathTraversal,
        ["ssti"] = ShieldRules.TemplateInjection,
        ["ldapi"] = ShieldRules.LdapInjection,
        ["xxe"] = ShieldRules.XmlExternalEntity,
        ["jndi"] = ShieldRules.JndiLookup,
        ["crlf"] = ShieldRules.CrlfInjection,
        ["ssrf"] = ShieldRules.ServerSideRequestForgery,
    };

    public static TheoryData<string> Classes { get; } = [.. ClassRules.Keys];

    [SkippableTheory]
    [MemberData(nameof(Classes))]
    public void PayloadsAllTheThings_AtLeast95PercentDetected(string attackClass) =>
        AssertFloor(attackClass, "payloadsallthethings", 0.95);

    [SkippableTheory]
    [MemberData(nameof(Classes))]
    public void CrsParanoiaLevel1_AtLeast85PercentDetected(string attackClass) =>
        AssertFloor(attackClass, "crs-regression-pl1", 0.85);

    [SkippableFact]
    public void BenignCorpus_AtMostOneInAThousandFlagged()
    {
        var corpora = SharedFolder.Require("corpora");
        var benign = CorpusFile.Benign(corpora);
        var flagged = benign.Select(b => (b.File, b.Line, Rules: ValuePipeline.Rules(b.Line)))
            .Where(b => b.Rules.Count > 0).ToList();
        foreach (var (file, line, rules) in flagged)
        {
            output.WriteLine($"false positive [{string.Join(",", rules.Select(r => r.Name))}] {file}: {line}");
        }

        output.WriteLine($"benign: {flagged.Count} of {benign.Count} flagged");
        Assert.True(flagged.Count <= benign.Count / 1000, $"{flagged.Count} of {benign.Count} benign strings flagged (more than 0.1%)");
    }

    private void AssertFloor(string attackClass, string source, double floor)
    {
        var corpora = SharedFolder.Require("corpora");
        Skip.IfNot(InjectionScanner.Default.Detectors.Any(d => d.Rule == ClassRules[attackClass]), $"no detector for {attackClass} yet");
        var payloads = CorpusFile.Attacks(corpora, attackClass, source);
        Skip.If(payloads.Count == 0, $"no {source} payloads for {attackClass}");
        var missed = payloads.Where(p => ValuePipeline.Rules(p).Count == 0).ToList();
        var rate = 1.0 - ((double)missed.Count / payloads.Count);
        output.WriteLine($"{attackClass} {source}: {payloads.Count - missed.Count}/{payloads.Count} = {rate:P2}");
        foreach (var miss in missed.Take(40))
        {
            output.WriteLine($"missed: {miss}");
        }

        Assert.True(rate >= floor, $"{attackClass} {source}: {rate:P2} detected, below the {floor:P0} floor");
    }
}
