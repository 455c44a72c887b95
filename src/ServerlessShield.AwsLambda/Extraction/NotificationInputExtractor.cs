using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Notifications whose user data sits in known fields: SNS (Message, Subject, string message attributes),
// S3 (the object key, URL-decoded) and EventBridge (detail). Signatures, ARNs and URLs are platform metadata.
// These sources have no partial batch response, so inputs carry no item id: a block fails the invocation.
internal sealed class NotificationInputExtractor : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        var root = lambdaEvent.Root;
        if (lambdaEvent.Source is LambdaEventSource.EventBridge or LambdaEventSource.ScheduledEvent)
        {
            if (root.TryGetProperty("detail", out var detail))
            {
                context.Add(lambdaEvent, RecordInputs.Json("detail", detail), InputLocation.ForValue(detail, "detail"));
            }

            return;
        }

        if (!root.TryGet(BatchRecords.RecordsProperty, JsonValueKind.Array, out var records))
        {
            return;
        }

        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (lambdaEvent.Source == LambdaEventSource.Sns)
            {
                AddSns(context, lambdaEvent, record, index);
            }
            else if (record.TryGet("s3", JsonValueKind.Object, out var s3) && s3.TryGet("object", JsonValueKind.Object, out var item)
                && item.GetStringOrNull("key") is { } key)
            {
                // The key is URL-encoded in the event, '+' for spaces as in a form: no location, so a sanitized key blocks.
                context.Add(lambdaEvent, RecordInputs.Metadata(RecordInputs.Path("Records", index, "s3.object.key"), FormUrlEncoded.Decode(key)), null);
            }

            index++;
        }
    }

    private static void AddSns(ShieldContext context, LambdaEvent lambdaEvent, JsonElement record, int index)
    {
        if (!record.TryGet("Sns", JsonValueKind.Object, out var sns))
        {
            return;
        }

        // The whole envelope, for functions that verify SNS signatures: the signed fields are metadata, not inputs.
        if (context.Policy.Authenticity is { VerifySnsSignature: true })
        {
            if (!context.TryGetProperty(SnsSignatureMiddleware.MessagesKey, out var messages) || messages is null)
            {
                messages = [];
                context.SetProperty(SnsSignatureMiddleware.MessagesKey, messages);
            }

            messages.Add(System.Text.Encoding.UTF8.GetBytes(sns.GetRawText()));
        }

        if (sns.GetStringOrNull("Message") is { } message)
        {
            context.Add(lambdaEvent, ShieldInput.FromString(RecordInputs.Path("Records", index, "Sns.Message"), message),
                InputLocation.Of(InputEncoding.Text, "Records", index, "Sns", "Message"));
        }

        if (sns.GetStringOrNull("Subject") is { } subject)
        {
            context.Add(lambdaEvent, RecordInputs.Metadata(RecordInputs.Path("Records", index, "Sns.Subject"), subject),
                InputLocation.Of(InputEncoding.Text, "Records", index, "Sns", "Subject"));
        }

        if (sns.TryGet("MessageAttributes", JsonValueKind.Object, out var attributes))
        {
            foreach (var attribute in attributes.EnumerateObject())
            {
                var path = RecordInputs.Path("Records", index, "Sns.MessageAttributes." + attribute.Name);
                if (attribute.Value.IsString("Type", "Binary") && attribute.Value.TryGet("Value", JsonValueKind.String, out var binary))
                {
                    // A Binary attribute's bytes, base64 in the event.
                    context.Add(lambdaEvent, RecordInputs.Base64(path, binary, out var encoding, metadata: true),
                        InputLocation.Of(encoding, "Records", index, "Sns", "MessageAttributes", attribute.Name, "Value"));
                }
                else if (attribute.Value.GetStringOrNull("Value") is { } value)
                {
                    context.Add(lambdaEvent, RecordInputs.Metadata(path, value),
                        InputLocation.Of(InputEncoding.Text, "Records", index, "Sns", "MessageAttributes", attribute.Name, "Value"));
                }
            }
        }
    }
}
