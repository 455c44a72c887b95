using System.Text;
using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// Sanitize mode: the handler receives the event with each cleaned input written back where it came from, encoded as
// it was; an input with no single place in the event (a query value, a URL-encoded S3 key) blocks instead of passing
// the original on.
public sealed class LambdaShieldSanitizeTests
{
    private const string Evil = "<evil>";
    private const string Cleaned = "&lt;evil&gt;";

    private static ShieldedFunction Function(string response = "{\"ok\":true}")
    {
        var options = MarkerDetector.Options(new MarkerDetector(Evil, ShieldRules.CrossSiteScripting));
        options.Shield.Rules["cross-site-scripting"] = RuleMode.Sanitize;
        return new ShieldedFunction(ShieldedFunction.Answer(response), options);
    }

    private static JsonNode Received(ShieldedFunction function) => JsonNode.Parse(Assert.Single(function.Received))!;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string FromBase64(JsonNode? node) => Encoding.UTF8.GetString(Convert.FromBase64String(node!.GetValue<string>()));

    [Fact]
    public async Task Wrap_HttpJsonBody_ReachesTheHandlerCleanedWithTheRestOfTheEventUntouched()
    {
        var function = Function();
        var original = Fixtures.Node("apigw-rest");

        var response = await function.InvokeAsync(Fixtures.With("apigw-rest", e => e["body"] = "{\"name\":\"Ada " + Evil + "\",\"n\":1.50}"));

        Assert.Equal("{\"ok\":true}", response);
        var received = Received(function);
        var body = JsonNode.Parse(received["body"]!.GetValue<string>())!;
        Assert.Equal("Ada " + Cleaned, body["name"]!.GetValue<string>());
        Assert.Equal("1.50", body["n"]!.ToJsonString());
        received["body"] = original["body"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(original, received));
    }

    [Fact]
    public async Task Wrap_Base64HttpBody_IsWrittenBackAsBase64()
    {
        var function = Function();

        await function.InvokeAsync(Fixtures.With("apigw-http", e =>
        {
            e["body"] = Base64("{\"name\":\"" + Evil + "\"}");
            e["isBase64Encoded"] = true;
        }));

        var received = Received(function);
        Assert.True(received["isBase64Encoded"]!.GetValue<bool>());
        Assert.Equal(Cleaned, JsonNode.Parse(FromBase64(received["body"]))!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrap_QueryValueToSanitize_BlocksTheRequestInstead()
    {
        var function = Function();

        var response = Fixtures.Parse(await function.InvokeAsync(Fixtures.With("apigw-rest", e =>
        {
            e["queryStringParameters"] = new JsonObject { ["q"] = Evil };
            e["multiValueQueryStringParameters"] = new JsonObject { ["q"] = new JsonArray(Evil) };
        })));

        Assert.Empty(function.Received);
        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Wrap_SqsRecord_IsCleanedAloneAndTheBatchGoesOn()
    {
        var function = Function();

        await function.InvokeAsync(Fixtures.With("sqs", e =>
        {
            e["Records"]![0]!["body"] = "order " + Evil;
            e["Records"]![1]!["messageAttributes"] = new JsonObject { ["note"] = new JsonObject { ["stringValue"] = Evil, ["dataType"] = "String" } };
        }));

        var records = Received(function)["Records"]!.AsArray();
        Assert.Equal(Fixtures.Node("sqs")["Records"]!.AsArray().Count, records.Count);
        Assert.Equal("order " + Cleaned, records[0]!["body"]!.GetValue<string>());
        Assert.Equal(Cleaned, records[1]!["messageAttributes"]!["note"]!["stringValue"]!.GetValue<string>());
        Assert.Equal(Fixtures.Node("sqs")["Records"]![2]!["body"]!.GetValue<string>(), records[2]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrap_KinesisData_IsWrittenBackAsBase64()
    {
        var function = Function("{\"batchItemFailures\":[]}");

        await function.InvokeAsync(Fixtures.With("kinesis", e => e["Records"]![0]!["kinesis"]!["data"] = Base64("reading " + Evil)));

        Assert.Equal("reading " + Cleaned, FromBase64(Received(function)["Records"]![0]!["kinesis"]!["data"]));
    }

    [Fact]
    public async Task Wrap_S3KeyToSanitize_FailsInsteadOfPassingTheOriginal()
    {
        var function = Function();

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() =>
            function.InvokeAsync(Fixtures.With("s3", e => e["Records"]![0]!["s3"]!["object"]!["key"] = Uri.EscapeDataString(Evil))));

        Assert.Empty(function.Received);
        Assert.Equal(ShieldRules.CrossSiteScripting.Id, error.Code);
    }

    [Fact]
    public async Task Wrap_DirectInvoke_ReceivesTheCleanedEvent()
    {
        var function = Function();

        await function.InvokeAsync(Encoding.UTF8.GetBytes("{\"comment\":\"" + Evil + "\",\"id\":7}"));

        var received = Received(function);
        Assert.Equal(Cleaned, received["comment"]!.GetValue<string>());
        Assert.Equal(7, received["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Wrap_EventBridgeDetail_IsWrittenBackAsJson()
    {
        var function = Function();

        await function.InvokeAsync(Fixtures.With("eventbridge", e => e["detail"] = new JsonObject { ["note"] = Evil, ["qty"] = 2 }));

        var detail = Received(function)["detail"]!;
        Assert.Equal(Cleaned, detail["note"]!.GetValue<string>());
        Assert.Equal(2, detail["qty"]!.GetValue<int>());
    }
}
