using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ServerlessShield.HardeningTests.Support;

namespace ServerlessShield.HardeningTests;

// Inputs built to hurt a parser or a detector. Sizes are chosen so that a quadratic algorithm would hang the suite;
// the Timeout is a hang guard only, never a performance assertion.
public sealed class PathologicalInputTests
{
    private const int HangGuardMs = 120_000;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] NestedArrays(int depth) => Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', depth));

    private static byte[] NestedObjects(int depth)
    {
        var builder = new StringBuilder(depth * 7);
        for (var i = 0; i < depth; i++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append('1').Append('}', depth);
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static byte[] ManyKeys(int count)
    {
        var builder = new StringBuilder(count * 12).Append('{');
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "\"k" : ",\"k").Append(i).Append("\":0");
        }

        return Encoding.ASCII.GetBytes(builder.Append('}').ToString());
    }

    private static string StringValue(string value) => "{\"v\":" + JsonSerializer.Serialize(value, Relaxed) + "}";

    public static TheoryData<string> DeepShapes => new() { "arrays", "objects" };

    [Theory(Timeout = HangGuardMs)]
    [MemberData(nameof(DeepShapes))]
    public async Task Engine_Nesting100000_BlockedAsTooDeep(string shape)
    {
        using var engine = Harness.Engine();
        var body = shape == "arrays" ? NestedArrays(100_000) : NestedObjects(100_000);

        var result = await Harness.RunAsync(engine, body);

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.Equal(ShieldRules.JsonTooDeep, result.Outcome.Rule);
        Assert.False(result.HandlerRan);
    }

    [Theory(Timeout = HangGuardMs)]
    [MemberData(nameof(DeepShapes))]
    public async Task Lambda_Nesting100000InApiGatewayBody_Answers400ProblemJson(string shape)
    {
        var ran = false;
        var wrapped = Harness.Wrap((s, c) => { ran = true; return Harness.Ok(s, c); });
        var body = Encoding.ASCII.GetString(shape == "arrays" ? NestedArrays(100_000) : NestedObjects(100_000));

        var result = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(body), "req-deep");

        Assert.False(ran);
        Harness.AssertProblemAnswer(result.Response!, "req-deep");
        Assert.Contains("\"statusCode\":400", result.Response, StringComparison.Ordinal);
    }

    [Theory(Timeout = HangGuardMs)]
    [MemberData(nameof(DeepShapes))]
    public async Task Lambda_Nesting100000AsDirectInvoke_ThrowsDocumentedException(string shape)
    {
        var ran = false;
        var wrapped = Harness.Wrap((s, c) => { ran = true; return Harness.Ok(s, c); });

        var result = await Harness.InvokeAsync(wrapped, shape == "arrays" ? NestedArrays(100_000) : NestedObjects(100_000), "req-deep-direct");

        Assert.False(ran);
        Assert.NotNull(result.Rejected);
        Assert.Equal("req-deep-direct", result.Rejected.CorrelationId);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_SixMegabyteString_BlockedBySizeUnderStandardLimits()
    {
        using var engine = Harness.Engine();

        var result = await Harness.RunAsync(engine, Encoding.ASCII.GetBytes(StringValue(new string('x', 6_000_000))));

        Assert.Equal(ShieldRules.PayloadTooLarge, result.Outcome.Rule);
        Assert.False(result.HandlerRan);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_SixMegabyteString_WithRaisedPayloadLimit_BlockedAsStringTooLong()
    {
        using var engine = Harness.Engine(raisePayloadLimit: true);

        var result = await Harness.RunAsync(engine, Encoding.ASCII.GetBytes(StringValue(new string('x', 6_000_000))));

        Assert.Equal(ShieldRules.StringTooLong, result.Outcome.Rule);
        Assert.False(result.HandlerRan);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_SixMegabyteStringBody_Answers413()
    {
        var ran = false;
        var wrapped = Harness.Wrap((s, c) => { ran = true; return Harness.Ok(s, c); });

        var result = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(StringValue(new string('x', 6_000_000))), "req-6mb");

        Assert.False(ran);
        Harness.AssertProblemAnswer(result.Response!, "req-6mb");
        Assert.Contains("\"statusCode\":413", result.Response, StringComparison.Ordinal);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_MillionKeys_BlockedAsTooManyKeys()
    {
        using var engine = Harness.Engine(raisePayloadLimit: true);

        var result = await Harness.RunAsync(engine, ManyKeys(1_000_000));

        Assert.Equal(ShieldOutcomeKind.Blocked, result.Outcome.Kind);
        Assert.Equal(ShieldRules.TooManyKeys, result.Outcome.Rule);
        Assert.False(result.HandlerRan);
        // One finding for the object, not one per key past the limit.
        Assert.Single(result.Findings, f => f.Rule == ShieldRules.TooManyKeys);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_MillionKeysDirectInvoke_RejectedAsTooManyKeys()
    {
        var ran = false;
        var wrapped = Harness.Wrap((s, c) => { ran = true; return Harness.Ok(s, c); }, raisePayloadLimit: true);

        var result = await Harness.InvokeAsync(wrapped, ManyKeys(1_000_000), "req-keys");

        Assert.False(ran);
        Assert.Equal(ShieldRules.TooManyKeys.Id, result.Rejected!.Code);
        Assert.Equal("req-keys", result.Rejected.CorrelationId);
    }

    // Each level doubles the escaping, so the size grows as 2^levels: 50 literal levels would need petabytes. The
    // test goes as deep as the payload limit allows (16 levels, about 600 KB) and checks every depth on the way.
    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_JsonInStringEnvelopes_EveryDepthGivesCleanOutcome()
    {
        using var engine = Harness.Engine();
        var inner = "{\"cmd\":\"; cat /etc/passwd\"}";
        for (var level = 1; level <= 16; level++)
        {
            inner = "{\"m\":" + JsonSerializer.Serialize(inner, Relaxed) + "}";
            var result = await Harness.RunAsync(engine, Encoding.UTF8.GetBytes(inner));
            Assert.True(Harness.IsDocumented(result.Outcome.Kind));
            Assert.NotEqual(ShieldOutcomeKind.Failed, result.Outcome.Kind);
        }
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_JsonInStringEnvelopesInSqs_EveryDepthGivesCleanOutcome()
    {
        var wrapped = Harness.Wrap(Harness.Ok);
        var inner = "{\"cmd\":\"; cat /etc/passwd\"}";
        for (var level = 1; level <= 16; level++)
        {
            inner = "{\"m\":" + JsonSerializer.Serialize(inner, Relaxed) + "}";
            var result = await Harness.InvokeAsync(wrapped, Harness.SqsEvent(inner), $"req-env-{level}");
            Assert.True(result.Response is not null || result.Rejected is { CorrelationId: var id } && id == $"req-env-{level}");
        }
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Engine_InvalidUtf8AtEveryPosition_CleanOutcomeNeverException()
    {
        using var engine = Harness.Engine();
        var payload = Encoding.UTF8.GetBytes("{\"name\":\"h\u00e9llo \u20ac\",\"n\":[1,2.5,true,null],\"o\":{\"k\":\"v\"}}");
        byte[][] bad = [[0xFF], [0xC0], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90], [0xC3]];
        var runs = 0;
        for (var position = 0; position <= payload.Length; position++)
        {
            foreach (var insert in bad)
            {
                foreach (var replace in new[] { true, false })
                {
                    var mutated = Splice(payload, position, insert, replace);
                    var result = await Harness.RunAsync(engine, mutated);
                    Assert.True(Harness.IsDocumented(result.Outcome.Kind));
                    Assert.NotEqual(ShieldOutcomeKind.Failed, result.Outcome.Kind);
                    Assert.Equal(result.Outcome.IsRejected, !result.HandlerRan);
                    runs++;
                }
            }
        }

        Assert.Equal((payload.Length + 1) * bad.Length * 2, runs);
    }

    [Fact(Timeout = HangGuardMs)]
    public async Task Lambda_InvalidUtf8AtEveryPositionOfEvent_CleanOutcomeNeverOtherException()
    {
        var wrapped = Harness.Wrap(Harness.Ok);
        var payload = Encoding.UTF8.GetBytes("{\"orderId\":\"\u00e9\u20ac\",\"items\":[{\"sku\":\"a\"}]}");
        for (var position = 0; position <= payload.Length; position++)
        {
            foreach (var insert in new byte[][] { [0xFF], [0xC0, 0xAF], [0xED, 0xB0, 0x80] })
            {
                var requestId = $"req-utf8-{position}";
                var result = await Harness.InvokeAsync(wrapped, Splice(payload, position, insert, replace: true), requestId);
                Assert.True(result.Response is not null || result.Rejected!.CorrelationId == requestId);
            }
        }
    }

    // Found by the fuzzer: invalid UTF-8 in an envelope field (not in a body) used to throw in the SQS extractor, which
    // failed closed as SHIELD3002 shield-failure; it is now blocked as invalid-utf8.
    [Theory(Timeout = HangGuardMs)]
    [InlineData("messageId")]
    [InlineData("eventSourceARN")]
    [InlineData("receiptHandle")]
    public async Task Lambda_InvalidUtf8InSqsEnvelopeField_BlockedAsInvalidUtf8NotShieldFailure(string field)
    {
        var ran = false;
        var wrapped = Harness.Wrap((s, c) => { ran = true; return Harness.Ok(s, c); });
        var eventBytes = Harness.SqsEvent("{\"ok\":1}");
        var at = eventBytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes("\"" + field + "\":\"")) + field.Length + 5;
        eventBytes[at] = 0xD0;

        var result = await Harness.InvokeAsync(wrapped, eventBytes, "req-envelope-utf8");

        Assert.False(ran);
        Assert.Equal(ShieldRules.InvalidUtf8.Id, result.Rejected!.Code);
        Assert.Equal("req-envelope-utf8", result.Rejected.CorrelationId);
    }

    // Found by the fuzzer: an escaped lone surrogate in a property name made System.Text.Json throw while the source was
    // detected (SHIELD3002 shield-failure); it is now blocked as lone-surrogate.
    [Theory(Timeout = HangGuardMs)]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("{\"a\":{\"x\\udc00\":\"v\"}}")]
    [InlineData("{\"Records\":[{\"\\udbff\":1}]}")]
    [InlineData("{\"k\":\"\\ud800\"}")]
    public async Task Lambda_LoneSurrogateEscapeInEvent_BlockedAsLoneSurrogateNotShieldFailure(string eventJson)
    {
        var ran = false;
        var wrapped = Harness.Wrap((s, c) => { ran = true; return Harness.Ok(s, c); });

        var result = await Harness.InvokeAsync(wrapped, Encoding.UTF8.GetBytes(eventJson), "req-surrogate");

        Assert.False(ran);
        Assert.Equal(ShieldRules.LoneSurrogate.Id, result.Rejected!.Code);
        Assert.Equal("req-surrogate", result.Rejected.CorrelationId);
    }

    public static TheoryData<string> AdversarialPatterns => new()
    {
        "'", "${", "{{", "<", "../", ";", "%25", "\r\n", "(|(", "${jndi:", "$(", "`", "\\", "<!--", "&#", "%2e%2e%2f", "\"", "\0", "\uD800", "{\"$ne\":",
    };

    // One megabyte of a detector's trigger character(s) in one value, scanned in full (limits raised so the string is
    // not stopped by its length first).
    [Theory(Timeout = HangGuardMs)]
    [MemberData(nameof(AdversarialPatterns))]
    public Task Engine_OneMegabyteOfDetectorTrigger_CompletesWithCleanOutcome(string pattern) =>
        AssertRepeatedValueCompletesCleanly(pattern, 1 << 20);

    // Openers whose closing part never comes, repeated: each was searched for to the end of the value from every
    // opener (a reference's ';' and a \u{...}'s '}' in the canonical decoder, the ']' of a bracketed host after '=',
    // the '*/' of a comment inside a template, the '<' of a tag an attribute may sit in, the end of a backtick run,
    // whether the rest of the value is Latin-1 at every line break, the '}' of a fork bomb's body). Twelve megabytes of
    // any of them took minutes; the 1 MB patterns above took seconds, which is why these are larger. Found by timing
    // random repeated patterns at two sizes.
    [Theory(Timeout = HangGuardMs)]
    [InlineData("&a")]
    [InlineData("&lt")]
    [InlineData("\\u{")]
    [InlineData("[=")]
    [InlineData("${/*")]
    [InlineData("x= ")]
    [InlineData("`\\")]
    [InlineData("\n.")]
    [InlineData("f(){1")]
    public Task Engine_TwelveMegabytesOfUnclosedOpeners_CompletesWithCleanOutcome(string pattern) =>
        AssertRepeatedValueCompletesCleanly(pattern, 12 << 20);

    // One value of about `size` characters of the pattern, scanned in full: the payload and string limits are raised
    // above it so that neither stops the value first. Any outcome is fine as long as it is a clean one.
    private static async Task AssertRepeatedValueCompletesCleanly(string pattern, int size)
    {
        var options = Harness.StandardOptions(raisePayloadLimit: true);
        options.Limits.MaxPayloadBytes = Math.Max(Harness.BigLimit, 3 * size);
        options.Limits.MaxStringLength = 3 * size;
        using var engine = ShieldEngine.Create(options);
        var value = new StringBuilder(size).Insert(0, pattern, size / pattern.Length).ToString();

        var result = await Harness.RunAsync(engine, Encoding.UTF8.GetBytes(StringValue(value)));

        Assert.Contains(result.Outcome.Kind, new[] { ShieldOutcomeKind.Allowed, ShieldOutcomeKind.Blocked, ShieldOutcomeKind.Monitored });
        Assert.Equal(result.Outcome.IsRejected, !result.HandlerRan);
    }

    [Theory(Timeout = HangGuardMs)]
    [MemberData(nameof(AdversarialPatterns))]
    public async Task Lambda_HalfMegabyteOfDetectorTriggerInApiGatewayBody_CleanAnswer(string pattern)
    {
        var wrapped = Harness.Wrap(Harness.Ok);
        var value = new StringBuilder(1 << 19).Insert(0, pattern, 400_000 / pattern.Length).ToString();

        var result = await Harness.InvokeAsync(wrapped, Harness.ApiGatewayEvent(StringValue(value)), "req-adv");

        Assert.NotNull(result.Response);
        if (result.Response != Encoding.UTF8.GetString(Harness.OkResponse))
        {
            Harness.AssertProblemAnswer(result.Response, "req-adv");
        }
    }

    private static byte[] Splice(byte[] payload, int position, byte[] insert, bool replace)
    {
        var removed = replace && position < payload.Length ? 1 : 0;
        var result = new byte[payload.Length - removed + insert.Length];
        payload.AsSpan(0, position).CopyTo(result);
        insert.CopyTo(result.AsSpan(position));
        payload.AsSpan(position + removed).CopyTo(result.AsSpan(position + insert.Length));
        return result;
    }
}
