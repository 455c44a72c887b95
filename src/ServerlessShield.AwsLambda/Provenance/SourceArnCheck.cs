using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Compares the source resource each record names (an SQS queue, a Kinesis stream, a DynamoDB table stream, an SNS
// topic, an S3 bucket, a Kafka cluster or MQ broker) with the allowlist. Only spoofable by someone who can invoke the
// function directly, which is exactly the caller this check exists for.
internal static class SourceArnCheck
{
    public static void Run(LambdaEvent lambdaEvent, ShieldContext context, IReadOnlySet<string> allowed)
    {
        var root = lambdaEvent.Root;
        if (root.TryGet("eventSourceArn", JsonValueKind.String, out var envelopeArn))
        {
            Check(context, allowed, envelopeArn.GetString(), "eventSourceArn", null);
            return;
        }

        if (!root.TryGet(BatchRecords.RecordsProperty, JsonValueKind.Array, out var records))
        {
            return;
        }

        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var (arn, field) = ArnOf(lambdaEvent.Source, record);
            if (field is not null)
            {
                Check(context, allowed, arn, RecordInputs.Path("Records", index, field), BatchRecords.ItemId(lambdaEvent.Source, record));
            }

            index++;
        }
    }

    // Null field: the source carries no resource ARN in its records (the check does not apply).
    private static (string? Arn, string? Field) ArnOf(LambdaEventSource source, JsonElement record) => source switch
    {
        LambdaEventSource.Sqs or LambdaEventSource.Kinesis or LambdaEventSource.DynamoDbStreams =>
            (record.GetStringOrNull("eventSourceARN"), "eventSourceARN"),
        LambdaEventSource.Sns =>
            (record.TryGet("Sns", JsonValueKind.Object, out var sns) ? sns.GetStringOrNull("TopicArn") : null, "Sns.TopicArn"),
        LambdaEventSource.S3 =>
            (record.TryGet("s3", JsonValueKind.Object, out var s3) && s3.TryGet("bucket", JsonValueKind.Object, out var bucket) ? bucket.GetStringOrNull("arn") : null, "s3.bucket.arn"),
        _ => (null, null),
    };

    private static void Check(ShieldContext context, IReadOnlySet<string> allowed, string? arn, string path, string? itemId)
    {
        // A missing ARN is as untrusted as a wrong one: the check must not be skipped by leaving the field out.
        if (arn is null || !allowed.Contains(arn))
        {
            context.Report(LambdaRules.UntrustedSourceArn, path, itemId);
        }
    }
}
