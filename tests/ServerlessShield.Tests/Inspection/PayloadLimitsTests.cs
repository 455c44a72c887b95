using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Inspection;

public class PayloadLimitsTests
{
    [Fact]
    public async Task CleanJson_IsAllowed_AndTheHandlerRuns()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"name\":\"O'Brien\",\"items\":[1,2,3]}")]);

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
        Assert.True(result.HandlerRan);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public async Task OversizePayload_IsBlockedWith413_BeforeTheHandler()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Limits = { MaxPayloadBytes = 100 } });
        var body = "{\"a\":\"" + new string('x', 200) + "\"}";

        var result = await engine.RunAsync("f", [TestEngine.Json(body)]);

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.Equal(ShieldRules.PayloadTooLarge, result.Outcome.Rule);
        Assert.Equal(413, result.Outcome.StatusCode);
        Assert.False(result.HandlerRan);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public async Task NestingDepth_AtTheLimitPasses_OneDeeperIsBlocked(int depth, bool allowed)
    {
        var engine = new TestEngine();
        var json = new string('[', depth) + new string(']', depth);

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(allowed, result.Outcome.Kind == ShieldOutcomeKind.Allowed);
        if (!allowed)
        {
            Assert.Equal(ShieldRules.JsonTooDeep, result.Outcome.Rule);
        }
    }

    [Fact]
    public async Task VeryDeepNesting_IsBlocked_NotACrash()
    {
        var engine = new TestEngine();
        var json = new string('[', 100_000) + new string(']', 100_000);

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(ShieldRules.JsonTooDeep, result.Outcome.Rule);
    }

    [Theory]
    [InlineData("{\"a\":")]
    [InlineData("{'a':1}")]
    [InlineData("not json")]
    [InlineData("{\"a\":1} trailing")]
    public async Task DeclaredJson_ThatDoesNotParse_IsBlockedAsInvalidJson(string body)
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json(body)]);

        Assert.Equal(ShieldRules.InvalidJson, result.Outcome.Rule);
        Assert.Equal(400, result.Outcome.StatusCode);
    }

    [Fact]
    public async Task AutoFormat_TextThatIsNotJson_IsAllowed()
    {
        var engine = new TestEngine();
        var input = new ShieldInput("message", Encoding.UTF8.GetBytes("[INFO] order 42 shipped {soon"));

        var result = await engine.RunAsync("f", [input]);

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    [Fact]
    public async Task MonitorProfile_ReportsButNeverBlocks()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Profile = ShieldProfile.Monitor, Rules = { ["SHIELD2003"] = RuleMode.Block } });

        var result = await engine.RunAsync("f", [TestEngine.Json("{broken")]);

        Assert.Equal(ShieldOutcomeKind.Monitored, result.Outcome.Kind);
        Assert.Equal("monitor", result.Verdict);
        Assert.True(result.HandlerRan);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(FindingAction.Monitored, finding.Action);
    }

    [Fact]
    public async Task BatchRecord_OverLimit_RejectsOnlyThatRecord()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f",
        [
            TestEngine.Json("{\"ok\":1}", "Records[0].body", "m1"),
            TestEngine.Json("{broken", "Records[1].body", "m2"),
        ]);

        Assert.True(result.HandlerRan);
        Assert.Equal(["m2"], result.RejectedItems);
        Assert.Equal("block", result.Verdict);
    }

    [Fact]
    public async Task JsonWithByteOrderMark_Parses()
    {
        var engine = new TestEngine();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"a\":1}")).ToArray();

        var result = await engine.RunAsync("f", [new ShieldInput("body", bytes, InputFormat.Json)]);

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }
}

public class PayloadLimitsStructureTests
{
    private static TestEngine Engine(Action<PayloadLimitsOptions> limits)
    {
        var options = new ShieldOptions { RequireOptIn = false };
        limits(options.Limits);
        return new TestEngine(options);
    }

    [Fact]
    public async Task TooManyKeys_IsReportedWithTheObjectsPath()
    {
        var engine = Engine(l => l.MaxKeysPerObject = 3);

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"o\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}")]);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(ShieldRules.TooManyKeys, finding.Rule);
        Assert.Equal("body.o", finding.FieldPath);
    }

    [Fact]
    public async Task ArrayTooLong_IsReported()
    {
        var engine = Engine(l => l.MaxArrayLength = 2);

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"items\":[1,2,3]}")]);

        Assert.Equal(ShieldRules.ArrayTooLong, result.Outcome.Rule);
        Assert.Equal("body.items", Assert.Single(result.Findings).FieldPath);
    }

    [Fact]
    public async Task StringAndNumberTooLong_AreReportedPerField()
    {
        var engine = Engine(l => { l.MaxStringLength = 5; l.MaxNumberLength = 4; });

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"s\":\"abcdefg\",\"n\":123456,\"ok\":\"abc\",\"m\":1.5}")]);

        Assert.Equal(
            [(ShieldRules.StringTooLong, "body.s"), (ShieldRules.NumberTooLong, "body.n")],
            result.Findings.Select(f => (f.Rule, f.FieldPath)));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"\\u0061\":2}")]
    public async Task DuplicateKeys_IncludingEscapedSpellings_AreBlocked(string json)
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(ShieldRules.DuplicateKey, result.Outcome.Rule);
    }

    [Fact]
    public async Task SameKeyInSiblingObjects_IsNotADuplicate()
    {
        var engine = new TestEngine();
        var json = "{\"a\":{\"id\":1},\"b\":{\"id\":2},\"list\":[{\"id\":3},{\"id\":4}]," +
            string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}")) + "}";

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(ShieldOutcomeKind.Allowed, result.Outcome.Kind);
    }

    [Fact]
    public async Task LargeObjectWithDuplicateLateKey_IsCaught()
    {
        var engine = new TestEngine();
        var json = "{" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"k{i}\":{i}")) + ",\"k3\":0}";

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(ShieldRules.DuplicateKey, result.Outcome.Rule);
    }

    [Fact]
    public async Task InvalidUtf8_IsBlocked()
    {
        var engine = new TestEngine();
        byte[] body = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC0, 0xAE, (byte)'"', (byte)'}'];

        var result = await engine.RunAsync("f", [new ShieldInput("body", body, InputFormat.Json)]);

        Assert.Equal(ShieldRules.InvalidUtf8, result.Outcome.Rule);
    }

    [Fact]
    public async Task InvalidUtf8InText_IsBlocked()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [new ShieldInput("message", new byte[] { 0x61, 0xFF, 0x62 }, InputFormat.Text)]);

        Assert.Equal(ShieldRules.InvalidUtf8, result.Outcome.Rule);
    }

    [Fact]
    public async Task LoneSurrogateEscape_IsBlocked()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"a\":\"x\\ud800y\"}")]);

        Assert.Equal(ShieldRules.LoneSurrogate, result.Outcome.Rule);
    }

    [Fact]
    public async Task EscapedNul_IsBlocked()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{\"file\":\"report.pdf\\u0000.exe\"}")]);

        Assert.Equal(ShieldRules.NulCharacter, result.Outcome.Rule);
        Assert.Equal("body.file", Assert.Single(result.Findings, f => f.Rule == ShieldRules.NulCharacter).FieldPath);
    }

    [Fact]
    public async Task StrictProfile_HasTighterLimits()
    {
        var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Profile = ShieldProfile.Strict });
        var json = new string('[', 33) + new string(']', 33);

        var result = await engine.RunAsync("f", [TestEngine.Json(json)]);

        Assert.Equal(ShieldRules.JsonTooDeep, result.Outcome.Rule);
    }
}
