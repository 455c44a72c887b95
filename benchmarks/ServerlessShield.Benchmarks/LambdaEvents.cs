using System.IO.Compression;
using System.Text;

namespace ServerlessShield.Benchmarks;

// The small clean events of LambdaSourceBenchmarks, one per source, written for the benchmark (Payloads/events).
// CloudWatch Logs is built here: its awslogs.data is a gzip-compressed, base64-encoded subscription message.
internal static class LambdaEvents
{
    public static readonly string[] Sources =
    [
        "apigw-rest", "apigw-http", "alb", "sqs", "sns", "s3", "eventbridge", "kinesis", "dynamodb", "cloudwatch-logs", "schedule", "direct",
    ];

    public static byte[] Read(string source) => source switch
    {
        "kinesis" => Kinesis(),
        "cloudwatch-logs" => CloudWatchLogs(),
        _ => Payload.Read(Path.Combine("events", source + ".json")),
    };

    private static byte[] Kinesis()
    {
        var data = Convert.ToBase64String("{\"page\":\"/orders/o-5521\",\"visitor\":\"v-88213\",\"action\":\"view\",\"durationMs\":5210}"u8);
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

    private static byte[] CloudWatchLogs()
    {
        var message = """
            {"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/lambda/orders","logStream":"2026/03/12/[$LATEST]a1b2c3d4e5f60718293a4b5c6d7e8f90","subscriptionFilters":["errors-to-pager"],"logEvents":[{"id":"37882012311840256372094937417355127427442853217624064000","timestamp":1773306902000,"message":"Order o-5521 paid by customer c-1042"},{"id":"37882012311840256372094937417355127427442853217624064001","timestamp":1773306902100,"message":"Order o-5521 queued for packing"}]}
            """u8;
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(message);
        }

        return Encoding.UTF8.GetBytes("{\"awslogs\":{\"data\":\"" + Convert.ToBase64String(compressed.ToArray()) + "\"}}");
    }
}
