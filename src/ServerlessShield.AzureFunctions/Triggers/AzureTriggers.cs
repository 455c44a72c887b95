namespace ServerlessShield;

/// <summary>Describes Azure Functions trigger binding types in the core's event-source model.</summary>
public static class AzureTriggers
{
    /// <summary>The event source for a trigger binding type such as <c>httpTrigger</c> or <c>serviceBusTrigger</c>.</summary>
    /// <param name="bindingType">The binding type, as the SDK writes it in function metadata; compared case-insensitively.</param>
    /// <returns>The source: its family and the binding type as its name. Unknown types are <see cref="EventSourceKind.Custom"/>.</returns>
    public static EventSourceInfo Describe(string bindingType)
    {
        ArgumentException.ThrowIfNullOrEmpty(bindingType);
        return new EventSourceInfo(AzureFunctions.AzureTriggerMap.KindOf(bindingType), bindingType);
    }
}
