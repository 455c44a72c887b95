using Microsoft.Azure.Functions.Worker;

namespace ServerlessShield.AzureFunctions.TestApp;

public static class QueueFunctions
{
    [Function("OnOrder")]
    [Shield(MaxPayloadBytes = 64)]
    [QueueOutput("processed")]
    public static string OnOrder([QueueTrigger("orders")] string message) =>
        message == "fail" ? throw new InvalidOperationException("Order store rejected " + HttpFunctions.Secret) : "processed:" + message;

    [Function("OnTypedOrder")]
    [Shield(MaxPayloadBytes = 64)]
    [QueueOutput("processed")]
    public static string OnTypedOrder([QueueTrigger("typed-orders")] Order order) => "processed:" + order.Sku;

    [Function("UnshieldedOnOrder")]
    public static void UnshieldedOnOrder([QueueTrigger("orders-unshielded")] string message) =>
        throw new InvalidOperationException("Order store rejected " + HttpFunctions.Secret);
}

public sealed record Order(string Sku, int Quantity);
