using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// The batch sources that answer per record: the event source mappings that accept a partial batch response
// (batchItemFailures) and Firehose transformations (a result per record). How a record is identified, where the
// records are, and which records must be held back with a rejected one to keep the source's ordering.
internal static class BatchRecords
{
    public const string RecordsProperty = "Records";
    public const string FirehoseRecordsProperty = "records";

    public static bool SupportsItemFailures(LambdaEventSource source) =>
        source is LambdaEventSource.Sqs or LambdaEventSource.Kinesis or LambdaEventSource.DynamoDbStreams;

    // Firehose needs no setting: every transformation answers with a result for each record.
    public static bool AnswersPerRecord(LambdaEventSource source, bool reportBatchItemFailures) =>
        source == LambdaEventSource.Firehose || (reportBatchItemFailures && SupportsItemFailures(source));

    public static string RecordsPropertyOf(LambdaEventSource source) =>
        source == LambdaEventSource.Firehose ? FirehoseRecordsProperty : RecordsProperty;

    // SQS answers with the messageId; Kinesis and DynamoDB Streams with the record's sequence number.
    public static string? ItemId(LambdaEventSource source, JsonElement record) => source switch
    {
        LambdaEventSource.Sqs => record.GetStringOrNull("messageId"),
        LambdaEventSource.Kinesis => record.TryGet("kinesis", JsonValueKind.Object, out var kinesis) ? kinesis.GetStringOrNull("sequenceNumber") : null,
        LambdaEventSource.DynamoDbStreams => record.TryGet("dynamodb", JsonValueKind.Object, out var change) ? change.GetStringOrNull("SequenceNumber") : null,
        LambdaEventSource.Firehose => record.GetStringOrNull("recordId"),
        _ => null,
    };

    // The key whose later records must wait behind a rejected one: a FIFO message group, or the whole batch for an
    // ordered stream (one shard per batch; Lambda retries from the lowest failed sequence number anyway).
    public static string? OrderingKey(LambdaEventSource source, JsonElement record) => source switch
    {
        LambdaEventSource.Sqs => record.TryGet("attributes", JsonValueKind.Object, out var attributes) ? attributes.GetStringOrNull("MessageGroupId") : null,
        LambdaEventSource.Kinesis or LambdaEventSource.DynamoDbStreams => string.Empty,
        _ => null,
    };
}
