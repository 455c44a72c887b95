using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;

namespace ServerlessShield.AzureFunctions;

// Copies a non-HTTP trigger's payload into the shield context, from the very argument the function will receive.
// BindInputAsync<string> is avoided on purpose: its result is cached by binding name and would be handed to a
// function that expects another type (InvalidCastException).
internal static class TriggerInputReader
{
    public static async ValueTask ReadAsync(FunctionContext functionContext, BindingMetadata trigger, ShieldContext context)
    {
        var value = await BindTriggerArgumentAsync(functionContext, trigger.Name).ConfigureAwait(false);
        if (ToBatch(value) is { } batch)
        {
            // A batch (Event Hubs, Service Bus with cardinality many): one input per record, so a finding rejects
            // that record only and the adapter reports which.
            for (var i = 0; i < batch.Count; i++)
            {
                var itemId = i.ToString(CultureInfo.InvariantCulture);
                context.Inputs.Add(new ShieldInput($"{trigger.Name}[{itemId}]", batch[i], InputFormat.Auto, itemId));
            }

            return;
        }

        var data = ToBytes(value)
            ?? ToBytes(FindBindingData(functionContext, trigger.Name))
            ?? ToBytes(PayloadMetadataKey(trigger.Type) is { } key ? FindBindingData(functionContext, key) : null);
        if (data is { } bytes)
        {
            context.Inputs.Add(new ShieldInput(trigger.Name, bytes));
        }
    }

    // Typed arms: with a natural type of ReadOnlyMemory<byte>, a null arm would silently become an empty payload.
    internal static ReadOnlyMemory<byte>? ToBytes(object? value) => value switch
    {
        string text => (ReadOnlyMemory<byte>?)Encoding.UTF8.GetBytes(text),
        byte[] bytes => (ReadOnlyMemory<byte>?)bytes,
        ReadOnlyMemory<byte> memory => (ReadOnlyMemory<byte>?)memory,
        BinaryData binary => (ReadOnlyMemory<byte>?)binary.ToMemory(),
        _ => (ReadOnlyMemory<byte>?)null,
    };

    // Every record of a batch argument as bytes, or null when the value is not a batch of text or binary records.
    internal static List<ReadOnlyMemory<byte>>? ToBatch(object? value)
    {
        if (value is string or byte[] or not IEnumerable)
        {
            return null;
        }

        var records = new List<ReadOnlyMemory<byte>>();
        foreach (var item in (IEnumerable)value)
        {
            if (ToBytes(item) is not { } bytes)
            {
                return null;
            }

            records.Add(bytes);
        }

        return records;
    }

    private static async ValueTask<object?> BindTriggerArgumentAsync(FunctionContext functionContext, string bindingName)
    {
        if (functionContext.Features.Get<IFunctionInputBindingFeature>() is not { } binder)
        {
            return null;
        }

        var parameters = functionContext.FunctionDefinition.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (string.Equals(parameters[i].Name, bindingName, StringComparison.Ordinal))
            {
                // The worker caches the result and the executor reuses the same arguments: binding here is free.
                var result = await binder.BindFunctionInputAsync(functionContext).ConfigureAwait(false);
                return i < result.Values.Length ? result.Values[i] : null;
            }
        }

        return null;
    }

    // Where a trigger's raw payload sits in its metadata when the function takes a deserialized object.
    internal static string? PayloadMetadataKey(string bindingType) =>
        string.Equals(bindingType, "queueTrigger", StringComparison.OrdinalIgnoreCase) ? "QueueTrigger" : null;

    private static string? FindBindingData(FunctionContext functionContext, string bindingName) =>
        functionContext.BindingContext.BindingData.TryGetValue(bindingName, out var value) ? value as string : null;
}
