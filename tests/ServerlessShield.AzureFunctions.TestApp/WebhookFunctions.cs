using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions.TestApp;

/// <summary>HTTP-triggered Event Grid webhooks: one that answers the handshakes (configured in the fixtures), one that does not.</summary>
public static class WebhookFunctions
{
    [Function("GridWebhook")]
    [Shield]
    public static HttpResponseData GridWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", "options")] HttpRequestData req) =>
        req.CreateResponse(HttpStatusCode.Accepted);

    [Function("ClosedGridWebhook")]
    [Shield]
    public static HttpResponseData ClosedGridWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", "options")] HttpRequestData req) =>
        req.CreateResponse(HttpStatusCode.Accepted);
}
