namespace ServerlessShield;

/// <summary>
/// The rules the Azure Functions adapter adds to the catalog (<c>SHIELD52xx</c>). They are registered when the shield is
/// added to a worker, so their ids and names can be given modes in configuration like the built-in rules.
/// </summary>
public static class AzureFunctionsRules
{
    static AzureFunctionsRules()
    {
        foreach (var rule in All)
        {
            ShieldRuleCatalog.Register(rule);
        }
    }

    /// <summary>
    /// An Event Grid subscription validation event or a CloudEvents webhook handshake reached a function that does not
    /// answer it (<see cref="AzureFunctionsShieldOptions.EventGridValidationFunctions"/>). It is not answered, so nobody
    /// can subscribe the endpoint to a topic of their own through it.
    /// </summary>
    public static ShieldRule EventGridValidationNotEnabled { get; } = new(5304, "eventgrid-validation-not-enabled", ShieldSeverity.Medium, 403,
        "An Event Grid subscription validation or CloudEvents webhook handshake reached a function that does not answer it.");

    /// <summary>Every rule of the Azure Functions adapter, in id order.</summary>
    public static IReadOnlyList<ShieldRule> All { get; } = [EventGridValidationNotEnabled];

    // Touching this runs the static constructor, which registers the rules before options are validated.
    internal static void EnsureRegistered() => _ = All;
}
