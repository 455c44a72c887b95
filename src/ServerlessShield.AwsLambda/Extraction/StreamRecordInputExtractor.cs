using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Kinesis: each record's base64 data. DynamoDB Streams: each record's new image (or its keys when the stream
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
                    context.Inputs.Add(RecordInputs.Base64(RecordInputs.Path("Records", index, "kinesis.data"), data, itemId));
                }
            }
            else if (record.TryGet("dynamodb", JsonValueKind.Object, out var change))
            {
                if (change.TryGet("NewImage", JsonValueKind.Object, out var image))
                {
                    context.Inputs.Add(RecordInputs.Json(RecordInputs.Path("Records", index, "dynamodb.NewImage"), image, itemId));
                }
                else if (change.TryGet("Keys", JsonValueKind.Object, out var keys))
                {
                    context.Inputs.Add(RecordInputs.Json(RecordInputs.Path("Records", index, "dynamodb.Keys"), keys, itemId));
                }
            }

            index++;
        }
    }
}
