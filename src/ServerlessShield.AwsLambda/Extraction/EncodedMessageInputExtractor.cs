using System.Text.Json;

namespace ServerlessShield.AwsLambda;

// Message sources whose payloads are base64: Kafka (records grouped by topic-partition; value and key) and Amazon MQ
// (ActiveMQ messages[], RabbitMQ messages grouped by queue). Decoded before inspection.
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
                        var input = RecordInputs.Base64(RecordInputs.Path($"{groupsName}.{group.Name}", index, field), data, out var encoding);
                        context.Add(lambdaEvent, input, InputLocation.Of(encoding, groupsName, group.Name, index, field));
                    }
                }

                index++;
            }
        }
    }
}
