using System.Globalization;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;

namespace ServerlessShield.AzureFunctions;

// Copies a non-HTTP trigger's payload into the shield context, as the host delivered it: the source the worker's input
// conversion saw (a JSON string before it became a POCO), else the argument the function receives, else the trigger
// metadata that carries the payload. Batches become one input per record, so a finding names its record.
// BindInputAsync<string> is avoided on purpose: its result is cached by binding name and would be handed to a
// function that expects another type (InvalidCastException).
internal static class TriggerInputReader
{
    public static async ValueTask ReadAsync(FunctionContext functionContext, FunctionShieldPlan plan, ShieldContext context, ShieldedInvocation invocation)
    {
        var trigger = plan.Trigger!;
        var value = await ReadTriggerValueAsync(functionContext, plan).ConfigureAwait(false);
        var limits = context.Policy.Limits;
        switch (trigger.Type.ToUpperInvariant())
        {
            case "EVENTGRIDTRIGGER":
                EventGridInputs.Add(functionContext, plan, context, invocation, value);
                return;
            case "COSMOSDBTRIGGER":
                AddRecords(context, trigger.Name, AsBatch(value, limits, splitJsonArray: true), null);
                return;
            case "EVENTHUBTRIGGER":
                AddRecords(context, trigger.Name, AsBatch(value, limits, splitJsonArray: plan.IsBatchParameter), BindingDataValues.GetIds(functionContext, "SequenceNumberArray"));
                AddProperties(functionContext, context, trigger.Name, "PropertiesArray", "Properties", BindingDataValues.GetIds(functionContext, "SequenceNumberArray"));
                return;
            case "SERVICEBUSTRIGGER":
                var messageIds = BindingDataValues.GetIds(functionContext, "MessageIdArray");
                AddRecords(context, trigger.Name, AsBatch(value, limits, splitJsonArray: plan.IsBatchParameter), messageIds);
                AddProperties(functionContext, context, trigger.Name, "ApplicationPropertiesArray", "ApplicationProperties", messageIds);
                AddSenderFields(functionContext, context, trigger.Name, messageIds);
                return;
            case "BLOBTRIGGER":
                AddRecords(context, trigger.Name, TriggerValues.ToData(value, limits.MaxPayloadBytes), null);
                AddBlobDescription(functionContext, context, trigger.Name);
                return;
            default:
                var data = TriggerValues.ToData(value, limits.MaxPayloadBytes);
                if (data.IsNone && PayloadMetadataKey(trigger.Type) is { } key && BindingDataValues.GetString(functionContext, key) is { } raw)
                {
                    data = TriggerValues.ToData(raw, limits.MaxPayloadBytes);
                }

                AddRecords(context, trigger.Name, data, null);
                return;
        }
    }

    // A JSON array the host delivered as one string is split into records when the trigger always batches (Cosmos DB)
    // or the function's parameter is a collection; a single message that happens to be an array stays one input.
    internal static TriggerData AsBatch(object? value, PayloadLimits limits, bool splitJsonArray)
    {
        var data = TriggerValues.ToData(value, limits.MaxPayloadBytes);
        if (splitJsonArray && data.Single is { } single && JsonRecords.TrySplit(single, limits.MaxDepth) is { } records)
        {
            return TriggerData.Batch(records);
        }

        return data;
    }

    internal static void AddRecords(ShieldContext context, string bindingName, TriggerData data, string?[]? itemIds)
    {
        if (data.Single is { } single)
        {
            context.Inputs.Add(new ShieldInput(bindingName, single));
            return;
        }

        if (data.Records is not { } records)
        {
            return;
        }

        for (var i = 0; i < records.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            context.Inputs.Add(new ShieldInput($"{bindingName}[{index}]", records[i], InputFormat.Auto, ItemId(itemIds, i)));
        }
    }

    // The platform's id of record i (message id, sequence number) when the host sent one, else its index.
    internal static string ItemId(string?[]? itemIds, int index) =>
        itemIds is not null && index < itemIds.Length && !string.IsNullOrEmpty(itemIds[index])
            ? itemIds[index]!
            : index.ToString(CultureInfo.InvariantCulture);

    // User-set message properties (Service Bus application properties, Event Hubs properties) delivered as trigger
    // metadata: a JSON object for one message, a JSON array of objects for a batch, each tied to its record.
    private static void AddProperties(FunctionContext functionContext, ShieldContext context, string bindingName, string batchKey, string? singleKey, string?[]? itemIds)
    {
        if (BindingDataValues.GetString(functionContext, batchKey) is { Length: > 0 } batch)
        {
            var bytes = Encoding.UTF8.GetBytes(batch);
            if (JsonRecords.TrySplit(bytes, context.Policy.Limits.MaxDepth) is not { } records)
            {
                context.Inputs.Add(new ShieldInput(bindingName + ".properties", bytes, InputFormat.Json) { IsMetadata = true });
                return;
            }

            for (var i = 0; i < records.Count; i++)
            {
                var index = i.ToString(CultureInfo.InvariantCulture);
                context.Inputs.Add(new ShieldInput($"{bindingName}[{index}].properties", records[i], InputFormat.Json, ItemId(itemIds, i)) { IsMetadata = true });
            }
        }
        else if (singleKey is not null && BindingDataValues.GetString(functionContext, singleKey) is { Length: > 0 } single)
        {
            context.Inputs.Add(new ShieldInput(bindingName + ".properties", Encoding.UTF8.GetBytes(single), InputFormat.Json) { IsMetadata = true });
        }
    }

    // The content headers an uploader sets (x-ms-blob-content-*), found in the blob's Properties binding data beside
    // the service's own (ETag, dates, lease state): a Content-Disposition carries a file name functions save under.
    private static readonly string[] UploaderSetBlobProperties = ["ContentDisposition", "ContentType", "ContentEncoding", "ContentLanguage", "CacheControl"];

