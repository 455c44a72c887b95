using System.IO.Compression;
using System.Text;

namespace ServerlessShield.Benchmarks;

// The small clean events of LambdaSourceBenchmarks, one per source, written for the benchmark (Payloads/events).
// CloudWatch Logs is built here: its awslogs.data is a gzip-compressed, base64-encoded subscription message. So are
// the Kinesis records: JSON, a 1 KB binary record (protobuf-like: short strings between length prefixes and varints),
// and a CloudWatch Logs subscription delivered through the stream (gzip JSON).
internal static class LambdaEvents
{
    public static readonly string[] Sources =
    [
        "apigw-rest", "apigw-http", "alb", "sqs", "sns", "s3", "eventbridge", "kinesis", "kinesis-binary", "kinesis-gzip", "dynamodb",
        "cloudwatch-logs", "schedule", "direct",
    ];

    public static byte[] Read(string source) => source switch
    {
        "kinesis" => Kinesis("{\"page\":\"/orders/o-5521\",\"visitor\":\"v-88213\",\"action\":\"view\",\"durationMs\":5210}"u8.ToArray()),
        "kinesis-binary" => Kinesis(BinaryRecord()),
        "kinesis-gzip" => Kinesis(Gzip(LogsMessage)),
        "cloudwatch-logs" => Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(Gzip(LogsMessage)) + "\"}}"),
        _ => Payload.Read(Path.Combine("events", source + ".json")),
    };

    private static byte[] Kinesis(byte[] record)
    {
        var data = Convert.ToBase64String(record);
        return Encoding.UTF8.GetBytes($$"""
            {
              "Records": [
                {
                  "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": "v-88213",
                    "sequenceNumber": "49590338271490256608559692538361571095921575989136588898",
                    "data": "{{data}}",
                    "approximateArrivalTimestamp": 1773306902.987
                  },
                  "eventSource": "aws:kinesis",
                  "eventVersion": "1.0",
                  "eventID": "shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
                  "eventName": "aws:kinesis:record",
                  "invokeIdentityArn": "arn:aws:iam::123456789012:role/clickstream-consumer",
                  "awsRegion": "eu-west-1",
                  "eventSourceARN": "arn:aws:kinesis:eu-west-1:123456789012:stream/clickstream"
                }
              ]
            }
            """);
    }

    private static ReadOnlySpan<byte> LogsMessage => """
        {"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/lambda/orders","logStream":"2026/03/12/[$LATEST]a1b2c3d4e5f60718293a4b5c6d7e8f90","subscriptionFilters":["errors-to-pager"],"logEvents":[{"id":"37882012311840256372094937417355127427442853217624064000","timestamp":1773306902000,"message":"Order o-5521 paid by customer c-1042"},{"id":"37882012311840256372094937417355127427442853217624064001","timestamp":1773306902100,"message":"Order o-5521 queued for packing"}]}
        """u8;

    private static byte[] Gzip(ReadOnlySpan<byte> content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }

    // About 1 KB of protobuf-like bytes: 24 messages of a field tag, a length, a short string, a varint and a float.
    private static byte[] BinaryRecord()
    {
        var record = new List<byte>();
        for (var i = 0; i < 24; i++)
        {
            var text = Encoding.UTF8.GetBytes($"sensor-{i:D2}/zone-{i % 4}");
            record.AddRange([0x0A, (byte)text.Length, .. text, 0x10, (byte)(0x80 | i), 0x01, 0x1D]);
            record.AddRange(BitConverter.GetBytes(20.5f + i));
            record.AddRange([0x22, 0x04, 0xDE, 0xAD, 0xBE, 0xEF]);
        }

        return [.. record];
    }
}
