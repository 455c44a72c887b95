using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Kinesis: each record's base64 data, and its partition key, which the producer chose (metadata). DynamoDB Streams: each record's new image (or its keys when the stream
// carries no image). Both are tied to the record's sequence number, so a block rejects that record only.
internal sealed class StreamRecordInputExtractor : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        if (!lambdaEvent.Root.TryGet(BatchRecords.RecordsProperty, JsonValueKind.Array, out var records))
        {
            return;
        }

        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var itemId = BatchRecords.ItemId(lambdaEvent.Source, record);
            if (lambdaEvent.Source == LambdaEventSource.Kinesis)
            {
                if (record.TryGet("kinesis", JsonValueKind.Object, out var kinesis) && kinesis.TryGet("data", JsonValueKind.String, out var data))
                {
                    var input = RecordInputs.Base64(RecordInputs.Path("Records", index, "kinesis.data"), data, out var encoding, itemId);
                    context.Add(lambdaEvent, input, InputLocation.Of(encoding, "Records", index, "kinesis", "data"));
                }

                if (kinesis.GetStringOrNull("partitionKey") is { Length: > 0 } partitionKey)
                {
                    context.Add(lambdaEvent, RecordInputs.Metadata(RecordInputs.Path("Records", index, "kinesis.partitionKey"), partitionKey, itemId),
                        InputLocation.Of(InputEncoding.Text, "Records", index, "kinesis", "partitionKey"));
                }
            }
            else if (record.TryGet("dynamodb", JsonValueKind.Object, out var change))
            {
                if (change.TryGet("NewImage", JsonValueKind.Object, out var image))
                {
                    context.Add(lambdaEvent, RecordInputs.Json(RecordInputs.Path("Records", index, "dynamodb.NewImage"), image, itemId),
                        InputLocation.Of(InputEncoding.Json, "Records", index, "dynamodb", "NewImage"));
                }
                else if (change.TryGet("Keys", JsonValueKind.Object, out var keys))
                {
                    context.Add(lambdaEvent, RecordInputs.Json(RecordInputs.Path("Records", index, "dynamodb.Keys"), keys, itemId),
                        InputLocation.Of(InputEncoding.Json, "Records", index, "dynamodb", "Keys"));
                }
            }

            index++;
        }
    }
}
