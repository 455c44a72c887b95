using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Each record's body is one input, tied to its messageId so a block rejects that record only; so are its message
// attributes and, on a FIFO queue, the group and deduplication ids the sender chose (metadata). Bodies are free-form
// (JSON, an SNS or S3 envelope, plain text): read as Auto.
internal sealed class SqsInputExtractor : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        if (!lambdaEvent.Root.TryGet("Records", JsonValueKind.Array, out var records))
        {
            return;
        }

        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var messageId = record.GetStringOrNull("messageId");
            if (record.GetStringOrNull("body") is { } body)
            {
                var input = ShieldInput.FromString(RecordInputs.Path("Records", index, "body"), body, InputFormat.Auto, messageId);
                context.Add(lambdaEvent, input, InputLocation.Of(InputEncoding.Text, "Records", index, "body"));
            }

            if (record.TryGet("messageAttributes", JsonValueKind.Object, out var attributes))
            {
                foreach (var attribute in attributes.EnumerateObject())
                {
                    var path = RecordInputs.Path("Records", index, "messageAttributes." + attribute.Name);
                    if (attribute.Value.GetStringOrNull("stringValue") is { } value)
                    {
                        context.Add(lambdaEvent, RecordInputs.Metadata(path, value, messageId),
                            InputLocation.Of(InputEncoding.Text, "Records", index, "messageAttributes", attribute.Name, "stringValue"));
                    }
                    else if (attribute.Value.TryGet("binaryValue", JsonValueKind.String, out var binary))
                    {
                        // A Binary attribute's bytes, base64 in the event: text or binary, read as the consumer reads them.
                        context.Add(lambdaEvent, RecordInputs.Base64(path, binary, out var encoding, messageId, metadata: true),
                            InputLocation.Of(encoding, "Records", index, "messageAttributes", attribute.Name, "binaryValue"));
                    }
                }
            }

            if (record.TryGet("attributes", JsonValueKind.Object, out var system))
            {
                foreach (var name in (ReadOnlySpan<string>)["MessageGroupId", "MessageDeduplicationId"])
                {
                    if (system.GetStringOrNull(name) is { Length: > 0 } senderValue)
                    {
                        context.Add(lambdaEvent, RecordInputs.Metadata(RecordInputs.Path("Records", index, "attributes." + name), senderValue, messageId),
                            InputLocation.Of(InputEncoding.Text, "Records", index, "attributes", name));
                    }
                }
            }

            index++;
        }
    }
}
