using System.Text;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Limits;

public class PayloadLimitsMiddlewareTests
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
