using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// What the middleware needs to know about one function, worked out on its first invocation and cached.
internal sealed record FunctionShieldPlan(ShieldPolicy Policy, EventSourceInfo Source, BindingMetadata? Trigger)
{
    /// <summary>The index of the trigger's parameter in the function's signature; -1 when no parameter binds it.</summary>
    public int TriggerParameter { get; init; } = -1;

    /// <summary>Whether the trigger's parameter is a collection (string[], IReadOnlyList&lt;T&gt;, ...): a batch.</summary>
    public bool IsBatchParameter { get; init; }

    /// <summary>Whether the function answers Event Grid subscription validation and CloudEvents webhook handshakes.</summary>
    public bool AnswersEventGridValidation { get; init; }

    /// <summary>The route parameter names of an HTTP trigger's route template, read as text inputs.</summary>
    public IReadOnlyList<string> RouteParameters { get; init; } = [];
}
