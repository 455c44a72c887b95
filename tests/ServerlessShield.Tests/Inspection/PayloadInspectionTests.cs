using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

public class PayloadInspectionTests
{
    // A detector with an obvious signal, so these tests exercise the walk (paths, envelopes, keys) and not detection.
    private sealed class MarkerDetector : IInjectionDetector
    {
        public ShieldRule Rule => ShieldRules.SqlInjection;

        public bool IsMatch(ReadOnlySpan<char> value) => value.Contains("<evil>", StringComparison.Ordinal);
    }

    private static TestEngine Engine(ShieldProfile profile = ShieldProfile.Standard) =>
        new(new ShieldOptions { RequireOptIn = false, Profile = profile },
            p => p.Replace<PayloadInspectionMiddleware>(new PayloadInspectionMiddleware(new InjectionScanner([new MarkerDetector()]), null)));

    [Fact]
    public async Task Finding_CarriesTheJsonPathOfTheField_NotTheValue()
    {
        var engine = Engine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"user\":{\"tags\":[\"ok\",\"<evil>\"]}}")]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("body.user.tags[1]", finding.FieldPath);
        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.False(result.HandlerRan);
    }

    [Fact]
    public async Task EncodedPayload_IsDecodedBeforeDetection()
    {
        var engine = Engine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"q\":\"%253Cevil%253E\"}")]);

        Assert.Equal("body.q", Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task JsonInsideAString_IsUnwrappedAndInspectedByField()
    {
        var engine = Engine();
        var inner = "{\"order\":{\"note\":\"<evil>\"}}".Replace("\"", "\\\"", StringComparison.Ordinal);

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"Message\":\"" + inner + "\"}", "Records[0].Sns")]);

        Assert.Equal("Records[0].Sns.Message.order.note", Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task PropertyNames_AreInspectedToo()
    {
        var engine = Engine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"<evil>\":1}")]);

        Assert.Single(result.Findings);
    }

    [Fact]
    public async Task LoneLowerCaseWord_IsProbedAsAValue_ButIsAPlainName()
    {
        // A lone "whoami" can be a probe in a value; as a key it is the name of a field, like "name" or "items".
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false });

        var asValue = await engine.RunAsync("f", [TestEngine.Json("{\"cmd\":\"whoami\"}")]);
        var asKey = await engine.RunAsync("f", [TestEngine.Json("{\"whoami\":1,\"information_schema\":2}")]);
        var operatorKey = await engine.RunAsync("f", [TestEngine.Json("{\"user\":{\"$where\":\"sleep(5000)\"}}")]);

        Assert.Contains(asValue.Findings, f => f.Rule == ShieldRules.CommandInjection && f.FieldPath == "body.cmd");
        Assert.Empty(asKey.Findings);
        Assert.Contains(operatorKey.Findings, f => f.Rule == ShieldRules.NoSqlInjection);
    }

    [Theory]
    [InlineData("{\"note\":\"[draft] <evil>\"}", "body.note")]
    [InlineData("{\"note\":\"{{ <evil> }}\"}", "body.note")]
    [InlineData("{\"note\":\" [ {\\\"a\\\": \\\"<evil>\\\"} ]\"}", "body.note[0].a")]
    [InlineData("{\"note\":\"{ \\\"a\\\": 1, \\\"b\\\": \\\"<evil>\\\"}\"}", "body.note.b")]
    public async Task BracketedProse_IsText_WhileJsonInAString_IsWalked(string json, string path)
    {
        var engine = Engine();

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(path, Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task TextInput_IsInspectedAsOneValue()
    {
        var engine = Engine();

        var result = await engine.RunAsync("f", [new ShieldInput("message", Encoding.UTF8.GetBytes("hello <evil> world"), InputFormat.Text)]);

        Assert.Equal("message", Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task AutoInputThatIsNotJson_FallsBackToText_WithoutAnInvalidJsonFinding()
    {
        var engine = Engine();

        var result = await engine.RunAsync("f", [new ShieldInput("message", Encoding.UTF8.GetBytes("[note] <evil"), InputFormat.Auto)]);

        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task PathSegments_AreSanitisedAndShortened()
    {
        var engine = Engine();
        var longKey = new string('k', 200);

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"" + longKey + "\\n\":\"<evil>\"}")]);

        var path = Assert.Single(result.Findings).FieldPath;
        Assert.True(path.Length < 80, path);
        Assert.DoesNotContain('\n', path);
    }

    [Fact]
    public async Task BatchRecordWithAFinding_IsRejectedAlone()
    {
        var engine = Engine();

        var result = await engine.RunAsync("f",
        [
            TestEngine.Json("{\"a\":\"fine\"}", "Records[0].body", "id-0"),
            TestEngine.Json("{\"a\":\"<evil>\"}", "Records[1].body", "id-1"),
        ]);

        Assert.Equal(["id-1"], result.RejectedItems);
        Assert.True(result.HandlerRan);
    }

    [Fact]
    public async Task MonitorProfile_ReportsInjectionButRunsTheHandler()
    {
        var engine = Engine(ShieldProfile.Monitor);

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"a\":\"<evil>\"}")]);

        Assert.Equal(ShieldOutcomeKind.Monitored, result.Outcome.Kind);
        Assert.True(result.HandlerRan);
    }

    [Fact]
    public async Task FindingsPerInput_AreCapped()
    {
        var engine = Engine();
        var json = "[" + string.Join(",", Enumerable.Repeat("\"<evil>\"", 5000)) + "]";

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.InRange(result.Findings.Count, 1, 64);
    }
}
