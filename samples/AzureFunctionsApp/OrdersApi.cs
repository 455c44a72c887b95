using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using ServerlessShield;

namespace AzureFunctionsApp;

/// <summary>An HTTP API. Bodies over 16 KiB are answered with 413 problem+json before the function runs.</summary>
public static class OrdersApi
{
    [Function("CreateOrder")]
    [Shield(MaxPayloadBytes = 16 * 1024, MaxDepth = 8)]
    public static async Task<MultiResponse> CreateOrder(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "orders")] HttpRequestData req)
    {
        var order = await JsonSerializer.DeserializeAsync(req.Body, OrderJsonContext.Default.Order)
            ?? throw new InvalidOperationException("The order is empty.");

        var response = req.CreateResponse(HttpStatusCode.Accepted);
        await response.WriteStringAsync($"Order for {order.Quantity} x {order.Sku} accepted.");
        return new MultiResponse { Message = JsonSerializer.Serialize(order, OrderJsonContext.Default.Order), Http = response };
    }
}
