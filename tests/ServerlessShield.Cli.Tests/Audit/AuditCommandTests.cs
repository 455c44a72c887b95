using System.Text.Json;

namespace ServerlessShield.Cli.Tests.Audit;

// Runs `shield audit` as a user would, on the samples and on files the tests write.
public class AuditCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shield-audit-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string Samples(string name) => Path.Combine(ShieldProcess.RepoRoot(), "samples", "config", name);

    [Fact]
    public async Task Audit_InsecureSamples_TableNamesFileLineRuleAndFixButNoSecretValues()
    {
        var (exit, stdout, stderr) = await ShieldProcess.RunAsync("audit", Path.Combine(ShieldProcess.RepoRoot(), "samples", "config"));

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        foreach (var id in new[] { "SHIELD4002", "SHIELD4003", "SHIELD4005", "SHIELD4006", "SHIELD4007", "SHIELD4008", "SHIELD4009", "SHIELD4101", "SHIELD4102", "SHIELD4103", "SHIELD4104", "SHIELD4105" })
        {
            Assert.Contains(id, stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", stdout, StringComparison.Ordinal);
        Assert.Contains("configuration file(s) audited", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("azure-clean")]
    [InlineData("aws-clean")]
    public async Task Audit_CleanSamples_NoFindings(string folder)
    {
        var (exit, stdout, _) = await ShieldProcess.RunAsync("audit", Samples(folder), "--fail-on", "Low");

        Assert.Equal(0, exit);
        Assert.Contains("no findings", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_FailOnHigh_ExitsOneOnlyWhenSuchAFindingExists()
    {
        File.WriteAllText(Path.Combine(_folder, "local.settings.json"), """{ "Values": { "CORS_ALLOWED_ORIGINS": "*" } }""");

        Assert.Equal(0, (await ShieldProcess.RunAsync("audit", _folder, "--fail-on", "High")).ExitCode);
        Assert.Equal(1, (await ShieldProcess.RunAsync("audit", _folder, "--fail-on", "Medium")).ExitCode);
        Assert.Equal(0, (await ShieldProcess.RunAsync("audit", _folder)).ExitCode);
    }

    [Fact]
    public async Task Audit_MissingPath_ExitsNonZeroWithAMessage()
    {
        var (exit, _, stderr) = await ShieldProcess.RunAsync("audit", Path.Combine(_folder, "nope"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_UnreadableTemplateAlone_ExitsNonZero()
    {
        File.WriteAllText(Path.Combine(_folder, "template.yaml"), "Resources: [unclosed");

        var (exit, _, stderr) = await ShieldProcess.RunAsync("audit", _folder);

        Assert.Equal(2, exit);
        Assert.Contains("template.yaml", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_BadFormat_IsUsageError() => Assert.NotEqual(0, (await ShieldProcess.RunAsync("audit", _folder, "--format", "xml")).ExitCode);

    [Fact]
    public async Task Audit_SamShortFormTags_ParsedAndLinesReported()
    {
        File.WriteAllText(Path.Combine(_folder, "template.yaml"), """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Role: !GetAtt Role.Arn
                  Environment:
                    Variables:
                      NAME: !Sub "${AWS::StackName}-x"
                      CONN: !Join [";", ["AccountKey=abc", "x"]]
                      KEY: AKIAIOSFODNN7EXAMPLE
            """);

        var (exit, stdout, _) = await ShieldProcess.RunAsync("audit", _folder, "--format", "sarif");

        Assert.Equal(0, exit);
        using var sarif = JsonDocument.Parse(stdout);
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("SHIELD4006", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("template.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(11, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public async Task Audit_Sarif_DriverListsEveryAuditRuleWithLevels()
    {
        var (exit, stdout, _) = await ShieldProcess.RunAsync("audit", Samples("aws-insecure"), "--format", "sarif");

        Assert.Equal(0, exit);
        using var sarif = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "SHIELD4105" && r.GetProperty("defaultConfiguration").GetProperty("level").GetString() == "error");
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "SHIELD4008" && r.GetProperty("defaultConfiguration").GetProperty("level").GetString() == "warning");
        Assert.All(run.GetProperty("results").EnumerateArray(), r =>
            Assert.Equal(r.GetProperty("ruleId").GetString(), rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString()));
    }
}
