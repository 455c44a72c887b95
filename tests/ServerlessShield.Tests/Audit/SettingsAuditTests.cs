namespace ServerlessShield.Tests.Audit;

public class SettingsAuditTests
{
    private const string AccountKeyValue = "DefaultEndpointsProtocol=https;AccountName=orders;AccountKey=c2VjcmV0LWtleS12YWx1ZS0xMjM0NTY3ODkw;EndpointSuffix=core.windows.net";
    private const string LongTermKey = "AKIAIOSFODNN7EXAMPLE";

    private static IReadOnlyList<AuditFinding> Check(string name, string value, bool inCloud = true) =>
        SettingsAudit.Check([new(name, value)], inCloud);

    [Theory]
    [InlineData("AzureWebJobsStorage", AccountKeyValue, "SHIELD4005")]
    [InlineData("ServiceBus", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=abcdefghijk123=", "SHIELD4005")]
    [InlineData("Sql", "Server=db;Database=orders;User Id=app;Password=hunter2-long;", "SHIELD4005")]
    [InlineData("DB_URL", "postgres://app:hunter2-long@db.internal:5432/orders", "SHIELD4005")]
    [InlineData("AWS_ACCESS_KEY_ID", LongTermKey, "SHIELD4006")]
    [InlineData("SIGNING_KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", "SHIELD4010")]
    [InlineData("Host:CORS", "*", "SHIELD4008")]
    [InlineData("CORS_ALLOWED_ORIGINS", "https://a.example, *", "SHIELD4008")]
    [InlineData("AZURE_FUNCTIONS_ENVIRONMENT", "Development", "SHIELD4002")]
    [InlineData("ASPNETCORE_ENVIRONMENT", "development", "SHIELD4002")]
    [InlineData("ASPNETCORE_DETAILEDERRORS", "true", "SHIELD4003")]
    [InlineData("DOTNET_DiagnosticPorts", "/tmp/port,suspend", "SHIELD4009")]
    [InlineData("COMPlus_DbgEnableMiniDump", "1", "SHIELD4009")]
    [InlineData("AzureFunctionsJobHost__logging__logLevel__default", "Trace", "SHIELD4009")]
    [InlineData("ServerlessShield__Profile", "Monitor", "SHIELD4004")]
    public void Check_InsecureSetting_ReportsItsRuleByNameOnly(string name, string value, string ruleId)
    {
        var finding = Assert.Single(Check(name, value));

        Assert.Equal(ruleId, finding.Rule.Id);
        Assert.Equal(SettingsAudit.NormalizeKey(name), finding.Subject);
        if (finding.Rule.Number is 4005 or 4006 or 4010)
        {
            Assert.DoesNotContain(value, finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(value, finding.Fix, StringComparison.Ordinal);
        }

        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE")] // temporary credentials Lambda provides
    [InlineData("AzureWebJobsStorage", "UseDevelopmentStorage=true")]
    [InlineData("AzureWebJobsStorage__accountName", "orders")]
    [InlineData("Sql", "@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/sql)")]
    [InlineData("Host:CORS", "https://app.example")]
    [InlineData("ASPNETCORE_DETAILEDERRORS", "false")]
    [InlineData("DOTNET_DbgEnableMiniDump", "0")]
    [InlineData("ServerlessShield:Profile", "Standard")]
    [InlineData("Password", "")]
    [InlineData("Greeting", "https://example.com/path?q=1")]
    public void Check_SafeSetting_ReportsNothing(string name, string value) => Assert.Empty(Check(name, value));

    [Theory]
    [InlineData("AZURE_FUNCTIONS_ENVIRONMENT", "Development")]
    [InlineData("ASPNETCORE_DETAILEDERRORS", "1")]
    [InlineData("DOTNET_EnableEventPipe", "1")]
    [InlineData("ServerlessShield:Profile", "Monitor")]
    public void Check_DevelopmentSwitchOutsideTheCloud_ReportsNothing(string name, string value) => Assert.Empty(Check(name, value, inCloud: false));

    [Fact]
    public void Check_SecretOutsideTheCloud_StillReported() => Assert.Equal("SHIELD4006", Assert.Single(Check("KEY", LongTermKey, inCloud: false)).Rule.Id);

    [Fact]
    public void Check_IgnoredSetting_Skipped() =>
        Assert.Empty(SettingsAudit.Check([new("Legacy__Connection", AccountKeyValue)], inCloud: true, ["Legacy:Connection"]));

    [Fact]
    public void CheckFunctions_AnonymousHttpWithoutAllowance_Reported()
    {
        FunctionEndpoint[] functions =
        [
            new("Public", "httpTrigger", "Anonymous"),
            new("Keyed", "httpTrigger", "Function"),
            new("Health", "httpTrigger", "anonymous"),
            new("Queue", "queueTrigger", null),
        ];

        var findings = SettingsAudit.CheckFunctions(functions, ["Health"]);

        var finding = Assert.Single(findings);
        Assert.Equal("SHIELD4007", finding.Rule.Id);
        Assert.Equal("Public", finding.Subject);
        Assert.Empty(SettingsAudit.CheckFunctions(functions, ["*"]));
    }
}
