using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// An eventGridTrigger delivery: one event (Event Grid or CloudEvents schema) or an array of them. Each event's data
// (data_base64 decoded) is one input, its subject another (metadata: the publisher chose it, and for storage events it
// holds the blob's name, which the uploader chose); in an array each event is a record whose item id is the event id.
// A subscription validation event is never inspected as data: the function either opted into the handshake (it is
// then not invoked for it) or it gets a finding of SHIELD5304 and the event is not answered.
internal static class EventGridInputs
{
    public static void Add(FunctionContext functionContext, FunctionShieldPlan plan, ShieldContext context, ShieldedInvocation invocation, object? value)
    {
        var name = plan.Trigger!.Name;
        var limits = context.Policy.Limits;
        List<ReadOnlyMemory<byte>> events;
        bool isBatch;
        if (value is Azure.Messaging.CloudEvent cloudEvent)
        {
            // The SDK type's converter ran before the shield could see the JSON: inspect the data it parsed.
            AddCloudEvent(context, name, cloudEvent, null);
            return;
        }

        if (value is IEnumerable<Azure.Messaging.CloudEvent> cloudEvents)
        {
            var i = 0;
            foreach (var item in cloudEvents)
            {
                AddCloudEvent(context, $"{name}[{i.ToString(CultureInfo.InvariantCulture)}]", item, item.Id ?? i.ToString(CultureInfo.InvariantCulture));
                i++;
            }

            return;
        }

        var data = TriggerValues.ToData(value, limits.MaxPayloadBytes);
        if (data.Records is { } records)
        {
            (events, isBatch) = (records, true);
        }
        else if (data.Single is { } single)
        {
            var split = JsonRecords.TrySplit(single, limits.MaxDepth);
            (events, isBatch) = split is null ? ([single], false) : (split, true);
        }
        else
        {
            return;
        }

        var validations = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            var path = isBatch ? $"{name}[{index}]" : name;
            if (events[i].Length > limits.MaxPayloadBytes || !EventGridEvent.TryRead(events[i], out var e))
            {
                // Too large to read, or not an event object: the whole event is the input, and the inspector says why.
                context.Inputs.Add(new ShieldInput(path, events[i], InputFormat.Json, isBatch ? index : null));
                continue;
            }

            var itemId = isBatch ? (string.IsNullOrEmpty(e.Id) ? index : e.Id) : null;
            if (e.IsSubscriptionValidation)
            {
                if (plan.AnswersEventGridValidation)
                {
                    validations++;
                }
                else
                {
                    context.Report(AzureFunctionsRules.EventGridValidationNotEnabled, path, itemId);
                }

                continue;
            }

            if (e.Data is { } eventData)
            {
                context.Inputs.Add(new ShieldInput(path + "." + e.DataProperty, eventData, e.DataFormat, itemId));
            }

            AddSubject(context, path, e.Subject, itemId);
        }

        if (validations > 0 && validations == events.Count)
        {
            // The Functions host answers the handshake at its Event Grid webhook; a validation event that still reaches
            // the worker is acknowledged without running the function.
            invocation.Answer = static () => ValueTask.CompletedTask;
            invocation.AnswerKind = "Event Grid subscription validation";
        }
    }

    private static void AddCloudEvent(ShieldContext context, string path, Azure.Messaging.CloudEvent cloudEvent, string? itemId)
    {
        if (cloudEvent.Data is { } data)
        {
            context.Inputs.Add(new ShieldInput(path + ".data", data.ToMemory(), InputFormat.Auto, itemId));
        }

        AddSubject(context, path, cloudEvent.Subject, itemId);
    }

    private static void AddSubject(ShieldContext context, string path, string? subject, string? itemId)
    {
        if (!string.IsNullOrEmpty(subject))
        {
            context.Inputs.Add(new ShieldInput(path + ".subject", System.Text.Encoding.UTF8.GetBytes(subject), InputFormat.Text, itemId) { IsMetadata = true });
        }
    }
}
