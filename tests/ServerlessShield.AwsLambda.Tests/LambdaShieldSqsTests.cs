using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

public sealed class LambdaShieldSqsTests
{
    private const int Limit = 64;
    private static readonly string Oversize = new('x', Limit + 1);

    private static LambdaShieldOptions SmallPayloads() => new() { Handler = new ShieldAttribute { MaxPayloadBytes = Limit } };

    private static string MessageId(string fixture, int index) => Fixtures.Node(fixture)["Records"]![index]!["messageId"]!.GetValue<string>();

    private static byte[] WithOversizeRecords(string fixture, params int[] indexes) => Fixtures.With(fixture, e =>
    {
        foreach (var index in indexes)
        {
            e["Records"]![index]!["body"] = Oversize;
        }
    });

    private static List<string> ReceivedIds(string received) =>
        [.. JsonNode.Parse(received)!["Records"]!.AsArray().Select(r => r!["messageId"]!.GetValue<string>())];

    private static List<string> FailureIds(string response) =>
        [.. JsonNode.Parse(response)!["batchItemFailures"]!.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>())];

    [Fact]
    public async Task Wrap_SqsHandlerThrowsWithSecret_ThrowsRedactedExceptionWithCorrelationId()
    {
        var function = new ShieldedFunction(ShieldedFunction.Throw(new InvalidOperationException("password=hunter2")));

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Fixtures.Bytes("sqs"), "req-sqs"));

        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("req-sqs", error.Message, StringComparison.Ordinal);
        Assert.Equal("req-sqs", error.CorrelationId);
        Assert.Equal(ShieldRules.UnhandledException.Id, error.Code);
        Assert.Null(error.StackTrace);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task Wrap_SqsBatchWithOversizeRecord_ReportsItAndPassesTheCleanRecords()
    {
        var function = new ShieldedFunction(options: SmallPayloads());

        var response = await function.InvokeAsync(WithOversizeRecords("sqs", 1));

        Assert.Equal([MessageId("sqs", 0), MessageId("sqs", 2)], ReceivedIds(Assert.Single(function.Received)));
        Assert.Equal([MessageId("sqs", 1)], FailureIds(response));
        // The handler's own answer is kept next to the failures.
        Assert.True(JsonNode.Parse(response)!["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Wrap_SqsHandlerReportsItsOwnFailures_MergesThemWithTheRejectedRecords()
    {
        var own = $"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{MessageId("sqs", 2)}\"}}]}}";
        var function = new ShieldedFunction(ShieldedFunction.Answer(own), SmallPayloads());

        var response = await function.InvokeAsync(WithOversizeRecords("sqs", 0));

        Assert.Equal([MessageId("sqs", 2), MessageId("sqs", 0)], FailureIds(response));
    }

    [Fact]
    public async Task Wrap_SqsEveryRecordRejected_DoesNotCallTheHandler()
    {
        var function = new ShieldedFunction(options: SmallPayloads());

        var response = await function.InvokeAsync(WithOversizeRecords("sqs", 0, 1, 2));

        Assert.Empty(function.Received);
        Assert.Equal([MessageId("sqs", 0), MessageId("sqs", 1), MessageId("sqs", 2)], FailureIds(response));
    }

    [Fact]
    public async Task Wrap_FifoRecordRejected_HoldsBackTheRestOfItsMessageGroup()
    {
        var function = new ShieldedFunction(options: SmallPayloads());

        // Records 0 and 2 are group g1, records 1 and 3 group g2.
        var response = await function.InvokeAsync(WithOversizeRecords("sqs-fifo", 0));

        Assert.Equal([MessageId("sqs-fifo", 1), MessageId("sqs-fifo", 3)], ReceivedIds(Assert.Single(function.Received)));
        Assert.Equal([MessageId("sqs-fifo", 0), MessageId("sqs-fifo", 2)], FailureIds(response));
    }

    [Fact]
    public async Task Wrap_PartialBatchResponsesOff_FailsTheWholeBatch()
    {
        var options = SmallPayloads();
        options.ReportBatchItemFailures = false;
        var function = new ShieldedFunction(options: options);

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(WithOversizeRecords("sqs", 1), "req-batch"));

        Assert.Empty(function.Received);
        Assert.Equal(ShieldRules.PayloadTooLarge.Id, error.Code);
        Assert.Equal("req-batch", error.CorrelationId);
        Assert.Contains(function.Logs.GetSnapshot(), r => r.Id.Name == "LambdaBatchFailed");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"batchItemFailures\":\"oops\"}")]
    public async Task Wrap_HandlerAnswerCannotCarryFailures_FailsTheWholeBatch(string answer)
    {
        var function = new ShieldedFunction(ShieldedFunction.Answer(answer), SmallPayloads());

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(WithOversizeRecords("sqs", 1)));

        Assert.Single(function.Received);
        Assert.Equal(ShieldRules.PayloadTooLarge.Id, error.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"batchItemFailures\":null}")]
    public async Task Wrap_HandlerAnswerEmpty_AnswersTheFailuresAlone(string answer)
    {
        var function = new ShieldedFunction(ShieldedFunction.Answer(answer), SmallPayloads());

        var response = await function.InvokeAsync(WithOversizeRecords("sqs", 1));

        Assert.Equal([MessageId("sqs", 1)], FailureIds(response));
    }

    [Fact]
    public async Task Wrap_MonitorProfile_PassesTheWholeBatch()
    {
        var options = SmallPayloads();
        options.Shield.Profile = ShieldProfile.Monitor;
        var function = new ShieldedFunction(ShieldedFunction.Answer("{}"), options);
        var eventBytes = WithOversizeRecords("sqs", 1);

        var response = await function.InvokeAsync(eventBytes);

        Assert.Equal(3, ReceivedIds(Assert.Single(function.Received)).Count);
        Assert.Equal("{}", response);
    }

    [Fact]
    public async Task Wrap_CleanSqsBatch_ReturnsTheHandlersAnswerUntouched()
    {
        var function = new ShieldedFunction(ShieldedFunction.Answer("{\"batchItemFailures\":[]}"));

        var response = await function.InvokeAsync(Fixtures.Bytes("sqs"));

        Assert.Equal("{\"batchItemFailures\":[]}", response);
        Assert.Equal(JsonValueKind.Object, Fixtures.Parse(Assert.Single(function.Received)).ValueKind);
    }
}
