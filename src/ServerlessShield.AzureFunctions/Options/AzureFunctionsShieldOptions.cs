namespace ServerlessShield;

/// <summary>
/// Settings of the Azure Functions adapter that the platform-neutral <see cref="ShieldOptions"/> cannot carry, set in code
/// through <c>UseServerlessShield(configureAzure: ...)</c>.
/// </summary>
public sealed class AzureFunctionsShieldOptions
{
    /// <summary>
    /// The functions, by name, that answer Event Grid webhook handshakes: the subscription validation event
    /// (<c>{"validationResponse": code}</c>) and the CloudEvents <c>OPTIONS</c> abuse-protection request
    /// (<c>WebHook-Request-Origin</c> answered with <c>WebHook-Allowed-Origin</c>), for HTTP-triggered webhooks and
    /// <c>eventGridTrigger</c> functions. Anywhere else a handshake is not answered and is a finding of
    /// <see cref="AzureFunctionsRules.EventGridValidationNotEnabled"/>. Empty by default.
    /// </summary>
    public ISet<string> EventGridValidationFunctions { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The request headers whose values are inspected as text inputs (<c>headers.&lt;name&gt;</c>), compared
    /// case-insensitively. Default: <c>User-Agent</c>, <c>Referer</c>, <c>X-Forwarded-For</c>, <c>X-Forwarded-Host</c>,
    /// <c>Origin</c>. Credentials (<c>Authorization</c>, <c>Proxy-Authorization</c>, function and API keys) are never
    /// inspected, even when listed, so their values cannot reach telemetry even as hashes. See <see cref="HttpInputOptions"/>.
    /// </summary>
    public ISet<string> InspectedHeaders => Http.InspectedHeaders;

    /// <summary>
    /// Whether every custom <c>X-*</c> request header is inspected too, except the platform's own (<c>X-MS-*</c>,
    /// <c>X-ARR-*</c>, <c>X-Forwarded-Proto</c>) and credentials. Default: true.
    /// </summary>
    public bool InspectCustomHeaders
    {
        get => Http.InspectCustomHeaders;
        set => Http.InspectCustomHeaders = value;
    }

    /// <summary>Whether each cookie value of the <c>Cookie</c> header is inspected as a text input (<c>cookies.&lt;name&gt;</c>). Default: true.</summary>
    public bool InspectCookies
    {
        get => Http.InspectCookies;
        set => Http.InspectCookies = value;
    }

    // The settings the core's HttpRequestInputs reads, shared with the Lambda adapter.
    internal HttpInputOptions Http { get; } = new();
}
