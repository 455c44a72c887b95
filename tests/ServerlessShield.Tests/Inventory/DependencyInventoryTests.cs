using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ServerlessShield.Tests.Inventory;

public sealed class DependencyInventoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shield-inventory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Deps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
          "libraries": {
            "Orders/1.0.0": { "type": "project", "serviceable": false, "sha512": "" },
            "Newtonsoft.Json/12.0.1": { "type": "package", "serviceable": true },
            "System.Text.Encodings.Web/4.5.0": { "type": "package" },
            "Shiny.Thing/2.0.0-beta.2": { "type": "package" }
          }
        }
        """;

    [Fact]
    public void DepsFile_ReadsNameVersionAndType()
    {
        var packages = DepsFile.Read(Write("app.deps.json", Deps));

        Assert.Contains(new PackageReference("Newtonsoft.Json", "12.0.1", "package"), packages);
        Assert.Contains(new PackageReference("Orders", "1.0.0", "project"), packages);
        Assert.Equal(4, packages.Count);
    }

    [Theory]
    [InlineData("1.2.3", "1.2.3", 0)]
    [InlineData("1.2.3", "1.2.10", -1)]
    [InlineData("1.2.3-beta", "1.2.3", -1)]
    [InlineData("1.2.3-beta.2", "1.2.3-beta.10", -1)]
    [InlineData("1.2.3-alpha", "1.2.3-beta", -1)]
    [InlineData("1.2.3-beta", "1.2.3-beta.1", -1)]
    [InlineData("1.2", "1.2.0.0", 0)]
    [InlineData("2.0.0+build5", "2.0.0", 0)]
    [InlineData("4.5.1", "4.5.0.1", 1)]
    public void PackageVersion_OrdersLikeNuGet(string a, string b, int expected)
    {
        Assert.True(PackageVersion.TryParse(a, out var x));
        Assert.True(PackageVersion.TryParse(b, out var y));

        Assert.Equal(expected, Math.Sign(x.CompareTo(y)));
        Assert.Equal(-expected, Math.Sign(y.CompareTo(x)));
    }

    private static OsvAdvisory Advisory(string ranges, string versions = "[]", string ecosystem = "NuGet") => Assert.Single(OsvAdvisory.ParseFile($$"""
        { "id": "GHSA-test-0001", "affected": [ { "package": { "ecosystem": "{{ecosystem}}", "name": "Newtonsoft.Json" }, "ranges": {{ranges}}, "versions": {{versions}} } ] }
        """));

    [Theory]
    [InlineData("12.0.1", true)]
    [InlineData("13.0.0", true)]
    [InlineData("13.0.1", false)]
    [InlineData("13.0.2", false)]
    public void Osv_SemverIntroducedZeroFixed(string version, bool affected) =>
        Assert.Equal(affected, Advisory("""[ { "type": "SEMVER", "events": [ { "introduced": "0" }, { "fixed": "13.0.1" } ] } ]""").Affects("newtonsoft.json", version));

    [Theory]
    [InlineData("9.0.0", false)]
    [InlineData("10.0.0", true)]
    [InlineData("11.0.2", true)]
    [InlineData("11.0.3", false)]
    [InlineData("12.5.0", true)]
    public void Osv_EcosystemRangesWithLastAffectedAndReintroduction(string version, bool affected) =>
        Assert.Equal(affected, Advisory("""
            [ { "type": "ECOSYSTEM", "events": [ { "introduced": "10.0.0" }, { "last_affected": "11.0.2" }, { "introduced": "12.0.0" } ] } ]
            """).Affects("Newtonsoft.Json", version));

    [Fact]
    public void Osv_ExplicitVersionsAndOtherEcosystems()
    {
        Assert.True(Advisory("[]", """["12.0.1"]""").Affects("Newtonsoft.Json", "12.0.1"));
        Assert.False(Advisory("[]", """["12.0.1"]""").Affects("Newtonsoft.Json", "12.0.2"));
        Assert.Empty(OsvAdvisory.ParseFile("""{ "id": "X", "affected": [ { "package": { "ecosystem": "npm", "name": "Newtonsoft.Json" }, "versions": ["12.0.1"] } ] }""")[0].Affected);
        Assert.False(Advisory("""[ { "type": "GIT", "events": [ { "introduced": "0" } ] } ]""").Affects("Newtonsoft.Json", "1.0.0"));
    }

    [Fact]
    public void Osv_FileFormats_SingleArrayAndVulns()
    {
        const string one = """{ "id": "A", "affected": [] }""";
        Assert.Single(OsvAdvisory.ParseFile(one));
        Assert.Equal(2, OsvAdvisory.ParseFile($"[{one},{one.Replace("\"A\"", "\"B\"", StringComparison.Ordinal)}]").Count);
        Assert.Single(OsvAdvisory.ParseFile($$"""{ "vulns": [{{one}}] }"""));
    }

    [Fact]
    public async Task Reporter_ListsPackagesOnceAndOneFindingPerMatch()
    {
        var advisories = Write("osv.json", """
            [
              { "id": "GHSA-5crp-9r3c-p9vr", "affected": [ { "package": { "ecosystem": "NuGet", "name": "Newtonsoft.Json" }, "ranges": [ { "type": "ECOSYSTEM", "events": [ { "introduced": "0" }, { "fixed": "13.0.1" } ] } ] } ] },
              { "id": "GHSA-not-ours", "affected": [ { "package": { "ecosystem": "NuGet", "name": "Other" }, "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0" } ] } ] } ] },
              { "id": "GHSA-prerelease", "affected": [ { "package": { "ecosystem": "NuGet", "name": "Shiny.Thing" }, "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "2.0.0-beta.1" }, { "fixed": "2.0.0" } ] } ] } ] }
            ]
            """);
        var deps = Write("app.deps.json", Deps);
        var logs = new FakeLogCollector();
        var events = new List<SecurityEvent>();
        var publisher = new SecurityEventPublisher(new LoggerFactory([new FakeLoggerProvider(logs)]), [new Listener(events)], null);
        var reporter = new DependencyInventoryReporter(new InventoryOptions { AdvisoryFile = advisories }, publisher, () => deps);

        reporter.Start();
        var matches = await reporter.Completion;

        Assert.Equal(["GHSA-5crp-9r3c-p9vr", "GHSA-prerelease"], matches.Select(m => m.AdvisoryId).Order());
        var inventory = Assert.Single(logs.GetSnapshot(), l => l.Id.Id == 109);
        Assert.Contains("Newtonsoft.Json@12.0.1", inventory.Message, StringComparison.Ordinal);
        Assert.Equal(2, logs.GetSnapshot().Count(l => l.Id.Id == 110));
        var finding = Assert.Single(events, e => e.RuleId == "SHIELD5402" && e.Properties!["package"] == "Newtonsoft.Json");
        Assert.Equal("12.0.1", finding.Properties!["version"]);
        Assert.Equal("GHSA-5crp-9r3c-p9vr", finding.Properties["advisory"]);
        Assert.Contains("Newtonsoft.Json@12.0.1", Assert.Single(events, e => e.RuleId == "SHIELD5401").Properties!["packages"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engine_InventoriesItsOwnHostDepsFile()
    {
        // The test host runs with this project's deps.json, which lists NSubstitute; an advisory names it.
        var advisories = Write("osv.json", """
            { "id": "TEST-NSUB-1", "affected": [ { "package": { "ecosystem": "NuGet", "name": "NSubstitute" }, "ranges": [ { "type": "SEMVER", "events": [ { "introduced": "0" }, { "fixed": "999.0.0" } ] } ] } ] }
            """);
        var options = new ShieldOptions();
        options.Inventory.AdvisoryFile = advisories;
        using var engine = ShieldEngine.Create(options);

        var matches = await engine.Inventory.Completion;

        Assert.Equal("NSubstitute", Assert.Single(matches).Package.Name);
    }

    [Fact]
    public void Options_MissingAdvisoryFile_FailsAtStartup()
    {
        var options = new ShieldOptions();
        options.Inventory.AdvisoryFile = Path.Combine(_folder, "missing.json");

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => ShieldEngine.Create(options));
    }

    private sealed class Listener(List<SecurityEvent> events) : ISecurityEventListener
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