    // What the uploader chose besides the content, all metadata: the blob's path (an SDK-type blob such as BlobClient
    // carries no content, so this is all there is to read), its user-defined metadata (x-ms-meta-*: an original file
    // name, a tag) and its content headers.
    private static void AddBlobDescription(FunctionContext functionContext, ShieldContext context, string bindingName)
    {
        if ((BindingDataValues.GetString(functionContext, "BlobTrigger") ?? BindingDataValues.GetString(functionContext, "Name")) is { Length: > 0 } blobPath)
        {
            context.Inputs.Add(new ShieldInput(bindingName + ".blobTrigger", Encoding.UTF8.GetBytes(blobPath), InputFormat.Text) { IsMetadata = true });
        }

        if (BindingDataValues.GetString(functionContext, "Metadata") is { Length: > 0 } metadata)
        {
            context.Inputs.Add(new ShieldInput(bindingName + ".metadata", Encoding.UTF8.GetBytes(metadata), InputFormat.Json) { IsMetadata = true });
        }

        if (BindingDataValues.GetString(functionContext, "Properties") is { Length: > 0 } properties)
        {
            foreach (var (name, value) in BindingDataValues.GetStrings(properties, UploaderSetBlobProperties))
            {
                context.Inputs.Add(new ShieldInput($"{bindingName}.properties.{name}", Encoding.UTF8.GetBytes(value), InputFormat.Text) { IsMetadata = true });
            }
        }
    }

    // What a Service Bus sender sets on a message besides its body and application properties, as the host's binding
    // data names it (an array per field for a batch): consumers route on the subject, log the correlation id and look
    // state up by the session id. "Label" is the subject's former name, read when "Subject" is absent. The message id
    // is not listed: a batch's ids are already read, as its item ids.
    private static readonly (string Name, string[] Keys, string[] ArrayKeys)[] ServiceBusSenderFields =
    [
        SenderField("correlationId", "CorrelationId"), SenderField("sessionId", "SessionId"), SenderField("subject", "Subject", "Label"),
        SenderField("replyTo", "ReplyTo"), SenderField("replyToSessionId", "ReplyToSessionId"), SenderField("to", "To"),
        SenderField("contentType", "ContentType"), SenderField("partitionKey", "PartitionKey"),
    ];

    private static (string Name, string[] Keys, string[] ArrayKeys) SenderField(string name, params string[] keys) =>
        (name, keys, [.. keys.Select(key => key + "Array")]);

    private static void AddSenderFields(FunctionContext functionContext, ShieldContext context, string bindingName, string?[]? messageIds)
    {
        AddSenderField(context, bindingName, "messageId", messageIds, messageIds is null ? BindingDataValues.GetString(functionContext, "MessageId") : null, messageIds);
        foreach (var (name, keys, arrayKeys) in ServiceBusSenderFields)
        {
            string?[]? batch = null;
            foreach (var arrayKey in arrayKeys)
            {
                batch ??= BindingDataValues.GetIds(functionContext, arrayKey);
            }

            string? single = null;
            if (batch is null)
            {
                foreach (var key in keys)
                {
                    single ??= BindingDataValues.GetString(functionContext, key);
                }
            }

            AddSenderField(context, bindingName, name, batch, single, messageIds);
        }
    }

    // One field: per message of a batch (tied to its message id), or of the one message.
    private static void AddSenderField(ShieldContext context, string bindingName, string name, string?[]? batch, string? single, string?[]? messageIds)
    {
        if (batch is not null)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                if (batch[i] is { Length: > 0 } value)
                {
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    context.Inputs.Add(new ShieldInput($"{bindingName}[{index}].{name}", Encoding.UTF8.GetBytes(value), InputFormat.Text, ItemId(messageIds, i)) { IsMetadata = true });
                }
            }
        }
        else if (single is { Length: > 0 })
        {
            context.Inputs.Add(new ShieldInput($"{bindingName}.{name}", Encoding.UTF8.GetBytes(single), InputFormat.Text) { IsMetadata = true });
        }
    }

    private static async ValueTask<object?> ReadTriggerValueAsync(FunctionContext functionContext, FunctionShieldPlan plan)
    {
        if (plan.TriggerParameter < 0 || functionContext.Features.Get<IFunctionInputBindingFeature>() is not { } binder)
        {
            return null;
        }

        var capture = RawInputCapture.Start(functionContext);
        try
        {
            // The worker caches the result and the executor reuses the same arguments: binding here is free.
            FunctionInputBindingResult? result = null;
            try
            {
                result = await binder.BindFunctionInputAsync(functionContext).ConfigureAwait(false);
            }
            catch (FunctionInputConverterException)
            {
                // The payload does not fit the function's type: inspect what arrived anyway; the function's own binding
                // fails afterwards exactly as it would without the shield (redacted).
            }

            if (capture.TryGetSource(functionContext.FunctionDefinition, plan.TriggerParameter, out var source)
                && source is not (Microsoft.Azure.Functions.Worker.Core.ModelBindingData or Microsoft.Azure.Functions.Worker.Core.CollectionModelBindingData))
            {
                return source;
            }

            return result is not null && plan.TriggerParameter < result.Values.Length ? result.Values[plan.TriggerParameter] : null;
        }
        finally
        {
            RawInputCapture.Stop(functionContext);
        }
    }

    // Where a trigger's raw payload sits in its metadata when the function takes a deserialized object.
    internal static string? PayloadMetadataKey(string bindingType) =>
        string.Equals(bindingType, "queueTrigger", StringComparison.OrdinalIgnoreCase) ? "QueueTrigger" : null;
}
