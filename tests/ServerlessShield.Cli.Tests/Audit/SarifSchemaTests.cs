using System.Text.Json.Nodes;
using NJsonSchema;

namespace ServerlessShield.Cli.Tests.Audit;

// Validates `shield audit --format sarif` against the official SARIF 2.1.0 schema (TestData, no network).
public class SarifSchemaTests
{
    private static Task<JsonSchema> Schema() =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));

    [Theory]
    [InlineData("aws-insecure")]
    [InlineData("azure-insecure")]
    [InlineData("aws-clean")]
    public async Task AuditSarif_ValidatesAgainstTheOfficialSchema(string folder)
    {
        var (exit, stdout, _) = await ShieldProcess.RunAsync("audit", Path.Combine(ShieldProcess.RepoRoot(), "samples", "config", folder), "--format", "sarif");

        var errors = (await Schema()).Validate(stdout);

        Assert.Equal(0, exit);
        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public async Task Schema_RejectsABrokenLog()
    {
        // Proves the validator checks something: an unknown level and a missing message must fail.
        var (_, stdout, _) = await ShieldProcess.RunAsync("audit", Path.Combine(ShieldProcess.RepoRoot(), "samples", "config", "aws-insecure"), "--format", "sarif");
        var log = JsonNode.Parse(stdout)!;
        var result = log["runs"]![0]!["results"]![0]!.AsObject();
        result["level"] = "critical";
        result.Remove("message");

        var errors = (await Schema()).Validate(log.ToJsonString());

        Assert.NotEmpty(errors);
    }
}
