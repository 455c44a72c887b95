using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions;

// What the middleware needs to know about one function, worked out on its first invocation and cached.
internal sealed record FunctionShieldPlan(ShieldPolicy Policy, EventSourceInfo Source, BindingMetadata? Trigger);
