using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// Maps the worker's trigger binding types (the SDK writes them as "httpTrigger", "queueTrigger", ...) to the core's
// event-source families. Matching is by string, so the adapter needs none of the trigger extension packages.
internal static class AzureTriggerMap
{
    public const string HttpTrigger = "httpTrigger";

    public static EventSourceKind KindOf(string bindingType) => bindingType.ToUpperInvariant() switch
    {
        "HTTPTRIGGER" => EventSourceKind.Http,
        "QUEUETRIGGER" or "SERVICEBUSTRIGGER" => EventSourceKind.Queue,
        "EVENTGRIDTRIGGER" => EventSourceKind.PubSub,
        "BLOBTRIGGER" => EventSourceKind.Storage,
        "EVENTHUBTRIGGER" => EventSourceKind.Stream,
        "COSMOSDBTRIGGER" => EventSourceKind.Database,
        "TIMERTRIGGER" => EventSourceKind.Schedule,
        _ => EventSourceKind.Custom,
    };

    /// <summary>The trigger binding of a function: the input binding whose type ends with "Trigger".</summary>
    public static BindingMetadata? FindTrigger(FunctionDefinition definition)
    {
        foreach (var binding in definition.InputBindings.Values)
        {
            if (binding.Type?.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase) == true)
            {
                return binding;
            }
        }

        return null;
    }

    public static EventSourceInfo SourceOf(BindingMetadata? trigger) =>
        trigger?.Type is { Length: > 0 } type ? AzureTriggers.Describe(type) : EventSourceInfo.Unknown;
}
