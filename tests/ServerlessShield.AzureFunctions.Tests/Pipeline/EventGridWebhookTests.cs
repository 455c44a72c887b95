using System.Text.Json;
using ServerlessShield.AzureFunctions.Tests.FakeHost;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>HTTP-triggered Event Grid webhooks: the handshakes are answered only by the function configured to answer them.</summary>
public sealed class EventGridWebhookTests(HostBuilderWorkerFixture worker) : IClassFixture<HostBuilderWorkerFixture>
{
    private static readonly Dictionary<string, string> ValidationHeaders = new() { ["aeg-event-type"] = "SubscriptionValidation" };

    [Fact]
    public async Task SubscriptionValidation_EnabledFunction_AnswersWithTheValidationCode()
    {
        var code = "code-\"quoted\"-" + Guid.NewGuid().ToString("N")[..6];

        var response = await worker.InvokeHttpAsync("GridWebhook", ValidationBody(code), "application/json", headers: ValidationHeaders);

        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(200, http.StatusCode);
        using var body = JsonDocument.Parse(http.Body);
        Assert.Equal(code, body.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task SubscriptionValidation_OtherFunction_IsNotAnsweredAndIsReported()
    {
        var response = await worker.InvokeHttpAsync("ClosedGridWebhook", ValidationBody("c-1"), "application/json", headers: ValidationHeaders);

        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(403, http.StatusCode);
        Assert.DoesNotContain("validationResponse", http.Body, StringComparison.Ordinal);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD5304");
    }

    [Fact]
    public async Task SubscriptionValidation_WithoutTheHeader_IsStillRecognisedByItsEventType()
    {
        var response = await worker.InvokeHttpAsync("ClosedGridWebhook", ValidationBody("c-2"), "application/json");

        Assert.Equal(403, HttpResult.FromReturnValue(response).StatusCode);
    }

    // Regression: a validation code escaping a lone surrogate made reading it throw InvalidOperationException, and the
    // shield failed (500, SHIELD3002) instead of leaving the event to the inspector.
    [Fact]
    public async Task SubscriptionValidation_CodeEscapingALoneSurrogate_IsReportedByTheInspector_NotAShieldFailure()
    {
        var body = ValidationBody("placeholder").Replace("\"placeholder\"", "\"\\ud800\"", StringComparison.Ordinal);

        var response = await worker.InvokeHttpAsync("GridWebhook", body, "application/json", headers: ValidationHeaders);

        Assert.Equal(400, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Contains(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == "SHIELD2010");
    }

    [Fact]
    public async Task CloudEventsAbuseProtection_EnabledFunction_AllowsTheOrigin()
    {
        var response = await worker.InvokeHttpAsync("GridWebhook", string.Empty, method: "OPTIONS",
            headers: new Dictionary<string, string> { ["WebHook-Request-Origin"] = "eventemitter.example.com" });

        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(200, http.StatusCode);
        Assert.Equal("eventemitter.example.com", http.Headers["WebHook-Allowed-Origin"]);
    }

    [Fact]
    public async Task CloudEventsAbuseProtection_OtherFunction_IsNotAnswered()
    {
        var response = await worker.InvokeHttpAsync("ClosedGridWebhook", string.Empty, method: "OPTIONS",
            headers: new Dictionary<string, string> { ["WebHook-Request-Origin"] = "eventemitter.example.com" });

        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(403, http.StatusCode);
        Assert.False(http.Headers.ContainsKey("WebHook-Allowed-Origin"));
    }

    [Fact]
    public async Task OrdinaryEvent_EnabledFunction_RunsTheFunction()
    {
        var body = "[" + EventGridTriggerTests.GridEvent("e-1", "{\"n\":1}") + "]";

        var response = await worker.InvokeHttpAsync("GridWebhook", body, "application/json", headers: new Dictionary<string, string> { ["aeg-event-type"] = "Notification" });

        Assert.Equal(202, HttpResult.FromReturnValue(response).StatusCode);
    }

    private static string ValidationBody(string code) =>
        "[{\"id\":\"v-1\",\"topic\":\"/subscriptions/s\",\"subject\":\"\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"dataVersion\":\"2\",\"data\":{\"validationCode\":"
        + JsonSerializer.Serialize(code) + "}}]";
}
