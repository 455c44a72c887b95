using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Firehose transformations: each record's base64 payload, decoded, tied to its recordId so a block fails that record
// only (ProcessingFailed). Records from an MSK source carry the payload as kafkaRecordValue instead of data.
internal sealed class FirehoseInputExtractor : ILambdaInputExtractor
{
    public static string PayloadField(JsonElement record) => record.Has("kafkaRecordValue") ? "kafkaRecordValue" : "data";

    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        if (!lambdaEvent.Root.TryGet(BatchRecords.FirehoseRecordsProperty, JsonValueKind.Array, out var records))
        {
            return;
        }

        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var field = PayloadField(record);
            if (record.TryGet(field, JsonValueKind.String, out var payload))
            {
                var path = RecordInputs.Path(BatchRecords.FirehoseRecordsProperty, index, field);
                var input = RecordInputs.Base64(path, payload, out var encoding, record.GetStringOrNull("recordId"));
                context.Add(lambdaEvent, input, InputLocation.Of(encoding, BatchRecords.FirehoseRecordsProperty, index, field));
            }

            index++;
        }
    }
}
