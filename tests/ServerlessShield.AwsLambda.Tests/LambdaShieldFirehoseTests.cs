using System.Text;
using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// Firehose transformations answer a result for every record: a rejected record is withheld from the handler and
// answered as ProcessingFailed with its original data; the handler's own results are kept.
public sealed class LambdaShieldFirehoseTests
{
    private static readonly string[] Payloads = ["{\"n\":1}", "{\"n\":\"<evil>\"}", "{\"n\":3}"];

    private static string Id(int index) => $"4954698668313554428650745793632162567570019247115678515{index}";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static byte[] Batch(string field = "data", params string[] payloads) => Fixtures.With("firehose", e =>
    {
        var records = new JsonArray();
        for (var i = 0; i < payloads.Length; i++)
        {
            var record = new JsonObject { ["recordId"] = Id(i), ["approximateArrivalTimestamp"] = 1495072949453 };
            record[field] = Base64(payloads[i]);
            records.Add(record);
        }

        e["records"] = records;
    });

    // A transformation that marks every record it receives Ok, with its data unchanged.
    private static Func<string, Task<Stream>> TransformOk() => received =>
    {
        var records = new JsonArray();
        foreach (var record in JsonNode.Parse(received)!["records"]!.AsArray())
        {
            records.Add(new JsonObject { ["recordId"] = record!["recordId"]!.GetValue<string>(), ["result"] = "Ok", ["data"] = record["data"]!.GetValue<string>() });
        }

        return Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(new JsonObject { ["records"] = records }.ToJsonString())));
    };

    private static ShieldedFunction Function(Func<string, Task<Stream>>? respond = null, bool reportBatchItemFailures = true)
    {
        var options = MarkerDetector.Options(new MarkerDetector("<evil>", ShieldRules.CrossSiteScripting));
        options.ReportBatchItemFailures = reportBatchItemFailures;
        return new ShieldedFunction(respond ?? TransformOk(), options);
    }

    private static List<(string Id, string Result, string Data)> Results(string response) =>
        [.. JsonNode.Parse(response)!["records"]!.AsArray().Select(r => (r!["recordId"]!.GetValue<string>(), r["result"]!.GetValue<string>(), r["data"]!.GetValue<string>()))];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Wrap_FirehoseRecordRejected_IsWithheldAndAnsweredProcessingFailedWithItsOriginalData(bool reportBatchItemFailures)
    {
        var function = Function(reportBatchItemFailures: reportBatchItemFailures);

        var response = await function.InvokeAsync(Batch("data", Payloads));

        var received = JsonNode.Parse(Assert.Single(function.Received))!["records"]!.AsArray().Select(r => r!["recordId"]!.GetValue<string>());
        Assert.Equal([Id(0), Id(2)], received);
        Assert.Equal(
            [(Id(0), "Ok", Base64(Payloads[0])), (Id(2), "Ok", Base64(Payloads[2])), (Id(1), "ProcessingFailed", Base64(Payloads[1]))],
            Results(response));
    }

    [Fact]
    public async Task Wrap_FirehoseEveryRecordRejected_SkipsTheHandlerAndFailsEachRecord()
    {
        var function = Function();

        var response = await function.InvokeAsync(Batch("data", "<evil>1", "<evil>2"));

        Assert.Empty(function.Received);
        Assert.Equal([(Id(0), "ProcessingFailed", Base64("<evil>1")), (Id(1), "ProcessingFailed", Base64("<evil>2"))], Results(response));
    }

    [Fact]
    public async Task Wrap_FirehoseFromMsk_AnswersWithKafkaRecordValue()
    {
        var captured = new List<CapturedInvocation>();
        var options = CapturedInvocation.Capture(captured, MarkerDetector.Options(new MarkerDetector("<evil>", ShieldRules.CrossSiteScripting)));
        var function = new ShieldedFunction(ShieldedFunction.Answer("{\"records\":[]}"), options);

        var response = JsonNode.Parse(await function.InvokeAsync(Batch("kafkaRecordValue", "<evil>")))!["records"]![0]!;

        Assert.Equal("records[0].kafkaRecordValue", Assert.Single(Assert.Single(captured).Findings).FieldPath);
        Assert.Equal("ProcessingFailed", response["result"]!.GetValue<string>());
        Assert.Equal(Base64("<evil>"), response["kafkaRecordValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrap_FirehoseHandlerAnswerWithoutRecords_FailsTheWholeBatch()
    {
        var function = Function(ShieldedFunction.Answer("{\"ok\":true}"));

        await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Batch("data", Payloads)));

        Assert.Contains(function.Logs.GetSnapshot(), r => r.Id.Name == "LambdaBatchFailed");
    }

    [Fact]
    public async Task Wrap_FirehoseCleanBatch_ReturnsTheHandlersAnswerUntouched()
    {
        var function = Function(ShieldedFunction.Answer("{\"records\":[{\"recordId\":\"x\",\"result\":\"Dropped\",\"data\":\"\"}]}"));

        var response = await function.InvokeAsync(Batch("data", "{\"n\":1}"));

        Assert.Equal("{\"records\":[{\"recordId\":\"x\",\"result\":\"Dropped\",\"data\":\"\"}]}", response);
    }
}
