using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Message sources whose payloads are base64: Kafka (records grouped by topic-partition; value and key) and Amazon MQ
// (ActiveMQ messages[], RabbitMQ messages grouped by queue). Decoded before inspection. The metadata a producer sets on
// a message (Kafka record headers, RabbitMQ headers, ActiveMQ properties) is user input too: consumers route on it and
// copy it into queries (a tenant id, a correlation id), so each value is inspected beside the payload.
internal sealed class EncodedMessageInputExtractor : ILambdaInputExtractor
{
    public void Extract(LambdaEvent lambdaEvent, ShieldContext context)
    {
        var root = lambdaEvent.Root;
        switch (lambdaEvent.Source)
        {
            case LambdaEventSource.Kafka:
                AddGrouped(context, lambdaEvent, root, "records", ["value", "key"]);
                break;
            case LambdaEventSource.AmazonMq:
                AddList(context, lambdaEvent, root, "messages", "data");
                AddGrouped(context, lambdaEvent, root, "rmqMessagesByQueue", ["data"]);
                break;
        }
    }

    private static void AddList(ShieldContext context, LambdaEvent lambdaEvent, JsonElement root, string listName, string field)
    {
        if (!root.TryGet(listName, JsonValueKind.Array, out var items))
        {
            return;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGet(field, JsonValueKind.String, out var data))
            {
                var input = RecordInputs.Base64(RecordInputs.Path(listName, index, field), data, out var encoding);
                context.Add(lambdaEvent, input, InputLocation.Of(encoding, listName, index, field));
            }

            AddMetadata(context, lambdaEvent, item, $"{listName}[{index}].");
            index++;
        }
    }

    private static void AddGrouped(ShieldContext context, LambdaEvent lambdaEvent, JsonElement root, string groupsName, string[] fields)
    {
        if (!root.TryGet(groupsName, JsonValueKind.Object, out var groups))
        {
            return;
        }

        foreach (var group in groups.EnumerateObject())
        {
            if (group.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var item in group.Value.EnumerateArray())
            {
                foreach (var field in fields)
                {
                    if (item.TryGet(field, JsonValueKind.String, out var data))
                    {
                        // A Kafka record's key is the producer's partitioning choice: metadata beside the value.
                        var input = RecordInputs.Base64(RecordInputs.Path($"{groupsName}.{group.Name}", index, field), data, out var encoding, metadata: field == "key");
                        context.Add(lambdaEvent, input, InputLocation.Of(encoding, groupsName, group.Name, index, field));
                    }
                }

                AddMetadata(context, lambdaEvent, item, $"{groupsName}.{group.Name}[{index}].");
                index++;
            }
        }
    }

    // Kafka: headers is an array of one-entry objects, each value the header's bytes as an array of numbers.
    // RabbitMQ: basicProperties.headers maps a name to {"bytes": [...]}, a string or a number. ActiveMQ: properties maps
    // a name to a string. Values are inspected as what the consumer reads; they cannot be written back, so a value
    // that Sanitize mode would rewrite blocks instead.
    private static void AddMetadata(ShieldContext context, LambdaEvent lambdaEvent, JsonElement item, string itemPath)
    {
        if (item.TryGet("headers", JsonValueKind.Array, out var kafkaHeaders))
        {
            foreach (var header in kafkaHeaders.EnumerateArray())
            {
                if (header.ValueKind == JsonValueKind.Object)
                {
                    AddValues(context, lambdaEvent, header, itemPath + "headers.");
                }
            }
        }

        if (item.TryGet("basicProperties", JsonValueKind.Object, out var properties) && properties.TryGet("headers", JsonValueKind.Object, out var rabbitHeaders))
        {
            AddValues(context, lambdaEvent, rabbitHeaders, itemPath + "basicProperties.headers.");
        }

        if (item.TryGet("properties", JsonValueKind.Object, out var activeProperties))
        {
            AddValues(context, lambdaEvent, activeProperties, itemPath + "properties.");
        }
    }

    private static void AddValues(ShieldContext context, LambdaEvent lambdaEvent, JsonElement values, string prefix)
    {
        foreach (var property in values.EnumerateObject())
        {
            var path = FieldPathSegment.Of(prefix, property.Name);
            var value = property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGet("bytes", JsonValueKind.Array, out var wrapped) ? wrapped : property.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                context.Add(lambdaEvent, RecordInputs.Metadata(path, value.GetString()!), location: null);
            }
            else if (RecordInputs.TryGetByteArray(value, out var bytes))
            {
                context.Add(lambdaEvent, new ShieldInput(path, bytes, InputFormat.Auto) { IsMetadata = true }, location: null);
            }
        }
    }
}
